"""The one table of column-header synonyms. A new plan layout should need a new row here, not code."""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import clean_text

# field -> header texts that name it (lower case; a header cell matches when it equals one of these
# or starts with one followed by a non-letter, e.g. "Action What we will do" -> action).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "ref.", "rec", "rec.", "ref no", "ref no.", "reference", "no", "no.", "number", "#", "action ref",
            "action no", "action no.", "action number", "action id", "action ref no", "id", "item",
            "action reference", "action reference number", "reference number", "ref number"),
    "text": ("action", "actions", "action(s)", "what we will do", "action required", "actions required",
             "actions to be taken", "action to be taken", "specific actions", "task", "tasks", "activity",
             "activities", "what will be done", "action/task", "agreed action", "agreed actions",
             "actions agreed", "key actions", "improvement action", "improvement actions", "action plan",
             "key task", "key tasks", "smart action", "smart actions",
             # a review of last year's plan: what was promised, what was done, what difference it made
             "what we said we would do", "what we said we'd do", "what we said", "our commitment",
             "our commitments", "commitment", "commitments",
             # one column whose cells open with the action's reference ('R1.1 Refresh the ...')
             "ref / action", "ref/action", "ref. / action", "ref & action", "ref and action", "no / action",
             "no. / action", "reference / action", "reference and action", "ref / actions", "ref/actions"),
    "section": ("strand", "strands", "4p strand", "4 p strand", "4ps strand", "4p", "4 ps", "area", "areas", "area for development", "areas for development",
                "area for improvement", "areas for improvement", "priority", "priority area", "priorities",
                "finding", "findings", "theme", "workstream", "work stream", "objective", "objectives",
                "recommendation", "recommendations", "issue", "what needs to improve", "key line of enquiry",
                "what ofsted said we need to improve", "what ofsted said", "what inspectors said",
                "what we need to improve", "what inspectors said we need to improve",
                "rec no", "rec no.", "strategic priority", "strategic priorities", "strategy priority",
                "strategy priorities", "key finding", "key findings",
                "review finding", "learning point", "learning points", "audit finding", "audit findings",
                "inspection finding", "inspection findings", "developmental objective",
                "developmental objectives", "development objective", "development objectives",
                "strategic objective", "strategic objectives", "key objective", "key objectives",
                "overarching objective", "priority objective", "priority objectives", "outcome area",
                "outcome areas"),
    "question": ("question", "questions", "question to the board", "questions to the board"),
    # a tool's export of a tree of items: what each row is ('Priority', 'Objective', 'Action') and
    # the item it sits under, by that item's ID
    # (a RAID log's kind of entry too: Risk, Assumption, Issue, Dependency, Decision, Action)
    "kind": ("type", "item type", "row type", "record type", "work item type", "issue type", "raid type", "log type",
             "entry type", "raid category"),
    "parent": ("parent id", "parent", "parent ref", "parent reference", "parent item", "parent item id"),
    "owner": ("owner", "owners", "action owner", "action owner(s)", "lead", "leads", "lead/s", "lead(s)",
              "lead person", "lead officer", "action lead", "responsible", "responsible officer",
              "responsible person", "responsibility", "who", "by whom", "accountable", "lead professional",
              "named lead", "assigned to", "workstream lead", "work stream lead", "strand lead", "priority lead",
              "theme lead", "lead agency and officer", "lead agency and lead officer", "lead agency/officer",
              "lead agency / officer", "lead officer and agency", "agency and lead officer",
              "agency and officer", "lead agency and person", "lead agency and named lead", "agency and lead",
              "agency / lead", "agency/lead", "lead and agency", "agency and owner", "agency/owner",
              "organisation and lead", "organisation and lead officer", "agency and responsible officer"),
    "due": ("due", "due by", "due date", "completion date", "target date", "target", "deadline", "timescale",
            "timescales", "by when", "when", "date", "date due", "target completion date", "completion by",
            "timeframe", "time frame", "milestone", "milestones", "original target date", "revised target date",
            "revised date", "revised timescale", "revised deadline", "end date", "dates", "key dates",
            "original date", "original deadline", "original timescale", "original due date",
            "original completion date", "revised completion date", "revised due date", "revised target",
            "revised due", "revised by",
            "original target", "new target date", "new date",
            "quarter due", "due quarter", "target quarter", "month due", "due month", "target month"),
    # when the progress was last updated: not the due date
    "updated": ("date of update", "update date", "date updated", "last updated", "date of last update",
                "date of latest update", "updated on", "last update date", "date last updated",
                "date last reviewed", "last reviewed", "date of last review", "commentary date",
                "date of commentary", "comment date", "date of comment"),
    # when the work starts: not the due date ('Start date', or 'Start' under 'Timescale')
    "start": ("start", "start date", "date started", "planned start", "planned start date", "commencement date"),
    # when the action was finished (not when it is due): a date here says it is complete
    "completed": ("date completed", "completed on", "completed at", "date closed", "closed on", "date of completion",
                  "actual completion date", "date actioned", "completed date", "date achieved", "date signed off"),
    "due_or_evidence": ("target date/evidence", "target date / evidence", "timescale/evidence",
                        "date/evidence", "target date and evidence"),
    "rag": ("rag", "rag status", "status", "rag rating", "rating", "brag", "brag status", "current rag",
            "rag rating/status", "progress rag", "current status", "current rag status", "overall rag",
            "overall status", "brag rating", "delivery status", "quarterly rag", "quarterly rag rating",
            "quarterly rag status", "quarterly status", "rag by quarter", "monthly rag", "monthly rag rating",
            # a score a key defines ('Confidence (1–5)': 5 delivered, 4 on track ...)
            "confidence", "delivery confidence", "confidence score", "delivery confidence score"),
    "progress": ("progress", "progress update", "progress to date", "progress and impact to date", "update",
                 "updates", "latest update", "latest progress", "latest progress update", "comments", "commentary", "evidence", "evidence of impact",
                 "latest commentary", "latest comment", "latest comments", "where are we now", "where we are now",
                 "what we did", "what we have done", "what has been done", "what's been done",
                 "last update text", "latest update text", "update text", "progress text",
                 "closure evidence", "closing evidence", "evidence of closure",
                 "evidence of progress", "progress/evidence", "narrative", "impact to date", "progress notes",
                 "progress update and evidence of impact", "progress and evidence of impact",
                 "progress update and impact", "progress and impact",
                 "evidence of progress / impact", "evidence of progress/impact", "evidence of progress and impact"),
    "outcome": ("outcome", "outcomes", "outcome sought", "desired outcome", "desired outcomes",
                "expected outcome", "intended outcome", "success measure", "success measures",
                "measure of success", "measures of success", "how will we know", "impact", "success criteria",
                "what will success look like", "what success will look like", "what success looks like", "how will we measure impact", "how will we measure success",
                "how we will know", "how we will measure success", "how we will measure impact",
                "how we will know it has worked", "how will we know it has worked",
                "how we will know it is working", "how will we know it is working",
                "how will we know it has made a difference", "how we will know it has made a difference",
                "what difference will it make", "what difference will this make", "what will be different",
                "what difference it made", "what difference has it made", "what difference did it make",
                "difference made",
                "impact measure", "impact measures", "measure of impact", "outcome measure", "outcome measures",
                "outcome measurement", "output/outcome", "output/outcome measurement", "outputs/outcomes",
                "outputs and outcomes", "expected outcomes"),
    "agency": ("agency", "agencies", "organisation", "organization", "partner", "partner agency",
               "lead agency", "service area", "responsible agency", "responsible agencies",
               "responsible organisation", "lead organisation", "owner agency", "owning agency",
               "action owner agency", "owner organisation", "lead partner"),
    "constraints": ("constraints", "constraints/problems", "constraints / problems", "risks", "barriers",
                    "risks/issues", "risks and issues", "problems"),
    "response": ("response", "agency response", "board response", "responses"),
}  # fmt: skip

# header cells that open with a column's name but name another thing ('Action type' is a kind of
# action, a drop-down list's column, not the action's text): no column of a plan
NOT_HEADERS: frozenset[str] = frozenset({
    "action type", "type of action", "action category", "action types", "date approved", "date of change",
    "date of approval", "date issued", "date changed",
    # when a log's entry was made, not when it is due
    "date raised", "date logged", "date opened", "date identified", "date created", "date added",
    "date entered", "raised on", "logged on", "opened on",
})  # fmt: skip

# header cells of the tables a plan document carries beside the plan, and that no plan table has: a
# version or change log, an approval or distribution list, a glossary, a contents table, a risk
# register, a table of measures, an equality impact table, the board's reporting arrangements
FURNITURE_HEADERS: frozenset[str] = frozenset({
    "version", "version no", "version number", "author", "changes", "change made", "changes made",
    "summary of changes", "change", "approved by", "signature", "signed", "distribution", "circulation",
    "acronym", "acronyms", "abbreviation", "abbreviations", "term", "meaning", "definition", "page",
    "page no", "page number", "likelihood", "probability", "risk score", "risk rating", "residual risk",
    "baseline", "protected characteristic", "protected characteristics", "equality group", "chair",
    "chaired by", "frequency", "how often", "reports to", "reporting to", "membership", "meeting",
})  # fmt: skip


def marks_furniture(cell: str) -> bool:
    """A header cell that names a column of a table beside the plan, not of the plan
    ('Likelihood', 'Protected characteristic', 'Version', 'Reports to')."""
    return normalise_header(cell) in FURNITURE_HEADERS


# labels of two-cell rows that describe the current section rather than an action
SECTION_TEXT_LABELS: dict[str, tuple[str, ...]] = {
    "what_needs_to_improve": ("what needs to improve", "priority action", "area for priority action",
                              "area for improvement", "recommendation"),
    "what_inspectors_found": ("what inspectors found", "inspection finding", "inspection findings",
                              "what the inspectors found", "findings"),
}  # fmt: skip

# a header cell spread over sub-columns named in the row below it ('Timescale' over 'Start' | 'End',
# 'Lead' over 'Agency' | 'Officer', 'Progress' over 'Update' | 'RAG'): parent's field -> field -> the
# sub-labels that mean that field under such a parent. A sub-column is read first by its combined label
# ('Lead Agency', 'Progress RAG' above), then by this table, then by its own label ('RAG'), else it is
# another column of its parent's field (both of 'Original' | 'Revised' under 'Target date').
SUB_HEADER_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "text": {"text": ("what", "description", "detail", "details", "task", "activity")},
    "due": {"start": ("start", "from", "begin", "begins", "started", "commenced", "planned start"),
            "due": ("end", "to", "finish", "by", "target", "completion", "completed by", "deadline", "due",
                    "revised", "end date", "finish date")},
    "owner": {"owner": ("officer", "name", "named", "person", "individual", "post", "post holder", "job title",
                        "role", "contact", "named lead", "lead"),
              "agency": ("agency", "organisation", "organization", "service", "partner", "team")},
    "progress": {"progress": ("update", "updates", "narrative", "comment", "comments", "commentary", "detail",
                              "evidence", "latest"),
                 "rag": ("rag", "status", "rating", "brag", "colour")},
    "rag": {"rag": ("current", "now", "latest", "this month", "this quarter"),
            "previous_rag": ("previous", "last", "was", "last month", "last quarter", "last update")},
}  # fmt: skip


# words that label a numbered section heading or grouping cell: 'Finding 3. Strategy discussions',
# 'Area for priority action 1: ...', 'Theme 2 – Quality of practice', 'Rec 4 – ...'
SECTION_LABELS: tuple[str, ...] = (
    "finding", "key finding", "review finding", "area", "area for development", "area for improvement",
    "area for priority action", "priority action", "priority", "strategic priority", "section",
    "recommendation", "rec", "theme", "chapter", "part", "objective", "learning point", "workstream",
    "key learning point", "key line of enquiry", "line of enquiry", "kloe", "learning theme",
    # SEND written statements of action, section 11 audits, delivery plans
    "area of weakness", "area of significant weakness", "area of concern", "standard", "strand",
    "key priority", "priority area", "improvement area", "outcome",
    # their abbreviations, written with the area's number ('AFI 1 - The quality of ...')
    "afi", "afd",
)  # fmt: skip


def section_label_pattern() -> str:
    """A regular expression alternation of the section labels, longest first (so 'area for
    development' wins over 'area'), perhaps after the body that made them ('Ofsted recommendation 1',
    'JTAI area for improvement 2', 'Panel recommendation 3')."""
    labels = "|".join(
        _STATUTE_SECTION if x == "section" else re.escape(x).replace(r"\ ", r"\s+")
        for x in sorted(SECTION_LABELS, key=len, reverse=True)
    )
    return rf"(?:{_SECTION_AUTHORS}\s+)?(?:{labels})"


# who made a recommendation or found an area, named before its label
_SECTION_AUTHORS = (
    r"(?:ofsted|jtai|ilacs|cqc|hmicfrs|hmip|inspection|inspectors'?|review|reviewer'?s?|panel|board|"
    r"national\s+panel|lcspr|cspr|scr|partnership)"
)


# a heading that is only a label and its number ('Recommendation 1', 'Learning point 2:', 'Priority
# no. 3'): its title is the paragraph below it (compiled on first use, once the labels are known)
@lru_cache(maxsize=1)
def label_alone() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{section_label_pattern()})\s+(?:no\.?\s*)?(\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}[a-z]?)\s*[.:)\-–—]?$",
        re.I,
    )


# a heading naming its code after its number: 'Priority 5 (P5): An effective partnership' (the code
# and the title in groups 1 and 2)
@lru_cache(maxsize=1)
def label_with_code() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{section_label_pattern()})\s+\d{{1,2}}\s*\(([A-Z]{{1,3}}\d{{1,2}})\)\s*[.:)\-–—]?\s*(\S.*)$",
        re.I,
    )


# 'Section 11 (Children Act 2004) ...', 'Section 47 enquiries', 'Section 175/157 audit' name a section of
# an Act, not a section of the plan: 'Section' is a plan's label only with a mark after its number
# ('Section 3: Early help', 'Section 2 – Neglect')
_STATUTE_SECTION = r"section(?!\s+\d{1,3}[a-z]?\s*(?:\(|/|[a-z]))"


def could_be_header_word(word: str) -> bool:
    """Whether a word could be part of a column's name (a quick test before the look-ups)."""
    return normalise_header(word) in _HEADER_WORDS or any(c.isdigit() for c in word)


# synonym -> field, and the same with spaces removed (for 'RA G', 'Lead/ s': letters split by the extraction)
_BY_SYNONYM: dict[str, str] = {syn: field for field, syns in HEADER_SYNONYMS.items() for syn in syns}
# names that are a column's only as the whole cell: 'Section' heads a column of sections (this
# service's own export), but 'Section 11 (Children Act 2004) assurance' is a heading, not a header
_WHOLE_CELL_ONLY: dict[str, str] = {"section": "section", "sections": "section"}
_BY_SQUEEZED: dict[str, str] = {}
for _syn, _field in sorted(_BY_SYNONYM.items(), key=lambda item: -len(item[0])):
    _BY_SQUEEZED.setdefault(_syn.replace(" ", ""), _field)
_LONGEST = max(len(syn) for syn in _BY_SYNONYM)
_HEADER_WORDS = frozenset(word for syn in _BY_SYNONYM for word in syn.split()) | {
    "(",
    ")",
    "-",
    "–",
    "/",
    "as",
    "at",
    "of",
}
_BY_SUB_LABEL: dict[tuple[str, str], str] = {
    (parent, label): field
    for parent, meanings in SUB_HEADER_SYNONYMS.items()
    for field, labels in meanings.items()
    for label in labels
}


# letters spelled out with slashes or stops ('R/A/G', 'B/R/A/G', 'R.A.G.'): the word they spell
_SPELLED = re.compile(r"(?<![\w/.])((?:[a-z][/.]){2,}[a-z]?\.?)(?![\w/])")
# a header naming the inspection or review the column comes from ('Ofsted area for improvement',
# 'JTAI recommendation'): the rest names the column
_CUSTOM_FIELD = re.compile(r"^custom field \((.+)\)$")
# a column named as a database names it: capitals and digits joined by underscores
_CODED_HEADER = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
# the abbreviations such names are made of, spelt out
_CODE_WORDS = {
    "act": "action", "desc": "description", "resp": "responsible", "off": "officer", "offr": "officer",
    "ofcr": "officer", "org": "organisation", "cd": "code", "tgt": "target", "dt": "date", "rev": "revised",
    "stat": "status", "pct": "percent", "cmp": "complete", "lst": "last", "upd": "update", "txt": "text",
    "nm": "name", "crt": "created", "ownr": "owner", "cmt": "comment", "comm": "comment", "prog": "progress",
    "sect": "section", "rec": "recommendation",
}  # fmt: skip
_SOURCE_NAME = re.compile(r"^(?:ofsted|jtai|cqc|hmicfrs|hmi|inspection|inspectors'?|(?:l?cspr|scr))\s+(?=\S)")


def normalise_header(text: str) -> str:
    text = clean_text(text).lower().replace("’", "'").strip(" :*")  # clean_text collapsed the spaces
    if "/" in text or "." in text:
        text = _SPELLED.sub(lambda m: re.sub(r"[/.]", "", m[1]), text)
    return text


@lru_cache(maxsize=65536)
def names_evidence(cell: str) -> bool:
    """A progress column named for its evidence ('Evidence', 'Evidence of impact'): beside another
    progress column, its words are the evidence the update cites."""
    return normalise_header(cell).startswith("evidence") and header_field(cell) == "progress"


# Tools' own exports name their columns the same way every time: where a header holds all of an
# export's telling names, its columns mean what that tool means by them (None: the tool's own
# bookkeeping, no column of a plan). Microsoft Planner's "Export plan to Excel" lists tasks with a
# Bucket (the plan's priority), a Progress that is a status, and Labels that may carry the RAG
# colour; a SharePoint list exported to Excel gives each item's Title and the list's metadata.
EXPORTS: tuple[tuple[frozenset[str], dict[str, str | None]], ...] = (
    (
        # Planner premium / Project for the web: the outline number is the reference (summary tasks
        # are the areas and objectives the tasks sit in), Finish the due date, a label the RAG,
        # '% complete' says done at 100%, Notes hold the dated updates; the Bucket is a team
        frozenset({"task number", "outline number", "name", "% complete"}),
        {"task number": None, "outline number": "ref", "name": "text", "assigned to": "owner", "start": None,
         "finish": "due", "duration": None, "% complete": "completed", "bucket": None, "labels": "rag",
         "priority": None, "dependent on": None, "checklist": None, "notes": "progress", "effort": None,
         "effort completed": None, "effort remaining": None, "sprint": None},
    ),
    (
        # ClickUp's "Export view" CSV: a task's name, its list (the plan's area), its Parent ID (a
        # subtask); dates both as numbers and as text ('Friday, March 28th 2025'); the workflow Status
        # says 'complete'; custom fields named with their type ('RAG (drop down)'); comments as JSON
        frozenset({"task id", "task name", "list name", "folder name", "space name"}),
        {"task id": "id", "task name": "text", "task content": None, "status": "completed",
         "date created": None, "date created text": None, "due date": None, "due date text": "due",
         "start date": None, "start date text": None, "parent id": "parent", "attachments": None,
         "assignees": "owner", "tags": None, "priority": None, "list name": "section", "folder name": None,
         "space name": None, "time estimated": None, "time estimated text": None, "checklists": None,
         "comments": "progress", "assigned comments": None, "time spent": None, "time spent text": None,
         "rolled up time": None, "rolled up time text": None},
    ),
    (
        # Microsoft Forms' responses ('Open in Excel'): a row per response, the respondent's own
        # columns first (who and when: the completion time dates the update), then the questions
        frozenset({"start time", "completion time", "email", "name"}),
        {"id": None, "start time": None, "completion time": "updated", "email": None, "name": None,
         "last modified time": None},
    ),
    (
        frozenset({"task name", "bucket name"}),
        {"task id": None, "task name": "text", "bucket name": "section", "progress": "rag", "priority": None,
         "created by": None, "created date": None, "is recurring": None, "late": None, "completed date": None,
         "completed by": None, "completed checklist items": None, "checklist items": None, "labels": "labels",
         # where Planner users write a task's progress
         "description": "progress"},
    ),
    (
        # this service's own board pack (its Excel 'Actions' sheet): the columns comparing with the
        # previous report are the pack's, not the plan's
        frozenset({"previous rag", "previous due date", "changes since the previous report"}),
        {"plan": None, "lead agency": "agency", "last update": "updated", "previous rag": None,
         "previous due date": None, "changes since the previous report": None, "exceptions": None},
    ),
    (
        # Asana's "Export CSV": a task's Name, its Section/Column, its Assignee; Notes are its
        # description, not its progress; Completed At says it is done
        frozenset({"task id", "section/column", "assignee"}),
        {"task id": None, "created at": None, "last modified": None, "name": "text", "section/column": "section",
         "assignee email": None, "tags": None, "notes": None, "projects": None, "parent task": None,
         "blocked by (dependencies)": None, "blocking (dependencies)": None},
    ),
    (
        # Jira's "Export CSV": an issue's Summary and key; its Issue Type says an Epic groups the tasks
        # whose Parent holds the epic's Issue id; Resolved is when it was done (Status is the workflow's
        # step, 'To Do', 'In Progress', not a RAG); each Comment reads 'date;user;text'
        frozenset({"issue key", "issue type", "summary"}),
        {"summary": "text", "issue key": "ref", "issue id": "id", "status": None, "resolution": "resolution",
         "resolved": "completed", "priority": None, "project key": None, "project name": None,
         "project type": None, "reporter": None, "creator": None, "created": None, "updated": None,
         "last viewed": None, "labels": None, "description": None, "parent": "parent",
         "parent summary": None, "parent id": "parent", "comment": "progress", "sprint": None,
         "watchers": None, "environment": None, "component/s": None, "components": None, "assignee": "owner"},
    ),
    (
        # Trello's "Export to CSV": a card's name, its list (the plan's theme, or a list of finished
        # cards), labels carrying the RAG ('Amber (orange)'), members, dated updates in its description
        frozenset({"card name", "list name", "card id"}),
        {"card id": None, "card name": "text", "card url": None, "card description": "progress",
         "labels": "labels", "members": "owner", "due date": "due", "due complete": "completed",
         "start date": None, "attachment count": None, "attachment links": None,
         "checklist item total count": None, "checklist item completed count": None, "vote count": None,
         "comment count": None, "last activity date": None, "list id": None, "list name": "section",
         "board id": None, "board name": None, "archived": "archived"},
    ),
    (
        # Azure DevOps' "Export to CSV" of a query: a work item's Title (a tree query gives a column
        # per level, 'Title 1' the epics: see `export_fields`), its workflow State ('Closed' done,
        # 'Removed' taken off the board), the paths and dates of the tool's own bookkeeping
        frozenset({"work item type", "state", "area path"}),
        {"id": None, "work item type": None, "title": "text", "state": "completed", "assigned to": "owner",
         "tags": None, "area path": None, "iteration path": None, "description": None, "reason": None,
         "changed date": None, "created date": None, "created by": None, "changed by": None,
         "target date": "due", "start date": None, "finish date": "due", "priority": None, "effort": None,
         "story points": None, "remaining work": None, "original estimate": None, "completed work": None,
         "value area": None, "risk": None, "board column": None, "board column done": None},
    ),
    (
        frozenset({"title", "item type", "path"}),
        {"title": "text", "modified": None, "modified by": None, "created": None, "created by": None,
         "item type": None, "path": None},
    ),
)  # fmt: skip


# Column names of the tools plans are kept in (SharePoint and Microsoft Lists, Planner, monday.com,
# Smartsheet, case systems), read only where the header names no column of that kind itself:
# 'Name' or 'Title' is the action of a list's item, not a lead's name, in a header that also has
# a status column.
_EXPORT_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("name", "title", "item", "item name", "task", "task name", "summary", "subject"),
    "owner": ("person", "people", "assignee", "assignees", "assigned", "owner name"),
    "due": ("finish", "end", "timeline", "finish date", "original due date", "due date time"),
    "progress": ("latest note", "notes", "note", "description"),
    "section": ("bucket name", "bucket", "group", "group name", "parent"),
    "ref": ("code", "item code", "action code"),
    # a checkbox column ticked when the item is done ('checked', 'TRUE'): a word a key's row opens with too
    "completed": ("complete", "completed", "complete?", "completed?", "done", "done?", "closed", "closed?"),
}
# an item's number in the tool beside the plan's own reference column: not the reference
_TOOL_IDS = frozenset({"item id", "id", "item", "task id", "row id", "unique id"})


def _tool_export_fields(names: list[str], fields: list[str | None]) -> list[str | None]:
    fields = list(fields)
    if fields.count("ref") > 1:
        fields = [
            None if f == "ref" and (n in _TOOL_IDS or n.endswith("_id")) else f
            for f, n in zip(fields, names, strict=True)
        ]
    if (
        ("rag" in fields or "kind" in fields)
        and "text" not in fields
        and "description" in names
        and fields[names.index("description")] is None
    ):
        # a log's entries described ('ID | Type | Description | Owner | RAG'): the words of each
        fields[names.index("description")] = "text"
    if "rag" not in fields:
        return fields  # a status column marks a tracker ('Name | Role | Date' is a sign-off table)
    for wanted, known in _EXPORT_NAMES.items():
        if wanted in fields:
            continue
        for k, name in enumerate(names):
            if fields[k] is None and name in known:
                fields[k] = wanted
                break
    return fields


_PRIORITY_AREA = re.compile(r"(?:areas? for )?priority actions?|areas? for priority action")


def fields_beside_each_other(cells: list[str], fields: list[str | None]) -> list[str | None]:
    """A header row's fields (`header_field` of each cell) settled by the columns beside them: a
    tool's names where the header names no such column itself, and 'Priority action' beside
    'Action' (the inspection's area needing action, over the actions taken on it, is the section;
    alone, it is the column of areas and actions)."""
    names = [normalise_header(c) if c else "" for c in cells]
    fields = _tool_export_fields(names, fields)
    if fields.count("text") > 1:
        fields = [
            "section" if f == "text" and _PRIORITY_AREA.fullmatch(n) else f
            for n, f in zip(names, fields, strict=True)
        ]
    return fields


def export_fields(cells: list[str], fields: list[str | None]) -> list[str | None] | None:
    """The columns' fields where the header is a known tool's export (``EXPORTS``), else None."""
    names = [normalise_header(c) for c in cells]
    for telling, meanings in EXPORTS:
        if telling <= set(names):
            return _levels([meanings.get(n, f) for n, f in zip(names, fields, strict=True)], names)
    return None


_LEVEL = re.compile(r"title (\d)")


def _levels(fields: list[str | None], names: list[str]) -> list[str | None]:
    """A tree query's titles, a column per level ('Title 1', 'Title 2'): the deepest level is the
    action, the top one its area; levels between are the tool's own grouping."""
    levels = sorted((int(m[1]), k) for k, n in enumerate(names) if (m := _LEVEL.fullmatch(n)))
    if len(levels) < 2:
        return fields
    fields = list(fields)
    for rank, (_level, k) in enumerate(levels):
        fields[k] = "section" if rank == 0 else "text" if rank == len(levels) - 1 else None
    return fields


# an agency's or a partnership's own actions named in the header ('Police action', 'Education actions')
_WHOSE_ACTION = re.compile(
    r"(?:(?!(?:date|lead|for|of|by|due|target|status|rag|progress|owner|type|no|ref|number|id)\s)[a-z'’&]+\s){1,2}"
    r"actions?"
)


def header_field(cell: str) -> str | None:
    """The field a header cell names, or None: the cell is a synonym, or starts with one followed by
    a non-letter (the longest such synonym wins)."""
    if len(cell) > 200:
        return None
    text = normalise_header(cell)
    if not text or len(text) > 120 or text in NOT_HEADERS:
        return None
    found = _BY_SYNONYM.get(text) or _WHOLE_CELL_ONLY.get(text)
    if found:
        return found
    if _WHOSE_ACTION.fullmatch(text) or _areas_and_actions(text):
        return "text"  # 'Police action', 'Health actions': a sheet or table of one agency's actions
    if _CODED_HEADER.fullmatch(cell.strip()):
        # a system's coded column name ('ACT_REF', 'RESP_OFF', 'TGT_DT'): its words spelt out
        return header_field(" ".join(_CODE_WORDS.get(word, word) for word in text.split("_") if word))
    custom = _CUSTOM_FIELD.match(text)
    if custom:
        return header_field(custom[1])  # Jira's 'Custom field (RAG status)'
    source = _SOURCE_NAME.match(text)
    if source:
        return header_field(text[source.end() :])
    # a question after the options it lists ('Area 1 actions – which action are you updating?')
    asked = _ASKED_WHICH.fullmatch(text) or _ASKED_WHICH.fullmatch(re.split(r"\s[–—-]\s|:\s", text)[-1])
    if asked:
        # a form's question naming the column ('Which action are you updating?', 'Which learning
        # theme does your update relate to?'): the field its subject names
        return header_field(asked[1]) or header_field(asked[1].split()[-1])  # 'learning theme': a theme
    revised = _ASKED_NEW.fullmatch(text)
    if revised and header_field(revised[1]) == "due":
        return "due"  # 'If yes, what is the new target date?': the date now, beside the one published
    if _QUARTER.fullmatch(text):
        return "progress"  # a column per quarter ('Q1' | 'Q2' | 'Q3' | 'Q4'): the update of each round
    dated = _DATED_FIRST.match(text)
    if dated and (named := header_field(text[dated.end() :])) in _ROUND_FIELDS:
        # an update round named first: 'Q1 RAG', 'Jan 2024 update', 'Q3 update (December 2024)'
        return named
    # a dictionary look-up at each place a synonym could end, longest first (the cell is read once
    # per row of every table, so no scan over all synonyms)
    for end in range(min(len(text) - 1, _LONGEST), 0, -1):
        if not text[end].isalpha():
            found = _BY_SYNONYM.get(text[:end])
            if found:
                return found
    squeezed = text.replace(" ", "")
    if len(squeezed) <= 25 and (found := _BY_SQUEEZED.get(squeezed)):
        return found
    return one_language_of_two(cell)


# a form's question over its answers: 'Which action are you updating?'
_ASKED_WHICH = re.compile(
    r"(?:which|what)\s+([a-z][a-z '’/-]{1,40}?)\s+(?:are you updating|are you reporting on|"
    r"(?:does|is) (?:your|this) (?:update|response|return) (?:relate to|about|for|on))\s*\??"
)
# a form's follow-up question giving a revised value ('If yes, what is the new target date?')
_ASKED_NEW = re.compile(r"(?:if (?:yes|so)\W+)?what is the (?:new|revised|updated)\s+(.{2,40}?)\s*\??")
# a column named in two languages, one under or beside the other ('Cam gweithredu' over 'Action',
# 'Amserlen / Timescale'): a Welsh board's plan
_TWO_NAMES = re.compile(r"\s*\n\s*|\s+/\s+")


def one_language_of_two(cell: str) -> str | None:
    """The field a cell of two names gives when one of them names a field and the other none
    (the cell as written: its two lines are two names)."""
    parts = [part for part in _TWO_NAMES.split(cell.strip()) if part.strip()]
    if len(parts) != 2:
        return None
    fields = [header_field(part) for part in parts]
    named = {field for field in fields if field is not None}
    return named.pop() if len(named) == 1 and None in fields else None


def sub_label_field(parent: str, label: str) -> str | None:
    """The field a sub-column's label names under the header cell ``parent`` spread over it: the
    combined label ('Lead' + 'Officer'), the label read in the parent's context ('Timescale' +
    'End'), or the label on its own ('RAG'); None when the label means nothing known."""
    combined = _BY_SYNONYM.get(normalise_header(f"{parent} {label}"))
    if combined:
        return combined
    parent_field = header_field(parent)
    if parent_field in _ROUND_FIELDS and is_round_label(label):
        return parent_field  # 'Progress update' over 'Jan 2024' | 'Mar 2024': a column per update round
    if parent_field:
        meaning = _BY_SUB_LABEL.get((parent_field, normalise_header(label)))
        if meaning:
            return meaning
    return header_field(label)


def sub_header_field(parent: str, label: str) -> str | None:
    """The field of a sub-column labelled ``label`` under a header cell ``parent`` spread over it;
    an unknown label is another column of its parent's field ('Original' | 'Revised')."""
    return sub_label_field(parent, label) or header_field(parent)


# a date after a column's name: 'Update Jan 2024', 'RAG (March 2023)', 'Progress as at 31/03/24'
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATED = re.compile(
    rf"\s*(?:[-–—:]\s*)?[(\[]?(?:as (?:at|of)\s+)?(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s*'?\d{{2,4}}|q[1-4]\s+\d{{2,4}}(?:/\d{{2,4}})?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})[)\]]?$"
)


# an update round's date or quarter before the column's name: 'Q1 RAG', 'January 2024 update'
_DATED_FIRST = re.compile(
    rf"^(?:q[1-4](?:\s+\d{{2,4}}(?:/\d{{2,4}})?)?|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s*[-'/]?\d{{2,4}}|{_MONTH}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*[-–:]?\s+"
)
_ROUND_FIELDS = ("rag", "progress")
# a column per quarter: 'Q1', 'Quarter 2', 'Q1 Apr–Jun', 'Q3 (October – December)'
_QUARTER = re.compile(r"(?:q[1-4]|quarter [1-4])(?:\s*\(?\s*[a-z]{3,9}\s*[-–—/]\s*[a-z]{3,9}\s*\)?)?")


def is_round_label(label: str) -> bool:
    """A label that only names an update round: 'Jan 2024', 'As at 31/03/24', 'Q2 2024/25', 'Q3'."""
    text = normalise_header(label)
    return bool(text) and (bool(_DATED.match(text)) or bool(re.fullmatch(r"q[1-4]", text)))


@lru_cache(maxsize=65536)
def is_column_name(text: str) -> bool:
    """Whether the words are one of the column names known, as written ('Ref', 'BRAG'; not 'Re f')."""
    return normalise_header(text) in _BY_SYNONYM


def exact_header_field(text: str) -> str | None:
    """The field a run of header words names exactly ('Lead officer'), or None ('Lead officer
    Target': two columns' words, which ``header_field`` would read as the first)."""
    if len(text) > 200:
        return None  # a cell's words, not a column's name (and each date peeled off below was a pass)
    normal = normalise_header(text)
    if _QUARTER.fullmatch(normal):
        return "progress"
    norm = _DATED.sub("", normal) or normal
    found = (
        _BY_SYNONYM.get(norm)
        or _WHOLE_CELL_ONLY.get(norm)
        or (_BY_SQUEEZED.get(norm.replace(" ", "")) if len(norm) <= 25 else None)
    )
    if found is None and _areas_and_actions(norm):
        return "text"
    if found is None and (same := _one_name_twice(norm)):
        return same
    if found is None and (dated := _DATED_FIRST.match(norm)):
        # an update round named first ('Q3 update (December 2024)', 'Jan 2024 RAG'): one column,
        # not two rounds' names side by side ('Q1 Q2')
        rest = norm[dated.end() :]
        inner = exact_header_field(rest)
        if inner in _ROUND_FIELDS and not _QUARTER.fullmatch(rest) and not _DATED_FIRST.match(f"{rest} "):
            return inner
    if found is None and (bare := _REMARK.sub("", norm)) != norm and bare:
        # a note to whoever fills the column in ('Progress update (date each entry)', 'Lead (name
        # and agency)'): the column is the one its name names
        return exact_header_field(bare)
    return found


def _areas_and_actions(text: str) -> bool:
    """One column for the areas and their actions ('Recommendation / action', 'Area for improvement /
    Action'): the areas are rows across it, the rest actions, so it is the action column."""
    return "/" in text and {_BY_SYNONYM.get(part.strip()) for part in text.split("/")} == {"text", "section"}


def _one_name_twice(text: str) -> str | None:
    """One column named two ways ('Comments / progress', 'Update/commentary'): the field both
    names give."""
    if "/" not in text:
        return None
    fields = {_BY_SYNONYM.get(part.strip()) for part in text.split("/")}
    return fields.pop() if len(fields) == 1 and None not in fields else None


# a bracketed note after a column's name, a few words long
_REMARK = re.compile(r"\s*\((?=[a-z])[^()]{2,40}\)$")


def section_text_label(cell: str) -> str | None:
    text = normalise_header(cell)
    for field, labels in SECTION_TEXT_LABELS.items():
        if text in labels:
            return field
    return None
