"""The languages a person reads: Thai, Simplified Chinese, Lao, Burmese, Khmer, Vietnamese, English.

``KNOWN_LANGUAGES`` are all of them; ``LANGUAGES`` those offered, whose catalogs are complete.

Strings are marked with ``_()`` (translated now) or ``N_()`` (translated later, e.g. an error
raised deep in a service and rendered by the delivery layer in the user's language). The
catalogs are ordinary gettext ``.po`` files under ``locale/``, read with Babel at start-up.
"""

from mekongx.i18n.catalog import (
    ENABLED,
    KNOWN_LANGUAGES,
    LANGUAGE_CODES,
    LANGUAGES,
    LOCALE_DIRS,
    N_,
    Language,
    Translator,
    negotiate,
    translator,
)
from mekongx.i18n.dates import (
    format_date,
    format_datetime,
    format_gregorian,
    format_gregorian_datetime,
    native_digits,
    needs_gregorian,
)
from mekongx.i18n.numbers import format_money, format_number

__all__ = [
    "ENABLED",
    "KNOWN_LANGUAGES",
    "LANGUAGES",
    "LANGUAGE_CODES",
    "LOCALE_DIRS",
    "N_",
    "Language",
    "Translator",
    "format_date",
    "format_datetime",
    "format_gregorian",
    "format_gregorian_datetime",
    "format_money",
    "format_number",
    "native_digits",
    "needs_gregorian",
    "negotiate",
    "translator",
]
