"""The seizures area on the search page (registered in ``mekongx.wiring``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.search.registry import Found
from mekongx.domains.seizures import reference, service
from mekongx.i18n import N_


def seizures(session: Session, principal: Principal, query: str, limit: int) -> list[Found]:
    drugs = reference.drugs()
    return [
        Found(
            N_("Seizures"),
            35,
            f"{s.reference} · {drugs[s.drug].name(principal.language)}",
            f"/seizures/{s.id}",
            " · ".join(
                x
                for x in (
                    s.origin_agency,
                    s.seized_on.isoformat(),
                    service.district_name(s, principal.language),
                    s.place,
                )
                if x
            ),
        )
        for s in service.search(session, principal, query, limit)
    ]


SEARCH = {"seizures": seizures}
