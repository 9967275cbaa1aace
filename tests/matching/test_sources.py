"""Every reference table of the names engine names its source (data/sources.yaml)."""

from __future__ import annotations

from importlib import resources

import yaml


def test_every_table_of_the_engine_is_sourced_in_a_file_that_parses() -> None:
    data = resources.files("mekongx.matching") / "data"
    entries = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))
    named = {str(key).split()[0] for key in entries}
    tables = {p.name for p in data.iterdir() if p.is_file() and p.name != "sources.yaml"}
    assert tables and tables <= named, sorted(tables - named)
    for key, entry in entries.items():
        assert isinstance(entry, dict) and entry.get("content"), key
        sources = entry.get("sources")
        assert isinstance(sources, list) and sources, key
        assert all(isinstance(source, str) and source.strip() for source in sources), key
