"""Loading the gettext catalogs and translating with them."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal, get_args

from babel.messages.pofile import read_po

#: The one list of languages a record, a payload, a document or a person may be in: every
#: area's ``language`` field, the exchange's payload schemas (docs/schemas), the settings and
#: the documents take this type, so a language is added here and nowhere else.
Language = Literal["th", "zh", "lo", "my", "km", "vi", "en"]
LANGUAGE_CODES: tuple[Language, ...] = get_args(Language)

# Every interface language the node knows, in the picker's order, each named in itself.
KNOWN_LANGUAGES: dict[str, str] = {
    "th": "ไทย",
    "zh": "中文",
    "lo": "ລາວ",
    "my": "မြန်မာ",
    "km": "ខ្មែរ",
    "vi": "Tiếng Việt",
    "en": "English",
}
# The languages offered (picker, profile, Accept-Language, agency default) and held complete by
# ``scripts/i18n.py check``: a language joins only once its catalog is complete on main.
ENABLED: tuple[str, ...] = ("th", "zh", "lo", "my", "km", "vi", "en")
LANGUAGES: dict[str, str] = {
    code: KNOWN_LANGUAGES[code] for code in KNOWN_LANGUAGES if code in ENABLED
}
# The catalog directory (gettext locale) of each language; English is the msgids themselves.
LOCALE_DIRS: dict[str, str] = {
    "th": "th", "zh": "zh_Hans", "lo": "lo", "my": "my", "km": "km", "vi": "vi", "en": "en",
}  # fmt: skip


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = resources.files("mekongx.i18n") / "locale" / LOCALE_DIRS[lang] / "messages.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=LOCALE_DIRS[lang])
    table: dict[str, str] = {}
    for message in catalog:
        msgid, text = message.id, message.string
        if (
            msgid
            and isinstance(msgid, str)
            and isinstance(text, str)
            and text
            and not message.fuzzy
        ):
            table[msgid] = text
    return table


class Translator:
    """Translates msgids into one language; ``%(name)s`` parameters are filled in after.

    Any known language may be asked for (a catalog still being written falls back to English
    string by string); an unknown one is English."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in KNOWN_LANGUAGES else "en"
        self._table = _catalog(self.lang)

    def __call__(self, message: str, **params: Any) -> str:
        text = self._table.get(message, message)
        if params:
            try:
                return text % params
            except (KeyError, ValueError, TypeError):
                return message % params
        return text

    gettext = __call__


@cache
def translator(lang: str) -> Translator:
    return Translator(lang)


def negotiate(accept_language: str | None, default: str = "en") -> str:
    """Pick an offered language from an Accept-Language header (weights respected)."""
    if not accept_language:
        return default
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES:
            choices.append((-quality, index, primary))
    return sorted(choices)[0][2] if choices else default
