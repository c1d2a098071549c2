"""PreservicaBackend driven directly, on a frozen mock clock."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mock_server.core.errors import Conflict, InvalidInput, NotFound, Unauthorized
from mock_server.preservica.backend import (
    MESSAGE_STATUSES,
    MONITOR_CATEGORIES,
    MONITOR_STATUSES,
    iso_timestamp,
)
from tests.conftest import START
from tests.preservica.preservica_seeds import (
    FAILED_EXPORT,
    RUNNING_INGEST,
    SUCCEEDED_INGEST_PAX,
    message,
    small_seed,
)

DEMO = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"
NOW = iso_timestamp(START)


@pytest.fixture
def seeded(backend):
    backend.load_seed(small_seed())
    return backend


def ids(monitors: list[dict]) -> list[str]:
    return [m["mappedId"] for m in monitors]


# --- tokens ---------------------------------------------------------------------------------


def test_login_answers_a_token_pair_valid_for_15_minutes(seeded):
    answer = seeded.login("test", "test", "TEST")
    assert answer["success"] is True
    assert answer["validFor"] == 15
    assert (answer["user"], answer["tenant"]) == ("test", "TEST")
    assert answer["token"] != answer["refresh-token"]
    assert "roles" not in answer
    assert seeded.authenticate(answer["token"]) == {"user": "test", "tenant": "TEST"}


@pytest.mark.parametrize(
    ("username", "password", "tenant"),
    [("test", "wrong", "TEST"), ("nobody", "test", "TEST"), ("test", "test", "OTHER")],
)
def test_login_refuses_bad_credentials(seeded, username, password, tenant):
    with pytest.raises(Unauthorized) as refused:
        seeded.login(username, password, tenant)
    assert refused.value.extra == {"message": "invalid.credentials"}


def test_login_without_tenant_needs_an_unambiguous_user_name(seeded):
    assert seeded.login("test", "test")["tenant"] == "TEST"
    seeded.load_seed({"users": [{"username": "test", "password": "test", "tenant": "OTHER"}]})
    with pytest.raises(Unauthorized):
        seeded.login("test", "test")
    assert seeded.login("test", "test", "OTHER")["tenant"] == "OTHER"


def test_login_with_user_details(seeded):
    answer = seeded.login("test", "test", include_user_details=True)
    assert answer["roles"] == ["ROLE_A"]
    assert answer["fullName"] == "test"
    assert answer["email"] == "test@example.com"


def test_a_token_expires_after_valid_for_minutes_of_mock_time(seeded, clock):
    token = seeded.login("test", "test")["token"]
    clock.advance(15 * 60 - 1)
    assert seeded.authenticate(token)["user"] == "test"
    clock.advance(1)
    with pytest.raises(Unauthorized):
        seeded.authenticate(token)


def test_refresh_issues_a_new_pair_and_each_refresh_token_works_once(seeded, clock):
    first = seeded.login("test", "test")
    clock.advance(10 * 60)
    second = seeded.refresh(first["token"], first["refresh-token"])
    assert second["token"] not in (first["token"], first["refresh-token"])
    with pytest.raises(Unauthorized):
        seeded.refresh(first["token"], first["refresh-token"])
    clock.advance(10 * 60)  # past the first token's expiry, within the second's
    with pytest.raises(Unauthorized):
        seeded.authenticate(first["token"])
    assert seeded.authenticate(second["token"])["user"] == "test"


def test_refresh_refuses_an_expired_pair_and_another_users_token(seeded, clock):
    seeded.load_seed({"users": [{"username": "other", "password": "pw"}]})
    mine = seeded.login("test", "test")
    theirs = seeded.login("other", "pw")
    with pytest.raises(Unauthorized):
        seeded.refresh(theirs["token"], mine["refresh-token"])
    clock.advance(15 * 60)
    with pytest.raises(Unauthorized):
        seeded.refresh(mine["token"], mine["refresh-token"])


def test_user_details_and_list_users_never_show_passwords(seeded):
    assert seeded.user_details("test", "TEST") == {
        "user": "test",
        "fullName": "test",
        "email": "test@example.com",
        "tenant": "TEST",
        "roles": ["ROLE_A"],
    }
    assert [u["user"] for u in seeded.list_users()] == ["test"]
    assert all("password" not in u for u in seeded.list_users())


# --- monitors -------------------------------------------------------------------------------


def test_filters_are_additive_and_lists_mean_any_of(seeded):
    assert ids(seeded.list_monitors()) == [RUNNING_INGEST, FAILED_EXPORT, SUCCEEDED_INGEST_PAX]
    assert ids(seeded.list_monitors(category=["Ingest"])) == [RUNNING_INGEST, SUCCEEDED_INGEST_PAX]
    assert ids(seeded.list_monitors(category=["Ingest"], status=["Succeeded"])) == [
        SUCCEEDED_INGEST_PAX
    ]
    assert ids(seeded.list_monitors(status=["Running", "Failed"])) == [
        RUNNING_INGEST,
        FAILED_EXPORT,
    ]
    assert ids(seeded.list_monitors(category=["Export"], status=["Running"])) == []
    assert ids(seeded.list_monitors(subcategory=["PAX", "DIP"])) == [
        FAILED_EXPORT,
        SUCCEEDED_INGEST_PAX,
    ]


def test_name_filter_matches_text_anywhere_ignoring_case(seeded):
    assert ids(seeded.list_monitors(name=["INGEST"])) == [RUNNING_INGEST, SUCCEEDED_INGEST_PAX]
    assert ids(seeded.list_monitors(name=["second", "third"])) == [
        FAILED_EXPORT,
        SUCCEEDED_INGEST_PAX,
    ]
    assert ids(seeded.list_monitors(name=["ingest"], subcategory=["OPEX"])) == [RUNNING_INGEST]


@pytest.mark.parametrize("filters", [{"status": ["Done"]}, {"category": ["ingest"]}])
def test_unknown_enum_values_are_refused(seeded, filters):
    with pytest.raises(InvalidInput):
        seeded.list_monitors(**filters)


def test_a_monitor_renders_with_wire_names(seeded):
    (monitor,) = seeded.list_monitors(status=["Running"])
    assert monitor == {
        "mappedId": RUNNING_INGEST,
        "name": "opex/first-ingest",
        "status": "Running",
        "started": NOW,
        "completed": None,
        "category": "Ingest",
        "subcategory": "OPEX",
        "progressText": "",
        "percentComplete": "20",
        "filesPending": 8,
        "size": 0,
        "filesProcessed": 2,
        "warnings": 1,
        "errors": 1,
        "canRetry": False,
    }


# --- messages and timeseries ----------------------------------------------------------------


def test_messages_page_with_total(seeded):
    page = seeded.list_messages([RUNNING_INGEST], start=1, max_results=1)
    assert page["totalResults"] == 3
    assert [m["displayMessage"] for m in page["messages"]] == ["Warning #1"]
    assert page["messages"][0]["mappedMonitorId"] == RUNNING_INGEST
    assert page["messages"][0]["monitorName"] == "opex/first-ingest"


def test_messages_filtered_by_status_and_beyond_the_end(seeded):
    page = seeded.list_messages([RUNNING_INGEST], status=["Warning", "Error"])
    assert [m["status"] for m in page["messages"]] == ["Warning", "Error"]
    assert page["totalResults"] == 2
    assert seeded.list_messages([RUNNING_INGEST], start=3) == {"messages": [], "totalResults": 3}
    with pytest.raises(InvalidInput):
        seeded.list_messages([RUNNING_INGEST], status=["Fatal"])


def test_debug_is_a_message_status_of_its_own(backend):
    monitor = backend.add_monitor(
        {"messages": [{"status": "Info"}, {"status": "Debug"}, {"status": "Warning"}, {}]}
    )
    # Debug messages count as neither warnings nor errors.
    assert (monitor["warnings"], monitor["errors"]) == (1, 0)
    page = backend.list_messages([monitor["mappedId"]], status=["Debug"])
    assert [(m["status"], m["message"]) for m in page["messages"]] == [("Debug", "monitor.debug")]
    assert page["totalResults"] == 1
    both = backend.list_messages([monitor["mappedId"]], status=["Debug", "Warning"])
    assert [m["status"] for m in both["messages"]] == ["Debug", "Warning"]
    advanced = backend.advance_monitor(monitor["mappedId"], messages=[{"status": "Debug"}])
    assert (advanced["warnings"], advanced["errors"]) == (1, 0)
    assert "Debug" in MESSAGE_STATUSES


def test_messages_of_unknown_or_repeated_monitors(seeded):
    assert seeded.list_messages(["0" * 32]) == {"messages": [], "totalResults": 0}
    assert seeded.list_messages([RUNNING_INGEST, RUNNING_INGEST, "x"])["totalResults"] == 3


def test_timeseries_of_unknown_monitor_is_not_found(seeded):
    assert seeded.get_timeseries(RUNNING_INGEST) == [
        {
            "timestamp": NOW,
            "status": "Pending",
            "percentComplete": "20",
            "filesProcessed": 0,
            "filesPending": 10,
            "size": 0,
            "warnings": 1,
            "errors": 1,
        }
    ]
    with pytest.raises(NotFound):
        seeded.get_timeseries("0" * 32)


# --- advance_monitor -----------------------------------------------------------------------


def test_advance_moves_files_and_records_a_point(seeded, clock):
    clock.advance(60)
    monitor = seeded.advance_monitor(RUNNING_INGEST, files=3)
    assert (monitor["filesProcessed"], monitor["filesPending"]) == (5, 5)
    assert monitor["percentComplete"] == "50"
    assert monitor["status"] == "Running"
    point = seeded.get_timeseries(RUNNING_INGEST)[-1]
    assert point["timestamp"] == iso_timestamp(START + 60)
    assert (point["filesProcessed"], point["percentComplete"]) == (5, "50")


def test_advance_never_processes_more_files_than_are_pending(seeded):
    monitor = seeded.advance_monitor(RUNNING_INGEST, files=100)
    assert (monitor["filesProcessed"], monitor["filesPending"]) == (10, 0)
    assert monitor["percentComplete"] == "100"


def test_advance_to_a_finished_status_sets_completed(seeded, clock):
    clock.advance(120)
    monitor = seeded.advance_monitor(RUNNING_INGEST, files=0, status="Succeeded")
    assert monitor["status"] == "Succeeded"
    assert monitor["completed"] == iso_timestamp(START + 120)
    assert seeded.advance_monitor(RUNNING_INGEST, files=0, status="Running")["completed"] is None


def test_advance_appends_messages_and_counts_them(seeded):
    monitor = seeded.advance_monitor(
        RUNNING_INGEST, messages=[message("Error", 9), message("Warning", 10)]
    )
    assert (monitor["warnings"], monitor["errors"]) == (2, 2)
    page = seeded.list_messages([RUNNING_INGEST])
    assert [m["displayMessage"] for m in page["messages"]][-2:] == ["Error #9", "Warning #10"]


@pytest.mark.parametrize(
    "change",
    [
        {"files": -1},
        {"status": "Done"},
        {"messages": [{"status": "Fatal"}]},
        {"messages": [message(), {"colour": "red"}]},
    ],
)
def test_a_refused_advance_changes_nothing(seeded, change):
    before = (seeded.get_monitor(RUNNING_INGEST), seeded.get_timeseries(RUNNING_INGEST))
    with pytest.raises(InvalidInput):
        seeded.advance_monitor(RUNNING_INGEST, **change)
    after = (seeded.get_monitor(RUNNING_INGEST), seeded.get_timeseries(RUNNING_INGEST))
    assert after == before
    assert seeded.list_messages([RUNNING_INGEST])["totalResults"] == 3


def test_advance_an_unknown_monitor(seeded):
    with pytest.raises(NotFound):
        seeded.advance_monitor("0" * 32)


def test_a_monitor_that_has_not_started_starts_when_it_leaves_pending(backend, clock):
    monitor = backend.add_monitor(
        {"started": None, "progressText": None, "percentComplete": None, "filesPending": 4}
    )
    assert (monitor["status"], monitor["started"]) == ("Pending", None)
    assert (monitor["progressText"], monitor["percentComplete"]) == (None, None)
    clock.advance(60)
    still = backend.advance_monitor(monitor["mappedId"], files=0, status="Pending")
    assert (still["started"], still["percentComplete"]) == (None, None)
    # A timeseries point always has a percentage: empty while the monitor has none.
    assert backend.get_timeseries(monitor["mappedId"])[-1]["percentComplete"] == ""
    clock.advance(60)
    running = backend.advance_monitor(monitor["mappedId"], files=1, status="Running")
    assert running["started"] == iso_timestamp(START + 120)
    assert running["percentComplete"] == "25"  # processing files gives it one
    assert running["progressText"] is None  # nothing the mock could say
    clock.advance(60)
    done = backend.advance_monitor(monitor["mappedId"], files=3, status="Succeeded")
    assert done["started"] == iso_timestamp(START + 120)  # it started once
    assert done["completed"] == iso_timestamp(START + 180)


# --- seed data ----------------------------------------------------------------------------


def test_load_seed_counts_and_fills_defaults(backend, clock):
    counts = backend.load_seed(
        {
            "users": [{"username": "u", "password": "p"}],
            "monitors": [
                {"messages": [{}], "timeseries": [{}, {}]},
                {"status": "Succeeded", "filesProcessed": 4},
            ],
        }
    )
    assert counts == {"users": 1, "monitors": 2, "messages": 1, "timeseries": 2}
    pending, succeeded = backend.list_monitors()
    assert re.fullmatch(r"[0-9a-f]{32}", pending["mappedId"])
    assert re.fullmatch(r"opex/[0-9a-f-]{36}-[0-9a-f-]{36}", pending["name"])
    assert (pending["status"], pending["category"], pending["subcategory"]) == (
        "Pending",
        "Ingest",
        "OPEX",
    )
    # A Pending monitor has not started: no start time unless the seed gives one.
    assert (pending["started"], pending["completed"]) == (None, None)
    assert (pending["progressText"], pending["percentComplete"]) == ("", "")
    assert (succeeded["started"], succeeded["completed"]) == (NOW, NOW)
    assert succeeded["percentComplete"] == "100"
    (msg,) = backend.list_messages([pending["mappedId"]])["messages"]
    assert (msg["status"], msg["date"], msg["message"]) == ("Info", NOW, "monitor.info")
    assert backend.login("u", "p")["tenant"] == "TEST"


@pytest.mark.parametrize(
    ("seed", "started"),
    [
        ({"status": "Pending"}, None),
        ({"status": "Pending", "started": "2025-06-14T14:00:00Z"}, "2025-06-14T14:00:00.000Z"),
        ({"status": "Running"}, NOW),
        ({"status": "Running", "started": None}, None),
        ({"status": "Failed", "started": None}, None),
    ],
    ids=["pending", "pending-given", "running", "running-null", "failed-null"],
)
def test_started_defaults_to_now_unless_pending_and_null_means_not_started(backend, seed, started):
    assert backend.add_monitor(seed)["started"] == started


def test_progress_text_and_percent_given_as_null_are_rendered_null(backend):
    given_null = backend.add_monitor({"progressText": None, "percentComplete": None})
    assert (given_null["progressText"], given_null["percentComplete"]) == (None, None)
    left_out = backend.add_monitor({"filesPending": 3, "filesProcessed": 1})
    assert (left_out["progressText"], left_out["percentComplete"]) == ("", "25")


@pytest.mark.parametrize(
    "bad_monitor",
    [
        {"status": "Done"},
        {"category": "Import"},
        {"mappedId": "XYZ"},
        {"filesPending": -1},
        {"started": "yesterday"},
        {"percentComplete": "150"},
        {"canRetry": "yes"},
        {"colour": "red"},
        {"messages": [{"status": "Fatal"}]},
        {"messages": [{"mappedMonitorId": "f" * 32}]},
        {"timeseries": [{"filesProcessed": "two"}]},
        {"mappedId": RUNNING_INGEST},  # already in the state: a Conflict
        {"mappedId": "d" * 32},  # twice in the same section (see below)
    ],
)
def test_load_seed_is_all_or_nothing(seeded, bad_monitor):
    before = seeded.list_monitors()
    section = {
        "users": [{"username": "new", "password": "pw"}],
        "monitors": [{"mappedId": "d" * 32}, bad_monitor],
    }
    with pytest.raises((InvalidInput, Conflict)):
        seeded.load_seed(section)
    assert seeded.list_monitors() == before
    with pytest.raises(Unauthorized):
        seeded.login("new", "pw")


@pytest.mark.parametrize(
    "section",
    [
        {"users": [{"username": "x"}]},
        {"users": [{"password": "x"}]},
        {"users": [{"username": "x", "password": "y", "roles": "ADMIN"}]},
        {"users": [{"username": "x", "password": "y"}, {"username": "x", "password": "z"}]},
        {"monitors": {"not": "a list"}},
        {"accounts": []},
    ],
)
def test_load_seed_refuses_malformed_sections(backend, section):
    with pytest.raises(InvalidInput):
        backend.load_seed(section)
    assert backend.list_users() == []


def test_seeding_a_user_again_replaces_it(seeded):
    seeded.load_seed({"users": [{"username": "test", "password": "new", "tenant": "TEST"}]})
    assert seeded.login("test", "new")["user"] == "test"
    with pytest.raises(Unauthorized):
        seeded.login("test", "test")


def test_add_monitor_renders_it_and_refuses_a_taken_id(backend):
    monitor = backend.add_monitor({"name": "opex/new", "status": "Running", "filesPending": 4})
    assert backend.list_monitors() == [monitor]
    assert (monitor["percentComplete"], monitor["filesPending"]) == ("0", 4)
    with pytest.raises(Conflict):
        backend.add_monitor({"mappedId": monitor["mappedId"]})


def test_reset_empties_everything(seeded):
    token = seeded.login("test", "test")["token"]
    seeded.reset()
    assert (seeded.list_monitors(), seeded.list_users()) == ([], [])
    with pytest.raises(Unauthorized):
        seeded.authenticate(token)


def test_demo_data_covers_every_category_and_status_and_pages(backend):
    section = yaml.safe_load(DEMO.read_text())["preservica"]
    counts = backend.load_seed(section)
    assert counts["users"] == 1 and counts["monitors"] == 12
    monitors = backend.list_monitors()
    assert {m["category"] for m in monitors} == set(MONITOR_CATEGORIES)
    assert {m["status"] for m in monitors} == set(MONITOR_STATUSES)
    totals = [backend.list_messages([m["mappedId"]])["totalResults"] for m in monitors]
    assert max(totals) > 25
    every_status = backend.list_messages(ids(monitors), max_results=1000)["messages"]
    assert {m["status"] for m in every_status} == {"Info", "Warning", "Error", "Debug"}
    not_started = [m for m in monitors if m["started"] is None]
    assert {m["status"] for m in not_started} == {"Pending"}
    assert any(m["progressText"] is None and m["percentComplete"] is None for m in not_started)
    assert backend.login("test", "test", "TEST")["user"] == "test"
