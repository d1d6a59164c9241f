"""The public version of the report: roles and agencies, never people's names when asked.

Owners are written as the plan writes them, e.g. "Sussex Police – Jane Smith, Head of
Safeguarding" or "Head of Service for Child Protection, Cheshire East Council (Ann Lee)".
`roles_only` removes the parts that are a person's name: the names of the partnership's
people (`Person`) wherever they appear, then any remaining part that looks like a personal
name (two or three capitalised words, optionally after a title such as Dr or Mrs) and holds
no word of a role or an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "det", "supt", "insp", "ch"}
# Words that mark a part as a role, post, group or organisation rather than a person.
ROLE_WORDS = {
    "head",
    "director",
    "manager",
    "officer",
    "lead",
    "chair",
    "chief",
    "executive",
    "service",
    "services",
    "council",
    "police",
    "nhs",
    "trust",
    "board",
    "group",
    "team",
    "partnership",
    "constabulary",
    "icb",
    "ccg",
    "school",
    "schools",
    "education",
    "health",
    "care",
    "social",
    "worker",
    "principal",
    "designated",
    "nurse",
    "doctor",
    "named",
    "safeguarding",
    "children",
    "children's",
    "childrens",
    "adult",
    "adults",
    "strategic",
    "assistant",
    "deputy",
    "inspector",
    "superintendent",
    "commissioner",
    "coordinator",
    "co-ordinator",
    "practitioner",
    "advisor",
    "adviser",
    "consultant",
    "specialist",
    "analyst",
    "panel",
    "subgroup",
    "committee",
    "unit",
    "hub",
    "mash",
    "front",
    "door",
    "youth",
    "justice",
    "probation",
    "office",
    "all",
    "partners",
    "agencies",
    "county",
    "city",
    "borough",
    "district",
    "the",
    "of",
    "for",
    "and",
    "&",
    "quality",
    "assurance",
    "performance",
    "learning",
    "development",
    "training",
    "operations",
    "early",
    "help",
    "family",
    "families",
    "public",
    "hospital",
    "foundation",
    "integrated",
    "commissioning",
    "leader",
    "secretary",
    "business",
    "programme",
    "project",
    "place",
    "system",
    "cabinet",
    "member",
    "portfolio",
    "holder",
    "lscp",
    "scp",
    "lscb",
    "cyp",
    "camhs",
    "yot",
    "cse",
    "cce",
    "exploitation",
    # the words of departments and teams that follow a post ('Chief Inspector, Neighbourhood Policing')
    "policing",
    "neighbourhood",
    "neighbourhoods",
    "protection",
    "crime",
    "community",
    "communities",
    "safety",
    "housing",
    "victims",
    "vulnerability",
    "investigation",
    "investigations",
    "intelligence",
    "prevention",
    "response",
    "engagement",
    "inclusion",
    "attendance",
    "send",
    "psychology",
    "authority",
    "local",
    "operational",
    "partnerships",
    "governance",
    "strategy",
    "policy",
    "practice",
    "improvement",
    "transformation",
    "workforce",
    "participation",
    "maternity",
    "midwifery",
    "paediatrics",
    "nursing",
    "primary",
    "secondary",
    "emergency",
    "department",
    "directorate",
    "division",
    "network",
    "forum",
    "centre",
    "academy",
    "trust's",
}
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\(|\)|\s[–—-]\s|\n)\s*")
_NAME_WORD = re.compile(r"^(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\.?$")


def looks_like_name(part: str) -> bool:
    words = part.split()
    if words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
        if len(words) == 1 and _NAME_WORD.match(words[0]):
            return True  # "Dr Smith"
    if not 2 <= len(words) <= 3:
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS for w in words):
        return False
    return all(_NAME_WORD.match(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words)


def roles_only(owner_text: str, people: Iterable[str] = ()) -> str:
    """The owner text without people's names, keeping roles, posts and agencies."""
    text = owner_text
    for name in sorted({p.strip() for p in people if p and p.strip()}, key=len, reverse=True):
        text = re.sub(rf"(?i)\b{re.escape(name)}\b", "", text)
    kept: list[str] = []
    for line in text.splitlines() or [""]:
        parts = [" ".join(p.split()) for p in _SEPARATORS.split(line)]
        parts = [p for p in parts if p and not looks_like_name(p)]
        if parts:
            kept.append(", ".join(parts))
    return "\n".join(kept)
