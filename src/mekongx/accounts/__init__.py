"""Agencies, sharing groups, users, login sessions and API tokens."""
