"""The pages of a web list, as the JSON API pages its lists: by keyset cursor.

A list page reads its list through :func:`page_from` and shows the shared ``pager`` macro
(``_macros.html``). The pager's "Next" link carries the page number (shown, "Page 20 of ~400")
and the cursor of the last row shown (``after``: ``authz.listing.Page.next_after``), so the
next page is read from that row's key (``authz.listing.page_of`` with ``after``) instead of
skipping every row before it: page 2,000 costs what page 1 costs. A page number alone
(``?page=3``: a link typed or kept from before) is still read at its offset.

A cursor that is not a record id (a link cut short, typed by hand), or the cursor row of a
list in its own order (the review queue by probability) that has left the list since the link
was made (decided, withdrawn), gives the list's first page, with ``cursor_lost`` set: the
pager says the list changed and this is its first page. Never an error page, never a
traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, TypeVar

from fastapi import Query

from mekongx.authz.listing import Page
from mekongx.http.params import MAX_ID

T = TypeVar("T")

Cursor = Annotated[
    str,
    Query(description="The keyset cursor of a list's next page (its pager's Next link)."),
]


def cursor_of(text: str) -> int | None:
    """The record key a cursor names, or None (no cursor, or not a key: then ``text`` is not
    empty)."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def page_from(fetch: Callable[..., Page[T]], page: int, after: str = "") -> Page[T]:
    """One page of a web list: ``fetch(page=, after=)`` (the area's list function, its other
    arguments bound) read from the cursor ``after`` when there is one (``page`` is then only
    the number shown), else at page ``page``. A bad or stale cursor: the first page, with
    ``cursor_lost``."""
    if not after:
        return fetch(page=page, after=None)
    cursor = cursor_of(after)
    found = fetch(page=page, after=cursor) if cursor is not None else None
    if found is not None and not found.cursor_lost:
        return found
    return replace(fetch(page=1, after=None), cursor_lost=True)
