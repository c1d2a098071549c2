"""Hostile input to the Preservica backend: each of these raised something other than a
domain error (a 500 over HTTP) or left a state no snapshot could hold; now a 400, 401 or
404. ``tests/properties/test_hostile_input.py`` searches for more."""

from __future__ import annotations

import json

import httpx
import pytest

from mock_server.core.errors import InvalidInput, MockError, NotFound, Unauthorized
from mock_server.preservica.checks import MAX_COUNT
from tests.preservica.preservica_seeds import RUNNING_INGEST, small_seed


@pytest.fixture
def seeded(backend):
    backend.load_seed(small_seed())
    return backend


@pytest.mark.parametrize("bad", [[], {"a": 1}, 7, None, ["x"]])
def test_ids_and_credentials_of_the_wrong_type_are_refused(seeded, bad):
    """Dict lookups with an unhashable value raised TypeError."""
    token = seeded.login("test", "test", "TEST")
    with pytest.raises(Unauthorized):
        seeded.authenticate(bad)
    with pytest.raises(Unauthorized):
        seeded.refresh(bad, token["refresh-token"])
    with pytest.raises(Unauthorized):
        seeded.refresh(token["token"], bad)
    with pytest.raises(Unauthorized):
        seeded.login(bad, "test", "TEST")
    with pytest.raises(Unauthorized):
        seeded.login("test", "test", bad if bad is not None else [])
    with pytest.raises(Unauthorized):
        seeded.user_details(bad, "TEST")
    for read in (seeded.get_monitor, seeded.get_timeseries, seeded.advance_monitor):
        with pytest.raises(NotFound):
            read(bad)


@pytest.mark.parametrize(
    "arguments",
    [
        {"status": True},
        {"status": [[]]},
        {"status": "Error"},  # text, not a list of it
        {"start": "0"},
        {"start": []},
        {"max_results": 1.5},
        {"start": True},
    ],
)
def test_message_listing_arguments_of_the_wrong_type_are_refused(seeded, arguments):
    with pytest.raises(InvalidInput):
        seeded.list_messages([RUNNING_INGEST], **arguments)


def test_ids_that_are_not_text_match_nothing(seeded):
    page = seeded.list_messages([[], {"a": 1}, 5, RUNNING_INGEST])
    assert page["totalResults"] == 3
    with pytest.raises(InvalidInput):
        seeded.list_messages(RUNNING_INGEST)  # one id, not a list of them


@pytest.mark.parametrize(
    "filters", [{"subcategory": [1]}, {"name": [None]}, {"name": "opex"}, {"category": {}}]
)
def test_monitor_filters_of_the_wrong_type_are_refused(seeded, filters):
    with pytest.raises(InvalidInput):
        seeded.list_monitors(**filters)


@pytest.mark.parametrize("percent", ["²", "٣", "9" * 5000, 10**30, "-1", "1e2"])
def test_a_percentage_that_is_not_0_to_100_is_refused(backend, percent):
    # "²".isdigit() is true and int("²") raises; int() refuses 5,000 digits: both were 500s.
    with pytest.raises(InvalidInput, match="percentComplete"):
        backend.add_monitor({"percentComplete": percent})


@pytest.mark.parametrize(
    "monitor",
    [
        {"filesPending": MAX_COUNT + 1},
        {"size": 2**64},
        {"timeseries": [{"errors": 10**30}]},
        {"messages": [{"workflowInstanceId": 2**63}]},
        {"started": 1e300},
        {"started": -1e300},
        {"started": float("nan")},
        {"displayMessage": 1},
        {"name": "x\ud800"},
        {"messages": [{"displayMessage": "\udfff"}]},
    ],
)
def test_values_no_answer_or_snapshot_could_hold_are_refused(backend, monitor):
    with pytest.raises(InvalidInput):
        backend.add_monitor(monitor)
    assert backend.list_monitors() == []


def test_advancing_by_more_files_than_a_count_holds_is_refused(seeded):
    with pytest.raises(InvalidInput, match="files"):
        seeded.advance_monitor(RUNNING_INGEST, files=MAX_COUNT + 1)
    seeded.advance_monitor(RUNNING_INGEST, files=MAX_COUNT)
    assert seeded.get_monitor(RUNNING_INGEST)["filesPending"] == 0


async def test_over_http_huge_counters_are_a_400_and_the_snapshot_stays_writable(make_app):
    app = make_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        for body in (
            {"filesPending": 2**64},
            {"size": MAX_COUNT + 1},
            {"name": "x\ud800"},
            {"started": "1900-01-01T00:00:00+00:01"},  # 1899 in UTC
        ):
            answer = await client.post(
                "/_mock/preservica/monitors",
                content=json.dumps(body),  # "\ud800" escaped, as a JSON client sends it
                headers={"content-type": "application/json"},
            )
            assert answer.status_code == 400, (body, answer.text)
            assert len(answer.json()["detail"]) < 300
        created = await client.post(
            "/_mock/preservica/monitors", json={"size": MAX_COUNT, "filesPending": MAX_COUNT}
        )
        assert created.status_code == 201
        snapshot = await client.get("/_mock/snapshot")
        assert snapshot.status_code == 200
        json.dumps(snapshot.json(), ensure_ascii=False).encode("utf-8")  # as --state writes


def test_details_quote_a_few_hundred_bytes_at_most(seeded):
    huge = "x" * 100_000
    calls = [
        lambda: seeded.get_monitor(huge),
        lambda: seeded.list_monitors(status=[huge]),
        lambda: seeded.list_messages([RUNNING_INGEST], status=[huge]),
        lambda: seeded.add_monitor({"status": huge}),
        lambda: seeded.add_monitor({huge: 1}),
        lambda: seeded.add_monitor({"mappedId": huge}),
        lambda: seeded.add_monitor({"filesPending": [huge]}),
        lambda: seeded.add_monitor({"started": huge}),
        lambda: seeded.add_monitor({"messages": [{"mappedMonitorId": "f" * 32}]}),
        lambda: seeded.load_seed({"users": [{"username": huge, "password": "p"}] * 2}),
        lambda: seeded.advance_monitor(RUNNING_INGEST, files=huge),
    ]
    for call in calls:
        with pytest.raises(MockError) as refused:
            call()
        assert len(refused.value.detail) < 300, refused.value.detail
