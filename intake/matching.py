"""Owners as a document writes them, matched to the partnership's agencies and people.

An owner cell such as "ESCC – Vicky Finnemore, Head of Specialist Services" arrives split by
the import library into parts (agency, person, job title). Each part is matched to an existing
Agency (by name, short name or the initials of its name: "ESCC" is "East Sussex County
Council") or Person (by name), case-insensitively; what matches nothing is proposed as new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intake.importer.model import Action as DraftAction
from intake.importer.model import OwnerPart
from plans.models import Agency, Partnership, Person, historical_model

# Words left out of initials, so "Children and Young People's Service" is "CYPS".
SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "&"}
# Words of services, teams and roles, never of a person's name.
NOT_NAME_WORDS = {
    "safeguarding",
    "children",
    "child",
    "young",
    "people",
    "health",
    "care",
    "social",
    "protection",
    "support",
    "service",
    "services",
    "mental",
    "learning",
    "difficulties",
    "pupil",
    "leads",
    "lead",
    "all",
    "team",
    "board",
    "group",
    "nurse",
    "nurses",
    "detective",
    "inspector",
    "head",
    "director",
    "chair",
    "manager",
    "officer",
    "partnership",
    "council",
    "trust",
    "police",
    "education",
    "school",
    "nhs",
    "executive",
    "and",
    "of",
    "the",
    "for",
    "designated",
    "named",
    "strategic",
    "quality",
    "assurance",
    "early",
    "help",
    "family",
    "families",
    "youth",
    "justice",
    "offending",
    "probation",
    "ccg",
    "icb",
    "lscb",
    "lscp",
    "unit",
    "hub",
    "panel",
    "corporate",
    "development",
    "clinical",
    "educator",
    "senior",
    "sisters",
    "investigations",
    "paediatric",
}
# Ranks and honorifics before a name: "DI Helen Schofield" is Helen Schofield.
NAME_PREFIXES = {
    "dr",
    "di",
    "dci",
    "dsi",
    "ds",
    "dc",
    "pc",
    "supt",
    "insp",
    "inspector",
    "sergeant",
    "sgt",
    "mr",
    "mrs",
    "ms",
    "miss",
    "cllr",
    "prof",
    "detective",
    "chief",
    "superintendent",
}
# Last words that make a name an organisation rather than a person.
AGENCY_WORDS = {
    "police",
    "constabulary",
    "council",
    "service",
    "services",
    "team",
    "board",
    "partnership",
    "trust",
    "ccg",
    "icb",
    "nhs",
    "school",
    "schools",
    "college",
    "group",
    "unit",
    "hub",
    "department",
    "directorate",
    "lscb",
    "lscp",
    "agency",
    "probation",
    "crc",
    "cafcass",
    "authority",
    "panel",
    "forum",
    "network",
}


def normalise(text: str) -> str:
    """Case, punctuation, "&" and a leading "the" do not make a different name."""
    text = text.casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.removeprefix("the ")


def person_key(name: str) -> str:
    words = normalise(name).split()
    while len(words) > 2 and words[0] in NAME_PREFIXES:
        words = words[1:]
    return " ".join(words)


def looks_like_a_name(text: str) -> bool:
    """Two to four capitalised words, none of them the words of services and roles."""
    words = text.replace("’", "'").split()
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        bare = word.strip(".,()'").removesuffix("'s").casefold()
        if (
            not word[:1].isupper()
            or bare in NOT_NAME_WORDS
            or not bare.replace("-", "").replace("'", "").isalpha()
        ):
            return False
    return True


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-/]+", name.casefold()) if w and w not in SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isalnum()) if len(words) > 1 else ""


# an owner cell naming nobody yet
_NO_OWNER = re.compile(
    r"^(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided|determined|allocated)|n/?a|none|unknown|not yet (?:known|agreed)"
    r"|[-–—?]+)\.?$",
    re.I,
)


def no_owner_named(owner: str | None) -> bool:
    """An owner cell left empty, or saying the owner is not known yet ('TBC', 'To be agreed', '–')."""
    return not (owner or "").strip() or bool(_NO_OWNER.match(owner.strip()))


def name_variants(name: str, short_name: str = "") -> list[str]:
    """Shorter ways of writing an agency's name: without its bracketed abbreviation, with the
    abbreviation in place of the words it stands for ('NSCP business unit' for 'Northshire
    Safeguarding Children Partnership business unit (NSCP)'), and without a leading 'NHS'."""
    variants: list[str] = []
    outside = " ".join(_BRACKETED.sub(" ", name).split())
    if outside and outside != name:
        variants.append(outside)
    words = outside.split()
    # the abbreviation in the name's brackets, or kept as the agency's short name (QA round 8)
    for abbreviation in [*(inner.strip() for inner in _BRACKETED.findall(name)), short_name.strip()]:
        if not abbreviation.isalnum() or len(abbreviation) > 8:
            continue
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                if initials(" ".join(words[start:end])) == abbreviation.casefold():
                    variants.append(" ".join([*words[:start], abbreviation, *words[end:]]))
    variants += [v.removeprefix("NHS ") for v in [name, *variants] if v.startswith("NHS ")]
    return variants


@dataclass
class AgencyMatch:
    """An agency named in the document: an existing one, or a name proposed as new."""

    name: str
    agency: Agency | None = None

    @property
    def is_new(self) -> bool:
        return self.agency is None

    @property
    def key(self) -> str:
        return f"agency:{self.agency.pk}" if self.agency else f"new-agency:{normalise(self.name)}"


@dataclass
class PersonMatch:
    name: str
    job_title: str = ""
    agency: AgencyMatch | None = None
    person: Person | None = None

    @property
    def is_new(self) -> bool:
        return self.person is None

    @property
    def key(self) -> str:
        return f"person:{self.person.pk}" if self.person else f"new-person:{person_key(self.name)}"


@dataclass
class OwnerMatch:
    """The owners of one action: the lead agency first, then every agency and person named."""

    agencies: list[AgencyMatch] = field(default_factory=list)
    people: list[PersonMatch] = field(default_factory=list)

    @property
    def lead(self) -> AgencyMatch | None:
        return self.agencies[0] if self.agencies else None


_BRACKETED = re.compile(r"\(([^()]+)\)")
_BETWEEN_NAMES = re.compile(r"\s+[–—-]\s+|\s*/\s*|,\s*")


def _named_within(name: str) -> list[str]:
    """The names an owner's agency text holds besides itself: in brackets, or either side of a
    dash, slash or comma."""
    parts = [inner.strip() for inner in _BRACKETED.findall(name)]
    outside = _BRACKETED.sub(" ", name)
    parts += [p.strip() for p in _BETWEEN_NAMES.split(outside)] if _BETWEEN_NAMES.search(outside) else []
    return [p for p in parts if p and p != name]


class OwnerMatcher:
    """Matches owner parts against one partnership, proposing each unknown name once."""

    def __init__(self, partnership: Partnership) -> None:
        self.agencies: dict[str, Agency] = {}
        by_initials: dict[str, list[Agency]] = {}
        for agency in Agency.objects.filter(partnership=partnership):
            for name in (agency.name, agency.short_name):
                if name:
                    self.agencies.setdefault(normalise(name), agency)
            if abbreviation := initials(agency.name):
                by_initials.setdefault(abbreviation, []).append(agency)
        # Initials only count when they point at one agency, and never over a real name.
        for abbreviation, found in by_initials.items():
            if len(found) == 1:
                self.agencies.setdefault(abbreviation, found[0])
        # The ways a document shortens a name ('NHS Northshire ICB' for 'NHS Northshire Integrated
        # Care Board (ICB)'), then the names an agency had before it was renamed here (a plan
        # written before still says 'Northshire Police'): never over a current name (QA round 7).
        agencies = {a.pk: a for a in self.agencies.values()}
        for agency in agencies.values():
            for variant in name_variants(agency.name, agency.short_name):
                self.agencies.setdefault(normalise(variant), agency)
        for pk, *names in (
            historical_model(Agency)
            .objects.filter(id__in=list(agencies))
            .values_list("id", "name", "short_name")
        ):
            for name in names:
                if name:
                    self.agencies.setdefault(normalise(name), agencies[pk])
        self.people: dict[str, list[Person]] = {}
        for person in Person.objects.filter(partnership=partnership).select_related("agency"):
            self.people.setdefault(person_key(person.name), []).append(person)
        self.proposed_agencies: dict[str, AgencyMatch] = {}
        self.proposed_people: dict[str, PersonMatch] = {}

    def agency(self, name: str, propose: bool = True) -> AgencyMatch | None:
        """The known agency `name` names, else (with `propose`) a new agency to add."""
        name = " ".join(name.split())
        key = normalise(name)
        if not key:
            return None
        if key in self.agencies:
            return AgencyMatch(name=name, agency=self.agencies[key])
        compact = key.replace(" ", "")
        if compact in self.agencies:  # "E S C C" or "E.S.C.C."
            return AgencyMatch(name=name, agency=self.agencies[compact])
        for part in _named_within(name):
            # a team of a known agency ('MASH (NCC CSC)', 'Early Help – NCC CSC'): that agency,
            # not a new one its own contributors could not update
            if known := self.known_agency(part):
                return AgencyMatch(name=name, agency=known)
        if not propose:
            return None
        return self.proposed_agencies.setdefault(key, AgencyMatch(name=name[:200]))

    def person(self, name: str, job_title: str = "", agency: AgencyMatch | None = None) -> PersonMatch | None:
        name = " ".join(name.split())
        key = person_key(name)
        if not key:
            return None
        candidates = self.people.get(key, [])
        if agency is not None and agency.agency is not None and len(candidates) > 1:
            # Two people of the same name: the one in the named agency.
            candidates = [p for p in candidates if p.agency_id == agency.agency.pk] or candidates
        if candidates:
            return PersonMatch(name=name, job_title=job_title, agency=agency, person=candidates[0])
        if not looks_like_a_name(name):
            # "Mental Health" or "All Safeguarding Leads" split off as a person: not somebody to add.
            return None
        return self.proposed_people.setdefault(
            key, PersonMatch(name=name[:200], job_title=(job_title or "")[:200], agency=agency)
        )

    def joint_agencies(self, name: str) -> list[AgencyMatch]:
        """Two to four known agencies named together ('Police and NCC CSC', 'NHFT & ICB', 'Police NCC
        CSC' as the owner reader joins them): each of them, in the order named; else none (QA round
        9: the joint lead was proposed as one new agency, and the real two lost the action)."""
        words = normalise(name).split()
        if len(words) < 2 or len(words) > 12:
            return []

        def split(start: int, left: int) -> list[Agency] | None:
            if start == len(words):
                return []
            if left == 0:
                return None
            if words[start] == "and":
                return None  # 'and' joins two names; it opens none
            for end in range(len(words), start, -1):
                piece = words[start:end]
                if piece[-1] == "and":
                    continue
                known = self.known_agency(" ".join(piece))
                if known is None:
                    continue
                after = end + 1 if end < len(words) and words[end] == "and" else end
                rest = split(after, left - 1)
                if rest is not None:
                    return [known, *rest]
            return None

        found = split(0, 4)
        if not found or len(found) < 2 or len({a.pk for a in found}) < len(found):
            return []
        return [AgencyMatch(name=agency.name, agency=agency) for agency in found]

    def known_agency(self, name: str) -> Agency | None:
        key = normalise(name)
        return self.agencies.get(key) or self.agencies.get(key.replace(" ", ""))

    def reread(self, part: OwnerPart) -> OwnerPart:
        """A part the library took for a person (or a job title) that is really an agency.

        "Sussex Police" alone reads like a name; so does "Youth Offending" with "Service"
        as its job title. A name we know as an agency, or one ending in a word such as
        Police, Service or Team, is an agency unless we know a person of that name.
        """
        if part.agency and part.job_title:
            # 'Andrea Coyle (NCC Education)': the agency's name runs on into what was read as a team
            for joined in (f"{part.agency} {part.job_title}", f"{part.agency} – {part.job_title}"):
                if self.known_agency(joined):
                    return OwnerPart(agency=joined, person=part.person)
        if part.agency or not (part.person or part.job_title):
            return part
        if part.person:
            single_word_title = part.job_title and len(part.job_title.split()) == 1
            candidate = f"{part.person} {part.job_title}" if single_word_title else part.person
        else:
            candidate = part.job_title or ""
        if self.known_agency(candidate) or self.known_agency(part.person or ""):
            return OwnerPart(agency=candidate if self.known_agency(candidate) else part.person)
        if not part.person or person_key(part.person) in self.people:
            # A job title alone ("Chair of the Training subgroup") is a role, not an agency.
            return part
        last_word = normalise(candidate).rsplit(" ", 1)[-1]
        if last_word in AGENCY_WORDS:
            return OwnerPart(agency=candidate)
        return part

    def match_parts(self, parts: list[OwnerPart], agency_text: str | None = None) -> OwnerMatch:
        result = OwnerMatch()
        seen: set[str] = set()

        def add_agency(found: AgencyMatch | None) -> None:
            if found is not None and found.key not in seen:
                seen.add(found.key)
                result.agencies.append(found)

        # An action's own agency column (SCR plans) names the lead before any owner cell does.
        # several agencies in the one cell ('ICB; NCC CSC', as this service's export writes an
        # action shared by two): each its own, the first the lead
        named = [n for n in re.split(r"\s*;\s*", agency_text or "") if n.strip()]
        if named and self.known_agency(named[0]) is None and (joint := self.joint_agencies(named[0])):
            named[:1] = [match.agency.name for match in joint if match.agency is not None]
        column_agency = self.agency(named[0]) if named else None
        add_agency(column_agency)
        for other in named[1:]:
            add_agency(self.agency(other))
        for part in parts:
            part = self.reread(part)
            if (
                part.agency
                and self.known_agency(part.agency) is None
                and (joint := self.joint_agencies(part.agency))
            ):
                # a lead shared by agencies the partnership has: each of them, the first the lead
                for match in joint:
                    add_agency(match)
                if part.person:
                    found_person = self.person(part.person, part.job_title or "", joint[0])
                    if found_person is not None and found_person.key not in seen:
                        seen.add(found_person.key)
                        result.people.append(found_person)
                continue
            # Beside an agency column, the owner cell's other names are known agencies or the
            # person's team ('Naomi Ellis, Detective Inspector, Child Exploitation Team' of
            # Police): not new agencies to add.
            found_agency = self.agency(part.agency, propose=not agency_text) if part.agency else None
            if found_agency is None and part.agency and agency_text:
                found_agency = column_agency
            add_agency(found_agency)
            if part.person:
                found_person = self.person(part.person, part.job_title or "", found_agency)
                if found_person is not None and found_person.key not in seen:
                    seen.add(found_person.key)
                    result.people.append(found_person)
        return result

    def match_action(self, action: DraftAction) -> OwnerMatch:
        if no_owner_named(action.owner) and not action.agency:
            return OwnerMatch()  # 'TBC': nobody yet, not an agency to add (QA round 8)
        result = self.match_parts(list(action.owner_parts), action.agency)
        if not action.owner_parts and action.owner:
            # Not split by the library: link the whole cell only when it names someone we
            # already know, rather than proposing a new agency out of a sentence.
            key = normalise(action.owner)
            if key in self.agencies and all(a.agency != self.agencies[key] for a in result.agencies):
                result.agencies.append(AgencyMatch(name=action.owner, agency=self.agencies[key]))
            elif len(self.people.get(person_key(action.owner), [])) == 1:
                result.people.append(
                    PersonMatch(name=action.owner, person=self.people[person_key(action.owner)][0])
                )
        return result
