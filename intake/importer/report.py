"""A plan published inside a report to a committee or board (a scrutiny committee, a Health and
Wellbeing Board, a Police and Crime Panel): the report's own parts are not the plan's.

Such a report opens with the meeting's name and a title block ('Report of | Subject | Date'), goes
on in numbered paragraphs under headings that every council report has ('1. Purpose of the report',
'Recommendations', 'Financial implications', 'Background papers', 'Contact officer'), and carries
the plan as an appendix ('Appendix A: JTAI Action Plan'). The headings are not the plan's sections,
the meeting is not the plan's title: the appendix heading names the plan.
"""

from __future__ import annotations

import re

_NUMBER = r"(?:(?:\d{1,2}(?:\.\d{1,2})?|[A-Z]|[IVX]{1,4})[.:)]?\s+)?"
_IMPLICATIONS = (
    r"(?:(?:financial|legal|equalit(?:y|ies)|resources?|staffing|risk|human resources?|climate|"
    r"environmental|sustainability|health|property|procurement|value for money|other|corporate|"
    r"policy|governance|workforce|carbon|community safety|crime and disorder|data protection)"
    r"(?:(?:\s*,\s*|\s*/\s*|\s+and\s+)(?!implications)[a-z]+(?:\s[a-z]+)?){0,3}\s+)?"
    r"(?:implications|considerations)(?:\s+of\s+(?:the|this)\s+(?:report|decision|proposals?))?"
)
# a heading naming one of a council report's parts, numbered or not ('1. PURPOSE OF REPORT',
# 'Recommendation(s)', '5 Financial implications', 'Background papers', 'Persons to contact')
_REPORT_PART = re.compile(
    rf"^{_NUMBER}(?:"
    r"(?:the\s+)?purpose(?:\s+of\s+(?:the\s+|this\s+)?report)?|"
    r"(?:executive\s+)?summary|introduction(?:\s+and\s+background)?|"
    r"recommendations?|recommendation\(s\)|reasons?\s+for\s+(?:the\s+)?(?:recommendations?|"
    r"recommendation\(s\)|decision)|decisions?\s+required|"
    r"background(?:\s+(?:information|papers|documents))?|"
    r"(?:alternative\s+)?options(?:\s+considered)?|alternative\s+options\s+considered|"
    r"supporting\s+information|key\s+issues(?:\s+for\s+consideration)?|report\s+details|"
    r"advice\s+received\s+from\s+statutory\s+and\s+other\s+officers|"
    r"strategic\s+risk\s+management\s+issues|"
    rf"{_IMPLICATIONS}|"
    r"risk\s+management|risks?\s+and\s+impact|consultation(?:\s+and\s+engagement)?|conclusions?|"
    r"equality\s+impact\s+assessment|link\s+to\s+.{3,40}\s+plan|"
    r"list\s+of\s+(?:appendices|annexes|background\s+papers)|appendices|annexes|"
    r"contact\s+(?:officers?|details|for\s+further\s+information)|persons?\s+to\s+contact|"
    r"report\s+authors?|(?:report\s+)?sign[\s-]?off|"
    # the report's account of the plan (the plan itself is in its appendix)
    r"progress(?:\s+(?:update|report|to\s+date|since\s+the\s+last\s+report|against\s+the\s+plan))?|"
    r"current\s+position|next\s+steps|monitoring(?:\s+arrangements)?"
    r")\s*:?$",
    re.I,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# a heading that is a meeting's date ('14 March 2024', '3rd June 2020 – 2:00 p.m.')
_DATE_HEADING = re.compile(
    rf"^(?:[a-z]+day\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?,?\s+\d{{4}}\b[^a-z]{{0,30}}(?:[ap]\.?m\.?)?$",
    re.I,
)


def is_appendix(text: str) -> bool:
    """A heading opening an appendix ('Appendix A: JTAI Action Plan', 'Annex 2 – Glossary'): a new
    part of the document, so not inside the section above."""
    line = text.strip()
    return (
        len(line) <= 200 and line[:6].lower().startswith(("append", "annex")) and bool(_APPENDIX.match(line))
    )


def is_report_part(text: str) -> bool:
    """A heading that names a part of a committee report, the meeting's date, or an appendix: not a
    section. Only for a document that is such a report (``is_committee_report``): a plan of its own
    may well have a section '3. Risk management' or 'Consultation and engagement'."""
    line = text.strip()
    if is_appendix(line):
        return True
    return len(line) <= 120 and bool(_REPORT_PART.match(line) or _DATE_HEADING.match(line))


# the report's title block ('Report of | ...', 'Subject: ...') or the meeting's name over it
_TITLE_BLOCK = re.compile(
    r"^(?:report\s+(?:of|to|from|by|author)|subject|meeting(?:\s+date)?|date\s+of\s+meeting|"
    r"wards?\s+affected|key\s+decision|lead\s+(?:officer|member)|cabinet\s+member|portfolio)\b",
    re.I,
)
_MEETING = re.compile(
    r"\b(?:committee|sub-committee|scrutiny|board|panel|cabinet|commission|council|forum|"
    r"executive)\b\W*$",
    re.I,
)
# the committee is asked to decide: 'The Panel is asked to note ...', 'That the Board notes ...'
_ASKED = re.compile(
    r"\b(?:committee|board|panel|cabinet|commission|members?|council|forum|executive)\s+"
    r"(?:is|are)\s+(?:asked|recommended|invited|requested)\s+to\b",
    re.I,
)
# 'Appendix A: JTAI Action Plan', 'Annex 2 – Neglect strategy delivery plan'
_APPENDIX = re.compile(
    r"^(?:appendix|annex|annexe)\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b\s*[:.\-–—]?\s*(\S.{3,160})$", re.I
)
_PLAN_WORD = re.compile(r"\bplan\b", re.I)
_OPENING = 60  # items in which a report shows itself


def is_committee_report(texts: list[str], cells: list[list[str] | None]) -> bool:
    """The document opens as a report to a meeting: a title block ('Report of', 'Subject'), a first
    line naming the meeting ('Health and Wellbeing Board'), or the committee asked to note or agree."""
    for k, (text, row) in enumerate(zip(texts[:_OPENING], cells[:_OPENING], strict=False)):
        first = (row[0] if row else text).strip()
        if _TITLE_BLOCK.match(first[:60]):
            return True
        if k < 3 and len(text) <= 120 and _MEETING.search(text):
            return True
        if _ASKED.search(text[:400]):
            return True
    return False


def appendix_plan_title(texts: list[str], emphasised: list[bool]) -> str | None:
    """The title of the plan a report carries as an appendix: the first heading (or bold line)
    'Appendix A: ... Plan'; else the first such line anywhere (a list of appendices)."""
    fallback = None
    for text, strong in zip(texts, emphasised, strict=False):
        if len(text) > 200 or not text[:6].lower().startswith(("append", "annex")):
            continue
        m = _APPENDIX.match(text.strip())
        if m and _PLAN_WORD.search(m[1]):
            title = m[1].strip()
            if strong:
                return title
            fallback = fallback or title
    return fallback
