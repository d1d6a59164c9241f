"""A double click on 'Open round' opens one round: the second request waits for the first and is
told a round is already open (it opened a second round and emailed every owner twice)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from governance.models import UpdateRound


@pytest.mark.django_db(transaction=True)
def test_two_requests_to_open_a_round_at_once_open_one_round(world):
    deadline = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    start = threading.Barrier(2)
    codes: list[int] = []

    def open_round() -> None:
        try:
            client = Client()
            client.force_login(world.manager)
            start.wait(timeout=10)
            response = client.post(
                reverse("governance:open_round", args=[world.plan.pk]),
                {"deadline": deadline, "reminder_days_before": "3", "meeting": ""},
            )
            codes.append(response.status_code)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=open_round) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(codes) == [200, 302]
    assert UpdateRound.objects.filter(plan=world.plan).count() == 1


def test_a_second_round_while_one_is_open_is_refused_with_its_deadline(client, world):
    client.force_login(world.manager)
    deadline = dt.date.today() + dt.timedelta(days=14)
    url = reverse("governance:open_round", args=[world.plan.pk])
    data = {"deadline": deadline.isoformat(), "reminder_days_before": "3", "meeting": ""}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert (
        again.status_code == 200 and "A round is already open for this plan until" in again.content.decode()
    )
    assert UpdateRound.objects.filter(plan=world.plan).count() == 1
