"""almdrlib (alertlogic-sdk-python 1.0.74), unchanged, publishes to the mock through AIMS.

Each of the six outcomes is provoked by its own rule (``publish_observations`` in
``specs/aepublish.yaml``). A client made by ``almdrlib.client(...)`` returns 4xx/5xx answers
rather than raising; only its AIMS login raises (``AuthenticationException``).
"""

from __future__ import annotations

import almdrlib
import pytest
import requests
from almdrlib.session import AuthenticationException

ACCOUNT = "2"
KEY_PAIR = {"access_key_id": "compat-key", "secret_key": "compat-secret"}
INACTIVE = {"access_key_id": "inactive-key", "secret_key": "inactive-secret"}
EXPIRED = {"access_key_id": "expired-key", "secret_key": "expired-secret"}
GUARDDUTY = "aws/guardduty/finding"
LOGIN = "aws/cloudtrail/console_login"


@pytest.fixture
def seeded(admin):
    admin.seed(
        {
            "aepublish": {
                "accounts": [
                    {"id": ACCOUNT, "name": "Acme", **KEY_PAIR},
                    {"id": "3", "name": "Other"},
                    {"id": "4", "name": "Dormant", **INACTIVE, "active": False},
                    {"id": "5", "name": "Stale", **EXPIRED, "password_expired": True},
                ],
                "definitions": [
                    {"path": GUARDDUTY, "unique": ["finding_id"], "unique_window": 3600},
                    {"path": LOGIN, "throttle_count": 1, "throttle_period": 60},
                ],
            }
        }
    )
    return admin


@pytest.fixture
def aepublish(seeded, mock_url):
    return almdrlib.client("aepublish", global_endpoint=mock_url, **KEY_PAIR)


def publish(client, observations, account_id=ACCOUNT):
    response = client.publish_observations(account_id=account_id, data=observations)
    assert response.status_code == 200
    return response.json()["observations"]


def test_authenticates_through_aims(aepublish):
    assert (
        publish(aepublish, [{"definition": GUARDDUTY, "data": {"finding_id": "f-0"}}])[0]["outcome"]
        == "success"
    )


def test_all_six_outcomes_each_by_its_rule(aepublish, seeded):
    seeded.add_fault({"definition": GUARDDUTY, "delay": 7, "times": 1})
    results = publish(
        aepublish,
        [
            {"definition": GUARDDUTY, "data": {"finding_id": "f-1"}},  # fault: retry
            {"definition": GUARDDUTY, "progress_marker": "m-1", "data": {"finding_id": "f-1"}},
            {"definition": GUARDDUTY, "progress_marker": "m-1", "data": {"finding_id": "f-2"}},
            {"definition": GUARDDUTY, "data": {"finding_id": "f-1"}},  # same unique key
            {"definition": LOGIN, "data": {"user": "a"}},
            {"definition": LOGIN, "data": {"user": "b"}},  # over 1 per 60 s
            {"definition": "no/such/definition", "data": {}},
        ],
    )
    outcomes = [r["outcome"] for r in results]
    assert outcomes == [
        "retry",
        "success",
        "duplicate",
        "suppressed",
        "success",
        "throttled",
        "error",
    ]
    assert results[0]["delay"] == 7
    assert results[1]["chkpt"] == "m-1"
    assert results[2]["ingest_id"] == results[1]["ingest_id"]
    assert results[3]["ingest_id"] == results[1]["ingest_id"]
    assert results[6]["details"]


@pytest.mark.parametrize(
    ("account_id", "observations", "status"),
    [
        ("3", 1, 403),  # a token of account 2 publishing to account 3
        (ACCOUNT, 1001, 413),  # above the mock's default batch limit of 1,000
    ],
    ids=["forbidden", "too-large"],
)
def test_an_error_answer_is_returned_not_raised(aepublish, account_id, observations, status):
    # A client made by almdrlib.client(...) hands back a 4xx answer rather than raising.
    data = [{"definition": GUARDDUTY, "data": {}}] * observations
    response = aepublish.publish_observations(account_id=account_id, data=data)
    assert isinstance(response, requests.Response)
    assert response.status_code == status
    assert response.json()["status"] == status


def fresh_client(mock_url, key_pair):
    # almdrlib.client() shares one default session, which keeps its token while token_info
    # still accepts it: a session of its own logs in with exactly this pair.
    session = almdrlib.Session(global_endpoint=mock_url, **key_pair)
    return almdrlib.client("aepublish", session=session, global_endpoint=mock_url, **key_pair)


@pytest.mark.parametrize(
    ("key_pair", "status"),
    [
        ({**KEY_PAIR, "secret_key": "wrong"}, 401),  # AIMS' empty 401
        ({"access_key_id": "nobody", "secret_key": "x"}, 401),
        (INACTIVE, 400),  # {"error": "account_inactive"}
        (EXPIRED, 400),  # {"error": "password_expired"}
    ],
    ids=["wrong-secret", "unknown-key", "inactive", "password-expired"],
)
def test_a_refused_login_raises_almdrlibs_authentication_exception(
    seeded, mock_url, key_pair, status
):
    client = fresh_client(mock_url, key_pair)
    with pytest.raises(AuthenticationException, match=f"{status} Client Error"):
        client.publish_observations(account_id=ACCOUNT, data=[{"definition": GUARDDUTY}])


def test_the_right_pair_logs_in_with_a_session_of_its_own(seeded, mock_url):
    client = fresh_client(mock_url, KEY_PAIR)
    data = [{"definition": GUARDDUTY, "data": {"finding_id": "own"}}]
    assert publish(client, data)[0]["outcome"] == "success"


def test_a_given_aims_token_is_checked_with_token_info(seeded, mock_url):
    auth = requests.post(
        f"{mock_url}/aims/v1/authenticate",
        auth=(KEY_PAIR["access_key_id"], KEY_PAIR["secret_key"]),
        timeout=10,
    ).json()
    client = almdrlib.client(
        "aepublish", global_endpoint=mock_url, aims_token=auth["authentication"]["token"]
    )
    assert (
        publish(client, [{"definition": GUARDDUTY, "data": {"finding_id": "x"}}])[0]["outcome"]
        == "success"
    )
    # What it read from token_info (account.id, account.name).
    session = almdrlib.Session(global_endpoint=mock_url, aims_token=auth["authentication"]["token"])
    assert (session.account_id, session.account_name) == (ACCOUNT, "Acme")
