"""Shared fixtures for the wastewater library tests."""

from __future__ import annotations

import pytest

from mekongx.wastewater import ParameterSet, default_parameter_set


@pytest.fixture(scope="session")
def params() -> ParameterSet:
    return default_parameter_set()
