"""HTTP fault rules over real sockets: every action, match key, ``times`` and ``probability``
against a live server (``python -m mock_server``), as a downstream client meets them."""

from __future__ import annotations

import json
import time

import httpx
import pytest
import yaml

from mock_server.core.seed import DEMO_SEED
from tests.live import live_server

SESSIONS = "/api/v1/sessions/"
PREFIX = "/api/v1/sessions/0041"
#: A session PREFIX finds, next to the demo data.
SESSION = {"session_h": "0041" + "a" * 36, "run_date": "2025-01-01T00:00:00", "description": {}}


def seed_everything(client: httpx.Client) -> None:
    demo = yaml.safe_load(DEMO_SEED.read_text())
    client.post("/_mock/seed", json=demo).raise_for_status()
    client.post("/_mock/seed", json={"monitor_server": {"sessions": [SESSION]}}).raise_for_status()


@pytest.fixture(scope="module")
def server():
    with live_server("--empty") as live:
        with httpx.Client(base_url=live.url) as client:
            seed_everything(client)
        yield live


@pytest.fixture
def admin(server):
    with httpx.Client(base_url=server.url, timeout=10) as client:
        client.delete("/_mock/faults").raise_for_status()
        client.delete("/_mock/requests").raise_for_status()
        yield client
        client.delete("/_mock/faults").raise_for_status()


@pytest.fixture
def api(server):
    # A fresh connection per request: a cut connection must not poison the next request.
    with httpx.Client(
        base_url=server.url, timeout=10, limits=httpx.Limits(max_keepalive_connections=0)
    ) as client:
        yield client


def add(admin: httpx.Client, **rule) -> dict:
    response = admin.post("/_mock/faults", json=rule)
    assert response.status_code == 201, response.text
    return response.json()


def journal(admin: httpx.Client, **filters) -> list[dict]:
    return admin.get("/_mock/requests", params=filters).json()["requests"]


def aims_token(api: httpx.Client) -> str:
    answer = api.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
    answer.raise_for_status()
    return answer.json()["authentication"]["token"]


def preservica_token(api: httpx.Client) -> str:
    answer = api.post(
        "/api/accesstoken/login", data={"username": "test", "password": "test", "tenant": "TEST"}
    )
    answer.raise_for_status()
    return answer.json()["token"]


# --- actions ---------------------------------------------------------------------------------


def test_a_status_answer_with_headers_and_a_problem_body(admin, api):
    rule = add(
        admin,
        match={"path": "/api/v1/sessions/*"},
        action={"status": 503, "headers": {"Retry-After": "2"}},
        times=1,
    )
    faulted = api.get(PREFIX)
    assert faulted.status_code == 503
    assert faulted.headers["retry-after"] == "2"
    assert faulted.headers["content-type"] == "application/problem+json"
    assert faulted.json()["status"] == 503 and rule["id"] in faulted.json()["detail"]
    assert api.get(PREFIX).status_code == 200  # times: 1, then the normal answer
    [first, second] = journal(admin)
    assert first["fault"] == {"id": rule["id"], "action": rule["action"]}
    assert first["status"] == 503 and second["fault"] is None


@pytest.mark.parametrize(
    ("action", "content_type", "body"),
    [
        (
            {
                "status": 502,
                "body": "<html><h1>502 Bad Gateway</h1></html>",
                "content_type": "text/html",
            },
            "text/html",
            b"<html><h1>502 Bad Gateway</h1></html>",
        ),
        ({"status": 504, "body": ""}, None, b""),
        ({"status": 429, "body": "slow down"}, "text/plain; charset=utf-8", b"slow down"),
    ],
)
def test_a_status_answer_with_a_proxys_body(admin, api, action, content_type, body):
    add(admin, match={"api": "monitor_server"}, action=action)
    answer = api.get(PREFIX)
    assert answer.status_code == action["status"]
    assert answer.content == body
    assert answer.headers.get("content-type") == content_type
    assert answer.headers["content-length"] == str(len(body))


def test_latency_delays_the_normal_answer(admin, api):
    add(admin, match={"path": PREFIX}, action={"latency": 0.4, "jitter": 0.1})
    began = time.monotonic()
    answer = api.get(PREFIX)
    elapsed = time.monotonic() - began
    assert answer.status_code == 200 and answer.json()["sessions"]  # the real answer
    assert 0.3 <= elapsed < 2.0
    [entry] = journal(admin)
    assert entry["status"] == 200 and entry["fault"]["action"] == {"latency": 0.4, "jitter": 0.1}
    assert entry["duration_ms"] >= 300


def test_latency_is_bounded(admin):
    for action in ({"latency": 61}, {"latency": 50, "jitter": 11}, {"latency": -1}):
        refused = admin.post("/_mock/faults", json={"action": action})
        assert refused.status_code == 400, action
        assert refused.headers["content-type"] == "application/problem+json"


def test_disconnect_before_response_sends_nothing_and_changes_nothing(admin, api):
    count = api.get("/api/v1/sessions/count").json()["count"]
    add(admin, match={"operation": "create_session"}, action={"disconnect": "before_response"})
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        api.post(
            SESSIONS,
            json={
                "session_h": "c" * 40,
                "run_date": "2025-01-01T00:00:00",
                "scm_ref": None,
                "description": {},
            },
        )
    assert api.get("/api/v1/sessions/count").json()["count"] == count  # never reached the backend
    [entry] = journal(admin, operation="create_session")
    assert entry["status"] is None and entry["fault"]["action"] == {"disconnect": "before_response"}
    assert json.loads(entry["body"])["session_h"] == "c" * 40


def test_disconnect_mid_body_sends_headers_and_part_of_the_body(admin, api):
    add(admin, match={"path": PREFIX}, action={"disconnect": "mid_body"})
    with api.stream("GET", PREFIX) as answer:
        assert answer.status_code == 200
        announced = int(answer.headers["content-length"])
        received = bytearray()
        with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
            for chunk in answer.iter_raw():
                received += chunk
    assert 0 < len(received) < announced


def test_truncate_sends_a_complete_answer_whose_json_is_cut(admin, api):
    add(admin, match={"path": PREFIX}, action={"truncate": 25})
    answer = api.get(PREFIX)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["content-length"] == "25" and len(answer.content) == 25
    assert answer.content.startswith(b'{"sessions":')  # the operation's example answer, cut
    with pytest.raises(ValueError):
        answer.json()


def test_truncate_never_sends_the_whole_body(admin, api):
    add(admin, match={"path": PREFIX}, action={"truncate": 10**9})
    answer = api.get(PREFIX)
    with pytest.raises(ValueError):
        json.loads(answer.content)


# --- matching --------------------------------------------------------------------------------


def test_match_api(admin, api):
    add(admin, match={"api": "preservica"}, action={"status": 500})
    assert api.get(PREFIX).status_code == 200
    assert api.get("/api/processmonitor/monitors").status_code == 500  # before its 401, too
    assert api.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret")).status_code == 200


def test_match_operation(admin, api):
    token = aims_token(api)
    add(admin, match={"operation": "publish_observations"}, action={"status": 429})
    headers = {"X-AIMS-Auth-Token": token}
    assert api.get("/aims/v1/token_info", headers=headers).status_code == 200
    published = api.post(
        "/aepublish/v1/2/observation",
        json=[{"definition": "host/agent/heartbeat"}],
        headers=headers,
    )
    assert published.status_code == 429


def test_match_operation_must_be_an_operation_id_of_the_api(admin):
    for match in (
        {"operation": "no_such_operation"},
        {"api": "preservica", "operation": "publish_observations"},
        {"api": "nowhere"},
    ):
        refused = admin.post("/_mock/faults", json={"match": match, "action": {"status": 500}})
        assert refused.status_code == 400, match
        assert refused.json()["status"] == 400
    assert admin.get("/_mock/faults").json() == {"faults": []}


def test_match_method(admin, api):
    add(admin, match={"method": "post", "path": SESSIONS}, action={"status": 503})
    assert api.get(SESSIONS).status_code == 200
    assert api.post(SESSIONS, json={}).status_code == 503


def test_match_path_glob(admin, api):
    add(admin, match={"path": "/api/v1/sessions/00?1*"}, action={"status": 502})
    assert api.get(PREFIX).status_code == 502
    assert api.get("/api/v1/sessions/count").status_code == 200
    assert api.get("/api/v1/contexts/").status_code == 200


def test_every_key_must_hold(admin, api):
    add(
        admin,
        match={"api": "monitor_server", "method": "GET", "path": "/api/v1/contexts/*"},
        action={"status": 500},
    )
    assert api.get("/api/v1/contexts/").status_code == 500
    assert api.get(SESSIONS).status_code == 200
    assert api.post("/api/v1/contexts/", json={}).status_code != 500


def test_an_empty_match_takes_every_served_request_but_never_the_admin_api(admin, api):
    add(admin, action={"status": 503})
    assert api.get(PREFIX).status_code == 503
    assert api.get("/api/processmonitor/monitors").status_code == 503
    assert api.get("/aims/v1/token_info").status_code == 503
    assert admin.get("/_mock/health").status_code == 200
    assert admin.get("/_mock/clock").status_code == 200
    assert admin.get("/_specs/aepublish.json").status_code == 200
    assert api.get("/no/api/here").status_code == 404  # not a served API's path: untouched


# --- times, probability, order ----------------------------------------------------------------


def test_times_counts_the_requests_acted_on(admin, api):
    rule = add(admin, match={"path": PREFIX}, action={"status": 500}, times=2)
    assert api.get(PREFIX).status_code == 500
    [listed] = admin.get("/_mock/faults").json()["faults"]
    assert (listed["id"], listed["times"], listed["hits"]) == (rule["id"], 1, 1)
    assert api.get(SESSIONS).status_code == 200  # not matched: not counted
    assert api.get(PREFIX).status_code == 500
    assert admin.get("/_mock/faults").json() == {"faults": []}  # used up
    assert api.get(PREFIX).status_code == 200


def test_without_times_a_rule_acts_until_removed(admin, api):
    rule = add(admin, match={"path": PREFIX}, action={"status": 500})
    assert [api.get(PREFIX).status_code for _ in range(3)] == [500] * 3
    assert admin.delete(f"/_mock/faults/{rule['id']}").status_code == 204
    assert api.get(PREFIX).status_code == 200
    assert admin.delete(f"/_mock/faults/{rule['id']}").status_code == 404


def statuses(api: httpx.Client, n: int) -> list[int]:
    return [api.get(PREFIX).status_code for _ in range(n)]


def test_probability_with_a_seed_is_reproducible(admin, api):
    add(admin, match={"path": PREFIX}, action={"status": 503}, probability=0.5, seed=7)
    first = statuses(api, 24)
    admin.delete("/_mock/faults")
    add(admin, match={"path": PREFIX}, action={"status": 503}, probability=0.5, seed=7)
    assert statuses(api, 24) == first
    assert 503 in first and 200 in first
    # A request the draw spares does not count against times.
    admin.delete("/_mock/faults")
    add(admin, match={"path": PREFIX}, action={"status": 503}, probability=0.5, seed=7, times=3)
    assert statuses(api, 24).count(503) == 3


def test_probability_zero_never_acts_and_one_always(admin, api):
    add(admin, match={"path": PREFIX}, action={"status": 500}, probability=0)
    assert statuses(api, 5) == [200] * 5
    admin.delete("/_mock/faults")
    add(admin, match={"path": PREFIX}, action={"status": 500}, probability=1)
    assert statuses(api, 5) == [500] * 5


def test_rules_apply_in_the_order_they_were_added(admin, api):
    add(admin, match={"path": PREFIX}, action={"status": 502}, times=1)
    add(admin, match={"api": "monitor_server"}, action={"status": 503}, times=1)
    assert statuses(api, 3) == [502, 503, 200]
    # A rule whose draw spares the request lets the next one act.
    add(admin, match={"path": PREFIX}, action={"status": 502}, probability=0)
    add(admin, match={"path": PREFIX}, action={"status": 504}, times=1)
    assert statuses(api, 2) == [504, 200]


def test_a_faulted_write_leaves_the_state_untouched(admin, api):
    token = aims_token(api)
    headers = {"X-AIMS-Auth-Token": token}
    observation = [{"definition": "host/agent/heartbeat", "progress_marker": f"m-{time.time()}"}]
    add(admin, match={"operation": "publish_observations"}, action={"status": 500}, times=1)
    assert (
        api.post("/aepublish/v1/2/observation", json=observation, headers=headers).status_code
        == 500
    )
    published = api.post("/aepublish/v1/2/observation", json=observation, headers=headers)
    assert published.json()["observations"][0]["outcome"] == "success"  # not a duplicate


def test_reset_forgets_the_rules(admin, api, server):
    add(admin, action={"status": 500})
    try:
        assert admin.post("/_mock/reset").status_code == 204
        assert admin.get("/_mock/faults").json() == {"faults": []}
        assert api.get(SESSIONS).status_code == 204  # empty, not faulted
    finally:
        seed_everything(admin)


def test_rules_and_their_refusals_are_listed(admin):
    add(admin, match={"api": "aepublish"}, action={"latency": 1}, times=5, seed=3)
    add(admin, action={"truncate": 4}, probability=0.25)
    listed = admin.get("/_mock/faults").json()["faults"]
    assert [(r["id"].startswith("rule-"), r["action"], r["times"]) for r in listed] == [
        (True, {"latency": 1}, 5),
        (True, {"truncate": 4}, None),
    ]
    assert listed[1]["probability"] == 0.25
    for rule in (
        {"action": {}},
        {"action": {"status": 500, "latency": 1}},
        {"action": {"status": 500, "jitter": 1}},
        {"action": {"disconnect": "later"}},
        {"action": {"status": 99}},
        {"action": {"status": 500, "headers": {"Bad Header": "x"}}},
        {"action": {"status": 500}, "times": 0},
        {"action": {"status": 500}, "probability": 1.5},
        {"match": {"verb": "GET"}, "action": {"status": 500}},
    ):
        refused = admin.post("/_mock/faults", json=rule)
        assert refused.status_code == 400, rule
        assert refused.headers["content-type"] == "application/problem+json"
    assert admin.delete("/_mock/faults").status_code == 204
    assert admin.get("/_mock/faults").json() == {"faults": []}
