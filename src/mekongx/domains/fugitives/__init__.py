"""Wanted-person notices (modelled on INTERPOL red notices) and name screening against them."""
