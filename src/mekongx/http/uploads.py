"""Spooling an uploaded file to disk within the upload bound, with its SHA-256 (web and API)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from starlette.datastructures import UploadFile

from mekongx import uploads
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_
from mekongx.tabular import Limits


async def spool(upload: UploadFile, path: Path, bounds: Limits) -> str:
    """Write the upload to ``path`` (refused past the bound, naming the limit); its SHA-256."""
    digest, size = hashlib.sha256(), 0
    with path.open("wb") as out:
        while chunk := await upload.read(1 << 20):
            size += len(chunk)
            if size > uploads.max_bytes(bounds):
                raise ValidationFailed([FieldProblem("file", N_("The file is larger than %(limit)s MB."),
                                                     {"limit": uploads.max_mb(bounds)})])  # fmt: skip
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()
