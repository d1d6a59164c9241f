"""Searching words as people type them: an apostrophe typed straight (') finds the curly one (’)
Word and Excel put in by themselves, and the other way round (QA round 9)."""

from __future__ import annotations

from django.db.models import Q

APOSTROPHES = "'’‘ʼ`"
_STRAIGHT = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
_CURLY = str.maketrans(dict.fromkeys(APOSTROPHES, "’"))


def spellings(words: str) -> list[str]:
    """The words as typed, with every apostrophe straight, and with every one curly."""
    if not any(mark in words for mark in APOSTROPHES):
        return [words]
    return list(dict.fromkeys([words, words.translate(_STRAIGHT), words.translate(_CURLY)]))


def words_filter(words: str, *fields: str) -> Q:
    """Rows holding the words (case aside, apostrophes either way) in any of these fields."""
    found = Q()
    for spelling in spellings(words):
        for name in fields:
            found |= Q(**{f"{name}__icontains": spelling})
    return found


def holds_words(words: str, *values: str) -> bool:
    """The same test in Python, for values read already (a plan as it stood on a past date)."""
    wanted = words.translate(_STRAIGHT).casefold()
    return not wanted or any(wanted in (value or "").translate(_STRAIGHT).casefold() for value in values)
