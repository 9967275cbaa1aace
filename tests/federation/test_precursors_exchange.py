"""A pre-export notification travels from the exporting node to the importing node, whose
answer comes back: the PEN-like workflow between two real nodes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors.models import Notification
from mekongx.domains.precursors.schemas import AnswerInput, NotificationInput


def _notification(node: Any, reference: str) -> Notification | None:
    db = node.database()
    with db.read() as session:
        found = session.scalar(select(Notification).where(Notification.reference == reference))
    db.dispose()
    return found


def test_notification_and_answer_between_nodes(make_nodes: Any, waiter: Any) -> None:
    nncc, oncb = make_nodes("NNCC", "ONCB")  # China exports, Thailand imports
    nncc.start()
    oncb.start()
    exporter = nncc.database()
    with exporter.write() as session:
        draft = pen.create_notification(
            session,
            nncc.principal(),
            NotificationInput(
                reference="CN-PEN-2024-0710", importer_agency="ONCB", exporter_name="Jiangsu Chemical Trading Co.",
                importer_name="Bangkok Solvents Ltd.", substance_id="acetic_anhydride", quantity_kg=1200,
                port_of_exit="Shanghai", port_of_entry="Laem Chabang", route="Shanghai – Laem Chabang by sea",
            ),
        )  # fmt: skip
        pen.send_notification(session, nncc.principal(), draft.id)
    waiter(
        lambda: _notification(oncb, "CN-PEN-2024-0710") is not None, what="the notification at ONCB"
    )
    copy = _notification(oncb, "CN-PEN-2024-0710")
    assert (
        copy is not None and copy.received and copy.origin_agency == "NNCC" and copy.state == "sent"
    )
    importer = oncb.database()
    with importer.write() as session:
        pen.acknowledge(session, oncb.principal(), copy.id)
    with importer.write() as session:
        pen.answer(
            session,
            oncb.principal(),
            copy.id,
            AnswerInput(answer="objected", note="Consignee unknown to the Thai FDA"),
        )
    waiter(
        lambda: (
            (n := _notification(nncc, "CN-PEN-2024-0710")) is not None and n.state == "objected"
        ),
        what="the objection at NNCC",
    )
    original = _notification(nncc, "CN-PEN-2024-0710")
    assert original is not None and original.answer_note == "Consignee unknown to the Thai FDA"
    exporter.dispose()
    importer.dispose()
