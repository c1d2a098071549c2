"""After a large load the garbage collector is settled: what is held is frozen out of its
full passes, which would otherwise visit every record's container on every pass."""

from __future__ import annotations

import gc

import pytest

from mock_server.core import memory
from mock_server.core.clock import MockClock
from mock_server.preservica.backend import PreservicaBackend
from tests.conftest import START


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test run collects as it always did


def test_a_large_load_freezes_what_is_held_and_a_small_one_does_not(unfrozen):
    memory.settle(memory.BULK - 1)
    assert gc.get_freeze_count() == 0
    held = [[n] for n in range(1000)]  # tracked containers, as records' lists are
    memory.settle(memory.BULK)
    assert gc.get_freeze_count() >= len(held)
    assert not any(obj is held[0] for obj in gc.get_objects())  # out of every generation


def test_a_full_pass_no_longer_visits_a_frozen_container(unfrozen):
    backend = PreservicaBackend(MockClock(start=START, frozen=True))
    messages = [{"status": "Info"} for _ in range(memory.BULK)]
    backend.add_monitor({"mappedId": "a" * 32, "messages": messages})
    monitor = backend._monitors["a" * 32]
    # The list of messages (a tracked container) is out of every generation's sight.
    assert gc.get_freeze_count() > 0
    assert not any(obj is monitor.messages for obj in gc.get_objects())


def test_a_small_advance_settles_nothing(unfrozen, monkeypatch):
    calls = []
    monkeypatch.setattr("mock_server.preservica.backend.settle", calls.append)
    backend = PreservicaBackend(MockClock(start=START, frozen=True))
    backend.add_monitor({"mappedId": "a" * 32})
    backend.advance_monitor("a" * 32, messages=[{"status": "Error"}] * 3)
    assert calls == [0, 3]  # told how many came in; settle() decides
