"""The server-drawn Sankey diagram: columns by hops, bands proportional to amounts, loops kept."""

from __future__ import annotations

from mekongx.web.charts import sankey


def test_columns_follow_hops_and_bands_follow_amounts() -> None:
    chart = sankey(
        [("A", "B", 600.0), ("A", "C", 300.0), ("B", "D", 500.0), ("B", "D", 100.0),
         ("C", "A", 50.0), ("X", "Y", 10.0)],
        "A",
    )  # fmt: skip
    columns = {n.name: n.column for n in chart.nodes}
    assert columns == {"A": 0, "B": 1, "C": 1, "D": 2}  # X→Y is not reached from A
    widths = {(link.source, link.target): link.width for link in chart.links}
    assert widths[("A", "B")] == 2 * widths[("A", "C")]
    assert abs(widths[("B", "D")] - widths[("A", "B")]) < 1e-9  # 500 + 100 added up
    loop = next(link for link in chart.links if link.target == "A")
    assert loop.amount == 50.0 and " C" in loop.path
    node = {n.name: n for n in chart.nodes}
    assert node["A"].amount == 900.0 and node["D"].amount == 600.0


def test_nothing_to_draw() -> None:
    assert sankey([], "A").nodes == []
    assert sankey([("A", "A", 5.0), ("A", "B", 0.0)], "A").nodes == []


def test_grouped_bars_heights_follow_values_and_wide_ranges_go_logarithmic() -> None:
    from mekongx.web.charts import grouped_bars

    chart = grouped_bars({"A": {"2023": 10.0, "2024": 20.0}, "B": {"2024": 5.0}})
    heights = {(b.series, b.category): b.height for b in chart.bars}
    assert not chart.log and abs(heights[("A", "2024")] - 2 * heights[("A", "2023")]) < 1e-9
    assert heights[("A", "2024")] == 4 * heights[("B", "2024")]
    assert [label for _x, label in chart.categories] == ["2023", "2024"]
    wide = grouped_bars({"national": {"2022": 102_000_000.0}, "province": {"2022": 170_000.0}})
    assert wide.log and {t for _y, t in wide.ticks} >= {100_000, 1_000_000_000}
    assert grouped_bars({}).bars == [] and grouped_bars({"A": {"2024": 0.0}}).bars == []
