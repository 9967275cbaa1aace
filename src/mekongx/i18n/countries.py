"""ISO 3166-1 alpha-2 country codes and their names in the interface languages.

The codes and names come from the Unicode CLDR territory data shipped with Babel (already a
dependency). CLDR also lists regions and codes that are not ISO 3166-1 countries; they are left
out below, which leaves the 249 officially assigned codes (ISO 3166-1:2020 and its updates).
"""

from __future__ import annotations

from functools import cache

from babel import Locale

# CLDR territories that are not officially assigned ISO 3166-1 alpha-2 codes: exceptionally
# reserved (AC, CP, DG, EA, IC, TA), user-assigned or private use (QO, XA, XB, XK, ZZ),
# groupings (EU, EZ, UN) and CQ (Sark, reserved).
_NOT_ISO = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"})  # fmt: skip
_LOCALES = {"en": "en", "th": "th", "zh": "zh_Hans", "lo": "lo", "my": "my", "km": "km", "vi": "vi"}


@cache
def codes() -> frozenset[str]:
    found = {str(code) for code in Locale("en").territories}
    return frozenset(c for c in found if len(c) == 2 and c.isalpha() and c.isupper()) - _NOT_ISO


def is_country(code: str) -> bool:
    return code in codes()


@cache
def names(lang: str) -> tuple[tuple[str, str], ...]:
    """(code, name) pairs sorted by name in ``lang``; the Mekong countries first."""
    territories = {
        str(k): str(v) for k, v in Locale.parse(_LOCALES.get(lang, "en")).territories.items()
    }
    first = ("TH", "CN", "LA", "MM", "KH", "VN")
    rest = sorted((c for c in codes() if c not in first), key=lambda c: territories.get(c, c))
    return tuple((c, territories.get(c, c)) for c in (*first, *rest))
