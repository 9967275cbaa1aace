"""Field problems built from pydantic's errors carry no English inside a translated message."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel

from mekongx.errors import ValidationFailed
from mekongx.i18n import translator
from mekongx.validation import parse


class _Choice(BaseModel):
    code: Literal["H0", "H1", "H2", "H3"]


def test_a_list_of_allowed_values_has_no_english_or() -> None:
    with pytest.raises(ValidationFailed) as refused:
        parse(_Choice, {"code": "H9"})
    (problem,) = refused.value.fields
    assert problem.params["expected"] == "'H0', 'H1', 'H2', 'H3'"
    shown = translator("zh")(problem.message, **problem.params)
    assert " or " not in shown and "'H3'" in shown
