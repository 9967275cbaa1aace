"""Prevention among children and youth (point 7): programmes, reach as counts, outcomes."""
