"""Reading what a risk scorer may be told from files: the pre-export notifications on record (a
CSV, ``load_pen_records``) and the consignees already known (a list, ``load_known_consignees``).
A file that cannot be read raises ``DeclarationFileError`` naming the file, row and problem."""

from __future__ import annotations

import csv
from pathlib import Path

from mekongx.chemistry.declarations import DeclarationFileError
from mekongx.chemistry.risk import PenRecord


def load_pen_records(path: Path) -> tuple[PenRecord, ...]:
    """PEN records from a CSV with columns pen_id, substance (register id or CAS), consignee,
    quantity_kg and optionally destination_country."""
    records: list[PenRecord] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"pen_id", "substance", "consignee", "quantity_kg"} - set(
                reader.fieldnames or ()
            )
            if missing:
                raise DeclarationFileError(
                    "BAD_PEN_FILE", path=path, row=1, detail=f"missing columns {sorted(missing)}"
                )
            for number, row in enumerate(reader, start=2):
                try:
                    quantity = float((row.get("quantity_kg") or "").replace(",", ""))
                except ValueError:
                    raise DeclarationFileError(
                        "BAD_PEN_FILE",
                        path=path,
                        row=number,
                        detail=f"quantity_kg {row.get('quantity_kg')!r} is not a number",
                    ) from None
                records.append(
                    PenRecord(
                        pen_id=row["pen_id"].strip(),
                        substance=row["substance"].strip(),
                        consignee=row["consignee"].strip(),
                        quantity_kg=quantity,
                        destination_country=(row.get("destination_country") or "").strip(),
                    )
                )
    except (OSError, UnicodeDecodeError) as exc:
        raise DeclarationFileError("FILE_UNREADABLE", path=path, detail=str(exc)) from exc
    return tuple(records)


def load_known_consignees(path: Path) -> frozenset[str]:
    """Known consignee names, one per line (blank lines and # comments ignored)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DeclarationFileError("FILE_UNREADABLE", path=path, detail=str(exc)) from exc
    return frozenset(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))
