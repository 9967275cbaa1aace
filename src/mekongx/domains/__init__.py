"""Vertical slices, one per cooperation area."""
