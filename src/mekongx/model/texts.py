"""Rows whose texts are written in several languages: a column per language (``place_th``,
``place_lo``, …; :class:`Multilingual`), or one text in the record's language (:class:`WrittenOnce`)
with translations beside it (:class:`Translated`). Either way a reader sees them by the one rule of
``mekongx.i18n.texts``."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.i18n.texts import ADDED_LANGUAGES, TEXT_LANGUAGES, Shown, pick


class TextsOf:
    """What a reader sees of a row's texts (``texts(field)``: language code -> text)."""

    def texts(self, field: str) -> dict[str, str]:
        raise NotImplementedError

    def shown(self, field: str, lang: str) -> Shown:
        """The text a reader of ``lang`` sees, and whether it is in another language."""
        return pick(self.texts(field), lang)

    def text(self, field: str, lang: str) -> str:
        return self.shown(field, lang).text


class Multilingual(TextsOf):
    """A row with ``<field>_<code>`` columns for the node's seven languages."""

    def texts(self, field: str) -> dict[str, str]:
        return {code: str(getattr(self, f"{field}_{code}", "") or "") for code in TEXT_LANGUAGES}


class WrittenOnce(TextsOf):
    """A record written once, in its ``language`` (a campaign's title, a progress note): a reader
    of another language sees it as written, marked "(in English)" in the reader's language, by
    the one rule of :func:`mekongx.i18n.texts.pick`."""

    def translations_of(self, field: str) -> dict[str, str]:
        """The texts of ``field`` in other languages than the record's own (none here)."""
        return {}

    def texts(self, field: str) -> dict[str, str]:
        original = str(getattr(self, field) or "")
        return written_once(original, str(getattr(self, "language", "") or ""),
                            self.translations_of(field))  # fmt: skip


def written_once(
    original: str, own: str, others: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The texts (language code -> text) of a text written once in ``own`` (``others``: its
    translations), as :meth:`WrittenOnce.texts` gives a record's: for a list that reads the
    text and its language as plain columns."""
    if not own:  # a row that records no language: its text stands for every language
        return {**dict.fromkeys(TEXT_LANGUAGES, original), **(others or {})}
    return {**(others or {}), own: original}


class Translated(WrittenOnce):
    """A record written once, in its ``language``, whose named texts may carry translations into
    the node's other languages (``translations``: JSON ``{field: {code: text}}``, written by the
    record's originator and travelling with the record). The reader sees them by the one rule
    of :func:`mekongx.i18n.texts.pick`, as a :class:`Multilingual` row's texts."""

    translations: Mapped[str] = mapped_column(Text, default="{}")

    def translations_of(self, field: str) -> dict[str, str]:
        return dict(json.loads(self.translations or "{}").get(field, {}))


def translations_json(translations: Mapping[str, Mapping[str, str]]) -> str:
    """``translations`` as the column keeps them: empty texts and fields left out."""
    kept = {f: {c: t for c, t in texts.items() if t} for f, texts in translations.items()}
    return json.dumps({f: t for f, t in kept.items() if t}, ensure_ascii=False, sort_keys=True)


def added_texts(row: Multilingual, field: str) -> dict[str, str]:
    """The row's ``field`` in the languages added after Thai, Chinese and English
    (``name_lo``, …), only those written: an exchange payload carries them only then, so that a
    peer from before them still reads it."""
    out = {}
    for code in ADDED_LANGUAGES:
        if value := str(getattr(row, f"{field}_{code}", "") or ""):
            out[f"{field}_{code}"] = value
    return out


def text_columns(field: str) -> tuple[str, ...]:
    """The columns of ``field`` in the node's seven languages (``name_th``, …, ``name_en``)."""
    return tuple(f"{field}_{code}" for code in TEXT_LANGUAGES)
