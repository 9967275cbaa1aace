"""Version 1 of the REST API."""

from fastapi import APIRouter

from mekongx.api.v1 import admin, reports, session

router = APIRouter(prefix="/api/v1")
router.include_router(session.router)
router.include_router(reports.router)
router.include_router(admin.router)

__all__ = ["router"]
