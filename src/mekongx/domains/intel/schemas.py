"""What a user may send when creating or editing an intelligence report."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from mekongx.authz.sharing import SharingInput
from mekongx.i18n import Language


class ReportFields(SharingInput):
    """The fields of a report, with their rules: the same for a user's input and for a copy that
    arrives over the exchange."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=300)
    narrative: str = Field(min_length=1, max_length=50_000)
    language: Language
    source_reliability: Literal["A", "B", "C", "X"]
    info_reliability: int = Field(ge=1, le=4)


class ReportInput(ReportFields):
    expected_version: int | None = None
