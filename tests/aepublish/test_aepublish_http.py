"""aepublish and AIMS over the in-process ASGI app (responses validated against the spec)."""

from __future__ import annotations

import asyncio
import importlib
import json
import time
from pathlib import Path

import httpx
import pytest
import yaml

from mock_server.aepublish.backend import TOKEN_LIFETIME, LoginRefused
from tests.aepublish.aepublish_seeds import (
    ACME,
    DORMANT,
    EXPIRED,
    FINDING,
    GLOBEX,
    HEARTBEAT,
    LOGIN,
    THROTTLE_COUNT,
    observation,
    outcomes,
)
from tests.aepublish.conftest import MAX_BATCH

PUBLISH = "/aepublish/v1/2/observation"


def assert_problem(answer, status: int, detail_part: str = "") -> None:
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["status"] == status
    assert detail_part in problem["detail"]


# --- AIMS -----------------------------------------------------------------------------------


async def test_authenticate_answers_what_almdrlib_reads(client, seeded, clock):
    answer = await client.post("/aims/v1/authenticate", auth=("demo-key", "demo-secret"))
    assert answer.status_code == 200
    authentication = answer.json()["authentication"]
    assert authentication["account"]["id"] == "2"
    assert authentication["account"]["name"] == "Acme"
    assert authentication["user"]["id"]
    assert authentication["token"]
    assert authentication["token_expiration"] == clock.now() + TOKEN_LIFETIME


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Basic ZGVtby1rZXk6d3Jvbmc="},  # demo-key:wrong
        {"Authorization": "Basic bm9ib2R5OmRlbW8tc2VjcmV0"},  # nobody:demo-secret
        {"Authorization": "Basic !!!"},
        {},
    ],
    ids=["wrong-secret", "unknown-key", "garbled", "none"],
)
async def test_a_failed_authentication_is_a_401_with_an_empty_body(client, seeded, headers):
    # As the vendor's AIMS document says: "401 Unauthorized with an empty body and no HTTP
    # headers" (a server still sends its framing headers).
    answer = await client.post("/aims/v1/authenticate", headers=headers)
    assert answer.status_code == 401
    assert answer.content == b""
    assert "content-type" not in answer.headers


@pytest.mark.parametrize(
    ("account", "reason"),
    [
        (DORMANT, "account_inactive"),
        (EXPIRED, "password_expired"),
        ({**DORMANT, "password_expired": True}, "account_inactive"),
    ],
    ids=["inactive", "password-expired", "both"],
)
async def test_a_pair_aims_will_not_log_in_is_a_400_with_its_error(client, state, account, reason):
    state.aepublish.load_seed({"accounts": [account]})
    pair = (account["access_key_id"], account["secret_key"])
    answer = await client.post("/aims/v1/authenticate", auth=pair)
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {"error": reason}
    wrong = await client.post("/aims/v1/authenticate", auth=(pair[0], "wrong"))
    assert (wrong.status_code, wrong.content) == (401, b"")


async def test_token_info_names_the_account_of_the_token(client, auth):
    answer = await client.get("/aims/v1/token_info", headers=auth)
    assert answer.status_code == 200
    info = answer.json()
    assert info["account"] == {"id": "2", "name": "Acme", "active": True}
    assert info["user"]["account_id"] == "2"


async def test_token_info_answers_every_field_of_the_vendors_answer(client, auth):
    info = (await client.get("/aims/v1/token_info", headers=auth)).json()
    assert sorted(info) == [
        "account",
        "entity_id",
        "entity_type",
        "requester_id",
        "roles",
        "token_expiration",
        "user",
    ]
    assert (info["entity_id"], info["entity_type"]) == (info["user"]["id"], "user")
    assert info["requester_id"] == f"2:user:{info['user']['id']}"
    assert [(r["account_id"], r["version"]) for r in info["roles"]] == [("2", 1)]
    assert isinstance(info["roles"][0]["permissions"], dict)


async def test_token_info_accepts_the_lower_case_header_almdrlib_sends(client, auth):
    token = auth["X-AIMS-Auth-Token"]
    answer = await client.get("/aims/v1/token_info", headers={"x-aims-auth-token": token})
    assert answer.json()["account"]["id"] == "2"


async def test_an_expired_token_is_refused_everywhere(client, auth, clock):
    clock.advance(TOKEN_LIFETIME)
    assert_problem(await client.get("/aims/v1/token_info", headers=auth), 401)
    assert_problem(await client.post(PUBLISH, headers=auth, json=[observation()]), 401)


# --- publishing -----------------------------------------------------------------------------


async def test_each_outcome_over_http(client, auth, state):
    state.aepublish.add_fault({"definition": FINDING, "delay": 7, "times": 1})
    batch = [
        observation(FINDING, "f0", finding_id="a"),  # retry: the fault takes it
        observation(FINDING, "f1", finding_id="a"),  # success
        observation(FINDING, "f2", finding_id="a"),  # suppressed
        observation(marker="f1"),  # duplicate
        *[observation(LOGIN) for _ in range(THROTTLE_COUNT)],  # success x3
        observation(LOGIN),  # throttled
        "not an observation",  # error
    ]
    answer = await client.post(PUBLISH, headers=auth, json=batch)
    assert answer.status_code == 200
    body = answer.json()
    assert outcomes(body) == [
        "retry",
        "success",
        "suppressed",
        "duplicate",
        *["success"] * THROTTLE_COUNT,
        "throttled",
        "error",
    ]
    retry, success, suppressed, duplicate = body["observations"][:4]
    assert retry["delay"] == 7
    assert success["chkpt"] == "f1"
    assert suppressed["ingest_id"] == duplicate["ingest_id"] == success["ingest_id"]
    assert body["stats"] == {
        "success": 1 + THROTTLE_COUNT,
        "retry": 1,
        "error": 1,
        "suppressed": 1,
        "throttled": 1,
        "duplicate": 1,
    }


async def test_an_empty_array_is_an_empty_answer(client, auth):
    answer = await client.post(PUBLISH, headers=auth, json=[])
    assert answer.json() == {
        "observations": [],
        "stats": dict.fromkeys(
            ["success", "retry", "error", "suppressed", "throttled", "duplicate"], 0
        ),
    }


async def test_state_is_kept_between_requests(client, auth):
    first = (await client.post(PUBLISH, headers=auth, json=[observation(marker="m")])).json()
    again = (await client.post(PUBLISH, headers=auth, json=[observation(marker="m")])).json()
    assert again["observations"] == [
        {"outcome": "duplicate", "ingest_id": first["observations"][0]["ingest_id"]}
    ]


async def test_the_latency_of_a_fault_delays_the_whole_response(client, auth, state):
    state.aepublish.add_fault({"definition": HEARTBEAT, "latency": 0.2, "times": 1})
    started = time.monotonic()
    answer = await client.post(PUBLISH, headers=auth, json=[observation()])
    assert time.monotonic() - started >= 0.2
    assert outcomes(answer.json()) == ["retry"]


# --- whole-request refusals -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "detail_part"),
    [
        (b'{"definition": "host/agent/heartbeat"}', "is not of type 'array'"),
        (b'"observations"', "is not of type 'array'"),
        (b"[{", ""),
        (b"", ""),
    ],
    ids=["object", "string", "malformed", "empty"],
)
async def test_a_body_that_is_not_a_json_array_is_a_400(client, auth, content, detail_part):
    headers = {**auth, "Content-Type": "application/json"}
    answer = await client.post(PUBLISH, headers=headers, content=content)
    assert_problem(answer, 400, detail_part)


async def test_a_body_not_sent_as_json_is_a_415(client, auth):
    headers = {**auth, "Content-Type": "text/plain"}
    answer = await client.post(PUBLISH, headers=headers, content=b'[{"definition": "x"}]')
    assert_problem(answer, 415, "text/plain")


@pytest.mark.parametrize(
    "observation",
    [
        b'{"definition": "aws/guardduty/finding", "progress_marker": "\\ud800"}',
        b'{"definition": "aws/guardduty/finding", "data": {"finding_id": "x\\udfff"}}',
        b'{"definition": "aws/guardduty/finding", "data": {"finding_id": {"\\ud800": 1}}}',
    ],
)
async def test_a_lone_surrogate_is_an_error_outcome_and_nothing_is_held(
    client, auth, state, observation
):
    """Valid JSON text that is not Unicode text: the answer is still a 200 (not a 500),
    and the observation an `error`, so that nothing held keeps one: a snapshot and a
    --state file (JSON written as UTF-8) could not write it."""
    headers = {**auth, "Content-Type": "application/json"}
    answer = await client.post(PUBLISH, headers=headers, content=b"[" + observation + b"]")
    assert answer.status_code == 200
    [result] = answer.json()["observations"]
    assert result["outcome"] == "error"
    assert "lone surrogate" in result["details"] or "not text" in result["details"]
    # What a --state file writes (the snapshot's document, as JSON in UTF-8).
    json.dumps(state.export_seed(), ensure_ascii=False).encode("utf-8")


async def test_no_token_is_a_401(client, seeded):
    assert_problem(await client.post(PUBLISH, json=[observation()]), 401)


async def test_an_unknown_token_is_a_401(client, seeded):
    answer = await client.post(PUBLISH, headers={"X-AIMS-Auth-Token": "forged"}, json=[])
    assert_problem(answer, 401)


async def test_publishing_to_another_account_is_a_403(client, auth):
    answer = await client.post(
        "/aepublish/v1/3/observation", headers=auth, json=[observation(marker="m")]
    )
    assert_problem(answer, 403, "may not publish to account '3'")


async def test_another_account_publishes_with_its_own_token(client, auth):
    await client.post(PUBLISH, headers=auth, json=[observation(marker="m")])
    login = await client.post(
        "/aims/v1/authenticate", auth=(GLOBEX["access_key_id"], GLOBEX["secret_key"])
    )
    globex = {"X-AIMS-Auth-Token": login.json()["authentication"]["token"]}
    answer = await client.post(
        "/aepublish/v1/3/observation", headers=globex, json=[observation(marker="m")]
    )
    assert outcomes(answer.json()) == ["success"]


async def test_more_than_the_batch_limit_is_a_413(client, auth):
    answer = await client.post(
        PUBLISH, headers=auth, json=[observation(marker=f"m{i}") for i in range(MAX_BATCH + 1)]
    )
    assert_problem(answer, 413, f"the limit is {MAX_BATCH}")
    full = await client.post(
        PUBLISH, headers=auth, json=[observation(marker=f"m{i}") for i in range(MAX_BATCH)]
    )
    assert outcomes(full.json()) == ["success"] * MAX_BATCH


# --- concurrency ----------------------------------------------------------------------------


async def test_concurrent_publications_of_one_marker_succeed_exactly_once(client, auth):
    answers = await asyncio.gather(
        *[
            client.post(PUBLISH, headers=auth, json=[observation(marker="shared")])
            for _ in range(64)
        ]
    )
    results = [answer.json()["observations"][0] for answer in answers]
    assert sorted(r["outcome"] for r in results) == ["duplicate"] * 63 + ["success"]
    assert len({r["ingest_id"] for r in results}) == 1


# --- the generated client -------------------------------------------------------------------


async def test_the_generated_client_sends_observation_models_and_dicts(app, auth):
    # Importable once `make install` has mapped the freshly generated package.
    client_module = importlib.import_module("aepublish_client")
    from aepublish_client.api.observations_resources import publish_observations
    from aepublish_client.models import Observation, ObservationData, Outcome, PublishResponse

    generated = client_module.Client(base_url="http://mock.test")
    generated.set_async_httpx_client(
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://mock.test", headers=auth
        )
    )
    typed = Observation(definition=HEARTBEAT, progress_marker="typed", data=ObservationData())
    answer = await publish_observations.asyncio(
        "2", client=generated, body=[typed, observation(marker="plain"), 5]
    )
    assert isinstance(answer, PublishResponse)
    assert [r.outcome for r in answer.observations] == [
        Outcome.SUCCESS,
        Outcome.SUCCESS,
        Outcome.ERROR,
    ]
    assert answer.observations[0].chkpt == "typed"
    assert answer.stats.success == 2


def test_the_demo_seed_loads(state):
    demo = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"
    counts = state.aepublish.load_seed(yaml.safe_load(demo.read_text())["aepublish"])
    assert counts == {"accounts": 3, "definitions": 3, "faults": 0, "history": 0}
    assert state.aepublish.verify_key_pair(ACME["access_key_id"], ACME["secret_key"])
    # The demo's key pairs AIMS will not log in, one per reason.
    for pair, reason in [
        (("inactive-key", "inactive-secret"), "account_inactive"),
        (("expired-key", "expired-secret"), "password_expired"),
    ]:
        with pytest.raises(LoginRefused) as refused:
            state.aepublish.authenticate(*pair)
        assert refused.value.reason == reason
    throttled = [d for d in state.aepublish.list_definitions() if d["throttle_count"]]
    assert throttled and throttled[0]["throttle_period"] == 60
