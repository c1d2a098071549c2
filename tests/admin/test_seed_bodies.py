"""POST /_mock/seed in YAML as well as JSON (under the rules of --seed files), aepublish fault
rules only for definitions the mock has, and the generated admin client: unknown keys
refused, error answers raised (``mock_server.admin_client``)."""

from __future__ import annotations

import io
import time

import httpx
import pytest
from mock_admin_client import Client
from mock_admin_client.api.admin import load_seed
from mock_admin_client.api.aepublish import add_definition, add_fault
from mock_admin_client.models import FaultRule, ObservationDefinition, SeedDocument
from mock_admin_client.types import File

from mock_server import MockConfig, create_app
from mock_server.admin_client import MockAdminError, admin_client, raise_for_problem
from mock_server.inprocess import AsyncInProcessTransport, InProcessTransport
from tests.core.test_seed import BILLION_LAUGHS

USERS_YAML = "preservica:\n  users:\n    - username: alice\n      password: secret\n"


@pytest.fixture(scope="module")
def built():
    # One app for the module (tests/admin/conftest.py builds one per test): each test
    # starts from an empty state and no kept seeds.
    return create_app(MockConfig(apis=("admin",), empty=True, validate_responses=True))


@pytest.fixture
def app(built):
    built.mock_state.reset()
    built.mock_state.kept_seeds.clear()
    return built


@pytest.mark.parametrize("content_type", ["application/yaml", "text/yaml; charset=utf-8"])
async def test_a_yaml_body_is_loaded(client, state, content_type):
    answer = await client.post(
        "/_mock/seed", content=USERS_YAML, headers={"content-type": content_type}
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["preservica"]["users"] == 1
    assert [u["username"] for u in state.export_seed()["preservica"]["users"]] == ["alice"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            "preservica:\n  users:\n    - {username: a, password: b, pasword: c}\n",
            "line 3, column 34: preservica.users[0].pasword: unknown key 'pasword' "
            "(not in SeedDocument)",
        ),
        ("preservica: [\n", "line 2, column 1: while parsing a flow node did not find expected"),
        (
            "preservica: !!python/object/apply:os.system [true]\n",
            "line 1, column 13: the tag !!python/object/apply:os.system is not allowed",
        ),
        ("a: 1\na: 2\n", "line 2, column 1: the key 'a' appears twice in this mapping"),
        (
            "preservica:\n  users:\n    - {username: a, password: b}\n"
            "    - {username: a, password: c}\n",
            "line 3, column 5: preservica.users: user ('TEST', 'a') appears twice",
        ),
        (BILLION_LAUGHS, "its aliases expand this document of 28 nodes to 490,329,064"),
    ],
)
async def test_a_yaml_body_is_refused_saying_where(client, state, body, detail):
    began = time.monotonic()
    answer = await client.post(
        "/_mock/seed", content=body, headers={"content-type": "application/yaml"}
    )
    assert time.monotonic() - began < 2
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["detail"].startswith(detail), answer.json()
    assert state.export_seed()["preservica"]["users"] == []  # nothing loaded


async def test_json_bodies_are_checked_as_before(client):
    answer = await client.post("/_mock/seed", json={"preservica": {"users": [{"username": "a"}]}})
    assert answer.status_code == 400
    assert "'password' is a required property" in answer.json()["detail"]


async def test_a_fault_rule_needs_a_definition_the_mock_has(client, state):
    refused = await client.post(
        "/_mock/aepublish/faults", json={"definition": "aws/guardduty/findng", "delay": 3}
    )
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith("no observation definition 'aws/guardduty/findng'")
    assert state.aepublish.list_faults() == []
    await client.post("/_mock/aepublish/definitions", json={"path": "aws/guardduty/finding"})
    accepted = await client.post(
        "/_mock/aepublish/faults", json={"definition": "aws/guardduty/finding", "delay": 3}
    )
    assert accepted.status_code == 201, accepted.text
    assert [f["definition"] for f in state.aepublish.list_faults()] == ["aws/guardduty/finding"]


async def test_a_fault_rule_for_one_accounts_definition(client, state):
    await client.post("/_mock/aepublish/definitions", json={"path": "own/one", "account_id": "2"})
    accepted = await client.post("/_mock/aepublish/faults", json={"definition": "own/one"})
    assert accepted.status_code == 201, accepted.text


# --- the generated admin client ---------------------------------------------------------------


def test_the_seed_model_refuses_unknown_keys_at_every_level():
    with pytest.raises(ValueError, match=r"SeedDocument: unknown key\(s\) 'monitorserver'"):
        SeedDocument.from_dict({"monitorserver": {}})
    with pytest.raises(ValueError, match=r"SeedMonitor: unknown key\(s\) 'nmae'"):
        SeedDocument.from_dict({"preservica": {"monitors": [{"nmae": "x"}]}})
    known = {"preservica": {"monitors": [{"name": "x", "status": "Running"}]}}
    assert SeedDocument.from_dict(known).to_dict() == known


@pytest.fixture
def blocking_admin(app):
    client = admin_client("http://mock.test", httpx_args={"transport": InProcessTransport(app)})
    with client:
        yield client


def test_the_admin_client_raises_on_an_error_answer(blocking_admin):
    with pytest.raises(MockAdminError) as refused:
        add_fault.sync_detailed(client=blocking_admin, body=FaultRule(definition="no/such"))
    error = refused.value
    assert error.status == 400 and error.problem["title"] == "Bad Request"
    assert error.detail.startswith("no observation definition 'no/such'")
    assert str(error).startswith("POST /_mock/aepublish/faults -> 400 Bad Request: no obs")
    assert isinstance(error, httpx.HTTPStatusError)


def test_the_admin_client_sends_yaml_seeds(blocking_admin, state):
    answer = load_seed.sync(
        client=blocking_admin, body=File(payload=io.BytesIO(USERS_YAML.encode()))
    )
    assert answer.to_dict()["preservica"]["users"] == 1
    with pytest.raises(MockAdminError, match="line 1, column 13: the tag !!python/name:os"):
        load_seed.sync(
            client=blocking_admin, body=File(payload=io.BytesIO(b"preservica: !!python/name:os\n"))
        )


def test_successes_pass_through_the_hook(blocking_admin):
    added = add_definition.sync(
        client=blocking_admin, body=ObservationDefinition(path="host/agent/heartbeat")
    )
    assert added.path == "host/agent/heartbeat"


async def test_the_hook_raises_in_an_asyncio_client_too(app):
    client = Client(
        "http://mock.test",
        httpx_args={
            "transport": AsyncInProcessTransport(app),
            "event_hooks": {"response": [raise_for_problem]},
        },
    )
    async with client:
        with pytest.raises(MockAdminError) as refused:
            await add_fault.asyncio_detailed(client=client, body=FaultRule(definition="no/such"))
        assert refused.value.status == 400
        fine = await add_definition.asyncio(
            client=client, body=ObservationDefinition(path="host/agent/heartbeat")
        )
        assert fine.path == "host/agent/heartbeat"


# --- kept seeds: one request back to where a test starts ------------------------------------


async def test_a_kept_seed_is_loaded_by_each_reset_that_names_it(client, state):
    kept = await client.put("/_mock/seeds/start", json={"preservica": {"users": [ALICE]}})
    assert kept.status_code == 204, kept.text
    assert state.export_seed()["preservica"]["users"] == []  # kept, not loaded
    for _ in range(2):
        await client.post("/_mock/seed", json={"preservica": {"users": [BOB]}})
        answer = await client.post("/_mock/reset", params={"seed": "start"})
        assert answer.status_code == 204, answer.text
        users = state.export_seed()["preservica"]["users"]
        assert [u["username"] for u in users] == ["alice"]
    assert (await client.post("/_mock/reset")).status_code == 204  # plain reset as before
    assert state.export_seed()["preservica"]["users"] == []


async def test_a_seed_name_never_kept_is_a_404_and_changes_nothing(client, state):
    await client.post("/_mock/seed", json={"preservica": {"users": [BOB]}})
    answer = await client.post("/_mock/reset", params={"seed": "nope"})
    assert answer.status_code == 404
    assert answer.json()["detail"] == "no seed document kept as 'nope' (PUT /_mock/seeds/nope)"
    assert len(state.export_seed()["preservica"]["users"]) == 1


async def test_a_seed_a_backend_refuses_is_refused_when_kept(client, state):
    answer = await client.put("/_mock/seeds/twice", json={"preservica": {"users": [BOB, BOB]}})
    assert answer.status_code == 400
    assert "appears twice" in answer.json()["detail"]
    assert state.kept_seeds == {}
    assert (await client.post("/_mock/reset", params={"seed": "twice"})).status_code == 404


ALICE = {"username": "alice", "password": "secret"}
BOB = {"username": "bob", "password": "secret"}
