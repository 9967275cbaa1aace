"""Reading transaction files: every format, and every kind of bad input named by row and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook

from mekongx.moneyflow import MoneyflowError, load, read_fx, read_mapping, render
from mekongx.moneyflow.messages import LANGUAGES, MESSAGES, fields_of

HEADER = "transaction_id,timestamp,from_account,to_account,amount,currency\n"


def _csv(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "tx.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_every_message_in_three_languages_with_the_same_fields() -> None:
    for code, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), code
        assert len({frozenset(fields_of(t)) for t in texts.values()}) == 1, code


def test_plain_csv_is_read_as_it_is(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        'T1,2024-07-10T09:00:00+07:00,A,B,"1,500.50",thb\nT2,2024-07-10T10:00:00Z,B,C,100,THB\n',
    )
    dataset = load(path, tmp_path / "w")
    assert (dataset.rows, dataset.rejected, dataset.base_currency) == (2, (), "THB")
    rows = duckdb.sql(
        f"SELECT txid, ts, amt, channel FROM '{dataset.path}' ORDER BY txid"
    ).fetchall()
    assert rows == [("T1", 1720576800, 1500.5, "transfer"), ("T2", 1720605600, 100.0, "transfer")]


@pytest.mark.parametrize(
    ("line", "field", "code"),
    [
        ("T1,2024-07-10T09:00:00Z,A,B,-5,THB", "amount", "value.not_positive"),
        ("T1,2024-07-10T09:00:00Z,A,B,abc,THB", "amount", "value.not_number"),
        ("T1,2024-07-10T09:00:00Z,A,B,,THB", "amount", "value.empty"),
        ("T1,2024-02-31T09:00:00Z,A,B,5,THB", "timestamp", "value.not_time"),
        ("T1,2024-07-10 09:00,A,B,5,THB", "timestamp", "value.no_zone"),
        ("T1,2024-07-10T09:00:00Z,A,B,5,XYZ", "currency", "value.currency"),
        ("T1,2024-07-10T09:00:00Z,A,A,5,THB", "to_account", "value.same_account"),
        ("T1,2024-07-10T09:00:00Z,,B,5,THB", "from_account", "value.empty"),
        (",2024-07-10T09:00:00Z,A,B,5,THB", "transaction_id", "value.empty"),
    ],
)
def test_a_bad_row_is_rejected_with_its_row_field_and_reason(
    tmp_path: Path, line: str, field: str, code: str
) -> None:
    path = _csv(tmp_path, "T0,2024-07-10T08:00:00Z,A,B,1,THB\n" + line + "\n")
    dataset = load(path, tmp_path / "w", base_currency="THB")
    assert dataset.rows == 1
    (rejection,) = dataset.rejected
    assert (rejection.row, rejection.field, rejection.code) == (3, field, code)
    assert render(rejection.code, "th", **rejection.params)


def test_duplicates_and_unknown_rates(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "T1,2024-07-10T09:00:00Z,A,B,5,THB\nT1,2024-07-10T09:00:00Z,A,C,5,THB\nT2,2024-07-10T09:00:00Z,A,B,5,CNY\nT3,2024-07-12T09:00:00Z,A,B,5,CNY\n",
    )
    dataset = load(
        path, tmp_path / "w", base_currency="THB", fx=[(dt.date(2024, 7, 11), "CNY", 5.0)]
    )
    assert [(r.row, r.code) for r in dataset.rejected] == [
        (3, "value.duplicate"),
        (4, "value.no_rate"),
    ]
    assert duckdb.sql(f"SELECT amt FROM '{dataset.path}' WHERE txid = 'T3'").fetchall() == [(25.0,)]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "T1,A,B,5\n", header="transaction_id,from_account,to_account,amount\n")
    with pytest.raises(MoneyflowError) as caught:
        load(path, tmp_path / "w")
    assert caught.value.code == "columns.missing"
    assert "timestamp, currency" in caught.value.render("en")
    assert "timestamp, currency" in caught.value.render("zh")


def test_a_mapping_file_renames_columns_and_sets_zone_and_currency(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "R1;10/07/2024 09:00;ACC-1;ACC-2;2500;DEP\n".replace(";", ","),
        header="Ref,Date,Debit,Credit,Amt,Type\n",
    )
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns: {transaction_id: Ref, timestamp: Date, from_account: Debit, to_account: Credit, amount: Amt, channel: Type}\n"
        "timezone: Asia/Bangkok\ntimestamp_format: '%d/%m/%Y %H:%M'\ncurrency: THB\nchannels: {DEP: cash_deposit}\n",
        encoding="utf-8",
    )
    dataset = load(path, tmp_path / "w", mapping=read_mapping(mapping))
    assert duckdb.sql(f"SELECT txid, ts, channel FROM '{dataset.path}'").fetchall() == [
        ("R1", 1720576800, "cash_deposit")
    ]


def test_a_mapping_that_names_a_missing_column_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, "T1,2024-07-10T09:00:00Z,A,B,5,THB\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {amount: Betrag}\n", encoding="utf-8")
    with pytest.raises(MoneyflowError) as caught:
        load(path, tmp_path / "w", mapping=read_mapping(mapping))
    assert caught.value.code == "mapping.missing_column" and "Betrag" in caught.value.render("th")
    mapping.write_text("columns: {amout: amount}\n", encoding="utf-8")
    with pytest.raises(MoneyflowError, match="amout"):
        read_mapping(mapping)


def test_a_file_of_only_bad_rows_loads_nothing(tmp_path: Path) -> None:
    path = _csv(tmp_path, "T1,nope,A,B,5,THB\n")
    with pytest.raises(MoneyflowError) as caught:
        load(path, tmp_path / "w")
    assert caught.value.code == "load.nothing"
    assert not (tmp_path / "w" / "transactions.parquet").exists()


def test_xlsx_rows_keep_their_spreadsheet_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["transaction_id", "timestamp", "from_account", "to_account", "amount", "currency"]
    )
    sheet.append(["T1", dt.datetime(2024, 7, 10, 9, 0), "A", "B", 100, "THB"])
    sheet.append([None] * 6)
    sheet.append(["T2", "2024-07-10T09:00:00Z", "A", "B", "x", "THB"])
    path = tmp_path / "tx.xlsx"
    book.save(path)
    dataset = load(path, tmp_path / "w", timezone="Asia/Bangkok")
    assert dataset.rows == 1
    assert [(r.row, r.field) for r in dataset.rejected] == [(4, "amount")]


GOAML = """<?xml version="1.0" encoding="UTF-8"?>
<report>
  <rentity_id>101</rentity_id><rentity_branch>Mae Sai</rentity_branch>
  <currency_code_local>THB</currency_code_local>
  <transaction>
    <transactionnumber>G1</transactionnumber>
    <date_transaction>2024-07-10T09:00:00</date_transaction>
    <amount_local>450000</amount_local>
    <t_from_my_client><from_funds_code>K</from_funds_code><from_country>TH</from_country></t_from_my_client>
    <t_to_my_client><to_funds_code>A</to_funds_code><to_account><account>111-2-33333-4</account></to_account><to_country>TH</to_country></t_to_my_client>
  </transaction>
  <transaction>
    <transactionnumber>G2</transactionnumber>
    <date_transaction>2024-07-10T11:00:00</date_transaction>
    <amount_local>440000</amount_local>
    <t_from_my_client><from_funds_code>A</from_funds_code><from_account><account>111-2-33333-4</account></from_account></t_from_my_client>
    <t_to><to_funds_code>A</to_funds_code><to_person><first_name>Li</first_name><passport_number>E1234567</passport_number></to_person><to_country>CN</to_country></t_to>
  </transaction>
</report>
"""


def test_goaml_reports_become_transactions(tmp_path: Path) -> None:
    path = tmp_path / "str.xml"
    path.write_text(GOAML, encoding="utf-8")
    dataset = load(path, tmp_path / "w", timezone="Asia/Bangkok")
    rows = duckdb.sql(
        f"SELECT txid, src, dst, amt, channel, dst_country FROM '{dataset.path}' ORDER BY txid"
    ).fetchall()
    assert rows == [
        ("G1", "CASH:Mae Sai", "111-2-33333-4", 450000.0, "cash_deposit", "TH"),
        ("G2", "111-2-33333-4", "PERSON:E1234567", 440000.0, "transfer", "CN"),
    ]


def test_goaml_with_entities_or_broken_xml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "y">]>\n<report/>', encoding="utf-8"
    )
    with pytest.raises(MoneyflowError) as caught:
        load(path, tmp_path / "w")
    assert caught.value.code == "goaml.entities"
    path.write_text(
        GOAML.replace("</amount_local>\n    <t_from_my_client>", "\n    <t_from_my_client>", 1),
        encoding="utf-8",
    )
    with pytest.raises(MoneyflowError) as caught:
        load(path, tmp_path / "w")
    assert caught.value.code == "goaml.invalid" and caught.value.params["line"] > 5


def test_rates_file_errors_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "fx.csv"
    path.write_text("date,currency,rate\n2024-01-01,CNY,5\n2024-13-01,USD,36\n", encoding="utf-8")
    with pytest.raises(MoneyflowError) as caught:
        read_fx(path)
    assert caught.value.params["row"] == 3


def test_a_parquet_file_is_read_too(tmp_path: Path) -> None:
    source = _csv(tmp_path, "T1,2024-07-10T09:00:00Z,A,B,5,THB\n")
    parquet = tmp_path / "tx.parquet"
    duckdb.execute(
        f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true)) TO '{parquet}' (FORMAT parquet)"
    )
    assert load(parquet, tmp_path / "w").rows == 1
