"""Point 3: keep precursor chemicals from the Golden Triangle (register, screening, pre-export
notifications, incidents, INCB Form D). The science lives in :mod:`mekongx.chemistry`."""
