"""Numbers as each language's readers expect them: CLDR's grouping and decimal signs (Babel),
in Burmese and Khmer digits for those languages as their dates are (``dates.native_digits``).
Pages (``num`` in every template) and generated documents use the same function."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency, format_decimal

from mekongx.i18n.dates import native_digits

# The CLDR locale of each language's numbers and money
LOCALES: dict[str, str] = {
    "th": "th_TH", "zh": "zh_Hans_CN", "lo": "lo_LA", "my": "my_MM", "km": "km_KH", "vi": "vi_VN",
    "en": "en_GB",
}  # fmt: skip


def format_number(value: int | float | Decimal, lang: str, places: int | None = None) -> str:
    """``value`` grouped per ``lang`` (1,234,567.5; Lao 1.234.567,5; Khmer ១,២៣៤,៥៦៧.៥); with
    ``places``, exactly that many decimals; without, every decimal the value has."""
    if type(value) is int and 0 <= value < 1000 and not places:
        # no grouping below 1,000 in any of the languages: the digits without Babel's ~0.1 ms
        # (a pager shows four numbers)
        return native_digits(str(value), lang)
    locale = LOCALES.get(lang, "en_GB")
    if places is None:
        text = format_decimal(value, locale=locale, decimal_quantization=False)
    else:
        pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
        text = format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)
    return native_digits(text, lang)


def format_money(amount: int | float | Decimal, currency: str, lang: str) -> str:
    """An amount in its currency's own number of decimals, per ``lang``."""
    return native_digits(format_currency(amount, currency, locale=LOCALES.get(lang, "en_GB")), lang)
