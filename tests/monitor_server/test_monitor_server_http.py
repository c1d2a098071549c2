"""The monitor-server API over the in-process ASGI app (responses validated against the spec).

The page size is 3 here (see conftest.py), so paging edges need only a few records.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.monitor_server.payloads import (
    context_payload,
    hash_of,
    metric_payload,
    seed_session_payload,
    session_payload,
)

API = "/api/v1"


async def _create_sessions(client, *hashes: str) -> None:
    for h in hashes:
        response = await client.post(f"{API}/sessions/", json=session_payload(h))
        assert response.status_code == 201, response.text


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    return problem


# ------------------------------------------------------------------ creating sessions


async def test_pytest_monitor_form_answers_201_with_the_session(client):
    h = hash_of("s1")
    response = await client.post(f"{API}/sessions/", json=session_payload(h))
    assert response.status_code == 201
    body = response.json()
    assert body["session_h"] == h
    assert body["tags"][0] == {"key": "numpy", "name": "numpy", "value": "1.26.4"}


async def test_seed_form_answers_201_with_tags_from_the_text(client):
    response = await client.post(f"{API}/sessions/", json=seed_session_payload(hash_of("s1")))
    assert response.status_code == 201
    assert response.json()["tags"] == [{"key": "numpy", "name": "numpy", "value": "1.17.1"}]


async def test_an_existing_session_hash_answers_409(client):
    h = hash_of("s1")
    await _create_sessions(client, h)
    response = await client.post(f"{API}/sessions/", json=seed_session_payload(h))
    problem = _assert_problem(response, 409)
    assert h in problem["detail"]
    assert (await client.get(f"{API}/sessions/count")).json() == {"count": 1}


@pytest.mark.parametrize(
    "payload",
    [
        seed_session_payload("aa", description="numpy=1.17"),
        seed_session_payload("aa", description='["numpy"]'),
        session_payload("aa", description=["bc", "def"]),  # the real server's own test case
    ],
    ids=["text-not-json", "text-not-object", "array"],
)
async def test_a_bad_description_answers_400(client, payload):
    response = await client.post(f"{API}/sessions/", json=payload)
    _assert_problem(response, 400)
    assert (await client.get(f"{API}/sessions/count")).json() == {"count": 0}


async def test_a_bad_description_carries_the_real_servers_message(client):
    payload = seed_session_payload("aa", description="{not json")
    problem = _assert_problem(await client.post(f"{API}/sessions/", json=payload), 400)
    assert problem["message"] == "Bad description format"


@pytest.mark.parametrize(
    "payload",
    [
        {**session_payload("aa"), "h": "bb"},
        {**seed_session_payload("aa"), "session_h": "bb"},
        {k: v for k, v in session_payload("aa").items() if k != "session_h"},
        session_payload("aa", run_date=20240513),
        session_payload("aa", run_date="13/05/2024"),
        session_payload("aa", scm_ref=7),
        session_payload(12345),
        {},
        [],
    ],
    ids=[
        "both-keys-object",
        "both-keys-text",
        "neither-key",
        "date-number",
        "date-not-iso",
        "scm-number",
        "hash-number",
        "empty-object",
        "array-body",
    ],
)
async def test_malformed_session_bodies_answer_400(client, payload):
    _assert_problem(await client.post(f"{API}/sessions/", json=payload), 400)
    assert (await client.get(f"{API}/sessions/count")).json() == {"count": 0}


async def test_malformed_json_answers_400(client):
    response = await client.post(
        f"{API}/sessions/", content=b'{"session_h": ', headers={"content-type": "application/json"}
    )
    _assert_problem(response, 400)


async def test_a_body_that_is_not_json_answers_415(client):
    response = await client.post(
        f"{API}/sessions/", content=b"session_h=aa", headers={"content-type": "text/plain"}
    )
    _assert_problem(response, 415)


# ------------------------------------------------------------------ reading sessions


async def test_prefix_lookup_finds_the_matching_sessions(client):
    await _create_sessions(client, "deadmeet", "deadbeef", "badcoffee")
    response = await client.get(f"{API}/sessions/dead")
    assert response.status_code == 200
    body = response.json()
    assert [s["session_h"] for s in body["sessions"]] == ["deadbeef", "deadmeet"]
    assert "prev_url" not in body and "next_url" not in body
    assert body["total_page"] == 1


async def test_an_unknown_prefix_answers_204_without_a_body(client):
    await _create_sessions(client, "deadbeef")
    response = await client.get(f"{API}/sessions/foo")
    assert response.status_code == 204
    assert response.content == b""


@pytest.mark.parametrize("collection", ["sessions", "contexts", "metrics"])
async def test_an_empty_collection_answers_204_without_a_body(client, collection):
    response = await client.get(f"{API}/{collection}/")
    assert response.status_code == 204
    assert response.content == b""


@pytest.mark.parametrize("slash", ["", "/"], ids=["real", "seed"])
async def test_counts_answer_with_and_without_the_trailing_slash(client, slash):
    await _create_sessions(client, "s1", "s2")
    await client.post(f"{API}/contexts/", json=context_payload("c1"))
    for item in ("a", "b", "c"):
        await client.post(f"{API}/metrics/", json=metric_payload("s1", "c1", item))
    counts = {
        route: (await client.get(f"{API}/{route}/count{slash}")).json()["count"]
        for route in ("sessions", "contexts", "metrics", "sessions/s1/metrics")
    }
    counts["contexts/c1/metrics"] = (
        await client.get(f"{API}/contexts/c1/metrics/count{slash}")
    ).json()["count"]
    counts["sessions/s2/metrics"] = (
        await client.get(f"{API}/sessions/s2/metrics/count{slash}")
    ).json()["count"]
    assert counts == {
        "sessions": 2,
        "contexts": 1,
        "metrics": 3,
        "sessions/s1/metrics": 3,
        "contexts/c1/metrics": 3,
        "sessions/s2/metrics": 0,
    }


# ------------------------------------------------------------------ paging


async def test_one_item_is_one_page_without_links(client):
    await _create_sessions(client, "s1")
    body = (await client.get(f"{API}/sessions/")).json()
    assert body == {"sessions": body["sessions"], "total_page": 1}
    assert len(body["sessions"]) == 1


async def test_an_exact_multiple_of_the_page_size_has_no_extra_page(client):
    await _create_sessions(client, "s1", "s2", "s3")
    body = (await client.get(f"{API}/sessions/")).json()
    assert (len(body["sessions"]), body["total_page"]) == (3, 1)
    assert "next_url" not in body
    _assert_problem(await client.get(f"{API}/sessions/?page=2"), 404)


async def test_relative_links_point_at_the_neighbouring_pages(client):
    await _create_sessions(client, *(f"s{i}" for i in range(7)))
    first = (await client.get(f"{API}/sessions/")).json()
    middle = (await client.get(f"{API}/sessions/?page=2")).json()
    last = (await client.get(f"{API}/sessions/?page=-1")).json()
    assert (first.get("prev_url"), first["next_url"]) == (None, "/api/v1/sessions/?page=2")
    assert (middle["prev_url"], middle["next_url"]) == (
        "/api/v1/sessions/?page=1",
        "/api/v1/sessions/?page=3",
    )
    assert (last["prev_url"], last.get("next_url")) == ("/api/v1/sessions/?page=2", None)
    assert [s["session_h"] for s in last["sessions"]] == ["s6"]
    assert {first["total_page"], middle["total_page"], last["total_page"]} == {3}


@pytest.mark.parametrize("page", [4, 0, -4, 100])
async def test_a_page_outside_the_collection_answers_404(client, page):
    await _create_sessions(client, *(f"s{i}" for i in range(7)))
    _assert_problem(await client.get(f"{API}/sessions/?page={page}"), 404)


@pytest.mark.parametrize("query", ["page=two", "page=1.5", "per_page=10"])
async def test_a_bad_or_unknown_query_parameter_answers_400(client, query):
    await _create_sessions(client, "s1")
    _assert_problem(await client.get(f"{API}/sessions/?{query}"), 400)


async def test_links_keep_the_route_that_was_requested(client):
    await _create_sessions(client, *(f"ab{i}" for i in range(4)), "zz")
    by_prefix = (await client.get(f"{API}/sessions/ab")).json()
    assert by_prefix["next_url"] == "/api/v1/sessions/ab?page=2"
    for i in range(4):
        await client.post(f"{API}/metrics/", json=metric_payload("ab0", "c1", f"t{i}"))
    seed_spelling = (await client.get(f"{API}/sessions/ab0/metrics/?page=2")).json()
    real_spelling = (await client.get(f"{API}/sessions/ab0/metrics?page=2")).json()
    assert seed_spelling["prev_url"] == "/api/v1/sessions/ab0/metrics/?page=1"
    assert real_spelling["prev_url"] == "/api/v1/sessions/ab0/metrics?page=1"
    context_page = (await client.get(f"{API}/contexts/c1/metrics")).json()
    assert context_page["next_url"] == "/api/v1/contexts/c1/metrics?page=2"


async def test_following_next_url_visits_every_item_once(client):
    """What monitor_api does: follow next_url until it is absent."""
    hashes = [hash_of(f"s{i}") for i in range(8)]
    await _create_sessions(client, *hashes)
    seen, url = [], f"{API}/sessions/"
    while url:
        body = (await client.get(url)).json()
        seen += [s["session_h"] for s in body["sessions"]]
        url = body.get("next_url")
    assert seen == sorted(hashes)


# ------------------------------------------------------------------ what pytest-monitor does


async def test_pytest_monitor_upload_sequence(client):
    context_h, session_h = hash_of("ctx"), "2bdcf62f5cfaa71e9ede529ed4a43963"
    # 1. It looks its context up; anything but 200 makes it create one.
    assert (await client.get(f"{API}/contexts/{context_h}")).status_code != 200
    # 2. It creates the context, expects 201 and reads h.
    created = await client.post(f"{API}/contexts/", json=context_payload(context_h))
    assert created.status_code == 201
    assert created.json()["h"] == context_h
    # A second run finds it and reads contexts[0].h.
    found = await client.get(f"{API}/contexts/{context_h}")
    assert found.status_code == 200
    assert found.json()["contexts"][0]["h"] == context_h
    # 3. The session (description as an object), then 4. one metric per test.
    response = await client.post(f"{API}/sessions/", json=session_payload(session_h))
    assert response.status_code == 201
    for item in ("test_inverse", "test_solve", "test_det", "test_norm"):
        response = await client.post(
            f"{API}/metrics/", json=metric_payload(session_h, context_h, item)
        )
        assert response.status_code == 201
        assert response.json()["item"] == item
    metrics = (await client.get(f"{API}/sessions/{session_h}/metrics")).json()
    assert [m["item"] for m in metrics["metrics"]] == ["test_inverse", "test_solve", "test_det"]
    assert metrics["next_url"] == f"/api/v1/sessions/{session_h}/metrics?page=2"
    by_context = (await client.get(f"{API}/contexts/{context_h}/metrics?page=2")).json()
    assert [m["item"] for m in by_context["metrics"]] == ["test_norm"]
    assert (await client.get(f"{API}/metrics/count")).json() == {"count": 4}


async def test_contexts_are_listed_with_the_readers_hash_name(client):
    for name in ("c1", "c2"):
        await client.post(f"{API}/contexts/", json=context_payload(hash_of(name)))
    body = (await client.get(f"{API}/contexts/")).json()
    assert sorted(c["context_h"] for c in body["contexts"]) == sorted(
        [hash_of("c1"), hash_of("c2")]
    )
    assert all(c["cpu_frequency"] == 2893 for c in body["contexts"])


async def test_an_existing_context_answers_409(client):
    await client.post(f"{API}/contexts/", json=context_payload("c1"))
    _assert_problem(await client.post(f"{API}/contexts/", json=context_payload("c1")), 409)


@pytest.mark.parametrize(
    "payload",
    [
        {k: v for k, v in context_payload("c1").items() if k != "h"},
        context_payload("c1", cpu_count="eight"),
        context_payload("c1", ram_total=1.5),
    ],
    ids=["no-hash", "count-text", "ram-fractional"],
)
async def test_malformed_contexts_answer_400(client, payload):
    _assert_problem(await client.post(f"{API}/contexts/", json=payload), 400)
    assert (await client.get(f"{API}/contexts/count")).json() == {"count": 0}


@pytest.mark.parametrize(
    "payload",
    [
        {k: v for k, v in metric_payload("s1", "c1", "a").items() if k != "total_time"},
        metric_payload("s1", "c1", "a", total_time="0.5"),
        metric_payload("s1", "c1", "a", component=None),
    ],
    ids=["no-total-time", "time-text", "component-null"],
)
async def test_malformed_metrics_answer_400(client, payload):
    _assert_problem(await client.post(f"{API}/metrics/", json=payload), 400)
    assert (await client.get(f"{API}/metrics/count")).json() == {"count": 0}


async def test_metrics_are_listed_in_the_order_stored(client):
    for item in ("c", "a", "b", "d"):
        await client.post(f"{API}/metrics/", json=metric_payload("s1", "c1", item))
    first = (await client.get(f"{API}/metrics/")).json()
    second = (await client.get(first["next_url"])).json()
    assert [m["item"] for m in first["metrics"] + second["metrics"]] == ["c", "a", "b", "d"]


# ------------------------------------------------------------------ concurrency


async def test_a_thousand_concurrent_creations_are_all_counted(client):
    hashes = [hash_of(f"concurrent-{i}") for i in range(1000)]
    responses = await asyncio.gather(
        *(client.post(f"{API}/sessions/", json=session_payload(h)) for h in hashes)
    )
    assert {r.status_code for r in responses} == {201}
    assert (await client.get(f"{API}/sessions/count")).json() == {"count": 1000}


async def test_concurrent_creations_of_one_hash_let_exactly_one_win(client):
    responses = await asyncio.gather(
        *(client.post(f"{API}/sessions/", json=session_payload("same")) for _ in range(20))
    )
    assert sorted(r.status_code for r in responses) == [201] + [409] * 19
