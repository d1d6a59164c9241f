"""The demo data generator: a realistic safeguarding partnership, or a national-size dataset.

`build_demo()` builds "Northshire Safeguarding Children Partnership": its agencies and people,
three plans of different kinds (a JTAI written statement of action, a CSPR action plan with
board questions, a CCE delivery plan by the 4P strands), each with the RAG scheme it writes,
about 150 actions and a year of dated progress updates. Given a `DemoSize`, the same code
builds many partnerships with exact totals of plans, actions and updates (the benchmarks use
200 partnerships, 1,000 plans, 100,000 actions and 2,000,000 updates).

Why it looks the way it does:
- Rows are inserted in batches, one partnership at a time, so a national dataset loads in
  minutes with bounded memory; no per-row `save()`. On PostgreSQL the batches go in with
  COPY (keys taken from the sequences first, plain row objects for the millions of updates
  and history rows); on SQLite with `bulk_create`. See bench/README.md for the figures.
- History is written in bulk straight into the historical models (not through
  `bulk_create_with_history`, which gives one row per object, while an action whose due date
  moved needs two), dated on the day things
  happened (an action's "+" row when the plan was written, a "~" row when its due date moved,
  an update's "+" row on its own date), so the plan page "as at" a past date shows the
  earlier state and slippage.
- Deterministic: one `random.Random(seed)` and a `today` parameter, so the data stays fresh
  relative to the day it is loaded and two runs with the same seed and day are identical.
- It creates no logins: the `load_demo` command creates the demo logins and passes them in
  as authors (`DemoUsers`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import connection, models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.text import slugify

from plans.models import (
    Action,
    Agency,
    AgencyKind,
    Colour,
    Evidence,
    Partnership,
    Person,
    Plan,
    PlanKind,
    PlanStage,
    ProgressUpdate,
    RagStatus,
    Section,
    historical_model,
)

DEMO_PARTNERSHIP_NAME = "Northshire Safeguarding Children Partnership"
DEMO_PARTNERSHIP_SLUG = "northshire"
# Slugs of the extra partnerships of a scale run start with this, so they can be found again.
SCALE_SLUG_PREFIX = "demo-"
BATCH_SIZE = 2000
UTC = dt.UTC


# --------------------------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSize:
    """How much to build. `None` means the natural amount for the one demo partnership.

    partnerships: how many (the first is always Northshire);
    plans: total plans (default three per partnership);
    actions: total actions (default about 150 per partnership);
    updates: total progress updates (default: about one every four to eight weeks per action).
    """

    partnerships: int = 1
    plans: int | None = None
    actions: int | None = None
    updates: int | None = None

    def __post_init__(self) -> None:
        if self.partnerships < 1:
            raise ValueError("At least one partnership.")
        if self.plans is not None and self.plans < self.partnerships:
            raise ValueError("At least one plan per partnership.")
        if self.actions is not None and self.actions < (self.plans or 3 * self.partnerships):
            raise ValueError("At least one action per plan.")
        if self.updates is not None and self.updates < 0:
            raise ValueError("Updates cannot be negative.")


SIZES: dict[str, DemoSize] = {
    "demo": DemoSize(),
    "small": DemoSize(partnerships=20, plans=100, actions=10_000, updates=200_000),
    "national": DemoSize(partnerships=200, plans=1_000, actions=100_000, updates=2_000_000),
}


@dataclass
class DemoUsers:
    """Logins (made by the load_demo command) used as authors and as the agency lead."""

    manager: Any = None
    contributor: Any = None


@dataclass
class DemoResult:
    partnership: Partnership
    plans: list[Plan]
    contributor_agency: Agency
    contributor_person: Person
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


# --------------------------------------------------------------------------------------------
# Word lists: what safeguarding plans actually say
# --------------------------------------------------------------------------------------------

# fmt: off
FIRST_NAMES = [
    "Aisha", "Alison", "Amir", "Andrew", "Beth", "Carl", "Catherine", "Chloe", "Claire", "Daniel",
    "Deborah", "Emma", "Fiona", "Gareth", "Grace", "Hannah", "Helen", "Imran", "James", "Jane", "Joanne",
    "Karen", "Kate", "Kwame", "Laura", "Lee", "Mandeep", "Mark", "Michelle", "Naomi", "Neil", "Nicola",
    "Paul", "Priya", "Rachel", "Richard", "Sarah", "Simon", "Sophie", "Tom",
]
# fmt: on
# fmt: off
SURNAMES = [
    "Ahmed", "Bennett", "Bradshaw", "Carter", "Chowdhury", "Clarke", "Dawson", "Ellis", "Fenwick",
    "Fletcher", "Gallagher", "Hargreaves", "Holloway", "Hussain", "Jackson", "Kaur", "Lamb", "Lowe",
    "McAllister", "Mensah", "Moss", "Nolan", "Okafor", "Osei", "Patel", "Pickering", "Quinn", "Rahman",
    "Rowe", "Sandhu", "Shepherd", "Singh", "Thornton", "Walsh", "Whitfield", "Wood", "Wright", "Young",
]
# fmt: on

# (name pattern, short name pattern, kind, job titles); {p} is the place.
AGENCY_TEMPLATES: list[tuple[str, str, str, list[str]]] = [
    (
        "{p} County Council – Children's Social Care",
        "{i}CC CSC",
        AgencyKind.COUNCIL,
        [
            "Director of Children's Services",
            "Head of Specialist Services",
            "Service Manager, MASH",
            "Head of Safeguarding and Quality Assurance",
            "Principal Social Worker",
            "Service Manager, Exploitation and Missing",
            "Head of Service, Locality Social Work and Family Assessment",
        ],
    ),
    (
        "{p} County Council – Education and Inclusion",
        "{i}CC Education",
        AgencyKind.SCHOOL,
        [
            "Head of Education Safeguarding",
            "Virtual School Headteacher",
            "Inclusion Manager",
        ],
    ),
    (
        "{p} Police",
        "Police",
        AgencyKind.POLICE,
        [
            "Detective Chief Inspector, Public Protection",
            "Detective Superintendent, Head of Safeguarding",
            "Detective Inspector, Child Exploitation Team",
            "Chief Inspector, Neighbourhood Policing",
        ],
    ),
    (
        "{p} Healthcare NHS Foundation Trust",
        "{i}HFT",
        AgencyKind.NHS,
        [
            "Named Nurse for Safeguarding Children",
            "Named Doctor for Safeguarding Children",
            "CAMHS Head of Service",
            "Head of Nursing, Children and Young People",
        ],
    ),
    (
        "NHS {p} Integrated Care Board",
        "ICB",
        AgencyKind.NHS,
        [
            "Designated Nurse for Safeguarding Children",
            "Designated Doctor for Safeguarding Children",
            "Named GP for Safeguarding",
        ],
    ),
    (
        "{p} schools (Designated Safeguarding Leads' Forum)",
        "Schools",
        AgencyKind.SCHOOL,
        [
            "Designated Safeguarding Lead",
            "Chair, Secondary Headteachers' Forum",
        ],
    ),
    (
        "{p} Youth Justice Service",
        "YJS",
        AgencyKind.YOUTH_JUSTICE,
        [
            "Head of Youth Justice Service",
            "Youth Justice Team Manager",
        ],
    ),
    (
        "Probation Service – {p} Delivery Unit",
        "Probation",
        AgencyKind.PROBATION,
        [
            "Head of Probation Delivery Unit",
            "Senior Probation Officer",
        ],
    ),
    (
        "{p} Voluntary Action",
        "{i}VA",
        AgencyKind.VOLUNTARY,
        [
            "Chief Executive",
            "Young People's Services Manager",
        ],
    ),
    (
        "{p} Safeguarding Children Partnership business unit",
        "{i}SCP",
        AgencyKind.PARTNERSHIP,
        [
            "Partnership Business Manager",
            "Independent Scrutineer",
            "Learning and Development Officer",
            "Quality Assurance Officer",
        ],
    ),
]
POLICE_RANKS = {
    "Detective Chief Inspector": "DCI",
    "Detective Superintendent": "Det Supt",
    "Detective Inspector": "DI",
    "Chief Inspector": "Ch Insp",
}

# fmt: off
PLACES = [
    "Ashford Vale", "Barnmouth", "Bramley", "Calderbrook", "Castlemere", "Chalkdown", "Coldharbour",
    "Dunmere", "Eastwold", "Elmbridge Fen", "Fairhaven", "Fenwick Marsh", "Greystone", "Hartwell",
    "Highcliffe", "Holmsdale", "Kingsmoor", "Langdale", "Lowmoor", "Marlford", "Middlebank", "Netherfield",
    "Northcote", "Oakhampton", "Pendlebury", "Ravensworth", "Redhill Downs", "Riverside", "Rookwood",
    "Saltash Bay", "Sherwood Vale", "Southmere", "Stonebridge", "Thornbury", "Upperdale", "Wendale",
    "Westbrook", "Whitmore", "Wickham", "Windermere Vale",
]
# fmt: on
PLACE_PREFIXES = ["", "North ", "South ", "East ", "West ", "Mid ", "Greater ", "Upper ", "Lower "]

# fmt: off
GROUPS = [
    "Safeguarding Partnership Executive", "JTAI Improvement Board", "Quality Assurance subgroup",
    "Exploitation subgroup", "Learning and Improvement subgroup", "Vulnerability Executive",
]
# fmt: on
# fmt: off
DOCS = [
    "multi-agency protocol", "practice guidance", "escalation policy", "pathway", "screening tool",
    "terms of reference", "practitioner briefing", "audit tool", "performance dashboard",
]
# fmt: on
# fmt: off
CONSTRAINTS = [
    "vacancies in the team", "delays in agreeing the information-sharing agreement",
    "the case management system change has not yet been delivered",
    "limited capacity in the health safeguarding team", "awaiting sign-off by all three statutory partners",
    "low attendance from schools at the training sessions",
    "data from the police system is not yet reliable",
    "the lead officer has left and the post is being recruited to",
]
# fmt: on
# fmt: off
IMPACTS = [
    "strategy meetings for children at risk of exploitation are now held within 24 hours in most cases",
    "practitioners report more confidence in recognising exploitation",
    "the re-audit shows the voice of the child is recorded in most plans",
    "return home interviews are completed within 72 hours for most children",
    "repeat missing episodes for the children in the cohort have reduced",
    "escalations are resolved at the first stage more often",
    "referrals from the emergency departments now include the screening tool",
]
# fmt: on
# fmt: off
RECORDS = [
    "case files", "strategy meeting records", "return home interviews", "safety plans", "MASH decisions",
    "child protection plans", "police vulnerability reports",
]
# fmt: on

# fmt: off
SUBJECTS = [
    "threshold decisions in the MASH", "strategy meetings for children at risk of exploitation",
    "return home interviews", "the child exploitation screening tool", "multi-agency chronologies",
    "the escalation and resolution policy", "information sharing at the front door", "the MACE panel",
    "the daily risk management meeting (DRMM)", "contextual safeguarding assessments",
    "transition planning for 17-year-olds", "initial health assessments for children in care",
    "the voice of the child in police vulnerability reports", "safety plans for children who go missing",
    "the Complex Case Planning Framework", "section 47 enquiries", "child protection conferences",
    "early help assessments", "referrals from emergency departments", "the neglect toolkit",
    "part-time timetables and children missing education", "National Referral Mechanism referrals",
    "disruption activity against adults who exploit children", "the CAMHS crisis pathway",
    "the out-of-hours response to missing children", "exploitation risk assessments",
]
# fmt: on
# fmt: off
ACTION_TEMPLATES = [
    "Audit the quality of {s} and report the findings to the {g}",
    "Review and relaunch {s}, with an escalation route agreed by all partners",
    "Deliver multi-agency training on {s} to frontline practitioners",
    "Strengthen management oversight of {s} through supervision",
    "Develop a performance dashboard for {s}, reported quarterly to the {g}",
    "Agree a multi-agency protocol for {s}",
    "Undertake a deep dive into {s} for children open to the exploitation team",
    "Revise and republish the practice guidance on {s}",
    "Carry out a multi-agency case file audit of {s} and re-audit after six months to evidence impact",
    "Introduce a single agreed template for {s}",
    "Promote the use of {s} across health, schools and early help",
    "Ensure that {s} are reviewed by the {g} every quarter",
]
# fmt: on
# fmt: off
PURPOSES = [
    "", "", " so that children at risk of exploitation are identified earlier",
    " so that decisions are timely and risk is shared",
    " to ensure a consistent response across the partnership",
    " so that the child's lived experience informs the plan",
]
# fmt: on

JTAI_AREAS = [
    (
        "The identification of risk when children go missing from home or care",
        "Risk is not consistently identified when children go missing, and information from return home "
        "interviews is not always used to update plans.",
        "Inspectors found that return home interviews were offered late for some children, and that what "
        "children said was not routinely shared with the police or used in safety planning.",
    ),
    (
        "The quality and timeliness of strategy meetings",
        "Strategy meetings are not always held promptly and do not always include health and education.",
        "In a small number of cases, strategy meetings were delayed for several days and health "
        "professionals were not invited, so decisions were made without their information.",
    ),
    (
        "Information sharing between the MASH and health partners",
        "Health partners do not always receive the outcome of MASH enquiries.",
        "Inspectors saw referrals from health that were not acknowledged, and GPs were not told the outcome.",
    ),
    (
        "Professional curiosity about children's lived experience",
        "Practitioners do not consistently explore what life is like for the child.",
        "Records focused on incidents rather than on the child's experience; the voice of the child was "
        "absent from several plans seen by inspectors.",
    ),
    (
        "The understanding of exploitation by emergency department staff",
        "Staff in emergency departments do not always recognise the signs of exploitation.",
        "Children presenting with injuries consistent with exploitation were not screened for risk.",
    ),
    (
        "Management oversight of exploitation cases",
        "Management oversight does not always challenge drift or test the impact of plans.",
        "Supervision records seen by inspectors were often brief and did not set clear actions.",
    ),
    (
        "The use of disruption against adults who exploit children",
        "Disruption tactics are not used consistently across the force area.",
        "Few Child Abduction Warning Notices had been issued, and intelligence was not always developed.",
    ),
    (
        "Transition to adult services for young people at risk",
        "Young people at risk of exploitation are not supported well as they turn 18.",
        "Inspectors found that plans for 17-year-olds did not address continuing risk in adulthood.",
    ),
    (
        "Education oversight of children missing education or on reduced timetables",
        "Schools and the local authority do not always know where children on part-time timetables are.",
        "Some children at risk were on reduced timetables for long periods without review.",
    ),
    (
        "The partnership's understanding of the impact of its work",
        "The partnership's quality assurance does not yet show the difference its work makes for children.",
        "Leaders could describe activity but had limited evidence of impact on children's experiences.",
    ),
]
JTAI_THEMES = ["Multi-agency areas for development", "Children's social care", "Health", "Police"]
# Which theme each of JTAI_AREAS sits under (index into JTAI_THEMES).
JTAI_AREA_THEMES = [0, 0, 0, 1, 2, 1, 3, 0, 0, 0]
# What the actions of each of JTAI_AREAS are mostly about.
# fmt: off
JTAI_AREA_SUBJECTS = [
    ["return home interviews", "safety plans for children who go missing",
     "the out-of-hours response to missing children"],
    ["strategy meetings for children at risk of exploitation", "section 47 enquiries",
     "child protection conferences"],
    ["threshold decisions in the MASH", "information sharing at the front door", "referrals from emergency departments"],
    ["multi-agency chronologies", "contextual safeguarding assessments", "early help assessments"],
    ["the child exploitation screening tool", "referrals from emergency departments", "the CAMHS crisis pathway"],
    ["exploitation risk assessments", "the Complex Case Planning Framework", "the MACE panel"],
    ["disruption activity against adults who exploit children", "National Referral Mechanism referrals",
     "the daily risk management meeting (DRMM)"],
    ["transition planning for 17-year-olds", "the Complex Case Planning Framework", "the CAMHS crisis pathway"],
    ["part-time timetables and children missing education", "early help assessments", "the neglect toolkit"],
    ["the escalation and resolution policy", "the voice of the child in police vulnerability reports",
     "multi-agency chronologies"],
]
# fmt: on
# fmt: off
JTAI_TOPICS = [
    "the multi-agency response to children at risk of criminal exploitation",
    "the multi-agency response to children's mental health", "the multi-agency response to neglect",
    "the multi-agency response to children living with domestic abuse",
    "the multi-agency response to child sexual abuse within the family environment",
]
# fmt: on

SCR_FINDINGS = [
    ("Professionals' understanding of adolescent neglect", "adolescent neglect is recognised early"),
    (
        "Recognition of child sexual exploitation by sexual health services",
        "sexual health services recognise and respond to exploitation",
    ),
    (
        "The use of language that implies children consent to their abuse",
        "professionals do not use language that implies a child consents to abuse",
    ),
    ("Engagement of GPs in safeguarding processes", "GPs are engaged in child protection processes"),
    ("Application of thresholds", "thresholds are understood and applied consistently"),
    ("Escalation when professionals disagree", "professionals escalate when they disagree"),
    ("Information sharing when families move between areas", "records follow children who move"),
    ("Think family: parental mental health and substance misuse", "adult services think family"),
]
# fmt: off
SCR_QUESTIONS = [
    "How will the Board be assured that {x}?",
    "How will the Board establish whether the failure to ensure {x} is a significant issue?",
    "What evidence does the Board have that {x}?",
]
# fmt: on
# fmt: off
SCR_OWNERS = [
    "NL/AC", "JW/AC", "CS/AC", "LSCB Audit Group", "Named GP and Safeguarding Team",
    "Head of Universal Services", "HoN CYP/Named Nurse and Named Doctor for Safeguarding Children",
]
# fmt: on
# fmt: off
SCR_OUTCOMES = [
    "A consistent, appropriate and timely response to exploitation across the whole partnership.",
    "Increased professional awareness and competency, evidenced by records.",
    "Earlier identification of neglect and affirmative action taken to manage risk.",
    "GPs become an integral part of the safeguarding process.",
]
# fmt: on
SCR_CHILDREN = ["Child J", "Child L", "Child R", "Child T", "Child Y", "Julia", "Sam"]

CCE_STRANDS = [
    (
        "PUR",
        "Pursue (prosecuting and disrupting people engaged in crime)",
        "Maximise community safety",
        [
            "Identification of adults who pose a risk to children through the DRMM",
            "Increase the use of Child Abduction Warning Notices",
            "Ongoing thematic review of live CCE cases",
            "Joint disruption operations on county lines routes with British Transport Police",
            "Use of the section 45 defence and NRM referrals in charging decisions",
            "Establishment increase for CCE co-ordinators",
        ],
    ),
    (
        "PRE",
        "Prevent (preventing people from engaging in this activity)",
        "Awareness raising of professionals to improve and increase reporting of CCE",
        [
            "Awareness raising programme with schools, GPs and community safety partnerships",
            "Examination of the link between repeat missing episodes, school exclusion and CCE",
            "Detached youth work in the hotspot locations identified by the data profile",
            "Parent and carer awareness sessions on exploitation",
            "Reachable moments navigators in the emergency department",
        ],
    ),
    (
        "PRO",
        "Protect (protecting people from this activity)",
        "Operational effectiveness of the partnership's response to CCE",
        [
            "Service Manager in post with operational responsibility for CCE, CSE and missing",
            "Development of a CCE pathway to services",
            "Return home interviews within 72 hours for children at risk of exploitation",
            "Safety planning for children placed out of area",
            "Transitional safeguarding for young people aged 18 to 25",
            "Additional phone line for reporting missing children",
        ],
    ),
    (
        "PRP",
        "Prepare (reducing the impact of this activity)",
        "A shared understanding of CCE across partners",
        [
            "Developing a shared data profile across the partnership",
            "Multi-agency training programme for public sector and voluntary sector staff",
            "Partnership communications strategy on exploitation",
            "Refresh the terms of reference of the exploitation hub",
            "Learning from local and national reviews shared through practitioner briefings",
        ],
    ),
]
# fmt: off
DELIVERY_TITLES = [
    "Child Criminal Exploitation Delivery Plan", "Child Exploitation and Missing Delivery Plan",
    "Serious Violence Duty Delivery Plan", "Contextual Safeguarding Delivery Plan",
]
# fmt: on

# RAG schemes as the plans write them: (key, label, colour, definition, is_done).
RAG_SCHEMES: dict[str, list[tuple[str, str, str, str, bool]]] = {
    # Cheshire East style: green means the action is completed.
    PlanKind.JTAI: [
        (
            "red",
            "Red",
            Colour.RED,
            "Not started or significantly off track – exception report to the board",
            False,
        ),
        ("amber", "Amber", Colour.AMBER, "In progress and on track to be delivered within timescale", False),
        ("green", "Green", Colour.GREEN, "Action completed", True),
    ],
    # Thurrock style: green means on track; "Action completed" is a separate state.
    PlanKind.SCR: [
        ("red", "Red", Colour.RED, "Progress not on track – remedial action required", False),
        (
            "amber",
            "Amber",
            Colour.AMBER,
            "Progress will need monitoring to ensure it remains on track",
            False,
        ),
        ("green", "Green", Colour.GREEN, "Progress on track no additional action", False),
        ("complete", "Action completed", Colour.BLUE, "Action completed", True),
    ],
    # BRAG: blue for complete.
    PlanKind.DELIVERY: [
        ("red", "Red", Colour.RED, "Off track – escalate to the Vulnerability Executive", False),
        ("amber", "Amber", Colour.AMBER, "Some slippage – recoverable within the quarter", False),
        ("green", "Green", Colour.GREEN, "On track", False),
        ("blue", "Blue", Colour.BLUE, "Complete – evidence of impact seen by the subgroup", True),
    ],
}
# The generator thinks in four states; each scheme names them differently.
STATE_KEYS: dict[str, dict[str, str]] = {
    PlanKind.JTAI: {"off_track": "red", "at_risk": "amber", "on_track": "amber", "done": "green"},
    PlanKind.SCR: {"off_track": "red", "at_risk": "amber", "on_track": "green", "done": "complete"},
    PlanKind.DELIVERY: {"off_track": "red", "at_risk": "amber", "on_track": "green", "done": "blue"},
}
PLAN_KINDS = [PlanKind.JTAI, PlanKind.SCR, PlanKind.DELIVERY]
# fmt: off
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
# fmt: on


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into integer shares proportional to `weights` that add up exactly."""
    if not weights:
        return []
    weight_sum = sum(weights) or 1.0
    raw = [total * w / weight_sum for w in weights]
    shares = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (shares[i] - raw[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def due_words(day: dt.date, rng: random.Random) -> tuple[str, dt.date | None]:
    """The due date as a plan would write it, and the date a reader would take from it."""
    style = rng.random()
    month = MONTHS[day.month - 1]
    end = month_end(day.year, day.month)
    if style < 0.30:
        return f"{month} {day.year}", end
    if style < 0.45:
        return f"End of {month} {day.year}", end
    if style < 0.60:
        fy = day.year if day.month >= 4 else day.year - 1
        quarter = ((day.month - 4) % 12) // 3 + 1
        last_month = (3 + quarter * 3 - 1) % 12 + 1
        last_year = fy + 1 if quarter == 4 else fy
        return f"Q{quarter} {fy}/{str(fy + 1)[-2:]}", month_end(last_year, last_month)
    if style < 0.75:
        return f"{day.day} {month} {day.year}", day
    if style < 0.82:
        return f"{day:%d/%m/%Y}", day
    if style < 0.88:
        return f"By {month} {day.year} and then quarterly", end
    if style < 0.94:
        season = {
            12: "Winter",
            1: "Winter",
            2: "Winter",
            3: "Spring",
            4: "Spring",
            5: "Spring",
            6: "Summer",
            7: "Summer",
            8: "Summer",
        }.get(day.month, "Autumn")
        return f"{season} {day.year}", None  # a season gives no date a reader can rely on
    return rng.choice(["Ongoing", "In line with the review cycle", "TBC"]), None


def at(day: dt.date, rng: random.Random) -> dt.datetime:
    """A time during the working day on `day`."""
    return dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)), UTC)


def between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


@contextmanager
def given_timestamps() -> Iterator[None]:
    """Let the generator set `created`/`updated` to past dates (auto_now would say "now")."""
    fields = [
        model._meta.get_field(name)
        for model, name in [
            (Partnership, "created"),
            (Plan, "created"),
            (Action, "created"),
            (Action, "updated"),
            (ProgressUpdate, "created"),
            (Evidence, "created"),
        ]
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add  # type: ignore[attr-defined]


class Row:
    """A row to COPY into PostgreSQL: one attribute per column, without a model's `__init__`.

    Building a Django model instance costs more than writing its row; for the millions of
    updates and history rows of a national dataset the generator builds these instead.
    """

    def __init__(self, model: type[models.Model], values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self._model = model


@functools.cache
def column_defaults(model: type[models.Model]) -> tuple[dict[str, Any], tuple[models.Field, ...]]:
    """Fixed defaults, kept once; fields whose default is worked out each time (today's date)."""
    fields = model._meta.concrete_fields
    # `default` is the NOT_PROVIDED class (callable too) when a field has none.
    worked_out = tuple(f for f in fields if f.has_default() and callable(f.default))
    fixed = {f.attname: f.get_default() for f in fields if f not in worked_out}
    return fixed, worked_out


@functools.cache
def use_copy() -> bool:
    """PostgreSQL gets COPY; asked once because `connection.vendor` is slow to ask per row."""
    return connection.vendor == "postgresql"


def make(model: type[models.Model], **values: Any) -> Any:
    """A new row of `model` (by attnames): a Row on PostgreSQL, a model instance elsewhere."""
    if use_copy():
        fixed, worked_out = column_defaults(model)
        row = Row(model, {**fixed, **values})
        for f in worked_out:
            if f.attname not in values:
                setattr(row, f.attname, f.get_default())
        return row
    return model(**values)


def history_rows(
    model: type[models.Model],
    objs: Sequence[Any],
    when: Sequence[dt.datetime],
    kind: str = "+",
    user_ids: Sequence[int | None] | None = None,
) -> list[Any]:
    """Historical rows for objects as they stand now, dated when it happened."""
    historical = historical_model(model)
    names = [f.attname for f in historical.tracked_fields]
    # History keeps a file's name, not the file.
    files = {f.attname for f in model._meta.concrete_fields if isinstance(f, models.FileField)}
    rows = []
    for i, obj in enumerate(objs):
        values = {n: getattr(obj, n) for n in names}
        for n in files:
            if not isinstance(values[n], str | None):
                values[n] = values[n].name or ""
        rows.append(
            make(
                historical,
                **values,
                history_date=when[i],
                history_type=kind,
                history_change_reason=None,
                history_user_id=user_ids[i] if user_ids else None,
            )
        )
    return rows


def insert(objs: Sequence[Any], counts: dict[str, int]) -> list[Any]:
    """Insert objects in batches and give them their primary keys.

    On PostgreSQL this is COPY with keys taken from the table's sequence beforehand: about
    ten times less work than `bulk_create` per row, which is what lets a national-size dataset
    load in minutes. Elsewhere (SQLite in development and tests) it is `bulk_create`.
    """
    if not objs:
        return []
    model = objs[0]._model if isinstance(objs[0], Row) else type(objs[0])
    counts[model._meta.label] = counts.get(model._meta.label, 0) + len(objs)
    if not use_copy():
        return model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
    for start in range(0, len(objs), BATCH_SIZE * 5):
        copy_into(model, objs[start : start + BATCH_SIZE * 5])
    return list(objs)


SIMPLE_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,
    models.ForeignKey,
)


def copy_into(model: type[models.Model], objs: Sequence[Any]) -> None:
    meta = model._meta
    fields = list(meta.concrete_fields)
    pk = meta.pk
    assert pk is not None
    # Values psycopg writes as they are; other fields (files) go through the field's own conversion.
    convert = [None if isinstance(f, SIMPLE_FIELDS) else f for f in fields]
    with connection.cursor() as cursor:
        missing = [obj for obj in objs if getattr(obj, pk.attname) is None]
        if missing:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk.column, len(missing)],
            )
            for obj, (new_id,) in zip(missing, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, new_id)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        attnames = [f.attname for f in fields]
        raw = cursor.cursor  # psycopg's own cursor: Django has no COPY
        with raw.copy(f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objs:
                values = [getattr(obj, name) for name in attnames]
                for i, field_ in enumerate(convert):
                    if field_ is not None:
                        values[i] = field_.get_db_prep_save(values[i], connection)
                copy.write_row(values)
    for obj in objs:
        if isinstance(obj, models.Model):
            obj._state.adding = False
            obj._state.db = connection.alias


# --------------------------------------------------------------------------------------------
# The blueprint of one action before it is saved
# --------------------------------------------------------------------------------------------


@dataclass
class ActionPlan:
    """What the generator decided for one action: its owner, due dates, story of updates."""

    action: Action
    owners: list[Person]
    agencies: list[Agency]
    created_on: dt.date
    original_due: tuple[str, dt.date | None]
    slipped_on: dt.date | None = None
    lead: bool = False  # owned by the person the demo contributor login stands for
    updates: list[tuple[dt.date, str]] = field(default_factory=list)  # (date, state)


@dataclass
class PartnershipContext:
    index: int
    place: str
    initial: str
    slug: str
    partnership: Partnership
    agencies: list[Agency] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    people_by_agency: dict[int, list[Person]] = field(default_factory=dict)


class Generator:
    def __init__(
        self,
        size: DemoSize,
        seed: int,
        today: dt.date,
        users: DemoUsers | None,
        with_update_history: bool = True,
    ) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.today = today
        self.users = users or DemoUsers()
        self.with_update_history = with_update_history
        self.counts: dict[str, int] = {}
        self.historical_m2m = {
            "owners": apps.get_model("plans", "HistoricalAction_owners"),
            "owner_agencies": apps.get_model("plans", "HistoricalAction_owner_agencies"),
        }

    # ---- the whole run ------------------------------------------------------------------------

    def run(self) -> DemoResult:
        size = self.size
        n = size.partnerships
        plans_each = apportion(size.plans, [1] * n) if size.plans is not None else [3] * n
        actions_each: list[int | None] = (
            list(apportion(size.actions, plans_each)) if size.actions is not None else [None] * n
        )
        if size.updates is not None and size.actions is None:
            raise ValueError("Give a number of actions with a number of updates.")
        updates_each: list[int | None] = (
            list(apportion(size.updates, [a or 0 for a in actions_each]))
            if size.updates is not None and size.actions is not None
            else [None] * n
        )
        result: DemoResult | None = None
        started = time.monotonic()
        with given_timestamps():
            for i in range(n):
                with transaction.atomic():
                    built = self.partnership(i, plans_each[i], actions_each[i], updates_each[i])
                if i == 0:
                    result = built
        assert result is not None
        result.counts = dict(self.counts)
        result.seconds = time.monotonic() - started
        return result

    # ---- one partnership ------------------------------------------------------------------------

    def partnership(
        self, index: int, n_plans: int, n_actions: int | None, n_updates: int | None
    ) -> DemoResult:
        rng = self.rng
        if index == 0:
            place, name, slug = "Northshire", DEMO_PARTNERSHIP_NAME, DEMO_PARTNERSHIP_SLUG
        else:
            base = PLACES[(index - 1) % len(PLACES)]
            prefix = PLACE_PREFIXES[((index - 1) // len(PLACES)) % len(PLACE_PREFIXES)]
            round_ = (index - 1) // (len(PLACES) * len(PLACE_PREFIXES))
            place = f"{prefix}{base}" + (f" {round_ + 1}" if round_ else "")
            name = f"{place} Safeguarding Children Partnership"
            slug = f"{SCALE_SLUG_PREFIX}{index:04d}-{slugify(place)}"[:80]
        set_up = self.today - dt.timedelta(days=rng.randint(420, 520))
        partnership = Partnership(name=name, slug=slug, created=at(set_up, rng))
        insert([partnership], self.counts)
        ctx = PartnershipContext(
            index=index, place=place, initial=place[0], slug=slug, partnership=partnership
        )
        self.agencies_and_people(ctx, set_up)

        # Plans: the first three are one of each kind; more cycle through the kinds.
        kinds = [PLAN_KINDS[k % 3] for k in range(n_plans)]
        if n_actions is None:
            sizes = [
                rng.randint(48, 56)
                if k == PlanKind.JTAI
                else rng.randint(40, 50)
                if k == PlanKind.SCR
                else rng.randint(45, 55)
                for k in kinds
            ]
        else:
            sizes = apportion(n_actions, [1] * n_plans)
        plans = []
        for k, kind in enumerate(kinds):
            plans.append(self.plan_row(ctx, kind, k))
        insert(plans, self.counts)
        self.plan_history(plans)
        statuses = self.rag_schemes(plans)

        contributor_agency = next(a for a in ctx.agencies if a.kind == AgencyKind.POLICE)
        contributor_person = next(  # the DI of the child exploitation team
            p for p in ctx.people_by_agency[contributor_agency.pk] if "Child Exploitation" in p.job_title
        )

        blueprints: list[ActionPlan] = []
        for plan, n in zip(plans, sizes, strict=True):
            blueprints.extend(self.plan_actions(ctx, plan, n, contributor_person))
        # The agency lead answers for several actions in every plan (see load_demo's logins).
        self.give_to_lead(blueprints, contributor_person, contributor_agency)

        update_counts: list[int | None]
        if n_updates is None:
            update_counts = [None] * len(blueprints)
        else:
            update_counts = list(apportion(n_updates, [rng.uniform(0.4, 1.6) for _ in blueprints]))
        for bp, count in zip(blueprints, update_counts, strict=True):
            self.story(bp, count)
        self.save_actions(blueprints, statuses)
        self.save_updates(ctx, blueprints, statuses, contributor_person)
        return DemoResult(
            partnership=partnership,
            plans=plans,
            contributor_agency=contributor_agency,
            contributor_person=contributor_person,
        )

    def agencies_and_people(self, ctx: PartnershipContext, set_up: dt.date) -> None:
        rng = self.rng
        for name, short, kind, _titles in AGENCY_TEMPLATES:
            ctx.agencies.append(
                Agency(
                    partnership=ctx.partnership,
                    name=name.format(p=ctx.place),
                    short_name=short.format(i=ctx.initial),
                    kind=kind,
                )
            )
        insert(ctx.agencies, self.counts)
        when = at(set_up, rng)
        insert(history_rows(Agency, ctx.agencies, [when] * len(ctx.agencies)), self.counts)
        domain = f"{slugify(ctx.place)}.example.org"
        for agency, (_n, _s, _k, titles) in zip(ctx.agencies, AGENCY_TEMPLATES, strict=True):
            for title in titles:
                first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
                ctx.people.append(
                    Person(
                        partnership=ctx.partnership,
                        agency=agency,
                        name=f"{first} {last}",
                        job_title=title,
                        email=f"{first}.{last}@{domain}".lower(),
                    )
                )
        insert(ctx.people, self.counts)
        insert(history_rows(Person, ctx.people, [when] * len(ctx.people)), self.counts)
        for person in ctx.people:
            ctx.people_by_agency.setdefault(person.agency_id, []).append(person)  # type: ignore[arg-type]

    def plan_row(self, ctx: PartnershipContext, kind: str, k: int) -> Plan:
        rng = self.rng
        report = self.today - dt.timedelta(days=rng.randint(380, 430))
        rng_round = k // 3
        if kind == PlanKind.JTAI:
            topic = JTAI_TOPICS[(k // 3) % len(JTAI_TOPICS)]
            title = f"Joint targeted area inspection of {topic}: written statement of action"
            source = f"{ctx.slug}-jtai-written-statement-of-action.docx"
        elif kind == PlanKind.SCR:
            child = SCR_CHILDREN[(ctx.index + rng_round) % len(SCR_CHILDREN)]
            title = f"Child Safeguarding Practice Review: {child} – action plan"
            source = f"{ctx.slug}-cspr-{slugify(child)}-action-plan.xlsx"
        else:
            base = DELIVERY_TITLES[rng_round % len(DELIVERY_TITLES)]
            title = f"{base} {report.year}–{report.year + 2}"
            source = f"{ctx.slug}-{slugify(base)}.pdf"
        if rng_round >= len(JTAI_TOPICS):
            title += f" ({rng_round + 1})"
        start = report + dt.timedelta(days=rng.randint(20, 45))
        plan = Plan(
            partnership=ctx.partnership,
            title=title,
            kind=kind,
            source_document=source,
            start=start,
            end=start + dt.timedelta(days=730),
            stage=PlanStage.PUBLISHED,
            report_date=report,
            stale_after_days=None,
            created=at(start - dt.timedelta(days=14), rng),
        )
        return plan

    def plan_history(self, plans: list[Plan]) -> None:
        """Each plan was drafted, agreed a fortnight later, then published."""
        rows = []
        for plan in plans:
            assert plan.start is not None
            for stage, day in [
                (PlanStage.DRAFT, plan.created.date()),
                (PlanStage.AGREED, plan.start),
                (PlanStage.PUBLISHED, plan.start + dt.timedelta(days=10)),
            ]:
                saved_stage = plan.stage
                plan.stage = stage
                rows.extend(
                    history_rows(Plan, [plan], [at(day, self.rng)], "+" if stage == PlanStage.DRAFT else "~")
                )
                plan.stage = saved_stage
        insert(rows, self.counts)

    def rag_schemes(self, plans: list[Plan]) -> dict[int, dict[str, RagStatus]]:
        statuses: list[RagStatus] = []
        for plan in plans:
            for order, (key, label, colour, definition, done) in enumerate(RAG_SCHEMES[plan.kind]):
                statuses.append(
                    RagStatus(
                        plan=plan,
                        key=key,
                        label=label,
                        colour=colour,
                        definition=definition,
                        order=order,
                        is_done=done,
                    )
                )
        insert(statuses, self.counts)
        insert(
            history_rows(RagStatus, statuses, [p.created for p in plans for _ in RAG_SCHEMES[p.kind]]),
            self.counts,
        )
        by_plan: dict[int, dict[str, RagStatus]] = {}
        for status in statuses:
            by_plan.setdefault(status.plan_id, {})[status.key] = status
        return by_plan

    # ---- sections and actions of one plan -----------------------------------------------------

    def sections(self, plan: Plan, rows: list[Section]) -> list[Section]:
        insert(rows, self.counts)
        insert(history_rows(Section, rows, [plan.created] * len(rows)), self.counts)
        return rows

    def plan_actions(self, ctx: PartnershipContext, plan: Plan, n: int, lead: Person) -> list[ActionPlan]:
        if plan.kind == PlanKind.JTAI:
            return self.jtai_actions(ctx, plan, n)
        if plan.kind == PlanKind.SCR:
            return self.scr_actions(ctx, plan, n)
        return self.delivery_actions(ctx, plan, n)

    def jtai_actions(self, ctx: PartnershipContext, plan: Plan, n: int) -> list[ActionPlan]:
        rng = self.rng
        n_areas = max(1, min(round(n / 5), 60))
        per_area = apportion(n, [rng.uniform(0.6, 1.4) for _ in range(n_areas)])
        # Each area belongs under the theme its finding is about; areas are numbered theme by theme.
        templates = sorted(range(n_areas), key=lambda a: (JTAI_AREA_THEMES[a % len(JTAI_AREAS)], a))
        used = sorted({JTAI_AREA_THEMES[a % len(JTAI_AREAS)] for a in templates})
        themes = dict(
            zip(
                used,
                self.sections(
                    plan,
                    [Section(plan=plan, ref="", title=JTAI_THEMES[t], order=i) for i, t in enumerate(used)],
                ),
                strict=True,
            )
        )
        areas = []
        for number, a in enumerate(templates, start=1):
            title, improve, found = JTAI_AREAS[a % len(JTAI_AREAS)]
            areas.append(
                Section(
                    plan=plan,
                    parent=themes[JTAI_AREA_THEMES[a % len(JTAI_AREAS)]],
                    ref=str(number),
                    title=title,
                    what_needs_to_improve=improve,
                    what_inspectors_found=found,
                    order=number,
                )
            )
        self.sections(plan, areas)
        out = []
        for area, a, count in zip(areas, templates, per_area, strict=True):
            for j in range(count):
                text = self.action_text(JTAI_AREA_SUBJECTS[a % len(JTAI_AREAS)])
                out.append(self.blueprint(ctx, plan, area, f"{area.ref}.{j + 1}", text, len(out)))
        return out

    def scr_actions(self, ctx: PartnershipContext, plan: Plan, n: int) -> list[ActionPlan]:
        rng = self.rng
        n_questions = max(1, round(n / 3.5))
        n_findings = max(1, min(math.ceil(n_questions / 2), 200))
        findings = self.sections(
            plan,
            [
                Section(plan=plan, ref=str(f + 1), title=SCR_FINDINGS[f % len(SCR_FINDINGS)][0], order=f)
                for f in range(n_findings)
            ],
        )
        questions = []
        for q in range(n_questions):
            finding = findings[q % n_findings]
            letter = "abcdefghijklmnopqrstuvwxyz"[(q // n_findings) % 26] + (
                "" if q < 26 * n_findings else str(q)
            )
            what = SCR_FINDINGS[(q % n_findings) % len(SCR_FINDINGS)][1]
            questions.append(
                Section(
                    plan=plan,
                    parent=finding,
                    ref=f"{finding.ref}{letter}",
                    # the page shows the ref beside the title: the title does not repeat it
                    title=rng.choice(SCR_QUESTIONS).format(x=what),
                    order=q,
                )
            )
        self.sections(plan, questions)
        per_question = apportion(n, [rng.uniform(0.6, 1.4) for _ in questions])
        out = []
        for question, count in zip(questions, per_question, strict=True):
            for j in range(count):
                bp = self.blueprint(
                    ctx, plan, question, f"{question.ref}.{j + 1}", self.action_text(), len(out), style="scr"
                )
                bp.action.question = question.ref
                bp.action.outcome = rng.choice(SCR_OUTCOMES)
                if rng.random() < 0.3:
                    bp.action.constraints = rng.choice(CONSTRAINTS).capitalize() + "."
                out.append(bp)
        return out

    def delivery_actions(self, ctx: PartnershipContext, plan: Plan, n: int) -> list[ActionPlan]:
        strands = self.sections(
            plan,
            [
                Section(plan=plan, ref=ref, title=title, order=i)
                for i, (ref, title, _o, _t) in enumerate(CCE_STRANDS)
            ],
        )
        per_strand = apportion(n, [1.0, 1.2, 1.4, 1.0])
        out = []
        for strand, (ref, _title, outcome, texts), count in zip(
            strands, CCE_STRANDS, per_strand, strict=True
        ):
            for j in range(count):
                text = texts[j] if j < len(texts) else self.action_text()
                bp = self.blueprint(ctx, plan, strand, f"{ref}-{j + 1}", text, len(out), style="delivery")
                bp.action.outcome = outcome
                out.append(bp)
        return out

    def action_text(self, subjects: Sequence[str] = ()) -> str:
        """An action as plans write them; mostly about `subjects` when the section has a topic."""
        rng = self.rng
        subject = rng.choice(subjects) if subjects and rng.random() < 0.8 else rng.choice(SUBJECTS)
        text = rng.choice(ACTION_TEMPLATES).format(s=subject, g=rng.choice(GROUPS))
        return text + rng.choice(PURPOSES)

    def owner_words(self, ctx: PartnershipContext, owners: list[Person], style: str) -> str:
        rng = self.rng

        def named(p: Person) -> str:
            return f"{p.name}, {p.job_title}"

        if style == "scr" and rng.random() < 0.6:
            return rng.choice(SCR_OWNERS)
        if style == "delivery":
            p = owners[0]
            rank = next((abbr for full, abbr in POLICE_RANKS.items() if p.job_title.startswith(full)), "")
            agency = p.agency.name if p.agency else ctx.place
            return f"{agency} ({rank + ' ' if rank else ''}{p.name})"
        roll = rng.random()
        if roll < 0.15:
            return owners[0].job_title
        if roll < 0.3:
            return named(owners[0])
        return "\n".join(f"{p.agency.short_name if p.agency else ''} – {named(p)}" for p in owners)

    def blueprint(
        self,
        ctx: PartnershipContext,
        plan: Plan,
        section: Section,
        ref: str,
        text: str,
        order: int,
        style: str = "jtai",
    ) -> ActionPlan:
        rng = self.rng
        owners = [rng.choice(ctx.people)]
        if rng.random() < 0.25:
            other = rng.choice(ctx.people)
            if other.pk != owners[0].pk:
                owners.append(other)
        agencies = []
        for p in owners:
            agency = next(a for a in ctx.agencies if a.pk == p.agency_id)
            if agency not in agencies:
                agencies.append(agency)
        assert plan.start is not None
        created_on = plan.start + dt.timedelta(days=rng.randint(0, 10))
        original = due_words(created_on + dt.timedelta(days=rng.randint(60, 540)), rng)
        action = Action(
            plan=plan,
            section=section,
            ref=ref,
            text=text,
            lead_agency=agencies[0],
            owner_text=self.owner_words(ctx, owners, style),
            order=order,
            due_text=original[0],
            due_date=original[1],
        )
        return ActionPlan(
            action=action, owners=owners, agencies=agencies, created_on=created_on, original_due=original
        )

    def give_to_lead(self, blueprints: list[ActionPlan], lead: Person, agency: Agency) -> None:
        """The agency lead owns a handful of actions in each plan (and their agency leads them)."""
        rng = self.rng
        by_plan: dict[int, list[ActionPlan]] = {}
        for bp in blueprints:
            by_plan.setdefault(bp.action.plan_id, []).append(bp)  # type: ignore[arg-type]
        for items in by_plan.values():
            for bp in rng.sample(items, k=min(len(items), 3)):
                bp.owners = [lead] + [p for p in bp.owners if p.pk != lead.pk]
                bp.agencies = [agency] + [a for a in bp.agencies if a.pk != agency.pk]
                bp.action.lead_agency = agency
                bp.action.owner_text = f"{agency.short_name} – {lead.name}, {lead.job_title}"
                bp.lead = True

    # ---- the story of one action: due dates, slippage and dated updates ---------------------

    def story(self, bp: ActionPlan, count: int | None) -> None:
        rng, today = self.rng, self.today
        window_start = max(bp.created_on + dt.timedelta(days=7), today - dt.timedelta(days=365))
        roll = rng.random()
        fate = (
            "done"
            if roll < 0.30
            else "on_track"
            if roll < 0.60
            else "at_risk"
            if roll < 0.80
            else "off_track"
            if roll < 0.93
            else "silent"
        )
        if count == 0 or (fate == "silent" and count is None):
            bp.updates = []
            fate = "silent"
        elif fate == "silent":
            fate = "at_risk"
        lead = bp.lead
        if lead and fate == "done" and rng.random() < 0.5:
            fate = "at_risk"  # the agency lead has work to do
        # Slippage: some due dates that have passed (or are near) were moved later.
        due = bp.original_due[1]
        if due and fate != "done" and due < today + dt.timedelta(days=30) and rng.random() < 0.45:
            slip_day = between(
                rng,
                max(bp.created_on + dt.timedelta(days=20), due - dt.timedelta(days=30)),
                min(today - dt.timedelta(days=1), due + dt.timedelta(days=45)),
            )
            new_due = max(due, slip_day) + dt.timedelta(days=rng.randint(60, 200))
            if fate == "off_track" and rng.random() < 0.5:
                new_due = min(new_due, today - dt.timedelta(days=rng.randint(5, 40)))
                new_due = max(new_due, slip_day + dt.timedelta(days=14))
            text, date = due_words(new_due, rng)
            if date is not None:
                bp.slipped_on = slip_day
                bp.action.due_text, bp.action.due_date = f"{text} (revised from {bp.original_due[0]})", date
        if fate == "silent":
            return
        # When updates stop: at completion, recently, or long ago for an action needing an update.
        if fate == "done":
            end = between(rng, min(window_start + dt.timedelta(days=30), today), today - dt.timedelta(days=3))
        elif rng.random() < (0.45 if lead else 0.15):
            end = today - dt.timedelta(days=rng.randint(60, 120))
        else:
            end = today - dt.timedelta(days=rng.randint(0, 30))
        end = max(end, window_start)
        if count is None:
            span = (end - window_start).days
            count = max(1, min(12, round(span / rng.randint(35, 70)) + 1))
        days = sorted(between(rng, window_start, end) for _ in range(count - 1))
        days.append(end)
        states = []
        state = "on_track" if rng.random() < 0.7 else "at_risk"
        for i in range(count):
            if i == count - 1:
                state = fate
            elif rng.random() < 0.3:
                state = rng.choice(["on_track", "on_track", "at_risk", "off_track"])
            states.append(state)
        bp.updates = list(zip(days, states, strict=True))

    # ---- saving -------------------------------------------------------------------------------

    def save_actions(self, blueprints: list[ActionPlan], statuses: dict[int, dict[str, RagStatus]]) -> None:
        rng = self.rng
        actions = []
        for bp in blueprints:
            a = bp.action
            keys = STATE_KEYS[a.plan.kind]
            last = bp.updates[-1] if bp.updates else None
            a.status = statuses[a.plan_id][keys[last[1]]] if last else None  # type: ignore[index]
            a.last_update_on = last[0] if last else None
            a.version = 2 if bp.slipped_on else 1
            a.created = at(bp.created_on, rng)
            a.updated = at(bp.slipped_on, rng) if bp.slipped_on else a.created
            actions.append(a)
        for start in range(0, len(actions), BATCH_SIZE):
            insert(actions[start : start + BATCH_SIZE], self.counts)
        # Who owns what, and its history.
        through_owners = Action.owners.through
        through_agencies = Action.owner_agencies.through
        owner_links = insert(
            [
                make(through_owners, action_id=bp.action.pk, person_id=p.pk)
                for bp in blueprints
                for p in bp.owners
            ],
            self.counts,
        )
        agency_links = insert(
            [
                make(through_agencies, action_id=bp.action.pk, agency_id=g.pk)
                for bp in blueprints
                for g in bp.agencies
            ],
            self.counts,
        )
        links_of: dict[int, tuple[list[Any], list[Any]]] = {bp.action.pk: ([], []) for bp in blueprints}
        for link in owner_links:
            links_of[link.action_id][0].append(link)
        for link in agency_links:
            links_of[link.action_id][1].append(link)
        # History: "+" as the plan wrote it; "~" on the day the due date moved.
        created_rows, created_for, changed_rows, changed_for = [], [], [], []
        for bp in blueprints:
            a = bp.action
            now = (a.due_text, a.due_date, a.status_id, a.last_update_on, a.version)
            a.due_text, a.due_date = bp.original_due
            a.status, a.last_update_on, a.version = None, None, 1
            created_rows.extend(history_rows(Action, [a], [a.created]))
            created_for.append(bp)
            if bp.slipped_on:
                a.due_text, a.due_date, a.version = now[0], now[1], 2
                before = [u for u in bp.updates if u[0] <= bp.slipped_on]
                if before:
                    a.status = statuses[a.plan_id][STATE_KEYS[a.plan.kind][before[-1][1]]]
                    a.last_update_on = before[-1][0]
                changed_rows.extend(history_rows(Action, [a], [a.updated], "~"))
                changed_for.append(bp)
            a.due_text, a.due_date, a.status_id, a.last_update_on, a.version = now
        insert(created_rows + changed_rows, self.counts)
        m2m_owner, m2m_agency = self.historical_m2m["owners"], self.historical_m2m["owner_agencies"]
        owner_rows, agency_rows = [], []
        for row, bp in zip(created_rows + changed_rows, created_for + changed_for, strict=True):
            owners, agencies = links_of[bp.action.pk]
            owner_rows.extend(
                make(
                    m2m_owner,
                    history_id=row.history_id,
                    id=k.id,
                    action_id=k.action_id,
                    person_id=k.person_id,
                )
                for k in owners
            )
            agency_rows.extend(
                make(
                    m2m_agency,
                    history_id=row.history_id,
                    id=k.id,
                    action_id=k.action_id,
                    agency_id=k.agency_id,
                )
                for k in agencies
            )
        insert(owner_rows, self.counts)
        insert(agency_rows, self.counts)

    def narrative(self, state: str, day: dt.date) -> tuple[str, str]:
        rng = self.rng
        group, doc = rng.choice(GROUPS), rng.choice(DOCS)
        when = f"{day.day} {MONTHS[day.month - 1]}"
        if state == "done":
            text = (
                f"Action completed: the {doc} is agreed and in use. Impact: {rng.choice(IMPACTS)}. "
                f"Monitoring moves to business as usual through the {group}."
            )
            return text, ""
        if state == "off_track":
            text = (
                f"Not on track: {rng.choice(CONSTRAINTS)}. Escalated to the {group} on {when}; "
                "a recovery plan with a revised timescale will come to the next meeting."
            )
            return text, f"Recovery plan to the {group}."
        if state == "at_risk":
            text = (
                f"Progress slower than planned: {rng.choice(CONSTRAINTS)}. Draft {doc} circulated "
                f"to partners for comment on {when}."
            )
            return text, f"Agree the {doc} at the next {group}."
        pct = rng.randint(55, 95)
        roll = rng.random()
        if roll < 0.33:
            text = (
                f"Audit of {rng.randint(10, 40)} {rng.choice(RECORDS)} completed in {MONTHS[day.month - 1]}: "
                f"{pct}% met the expected standard (previously {max(20, pct - rng.randint(5, 30))}%). "
                f"Findings presented to the {group}."
            )
        elif roll < 0.66:
            text = (
                f"Training delivered to {rng.randint(20, 240)} practitioners across social care, health, "
                f"police and schools; {pct}% of those evaluated report more confidence."
            )
        else:
            text = f"Task and finish group met on {when}; the {doc} is being tested with two locality teams."
        return text, rng.choice(["Re-audit in six months to evidence impact.", f"Report to the {group}.", ""])

    def save_updates(
        self,
        ctx: PartnershipContext,
        blueprints: list[ActionPlan],
        statuses: dict[int, dict[str, RagStatus]],
        lead: Person,
    ) -> None:
        rng = self.rng
        manager_id = getattr(self.users.manager, "pk", None) if ctx.index == 0 else None
        contributor_id = getattr(self.users.contributor, "pk", None) if ctx.index == 0 else None
        batch: list[Any] = []  # progress updates
        authors: list[int | None] = []

        def flush() -> None:
            insert(batch, self.counts)
            if self.with_update_history:
                insert(
                    history_rows(ProgressUpdate, batch, [u.created for u in batch], user_ids=authors),
                    self.counts,
                )
            evidence = []
            for update in batch:
                if rng.random() < 0.12:
                    day = update.date
                    title = rng.choice(
                        [
                            f"Audit report {MONTHS[day.month - 1]} {day.year}",
                            f"Minutes of the {rng.choice(GROUPS)}, {day:%d/%m/%Y}",
                            "Training evaluation summary",
                            f"Revised {rng.choice(DOCS)}",
                        ]
                    )
                    evidence.append(
                        make(
                            Evidence,
                            update_id=update.id,
                            file="",
                            title=title,
                            created=update.created,
                            link=f"https://{ctx.slug}.example.org/documents/{slugify(title)}.pdf",
                        )
                    )
            insert(evidence, self.counts)
            if self.with_update_history:
                insert(history_rows(Evidence, evidence, [e.created for e in evidence]), self.counts)
            batch.clear()
            authors.clear()

        for bp in blueprints:
            a = bp.action
            keys = STATE_KEYS[a.plan.kind]
            owned = lead in bp.owners
            previous = None
            for day, state in bp.updates:
                narrative, next_steps = self.narrative(state, day)
                created = at(day, rng)
                if previous is not None and created <= previous:
                    # Two updates on one day: the later in the story is recorded later.
                    created = previous + dt.timedelta(minutes=rng.randint(1, 30))
                previous = created
                author = contributor_id if owned else manager_id
                batch.append(
                    make(
                        ProgressUpdate,
                        action_id=a.pk,
                        date=day,
                        author_id=author,
                        narrative=narrative,
                        next_steps=next_steps,
                        status_id=statuses[a.plan_id][keys[state]].pk,
                        created=created,
                    )
                )
                authors.append(author)
                if len(batch) >= BATCH_SIZE:
                    flush()
        flush()


def build_demo(
    size: DemoSize | str | None = None,
    seed: int = 2024,
    today: dt.date | None = None,
    users: DemoUsers | None = None,
    with_update_history: bool = True,
) -> DemoResult:
    """Build the demo partnership (and, for a bigger size, the other partnerships).

    Returns the Northshire partnership, its plans, the agency and person the demo contributor
    login stands for, the number of rows written per model and the seconds it took.
    """
    if isinstance(size, str):
        size = SIZES[size]
    size = size or DemoSize()
    today = today or timezone.localdate()
    if Partnership.objects.filter(slug=DEMO_PARTNERSHIP_SLUG).exists():
        raise ValueError(f"{DEMO_PARTNERSHIP_NAME} already exists.")
    return Generator(size, seed, today, users, with_update_history).run()


def demo_partnership() -> Partnership | None:
    return Partnership.objects.filter(slug=DEMO_PARTNERSHIP_SLUG).first()


def delete_demo() -> int:
    """Delete the demo partnership and any scale partnerships (for `load_demo --replace`).

    Other apps' demo data may hold on to them with protected foreign keys (a scorecard's
    sources, say): those rows go first, whatever app they belong to.
    """
    partnerships = Partnership.objects.filter(
        models.Q(slug=DEMO_PARTNERSHIP_SLUG) | models.Q(slug__startswith=SCALE_SLUG_PREFIX)
    )
    # Updates first: their status is protected, and the cascade from the partnership may reach
    # the RAG statuses before the updates that use them.
    ProgressUpdate.objects.filter(action__plan__partnership__in=partnerships).delete()
    for _ in range(10):
        try:
            with transaction.atomic():
                deleted, _ = partnerships.delete()
            return deleted
        except (ProtectedError, RestrictedError) as exc:
            blocking = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
            by_model: dict[type[models.Model], list[Any]] = {}
            for obj in blocking:
                by_model.setdefault(type(obj), []).append(obj.pk)
            for model, pks in by_model.items():
                model._default_manager.filter(pk__in=pks).delete()
    raise RuntimeError("Could not delete the demo partnerships: other data keeps holding on to them.")
