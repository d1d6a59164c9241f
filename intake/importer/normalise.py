"""Normalisers: cell text, due dates and RAG statuses (owners: owners.py)."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from functools import lru_cache

# a protective marking printed in a page's header or footer: 'OFFICIAL', 'OFFICIAL-SENSITIVE',
# 'OFFICIAL – SENSITIVE', 'NOT PROTECTIVELY MARKED' (a regex fragment, matched ignoring case)
SECURITY_MARKING = r"(?:official(?:\s*[-–—:]?\s*sensitive)?|not protectively marked)"
# Markup only: an HTML tag's name (or a Word/Office one, 'o:p'), then attributes, so a comparison in
# a plan's words ('children aged <5 and >10', 'the <Child's name> template') is kept.
_MARKUP = (
    r"<!--.*?-->|<![a-z][^<>]*>|</?(?:[a-z]+:[a-z]+|a|abbr|address|article|aside|b|base|basefont|big"
    r"|blockquote|body|br|button|caption|center|cite|code|col|colgroup|data|dd|del|dfn|div|dl|dt|em"
    r"|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label"
    r"|legend|li|link|main|mark|meta|nav|nobr|noscript|ol|option|p|picture|pre|q|s|samp|script|section"
    r"|select|small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|template|tfoot|th|thead"
    r"|time|title|tr|tt|u|ul|var|wbr)"
    r"""(?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*/?>"""
)
_TAG = re.compile(_MARKUP, re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div|tr|td|th)\b[^>]*>", re.I)
_DIGIT = re.compile(r"\d")
_ORDINAL_SPLIT = re.compile(r"\b(\d{1,2})\s+(st|nd|rd|th)\b")
_BROKEN_YEAR = re.compile(r"\b((?:19|20)\d)\s(\d)\b")
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z])-[ \t]*\r?\n[ \t]*(?=[a-z0-9])")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_FONT_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "✓"})


@lru_cache(maxsize=131072)
def clean_text(value: str | None) -> str:
    """Remove markup, unescape entities and collapse whitespace."""
    if not value:
        return ""
    text = value
    if "<" in text:  # most cells hold no markup: skip the regular expressions for them
        text = _TAG.sub("", _BLOCK_TAG.sub(" ", text))
    if "&" in text:
        text = html.unescape(text)
    if "-\n" in text or "- \n" in text:
        text = _HYPHEN_BREAK.sub("-", text)  # 'multi-' at a line's end, 'agency' on the next
    if _PRIVATE_USE.search(text):
        # Word's Symbol and Wingdings bullets, printed to PDF as private-use characters
        text = text.translate(_FONT_BULLETS)
    text = " ".join(text.replace("\u00a0", " ").replace("**", "").split())
    return _ORDINAL_SPLIT.sub(r"\1\2", text) if _DIGIT.search(text) else text


def join_lines(lines: list[str]) -> str:
    """A cell's lines as one text: a word broken at a line's end by a hyphen ('multi-' over
    'agency', 'Covid-' over '19') kept whole, other lines joined by a space."""
    return _HYPHEN_BREAK.sub("-", "\n".join(lines)).replace("\n", " ")


def clean_or_none(value: str | None) -> str | None:
    text = clean_text(value)
    return text or None


# --------------------------------------------------------------------------- dates

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
MONTH_PATTERN = _MONTH  # a month's name or its abbreviation, for other modules' patterns
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH})\.?(?:\s+|-|\s*')('?\d{{4}}|'?\d{{2}})(?!\d|/|:\d|(?:st|nd|rd|th)?,?\s+\d{{4}}\b)", re.I
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
_QUARTER = re.compile(
    r"\bQ([1-4])(?:\s*(?:and|&|-|–|/|to|or)\s*Q?([1-4]))?\s*(?:of\s+)?(?:FY\s*)?(\d{4}|\d{2}(?=\s*[/-]\s*\d{2}\b))"
    r"(?:\s*[/-]\s*(\d{2,4}))?\b",
    re.I,
)
# '2024/25 Q1', '2023-24 Q4': the financial year before its quarter
_YEAR_QUARTER = re.compile(r"\b(\d{4})\s*[/-]\s*\d{2}(?:\d{2})?\s*Q([1-4])\b", re.I)
# '2025-Q1', '2025Q1': a calendar quarter, as business-intelligence tools (Power BI, Tableau) and
# ISO-style data write it, year first (not a financial year's 'Q1 2025/26')
_CALENDAR_QUARTER = re.compile(r"\b(\d{4})-?Q([1-4])\b", re.I)
# 'March 31, 2024': the day after the month
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# the end of a named financial year: 'end of financial year 2023/24', 'FY 2023/24', 'year end 2023-24'
_FINANCIAL_YEAR = re.compile(
    r"\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:financial\s+year|FY)|(?:financial\s+)?year[- ]end|FY)"
    r"\s*(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})\b",
    re.I,
)
# a day, also a datetime's ('2025-11-28T00:00:00Z', as SharePoint and other tools export them)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|(?=T\d))")
# a day as a system exports it, yyyymmdd ('20250430'; '99991231', open-ended, is no date)
_COMPACT_DAY = re.compile(r"\b((?:19|20|99)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b")
# Excel's dd-mmm-yy ('27-Feb-26', '03-Dec-2025') and Jira's dd/mmm/yy ('20/Dec/24 12:00 AM'): a day,
# whatever the length of its year
_DAY_MON_DASHED = re.compile(rf"\b(\d{{1,2}})([-/])({_MONTH})\.?\2(\d{{4}}|\d{{2}})\b", re.I)


# the years a plan's dates can be in: a year typed 0000 or 9999 names no day (and 0 or 10000 none
# that Python can hold), so it gives no date rather than an error
_YEARS = range(1900, 2201)


def _end_of_month(year: int, month: int) -> dt.date | None:
    if year not in _YEARS:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _end_of_march(year: int) -> dt.date | None:
    """The end of a financial year that ends in `year`."""
    return dt.date(year, 3, 31) if year in _YEARS else None


def _year(text: str) -> int:
    digits = text.lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _fy_quarter_end(quarter: int, start_year: int) -> dt.date | None:
    """UK financial year: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar (of the next year)."""
    month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
    year = start_year + 1 if quarter == 4 else start_year
    return _end_of_month(year, month)


def repair_digits(text: str) -> str:
    """Join digits a PDF extraction split: 'September 202 0' -> 'September 2020'."""
    return _BROKEN_YEAR.sub(r"\1\2", text)


# a dated update opening the progress cell or one of its paragraphs: 'Dec 2022: ...', '14/03/2023 - ...',
# 'Update 14/03/2023: ...'
_UPDATE_DATE = re.compile(
    r"(?:^|(?<=[.;!?)])\s+)(?P<mark>(?:(?:update|progress)(?:\s+(?:as\s+at|as\s+of|on))?\s*[:-]?\s*)?"
    rf"(?P<date>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}))"
    r"\s*(?::|\s[–—-]\s)",
    re.I,
)


def latest_update_date(progress: str) -> dt.date | None:
    """The date of the latest of the dated updates a progress cell is written as ('Dec 2022: ...
    Mar 2023: ...'), or None when it does not open with a dated update."""
    if not _UPDATE_DATE.match(progress):
        return None
    dates = [d for m in _UPDATE_DATE.finditer(progress) for d in find_dates(m["date"])]
    return max(dates, default=None)


def dated_updates(progress: str) -> list[tuple[dt.date, str]]:
    """The dated updates a progress cell is written as ('12/01/2025 - mapping started.
    14/02/2025 - first map shared.'), each with its date and its own words as written, oldest
    first; empty unless the cell opens with a dated update and holds at least two. Updates of the
    same date are one update."""
    return list(_dated_updates(progress))


# An import asks this of a cell more than once (its preview note, then its updates).
@lru_cache(maxsize=4096)
def _dated_updates(progress: str) -> tuple[tuple[dt.date, str], ...]:
    if not _UPDATE_DATE.match(progress):
        return ()
    found = list(_UPDATE_DATE.finditer(progress))
    ends = [m.start("mark") for m in found[1:]] + [len(progress)]
    entries: dict[dt.date, list[str]] = {}
    for m, end in zip(found, ends, strict=True):
        words = progress[m.start("mark") : end].strip()
        day = max(find_dates(m["date"]), default=None)
        if day is None:
            return ()  # a date this reader cannot place ('31/02/2024'): keep the cell whole
        entries.setdefault(day, []).append(words)
    if len(entries) < 2:
        return ()
    return tuple((day, " ".join(parts)) for day, parts in sorted(entries.items()))


def find_dates(text: str) -> list[dt.date]:
    """Every date readable in ``text``, each as the last day of the period it names."""
    return list(_find_dates(text))


@lru_cache(maxsize=65536)
def _find_dates(text: str) -> tuple[dt.date, ...]:
    if not _DIGIT.search(text):
        return ()  # every date form has a digit
    text = repair_digits(clean_text(text))
    found: list[dt.date] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def add(span: tuple[int, int], value: dt.date | None) -> None:
        if value is not None and 1990 <= value.year <= 2100:
            found.append(value)
        taken.append(span)

    for m in _COMPACT_DAY.finditer(text):
        try:
            add(m.span(), dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            taken.append(m.span())
    for m in _ISO.finditer(text):
        try:
            add(m.span(), dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            taken.append(m.span())
    for m in _DAY_MONTH_YEAR.finditer(text):
        if free(m.span()):
            try:
                add(m.span(), dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1])))
            except ValueError:
                taken.append(m.span())
    for m in _DAY_MON_DASHED.finditer(text):
        if free(m.span()):
            try:
                add(m.span(), dt.date(_year(m[4]), MONTHS[m[3].lower().rstrip(".")], int(m[1])))
            except (ValueError, KeyError):
                taken.append(m.span())
    for m in _NUMERIC.finditer(text):
        if free(m.span()):
            try:
                add(m.span(), dt.date(_year(m[3]), int(m[2]), int(m[1])))
            except ValueError:
                taken.append(m.span())
    for m in _MONTH_DAY_YEAR.finditer(text):
        if free(m.span()):
            try:
                add(m.span(), dt.date(int(m[3]), MONTHS[m[1].lower().rstrip(".")], int(m[2])))
            except ValueError:
                taken.append(m.span())
    for m in _QUARTER.finditer(text):
        if free(m.span()):
            quarter = max(int(m[1]), int(m[2] or 0))
            add(m.span(), _fy_quarter_end(quarter, _year(m[3])))
    for m in _YEAR_QUARTER.finditer(text):
        if free(m.span()):
            add(m.span(), _fy_quarter_end(int(m[2]), int(m[1])))
    for m in _CALENDAR_QUARTER.finditer(text):
        if free(m.span()) and int(m[1]) in _YEARS:
            add(m.span(), _end_of_month(int(m[1]), 3 * int(m[2])))
    for m in _FINANCIAL_YEAR.finditer(text):
        if free(m.span()):
            add(m.span(), _end_of_march(_year(m[1]) + 1))
    for m in _MONTH_YEAR.finditer(text):
        if free(m.span()):
            year_text = m[2]
            # a bare two-digit number after a month is a year only when it is not a day ("May 14 2020")
            add(m.span(), _end_of_month(_year(year_text), MONTHS[m[1].lower().rstrip(".")]))
    return tuple(found)


def split_at_dates(text: str) -> list[str]:
    """Cut a cell after each date it names: 'July 2020 September 2020' -> ['July 2020', 'September 2020'].

    Text after the last date stays with it when it opens with punctuation ('May 2020 - complete'),
    else it is a part of its own. Nothing is cut when the cell was repaired or cleaned
    (the parts must read exactly as written)."""
    cleaned = clean_text(text)
    if repair_digits(cleaned) != cleaned:
        return [cleaned]
    ends = sorted(
        m.end()
        for pattern in (
            _DAY_MONTH_YEAR,
            _MONTH_DAY_YEAR,
            _NUMERIC,
            _ISO,
            _QUARTER,
            _YEAR_QUARTER,
            _CALENDAR_QUARTER,
            _FINANCIAL_YEAR,
            _MONTH_YEAR,
        )
        for m in pattern.finditer(cleaned)
    )
    parts: list[str] = []
    start = 0
    for end in ends:
        if end > start and cleaned[start:end].strip():
            parts.append(cleaned[start:end].strip())
            start = end
    tail = cleaned[start:].strip()
    if tail and parts and not tail[0].isalnum():
        parts[-1] = f"{parts[-1]} {tail}"  # 'May 2020 - complete', 'July 2020 (revised)'
    elif tail:
        parts.append(tail)
    return parts


_UNDATED = re.compile(
    r"^(?:ongoing|tbc|tbd|to be (?:confirmed|determined|agreed)\b.*|n/?a|continuous|not (?:yet )?due(?: yet)?)$",
    re.I,
)


# a number Excel shows for a date typed into a text column: days since 30 December 1899 (1990-2049)
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_SERIAL_RANGE = (32874, 54788)
# a financial year as a deadline ("by end of 2024/25", "during 2024-25", or alone in the due cell): due
# at its end, 31 March (within a sentence it may name a plan rather than a deadline, so not there)
_YEAR_SPAN = re.compile(
    r"^(?:(?:by|during|within)\s+(?:(?:the\s+)?end\s+of\s+)?|(?:the\s+)?end\s+of\s+)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$",
    re.I,
)
# 'w/c 4 March 2024': the week that day starts, so due at its end
_WEEK_COMMENCING = re.compile(r"^(?:w/?c\b|w\.c\.|week\s+(?:commencing|beginning|starting)\b)", re.I)


# a year named as a deadline ('By end of 2023', 'During 2024'), not a bare year: alone on a line,
# '2024' is as often a date's second line ('November' over '2024') as a deadline
# Opening a reference pattern: a quarter's column name ('Q1' .. 'Q4', 'Q3.' ending a sentence) is
# never an action's reference, whichever reading meets it.
NOT_A_QUARTER = r"(?!Q[1-4][.)]?$)"

_YEAR_ALONE = re.compile(
    r"^(?=\D)(?:(?:by|before|during|in|within)\s+)?(?:the\s+)?(?:end\s+(?:of\s+)?)?(?:(?:the\s+)?(?:calendar\s+)?year\s+)?"
    r"((?:19|20)\d\d)$",
    re.I,
)


# a month's name broken mid-word by a narrow column ('Decemb' over 'er 2024')
_MONTH_BROKEN = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)([a-z]*)\s+([a-z]{1,7})\b", re.I)
_MONTH_NAMES = frozenset(
    ("january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december")
)  # fmt: skip


def _month_rejoined(m: re.Match[str]) -> str:
    whole = f"{m[1]}{m[2]}{m[3]}"
    return whole if whole.lower() in _MONTH_NAMES else m[0]


def parse_due(text: str | None) -> dt.date | None:
    """The due date a due cell names: the latest date in it, or None when none can be read."""
    if not text:
        return None
    bare = clean_text(text).strip(" .")
    if _EXCEL_SERIAL.match(bare) and _SERIAL_RANGE[0] <= int(float(bare)) <= _SERIAL_RANGE[1]:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(bare)))
    span = _YEAR_SPAN.match(bare)
    if span:
        first, second = int(span[1]), int(span[2])
        if second % 100 == (first + 1) % 100 and (second < 100 or second == first + 1):
            return _end_of_march(first + 1)
    dates = find_dates(_MONTH_BROKEN.sub(_month_rejoined, text))
    if not dates:
        year = _YEAR_ALONE.match(bare)
        # a year alone, or its end ('By end of 2023'): the last day of the period named
        return dt.date(int(year[1]), 12, 31) if year and int(year[1]) in _YEARS else None
    if (
        _WEEK_COMMENCING.match(bare)
        and len(dates) == 1
        and any(p.search(bare) for p in (_DAY_MONTH_YEAR, _NUMERIC, _ISO, _MONTH_DAY_YEAR))
    ):
        return dates[0] + dt.timedelta(days=6)
    return max(dates)


# words that say an action has no one deadline: it recurs, is continuous or is already done
_UNDATED_WORDS = re.compile(
    r"\b(?:ongoing|on-going|continuous|quarterly|monthly|weekly|annually|annual|termly|immediate(?:ly)?|"
    r"complete(?:d)?|in place|as required|business as usual|BAU)\b",
    re.I,
)


def is_undated_ok(text: str) -> bool:
    """Due texts that legitimately carry no date (no warning needed)."""
    text = text.strip()
    return bool(_UNDATED.match(text)) or (not _DIGIT.search(text) and bool(_UNDATED_WORDS.search(text)))


# --------------------------------------------------------------------------- RAG

_RAG_WORDS = {
    "r": "red", "red": "red", "a": "amber", "amber": "amber", "g": "green", "green": "green",
    "b": "complete", "blue": "complete", "p": "complete", "purple": "complete",
    "c": "complete", "complete": "complete", "completed": "complete", "done": "complete",
    "closed": "complete", "achieved": "complete", "clsd": "complete", "cmpl": "complete", "compl": "complete",
    "ra": "amber", "ag": "amber", "amber/green": "amber", "red/amber": "red",
    # statuses written as words (the colour each usually carries in a plan's key)
    "on track": "green", "on target": "green", "on schedule": "green", "good progress": "green",
    "some slippage": "amber", "slippage": "amber", "minor slippage": "amber", "slight slippage": "amber",
    "some delay": "amber", "some delays": "amber", "minor delay": "amber", "minor delays": "amber",
    "slight delay": "amber", "slight delays": "amber",
    "significant delay": "red", "significant delays": "red", "major delay": "red", "major delays": "red",
    "delayed": "amber", "at risk": "amber", "behind schedule": "amber", "partially complete": "amber",
    "partially completed": "amber", "partially met": "amber", "partially achieved": "amber",
    "off track": "red", "off target": "red", "not on track": "red", "not on target": "red",
    "significant slippage": "red", "major slippage": "red", "overdue": "red", "not achieved": "red",
    "not met": "red",
    "met": "complete", "fully met": "complete", "fully achieved": "complete", "finished": "complete",
    # tools' own status words: Smartsheet's yellow ball, monday.com's labels
    "yellow": "amber", "y": "amber", "stuck": "red", "working on it": "amber",
}  # fmt: skip
# statuses that say the action carries no colour yet (no warning; the plan's own key may still colour them)
_NO_COLOUR = frozenset(
    {"not yet due", "not due", "not due yet", "future action", "no update yet", "no update", "not rated"}
)
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%(?:\s+(?:complete|completed|done))?$")
_STATUS_OPENINGS = frozenset(
    [key.split()[0].split("/")[0] for key in _RAG_WORDS]
    + ["blue", "purple", "action", "complete", "completed"]
)
_RAG_FIRST_WORD = re.compile(r"[\s\-–(/:,]+")
_RAG_COMPLETE = re.compile(r"^(?:action\s+)?complete(?:d)?\b", re.I)
# the column's name repeated in its cells: 'BRAG blue', 'RAG: Green', 'Status - on track'
_RAG_LABEL = re.compile(r"^(?:b?rag|status)(?:\s+(?:status|rating))?\s*[:\-–=]?\s+(?=\S)", re.I)
_PHRASE_CUT = re.compile(r"\s*[\-–(:;,.]\s*")


# a status cell of ticked boxes ('☐ Red ☐ Amber ☒ Green ☐ Blue', Word's checkbox content controls, or
# '[x] Green [ ] Amber' typed): the option ticked is the status
_UNTICKED_BOX = re.compile(r"[☐□]|\[ \]")
_TICKED_BOX = re.compile(r"[☒☑✔✓■✅]|\[[xX]\]")


def _ticked_option(text: str) -> str | None:
    """The words after the ticked box of a cell listing options in boxes ('' when none is ticked),
    or None for a cell that is no such list."""
    if not _UNTICKED_BOX.search(text):
        return None
    ticked = _TICKED_BOX.search(text)
    if ticked is None:
        return ""
    following = _UNTICKED_BOX.search(text, ticked.end())
    other = _TICKED_BOX.search(text, ticked.end())
    ends = [m.start() for m in (following, other) if m is not None]
    return text[ticked.end() : min(ends, default=len(text))].strip()


# a status with the date it was given, each rating of the cell so ('R (Mar 25)', 'A (June 25)'
# below it): the latest is the status
_DATED_STATUS = re.compile(r"\s*[/;,]?\s*([a-z]+(?: [a-z]+)?)\s*\(([^()]{3,30})\)")


# a rating's travel from the last report to this one ('A → G', 'G->G', '– → A'): the second is now
_STATUS_TRAVEL = re.compile(r"^([^→>]{1,12}?)\s*(?:→|->|⇒|➔)\s*(\S.{0,20})$")
_NOT_RATED = {"?", "–", "-", "—", "n/a", "na", "tbc", "none", ""}


def _dated_statuses(text: str) -> str | None:
    """The status of the latest dated rating of a cell made only of them, or None."""
    found: list[tuple[dt.date, int, str]] = []
    at = 0
    # each rating must start where the last ended: matched there, never searched for (a search over
    # a long run of letters without a bracket tries every start: minutes for one 64,000-letter cell)
    while at < len(text.rstrip()):
        m = _DATED_STATUS.match(text, at)
        if m is None:
            return None
        dates = find_dates(m[2])
        if not dates or m[1] not in _RAG_WORDS:
            return None
        found.append((max(dates), len(found), m[1]))
        at = m.end()
    if not found or text[at:].strip():
        return None
    return max(found)[2]


def parse_rag(value: str | None) -> tuple[str | None, bool]:
    """Map a status cell to red|amber|green|complete. Returns (status, recognised)."""
    text = clean_text(value).strip(" .:;*").lower()
    if not text:
        return None, True
    ticked = _ticked_option(text)
    if ticked is not None:
        return parse_rag(ticked) if ticked else (None, True)
    dated = _dated_statuses(text)
    if dated:
        return parse_rag(dated)
    travel = _STATUS_TRAVEL.match(text)
    if travel and (parse_rag(travel[1])[1] or travel[1] in _NOT_RATED):
        # 'A → G' (the rating then, the rating now): now; '? ' or '–' now is none
        now = travel[2].strip()
        return (None, True) if now in _NOT_RATED else parse_rag(now)
    if text[0] in _MARK_STATUS:
        # a coloured mark before the words ('🟢 On track', '✅ Complete') or alone: the words say it,
        # else the mark's colour does
        rest = text.lstrip("".join(_MARK_STATUS) + " \ufe0f")
        said, known = parse_rag(rest) if rest else (None, False)
        if said is not None or (known and rest):
            return said, known
        return _MARK_STATUS[text[0]], True
    text = _RAG_LABEL.sub("", text)
    if text in _RAG_WORDS:
        return _RAG_WORDS[text], True
    if text in _NO_COLOUR:
        return None, True
    percent = _PERCENT.match(text)
    if percent:  # a share done: complete at 100%, else no colour (on track or not, it does not say)
        return ("complete" if float(percent[1]) >= 100 else None), True
    if _RAG_COMPLETE.match(text):
        return "complete", True
    words = text.split()
    if len(words) == 2 and words[0] in _RAG_WORDS and _RAG_WORDS[words[0]] == _RAG_WORDS.get(words[1]):
        return _RAG_WORDS[words[0]], True  # the letter and its word ('G Green'), printed one over the other
    first = _RAG_FIRST_WORD.split(text, maxsplit=1)[0]
    if first in ("red", "amber", "green", "blue", "purple") and len(text.split()) <= 6:
        return _RAG_WORDS[first], True
    if 2 <= len(words) <= 4 and words[-1] in ("red", "amber", "green", "blue", "purple"):
        said = " ".join(words[:-1])
        colour_itself = said in ("r", "a", "g", "b", "c", "red", "amber", "green", "blue", "purple")
        if (said in _RAG_WORDS or said in _NO_COLOUR) and not colour_itself:  # 'R Green': two colours
            # a status word with its cell's colour after it ('At risk Amber', 'Delayed Red': a
            # coloured cell as the PDF reader prints it): the colour is the plan's own rating
            return _RAG_WORDS[words[-1]], True
    # a status phrase followed by a comment: 'On track – training booked', 'Delayed (staffing)'
    phrase = _PHRASE_CUT.split(text, maxsplit=1)[0]
    if phrase != text and len(phrase) >= 4 and phrase in _RAG_WORDS and len(text.split()) <= 8:
        return _RAG_WORDS[phrase], True
    was = _STATUS_WAS.match(text)
    if was and was[1] in _RAG_WORDS:
        return _RAG_WORDS[was[1]], True  # 'A (was G)': the status now, with the one before it
    squeezed = text.replace(" ", "")
    if len(text) <= 20 and len(squeezed) >= 5 and squeezed in _RAG_SQUEEZED:
        return _RAG_SQUEEZED[squeezed], True  # a word broken in a narrow cell ('Complet ed', 'Gre en')
    return _status_in_two_languages(text)


def _status_in_two_languages(text: str) -> tuple[str | None, bool]:
    """'Ambr / Amber', 'Glas / Blue': a status written in Welsh and English; the half read says it
    (the other half not a status of its own, or the same)."""
    parts = [part.strip() for part in re.split(r"\s+/\s+", text)]
    if len(parts) != 2 or not all(parts):
        return None, False
    read = [parse_rag(part) for part in parts]
    said = {status for status, known in read if known and status is not None}
    if len(said) == 1 and all(known is False or status is not None for status, known in read):
        return said.pop(), True
    return None, False


# marks that show a status by their colour ('⚪' not started: no colour yet)
_MARK_STATUS: dict[str, str | None] = {
    "🔴": "red", "🟠": "amber", "🟡": "amber", "🟢": "green", "🔵": "complete", "✅": "complete",
    "✔": "complete", "☑": "complete", "⚪": None, "⚫": None,
    # a square or dot whose colour the text cannot show ('■ On track' beside a key of coloured squares):
    # the words say the status
    "■": None, "◼": None, "●": None, "⬤": None,
}  # fmt: skip
_STATUS_WAS = re.compile(r"^(\w+)\s*\((?:was|previously|prev\.?|last (?:month|quarter|update))\b[^)]*\)$")
_RAG_SQUEEZED = {key.replace(" ", ""): status for key, status in _RAG_WORDS.items() if len(key) >= 5}


def opens_status(word: str) -> bool:
    """Whether a status cell may open with this word ('G', 'Green', 'On' of 'On track', 'Some' of
    'Some slippage')."""
    word = word.lower().strip(" .:;*")
    return word in _STATUS_OPENINGS


@lru_cache(maxsize=65536)
def looks_like_rag(value: str) -> bool:
    if len(value) > 200:
        return False  # a status cell is short even with markup: no need to read a paragraph
    status, recognised = parse_rag(value)
    return status is not None and recognised and len(clean_text(value)) <= 40


_DONE_IN_TEXT = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\buntil )(?<!\btill )(?<!\bto )(?<!\bwhen )(?<!\bonce )"
    r"\bcomplete(?:d)?\b(?!\s+by\b)",
    re.I,
)


def completion_in_text(text: str | None) -> bool:
    """'May 2020 - complete' says the action is complete; 'to be completed by July' and 'until
    complete' (how long an action runs) do not."""
    return bool(text and _DONE_IN_TEXT.search(text))


def quote(text: str, limit: int = 60) -> str:
    """Document text quoted in a message, shortened at a word with an ellipsis ('“Review the
    MASH audit…”'), never cut mid-word."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        text = cut.rstrip(" ,;:–-") + "…"
    return f"“{text}”"
