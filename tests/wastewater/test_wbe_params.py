"""Parameter sets: built-ins, user files, and bad files rejected with the key named."""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from mekongx.wastewater import (
    ParameterSet,
    WbeError,
    builtin_names,
    builtin_parameter_set,
    load_parameter_set,
    resolve_parameter_set,
)

BRIEF_ANALYTES = {
    "METH", "AMP", "MDMA", "BE", "COC", "KET", "NK", "THC-COOH", "MOR", "6-MAM", "CODEINE",
    "EDDP", "MEPH", "MITRAGYNINE", "TRAMADOL", "MDA", "NIMETAZEPAM",
}  # fmt: skip


def default_raw() -> dict[str, Any]:
    text = (
        resources.files("mekongx.wastewater")
        .joinpath("data")
        .joinpath("params_default_v1.yaml")
        .read_text("utf-8")
    )
    raw: dict[str, Any] = yaml.safe_load(text)
    return raw


def test_default_set_covers_every_analyte(params: ParameterSet) -> None:
    assert set(params.analytes) == BRIEF_ANALYTES
    assert params.label == "mekongx-default@1.1.0"
    assert params.amp_from_meth_ratio == 0.09


def test_every_number_cites_a_listed_source() -> None:
    raw = default_raw()

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if "value" in node:
                assert node.get("source") in raw["sources"], path
            for key, child in node.items():
                walk(child, f"{path}.{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                walk(child, f"{path}[{i}]")

    for section in ("uncertainty", "corrections", "population", "analytes"):
        walk(raw[section], section)


def test_unverified_values_are_listed(params: ParameterSet) -> None:
    assert "analytes.MDMA.excretion" in params.unverified
    assert "analytes.KET.excretion" not in params.unverified  # Du et al. 2020, read


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_sets_load(name: str) -> None:
    assert builtin_parameter_set(name).id == name


def test_user_file_in_the_same_format(tmp_path: Path) -> None:
    raw = default_raw()
    raw["id"], raw["version"] = "oncb-lab-2025", "2025.1"
    raw["analytes"]["METH"]["excretion"]["value"] = 0.39
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    mine = resolve_parameter_set(str(path))
    assert mine.label == "oncb-lab-2025@2025.1"
    assert mine.analyte("METH").correction_factor == pytest.approx(1 / 0.39)
    assert mine.origin == str(path)


def test_user_file_extending_a_builtin(tmp_path: Path) -> None:
    path = tmp_path / "ext.yaml"
    path.write_text(
        "schema: mekongx.wbe.params/1\nid: cn-mdma\nversion: '1'\nextends: mekongx-default\n"
        "analytes:\n  MDMA:\n    name: MDMA\n    parent: MDMA\n"
        "    mw_parent: {value: 193.25, source: pubchem}\n"
        "    mw_residue: {value: 193.25, source: pubchem}\n"
        "    excretion: {value: 0.65, source: zuccato2008}\n    report: consumption\n",
        encoding="utf-8",
    )
    ext = load_parameter_set(path)
    assert ext.analyte("MDMA").correction_factor == pytest.approx(1 / 0.65)
    assert ext.analyte("METH").correction_factor == pytest.approx(1 / 0.43)  # inherited


def test_bad_parameter_files_are_rejected_naming_the_key(
    tmp_path: Path, bad_params_case: dict[str, Any]
) -> None:
    case = bad_params_case
    raw = copy.deepcopy(default_raw())
    *parents, last = case["path"]
    node = raw
    for key in parents:
        node = node[key]
    if case.get("delete"):
        del node[last]
    else:
        node[last] = case["set"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(WbeError) as info:
        load_parameter_set(path)
    assert info.value.code == case["code"]
    for lang in ("en", "th", "zh"):
        assert case["key"] in info.value.render(lang)


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(WbeError, match="not found"):
        load_parameter_set(tmp_path / "nope.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: [unclosed\n", encoding="utf-8")
    with pytest.raises(WbeError) as info:
        load_parameter_set(broken)
    assert info.value.code == "params.yaml_invalid"
    listing = tmp_path / "list.yaml"
    listing.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(WbeError, match="mapping"):
        load_parameter_set(listing)


def test_unknown_builtin_name() -> None:
    with pytest.raises(WbeError, match="mekongx-default"):
        builtin_parameter_set("nope")
