"""Rows whose texts are kept in a column per language (``place_th``, ``place_lo``, …)."""

from __future__ import annotations

from mekongx.i18n.texts import TEXT_LANGUAGES, Shown, pick


class Multilingual:
    """A row with ``<field>_<code>`` columns for the node's seven languages."""

    def texts(self, field: str) -> dict[str, str]:
        return {code: str(getattr(self, f"{field}_{code}", "") or "") for code in TEXT_LANGUAGES}

    def shown(self, field: str, lang: str) -> Shown:
        """The text a reader of ``lang`` sees, and whether it is in another language."""
        return pick(self.texts(field), lang)

    def text(self, field: str, lang: str) -> str:
        return self.shown(field, lang).text
