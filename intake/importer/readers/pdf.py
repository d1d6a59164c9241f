"""PDF documents through pdfplumber: ruled tables as rows, the remaining text as lines."""

from __future__ import annotations

import colorsys
import io
import re
from dataclasses import replace
from typing import Any

from ..columns import without_running_lines
from ..errors import DocumentError, LimitExceeded
from ..model import ImportLimits, Location
from ..synonyms import header_field
from .base import Item, ReadResult
from .text import read_text


def _outside(bboxes: list[tuple[float, float, float, float]]) -> Any:
    def keep(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in bboxes)

    return keep


_LINE_HYPHEN = re.compile(r"(?<=\w)-\n(?=[a-z])")


def _cell_text(text: str | None) -> str:
    """A cell's text on one line; 'multi-' at the end of a line and 'agency' on the next are one word."""
    return " ".join(_LINE_HYPHEN.sub("-", text or "").split())


def _table_rows(table: Any) -> list[list[str]]:
    """The table's rows; a cell merged down over the rows below (a lead shared by several actions)
    repeats its text in each, as the Word and Excel readers do. pdfplumber gives None for the
    cells a merged cell covers: those under a cell whose box reaches into their row are filled."""
    rows: list[list[str | None]] = table.extract()
    boxes = [row.cells for row in table.rows]
    tops = [row.bbox[1] for row in table.rows]
    out: list[list[str]] = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if value is None and r < len(boxes) and c < len(boxes[r]) and boxes[r][c] is None:
                above = next((k for k in range(r - 1, -1, -1) if c < len(boxes[k]) and boxes[k][c]), None)
                box = boxes[above][c] if above is not None else None
                if above is not None and box is not None and box[3] > tops[r] + 1:
                    value = rows[above][c]
            cells.append(_cell_text(value))
        out.append(cells)
    return out


def _table_settings(page: Any) -> dict[str, Any]:
    """pdfplumber's settings for the page's tables. A row that breaks across a page (Word's
    default) has no ruling line where the page cuts it, so pdfplumber would leave it out of the
    table (its cells read as loose text); a line where the columns' rules start and end closes it."""
    rules = [edge for edge in page.edges if edge["orientation"] == "v"]
    if not rules:
        return {}
    return {"explicit_horizontal_lines": [min(e["top"] for e in rules), max(e["bottom"] for e in rules)]}


def _all_laid_out(data: bytes) -> list[str]:
    """Every page's text laid out in columns, pages ended by a form feed."""
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            lines.extend([*_laid_out_lines(page, page_no == 1, page.rects), "\f"])
    return lines


def _holds_its_text(page: Any, table: Any) -> bool:
    """Whether the cells pdfplumber found hold most of the text inside the table's outline. A table
    printed without borders (Word's borderless layout) gives only its shaded cells (a heading row,
    RAG cells) as a grid, with the actions' words between them outside any cell: no table, so the
    page is read as text laid out in columns."""
    boxes = [box for row in table.rows for box in row.cells if box]
    x0, top, x1, bottom = table.bbox
    covered = sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)
    if covered >= 0.95 * (x1 - x0) * (bottom - top):
        return True  # cells from side to side and top to bottom (a ruled table): nothing is outside them
    chars = page.within_bbox(table.bbox, relative=False, strict=False).chars
    if not chars or not boxes:
        return True
    inside = sum(1 for ch in chars if any(_centre_in(ch, b) for b in boxes))
    return inside >= 0.5 * len(chars)


def _shaded_band(page: Any, table: Any) -> bool:
    """A one-row 'table' whose edges are only the sides of filled boxes (cell shading), with no
    ruling line or border (a line, or a box a point or two thin) anywhere around it: a striped row
    of a table without borders, not a ruled table's row alone on its page."""
    if len(table.rows) != 1:
        return False
    x0, top, x1, bottom = table.bbox
    near = [
        obj
        for obj in (*page.lines, *page.rects, *page.curves)
        if obj["x0"] <= x1 + 2
        and obj["x1"] >= x0 - 2
        and obj["top"] <= bottom + 2
        and obj["bottom"] >= top - 2
    ]
    return bool(near) and all(
        obj["object_type"] == "rect" and obj.get("fill") and min(obj["width"], obj["height"]) > 3
        for obj in near
    )


def _header_alone(table: Any) -> bool:
    """A ruled (or shaded) header row with nothing under it in its lines: the rows below are
    printed without ruling (a slide's table), so its words are read with theirs, as laid-out text."""
    if len(table.rows) != 1:
        return False
    rows = table.extract()
    return bool(rows) and _names_actions([[" ".join((c or "").split()) for c in rows[0]]])


def _centre_in(ch: dict[str, Any], box: tuple[float, ...]) -> bool:
    x, y = (float(ch["x0"]) + float(ch["x1"])) / 2, (float(ch["top"]) + float(ch["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _split_by_header(page: Any, table: Any, settings: dict[str, Any]) -> Any:
    """A table ruled only by horizontal lines (or its header row's shading alone) comes out with
    each body row's cells run together across the header's columns: read again with the header's
    column edges drawn down each such row. A row is run together where its words stop short of the
    header's column edges on both sides (a heading across the table runs over them)."""
    rows = table.rows
    head = [box for box in rows[0].cells if box] if rows else []
    if len(rows) < 2 or len(head) < 3:
        return table
    edges = sorted({round(x, 1) for box in head for x in (box[0], box[2])})
    spanning = [
        (row, [(box, x) for box in row.cells if box for x in edges if box[0] + 1 < x < box[2] - 1])
        for row in rows[1:]
    ]
    if sum(1 for _, inner in spanning if inner) < max(2, (len(rows) - 1) // 2):
        return table  # the body's cells keep to the header's columns: nothing run together
    chars = [
        ch for ch in page.within_bbox(table.bbox, relative=False, strict=False).chars if ch["text"].strip()
    ]
    segments: list[dict[str, Any]] = []
    run_together = 0
    for row, inner in spanning:
        boxes = sum(1 for box in row.cells if box)
        row_chars = [ch for ch in chars if _centre_in(ch, row.bbox)]
        gaps = [x for box, x in inner if _column_gap([ch for ch in row_chars if _centre_in(ch, box)], x)]
        if len(gaps) >= (1 if boxes > 1 else 2):
            run_together += 1
            top, bottom = row.bbox[1], row.bbox[3]
            segments += [
                {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0,
                 "height": bottom - top}
                for x in edges  # every column's edges, the table's own sides too
            ]  # fmt: skip
    if run_together < max(2, (len(rows) - 1) // 2):
        return table
    again = page.crop(table.bbox).find_tables({**settings, "explicit_vertical_lines": segments})
    return again[0] if len(again) == 1 and len(again[0].rows) == len(rows) else table


def _column_gap(chars: list[dict[str, Any]], x: float) -> bool:
    """No word of the cell crosses x, and words stand on both sides of it."""
    return (
        not any(ch["x0"] < x < ch["x1"] for ch in chars)
        and any(ch["x1"] <= x for ch in chars)
        and any(ch["x0"] >= x for ch in chars)
    )


def _body_size(chars: list[dict[str, Any]]) -> float:
    """The size of the page's body text: the commonest font size by characters."""
    sizes = sorted(round(float(c.get("size") or 0), 1) for c in chars)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _heading_level(chars: list[dict[str, Any]], body_size: float) -> int:
    """A line printed larger than the body text is a heading (PDFs carry no heading styles): 1 for
    the largest (a title), 2 for a smaller step up."""
    if not chars or body_size <= 0:
        return 0
    smallest = min(float(c.get("size") or 0) for c in chars)
    if smallest >= body_size * 1.8:
        return 1
    return 2 if smallest >= body_size * 1.4 else 0


_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)


def _in_bold(chars: list[dict[str, Any]]) -> bool:
    """A line printed wholly in a bold font (a heading between tables, where it is no larger than the
    body text: Word's and WeasyPrint's headings are often bold at the body's size or a little above)."""
    letters = [c for c in chars if str(c.get("text", "")).strip()]
    return bool(letters) and all(_BOLD_FONT.search(str(c.get("fontname") or "")) for c in letters)


def _laid_out_lines(
    page: Any, first_page: bool = False, rects: list[dict[str, Any]] | None = None
) -> list[str]:
    """The page's text laid out in columns, as ``pdftotext -layout`` prints it: each word starts
    at the character column of its position on the page, words close together stay one space
    apart and a gap between cells is at least two spaces. A table without ruling lines (common in
    plans exported from Excel or Word without borders) is then read by where its cells sit, as for
    ``pdftotext -layout`` text. (pdfplumber's own ``layout=True`` spreads each word's letters, so
    the gap between two cells can be no wider than the gap between two words.) On the first page,
    lines printed larger than the body text above the first table come as Markdown headings, so
    the plan's title is read from them."""
    words = page.extract_words(use_text_flow=False, keep_blank_chars=False, extra_attrs=["size"])
    if not words:
        return []
    sizes = sorted(float(w.get("size") or 10) for w in words)
    size = sizes[len(sizes) // 2] or 10.0  # the body text's
    # the whole page's boxes: coloured cells with no text in them may be taken for a ruled table
    # and left out of the part of the page read here
    words += _colour_words(page, page.rects if rects is None else rects, words, size)
    # Narrower than any real letter, so a word's text never reaches past the next cell's column.
    step = size * 0.4
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= size * 0.4:
            lines[-1].append(word)
        else:
            lines.append([word])
    out: list[str] = []
    previous_bottom: float | None = None
    titles = first_page
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        level = _heading_level(line, size) if titles else 0
        if level:
            words_text = " ".join(w["text"] for w in line)
            top = min(w["top"] for w in line)
            marker = "#" * level + " "
            if (
                len(out) >= 2
                and out[-2].startswith(marker)
                and previous_bottom is not None
                and top - previous_bottom < size
            ):
                out[-2] += " " + words_text  # a heading wrapped onto a second line
            else:
                out.extend([marker + words_text, ""])
            previous_bottom = max(w["bottom"] for w in line)
            continue
        top = min(w["top"] for w in line)
        if previous_bottom is not None and top - previous_bottom > size * 1.2:
            out.append("")  # a gap between rows or paragraphs, as pdftotext prints it
        previous_bottom = max(w["bottom"] for w in line)
        text = ""
        last_x1: float | None = None
        last_size = 0.0
        for word in line:
            column = int(word["x0"] / step)
            if not text:
                text = " " * column
            elif (
                last_x1 is not None
                and word["x0"] - last_x1 < max(size, last_size, float(word.get("size") or 0)) * 0.6
            ):
                text += " "  # the next word of the same cell
            else:
                text += " " * max(2, column - len(text))
            text += word["text"]
            last_x1, last_size = word["x1"], float(word.get("size") or 0)
        titles = titles and len(re.findall(r"\S\s{2,}\S", text.strip())) < 2  # until a table's header
        out.append(text)
    return out


def _colour_words(
    page: Any, rects: list[dict[str, Any]], words: list[dict[str, Any]], size: float
) -> list[dict[str, Any]]:
    """A cell of a table without ruling lines that holds no text, only a RAG colour (a status shown
    by colour alone): its colour's name as a word on the row's first line, where the cell's text
    would start, as a reader of the printed page sees it. Only cell-sized boxes beside a row's text:
    a coloured band or picture elsewhere on the page is no cell."""
    found: list[dict[str, Any]] = []
    for rect in rects:
        name = _colour_name(rect.get("non_stroking_color")) if rect.get("fill") else None
        x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
        if name is None or x1 - x0 > page.width * 0.3 or bottom - top > page.height * 0.3:
            continue
        inside = any(x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= w["top"] <= bottom for w in words)
        beside = [w["top"] for w in words if top - 1 <= w["top"] <= bottom and not x0 <= w["x0"] <= x1]
        if inside or not beside:
            continue
        first = min(beside)  # the row's first line, in the cells beside this one
        found.append({"text": name, "x0": x0 + size * 0.4, "x1": x0 + size * 0.4 + len(name) * size * 0.5,
                      "top": first, "bottom": first + size, "size": size})  # fmt: skip
    return found


def _colour_name(colour: Any) -> str | None:
    """The RAG colour a cell is filled with ('Red', 'Amber', 'Green', 'Blue'), from a PDF fill colour
    (grey, RGB or CMYK, each 0 to 1); None for white, grey, black or another colour."""
    if not isinstance(colour, (tuple, list)) or not all(isinstance(v, (int, float)) for v in colour):
        return None
    if len(colour) == 4:
        c, m, y, k = colour
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    elif len(colour) == 3:
        rgb = [float(v) for v in colour]
    else:
        return None
    hue, lightness, saturation = colorsys.rgb_to_hls(*rgb)
    if saturation < 0.3 or not 0.15 < lightness < 0.92:
        return None
    degrees = hue * 360
    for name, upto in (("Red", 15), ("Amber", 65), ("Green", 170), ("Blue", 260), ("Red", 361)):
        if degrees < upto:
            return name if not (name == "Red" and upto == 361 and degrees < 330) else None
    return None


def _fill_colours(page: Any, table: Any, rows: list[list[str]], column: int) -> None:
    """A RAG column whose cells carry no word, only a background colour (a status shown by colour
    alone, common in plans kept in Excel or Word): each such cell gets its colour's name, as a
    reader of the printed page sees it."""
    fills = [rect for rect in page.rects if rect.get("fill")]
    if not fills:
        return
    for r, cells in enumerate(rows):
        boxes = table.rows[r].cells if r < len(table.rows) else []
        box = boxes[column] if column < len(boxes) else None
        if column >= len(cells) or cells[column] or box is None:
            continue
        colour = _fill_under(fills, box)
        if colour is not None:
            others = [_fill_under(fills, other) for k, other in enumerate(boxes) if k != column and other]
            if len(others) >= 2 and all(c == colour for c in others):
                continue  # a heading row shaded across the table: coloured as a heading, not rated
            cells[column] = _colour_name(colour) or ""
        if not cells[column]:
            # a coloured mark drawn inside the cell (a square or dot beside no word), not its background
            marks = [
                name
                for rect in fills
                if box[0] - 1 <= rect["x0"] and rect["x1"] <= box[2] + 1
                and box[1] - 1 <= rect["top"] and rect["bottom"] <= box[3] + 1
                and (name := _colour_name(rect.get("non_stroking_color")))
            ]  # fmt: skip
            if len(set(marks)) == 1:
                cells[column] = marks[0]


def _fill_under(fills: list[dict[str, Any]], box: Any) -> Any:
    """The fill colour behind a cell's middle (the smallest filled box there), or None."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    under = [rect for rect in fills if rect["x0"] <= x <= rect["x1"] and rect["top"] <= y <= rect["bottom"]]
    # a cell's border drawn as a filled frame (WeasyPrint's separate borders) is dark and no background
    under = [rect for rect in under if not _dark(rect.get("non_stroking_color"))] or under
    if not under:
        return None
    smallest = min(under, key=lambda rect: (rect["x1"] - rect["x0"]) * (rect["bottom"] - rect["top"]))
    colour = smallest.get("non_stroking_color")
    return tuple(colour) if isinstance(colour, (list, tuple)) else colour


def _dark(colour: Any) -> bool:
    """Black or nearly (a border's colour, never a cell's background behind its text)."""
    if not isinstance(colour, (tuple, list)) or not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:
        return bool(colour[3] > 0.85)
    return bool(max(colour) < 0.15)


def _bold_row(page: Any, table: Any, r: int) -> bool:
    """Whether a table row is printed wholly in a bold font (a heading row across the table)."""
    if r >= len(table.rows):
        return False
    return _in_bold(page.within_bbox(table.rows[r].bbox, relative=False, strict=False).chars)


def read_pdf(data: bytes, limits: ImportLimits) -> ReadResult:
    try:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise DocumentError(
            "This PDF file could not be opened: it may be damaged, protected by a password or not a PDF. "
            "Print or save it again as a PDF and upload that."
        ) from exc
    items: list[Item] = []
    table_no = 0
    rows_seen = 0
    any_table = False
    plan_table = False  # a ruled table with a header naming an action column
    text_lines: list[str] = []
    laid_out_lines: list[str] = []
    rag_column: list[str | None] | None = None  # the fields of the last header row seen
    spanning: set[int] = set()  # id() of the rows printed as one cell across the table
    borderless = False  # a table printed without borders: only its shaded cells found as a grid
    try:
        with pdf:
            if len(pdf.pages) > limits.max_pages:
                raise LimitExceeded(
                    f"This PDF has {len(pdf.pages)} pages, more than the limit of {limits.max_pages}."
                )
            for page_no, page in enumerate(pdf.pages, start=1):
                settings = _table_settings(page)
                # a shaded band (a row of a borderless table striped in grey, a call-out box) is no
                # table: its words stay in the page's text, read with the rows beside them
                found = [
                    table
                    for table in page.find_tables(settings)
                    if not _shaded_band(page, table) and not _header_alone(table)
                ]
                tables = [
                    _split_by_header(page, table, settings) for table in found if _holds_its_text(page, table)
                ]
                borderless = borderless or len(tables) < len(found)
                bboxes = [t.bbox for t in tables]
                body = page.filter(_outside(bboxes)) if bboxes else page
                # text above the first table, then tables in order, then text below
                lines_by_top: list[tuple[float, Item]] = []
                page_lines = body.extract_text_lines()
                body_size = _body_size(page.chars)
                previous: tuple[int, float] | None = None  # the last line's heading level and bottom
                for line in page_lines:
                    text_lines.append(line["text"])
                    level = _heading_level(line["chars"], body_size) if page_no == 1 else 0
                    if level and previous and previous[0] == level and line["top"] - previous[1] < body_size:
                        # a heading wrapped onto a second line: one heading
                        heading = lines_by_top[-1][1]
                        heading.text = f"{heading.text} {line['text'].strip()}"
                        previous = (level, line["bottom"])
                        continue
                    previous = (level, line["bottom"])
                    lines_by_top.append(
                        (
                            line["top"],
                            Item(
                                text=line["text"].strip(),
                                heading=level,
                                bold=not level and _in_bold(line["chars"]),
                                location=Location(page=page_no),
                            ),
                        )
                    )
                text_lines.append("\f")
                for table in tables:
                    any_table = True
                    table_no += 1
                    rows = _table_rows(table)
                    plan_table = plan_table or _names_actions(rows)
                    header = next((f for f in map(_header_fields, rows[:3]) if f is not None), None)
                    rag_column = header or rag_column
                    if rag_column is not None and "rag" in rag_column and len(rag_column) == len(rows[-1]):
                        _fill_colours(page, table, rows, rag_column.index("rag"))
                    for r, cells in enumerate(rows):
                        rows_seen += 1
                        if rows_seen > limits.max_rows:
                            raise LimitExceeded(f"This PDF has more than {limits.max_rows} table rows.")
                        item = Item(
                            text="\t".join(cells),
                            cells=cells,
                            bold=sum(1 for c in cells if c) == 1 and _bold_row(page, table, r),
                            table=table_no,
                            location=Location(page=page_no, table=table_no, row=r + 1),
                        )
                        if r < len(table.rows) and sum(1 for box in table.rows[r].cells if box) == 1:
                            spanning.add(id(item))  # a section row across the table
                        lines_by_top.append((table.bbox[1] + r * 0.001, item))
                if not plan_table:
                    # the same text laid out in columns: a table without ruling lines, perhaps
                    # (not needed, so not worked out, once a ruled table holds the actions)
                    laid_out_lines.extend([*_laid_out_lines(body, page_no == 1, page.rects), "\f"])
                lines_by_top.sort(key=lambda pair: pair[0])
                page_items = [item for _, item in lines_by_top if item.text.strip() or item.cells]
                _headings_over_tables(page_items)
                items.extend(page_items)
    except LimitExceeded:
        raise
    except Exception as exc:
        raise DocumentError(
            "This PDF file could not be read: it may be damaged. Print or save it again as a PDF and upload that."
        ) from exc
    if borderless:
        # a table without borders: every page read as text laid out in columns, the shaded cells'
        # colours as words where they hold none
        laid_out_lines = _all_laid_out(data)
        any_table = False
    if not any_table:
        # No ruled tables: read the text laid out in columns (a table without lines), or failing
        # that line by line.
        result = read_text("\n".join(without_running_lines(laid_out_lines)), laid_out_by_reader=True)
        if not result.laid_out:
            # line by line, without the running header and footer each page repeats
            result = read_text("\n".join(without_running_lines("\n".join(text_lines).split("\n"))))
        result.fmt = "pdf"
        return result
    if not plan_table:
        # Ruled tables, but none holds the actions (a RAG key, a contents box): the plan may be a
        # table without lines in the text around them.
        around = read_text("\n".join(without_running_lines(laid_out_lines)), laid_out_by_reader=True)
        if around.laid_out and any(item.is_row for item in around.items):
            ruled = [item for item in items if item.is_row]
            for item in around.items:
                if item.table is not None:
                    item.table += table_no
                    item.location = replace(item.location, table=item.table)
            # the text above the plan (its title) first, then the ruled tables (a key above the
            # plan, usually), then the plan, so the key is not read as rows of the plan
            lead = next((k for k, item in enumerate(around.items) if item.is_row), len(around.items))
            return ReadResult(
                items=around.items[:lead] + ruled + around.items[lead:], fmt="pdf", pages=table_no
            )
    return ReadResult(items=_join_rows_cut_by_pages(items, spanning), fmt="pdf", pages=table_no)


def _headings_over_tables(items: list[Item]) -> None:
    """A short line wholly in bold right above a table's header row names that table ('Protect',
    'Priority 2: Early help'): a heading, as Word's heading styles are, so a table per strand under
    its name is read with the name as the section of its actions."""
    for item, after in zip(items, items[1:], strict=False):
        if (
            item.bold
            and not item.heading
            and item.cells is None
            and len(item.text.split()) <= 12
            and after.cells is not None
            and _header_fields(after.cells) is not None
        ):
            item.heading, item.bold = 3, False


def _header_fields(cells: list[str]) -> list[str | None] | None:
    """The fields a header row names, column by column (None: it is not a header naming the action).
    Most of its cells must name a field, as the import's own header check asks: a row's cells may open
    with a column's name ('Priority 2: ...', 'No update this quarter' reads as 'No.', a ref)."""
    fields = [header_field(cell) if cell else None for cell in cells]
    named = set(fields) - {None}
    filled = sum(1 for cell in cells if cell)
    if sum(1 for f in fields if f) < 0.6 * filled:
        return None
    return fields if len(named) >= 2 and named & {"text", "ref"} else None


def _join_rows_cut_by_pages(items: list[Item], spanning: set[int]) -> list[Item]:
    """A row cut by a page break, with the table's header repeated on the new page, is one row. Its
    short cells (the date, the status) may be printed at the foot of one page and the rest at the top
    of the next (WeasyPrint, browsers), or its action text may end on the first page with the lead,
    date or progress going on over the page: each half alone lacks the action or everything but it.
    Or the text of several cells goes on over the page (a long action and a long update), and the
    half on the next page fills none of the cells that name a row (its ref, lead, date), which its
    first half fills. Or the action's sentence goes on over the page ('... each quarter' / 'for
    evidence of ...', unfinished above, lower case below) with the cells that name the row split
    between the halves, none filled in both. The last row of a page and the first row under the next
    page's header are joined, cell by cell, in any of these cases (a section row printed as one cell
    across the table stays a row of its own)."""
    rows = [k for k, item in enumerate(items) if item.cells is not None]
    text_col: int | None = None
    keys: list[int] = []  # the columns that name a row: its ref, lead and date
    width = 0
    drop: set[int] = set()
    for n, k in enumerate(rows):
        cells = items[k].cells or []
        fields = _header_fields(cells)
        if fields is not None:
            if "text" in fields:
                text_col, width = fields.index("text"), len(cells)
                keys = [c for c, f in enumerate(fields) if f in ("ref", "owner", "due")]
            continue
        if text_col is None or n + 1 >= len(rows) or len(cells) != width:
            continue
        after = rows[n + 1]
        if items[after].location.page == items[k].location.page:
            continue
        if _header_fields(items[after].cells or []) is not None:
            after = rows[n + 2] if n + 2 < len(rows) else -1
        below = items[after].cells if after >= 0 else None
        if not below or len(below) != width or items[after].location.page == items[k].location.page:
            continue
        if id(items[k]) in spanning or id(items[after]) in spanning:
            continue
        goes_on = any(cells[c] for c in keys) and not any(below[c] for c in keys) and bool(below[text_col])
        # or the action's sentence going on over the page ('... each quarter' / 'for evidence of ...'),
        # the cells that name the row split between the halves, none filled in both
        started = (
            bool(keys)
            and not any(cells[c] and below[c] for c in keys)
            and any(below[c] for c in keys)
            and bool(cells[text_col])
            and not cells[text_col].rstrip().endswith((".", "!", "?", ":", ";"))
            and below[text_col][:1].islower()
        )
        if not (goes_on or started or _half_row(cells, text_col) or _half_row(below, text_col)):
            continue
        joined = [
            a if a == b else " ".join(p for p in (a, b) if p) for a, b in zip(cells, below, strict=True)
        ]
        items[k] = replace(items[k], cells=joined, text="\t".join(joined))
        drop.add(after)
    return [item for k, item in enumerate(items) if k not in drop]


def _half_row(row: list[str], text_col: int) -> bool:
    """A row without its action text that fills a cell other than its first: half of a cut row."""
    return not row[text_col] and any(row[c] for c in range(1, len(row)) if c != text_col)


def _names_actions(rows: list[list[str]]) -> bool:
    """Whether one of a table's first rows is a header naming the action (or reference) column."""
    for cells in rows[:3]:
        fields = {header_field(cell) for cell in cells if cell}
        if len(fields - {None}) >= 2 and fields & {"text", "ref"}:
            return True
    return False
