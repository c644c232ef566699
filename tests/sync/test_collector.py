"""The cycle collector runs less often while a sync runs, and as before once none does."""

from __future__ import annotations

import gc
import threading

import pytest

from contact_desk.sync.collector import WHILE_SYNCING, fewer_collections
from contact_desk.sync.dms import sync_dms
from tests.sync.test_dms import Stop, people


@pytest.fixture(autouse=True)
def usual_threshold():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_a_sync_raises_the_threshold_while_it_runs_and_puts_it_back(desk, desk_user, export):
    seen = []
    sync_dms(desk, desk_user, export(people(5)), progress=lambda *_: seen.append(
        gc.get_threshold()))
    assert seen == [(WHILE_SYNCING, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_a_cancelled_sync_puts_it_back_too(desk, desk_user, export):
    def cancel(*_):
        raise Stop()

    with pytest.raises(Stop):
        sync_dms(desk, desk_user, export(people(5)), progress=cancel)
    assert gc.get_threshold() == (700, 10, 10)


def test_two_syncs_at_once_keep_it_raised_until_both_end():
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = []

    def second() -> None:
        first_in.wait()
        with fewer_collections():
            second_in.set()
            first_out.wait()
            seen.append(gc.get_threshold())

    other = threading.Thread(target=second)
    other.start()
    with fewer_collections():
        first_in.set()
        second_in.wait()
    first_out.set()
    other.join()
    assert seen == [(WHILE_SYNCING, 10, 10)]  # the first had ended, the second had not
    assert gc.get_threshold() == (700, 10, 10)
