"""The court schedule of a trace: for each method, where the traced money went (or came from)
account by account, and the ledger of the method chosen, as a document in the reader's language
(PDF or xlsx through ``mekongx.documents``)."""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy.orm import Session

from mekongx import documents as doc
from mekongx.audit import record_read
from mekongx.authz import Permission, Principal, access, require
from mekongx.authz.sharing import require_exportable
from mekongx.domains.finance import service
from mekongx.domains.finance.models import FinCase
from mekongx.i18n import N_, translator
from mekongx.moneyflow.trace import TraceResult

METHODS: Final = {
    "fifo": N_("first in, first out (Clayton's Case)"),
    "lifo": N_("last in, first out"),
    "libr": N_("lowest intermediate balance rule"),
    "pro_rata": N_("pro rata (rolling charge)"),
    "poison": N_("poison (upper bound)"),
}
MAX_LEDGER: Final = 20_000


def build(
    case: FinCase,
    results: dict[str, TraceResult],
    chosen: str,
    lang: str,
    *,
    agency: str,
    timezone: str,
) -> doc.Document:
    """The schedule as a document (no database: the caller has traced and audited)."""
    _ = translator(lang)
    first = next(iter(results.values()))
    method = results.get(chosen, first)
    backward = first.direction == "backward"
    lines = [
        _("Case: %(title)s", title=case.title),
        _("Traced from: %(start)s", start=first.start),
        _("Direction: where the money came from") if backward else _("Direction: where the money went"),
        _("Amounts in %(currency)s", currency=first.currency),
    ]  # fmt: skip
    blocks: list[doc.Block] = [
        doc.Heading(_("Totals by method")),
        doc.Table(
            [doc.Column(_("Method"), 2), doc.Column(_("Traced amount"), 1),
             doc.Column(_("Ledger steps"), 1)],
            [[doc.Text(_(METHODS[name])), doc.Money(r.total, r.currency), doc.Number(len(r.ledger))]
             for name, r in results.items()],
            sheet=_("Totals"),
        ),
    ]  # fmt: skip
    if backward:
        blocks.append(doc.Heading(_("Sources of the balance, by method")))
        for name, r in results.items():
            blocks.append(
                doc.Table(
                    [doc.Column(_("Source"), 2), doc.Column(_("Amount"), 1)],
                    [[doc.Text(src), doc.Money(v, r.currency)] for src, v in r.sources.items()],
                    title=_(METHODS[name]),
                    sheet=name,
                )
            )
    for name, r in results.items():
        blocks.append(
            doc.Table(
                [doc.Column(_("Account"), 2), doc.Column(_("Traced in"), 1),
                 doc.Column(_("Traced out"), 1), doc.Column(_("Traced held"), 1)],
                [[doc.Text(acct), doc.Money(f["received"], r.currency), doc.Money(f["sent"], r.currency),
                  doc.Money(f["held"], r.currency)] for acct, f in sorted(r.accounts.items())],
                title=_("Accounts under %(method)s", method=_(METHODS[name])),
                sheet=f"{name}-accounts",
            )
        )  # fmt: skip
    ledger = method.ledger[:MAX_LEDGER]
    blocks.append(doc.Heading(_("Ledger under %(method)s", method=_(METHODS[method.method]))))
    if len(method.ledger) > MAX_LEDGER:
        blocks.append(doc.Paragraph(_("The first %(shown)s of %(total)s steps; the command mekongx money trace writes them all.",
                                      shown=MAX_LEDGER, total=len(method.ledger))))  # fmt: skip
    blocks.append(
        doc.Table(
            [doc.Column(_("Step"), 0.5), doc.Column(_("When"), 1.4),
             doc.Column(_("Transaction"), 1.4), doc.Column(_("Account"), 1.4),
             doc.Column(_("Counterparty"), 1.4), doc.Column(_("In or out"), 0.6),
             doc.Column(_("Amount"), 1), doc.Column(_("Traced"), 1),
             doc.Column(_("Traced balance after"), 1)],
            [[doc.Number(row.step), doc.DateCell(dt.datetime.fromtimestamp(row.timestamp, dt.UTC)),
              doc.Text(row.transaction_id), doc.Text(row.account), doc.Text(row.counterparty),
              doc.Text(_("in") if row.direction == "in" else _("out")),
              doc.Money(row.amount, method.currency), doc.Money(row.traced, method.currency),
              doc.Money(row.traced_after, method.currency)] for row in ledger],
            sheet=_("Ledger"),
        )
    )  # fmt: skip
    return doc.Document(
        title=_("Schedule of traced proceeds"),
        lang=lang,  # type: ignore[arg-type]
        agency=agency,
        handling=case.handling_code,
        handling_note=case.handling_note or None,
        lines=lines,
        blocks=blocks,
        timezone=timezone,
        landscape=True,
    )


def export(
    session: Session,
    principal: Principal,
    case_id: int,
    *,
    account: str | None,
    transaction: str | None,
    direction: str,
    method: str,
    form: str,
    timezone: str,
) -> tuple[bytes, str]:
    """Trace and write the schedule as ``form`` (pdf or xlsx); the export is audited."""
    require(principal, Permission.EXPORT)
    case = access(session, principal, FinCase, case_id)
    require_exportable(case)
    results = service.trace_case(session, principal, case_id, account=account,
                                 transaction=transaction, direction=direction)  # fmt: skip
    document = build(case, results, method, principal.language, agency=principal.agency,
                     timezone=timezone)  # fmt: skip
    content = doc.to_pdf(document) if form == "pdf" else doc.to_xlsx(document)
    record_read(session, principal.actor, "finance.schedule.export", service.KIND, case.uid,
                details={"form": form, "account": account, "transaction": transaction,
                    "direction": direction, "method": method, "bytes": len(content)})  # fmt: skip
    return content, f"schedule-{case.uid[:8]}-{method}.{form}"
