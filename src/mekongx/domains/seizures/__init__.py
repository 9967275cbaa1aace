"""Seizure reports of the six Safe Mekong countries (issue 17): recorded on each country's node,
shared over the exchange by distribution and handling code, imported in bulk from workbooks."""
