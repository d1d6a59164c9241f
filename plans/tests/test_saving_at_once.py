"""Two copies of the same form sent at the same moment (a double click) are saved one after the
other, whatever the database: the second is told the update was already saved, never an error."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from plans import models

from .test_action_page import valid_update


@pytest.mark.django_db(transaction=True)
def test_the_same_update_sent_twice_at_once_is_saved_once_without_an_error(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("plans:add_update", args=[world.police_action.pk])
    data = valid_update(world)
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(world.contributor)
    start = threading.Barrier(2)
    answers: list[int] = []
    failures: list[BaseException] = []

    def send(client: Client) -> None:
        try:
            start.wait()
            answers.append(client.post(url, data).status_code)
        except BaseException as error:  # the test client raises the view's exception
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == [] and answers == [302, 302]
    assert models.ProgressUpdate.objects.filter(action=world.police_action).count() == 1
