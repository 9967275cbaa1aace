"""Capacity building (point 8): courses, study visits and exchanges, participants, certificates."""
