"""Text helpers shared by storage and engines (pure: no web, no database).

The tokenizer's names are loaded on first use, so that importing one small module of the package
(``mekongx.text.zawgyi``, which the table reader uses) does not load the tokenizer and the
engines it draws on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mekongx.text.tokenize import Plan, index_tokens, query_plan, query_tokens

__all__ = ["Plan", "index_tokens", "query_plan", "query_tokens"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from mekongx.text import tokenize

        return getattr(tokenize, name)
    raise AttributeError(f"module 'mekongx.text' has no attribute {name!r}")
