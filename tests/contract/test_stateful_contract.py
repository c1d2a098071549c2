"""Stateful contract tests: chains of calls where each step feeds the next, every answer
still passing ``contract.CHECKS``.

* schemathesis' state machines over the links it infers from the specs (monitor-server:
  a listed or created session -> its metrics and counts; aepublish: authenticate ->
  publish to that account; admin: a created fault -> delete it). The Preservica spec gives
  it nothing to infer (its one path parameter is not named after a response field).
* explicit hypothesis-driven chains for the scenarios the mock exists for: log in, then
  list monitors; create a session, then find it by a prefix and count it; publish an
  observation, then publish it again and see ``duplicate``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tests.contract.contract import (
    AIMS_KEY_PAIR,
    build_app,
    call_and_validate,
    contract_machine,
    contract_settings,
    load,
    login_aims,
    reseed,
)
from tests.contract.lenient import MONITOR_SERVER_CHECKS
from tests.contract.seed import (
    ALERT_LOGIC_ACCOUNT,
    PRESERVICA_USER,
    contract_seed,
)

APP = build_app()
PRESERVICA = load("preservica_monitor.yaml", APP)
MONITOR_SERVER = load("monitor_server.yaml", APP)
AEPUBLISH = load("aepublish.yaml", APP)
ADMIN = load("mock_admin.yaml", APP)

#: Scenarios per state machine and steps per scenario (more under the "deep" profile).
machine_settings = settings(
    contract_settings,
    max_examples=max(3, contract_settings.max_examples // 3),
    stateful_step_count=6,
)


def _step(schema, method: str, path: str, headers=None, **parts):
    """One call of a chain, with every contract check on its answer."""
    return call_and_validate(schema[path][method].Case(**parts), headers)


# --------------------------------------------------------------------------------------
# schemathesis' own state machines, over the links it infers


def test_monitor_server_links_hold():
    contract_machine(MONITOR_SERVER, checks=MONITOR_SERVER_CHECKS).run(settings=machine_settings)


def test_aepublish_links_hold():
    contract_machine(AEPUBLISH, login_aims).run(settings=machine_settings)


def test_admin_links_hold():
    contract_machine(ADMIN).run(settings=machine_settings)


# --------------------------------------------------------------------------------------
# Preservica: log in, then list monitors

MONITORS = contract_seed()["preservica"]["monitors"]
STATUSES = ["Pending", "Running", "Succeeded", "Failed", "Suspended", "Recoverable"]
CATEGORIES = ["Ingest", "Export", "DataManagement", "Automated"]


@contract_settings
@given(
    status=st.lists(st.sampled_from(STATUSES), unique=True, max_size=3),
    category=st.lists(st.sampled_from(CATEGORIES), unique=True, max_size=2),
)
def test_log_in_then_list_monitors(status, category):
    reseed(APP)
    login = _step(
        PRESERVICA,
        "POST",
        "/api/accesstoken/login",
        body=PRESERVICA_USER,
        media_type="application/x-www-form-urlencoded",
    )
    assert login.status_code == 200
    token = {"Preservica-Access-Token": login.json()["token"]}

    query = {name: value for name, value in (("status", status), ("category", category)) if value}
    listing = _step(PRESERVICA, "GET", "/api/processmonitor/monitors", token, query=query)

    assert listing.status_code == 200
    expected = [
        m["mappedId"]
        for m in MONITORS
        if (not status or m["status"] in status) and (not category or m["category"] in category)
    ]
    assert [m["mappedId"] for m in listing.json()["value"]["monitors"]] == expected


# --------------------------------------------------------------------------------------
# monitor-server: create a session, then find it by prefix and count it

SEEDED_SESSIONS = [s["session_h"] for s in contract_seed()["monitor_server"]["sessions"]]

#: Any hash the spec allows (no "/": it could not be routed back to); no newline, which
#: connexion's router cannot take, and no NUL, where SQLite's LIKE stops reading.
hashes = st.text(st.characters(codec="utf-8", exclude_characters="/\n\x00"), min_size=1).filter(
    lambda h: h not in SEEDED_SESSIONS
)
tags = st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3)


def _segment(value: str) -> str:
    """``value`` as one path segment. Encoded here since schemathesis sends a "%" of a path
    parameter as it is; "." and ".." fully, as URL normalisation drops dot segments."""
    if value in (".", ".."):
        return value.replace(".", "%2E")
    return quote(value, safe="")


def like_prefix(prefix: str) -> re.Pattern[str]:
    """What ``LIKE 'prefix%'`` matches in SQLite: ASCII letters in either case, ``_`` any
    one character, ``%`` any run of them."""
    parts = []
    for char in prefix:
        if char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        elif char.isascii() and char.isalpha():
            parts.append(f"[{char.lower()}{char.upper()}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


@contract_settings
@given(session_h=hashes, description=tags, cut=st.integers(1, 64))
# Found by the deep profile: a prefix that is a dot segment must be sent percent-encoded.
@example(session_h="..", description={}, cut=2)
@example(session_h=".", description={}, cut=1)
def test_create_a_session_then_find_it_by_prefix_and_count_it(session_h, description, cut):
    reseed(APP)
    before = _step(MONITOR_SERVER, "GET", "/api/v1/sessions/count").json()["count"]
    body = {  # pytest-monitor's form
        "session_h": session_h,
        "run_date": "2024-05-13T09:12:44",
        "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
        "description": description,
    }
    created = _step(
        MONITOR_SERVER, "POST", "/api/v1/sessions/", body=body, media_type="application/json"
    )
    assert created.status_code == 201
    assert created.json()["session_h"] == session_h

    prefix = session_h[:cut]
    # /api/v1/sessions/count is the count route (the spec says so), not a prefix lookup.
    assume(prefix != "count")
    found = _step(
        MONITOR_SERVER,
        "GET",
        "/api/v1/sessions/{session_hash}",
        path_parameters={"session_hash": _segment(prefix)},
    )
    assert found.status_code == 200
    listed = [s["session_h"] for s in found.json()["sessions"]]
    assert session_h in listed
    assert all(like_prefix(prefix).match(h) for h in listed)

    # A session with an SCM reference counts (one without would not, as on the real server).
    assert _step(MONITOR_SERVER, "GET", "/api/v1/sessions/count").json() == {"count": before + 1}


# --------------------------------------------------------------------------------------
# aepublish: publish an observation, then publish it again and see `duplicate`

#: The seed's definitions without a fault rule (``flaky/source`` always answers retry).
DEFINITIONS = ["aws/guardduty/finding", "aws/cloudtrail/console_login", "host/agent/heartbeat"]
observations = st.fixed_dictionaries(
    {
        "definition": st.sampled_from(DEFINITIONS),
        "progress_marker": st.text(min_size=1),
        "data": st.dictionaries(
            st.text(max_size=8),
            st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none()),
            max_size=3,
        ),
    },
    optional={"ts": st.integers(0, 2**31)},
)


def _publish(token, batch):
    answer = _step(
        AEPUBLISH,
        "POST",
        "/aepublish/v1/{account_id}/observation",
        token,
        path_parameters={"account_id": ALERT_LOGIC_ACCOUNT},
        body=batch,
        media_type="application/json",
    )
    assert answer.status_code == 200
    return answer.json()


@contract_settings
@given(observation=observations, same_request=st.booleans())
def test_publish_an_observation_then_again_is_a_duplicate(observation, same_request):
    reseed(APP)
    login = _step(AEPUBLISH, "POST", "/aims/v1/authenticate", AIMS_KEY_PAIR)
    token = {"X-AIMS-Auth-Token": login.json()["authentication"]["token"]}

    if same_request:
        first, again = _publish(token, [observation, observation])["observations"]
    else:
        first = _publish(token, [observation])["observations"][0]
        answer = _publish(token, [observation])
        again = answer["observations"][0]
        assert answer["stats"]["duplicate"] == 1

    assert first["outcome"] == "success"
    assert first["chkpt"] == observation["progress_marker"]
    assert again == {"outcome": "duplicate", "ingest_id": first["ingest_id"]}
