"""Typed, bounded parameters shared by API and page routes (so no value can overflow the DB)."""

from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2_147_483_647

RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id of the record.")]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=200, description="Rows per page.")]
After = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="The previous page's next_after (the keyset cursor)."),
]
Before = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID,
          description="The next page's prev_before: the page just before it (the keyset cursor, backwards)."),
]  # fmt: skip
