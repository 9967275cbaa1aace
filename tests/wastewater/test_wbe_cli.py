"""The batch CLI (``mekongx wbe estimate``) through typer's CliRunner."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from mekongx.cli.wbe import OUTPUT, app

HEADER = "site,date,analyte,concentration_ng_l,flow_m3_d,population,censor,loq"
GOOD = [
    "BKK-1,2024-03-06,METH,250,200000,800000,,",
    "BKK-1,2024-03-06,AMP,30,200000,800000,,",
    "BKK-1,2024-03-07,METH,,200000,800000,<LOQ,10",
    "CNX-2,2024-03-06,KET,200,50000,300000,,",
    "CNX-2,2024-03-06,NK,5,50000,300000,,",
]
runner = CliRunner()


def write(path: Path, lines: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def read_output(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["estimate", *args])
    return result.exit_code, result.output


def test_estimate_writes_every_row_with_the_parameter_set(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    code, output = run(str(write(tmp_path / "in.csv", GOOD)), "--out", str(out), "--draws", "500")
    assert code == 0, output
    assert "5" in output and "mekongx-default@1.1.0" in output
    rows = read_output(out)
    assert list(rows[0]) == list(OUTPUT)
    meth = rows[0]
    assert (meth["load_mg_d"], meth["load_mg_d_per_1000"]) == ("50000", "62.5")
    assert float(meth["consumption_mg_d_per_1000"]) == pytest.approx(145.349, abs=1e-3)
    assert float(meth["consumption_low"]) < 145.349 < float(meth["consumption_high"])
    assert float(meth["doses_per_1000"]) == pytest.approx(4.845, abs=1e-3)
    assert {r["parameter_set"] for r in rows} == {"mekongx-default@1.1.0"}
    assert rows[1]["load_mg_d"] == "1500"  # AMP minus 0.09 x METH
    assert rows[2]["consumption_mg_d_per_1000"].startswith("< ")  # censored stays censored
    assert rows[3]["flags"].startswith("Possible direct disposal: KET/NK")
    assert rows[4]["consumption_mg_d_per_1000"] == ""  # norketamine: loads only


def test_seed_repeats_and_params_switch(tmp_path: Path) -> None:
    src = write(tmp_path / "in.csv", GOOD)
    outs = [tmp_path / f"o{i}.csv" for i in range(3)]
    run(str(src), "--out", str(outs[0]), "--seed", "7", "--draws", "300")
    run(str(src), "--out", str(outs[1]), "--seed", "7", "--draws", "300")
    code, _ = run(str(src), "--out", str(outs[2]), "--params", "mekongx-ketamine-pk")
    assert code == 0
    assert outs[0].read_text() == outs[1].read_text()
    ket = read_output(outs[2])[3]
    assert ket["parameter_set"] == "mekongx-ketamine-pk@1.1.0"
    assert float(ket["correction_factor"]) == pytest.approx(43.478, abs=1e-3)


def test_no_draws_gives_empty_intervals(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    code, _ = run(str(write(tmp_path / "in.csv", GOOD)), "--out", str(out), "--draws", "0")
    assert code == 0
    assert read_output(out)[0]["consumption_low"] == ""


@pytest.mark.parametrize("lang", ["en", "th", "zh"])
def test_bad_csv_is_rejected_naming_row_and_column(
    tmp_path: Path, bad_csv_case: dict[str, str], lang: str
) -> None:
    case = bad_csv_case
    columns = HEADER.split(",")
    row = dict(zip(columns, GOOD[1].split(","), strict=True))
    row[case["column"]] = case["value"]
    if case["also"]:
        column, _, value = case["also"].partition("=")
        row[column] = value
    lines = [GOOD[0], ",".join(f'"{row[c]}"' if "," in row[c] else row[c] for c in columns)]
    out = tmp_path / "out.csv"
    out.write_text("previous results\n", encoding="utf-8")
    code, output = run(str(write(tmp_path / "in.csv", lines)), "--out", str(out), "--lang", lang)
    assert code == 2
    assert "Traceback" not in output
    assert f"{case['row']}" in output and f"'{case['named']}'" in output.replace("“", "'").replace(
        "”", "'"
    )
    if lang == "en":
        assert case["expect_en"] in output
    else:
        assert {"th": "แถวที่", "zh": "第"}[lang] in output
    assert out.read_text(encoding="utf-8") == "previous results\n"  # untouched
    assert list(tmp_path.glob(".out.csv.*")) == []  # no temporary left behind


def test_missing_columns_and_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    code, output = run(
        str(write(tmp_path / "a.csv", ["x,2024-01-01"], "site,date")), "--out", str(out)
    )
    assert code == 2 and "analyte, concentration_ng_l, flow_m3_d, population" in output
    code, output = run(str(write(tmp_path / "b.csv", [])), "--out", str(out), "--lang", "zh")
    assert code == 2 and "没有数据行" in output
    assert not out.exists()


def test_missing_input_bad_params_and_bad_language(tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    code, output = run(str(tmp_path / "none.csv"), "--out", str(out))
    assert code == 2 and "not found" in output
    bad = tmp_path / "p.yaml"
    bad.write_text(yaml.safe_dump({"schema": "mekongx.wbe.params/1"}), encoding="utf-8")
    src = write(tmp_path / "in.csv", GOOD)
    code, output = run(str(src), "--out", str(out), "--params", str(bad), "--lang", "th")
    assert code == 2 and "sources" in output and "ชุดพารามิเตอร์" in output
    code, output = run(str(src), "--out", str(out), "--lang", "fr")
    assert code == 2 and "fr" in output
    assert not out.exists()


def test_file_that_is_not_utf8_is_refused_without_traceback(tmp_path: Path) -> None:
    src = tmp_path / "latin1.csv"
    src.write_bytes((HEADER + "\nS\xe3o,2024-01-01,METH,1,1,1,,\n").encode("latin-1"))
    out = tmp_path / "o.csv"
    code, output = run(str(src), "--out", str(out), "--lang", "th")
    assert code == 2 and "UTF-8" in output and "Traceback" not in output
    assert not out.exists()


def test_output_directory_missing(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "dir.csv"
    code, output = run(str(write(tmp_path / "in.csv", GOOD)), "--out", str(out), "--draws", "0")
    assert code == 2 and "Could not write" in output


def test_help_lists_the_options() -> None:
    result = runner.invoke(app, ["estimate", "--help"])
    assert result.exit_code == 0
    for option in ("--out", "--params", "--draws", "--seed", "--lang"):
        assert option in result.output


def _interval(rows: list[dict[str, str]], site: str) -> float:
    (row,) = [r for r in rows if r["site"] == site]
    return float(row["consumption_high"]) / float(row["consumption_low"])


def test_sampling_mode_column_sets_the_sampling_error(tmp_path: Path) -> None:
    """The batch reads ``sampling_mode``: a grab sample's interval is wider than a
    flow-proportional composite's (Ort et al. 2010), the same sample otherwise."""
    header = HEADER + ",sampling_mode"
    lines = [
        "FLOW,2024-03-06,METH,250,200000,800000,,,flow",
        "GRAB,2024-03-06,METH,250,200000,800000,,,grab",
        "TIME,2024-03-06,METH,250,200000,800000,,,Time",
        "NONE,2024-03-06,METH,250,200000,800000,,,",
    ]
    out = tmp_path / "o.csv"
    code, output = run(str(write(tmp_path / "in.csv", lines, header)), "--out", str(out))
    assert code == 0, output
    rows = read_output(out)
    flow, grab, time, none = (_interval(rows, s) for s in ("FLOW", "GRAB", "TIME", "NONE"))
    assert grab > time > flow
    assert grab > 1.5 * flow
    assert none == pytest.approx(flow, rel=0.15)  # no mode recorded: a flow composite assumed
    # the deterministic figures do not depend on the sampling mode
    assert len({r["consumption_mg_d_per_1000"] for r in rows}) == 1


@pytest.mark.parametrize(("lang", "word"), [("en", "not one of"), ("th", "แถวที่"), ("zh", "第")])
def test_unknown_sampling_mode_is_refused_naming_the_cell(
    tmp_path: Path, lang: str, word: str
) -> None:
    header = HEADER + ",sampling_mode"
    lines = [
        "BKK-1,2024-03-06,METH,250,200000,800000,,,flow",
        "BKK-1,2024-03-07,METH,250,1,1,,,24h",
    ]
    out = tmp_path / "o.csv"
    code, output = run(
        str(write(tmp_path / "in.csv", lines, header)), "--out", str(out), "--lang", lang
    )
    assert code == 2 and "Traceback" not in output
    assert "3" in output and "sampling_mode" in output and "24h" in output and word in output
    assert "flow, volume, time, grab" in output
    assert not out.exists()
