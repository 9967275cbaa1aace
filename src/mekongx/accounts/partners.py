"""The Safe Mekong partner agencies shipped with the package (``data/mekong_partners.yaml``):
their codes, countries and official names in their own language, English, Thai and Chinese,
each with its source. ``mekongx demo`` and new nodes register them from here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from mekongx.accounts.service import AgencyInput


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

    def agency_input(self, own: str) -> AgencyInput:
        return AgencyInput(self.code, self.en, self.th, self.zh, self.country, self.code == own,
                           name_local=self.local)  # fmt: skip


@cache
def partners() -> tuple[Partner, ...]:
    text = resources.files("mekongx.accounts").joinpath("data/mekong_partners.yaml").read_text()
    return tuple(Partner(**entry) for entry in yaml.safe_load(text))


def partner(code: str) -> Partner:
    return next(p for p in partners() if p.code == code)
