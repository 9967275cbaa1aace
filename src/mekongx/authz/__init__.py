"""The one permission choke point.

Protected records are loaded for a user only through :func:`access` (load and check in one
step) or :func:`visible` (a query already filtered to what the user may see). Missing and
not-visible records both answer "not found", so a user learns nothing about records beyond
their distribution.
"""

from mekongx.authz.permissions import Permission, Principal, can, require
from mekongx.authz.records import access, read_audited, visibility_clause, visible

__all__ = [
    "Permission",
    "Principal",
    "access",
    "can",
    "read_audited",
    "require",
    "visibility_clause",
    "visible",
]
