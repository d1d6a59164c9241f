"""The numbers Word draws before numbered paragraphs ('1.', '1.2', 'a)'), which are not in their text.

Plans often number their areas and actions with Word's automatic numbering (a numbered heading
style, a multi-level list in the reference column), so the reference a reader sees exists only
in the numbering definitions. This module counts the paragraphs in document order the way Word
does and renders each one's number.

Word keeps one count per abstract list definition, shared by the list instances (``w:num``) that
point to it, unless an instance restarts it (``w:startOverride``); a paragraph at one level resets
the counts of the levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class _List:
    key: str  # whose count it shares: the abstract definition's, or its own where it restarts
    levels: dict[int, _Level] = field(default_factory=dict)


def _value(element: Any, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    return found.get(_VAL) if found is not None else None


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.lstrip("-").isdigit() else default


def _read_level(lvl: Any) -> _Level:
    return _Level(
        start=_int(_value(lvl, "start"), 1),
        fmt=_value(lvl, "numFmt") or "decimal",
        text=_value(lvl, "lvlText") or "",
    )


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _formatted(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class WordNumbers:
    """Counts numbered paragraphs as Word does; ``number(p)`` gives a paragraph's drawn number."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.style_numbers: dict[str, tuple[str | None, int | None]] = {}
        self.counts: dict[str, list[int | None]] = {}
        if numbering is not None:
            for definition in numbering.iterchildren(f"{_W}abstractNum"):
                levels = {
                    _int(lvl.get(f"{_W}ilvl"), 0): _read_level(lvl)
                    for lvl in definition.iterchildren(f"{_W}lvl")
                }
                abstract[definition.get(f"{_W}abstractNumId") or ""] = levels
            for instance in numbering.iterchildren(f"{_W}num"):
                num_id = instance.get(f"{_W}numId") or ""
                abstract_id = _value(instance, "abstractNumId") or ""
                levels = dict(abstract.get(abstract_id, {}))
                restarts = False
                for override in instance.iterchildren(f"{_W}lvlOverride"):
                    ilvl = _int(override.get(f"{_W}ilvl"), 0)
                    lvl = override.find(f"{_W}lvl")
                    if lvl is not None:
                        levels[ilvl] = _read_level(lvl)
                        restarts = True
                    start = _value(override, "startOverride")
                    if start is not None:
                        base = levels.get(ilvl, _Level())
                        levels[ilvl] = _Level(start=_int(start, 1), fmt=base.fmt, text=base.text)
                        restarts = True
                key = f"num:{num_id}" if restarts else f"abstract:{abstract_id}"
                self.lists[num_id] = _List(key=key, levels=levels)
        if styles is not None:
            self._read_styles(styles)

    def _read_styles(self, styles: Any) -> None:
        """Each paragraph style's numbering (list instance, level), through the styles it is based on."""
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in styles.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId") or ""
            properties = style.find(f"{_W}pPr")
            numbered = properties.find(f"{_W}numPr") if properties is not None else None
            listed = _value(numbered, "numId") if numbered is not None else None
            level_text = _value(numbered, "ilvl") if numbered is not None else None
            own[style_id] = (
                listed,
                _int(level_text, 0) if level_text is not None else None,
                _value(style, "basedOn"),
            )
        for style_id in own:
            num_id: str | None = None
            ilvl: int | None = None
            seen: set[str] = set()
            current: str | None = style_id
            while current in own and current not in seen:
                seen.add(current)
                n, level, based_on = own[current]
                num_id = num_id if num_id is not None else n
                ilvl = ilvl if ilvl is not None else level
                current = based_on
            if num_id is not None:
                self.style_numbers[style_id] = (num_id, ilvl)

    def _numbering_of(self, p: Any) -> tuple[str, int] | None:
        properties = p.find(f"{_W}pPr")
        if properties is None:
            return None
        style = _value(properties, "pStyle")
        num_id, ilvl = self.style_numbers.get(style or "", (None, None))
        direct = properties.find(f"{_W}numPr")
        if direct is not None:
            num_id = _value(direct, "numId") or num_id
            level = _value(direct, "ilvl")
            ilvl = _int(level, 0) if level is not None else ilvl
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return None
        return num_id, min(max(ilvl or 0, 0), _LEVELS - 1)

    def number(self, p: Any) -> str | None:
        """The number Word draws before paragraph `p` ('1.2', 'b)'), counting it; None for an
        unnumbered or bulleted paragraph (a bullet is a list mark, not a reference)."""
        found = self._numbering_of(p)
        if found is None:
            return None
        num_id, ilvl = found
        numbered = self.lists[num_id]
        levels = numbered.levels
        counts = self.counts.setdefault(numbered.key, [None] * _LEVELS)
        level = levels.get(ilvl, _Level())
        counts[ilvl] = level.start if counts[ilvl] is None else (counts[ilvl] or 0) + 1
        for below in range(ilvl + 1, _LEVELS):
            counts[below] = None
        if level.fmt in ("bullet", "none") or not level.text:
            return None

        def drawn(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            at = levels.get(k, _Level())
            value = counts[k] if counts[k] is not None else at.start
            return _formatted(value or 0, at.fmt)

        return _PLACEHOLDER.sub(drawn, level.text).strip() or None
