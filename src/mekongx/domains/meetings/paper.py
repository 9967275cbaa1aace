"""The progress report for the next meeting as a document of the node's one document mechanism
(``mekongx.documents``): in any of the node's seven languages, or Thai beside Chinese in two
columns. Dates follow each language's calendar (Buddhist Era in Thai) and digits (Burmese,
Khmer). A meeting's own texts are shown in the report's language where they are written in it,
else in English (else Thai, else Chinese, else another language written), marked "(in
English)" in the report's language (``mekongx.i18n.texts``)."""

from __future__ import annotations

from typing import Literal

from mekongx.documents import (
    Column,
    DateCell,
    Document,
    Heading,
    KeyValues,
    Paragraph,
    Table,
    to_docx,
    to_pdf,
)
from mekongx.domains.meetings.report import ProgressReport, ReportResolution
from mekongx.i18n import KNOWN_LANGUAGES, N_, Language, format_date, translator
from mekongx.i18n.texts import marked

ReportLanguage = Literal["th", "zh-Hans", "lo", "my", "km", "vi", "en", "th+zh-Hans"]
#: Each report language (a BCP 47 tag, or two joined by "+" for two columns) and the node
#: languages of its columns; the page, the API and the CLI offer these and no others.
REPORT_CODES: dict[ReportLanguage, tuple[Language, ...]] = {
    "th": ("th",), "zh-Hans": ("zh",), "lo": ("lo",), "my": ("my",), "km": ("km",),
    "vi": ("vi",), "en": ("en",), "th+zh-Hans": ("th", "zh"),
}  # fmt: skip
REPORT_LANGUAGES: tuple[ReportLanguage, ...] = tuple(REPORT_CODES)


def report_language_names() -> dict[str, str]:
    """Each report language named in itself ("ไทย | 中文" for the two columns)."""
    return {
        key: " | ".join(KNOWN_LANGUAGES[c] for c in codes) for key, codes in REPORT_CODES.items()
    }


STATUS = {
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
LABELS = {
    "title": N_("Progress report on the resolutions of meeting no. %(number)s"),
    "for_next": N_("For meeting no. %(number)s"),
    "as_of": N_("Situation on %(date)s"),
    "resolution": N_("Resolution %(number)s"),
    "action": N_("Action"),
    "owner": N_("Owner"),
    "deadline": N_("Due by"),
    "status": N_("Status"),
    "done_so_far": N_("What was done"),
    "evidence": N_("Evidence"),
    "summary": N_("Actions by status"),
    "overdue": N_("overdue"),
}


def _text(texts: dict[str, str], lang: str) -> str:
    """The text a reader of ``lang`` is shown, marked when it is in another language."""
    return marked(texts, lang)


def _cells(report: ProgressReport, resolution: ReportResolution, lang: str) -> list[list[object]]:
    t = translator(lang)
    rows: list[list[object]] = []
    for a in resolution.actions:
        status = t(STATUS[a.action.status]) + (
            f": {a.action.status_reason}" if a.action.status_reason else ""
        )
        if a.overdue:
            status += f" ({t(LABELS['overdue'])})"
        notes = (
            "\n".join(
                f"{format_date(n.noted_on, lang)} — {_text(n.texts('body'), lang)}" for n in a.notes
            )
            or "—"
        )
        evidence = "\n".join(f"{t(area)}: {count}" for area, count in a.evidence.items()) or "—"
        rows.append([_text(a.action.texts("title"), lang), a.action.owner_agency, DateCell(a.action.deadline),
                     status, notes, evidence])  # fmt: skip
    return rows


def _block(cells: list[object], lang: str) -> str:
    """One action's cells as the lines of one bilingual column."""
    t = translator(lang)
    title, owner, deadline, status, notes, evidence = cells
    assert isinstance(deadline, DateCell)
    return "\n".join([
        str(title),
        f"{t(LABELS['owner'])}: {owner} · {t(LABELS['deadline'])}: {format_date(deadline.value, lang)}",
        f"{t(LABELS['status'])}: {status}",
        f"{t(LABELS['done_so_far'])}: {notes}",
        f"{t(LABELS['evidence'])}: {evidence}",
    ])  # fmt: skip


def _columns(lang: str) -> list[Column]:
    t = translator(lang)
    return [
        Column(t(LABELS["action"]), 2.2), Column(t(LABELS["owner"]), 0.8), Column(t(LABELS["deadline"]), 1.1),
        Column(t(LABELS["status"]), 1.2), Column(t(LABELS["done_so_far"]), 2.4), Column(t(LABELS["evidence"]), 1.4),
    ]  # fmt: skip


def _lines(report: ProgressReport, lang: str) -> list[str]:
    t = translator(lang)
    m = report.meeting
    lines = [
        _text(report.series.texts("name"), lang),
        f"{_text(m.texts('place'), lang)} · {format_date(m.starts_on, lang)}",
    ]
    following = t(LABELS["for_next"], number=m.number + 1)
    if report.next_meeting is not None:
        nxt = report.next_meeting
        following += f": {_text(nxt.texts('place'), lang)}, {format_date(nxt.starts_on, lang)}"
    lines += [following, t(LABELS["as_of"], date=format_date(report.as_of, lang))]
    return lines


def document(report: ProgressReport, language: ReportLanguage, agency: dict[str, str]) -> Document:
    """The report as a ``Document``; ``agency`` names the issuing agency per language."""
    codes = REPORT_CODES[language]
    first = codes[0]
    titles = [translator(c)(LABELS["title"], number=report.meeting.number) for c in codes]
    doc = Document(
        title=" / ".join(titles),
        lang=first,
        agency=" / ".join(agency.get(c, "") for c in codes),
        handling=report.meeting.handling_code,
        handling_note=report.meeting.handling_note or None,
        lines=[
            " / ".join(parts) for parts in zip(*(_lines(report, c) for c in codes), strict=True)
        ],
        official=first in ("th", "zh"),  # Thai and Chinese official layouts; English plain
    )
    summary = []
    for code, msgid in STATUS.items():
        label = " / ".join(translator(c)(msgid) for c in codes)
        summary.append((label, report.status_counts.get(code, 0)))
    doc.add(KeyValues(summary, title=" / ".join(translator(c)(LABELS["summary"]) for c in codes)))
    for resolution in report.resolutions:
        heading = " / ".join(
            translator(c)(LABELS["resolution"], number=resolution.number) for c in codes
        )
        doc.add(Heading(heading, 2))
        if len(codes) == 1:
            doc.add(Paragraph(_text(resolution.texts, first)))
            doc.add(Table(_columns(first), _cells(report, resolution, first)))  # type: ignore[arg-type]
        else:  # Thai beside Chinese: the resolution, then each action, one row each
            rows: list[list[object]] = [[_text(resolution.texts, c) for c in codes]]
            per_lang = [_cells(report, resolution, c) for c in codes]
            for i in range(len(resolution.actions)):
                rows.append([_block(per_lang[j][i], c) for j, c in enumerate(codes)])
            doc.add(Table([Column(KNOWN_LANGUAGES[c]) for c in codes], rows))  # type: ignore[arg-type]
    return doc


def pdf(report: ProgressReport, language: ReportLanguage, agency: dict[str, str]) -> bytes:
    return to_pdf(document(report, language, agency))


def docx(report: ProgressReport, language: ReportLanguage, agency: dict[str, str]) -> bytes:
    return to_docx(document(report, language, agency))


FORMATS = {"pdf": ("application/pdf", pdf),
           "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)}  # fmt: skip
