"""The request journal (GET/DELETE /_mock/requests) and the contract violations it lists,
over the in-process app; ``--strict`` refusing every off-contract request."""

from __future__ import annotations

import json

import httpx
import pytest

from mock_server.core.journal import BODY_LIMIT, Journal
from tests.conftest import START

SESSION = {
    "session_h": "0041" + "b" * 36,
    "run_date": "2025-01-01T00:00:00",
    "scm_ref": None,
    "description": {"numpy": "1.26"},
}


@pytest.fixture
def app(make_app):
    app = make_app()
    app.mock_state.load_seed(
        {
            "preservica": {"users": [{"username": "test", "password": "test", "tenant": "TEST"}]},
            "aepublish": {
                "accounts": [{"id": "2", "access_key_id": "demo-key", "secret_key": "demo-secret"}],
                "definitions": [{"path": "host/agent/heartbeat"}],
            },
        }
    )
    return app


async def requests(client: httpx.AsyncClient, **filters) -> list[dict]:
    answer = await client.get("/_mock/requests", params=filters)
    assert answer.status_code == 200, answer.text
    return answer.json()["requests"]


async def test_an_entry_says_what_was_asked_and_answered(client):
    created = await client.post("/api/v1/sessions/", json=SESSION, params={"x": "1"})
    assert created.status_code == 201, created.text
    [entry] = await requests(client)
    assert entry["seq"] == 1
    assert entry["api"] == "monitor_server" and entry["operation"] == "create_session"
    assert (entry["method"], entry["path"], entry["query"]) == (
        "POST",
        "/api/v1/sessions/",
        {"x": ["1"]},
    )
    assert entry["headers"]["content-type"] == "application/json"
    assert json.loads(entry["body"]) == SESSION
    assert entry["body_size"] == len(created.request.content) and not entry["body_truncated"]
    assert entry["status"] == 201 and entry["fault"] is None
    assert entry["mock_time"] == START  # the frozen test clock
    assert entry["time"] > 1_600_000_000 and entry["duration_ms"] > 0
    assert entry["violations"] == ["Extra query parameter(s) x not in spec"]
    assert entry["response_body"] is None  # kept for errors only


async def test_oldest_first_with_filters_since_and_limit(client):
    await client.get("/api/v1/sessions/count")
    await client.post("/api/v1/sessions/", json=SESSION)
    await client.post("/api/v1/sessions/", json=SESSION)  # 409
    await client.get("/api/processmonitor/monitors")  # 401
    everything = await requests(client)
    assert [e["seq"] for e in everything] == [1, 2, 3, 4]
    assert [e["status"] for e in everything] == [200, 201, 409, 401]
    assert [e["seq"] for e in await requests(client, api="monitor_server")] == [1, 2, 3]
    assert [e["seq"] for e in await requests(client, operation="create_session")] == [2, 3]
    assert [e["seq"] for e in await requests(client, method="post")] == [2, 3]
    assert [e["seq"] for e in await requests(client, status=409)] == [3]
    assert [e["seq"] for e in await requests(client, since=2)] == [3, 4]
    assert [e["seq"] for e in await requests(client, limit=2)] == [3, 4]
    assert [e["seq"] for e in await requests(client, api="monitor_server", limit=1)] == [3]
    conflict = (await requests(client, status=409))[0]
    assert "already exists" in json.loads(conflict["response_body"])["detail"]
    listed = (await client.get("/_mock/requests", params={"since": 4})).json()
    assert listed == {"last_seq": 4, "requests": []}
    assert (await client.get("/_mock/requests", params={"limit": 0})).status_code == 400


async def test_the_admin_api_is_not_journaled_and_delete_empties_it(client):
    await client.get("/api/v1/sessions/count")
    await client.get("/_mock/health")
    await client.get("/_specs/admin.json")
    assert len(await requests(client)) == 1
    assert (await client.delete("/_mock/requests")).status_code == 204
    assert (await client.get("/_mock/requests")).json() == {"last_seq": 1, "requests": []}
    await client.get("/api/v1/sessions/count")
    assert [e["seq"] for e in await requests(client)] == [2]  # seq keeps counting


async def test_credentials_are_replaced(client):
    login = await client.post(
        "/api/accesstoken/login", data={"username": "test", "password": "test", "tenant": "TEST"}
    )
    token = login.json()["token"]
    await client.get("/api/processmonitor/monitors", headers={"Preservica-Access-Token": token})
    aims = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
    aims_token = aims.json()["authentication"]["token"]
    await client.get("/aims/v1/token_info", headers={"X-AIMS-Auth-Token": aims_token})
    await client.post(
        "/api/v1/sessions/",
        json={
            **SESSION,
            "description": {"api_secret_key": "s3cr3t", "nested": [{"password": "p"}]},
        },
    )
    entries = await requests(client)
    text = json.dumps(entries)
    for secret in (token, aims_token, "s3cr3t", "demo-secret", "password=test"):
        assert secret not in text, secret
    assert entries[0]["body"] == "username=test&password=***&tenant=TEST"
    assert entries[1]["headers"]["preservica-access-token"] == "***"
    assert entries[2]["headers"]["authorization"] == "***"
    assert entries[3]["headers"]["x-aims-auth-token"] == "***"
    description = json.loads(entries[4]["body"])["description"]
    assert description == {"api_secret_key": "***", "nested": [{"password": "***"}]}


async def test_bodies_are_capped(client):
    huge = [{"definition": "host/agent/heartbeat", "data": {"n": "x" * 100}}] * 100
    await client.post("/aepublish/v1/2/observation", json=huge)
    [entry] = await requests(client)
    assert entry["body_truncated"] and entry["body_size"] > BODY_LIMIT
    assert len(entry["body"].encode()) == BODY_LIMIT


@pytest.mark.parametrize(
    "body",
    ['[{"password": "p", "n": ' * 65 + "1" + "}]" * 65, "[" * 5000 + "]" * 5000],
    ids=["65-levels-with-secrets", "5000-levels"],
)
async def test_a_body_nested_deep_is_listed_as_its_text(client, body):
    # Refused when sent; the journal still lists it, without parsing it beyond 64 levels
    # (the json module's recursion gave out on the kept 4 KB of 5,000 brackets: a 500).
    answer = await client.post(
        "/api/v1/sessions/", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400
    listed = await client.get("/_mock/requests")
    assert listed.status_code == 200
    [entry] = listed.json()["requests"]
    assert entry["body"].startswith(body[:20].replace('"p"', '"***"'))
    assert '"p"' not in entry["body"]


def test_a_cut_body_with_a_secret_is_still_redacted():
    journal = Journal(4)
    body = (b'{"user": "u", "secret_key": "very-secret", "data": "' + b"x" * BODY_LIMIT)[
        :BODY_LIMIT
    ]
    headers = [(b"content-type", b"application/json")]
    journal.record(
        0, 0, "POST", "/x", b"token=abc&a=1", headers, body, 5000, 200, 0.1, None, None, None
    )
    [rendered] = journal.query()["requests"]
    assert "very-secret" not in rendered["body"] and '"secret_key": "***"' in rendered["body"]
    assert rendered["query"] == {"token": ["***"], "a": ["1"]}


def test_the_journal_keeps_the_last_size_entries():
    journal = Journal(3)
    for n in range(5):
        journal.record(n, n, "GET", f"/{n}", b"", [], b"", 0, 200, 0.1, None, None, None)
    listed = journal.query()
    assert [e["path"] for e in listed["requests"]] == ["/2", "/3", "/4"]
    assert listed["last_seq"] == 5


async def test_journal_size_zero_keeps_nothing(make_app):
    app = make_app(journal_size=0)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://m") as c:
        assert (await c.get("/api/v1/sessions/count")).status_code == 200
        assert (await c.get("/_mock/requests")).json() == {"last_seq": 0, "requests": []}


# --- contract violations ---------------------------------------------------------------------


async def test_monitor_server_answers_off_contract_requests_and_the_journal_lists_every_violation(
    client,
):
    answer = await client.get("/api/v1/sessions/", params={"page": "abc", "colour": "red"})
    assert answer.status_code != 400  # answered as the real server does
    header = json.loads(answer.headers["x-mock-contract-violations"])
    [entry] = await requests(client)
    assert entry["violations"] == header
    assert entry["violations"] == [
        "Extra query parameter(s) colour not in spec",
        "query parameter 'page': 'abc' is not of type 'integer'",
    ]


async def test_a_refused_request_lists_the_violation_that_refused_it(client):
    aims = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
    token = aims.json()["authentication"]["token"]
    refused = await client.post(
        "/aepublish/v1/2/observation", json={"not": "a list"}, headers={"X-AIMS-Auth-Token": token}
    )
    assert refused.status_code == 400
    login = await client.post("/api/accesstoken/login", data={"username": "test"})
    assert login.status_code == 400
    publish, preservica = await requests(client, status=400)
    assert publish["operation"] == "publish_observations"
    assert publish["violations"] == [refused.json()["detail"]]
    assert preservica["violations"] and "password" in preservica["violations"][0]


async def test_a_path_no_operation_answers_is_a_violation(client):
    await client.get("/api/v1/nowhere")
    [entry] = await requests(client)
    assert entry["api"] == "monitor_server" and entry["operation"] is None
    assert entry["violations"] == [
        "no operation of the monitor_server API answers GET /api/v1/nowhere"
    ]


async def test_valid_requests_have_no_violations(client):
    assert (await client.post("/api/v1/sessions/", json=SESSION)).status_code == 201
    assert (await client.get("/api/v1/sessions/0041")).status_code == 200
    assert [e["violations"] for e in await requests(client)] == [[], []]


@pytest.fixture
async def strict_client(make_app):
    app = make_app(strict=True)
    app.mock_state.load_seed(
        {
            "aepublish": {
                "accounts": [{"id": "2", "access_key_id": "k", "secret_key": "s"}],
                "definitions": [{"path": "host/agent/heartbeat"}],
            }
        }
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://m") as c:
        yield c


async def test_strict_refuses_monitor_server_off_contract_requests_listing_every_violation(
    strict_client,
):
    answer = await strict_client.get("/api/v1/sessions/", params={"page": "abc", "colour": "red"})
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["violations"] == [
        "Extra query parameter(s) colour not in spec",
        "query parameter 'page': 'abc' is not of type 'integer'",
    ]
    assert problem["detail"].startswith("2 contract violations: ")
    [entry] = (await strict_client.get("/_mock/requests")).json()["requests"]
    assert entry["violations"] == problem["violations"] and entry["status"] == 400
    # A valid request is answered as ever.
    assert (await strict_client.get("/api/v1/sessions/count")).status_code == 200


async def test_strict_lists_every_violation_of_a_body(strict_client):
    broken = {"session_h": 7, "run_date": [], "scm_ref": None, "description": {}}
    answer = await strict_client.post("/api/v1/sessions/", json=broken)
    assert answer.status_code == 400
    violations = answer.json()["violations"]
    assert len(violations) == 2
    assert any("session_h" in v for v in violations) and any("run_date" in v for v in violations)
    assert (await strict_client.get("/api/v1/sessions/count")).json() == {"count": 0}


async def test_strict_refuses_other_apis_with_every_violation_too(strict_client):
    token = (await strict_client.post("/aims/v1/authenticate", auth=("k", "s"))).json()[
        "authentication"
    ]["token"]
    answer = await strict_client.post(
        "/aepublish/v1/2/observation",
        params={"debug": "1"},
        json={"not": "a list"},
        headers={"X-AIMS-Auth-Token": token},
    )
    assert answer.status_code == 400
    violations = answer.json()["violations"]
    assert violations[0] == "Extra query parameter(s) debug not in spec"
    assert len(violations) == 2
