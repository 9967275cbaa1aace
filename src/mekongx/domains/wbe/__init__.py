"""Wastewater-based epidemiology (point 6): sites, laboratories, campaigns, samples, estimates."""
