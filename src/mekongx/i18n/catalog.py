"""Loading the gettext catalogs and translating with them."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from babel.messages.pofile import read_po

LANGUAGES: dict[str, str] = {"th": "ไทย", "zh": "中文", "en": "English"}
_LOCALE_DIRS = {"th": "th", "zh": "zh_Hans", "en": "en"}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


@cache
def _catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = resources.files("mekongx.i18n") / "locale" / _LOCALE_DIRS[lang] / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=_LOCALE_DIRS[lang])
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
    """Translates msgids into one language; ``%(name)s`` parameters are filled in after."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "en"
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
    """Pick th, zh or en from an Accept-Language header (weights respected)."""
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
