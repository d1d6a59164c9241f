"""Owner cells split into agency, person and job title.

'ESCC – Vicky Finnemore, Head of Specialist Services' names an agency, a person and her job;
'Sussex Police' and "Children's Services" are agencies, not people; 'Director of Children's Social
Care' is a job. The cell is cut into owners (at ';', '/', brackets), each owner into phrases (at
commas and dashes), and each phrase into runs of words read by their kind: ranks (DCI, Dr), job
words (Head, Lead, Named), organisation words (Police, Council, Trust, Team), acronyms in capitals
(ESCC, NHS), capitalised words that may be a name, and small words (of, for, and). The runs are
then gathered into owners: one person each, with the agency and job title around them. Every value
is a run of the original words, so nothing is invented; the action keeps the whole cell as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import OwnerPart
from .normalise import clean_text

RANKS = {
    "dci", "di", "ds", "dc", "dsu", "supt", "insp", "inspector", "superintendent", "sergeant", "sgt",
    "det", "detective", "chief", "constable", "ci", "acc", "dcc", "dr", "mr", "mrs", "ms", "miss",
    "prof", "professor", "cllr", "councillor", "rev", "sir", "dame",
}  # fmt: skip
_SLASH_RANK = re.compile(r"^[TAD]/(?:DCI|DI|DS|Supt|Insp|Sgt|DCS|Det|Ch\.?Supt)\.?$", re.I)
TITLE_WORDS = {
    "head", "heads", "director", "directors", "manager", "managers", "lead", "leads", "officer", "officers",
    "chair", "chairs", "chairperson", "nurse", "nurses", "doctor", "doctors", "consultant", "consultants",
    "coordinator", "co-ordinator", "coordinators", "practitioner", "practitioners", "worker", "workers",
    "advisor", "adviser", "advisers", "advisors", "analyst", "analysts", "scrutineer", "commissioner",
    "commissioners", "principal", "designated", "named", "deputy", "assistant", "associate", "interim",
    "senior", "strategic", "clinical", "operational", "programme", "project", "sister", "sisters",
    "educator", "member", "members", "representative", "representatives", "professional",
    "professionals", "specialist", "specialists", "visitor", "visitors", "secretary", "administrator",
    "champion", "champions", "psychologist", "paediatrician", "midwife", "therapist", "governor",
    "governors", "headteacher", "headteachers", "teacher", "teachers", "executive", "president",
    "trustee", "trustees", "matron", "registrar", "clerk", "planner", "leader", "leaders", "partners",
}  # fmt: skip
# job titles written as acronyms: head of service, designated nurse, assistant director, head of nursing...
TITLE_ACRONYMS = {"hos", "dn", "ad", "ads", "ad's", "hon", "dsl", "dcs", "dass", "iro", "lado", "gp", "gps", "pm", "sw", "ceo", "md"}  # fmt: skip
ORG_WORDS = {
    "police", "constabulary", "council", "county", "borough", "city", "nhs", "ccg", "icb", "trust", "trusts",
    "service", "services", "partnership", "partnerships", "school", "schools", "college", "colleges",
    "academy", "academies", "board", "boards", "team", "teams", "unit", "units", "department",
    "departments", "dept", "directorate", "group", "groups", "subgroup", "sub-group", "forum", "panel",
    "committee", "hospital", "hospitals", "foundation", "authority", "authorities", "office", "agency",
    "agencies", "hub", "network", "alliance", "providers", "provider", "practice", "practices", "surgery",
    "centre", "center", "care", "commission", "consortium", "university", "charity", "society",
    "association", "executive-board", "cafcass", "probation", "mash", "yot", "yos",
}  # fmt: skip
# a sector named alone is an agency ('Health', 'Police', 'Education')
SECTOR_WORDS = {"health", "police", "education", "probation", "housing", "schools", "nhs", "cafcass"}
# capitalised words of services and subjects: never part of a person's name
DOMAIN_WORDS = {
    "safeguarding", "investigations", "investigation", "protection", "crime", "commissioning", "operations",
    "quality", "assurance", "development", "learning", "improvement", "performance", "strategy", "policy",
    "training", "children", "children's", "childrens", "child", "young", "people", "adults", "adult",
    "family", "families", "social", "work", "health", "mental", "public", "community", "early", "help",
    "youth", "offending", "exploitation", "education", "locality", "specialist", "universal", "media",
    "abuse", "emergency", "urgent", "sexual", "paediatric", "paediatrics", "neonatal", "maternity",
    "nursing", "medical", "medicine", "primary", "secondary", "acute", "integrated", "partnership",
    "business", "corporate", "comms", "communications", "finance", "legal", "inclusion", "attendance",
    "participation", "support", "prevention", "intervention", "welfare", "wellbeing", "well-being",
    "cared", "care", "leavers", "looked", "after", "disabilities", "send", "domestic", "violence",
    "missing", "all", "independent", "audit", "task", "finish", "steering", "multi-agency", "local",
    "national", "regional", "area", "district", "assessment", "access", "front", "door",
}  # fmt: skip
SMALL_WORDS = {"of", "for", "and", "&", "the", "in", "to", "with", "at", "on", "within", "by", "from", "or"}

_NAME = re.compile(
    r"^(?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.?)$"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}(?:['’]s)?$")
_DASH = re.compile(r"\s+[–—-]\s*(?=\S)|\s*[–—]\s+|(?<=[a-z])\s*-\s+(?=[A-Z])")
_PLURAL = re.compile(r"['’]?s$")
_PARENS = re.compile(r"^(?P<outer>[^()]*?)\s*\((?P<inner>[^()]+)\)\s*(?P<after>.*)$")
_SLASH = re.compile(r"\s*/\s*")


@dataclass
class _Run:
    kind: str  # agency | person | title
    words: list[str]
    phrase: int
    sep: str = ""  # what stood before the run's phrase: ',', '–', ':' ('' inside a phrase)

    @property
    def text(self) -> str:
        text = " ".join(self.words).strip(" ,.:;")
        # a bracket opened or closed in another run ('(Nicola Odom))')
        while text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:].strip()
        while text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1].strip()
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1].strip()
        return text


@lru_cache(maxsize=16384)
def _tag(word: str) -> str:
    """R rank, T job word, J job acronym, O organisation word, A acronym, I initials (two
    capitals), S small word, N capitalised word that may be part of a name, D any other word."""
    bare = word.strip(",.:;()")
    low = bare.lower()
    if not bare:
        return "D"
    if low in SMALL_WORDS:
        return "S"
    if _SLASH_RANK.match(bare) or (low.rstrip(".") in RANKS and bare[:1].isupper()):
        return "R"
    plain = _PLURAL.sub("", low)
    if low in TITLE_ACRONYMS or plain in TITLE_ACRONYMS:
        return "J"
    if low in TITLE_WORDS:
        return "T"
    if _ACRONYM.match(bare):
        return "I" if len(bare) == 2 else "A"
    if low in ORG_WORDS:
        return "O"
    if low in DOMAIN_WORDS:
        return "D"
    if _NAME.match(bare):
        return "N"
    return "D"


def _phrase_runs(words: list[str], phrase: int) -> list[_Run]:
    """Cut one phrase (no commas or dashes inside) into agency, person and title runs."""
    tags = [_tag(w) for w in words]
    n = len(words)
    runs: list[_Run] = []
    # a phrase that ends in a job word and names nobody is a job title ('Board members',
    # 'All Safeguarding Leads', 'LSCP Business Manager'), unless it opens with an agency's acronym
    names = _name_spans(tags)
    if n and tags[-1] in "TJ" and not names and "R" not in tags and tags[0] != "A":
        return [_Run("title", words, phrase)]
    i = 0
    while i < n:
        tag = tags[i]
        if tag == "S":
            i += 1  # 'and Lead Nurse ED', 'Helen Schofield and Chris West': a joining word between runs
            continue
        if tag == "R":
            j = i
            while j < n and tags[j] == "R":
                j += 1
            k = j
            while k < n and tags[k] == "N" and k - j < 3:
                k += 1
            if k > j:
                runs.append(_Run("person", words[i:k], phrase))
                i = k
                continue
            i = _title(words, tags, i, runs, phrase)
            continue
        if tag in "TJ":
            i = _title(words, tags, i, runs, phrase)
            continue
        if tag == "A":
            i = _agency(words, tags, i, runs, phrase)
            continue
        # a run of capitalised, organisation and plain words up to the next rank, job word or acronym
        j = i
        while j < n and tags[j] in "NODIS":
            j += 1
        while j > i and tags[j - 1] == "S":
            j -= 1
        _plain(words[i:j], tags[i:j], runs, phrase, before_title=j < n and tags[j] in "TJ")
        i = max(j, i + 1)
    return runs


def _name_spans(tags: list[str]) -> list[tuple[int, int]]:
    """Where two or three name-like words stand together, not next to an organisation word."""
    spans = []
    i = 0
    while i < len(tags):
        if tags[i] != "N":
            i += 1
            continue
        j = i
        while j < len(tags) and tags[j] == "N":
            j += 1
        follows_org = j < len(tags) and tags[j] == "O"
        if 2 <= j - i <= 3 and not follows_org:
            spans.append((i, j))
        i = j
    return spans


def _title(words: list[str], tags: list[str], i: int, runs: list[_Run], phrase: int) -> int:
    """A job title from word i: it goes on through small words, organisation and subject words, and
    through names that follow 'of', 'for', 'and' ('Head of Early Help'), up to a person or an acronym
    that is not the object of 'of' ('Head of Service ESCC')."""
    n = len(words)
    j = i + 1
    while j < n:
        tag = tags[j]
        after_small = tags[j - 1] == "S"
        if tag == "R" and j + 1 < n and tags[j + 1] == "N":
            break
        if tag == "A" and not after_small and tags[j - 1] not in "J":
            break
        if tag == "N":
            k = j
            while k < n and tags[k] == "N":
                k += 1
            length = k - j
            at_end = k == n or tags[k] in "RAJT"
            if not after_small and length >= 2 and at_end:
                break  # 'Head of Service Niki Cartwright'
            if not after_small and length >= 2 and k < n and tags[k] == "O" and tags[j - 1] != "O":
                break  # 'Head of Safeguarding East Cheshire Trust'
            if after_small and length >= 4 and at_end:
                runs.append(_Run("title", words[i : k - 2], phrase))
                return k - 2  # 'Head of Locality and Family Assessment Celia Lamden'
            j = k
            continue
        j += 1
    while j - 1 > i and tags[j - 1] == "S":
        j -= 1
    runs.append(_Run("title", words[i:j], phrase))
    return j


def _agency(words: list[str], tags: list[str], i: int, runs: list[_Run], phrase: int) -> int:
    """An acronym and the organisation it names: 'NHS East Sussex CCG', 'LSCB Audit Group', 'ESHT'."""
    n = len(words)
    j = i + 1
    last = i + 1
    while j < n and tags[j] in "AONSDI":
        if tags[j] in "AO":
            last = j + 1
        j += 1
    if last == n - 1 and tags[last] == "N":
        last = n  # 'NHS Sussex', 'NHS England': a place after the acronym (two words would be a name)
    runs.append(_Run("agency", words[i:last], phrase))
    return last


def _plain(words: list[str], tags: list[str], runs: list[_Run], phrase: int, before_title: bool) -> None:
    """Capitalised and plain words: an organisation when they end in an organisation word, else
    a person when two or three of them look like a name, else part of a job title."""
    if not words:
        return
    orgs = [k for k, t in enumerate(tags) if t == "O"]
    if orgs:
        last = orgs[-1] + 1
        first = orgs[0]
        if (
            words[first].lower().strip(",.") in SECTOR_WORDS
            and first > 1
            and all(t in "DS" for t in tags[:first])
        ):
            # 'Locality Social Work and Family Assessment Police': a job's subject, then the sector
            runs.append(_Run("title", words[:first], phrase))
            _plain(words[first:], tags[first:], runs, phrase, before_title)
            return
        if last < len(words) and tags[last] == "S" and "N" not in tags[last:]:
            last = len(words)  # 'Task and finish group on supervision': the body's name goes on
        # 'Sussex Police', 'East Sussex County Council', "Children's Services"
        runs.append(_Run("agency", words[:last], phrase))
        if last < len(words):
            _plain(words[last:], tags[last:], runs, phrase, before_title)
        return
    if "S" in tags:
        # 'Helen Schofield and Chris West': two people joined by 'and'
        k = tags.index("S")
        left, right = tags[:k], tags[k + 1 :]
        if _is_name(left) and _is_name(right):
            runs.append(_Run("person", words[:k], phrase))
            runs.append(_Run("person", words[k + 1 :], phrase))
            return
    names = _name_spans(tags)
    if names:
        start, end = names[-1]
        if end == len(words) and (start == 0 or tags[start - 1] != "S"):
            if start:
                runs.append(_Run("title", words[:start], phrase))
            runs.append(_Run("person", words[start:end], phrase))
            return
        if start == 0 and (end == len(words) or tags[end] not in "NS"):
            runs.append(_Run("person", words[:end], phrase))
            if end < len(words):
                _plain(words[end:], tags[end:], runs, phrase, before_title)
            return
    if len(words) == 1 and tags[0] == "I":
        runs.append(_Run("person", words, phrase))  # initials: 'AC', 'NL'
        return
    if len(words) == 1 and words[0].lower().strip(",.") in SECTOR_WORDS:
        runs.append(_Run("agency", words, phrase))
        return
    runs.append(_Run("title", words, phrase))


def _is_name(tags: list[str]) -> bool:
    ranks = 0
    while ranks < len(tags) and tags[ranks] == "R":
        ranks += 1
    rest = tags[ranks:]
    return bool(rest) and all(t == "N" for t in rest) and (len(rest) >= 2 or ranks > 0) and len(rest) <= 3


# --------------------------------------------------------------------------- cells into owners


def _cut(text: str, marks: str) -> list[str]:
    """Cut at any of ``marks`` outside brackets; a '/' only between words of more than one letter
    and not inside a rank ('D/Supt', 'N/L' and 'and/or' stay whole)."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for k, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in marks and depth == 0:
            if char == "/" and not _slash_separates(text, k):
                continue
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip(" ,.;/")]


def _slash_separates(text: str, k: int) -> bool:
    before, after = text[:k].split(), text[k + 1 :].split()
    left = before[-1] if before else ""
    right = after[0] if after else ""
    if not left or not right:
        return False
    if not text[k - 1 : k].isspace() and not text[k + 1 : k + 2].isspace():
        if _SLASH_RANK.match(f"{left}/{right}") or len(left) == 1 or len(right) == 1:
            return False
        if left.islower() and right.islower():
            return False
    return True


_PHRASE_BREAK = re.compile(r",|:\s|\.\s+(?=[A-Z])|" + _DASH.pattern)


def _phrases(chunk: str) -> list[tuple[str, str]]:
    """(separator before it, phrase): cut at commas, dashes, colons and full stops."""
    out: list[tuple[str, str]] = []
    sep = ""
    pos = 0
    for m in _PHRASE_BREAK.finditer(chunk):
        before = chunk[: m.start()].split()
        if m.group().startswith(".") and before and _tag(before[-1] + ".") == "R":
            continue  # 'Supt. Sian Walls', 'Dr. Jones': the full stop of an abbreviated rank
        piece = chunk[pos : m.start()].strip()
        if piece:
            out.append((sep, piece))
        sep = m.group().strip() or ","
        pos = m.end()
    tail = chunk[pos:].strip()
    if tail:
        out.append((sep, tail))
    return out


def _runs(chunk: str) -> list[_Run]:
    runs: list[_Run] = []
    for number, (sep, phrase) in enumerate(_phrases(chunk)):
        found = [run for run in _phrase_runs(phrase.split(), number) if run.text]
        if found:
            found[0].sep = sep
        for run in found:
            last = runs[-1] if runs else None
            if (
                last
                and run.kind == last.kind
                and run.kind in ("title", "agency")
                and last.phrase == run.phrase
            ):
                # 'Paediatric' + 'Clinical Educator', 'Sussex Partnership' + 'NHS Foundation Trust'
                last.words += run.words
            elif (
                last
                and run.kind == "agency"
                and last.kind in ("person", "title")
                and last.phrase == run.phrase
                and " ".join(run.words).strip(" ,.").lower() in _BARE_BODIES
                and all(w[:1].isupper() or w.lower() in ("and", "&", "of") for w in last.words)
                and not any(w.strip(",.").lower() in _POSTS for w in last.words)
            ):
                # 'Northshire Healthcare' + 'NHS Foundation Trust', 'Wexcombe Community Health' +
                # 'NHS Trust': a body named by its place and service, not a person and a bare 'NHS Trust'
                last.kind, last.words = "agency", last.words + run.words
            elif (
                last
                and run.kind == "agency"
                and last.kind == "title"
                and run.sep == ","
                and len(run.words) == 1
                and _ACRONYM.match(run.words[0].strip(",.()"))
                # 'Agency – Person, Post, TEAM': this person's agency named before them
                and [r.kind for r in runs[-3:-1]] == ["agency", "person"]
                and runs[-2].sep.strip() in ("–", "—", "-")
            ):
                # 'Northshire County Council – Nicola Okafor, Service Manager, MASH': the team of
                # the post, the agency named already, not a second agency
                last.words[-1] = last.words[-1].rstrip(",") + ","
                last.words.append(run.words[0])
            elif (
                last
                and run.kind == "person"
                and last.kind == "title"
                and all(_tag(w) == "R" for w in last.words)
            ):
                last.kind, last.words = "person", last.words + run.words  # 'DCI – Emma Vickers'
            else:
                runs.append(run)
    return runs


# what a body's name ends with that names no body on its own: the words before it are its name
_BARE_BODIES = frozenset(
    {"nhs trust", "nhs foundation trust", "foundation trust", "trust", "council", "county council",
     "city council", "borough council", "district council", "integrated care board", "icb",
     "constabulary", "healthcare nhs trust"}
)  # fmt: skip


# words of a post, never of a body's place or service ('Head of Service NHS Trust' is a post and a body)
_POSTS = frozenset(
    {"head", "manager", "director", "nurse", "lead", "officer", "chief", "deputy", "assistant",
     "designated", "named", "chair", "coordinator", "co-ordinator", "worker", "practitioner", "doctor",
     "inspector", "superintendent", "consultant", "advisor", "adviser", "executive"}
)  # fmt: skip


def _person_with_bracket(bracket: re.Match[str]) -> OwnerPart | None:
    """A person named before a bracket holding their agency ('Rachel Osei (Marchshire Police)', with
    a team after it: 'Tom Fairley (Wrenhaven Council Early Help)') or their team or post ('Lisa
    Harcourt (Learning and Development)'); None when the words before the bracket are no one's name."""
    outer = _runs(bracket["outer"].strip(" -–,"))
    if len(outer) != 1 or outer[0].kind != "person":
        return None
    inner = _runs(bracket["inner"].strip())
    if inner and inner[0].kind == "agency":
        rest = " ".join(r.text for r in inner[1:]) or None
        return OwnerPart(agency=inner[0].text, person=outer[0].text, job_title=rest)
    return OwnerPart(person=outer[0].text, job_title=bracket["inner"].strip() or None)


def _is_agency(text: str) -> bool:
    runs = _runs(text)
    return bool(runs) and all(r.kind == "agency" for r in runs)


def _joined(title: str, sep: str, text: str) -> str:
    if not sep:
        return f"{title} {text}"
    if sep in (",", ":", "."):
        return f"{title}{sep} {text}"
    return f"{title} {sep} {text}"


class _Gatherer:
    """Gathers runs into owners: one person each, with the agency and job title around them."""

    def __init__(self, agency: str | None) -> None:
        self.agency = agency  # from brackets: 'Leicester City Council (Gareth Dakin/ Donna Smalley)'
        self.parts: list[OwnerPart] = []
        self.soft_agency = False  # the bracket's agency, which a named agency replaces
        self.title_first = False  # the title came before the person ('Head of X – Jane Doe')
        self.last: str | None = None

    def _new(self) -> OwnerPart:
        part = OwnerPart(agency=self.agency)
        self.soft_agency = self.agency is not None
        self.title_first = False
        self.parts.append(part)
        return part

    def gather(self, runs: list[_Run]) -> list[OwnerPart]:
        k = 0
        while k < len(runs):
            run = runs[k]
            text = run.text
            if not text:
                k += 1
                continue
            part = self.parts[-1] if self.parts else self._new()
            nxt = runs[k + 1] if k + 1 < len(runs) else None
            if run.kind == "person":
                if part.person:
                    part = self._new()
                part.person = text
            elif run.kind == "agency":
                if (
                    nxt is not None
                    and nxt.kind == "title"
                    and nxt.phrase == run.phrase
                    and part.agency
                    and not self.soft_agency
                    and not part.job_title
                ):
                    # 'Health – Matt Stone, CAMHS Head of Service': the acronym is part of the job title
                    part.job_title = f"{text} {nxt.text}"
                    self.title_first = part.person is None
                    self.last = "title"
                    k += 2
                    continue
                if part.agency and not self.soft_agency:
                    part = self._new()
                part.agency = text
                self.soft_agency = False
            else:
                self._title(part, run)
            self.last = run.kind
            k += 1
        return [p for p in self.parts if p.agency or p.person or p.job_title]

    def _title(self, part: OwnerPart, run: _Run) -> None:
        if not part.job_title:
            part.job_title = run.text
            self.title_first = part.person is None
        elif self.last == "title":
            part.job_title = _joined(part.job_title, run.sep, run.text)
        elif part.person and self.title_first and run.sep == "," and self.last == "person":
            part.job_title = run.text  # 'Head of Service ESCC – Vicky Finnemore, Head of Specialist Services'
            self.title_first = False
        else:
            part = self._new()
            part.job_title = run.text
            self.title_first = True


def split_owner(owner: str | None) -> list[OwnerPart]:
    """The owners an owner cell names, each split into agency, person and job title where the
    text allows ('ESCC – Vicky Finnemore, Head of Specialist Services'). Never raises; every value
    is a run of the cell's own words."""
    return [OwnerPart(*values) for values in _split(clean_text(owner))]


# an address after a name, as mail and work-tracking tools write a person ('Dawn Merrick <dawn@x.gov.uk>')
ADDRESS_AFTER_NAME = re.compile(r"\s*<[^<>\s@]+@[^<>\s]+>")


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[tuple[str | None, str | None, str | None], ...]:
    # a lead cell is often repeated down a plan: read each once (new OwnerParts for each caller)
    text = ADDRESS_AFTER_NAME.sub("", text).strip()
    if not text:
        return ()
    parts: list[OwnerPart] = []
    for piece in _cut(text, ";"):
        bracket = _PARENS.match(piece)
        if bracket and not bracket["after"].strip(" .,") and (person := _person_with_bracket(bracket)):
            parts.append(person)  # 'Rachel Osei (Marchshire Police)': a person and whose they are
            continue
        if bracket and bracket["outer"].strip(" -–/") and not bracket["after"].strip(" .,"):
            outer = _cut(bracket["outer"].strip(" -–"), "/")
            if outer and all(_is_agency(o) for o in outer):
                # 'Police/ OPCC (CI Manjit Atwall/ Supt. Sian Walls)': the people of the last agency
                parts.extend(OwnerPart(agency=agency) for agency in outer[:-1])
                for inner in _cut(bracket["inner"], "/,;"):
                    found = _Gatherer(outer[-1]).gather(_runs(inner))
                    parts.extend(found or [OwnerPart(agency=outer[-1])])
                continue
        for chunk in _cut(piece, "/"):
            parts.extend(_Gatherer(None).gather(_runs(chunk)))
    return tuple((p.agency, p.person, p.job_title) for p in parts)
