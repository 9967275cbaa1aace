"""MekongX: one agency's node in a federation for drug-control cooperation."""

__version__ = "0.1.0"
