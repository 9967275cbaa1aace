"""The pages of a web list, as the JSON API pages its lists: by keyset cursor.

A list page reads its list through :func:`page_from` and shows the shared ``pager`` macro
(``_macros.html``). The pager's "Next" link carries the page number (shown, "Page 20 of ~400")
and the cursor of the last row shown (``after``: ``authz.listing.Page.next_after``), so the
next page is read from that row's key (``authz.listing.page_of`` with ``after``) instead of
skipping every row before it: page 2,000 costs what page 1 costs. "Previous" carries the
cursor of the first row shown (``before``: ``Page.prev_before``): the page before is read
backwards from that row, so walking back costs what walking on costs, and rows arriving at
the top of the list meanwhile move nothing (no row shown twice, none skipped). The page
numbers are shown only; a page number alone (``?page=3``: a link typed or kept from before) is
still read at its offset.

A cursor that is not a record id (a link cut short, typed by hand), or the cursor row of a
list in its own order (the review queue by probability) that has left the list since the link
was made (decided, withdrawn), gives the list's first page, with ``cursor_lost`` set: the
list's page says, above the list (the ``list_changed`` macro), that the list changed and this
is its first page. Never an error page, never a traceback.
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
    Query(description="A keyset cursor of a list's page (its pager's Next or Previous link)."),
]


def cursor_of(text: str) -> int | None:
    """The record key a cursor names, or None (no cursor, or not a key: then ``text`` is not
    empty)."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def page_from(
    fetch: Callable[..., Page[T]], page: int, after: str = "", before: str = ""
) -> Page[T]:
    """One page of a web list: ``fetch(page=, after=, before=)`` (the area's list function, its
    other arguments bound) read from the cursor ``after`` (the rows after it) or else
    ``before`` (the rows before it) when there is one (``page`` is then only the number shown),
    else at page ``page``. A bad or stale cursor: the first page, with ``cursor_lost``."""
    if not after and not before:
        return fetch(page=page, after=None, before=None)
    cursor = cursor_of(after or before)
    found = None
    if cursor is not None:
        found = fetch(page=page, after=cursor, before=None) if after else fetch(page=page, after=None, before=cursor)  # fmt: skip
    if found is not None and not found.cursor_lost:
        return found
    return replace(fetch(page=1, after=None, before=None), cursor_lost=True)
