"""Text helpers shared by storage and engines (pure: no web, no database)."""

from mekongx.text.tokenize import Plan, index_tokens, query_plan, query_tokens

__all__ = ["Plan", "index_tokens", "query_plan", "query_tokens"]
