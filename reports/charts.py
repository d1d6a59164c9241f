"""The report's charts as hand-written SVG (HTML and PDF) and PNG via cairosvg (Word).

Only presentation attributes (fill, stroke, font-size ...), never `style`, so inline SVG
passes the Content-Security-Policy. Every colour has its words next to it (legend, axis
labels, a <title> per bar) so the charts never rely on colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from plans.figures import GroupRow

from .figures import BoardReport, StatusDefinition, TimelinePoint

# GOV.UK colours for the RAG colours (darker than the tag backgrounds, for contrast on white).
FILL = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "blue": "#1d70b8", "grey": "#b1b4b6"}
FONT = "Arial, Helvetica, sans-serif"
WIDTH = 720


@dataclass(frozen=True)
class ChartTable:
    """A chart's figures as a table, beside it in every format (QA round 9: the month-end figures
    of the charts over time were in no table, though their captions said so)."""

    caption: str
    header: list[str]
    rows: list[list[str | int]]


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    svg: str
    table: ChartTable | None = None  # its figures, where no table of the report has them

    @property
    def description(self) -> str:
        """What stands for the chart in words: the page's caption and the Word pack's picture
        description (where its figures are)."""
        if self.table is not None:
            return f"{self.title}: its figures are in the table below the chart."
        return f"{self.title}: its figures are in the table per section above."

    def png(self, scale: float = 2.0) -> bytes:
        import cairosvg

        return cairosvg.svg2png(bytestring=self.svg.encode(), scale=scale, unsafe=False)


def status_mix_table(points: Sequence[TimelinePoint], statuses: Sequence[StatusDefinition]) -> ChartTable:
    """The status mix's figures: each month end's count per status, and all actions then."""
    used = [s for s in statuses if any(p.by_status.get(s.key) for p in points)]
    return ChartTable(
        "Status mix over time: actions per status at each month end",
        ["Month end or report date", *[s.label for s in used], "All actions"],
        [[f"{p.day:%-d %B %Y}", *[p.by_status.get(s.key, 0) for s in used], p.total] for p in points],
    )


def burn_up_table(points: Sequence[TimelinePoint]) -> ChartTable:
    """The burn-up's figures: at each month end, the actions in the plan, due by then, and done."""
    return ChartTable(
        "Actions done against actions due, at each month end",
        ["Month end or report date", "Actions in the plan", "Due by then", "Done"],
        [[f"{p.day:%-d %B %Y}", p.total, p.due, p.done] for p in points],
    )


def _text(
    x: float, y: float, text: str, size: int = 12, anchor: str = "start", weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" fill="#0b0c0c" '
        f'text-anchor="{anchor}" font-weight="{weight}">{escape(text)}</text>'
    )


def _svg(height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">'
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _legend(y: float, entries: Sequence[tuple[str, str]]) -> list[str]:
    out, x = [], 10.0
    for label, colour in entries:
        out.append(
            f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{colour}" stroke="#0b0c0c"/>'
        )
        out.append(_text(x + 16, y, label, 11))
        x += 28 + 6.5 * len(label)
        if x > WIDTH - 80:
            x, y = 10.0, y + 16
    return out


def stacked_bars(rows: Sequence[GroupRow], statuses: Sequence[StatusDefinition], title: str) -> str:
    """One horizontal bar per section, a segment per status, its count written inside."""
    label_w, bar_h, gap, top = 220, 18, 8, 30
    used = [s for s in statuses if any(r.by_status.get(s.key) for r in rows)]
    biggest = max((r.total for r in rows), default=0) or 1
    scale = (WIDTH - label_w - 40) / biggest
    body = [_text(10, 18, title, 14, weight="bold")]
    y = top
    for row in rows:
        name = row.name if len(row.name) <= 34 else row.name[:33] + "…"
        body.append(_text(label_w - 6, y + 13, name, 11, "end"))
        x = float(label_w)
        for status in used:
            n = row.by_status.get(status.key, 0)
            if not n:
                continue
            w = n * scale
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{FILL.get(status.colour, "#b1b4b6")}" '
                f'stroke="#ffffff"><title>{escape(row.name)}: {n} {escape(status.label)}</title></rect>'
            )
            if w >= 16:
                fg = "#0b0c0c" if status.colour in ("amber", "grey") else "#ffffff"
                body.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 13}" font-family="{FONT}" font-size="11" fill="{fg}" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
        body.append(_text(x + 4, y + 13, str(row.total), 11))
        y += bar_h + gap
    legend_y = y + 16
    body += _legend(legend_y, [(s.label, FILL.get(s.colour, "#b1b4b6")) for s in used])
    return _svg(legend_y + 24, title, body)


def _axes(
    points_n: int, top: float, bottom: float, left: float, right: float, ymax: int
) -> tuple[list[str], float]:
    body = [
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#0b0c0c"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#0b0c0c"/>',
    ]
    step = max(1, round(ymax / 5))
    for v in range(0, ymax + 1, step):
        y = bottom - (bottom - top) * v / (ymax or 1)
        body.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#e5e6e7"/>')
        body.append(_text(left - 6, y + 4, str(v), 10, "end"))
    slot = (right - left) / max(points_n, 1)
    return body, slot


def _month_label(day: dt.date, last: bool) -> str:
    return f"{day:%-d %b %y}" if last else f"{day:%b %y}"


def status_mix(points: Sequence[TimelinePoint], statuses: Sequence[StatusDefinition], title: str) -> str:
    """A stacked column per month end: how many actions had each status."""
    top, bottom, left, right = 30.0, 230.0, 44.0, WIDTH - 10.0
    used = [s for s in statuses if any(p.by_status.get(s.key) for p in points)]
    ymax = max((p.total for p in points), default=0) or 1
    body = [_text(10, 18, title, 14, weight="bold")]
    axes, slot = _axes(len(points), top, bottom, left, right, ymax)
    body += axes
    for i, point in enumerate(points):
        x = left + i * slot + slot * 0.15
        w = slot * 0.7
        y = bottom
        for status in used:
            n = point.by_status.get(status.key, 0)
            if not n:
                continue
            h = (bottom - top) * n / ymax
            y -= h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                f'fill="{FILL.get(status.colour, "#b1b4b6")}" stroke="#ffffff">'
                f"<title>{point.day:%-d %B %Y}: {n} {escape(status.label)}</title></rect>"
            )
        body.append(_text(x + w / 2, bottom + 14, _month_label(point.day, i == len(points) - 1), 9, "middle"))
    body += _legend(bottom + 36, [(s.label, FILL.get(s.colour, "#b1b4b6")) for s in used])
    return _svg(bottom + 60, title, body)


def burn_up(points: Sequence[TimelinePoint], title: str) -> str:
    """Lines of actions done and actions due (cumulative), against all actions in the plan."""
    top, bottom, left, right = 30.0, 230.0, 44.0, WIDTH - 10.0
    ymax = max((p.total for p in points), default=0) or 1
    body = [_text(10, 18, title, 14, weight="bold")]
    axes, slot = _axes(len(points), top, bottom, left, right, ymax)
    body += axes
    series = [
        ("Actions in the plan", "#505a5f", [p.total for p in points], "4 3"),
        ("Actions due", "#d4351c", [p.due for p in points], "8 4"),
        ("Actions done", "#00703c", [p.done for p in points], ""),
    ]
    for label, colour, values, dash in series:
        coords = [
            (left + i * slot + slot / 2, bottom - (bottom - top) * v / ymax) for i, v in enumerate(values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"{dash_attr}/>')
        for (x, y), v, p in zip(coords, values, points, strict=True):
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">'
                f"<title>{p.day:%-d %B %Y}: {v} {escape(label.lower())}</title></circle>"
            )
        body.append(_text(coords[-1][0] - 4, coords[-1][1] - 6, str(values[-1]), 10, "end", "bold"))
    for i, point in enumerate(points):
        body.append(
            _text(
                left + i * slot + slot / 2,
                bottom + 14,
                _month_label(point.day, i == len(points) - 1),
                9,
                "middle",
            )
        )
    body += _legend(bottom + 36, [(label, colour) for label, colour, _, _ in series])
    return _svg(bottom + 60, title, body)


def report_charts(report: BoardReport) -> list[Chart]:
    """The three charts of a report, in the order they are shown."""
    return [
        Chart(
            "sections",
            "Status of actions per section",
            stacked_bars(report.by_section, report.statuses, "Status of actions per section"),
        ),
        Chart(
            "mix",
            "Status mix over time (month ends)",
            status_mix(report.timeline, report.statuses, "Status mix over time (month ends)"),
            status_mix_table(report.timeline, report.statuses),
        ),
        Chart(
            "burnup",
            "Actions done against actions due",
            burn_up(report.timeline, "Actions done against actions due"),
            burn_up_table(report.timeline),
        ),
    ]
