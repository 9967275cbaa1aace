"""What a prevention programme looks like on the exchange (``prevention.programme``,
``docs/schemas/``): the programme's fields with the rules of a user's input, its units, its
activities without their notes, its reach counts and its indicators with their outcomes.

Nothing about a minor crosses a border: the payload has no field that could hold a person, its
texts are checked for identifiers on both sides, and a count of children (an age band under 18,
or the participants of an activity of a programme for minors) between 1 and ``SMALL_CELL - 1``
is never sent (the sender leaves it out and says how many it left out; the receiver refuses a
payload that carries one)."""

from __future__ import annotations

from typing import Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from mekongx.domains.prevention.models import MINOR_BANDS
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    AgeBand,
    IndicatorInput,
    Measure,
    OutcomeInput,
    ProgrammeFields,
    Sex,
    UnitInput,
)
from mekongx.i18n import N_

SMALL_CELL = 5
Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")


def small_group_of_children(age_from: int, participants: int | None) -> bool:
    """An activity of a programme for minors with 1 to ``SMALL_CELL - 1`` participants: its
    count never crosses a border (it could point at a few children)."""
    return age_from < 18 and participants is not None and 0 < participants < SMALL_CELL


class UnitPayload(UnitInput):
    uid: str = Uid


class ActivityPayload(ActivityInput):
    uid: str = Uid
    notes: str = Field("", max_length=0)  # an activity's notes never leave the node


class CountPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=1990, le=2100)
    region: str = Field("", max_length=100)
    measure: Measure
    age_band: AgeBand
    sex: Sex
    count: int = Field(ge=0, le=2_000_000_000)
    source: str = Field("", max_length=2_000)
    verified: bool = False

    @model_validator(mode="after")
    def _no_small_cells(self) -> Self:
        if self.age_band in MINOR_BANDS and 0 < self.count < SMALL_CELL:
            raise PydanticCustomError(
                "mekongx", N_("A count of fewer than %(n)s children never crosses a border."),
                {"n": SMALL_CELL},
            )  # fmt: skip
        return self


class OutcomePayload(OutcomeInput):
    indicator: str = Field("", max_length=0)  # given by the enclosing indicator


class IndicatorPayload(IndicatorInput):
    uid: str = Uid
    outcomes: list[OutcomePayload] = Field(default_factory=list, max_length=2_000)


class ProgrammePayload(ProgrammeFields):
    """``prevention.programme``."""

    uid: str = Uid
    version: int = Field(ge=1)
    origin_agency: str = AgencyCode
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    units: list[UnitPayload] = Field(default_factory=list, max_length=5_000)
    activities: list[ActivityPayload] = Field(default_factory=list, max_length=5_000)
    reach: list[CountPayload] = Field(default_factory=list, max_length=20_000)
    suppressed_counts: int = Field(0, ge=0)
    indicators: list[IndicatorPayload] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _no_small_groups(self) -> Self:
        if any(small_group_of_children(self.age_from, a.participants) for a in self.activities):
            raise PydanticCustomError(
                "mekongx", N_("A count of fewer than %(n)s children never crosses a border."),
                {"n": SMALL_CELL},
            )  # fmt: skip
        return self
