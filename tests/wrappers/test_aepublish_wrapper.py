"""wrappers.aepublish: AIMS login, typed outcomes, publish() retries, typed errors.

Every behaviour runs against both clients: the ``connect`` fixture builds the sync or the
async one and ``run`` awaits what needs awaiting, so one test body covers both forms. The
HTTP the generated client makes is mocked with respx; the last tests run the async client
against the in-process mock app.
"""

from __future__ import annotations

import base64
import inspect
import json
from collections.abc import Awaitable
from contextlib import AsyncExitStack
from typing import Any, TypeVar

import httpx
import pytest
import respx

from wrappers.aepublish import AepublishClient, AsyncAepublishClient, ObservationResult, Outcome
from wrappers.errors import (
    AuthenticationError,
    BadRequestError,
    LoginRefusedError,
    PayloadTooLargeError,
    PermissionDeniedError,
)

T = TypeVar("T")

BASE_URL = "http://aepublish.test"
ACCOUNT = "2"
KEY_PAIR = {"access_key_id": "demo-key", "secret_key": "demo-secret"}
TOKEN = "token-1"
PUBLISH_PATH = f"/aepublish/v1/{ACCOUNT}/observation"
INGEST_ID = "9f3c2a1b7d4e5f60000000000000002a"

Client = AepublishClient | AsyncAepublishClient


async def run(result: Awaitable[T] | T) -> T:
    """The value of a sync call, or of an async one once awaited."""
    return await result if inspect.isawaitable(result) else result


def observation(n: int, definition: str = "host/agent/heartbeat") -> dict[str, Any]:
    return {"definition": definition, "progress_marker": f"m{n}", "data": {"n": n}}


# --- canned answers -------------------------------------------------------------------------


def authentication(token: str = TOKEN) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "authentication": {
                "token": token,
                "token_expiration": 1_750_021_600,
                "account": {"id": ACCOUNT, "name": "Acme"},
                "user": {"id": "U1"},
            }
        },
    )


def token_info() -> httpx.Response:
    """AIMS' token_info answer, every field the vendor's document lists."""
    return httpx.Response(
        200,
        json={
            "account": {"id": ACCOUNT, "name": "Acme", "active": True},
            "user": {"id": "U1", "account_id": ACCOUNT},
            "roles": [{"id": "R1", "account_id": ACCOUNT, "name": "Read Only"}],
            "entity_id": "U1",
            "entity_type": "user",
            "requester_id": f"{ACCOUNT}:user:U1",
            "token_expiration": 1_750_021_600,
        },
    )


def answer(*results: dict[str, Any]) -> httpx.Response:
    outcomes = [result["outcome"] for result in results]
    stats = {outcome.value: outcomes.count(outcome.value) for outcome in Outcome}
    return httpx.Response(200, json={"observations": list(results), "stats": stats})


def problem(status: int, detail: str) -> httpx.Response:
    body = {"type": "about:blank", "title": "Refused", "status": status, "detail": detail}
    return httpx.Response(
        status, content=json.dumps(body), headers={"content-type": "application/problem+json"}
    )


def retry(delay: int | None) -> dict[str, Any]:
    return {"outcome": "retry"} if delay is None else {"outcome": "retry", "delay": delay}


SUCCESS = {"outcome": "success", "ingest_id": INGEST_ID}


def sent_observations(request: httpx.Request) -> list[dict[str, Any]]:
    return json.loads(request.content)


def basic_credentials(access_key_id: str, secret_key: str) -> str:
    return "Basic " + base64.b64encode(f"{access_key_id}:{secret_key}".encode()).decode()


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def aims():
    """respx routes of AIMS; the tests add the publish route they need."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.post("/aims/v1/authenticate", name="authenticate").mock(
            return_value=authentication()
        )
        router.get("/aims/v1/token_info", name="token_info").mock(return_value=token_info())
        yield router


@pytest.fixture
def sleeps() -> list[float]:
    """What publish() waited, in seconds, through the injected sleep."""
    return []


@pytest.fixture(params=["sync", "async"])
async def connect(request, sleeps):
    """Build the sync or the async client (default credentials: the key pair); closes it."""
    async with AsyncExitStack() as stack:

        async def sleep_async(seconds: float) -> None:
            sleeps.append(seconds)

        def build(**credentials: Any) -> Client:
            credentials = credentials or KEY_PAIR
            if request.param == "sync":
                client = AepublishClient(BASE_URL, **credentials, sleep=sleeps.append)
                return stack.enter_context(client)
            client = AsyncAepublishClient(BASE_URL, **credentials, sleep=sleep_async)
            stack.push_async_exit(client)
            return client

        yield build


# --- AIMS login -----------------------------------------------------------------------------


async def test_key_pair_logs_in_once_with_basic_auth_and_sends_the_token(aims, connect):
    publish = aims.post(PUBLISH_PATH).mock(return_value=answer(SUCCESS))
    client = connect()
    assert client.account_id is None  # lazily: nothing sent yet
    assert aims["authenticate"].call_count == 0

    await run(client.publish_observations(ACCOUNT, [observation(1)]))
    await run(client.publish_observations(ACCOUNT, [observation(2)]))

    assert client.account_id == ACCOUNT
    login = aims["authenticate"].calls.last.request
    assert login.headers["Authorization"] == basic_credentials("demo-key", "demo-secret")
    assert aims["authenticate"].call_count == 1  # the token is reused
    for call in publish.calls:
        assert call.request.headers["X-AIMS-Auth-Token"] == TOKEN
        assert "Authorization" not in call.request.headers  # the key pair stays with AIMS


async def test_given_token_is_checked_with_token_info(aims, connect):
    aims.post(PUBLISH_PATH).mock(return_value=answer(SUCCESS))
    client = connect(aims_token="given-token")

    assert await run(client.authenticate()) == ACCOUNT

    assert aims["token_info"].calls.last.request.headers["X-AIMS-Auth-Token"] == "given-token"
    assert not aims["authenticate"].called
    await run(client.publish_observations(ACCOUNT, [observation(1)]))
    assert aims.routes[-1].calls.last.request.headers["X-AIMS-Auth-Token"] == "given-token"


async def test_expired_token_logs_in_again_and_repeats_the_request_once(aims, connect):
    aims["authenticate"].side_effect = [authentication("old"), authentication("new")]
    publish = aims.post(PUBLISH_PATH).mock(
        side_effect=[problem(401, "the token has expired"), answer(SUCCESS)]
    )
    client = connect()

    results = await run(client.publish_observations(ACCOUNT, [observation(1)]))

    assert [result.outcome for result in results] == [Outcome.SUCCESS]
    sent_tokens = [call.request.headers["X-AIMS-Auth-Token"] for call in publish.calls]
    assert sent_tokens == ["old", "new"]
    assert aims["authenticate"].call_count == 2


async def test_a_second_401_is_raised_not_retried_forever(aims, connect):
    publish = aims.post(PUBLISH_PATH).mock(return_value=problem(401, "unknown token"))
    client = connect()

    with pytest.raises(AuthenticationError) as raised:
        await run(client.publish_observations(ACCOUNT, [observation(1)]))

    assert raised.value.status == 401
    assert publish.call_count == 2
    assert aims["authenticate"].call_count == 2


async def test_an_expired_given_token_is_raised_without_a_new_login(aims, connect):
    publish = aims.post(PUBLISH_PATH).mock(return_value=problem(401, "the token has expired"))
    client = connect(aims_token="given-token")

    with pytest.raises(AuthenticationError, match="expired"):
        await run(client.publish_observations(ACCOUNT, [observation(1)]))

    assert publish.call_count == 1
    assert not aims["authenticate"].called


async def test_a_wrong_key_pair_raises_authentication_error(aims, connect):
    # AIMS answers a failed login with a 401 and an empty body.
    aims["authenticate"].mock(return_value=httpx.Response(401))
    publish = aims.post(PUBLISH_PATH).mock(return_value=answer(SUCCESS))
    client = connect(access_key_id="demo-key", secret_key="wrong")

    with pytest.raises(AuthenticationError) as raised:
        await run(client.publish_observations(ACCOUNT, [observation(1)]))

    assert (raised.value.status, raised.value.content) == (401, b"")
    assert (raised.value.problem, raised.value.error) == (None, None)
    assert aims["authenticate"].call_count == 1
    assert not publish.called


async def test_a_wrong_key_pair_answered_with_a_problem_raises_the_same(aims, connect):
    aims["authenticate"].mock(return_value=problem(401, "wrong secret key"))
    client = connect(access_key_id="demo-key", secret_key="wrong")

    with pytest.raises(AuthenticationError) as raised:
        await run(client.authenticate())

    assert raised.value.problem["detail"] == "wrong secret key"


@pytest.mark.parametrize("reason", ["account_inactive", "password_expired"])
async def test_a_key_pair_aims_will_not_log_in_raises_login_refused(aims, connect, reason):
    aims["authenticate"].mock(return_value=httpx.Response(400, json={"error": reason}))
    publish = aims.post(PUBLISH_PATH).mock(return_value=answer(SUCCESS))
    client = connect()

    with pytest.raises(LoginRefusedError, match=reason) as raised:
        await run(client.publish_observations(ACCOUNT, [observation(1)]))

    assert isinstance(raised.value, BadRequestError)
    assert (raised.value.status, raised.value.error) == (400, reason)
    assert raised.value.problem == {"error": reason}
    assert not publish.called


@pytest.mark.parametrize(
    "credentials",
    [{}, {"access_key_id": "k"}, {"secret_key": "s"}, {**KEY_PAIR, "aims_token": TOKEN}],
    ids=["none", "key-only", "secret-only", "both-kinds"],
)
@pytest.mark.parametrize("client_class", [AepublishClient, AsyncAepublishClient])
def test_credentials_are_a_key_pair_or_a_token(client_class, credentials):
    with pytest.raises(ValueError):
        client_class(BASE_URL, **credentials)


# --- publish_observations: outcomes and refusals --------------------------------------------


async def test_every_outcome_is_parsed_into_a_typed_result(aims, connect):
    wire = [
        {"outcome": "success", "ingest_id": INGEST_ID, "chkpt": "m1"},
        {"outcome": "retry", "delay": 7, "details": "fault injected"},
        {"outcome": "error", "details": "observation has no 'definition'"},
        {"outcome": "suppressed", "ingest_id": INGEST_ID},
        {"outcome": "throttled"},
        {"outcome": "duplicate", "ingest_id": INGEST_ID},
    ]
    aims.post(PUBLISH_PATH).mock(return_value=answer(*wire))
    client = connect()

    results = await run(client.publish_observations(ACCOUNT, [observation(n) for n in range(6)]))

    assert results == [
        ObservationResult(Outcome.SUCCESS, ingest_id=INGEST_ID, chkpt="m1"),
        ObservationResult(Outcome.RETRY, delay=7, details="fault injected"),
        ObservationResult(Outcome.ERROR, details="observation has no 'definition'"),
        ObservationResult(Outcome.SUPPRESSED, ingest_id=INGEST_ID),
        ObservationResult(Outcome.THROTTLED),
        ObservationResult(Outcome.DUPLICATE, ingest_id=INGEST_ID),
    ]
    assert results[0].outcome is Outcome.SUCCESS
    assert [result.outcome.value for result in results] == [item["outcome"] for item in wire]
    assert {result.outcome for result in results} == set(Outcome)  # all six, nothing else


@pytest.mark.parametrize(
    ("status", "error_class"),
    [(400, BadRequestError), (403, PermissionDeniedError), (413, PayloadTooLargeError)],
)
async def test_refused_requests_raise_typed_errors_with_the_problem(
    aims, connect, status, error_class
):
    publish = aims.post(PUBLISH_PATH).mock(return_value=problem(status, f"refused {status}"))
    client = connect()

    with pytest.raises(error_class) as raised:
        await run(client.publish(ACCOUNT, [observation(1)]))

    assert raised.value.status == status
    assert raised.value.problem == {
        "type": "about:blank",
        "title": "Refused",
        "status": status,
        "detail": f"refused {status}",
    }
    assert publish.call_count == 1  # publish() retries outcomes, never refusals


# --- publish(): re-sending the retry ones ---------------------------------------------------


async def test_publish_resends_only_the_retry_ones_after_the_largest_delay(aims, connect, sleeps):
    publish = aims.post(PUBLISH_PATH).mock(
        side_effect=[
            answer(SUCCESS, retry(3), {"outcome": "error", "details": "bad"}, retry(7)),
            answer({"outcome": "success", "ingest_id": "b"}, {"outcome": "duplicate"}),
        ]
    )
    client = connect()
    observations = [observation(n) for n in range(4)]

    results = await run(client.publish(ACCOUNT, observations))

    assert [sent_observations(call.request) for call in publish.calls] == [
        observations,
        [observations[1], observations[3]],
    ]
    assert sleeps == [7]
    assert [(result.outcome, result.ingest_id) for result in results] == [
        (Outcome.SUCCESS, INGEST_ID),
        (Outcome.SUCCESS, "b"),
        (Outcome.ERROR, None),
        (Outcome.DUPLICATE, None),
    ]


async def test_publish_is_bounded_by_max_attempts_and_keeps_the_last_retry(aims, connect, sleeps):
    publish = aims.post(PUBLISH_PATH).mock(
        side_effect=[answer(SUCCESS, retry(2)), answer(retry(2)), answer(retry(5))]
    )
    client = connect()

    results = await run(client.publish(ACCOUNT, [observation(1), observation(2)], max_attempts=3))

    assert publish.call_count == 3
    assert sleeps == [2, 2]  # no wait after the last attempt
    assert results == [
        ObservationResult(Outcome.SUCCESS, ingest_id=INGEST_ID),
        ObservationResult(Outcome.RETRY, delay=5),
    ]


async def test_a_retry_without_delay_waits_one_second(aims, connect, sleeps):
    aims.post(PUBLISH_PATH).mock(side_effect=[answer(retry(None)), answer(SUCCESS)])
    client = connect()

    results = await run(client.publish(ACCOUNT, [observation(1)]))

    assert sleeps == [1]
    assert results[0].outcome is Outcome.SUCCESS


async def test_publish_without_retries_sends_once_and_never_sleeps(aims, connect, sleeps):
    publish = aims.post(PUBLISH_PATH).mock(return_value=answer(SUCCESS, {"outcome": "throttled"}))
    client = connect()

    results = await run(client.publish(ACCOUNT, [observation(1), observation(2)]))

    assert [result.outcome for result in results] == [Outcome.SUCCESS, Outcome.THROTTLED]
    assert publish.call_count == 1
    assert sleeps == []


async def test_max_attempts_below_one_is_refused(aims, connect):
    client = connect()
    with pytest.raises(ValueError, match="max_attempts"):
        await run(client.publish(ACCOUNT, [observation(1)], max_attempts=0))


# --- closing --------------------------------------------------------------------------------


class ClosingTransport(httpx.MockTransport):
    """A transport that remembers being closed (httpx closes it with its client)."""

    closed = False

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def test_the_context_manager_closes_the_http_client():
    transport = ClosingTransport(lambda request: token_info())
    with AepublishClient(BASE_URL, aims_token=TOKEN, httpx_args={"transport": transport}) as c:
        assert c.authenticate() == ACCOUNT
    assert transport.closed


async def test_the_async_context_manager_closes_the_http_client():
    transport = ClosingTransport(lambda request: token_info())
    args = {"transport": transport}
    async with AsyncAepublishClient(BASE_URL, aims_token=TOKEN, httpx_args=args) as c:
        assert await c.authenticate() == ACCOUNT
    assert transport.closed


# --- end to end, against the in-process mock ------------------------------------------------

FINDING = "aws/guardduty/finding"
LOGIN = "aws/cloudtrail/console_login"
HEARTBEAT = "host/agent/heartbeat"
TOKEN_LIFETIME = 6 * 3600

E2E_SEED = {
    "accounts": [{"id": ACCOUNT, "name": "Acme", **KEY_PAIR}],
    "definitions": [
        {"path": FINDING, "unique": ["finding_id"], "unique_window": 3600},
        {"path": LOGIN, "throttle_count": 1, "throttle_period": 60},
        {"path": HEARTBEAT},
    ],
}


@pytest.fixture
def mock_app(make_app):
    """The in-process mock (aepublish and its admin API), seeded with account 2."""
    app = make_app(apis=("aepublish", "admin"))
    app.mock_state.aepublish.load_seed(E2E_SEED)
    return app


@pytest.fixture
async def live_client(mock_app, sleeps):
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    # No socket: the httpx client hands every request to the app in this process.
    args = {"transport": httpx.ASGITransport(app=mock_app)}
    client = AsyncAepublishClient("http://mock.test", **KEY_PAIR, httpx_args=args, sleep=sleep)
    async with client:
        yield client


def event(definition: str, marker: str, **data: Any) -> dict[str, Any]:
    return {"definition": definition, "progress_marker": marker, "ts": 1_750_000_000, "data": data}


async def test_end_to_end_every_outcome_and_a_fault_resolved_on_the_second_attempt(
    mock_app, live_client, sleeps
):
    mock_app.mock_state.aepublish.add_fault({"definition": HEARTBEAT, "delay": 7, "times": 1})
    observations = [
        event(FINDING, "f1", finding_id="A"),  # success
        event(FINDING, "f2", finding_id="A"),  # suppressed by the first
        event(FINDING, "f1", finding_id="B"),  # duplicate marker of the first
        event(LOGIN, "l1"),  # success, using the quota of 1
        event(LOGIN, "l2"),  # throttled
        {"data": {"no": "definition"}},  # error
        event(HEARTBEAT, "h1"),  # retry (fault, times=1), then success
    ]

    results = await live_client.publish(ACCOUNT, observations)

    assert [result.outcome for result in results] == [
        Outcome.SUCCESS,
        Outcome.SUPPRESSED,
        Outcome.DUPLICATE,
        Outcome.SUCCESS,
        Outcome.THROTTLED,
        Outcome.ERROR,
        Outcome.SUCCESS,
    ]
    assert sleeps == [7]  # one wait: the fault's delay, before the second attempt
    first = results[0]
    assert first.chkpt == "f1"
    assert results[1].ingest_id == results[2].ingest_id == first.ingest_id
    assert results[5].details
    assert results[6].chkpt == "h1"
    assert live_client.account_id == ACCOUNT


async def test_end_to_end_an_expired_token_is_renewed(mock_app, live_client, clock):
    await live_client.publish_observations(ACCOUNT, [event(HEARTBEAT, "h1")])
    clock.advance(TOKEN_LIFETIME + 1)

    results = await live_client.publish_observations(ACCOUNT, [event(HEARTBEAT, "h2")])

    assert [result.outcome for result in results] == [Outcome.SUCCESS]


@pytest.mark.parametrize(
    ("key_pair", "error", "reason"),
    [
        ({**KEY_PAIR, "secret_key": "wrong"}, AuthenticationError, None),
        ({"access_key_id": "nobody", "secret_key": "x"}, AuthenticationError, None),
        (
            {"access_key_id": "inactive-key", "secret_key": "s4"},
            LoginRefusedError,
            "account_inactive",
        ),
        (
            {"access_key_id": "expired-key", "secret_key": "s5"},
            LoginRefusedError,
            "password_expired",
        ),
    ],
    ids=["wrong-secret", "unknown-key", "inactive", "password-expired"],
)
async def test_end_to_end_a_refused_login_raises_its_typed_error(mock_app, key_pair, error, reason):
    mock_app.mock_state.aepublish.load_seed(
        {
            "accounts": [
                {"id": "4", "access_key_id": "inactive-key", "secret_key": "s4", "active": False},
                {
                    "id": "5",
                    "access_key_id": "expired-key",
                    "secret_key": "s5",
                    "password_expired": True,
                },
            ]
        }
    )
    args = {"transport": httpx.ASGITransport(app=mock_app)}
    async with AsyncAepublishClient("http://mock.test", **key_pair, httpx_args=args) as client:
        with pytest.raises(error) as raised:
            await client.publish_observations(ACCOUNT, [event(HEARTBEAT, "h1")])
    assert raised.value.error == reason
    if error is AuthenticationError:
        assert (raised.value.content, raised.value.problem) == (b"", None)


async def test_end_to_end_a_given_token_is_read_with_token_info(mock_app, live_client):
    token = mock_app.mock_state.aepublish.authenticate(*KEY_PAIR.values())["token"]
    args = {"transport": httpx.ASGITransport(app=mock_app)}
    async with AsyncAepublishClient(
        "http://mock.test", aims_token=token, httpx_args=args
    ) as client:
        assert await client.authenticate() == ACCOUNT


async def test_end_to_end_another_accounts_id_is_forbidden(live_client):
    with pytest.raises(PermissionDeniedError) as raised:
        await live_client.publish_observations("3", [event(HEARTBEAT, "h1")])
    assert raised.value.problem["status"] == 403
