"""Small SVG charts drawn on the server: no JavaScript, no external assets, no inline styles.

Each function returns one standalone ``<svg>`` document (usable inline in a page and as a
download). Every text is escaped; colours and fonts are presentation attributes, which the
Content Security Policy allows (``style`` attributes would not be).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

WIDTH = 680
INK = "#1f2933"
GRID = "#d9dee3"
BAND = "#9cc3e6"
LINE = "#1c5d99"
ACCENT = "#c2410c"
FONT = "system-ui, 'Noto Sans Thai', 'Noto Sans CJK SC', sans-serif"


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:.0f}"
    if magnitude >= 1:
        return f"{value:.1f}"
    return f"{value:.2g}"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    steps = max(1, math.ceil((high - start) / step - 1e-9))
    ticks: list[float] = [round(start + i * step, 12) for i in range(min(steps, 19) + 1)]
    return ticks


def _open(height: int, title: str, subtitle: str = "") -> list[str]:
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" '
        f'font-family="{escape(FONT)}" font-size="12" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="12" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    if subtitle:
        head.append(f'<text x="12" y="37" font-size="11">{escape(subtitle)}</text>')
    return head


def _empty(title: str, message: str) -> str:
    parts = _open(80, title)
    parts.append(f'<text x="12" y="52">{escape(message)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def band_chart(
    title: str,
    x: Sequence[float],
    x_labels: Sequence[tuple[float, str]],
    median: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    y_label: str,
    empty: str = "",
    censored: Sequence[bool] | None = None,
    subtitle: str = "",
) -> str:
    """A series with its interval as a shaded band (trend over days or over years)."""
    if not x:
        return _empty(title, empty)
    height, left, right, top, bottom = 300, 70, 48, 52 if subtitle else 36, 50
    ticks = nice_ticks(0.0, max(max(high), max(median)) or 1.0)
    y_max = ticks[-1]
    x_min, x_max = min(x), max(x)
    span = (x_max - x_min) or 1.0

    def px(value: float) -> float:
        if x_max == x_min:
            return left + (WIDTH - left - right) / 2
        return left + (value - x_min) / span * (WIDTH - left - right)

    def py(value: float) -> float:
        return top + (1 - value / y_max) * (height - top - bottom)

    parts = _open(height, title, subtitle)
    for t in ticks:
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(t):.1f}" y2="{py(t):.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end">{_fmt(t)}</text>')
    for k, (value, label) in enumerate(x_labels):
        anchor = "middle"
        if len(x_labels) > 1 and k == 0:
            anchor = "start"
        elif len(x_labels) > 1 and k == len(x_labels) - 1:
            anchor = "end"
        parts.append(
            f'<text x="{px(value):.1f}" y="{height - bottom + 16}" text-anchor="{anchor}">'
            f"{escape(label)}</text>"
        )
    parts.append(
        f'<text x="14" y="{(top + height - bottom) / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {(top + height - bottom) / 2:.0f})">{escape(y_label)}</text>'
    )
    if len(x) > 1:
        upper = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in zip(x, high, strict=True))
        lower = " ".join(
            f"{px(a):.1f},{py(b):.1f}" for a, b in reversed(list(zip(x, low, strict=True)))
        )
        parts.append(f'<polygon points="{upper} {lower}" fill="{BAND}" fill-opacity="0.6"/>')
        line = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in zip(x, median, strict=True))
        parts.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for i, (a, m) in enumerate(zip(x, median, strict=True)):
        parts.append(
            f'<line x1="{px(a):.1f}" x2="{px(a):.1f}" y1="{py(low[i]):.1f}" '
            f'y2="{py(high[i]):.1f}" stroke="{LINE}" stroke-opacity="0.5"/>'
        )
        hollow = censored is not None and censored[i]
        parts.append(
            f'<circle cx="{px(a):.1f}" cy="{py(m):.1f}" r="3.5" '
            f'fill="{"#ffffff" if hollow else LINE}" stroke="{LINE}"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    y_label: str,
    highlight: Sequence[bool] = (),
    empty: str = "",
) -> str:
    """Vertical bars (the weekday profile); highlighted bars (weekend) in the accent colour."""
    present = [v for v in values if v is not None]
    if not present:
        return _empty(title, empty)
    height, left, right, top, bottom = 280, 70, 20, 36, 40
    ticks = nice_ticks(0.0, max(present) or 1.0)
    y_max = ticks[-1]
    slot = (WIDTH - left - right) / len(labels)

    def py(value: float) -> float:
        return top + (1 - value / y_max) * (height - top - bottom)

    parts = _open(height, title)
    for t in ticks:
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{py(t):.1f}" y2="{py(t):.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end">{_fmt(t)}</text>')
    parts.append(
        f'<text x="14" y="{(top + height - bottom) / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {(top + height - bottom) / 2:.0f})">{escape(y_label)}</text>'
    )
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        x0 = left + i * slot + slot * 0.15
        if value is not None:
            colour = ACCENT if i < len(highlight) and highlight[i] else LINE
            parts.append(
                f'<rect x="{x0:.1f}" y="{py(value):.1f}" width="{slot * 0.7:.1f}" '
                f'height="{py(0) - py(value):.1f}" fill="{colour}"><title>{escape(label)}: '
                f"{_fmt(value)}</title></rect>"
            )
        parts.append(
            f'<text x="{x0 + slot * 0.35:.1f}" y="{height - bottom + 16}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def interval_chart(
    title: str,
    labels: Sequence[str],
    median: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    x_label: str,
    notes: Sequence[str] = (),
    empty: str = "",
    subtitle: str = "",
) -> str:
    """One row per item: a dot at the median and a line across the interval (city ranking)."""
    if not labels:
        return _empty(title, empty)
    row, top, bottom, left, right = 28, 52 if subtitle else 40, 44, 290, 80
    height = top + bottom + row * len(labels)
    ticks = nice_ticks(0.0, max(high) or 1.0)
    x_max = ticks[-1]

    def px(value: float) -> float:
        return left + value / x_max * (WIDTH - left - right)

    parts = _open(height, title, subtitle)
    for t in ticks:
        parts.append(
            f'<line x1="{px(t):.1f}" x2="{px(t):.1f}" y1="{top}" y2="{height - bottom}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{px(t):.1f}" y="{height - bottom + 16}" text-anchor="middle">'
            f"{_fmt(t)}</text>"
        )
    parts.append(
        f'<text x="{(left + WIDTH - right) / 2:.0f}" y="{height - 8}" text-anchor="middle">'
        f"{escape(x_label)}</text>"
    )
    for i, label in enumerate(labels):
        y = top + row * i + row / 2
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(label[:44])}</text>'
        )
        parts.append(
            f'<line x1="{px(low[i]):.1f}" x2="{px(high[i]):.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{LINE}" stroke-width="3"/>'
        )
        parts.append(f'<circle cx="{px(median[i]):.1f}" cy="{y:.1f}" r="5" fill="{ACCENT}"/>')
        if i < len(notes) and notes[i]:
            parts.append(f'<text x="{WIDTH - right + 8}" y="{y + 4:.1f}">{escape(notes[i])}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def share_chart(title: str, labels: Sequence[str], shares: Sequence[float], empty: str = "") -> str:
    """Horizontal bars of shares (the uncertainty budget), largest first, with percentages."""
    if not labels:
        return _empty(title, empty)
    order = sorted(range(len(labels)), key=lambda i: -shares[i])
    row, top, left, right = 26, 36, 260, 70
    height = top + row * len(labels) + 16

    def px(value: float) -> float:
        return left + max(0.0, min(1.0, value)) * (WIDTH - left - right)

    parts = _open(height, title)
    for k, i in enumerate(order):
        y = top + row * k
        parts.append(
            f'<text x="{left - 8}" y="{y + row / 2 + 4:.1f}" text-anchor="end">'
            f"{escape(labels[i])}</text>"
        )
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{px(shares[i]) - left:.1f}" '
            f'height="{row - 8}" fill="{LINE if k else ACCENT}"/>'
        )
        parts.append(
            f'<text x="{px(shares[i]) + 6:.1f}" y="{y + row / 2 + 4:.1f}">'
            f"{shares[i] * 100:.0f}%</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
