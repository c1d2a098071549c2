"""almdrlib (alertlogic-sdk-python 1.0.74), unchanged, publishes to the mock through AIMS.

Each of the six outcomes is provoked by its own rule of design.md.
"""

from __future__ import annotations

import almdrlib
import pytest
import requests

ACCOUNT = "2"
KEY_PAIR = {"access_key_id": "compat-key", "secret_key": "compat-secret"}
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


def test_publishing_to_a_foreign_account_is_forbidden(aepublish):
    # almdrlib 1.0.74 hands back the 403 response rather than raising.
    response = aepublish.publish_observations(
        account_id="3", data=[{"definition": GUARDDUTY, "data": {}}]
    )
    assert response.status_code == 403
    assert response.json()["status"] == 403


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
