"""Cells made of a list: 'one action per bullet' in an Actions cell, and the matching progress bullets.

A cell's list reaches here in each reader's own way: Word paragraphs one per line (list paragraphs
marked ``<li>`` by the reader, as their bullet is not in the text), Excel and CSV cells with line
breaks, HTML ``<li>`` / ``<br>`` / ``<p>`` (kept by the HTML reader, or written in a Markdown or
tab-separated cell), and bullets printed inline ('• Do X • Do Y') where a line was flattened.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .normalise import _TAG, clean_text

# bullets printed as characters; other symbols ('◆', '➢') are not read as bullets: a plan writes
# them for the points of one action (the SCR seed's gold reads such a cell as one action)
GLYPHS = "•●▪◦■‣"
_IMPLICIT = "\x00"  # an item the document marks as such (<li>, a Word list paragraph), bullet unseen
_GLYPH = re.compile(rf"^([{GLYPHS}])\s*(?=\S)")
_DASH = re.compile(r"^([-*–])\s+(?=\S)")
_O = re.compile(r"^(o)\s+(?=[A-Z0-9‘'\"“(])")
# 'a)', '(a)', 'i)', '(ii)', '1)', '(1)': letters, roman numerals, numbers
_ENUM = re.compile(r"^\(?([a-z]|[ivx]{1,4}|\d{1,2})\)\s*(?=\S)")
_INLINE_ENUM = re.compile(r"(?:^|(?<=\s))\(?([a-z]|[ivx]{1,4}|\d{1,2})\)\s+(?=\S)")
_LIST_TAG = re.compile(r"<(/?)(ul|ol|li|br|p|div)\b[^>]*?/?>", re.I)
_OTHER_TAG = _TAG  # markup only, not a comparison ('<5', '>10') in the words
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _lines(raw: str) -> list[str]:
    """The cell's lines, a list item the markup names (``<li>`` at the outer level) opened by the
    implicit mark; items of a list inside an item are lines of it."""
    out: list[str] = []
    depth = 0
    last = 0
    for m in _LIST_TAG.finditer(raw):
        out.append(raw[last : m.start()])
        last = m.end()
        closing, name = m[1] == "/", m[2].lower()
        if name in ("ul", "ol"):
            depth = max(0, depth - 1) if closing else depth + 1
            out.append("\n")
        elif name == "li" and not closing:
            out.append("\n" + (_IMPLICIT if depth <= 1 else ""))
        else:
            out.append("\n")
    out.append(raw[last:])
    text = html.unescape(_OTHER_TAG.sub("", "".join(out)))
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


def _kind(line: str) -> tuple[str, str, str] | None:
    """(the marker's kind, its value, the line without it) for a line opening a list item."""
    if line.startswith(_IMPLICIT):
        rest = line[1:].lstrip()
        if rest[:1] and unicodedata.category(rest[0]) in ("So", "Sm") and rest[1:2].isspace():
            # the item shows a symbol of its own ('<li>◆ ...' in a list without bullets): not one of
            # the bullets read as a list of actions
            return None
        glyph = _GLYPH.match(rest) or _DASH.match(rest)
        return "implicit", "", rest[glyph.end() :] if glyph else rest
    for pattern in (_GLYPH, _DASH, _O):
        m = pattern.match(line)
        if m:
            return m[1], m[1], line[m.end() :]
    m = _ENUM.match(line)
    if m:
        return _enum_kind(m[1]), m[1], line[m.end() :]
    return None


def _enum_kind(value: str) -> str:
    if value.isdigit():
        return "number"
    return "roman" if value in _ROMAN and value not in ("v", "x") else "letter"


def _continues_list(kind: str, found: str, value: str, expected: int) -> bool:
    """Whether a marker opens the next item of a list whose first marker was of ``kind``: the same
    bullet, or the next letter, numeral or number ('i)' after 'h)' is a letter, '(v)' after '(iv)'
    a numeral)."""
    if kind in ("letter", "roman") and found in ("letter", "roman"):
        if kind == "letter" and len(value) != 1:
            return False
        if kind == "roman" and value not in _ROMAN:
            return False
        return _position(kind, value) == expected
    if kind == "number":
        return found == kind and _position(kind, value) == expected
    return found == kind


def _position(kind: str, value: str) -> int:
    if kind == "number":
        return int(value)
    if kind == "roman":
        return _ROMAN.index(value) + 1 if value in _ROMAN else 0
    return ord(value) - ord("a") + 1


def _inline_enumeration(line: str, kind: str) -> list[str]:
    """The items of a line holding a numbered list printed one item after another ('a) A b) B'):
    cut at the markers that go on from the one before (a, b, c), else no items."""
    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in _INLINE_ENUM.finditer(line):
        if _continues_list(kind, _enum_kind(m[1]), m[1], expected):
            cuts.append((m.start(), m.end()))
            expected += 1
    if not cuts or cuts[0][0] != 0:
        return []
    return [
        line[end : cuts[k + 1][0] if k + 1 < len(cuts) else len(line)].strip()
        for k, (_, end) in enumerate(cuts)
    ]


def list_items(raw: str | None) -> list[str] | None:
    """The items of a cell made only of a list of two or more items, each cleaned and without its
    bullet; None for anything else: text before the list (an introductory line: 'Develop a strategy
    that will:'), an item introducing the ones after it ('... by:'), or a single item."""
    if not raw or not raw.strip():
        return None
    lines = _lines(raw)
    if not lines:
        return None
    first = _kind(lines[0])
    if first is None:
        return None
    kind, value, _ = first
    if kind in ("number", "letter", "roman") and _position(kind, value) != 1:
        return None
    items: list[str] = []
    expected = 1
    for line in lines:
        marker = _kind(line)
        starts = marker is not None and _continues_list(kind, marker[0], marker[1], expected)
        if starts and marker is not None:
            items.append(marker[2])
            expected += 1
        elif items:
            items[-1] = f"{items[-1]} {line}"  # a wrapped line, or the steps of the item above
    if kind in GLYPHS:
        # bullets printed inline, where the cell's lines were run together ('• Do X • Do Y')
        items = [part for item in items for part in re.split(rf"\s{re.escape(kind)}\s*", item)]
    elif kind in ("number", "letter", "roman") and len(lines) == 1:
        items = _inline_enumeration(lines[0], kind)
    cleaned = [clean_text(item) for item in items]
    cleaned = [item for item in cleaned if item]
    if len(cleaned) < 2 or any(item.endswith(":") for item in cleaned[:-1]):
        return None
    return cleaned
