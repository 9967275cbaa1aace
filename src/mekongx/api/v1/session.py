"""Who am I, and logging in for machines is done with API tokens (see /profile)."""

from __future__ import annotations

from fastapi import APIRouter

from mekongx.api.v1.schemas import ERRORS, MeOut
from mekongx.http.auth import CurrentPrincipal

router = APIRouter(tags=["session"], responses=ERRORS)  # type: ignore[arg-type]


@router.get("/me", response_model=MeOut)
def me(principal: CurrentPrincipal) -> MeOut:
    """The authenticated user."""
    return MeOut(
        username=principal.username,
        display_name=principal.display_name,
        agency=principal.agency,
        role=principal.role.value,
        language=principal.language,
    )
