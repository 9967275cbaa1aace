"""Text helpers shared by storage and engines (pure: no web, no database)."""

from mekongx.text.tokenize import index_tokens, query_tokens

__all__ = ["index_tokens", "query_tokens"]
