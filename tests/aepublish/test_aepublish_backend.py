"""The aepublish backend on a frozen clock: the six rules, their order, AIMS, seeds, faults."""

from __future__ import annotations

import threading

import pytest

from mock_server.aepublish.backend import TOKEN_LIFETIME, AepublishBackend, LoginRefused
from mock_server.core.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
)
from tests.aepublish.aepublish_seeds import (
    ACME,
    DORMANT,
    EXPIRED,
    FINDING,
    GLOBEX,
    HEARTBEAT,
    LOGIN,
    THROTTLE_COUNT,
    THROTTLE_PERIOD,
    UNIQUE_WINDOW,
    observation,
    outcomes,
    seed,
)


def publish(backend: AepublishBackend, token: str, *observations, account: str = "2") -> dict:
    return backend.publish(token, account, list(observations)).body


def login(backend: AepublishBackend, account: dict) -> str:
    return backend.authenticate(account["access_key_id"], account["secret_key"])["token"]


# --- rule 1: error --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("element", "details"),
    [
        (42, "must be a JSON object, not a number"),
        ("text", "must be a JSON object, not a string"),
        (None, "must be a JSON object, not null"),
        ({"data": {}}, "has no 'definition'"),
        ({"definition": 7}, "'definition' must be a string, not a number"),
        ({"definition": "no/such/thing"}, "unknown observation definition 'no/such/thing'"),
        ({"definition": HEARTBEAT, "progress_marker": 1}, "'progress_marker' must be a string"),
        ({"definition": HEARTBEAT, "ts": "yesterday"}, "'ts' must be epoch seconds"),
        ({"definition": HEARTBEAT, "ts": True}, "'ts' must be epoch seconds"),
        ({"definition": HEARTBEAT, "data": [1, 2]}, "'data' must be a JSON object, not an array"),
    ],
)
def test_a_malformed_observation_is_an_error_with_details(backend, token, element, details):
    [result] = publish(backend, token, element)["observations"]
    assert result["outcome"] == "error"
    assert details in result["details"]
    assert set(result) == {"outcome", "details"}


def test_an_error_does_not_stop_the_rest_of_the_request(backend, token):
    body = publish(backend, token, 1, observation(marker="m1"), {"x": 1})
    assert outcomes(body) == ["error", "success", "error"]


def test_extra_keys_and_a_missing_data_object_are_fine(backend, token):
    body = publish(backend, token, {"definition": HEARTBEAT, "source": "agent-7"})
    assert outcomes(body) == ["success"]


# --- rule 6: success ------------------------------------------------------------------------


def test_success_has_a_fresh_ingest_id_and_chkpt_only_with_a_marker(backend, token):
    with_marker, without = publish(backend, token, observation(marker="m1"), observation())[
        "observations"
    ]
    assert with_marker["outcome"] == without["outcome"] == "success"
    assert with_marker["chkpt"] == "m1"
    assert "chkpt" not in without
    assert with_marker["ingest_id"] != without["ingest_id"]
    assert len(with_marker["ingest_id"]) == 32
    int(with_marker["ingest_id"], 16)  # hexadecimal


def test_ingest_ids_are_unique_across_requests_and_resets(backend, token):
    seen = {r["ingest_id"] for r in publish(backend, token, *[observation()] * 50)["observations"]}
    backend.reset()
    backend.load_seed(seed())
    token = login(backend, ACME)
    seen |= {r["ingest_id"] for r in publish(backend, token, *[observation()] * 50)["observations"]}
    assert len(seen) == 100


def test_stats_count_every_outcome_and_include_zeros(backend, token):
    body = publish(backend, token, observation(marker="m"), observation(marker="m"), "bad")
    assert body["stats"] == {
        "success": 1,
        "retry": 0,
        "error": 1,
        "suppressed": 0,
        "throttled": 0,
        "duplicate": 1,
    }


# --- rule 3: duplicate ----------------------------------------------------------------------


def test_a_published_marker_is_a_duplicate_with_the_first_ingest_id(backend, token):
    [first] = publish(backend, token, observation(marker="m1"))["observations"]
    [again] = publish(backend, token, observation(marker="m1"))["observations"]
    assert again == {"outcome": "duplicate", "ingest_id": first["ingest_id"]}


def test_a_marker_repeated_within_one_request_is_a_duplicate(backend, token):
    body = publish(backend, token, observation(marker="m1"), observation(marker="m1"))
    first, second = body["observations"]
    assert outcomes(body) == ["success", "duplicate"]
    assert second["ingest_id"] == first["ingest_id"]


# --- rule 4: suppressed ---------------------------------------------------------------------


def test_equal_unique_values_within_the_window_are_suppressed(backend, token):
    body = publish(
        backend,
        token,
        observation(FINDING, "m1", finding_id="f-1", severity=8),
        observation(FINDING, "m2", finding_id="f-1", severity=2),
        observation(FINDING, "m3", finding_id="f-2"),
    )
    first, second, _ = body["observations"]
    assert outcomes(body) == ["success", "suppressed", "success"]
    assert second == {"outcome": "suppressed", "ingest_id": first["ingest_id"]}


def test_suppression_ends_with_the_unique_window(backend, token, clock):
    publish(backend, token, observation(FINDING, "m1", finding_id="f-1"))
    clock.advance(UNIQUE_WINDOW - 1)
    assert outcomes(publish(backend, token, observation(FINDING, "m2", finding_id="f-1"))) == [
        "suppressed"
    ]
    clock.advance(1)
    assert outcomes(publish(backend, token, observation(FINDING, "m3", finding_id="f-1"))) == [
        "success"
    ]


def test_unique_values_may_be_objects_and_missing_ones_count_as_null(backend, token):
    body = publish(
        backend,
        token,
        observation(FINDING, finding_id={"region": "eu", "n": [1, 2]}),
        observation(FINDING, finding_id={"n": [1, 2], "region": "eu"}),
        observation(FINDING),
        observation(FINDING),
    )
    assert outcomes(body) == ["success", "suppressed", "success", "suppressed"]


def test_a_definition_without_unique_properties_never_suppresses(backend, token):
    body = publish(backend, token, observation(HEARTBEAT, x=1), observation(HEARTBEAT, x=1))
    assert outcomes(body) == ["success", "success"]


# --- rule 5: throttled ----------------------------------------------------------------------


def test_the_definition_quota_throttles_within_the_trailing_period(backend, token, clock):
    logins = [observation(LOGIN, f"m{i}") for i in range(THROTTLE_COUNT + 1)]
    body = publish(backend, token, *logins)
    assert outcomes(body) == ["success"] * THROTTLE_COUNT + ["throttled"]
    assert body["observations"][-1] == {"outcome": "throttled"}
    clock.advance(THROTTLE_PERIOD - 1)
    assert outcomes(publish(backend, token, observation(LOGIN, "late"))) == ["throttled"]
    clock.advance(1)
    assert outcomes(publish(backend, token, observation(LOGIN, "later"))) == ["success"]


def test_the_period_trails_each_success(backend, token, clock):
    publish(backend, token, observation(LOGIN, "a"))
    clock.advance(30)
    publish(backend, token, observation(LOGIN, "b"), observation(LOGIN, "c"))
    clock.advance(30)  # "a" left the window; "b" and "c" have 30 s to go
    assert outcomes(publish(backend, token, observation(LOGIN, "d"), observation(LOGIN, "e"))) == [
        "success",
        "throttled",
    ]


# --- only a success records -----------------------------------------------------------------


def test_a_throttled_marker_is_not_recorded(backend, token, clock):
    publish(backend, token, *[observation(LOGIN, f"m{i}") for i in range(THROTTLE_COUNT)])
    assert outcomes(publish(backend, token, observation(LOGIN, "kept"))) == ["throttled"]
    clock.advance(THROTTLE_PERIOD)
    assert outcomes(publish(backend, token, observation(LOGIN, "kept"))) == ["success"]


def test_a_suppressed_observation_records_neither_marker_nor_window(backend, token, clock):
    publish(backend, token, observation(FINDING, "m1", finding_id="f"))
    clock.advance(UNIQUE_WINDOW - 10)
    assert outcomes(publish(backend, token, observation(FINDING, "m2", finding_id="f"))) == [
        "suppressed"
    ]
    clock.advance(10)  # the window counts from the success, not from the suppression
    assert outcomes(publish(backend, token, observation(FINDING, "m2", finding_id="f"))) == [
        "success"
    ]


# --- the order of the rules -----------------------------------------------------------------


def test_an_error_beats_a_fault(backend, token):
    backend.add_fault({"definition": HEARTBEAT, "delay": 3})
    body = publish(backend, token, {"definition": HEARTBEAT, "ts": "x"}, observation())
    assert outcomes(body) == ["error", "retry"]


def test_a_fault_beats_a_duplicate_marker(backend, token):
    publish(backend, token, observation(marker="m1"))
    backend.add_fault({"definition": HEARTBEAT, "delay": 7, "times": 1})
    [result] = publish(backend, token, observation(marker="m1"))["observations"]
    assert result["outcome"] == "retry"
    assert result["delay"] == 7


def test_a_duplicate_marker_beats_suppression(backend, token):
    [first] = publish(backend, token, observation(FINDING, "m1", finding_id="f"))["observations"]
    body = publish(backend, token, observation(FINDING, "m1", finding_id="f"))
    assert body["observations"] == [{"outcome": "duplicate", "ingest_id": first["ingest_id"]}]


def test_suppression_beats_throttling(backend, token):
    backend.add_definition(
        {"path": FINDING, "unique": ["finding_id"], "throttle_count": 1, "throttle_period": 60}
    )
    body = publish(
        backend,
        token,
        observation(FINDING, finding_id="f"),
        observation(FINDING, finding_id="f"),
        observation(FINDING, finding_id="g"),
    )
    assert outcomes(body) == ["success", "suppressed", "throttled"]


# --- faults (rule 2) ------------------------------------------------------------------------


def test_a_fault_with_times_answers_retry_that_often_and_records_nothing(backend, token):
    fault = backend.add_fault({"definition": HEARTBEAT, "delay": 7, "times": 2})
    assert fault == {
        "id": fault["id"],
        "definition": HEARTBEAT,
        "delay": 7,
        "times": 2,
        "latency": 0,
    }
    body = publish(backend, token, observation(marker="m1"), observation(marker="m1"))
    assert (
        body["observations"]
        == [{"outcome": "retry", "delay": 7, "details": f"fault injected for {HEARTBEAT}"}] * 2
    )
    assert backend.list_faults() == []  # used up
    assert outcomes(publish(backend, token, observation(marker="m1"))) == ["success"]


def test_a_fault_without_times_lasts_until_removed(backend, token):
    fault = backend.add_fault({"definition": HEARTBEAT})
    assert "times" not in fault
    assert outcomes(publish(backend, token, *[observation()] * 5)) == ["retry"] * 5
    assert backend.list_faults() == [fault]
    backend.remove_fault(fault["id"])
    assert outcomes(publish(backend, token, observation())) == ["success"]


def test_list_faults_shows_what_is_left_and_only_the_faulted_definition_is_hit(backend, token):
    fault = backend.add_fault({"definition": LOGIN, "delay": 2, "times": 3})
    assert outcomes(publish(backend, token, observation(LOGIN), observation())) == [
        "retry",
        "success",
    ]
    assert backend.list_faults() == [dict(fault, times=2)]


def test_the_latency_of_a_matched_fault_is_reported(backend, token):
    backend.add_fault({"definition": LOGIN, "latency": 0.5})
    assert backend.publish(token, "2", [observation()]).latency == 0
    assert backend.publish(token, "2", [observation(LOGIN)]).latency == 0.5


def test_remove_and_clear_faults(backend):
    first = backend.add_fault({"definition": LOGIN})
    backend.add_fault({"definition": FINDING})
    with pytest.raises(NotFound):
        backend.remove_fault("no-such-fault")
    backend.remove_fault(first["id"])
    assert [f["definition"] for f in backend.list_faults()] == [FINDING]
    backend.clear_faults()
    assert backend.list_faults() == []


@pytest.mark.parametrize(
    "fault",
    [
        {},
        {"definition": ""},
        {"definition": LOGIN, "times": 0},
        {"definition": LOGIN, "delay": -1},
        {"definition": LOGIN, "latency": "1"},
        {"definition": LOGIN, "colour": "red"},
    ],
)
def test_a_bad_fault_is_refused(backend, fault):
    with pytest.raises(InvalidInput):
        backend.add_fault(fault)
    assert backend.list_faults() == []


# --- accounts and definitions ---------------------------------------------------------------


def test_state_is_per_account(backend, token):
    globex = login(backend, GLOBEX)
    publish(backend, token, observation(FINDING, "m1", finding_id="f"))
    publish(backend, token, *[observation(LOGIN) for _ in range(THROTTLE_COUNT)])
    body = publish(
        backend,
        globex,
        observation(FINDING, "m1", finding_id="f"),
        observation(LOGIN),
        account="3",
    )
    assert outcomes(body) == ["success", "success"]


def test_an_account_definition_overrides_the_shared_one_for_that_account_only(backend, token):
    backend.add_definition({"path": HEARTBEAT, "throttle_count": 1, "account_id": "3"})
    globex = login(backend, GLOBEX)
    assert outcomes(publish(backend, globex, observation(), observation(), account="3")) == [
        "success",
        "throttled",
    ]
    assert outcomes(publish(backend, token, observation(), observation())) == [
        "success",
        "success",
    ]


def test_a_definition_of_one_account_is_unknown_to_another(backend, token):
    backend.add_definition({"path": "acme/only", "account_id": "3"})
    [result] = publish(backend, token, observation("acme/only"))["observations"]
    assert result["outcome"] == "error"


def test_add_definition_fills_defaults_and_replaces_same_path_and_account(backend):
    added = backend.add_definition({"path": "k8s/pod/crash", "unique": ["pod"]})
    assert added == {
        "path": "k8s/pod/crash",
        "unique": ["pod"],
        "unique_window": 3600,
        "throttle_count": None,
        "throttle_period": 60,
        "account_id": None,
    }
    backend.add_definition({"path": "k8s/pod/crash", "throttle_count": 9})
    [stored] = [d for d in backend.list_definitions() if d["path"] == "k8s/pod/crash"]
    assert stored["throttle_count"] == 9
    assert stored["unique"] == []


def test_a_definition_for_an_account_not_seeded_yet_applies_once_it_is(backend):
    backend.add_definition(
        {"path": "x", "account_id": "99", "throttle_count": 1, "throttle_period": 60}
    )
    backend.add_account({"id": "99", "access_key_id": "k99", "secret_key": "s99"})
    token = backend.authenticate("k99", "s99")["token"]
    body = backend.publish(token, "99", [{"definition": "x"}, {"definition": "x"}]).body
    assert [r["outcome"] for r in body["observations"]] == ["success", "throttled"]


def test_add_account_generates_a_key_pair_and_refuses_duplicates(backend):
    account = backend.add_account({"id": "7"})
    assert account["name"] == "Account 7"
    assert account["access_key_id"] and account["secret_key"]
    assert backend.authenticate(account["access_key_id"], account["secret_key"])["account"] == {
        "id": "7",
        "name": "Account 7",
        "active": True,
    }
    with pytest.raises(Conflict):
        backend.add_account({"id": "7"})
    with pytest.raises(Conflict):
        backend.add_account({"id": "8", "access_key_id": ACME["access_key_id"]})


# --- AIMS -----------------------------------------------------------------------------------


def test_authenticate_returns_what_almdrlib_reads(backend, clock):
    auth = backend.authenticate("demo-key", "demo-secret")
    assert auth["account"] == {"id": "2", "name": "Acme", "active": True}
    assert auth["user"]["account_id"] == "2"
    assert auth["user"]["id"] == backend.authenticate("demo-key", "demo-secret")["user"]["id"]
    assert auth["token_expiration"] == clock.now() + TOKEN_LIFETIME
    info = backend.token_info(auth["token"])
    assert (info["account"], info["user"]) == (auth["account"], auth["user"])
    assert info["token_expiration"] == auth["token_expiration"]


def test_token_info_has_every_field_of_the_vendors_answer(backend, token):
    info = backend.token_info(token)
    assert set(info) == {
        "account",
        "user",
        "roles",
        "entity_id",
        "entity_type",
        "requester_id",
        "token_expiration",
    }
    user_id = info["user"]["id"]
    assert (info["entity_id"], info["entity_type"]) == (user_id, "user")
    assert info["requester_id"] == f"2:user:{user_id}"
    [role] = info["roles"]
    assert role["account_id"] == "2" and role["name"] and role["id"]
    assert role["permissions"] and role["legacy_permissions"] == []
    # Stable: the same role on every login, and per account.
    again = backend.token_info(backend.authenticate("demo-key", "demo-secret")["token"])
    assert again["roles"] == info["roles"]
    globex = backend.token_info(backend.authenticate("globex-key", "globex-secret")["token"])
    assert globex["roles"][0]["id"] != role["id"]


@pytest.mark.parametrize(
    ("account", "reason"),
    [
        (DORMANT, "account_inactive"),
        (EXPIRED, "password_expired"),
        ({**DORMANT, "password_expired": True}, "account_inactive"),  # inactive is told first
    ],
    ids=["inactive", "password-expired", "both"],
)
def test_a_right_pair_aims_will_not_log_in_is_refused_with_its_reason(backend, account, reason):
    backend.add_account(account)
    key, secret = account["access_key_id"], account["secret_key"]
    assert backend.verify_key_pair(key, secret)  # the pair itself is right
    with pytest.raises(LoginRefused) as refused:
        backend.authenticate(key, secret)
    assert refused.value.reason == reason
    assert isinstance(refused.value, InvalidInput)  # a 400 wherever it is not caught
    # A wrong secret is still just a failed authentication.
    with pytest.raises(Unauthorized):
        backend.authenticate(key, "wrong")


def test_accounts_are_active_with_a_live_password_unless_seeded_otherwise(backend):
    stored = backend.add_account({"id": "6", "access_key_id": "k6", "secret_key": "s6"})
    assert (stored["active"], stored["password_expired"]) == (True, False)
    assert backend.authenticate("k6", "s6")["account"]["active"] is True
    dormant = backend.add_account(DORMANT)
    assert (dormant["active"], dormant["password_expired"]) == (False, False)


@pytest.mark.parametrize(("key", "secret"), [("demo-key", "wrong"), ("nobody", "demo-secret")])
def test_a_bad_key_pair_is_unauthorized(backend, key, secret):
    assert not backend.verify_key_pair(key, secret)
    with pytest.raises(Unauthorized):
        backend.authenticate(key, secret)


def test_a_token_expires_on_the_mock_clock(backend, token, clock):
    clock.advance(TOKEN_LIFETIME - 1)
    assert backend.token_info(token)["account"]["id"] == "2"
    clock.advance(1)
    with pytest.raises(Unauthorized, match="expired"):
        backend.token_info(token)
    with pytest.raises(Unauthorized):
        publish(backend, token, observation())


def test_an_unknown_token_is_unauthorized(backend):
    with pytest.raises(Unauthorized):
        publish(backend, "forged", observation())


def test_a_token_may_not_publish_to_another_account(backend, token):
    with pytest.raises(Forbidden):
        publish(backend, token, observation(marker="m1"), account="3")
    # nothing was recorded for either account
    assert outcomes(publish(backend, token, observation(marker="m1"))) == ["success"]


# --- whole-request refusals -----------------------------------------------------------------


def test_more_than_the_batch_limit_is_refused_whole(backend, token):
    with pytest.raises(PayloadTooLarge):
        backend.publish(token, "2", [observation(marker="m1")] * 101)
    assert len(publish(backend, token, *[observation()] * 100)["observations"]) == 100
    assert outcomes(publish(backend, token, observation(marker="m1"))) == ["success"]


def test_a_body_that_is_not_a_list_is_invalid(backend, token):
    with pytest.raises(InvalidInput):
        backend.publish(token, "2", {"definition": HEARTBEAT})


# --- seeds ----------------------------------------------------------------------------------


def test_load_seed_returns_counts_and_fills_defaults(clock):
    backend = AepublishBackend(clock)
    counts = backend.load_seed(
        {**seed(), "faults": [{"definition": FINDING, "delay": 7, "times": 1}]}
    )
    assert counts == {"accounts": 2, "definitions": 3, "faults": 1, "history": 0}
    [heartbeat] = [d for d in backend.list_definitions() if d["path"] == HEARTBEAT]
    assert heartbeat["unique"] == [] and heartbeat["throttle_count"] is None
    assert backend.list_faults()[0]["delay"] == 7
    assert backend.load_seed({}) == {"accounts": 0, "definitions": 0, "faults": 0, "history": 0}


@pytest.mark.parametrize(
    "section",
    [
        {"accounts": [{"id": "9"}], "definitions": [{"path": "x", "unique": "finding_id"}]},
        {"accounts": [{"id": "9"}], "faults": [{"delay": 1}]},
        {"accounts": [{"id": "9"}, {"id": "9"}]},
        {"accounts": [{"id": "9"}, dict(ACME)]},
        {"accounts": [{"id": "9"}], "definitions": [{"path": "x", "account_id": ""}]},
        {"accounts": [{"id": "9"}], "tokens": []},
        {"accounts": {"id": "9"}},
        {"accounts": [{"id": "9", "active": "no"}]},
        {"accounts": [{"id": "9", "password_expired": 1}]},
    ],
)
def test_load_seed_is_all_or_nothing(backend, section):
    definitions, faults = backend.list_definitions(), backend.list_faults()
    with pytest.raises((InvalidInput, Conflict)):
        backend.load_seed(section)
    assert [a["id"] for a in backend.list_accounts()] == ["2", "3"]
    assert backend.list_definitions() == definitions
    assert backend.list_faults() == faults


def test_a_seed_definition_may_name_an_account_of_the_same_seed(clock):
    backend = AepublishBackend(clock)
    backend.load_seed(
        {"accounts": [{"id": "5"}], "definitions": [{"path": "p", "account_id": "5"}]}
    )
    assert backend.list_definitions()[0]["account_id"] == "5"


def test_reset_empties_everything(backend, token):
    backend.add_fault({"definition": HEARTBEAT})
    backend.reset()
    assert backend.list_accounts() == []
    assert backend.list_definitions() == []
    assert backend.list_faults() == []
    with pytest.raises(Unauthorized):
        backend.token_info(token)


# --- concurrency ----------------------------------------------------------------------------


def test_concurrent_publications_of_one_marker_succeed_exactly_once(backend, token):
    results: list[dict] = []
    start = threading.Barrier(64)

    def publish_once():
        start.wait()
        [result] = publish(backend, token, observation(marker="shared"))["observations"]
        results.append(result)

    threads = [threading.Thread(target=publish_once) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r["outcome"] for r in results) == ["duplicate"] * 63 + ["success"]
    assert len({r["ingest_id"] for r in results}) == 1
