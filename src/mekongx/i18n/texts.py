"""A record's own texts written in several languages, and which of them a reader sees.

A meeting's place, a resolution, an operation's name are written by people, in the languages
they wrote them in; the interface's words come from the catalogs instead. :func:`pick` chooses
the reader's language, else English, else Thai, else Chinese, else any other language written,
and says whether it fell back, so that a page or a document can mark the text as shown in
another language (:func:`fallback_mark`, the other language named in the reader's language by
CLDR's language names, through Babel)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Annotated

from babel import Locale
from pydantic import StringConstraints

from mekongx.i18n.catalog import LOCALE_DIRS, N_, translator

#: the languages a record's texts may be written in (the node's seven)
TEXT_LANGUAGES = ("th", "zh", "lo", "my", "km", "vi", "en")
#: the languages every multilingual record carried from the start; the other four were added
#: later and are left out of a signed form where they are empty (see meetings' minutes)
FIRST_LANGUAGES = ("th", "zh", "en")
ADDED_LANGUAGES = ("lo", "my", "km", "vi")
SHOWN_IN = N_("in %(language)s")
#: one translation of a record's text, as an input or a payload carries it
TranslatedText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


@cache
def fallbacks(lang: str) -> tuple[str, ...]:
    """The order in which a reader of ``lang`` is shown a record's texts."""
    return tuple(dict.fromkeys((lang, "en", "th", "zh", *ADDED_LANGUAGES)))


@dataclass(frozen=True)
class Shown:
    text: str
    lang: str  # the language the text is written in ("" when nothing is written)
    fallback: bool  # not the reader's language


def pick(texts: Mapping[str, str], lang: str) -> Shown:
    """The text a reader of ``lang`` sees of ``texts`` (language code -> text)."""
    for code in fallbacks(lang):
        value = str(texts.get(code) or "")
        if value:
            return Shown(value, code, code != lang)
    return Shown("", "", False)


@cache
def language_name(code: str, reader: str) -> str:
    """The language ``code`` named in ``reader``'s language (CLDR)."""
    names = Locale.parse(LOCALE_DIRS.get(reader, "en")).languages
    return str(names.get(code) or Locale.parse("en").languages.get(code) or code)


def fallback_mark(shown: Shown, reader: str) -> str:
    """The mark "(in English)" in the reader's language for a text in another language."""
    if not shown.fallback:
        return ""
    return _shown_in(shown.lang, reader)


@cache
def _shown_in(code: str, reader: str) -> str:
    # once per language pair: a list of 50 titles written in another language marks each one
    return translator(reader)(SHOWN_IN, language=language_name(code, reader))


def marked(texts: Mapping[str, str], reader: str) -> str:
    """The text a reader sees of ``texts`` as plain text (a document's cell, a task or a search
    result), followed by the mark "(in English)" in the reader's language when it is in another
    language."""
    shown = pick(texts, reader)
    mark = fallback_mark(shown, reader)
    return f"{shown.text} ({mark})" if mark else shown.text
