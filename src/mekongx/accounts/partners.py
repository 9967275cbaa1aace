"""The Safe Mekong partner agencies shipped with the package (``data/mekong_partners.yaml``):
their codes, countries and official names in their own language, English, Thai and Chinese,
each with its source, and their names in the other Safe Mekong languages. ``mekongx demo`` and
new nodes register them from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from mekongx.accounts.service import AgencyInput
from mekongx.model.identity import OTHER_NAME_LANGUAGES


@dataclass(frozen=True)
class Partner:
    code: str
    country: str
    en: str
    th: str
    zh: str
    local_language: str
    local: str
    local_checked: bool
    source: str
    others: dict[str, str] = field(default_factory=dict)  # lo/my/km/vi names (not the own one)

    def agency_input(self, own: str) -> AgencyInput:
        names = {**self.others}
        if self.local_language in OTHER_NAME_LANGUAGES:
            names[self.local_language] = self.local
        return AgencyInput(self.code, self.en, self.th, self.zh, self.country, self.code == own,
                           other_names=names)  # fmt: skip


@cache
def partners() -> tuple[Partner, ...]:
    text = resources.files("mekongx.accounts").joinpath("data/mekong_partners.yaml").read_text()
    return tuple(Partner(**entry) for entry in yaml.safe_load(text))


def partner(code: str) -> Partner:
    return next(p for p in partners() if p.code == code)
