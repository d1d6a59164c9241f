"""The rows drawn in Python (plans_tags) format dates and cut texts exactly as Django's
template filters would, including the fast paths that skip Django's formatter."""

from __future__ import annotations

import datetime as dt

from django.template.defaultfilters import truncatewords
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from hypothesis import given, settings
from hypothesis import strategies as st

from plans.templatetags.plans_tags import date_text, words

MOMENTS = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2040, 12, 31), timezones=st.just(dt.UTC)
)
FORMATS = st.sampled_from(["c", "j F Y, H:i", "j M Y, H:i", "j F Y", "D j M, H:i", "j F Y, g:i a"])


@settings(max_examples=200, deadline=None)
@given(moment=MOMENTS, fmt=FORMATS)
def test_a_time_is_shown_as_the_date_filter_shows_it_in_local_time(moment, fmt):
    expected = conditional_escape(formats.date_format(timezone.localtime(moment), fmt))
    assert date_text(moment, fmt) == expected


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <&>\"'\n\t é")), max_size=80),
    count=st.integers(min_value=1, max_value=12),
)
def test_words_cut_a_text_as_truncatewords_does(text, count):
    assert words(text, count) == conditional_escape(truncatewords(text, count))
