"""Point 1: intelligence reports (exchange and requests for information build on these)."""
