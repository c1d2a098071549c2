"""The monitor-server API over the in-process ASGI app (responses validated against the spec):
the real server's HTTP, from its routing to its page links and error bodies.

The page size is 3 here (see conftest.py), so paging edges need only a few records. The
expected answers are the real monitor-server's to the same requests (``make fidelity``
compares the two servers request by request).
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from mock_server import MockClock, MockConfig, MockState, create_app
from tests.conftest import START
from tests.monitor_server.conftest import PAGE_SIZE
from tests.monitor_server.payloads import (
    context_payload,
    hash_of,
    metric_payload,
    seed_session_payload,
    session_payload,
    without,
)

API = "/api/v1"
ORIGIN = "http://mock.test"
JSON = {"content-type": "application/json"}
HTML = "text/html; charset=utf-8"
NOT_FOUND_HTML = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n'
    "<title>404 Not Found</title>\n"
    "<h1>Not Found</h1>\n"
    "<p>The requested URL was not found on the server. If you entered the URL manually "
    "please check your spelling and try again.</p>\n"
)
METHOD_NOT_ALLOWED = {"message": "The method is not allowed for the requested URL."}
BAD_REQUEST = {
    "message": "The browser (or proxy) sent a request that this server could not understand."
}
NULL_SESSION = {"session_h": None, "run_date": None, "scm_ref": None, "tags": None}
VIOLATIONS = "x-mock-contract-violations"


@pytest.fixture(scope="module")
def shared_apps() -> dict[bool, object]:
    """One app, and one in strict mode, for the whole module: building one takes most of a
    second, emptying it none."""

    def build(strict: bool):
        config = MockConfig(
            apis=("monitor_server",),
            page_size=PAGE_SIZE,
            validate_responses=True,
            empty=True,
            strict=strict,
        )
        return create_app(state=MockState(config, clock=MockClock(start=START, frozen=True)))

    return {False: build(False), True: build(True)}


@pytest.fixture
def app(shared_apps):
    shared_apps[False].mock_state.reset()
    return shared_apps[False]


@pytest.fixture
async def strict_client(shared_apps):
    app = shared_apps[True]
    app.mock_state.reset()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as c:
        yield c


async def add_sessions(client: httpx.AsyncClient, *hashes: str, **overrides) -> None:
    for h in hashes:
        response = await client.post(f"{API}/sessions/", json=session_payload(h, **overrides))
        assert response.status_code == 201, response.text


async def add_metrics(client: httpx.AsyncClient, session_h: str, *items: str) -> None:
    for item in items:
        response = await client.post(f"{API}/metrics/", json=metric_payload(session_h, "c1", item))
        assert response.status_code == 201, response.text


async def session_count(client: httpx.AsyncClient) -> int:
    return (await client.get(f"{API}/sessions/count")).json()["count"]


def hashes_of(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [session["session_h"] for session in response.json()["sessions"]]


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    return problem


def redirect_page(url: str) -> str:
    """werkzeug's redirect page (the link's ``&`` escaped)."""
    shown = url.replace("&", "&amp;")
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n'
        "<title>Redirecting...</title>\n"
        "<h1>Redirecting...</h1>\n"
        "<p>You should be redirected automatically to target URL: "
        f'<a href="{shown}">{shown}</a>.  If not click the link.'
    )


def page_not_found(path: str, *close: str) -> dict:
    """flask-restx's 404 for a page out of range, naming the rules closest to the path."""
    return {
        "message": "The requested URL was not found on the server. If you entered the URL "
        "manually please check your spelling and try again. You have requested this URI "
        f"[{path}] but did you mean {' or '.join(close)} ?"
    }


# --------------------------------------------------------------------------- routing


async def test_a_folder_path_without_its_slash_redirects_to_the_absolute_url(client):
    response = await client.get(f"{API}/sessions?page=2&foo=bar")
    target = f"{ORIGIN}{API}/sessions/?page=2&foo=bar"
    assert response.status_code == 308
    assert response.headers["location"] == target
    assert response.headers["content-type"] == HTML
    assert response.text == redirect_page(target)


async def test_a_post_without_the_slash_is_redirected_and_stores_nothing(client):
    response = await client.post(f"{API}/sessions", json=session_payload("s1"))
    assert response.status_code == 308
    assert response.headers["location"] == f"{ORIGIN}{API}/sessions/"
    assert await session_count(client) == 0


@pytest.mark.parametrize(
    ("path", "merged"),
    [
        ("//sessions/count", "/sessions/count"),
        ("/sessions//s1", "/sessions/s1"),
        ("/sessions/s1//metrics", "/sessions/s1/metrics"),
        ("//contexts/", "/contexts/"),
    ],
)
async def test_double_slashes_redirect_to_the_merged_path(client, path, merged):
    response = await client.get(f"{API}{path}")
    assert response.status_code == 308
    assert response.headers["location"] == f"{ORIGIN}{API}{merged}"


@pytest.mark.parametrize(
    "path",
    [
        "/nothing",
        "/sessions/count/",
        "/contexts/count/",
        "/metrics/count/",
        "/sessions/s1/metrics/",
        "/contexts/c1/metrics/",
        "/sessions/s1/metrics/count/",
        "/resources/memory/head/x/metrics",
        "/resources/memory/head/-1/metrics",
        "/",
        "/swagger.json",
    ],
)
async def test_unrouted_paths_answer_werkzeugs_html_404(client, path):
    response = await client.get(f"{API}{path}")
    assert response.status_code == 404
    assert response.headers["content-type"] == HTML
    assert response.text == NOT_FOUND_HTML


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/sessions/", {"GET", "HEAD", "OPTIONS", "POST"}),
        ("PUT", "/metrics/count", {"GET", "HEAD", "OPTIONS"}),
        ("PATCH", "/contexts/c1/metrics", {"GET", "HEAD", "OPTIONS"}),
    ],
)
async def test_a_method_the_path_does_not_take_answers_405_with_allow(
    client, method, path, allowed
):
    response = await client.request(method, f"{API}{path}")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/json"
    # Allow is a set; the real server writes it in no particular order.
    assert set(response.headers["allow"].split(", ")) == allowed
    assert response.json() == METHOD_NOT_ALLOWED


async def test_a_method_off_a_path_that_redirects_is_refused_with_a_problem(client):
    # The real server fails with a 500 there (the redirect escapes its 405 handler).
    problem = assert_problem(await client.delete(f"{API}/sessions"), 405)
    assert "DELETE" in problem["detail"]


async def test_options_answers_the_methods_of_every_rule_matching_the_path(client):
    # "count" is also a hash: /sessions/<session_hash> takes POST.
    response = await client.options(f"{API}/sessions/count")
    assert response.status_code == 200
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}
    assert response.content == b""


async def test_head_answers_the_get_without_its_body(client):
    await add_sessions(client, "s1")
    got = await client.get(f"{API}/sessions/count")
    head = await client.head(f"{API}/sessions/count")
    assert (head.status_code, head.headers["content-type"]) == (200, "application/json")
    assert head.content == b""
    assert head.headers["content-length"] == str(len(got.content))
    assert (await client.head(f"{API}/nothing")).status_code == 404


# --------------------------------------------------------------------------- page links


async def test_pages_link_to_their_neighbours_with_relative_urls(client):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    first, middle, last = [
        (await client.get(f"{API}/sessions/", params=params)).json()
        for params in ({}, {"page": 2}, {"page": -1})
    ]
    assert (first.get("prev_url"), first["next_url"]) == (None, f"{API}/sessions/?page=2")
    assert (middle["prev_url"], middle["next_url"]) == (
        f"{API}/sessions/?page=1",
        f"{API}/sessions/?page=3",
    )
    assert (last["prev_url"], last.get("next_url")) == (f"{API}/sessions/?page=2", None)
    assert [s["session_h"] for s in last["sessions"]] == ["s6"]
    assert {first["total_page"], middle["total_page"], last["total_page"]} == {3}


async def test_one_page_has_no_links(client):
    await add_sessions(client, "s1", "s2", "s3")
    body = (await client.get(f"{API}/sessions/")).json()
    assert sorted(body) == ["sessions", "total_page"]
    assert body["total_page"] == 1


async def test_links_keep_the_route_requested_its_values_quoted(client):
    await add_sessions(client, "a b1", "a b2", "a b3", "a b4", "s%1", "s%2", "s%3", "s%4")
    by_prefix = await client.get(f"{API}/sessions/a%20b")
    assert by_prefix.json()["next_url"] == f"{API}/sessions/a%20b?page=2"
    percent = await client.get(f"{API}/sessions/s%25")
    assert percent.json()["next_url"] == f"{API}/sessions/s%25?page=2"
    await add_metrics(client, "a b1", "t1", "t2", "t3", "t4")
    metrics = await client.get(f"{API}/sessions/a%20b1/metrics", params={"page": 2})
    assert metrics.json()["prev_url"] == f"{API}/sessions/a%20b1/metrics?page=1"


async def test_following_next_url_visits_every_item_once_in_the_order_stored(client):
    """What the real server's reader, monitor_api, does."""
    hashes = [hash_of(f"s{i}") for i in range(8)]
    await add_sessions(client, *hashes)
    seen, url = [], f"{API}/sessions/"
    while url:
        body = (await client.get(url)).json()
        seen += [s["session_h"] for s in body["sessions"]]
        url = body.get("next_url")
    assert seen == hashes


async def test_links_carry_unknown_query_parameters_first_values_in_order(client):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    response = await client.get(f"{API}/sessions/?b=2&a=1&b=3")
    assert response.json()["next_url"] == f"{API}/sessions/?b=2&a=1&page=2"
    # A page given in the query keeps its place; values are quoted anew.
    response = await client.get(f"{API}/sessions/s?x=a%20b%2Fc&page=2")
    body = response.json()
    assert body["prev_url"] == f"{API}/sessions/s?x=a+b%2Fc&page=1"
    assert body["next_url"] == f"{API}/sessions/s?x=a+b%2Fc&page=3"


async def test_a_query_parameter_named_like_a_path_parameter_replaces_it_in_the_links(client):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    response = await client.get(f"{API}/sessions/s?session_hash=x&page=2&foo=1&foo=2&bar=%C3%A9+x")
    body = response.json()
    assert [s["session_h"] for s in body["sessions"]] == ["s3", "s4", "s5"]
    assert body["prev_url"] == f"{API}/sessions/x?page=1&foo=1&bar=%C3%A9+x"
    assert body["next_url"] == f"{API}/sessions/x?page=3&foo=1&bar=%C3%A9+x"


async def test_a_route_with_a_default_refuses_a_query_parameter_named_like_it(client):
    # /sessions/ is the rule /sessions/<session_hash> with no hash: its links cannot be
    # built with one (the real server fails with a 500).
    await add_sessions(client, "s1")
    single = await client.get(f"{API}/sessions/?session_hash=x")
    assert hashes_of(single) == ["s1"]  # one page: no link to build
    await add_sessions(client, "s2", "s3", "s4")
    problem = assert_problem(await client.get(f"{API}/sessions/?session_hash=x"), 400)
    assert "session_hash" in problem["detail"]


# --------------------------------------------------------------------------- reading `page`


@pytest.mark.parametrize("page", ["abc", "", "2.0", "1e1", "x&page=2"])
async def test_a_page_that_is_not_an_integer_or_empty_is_page_one(client, page):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    assert hashes_of(await client.get(f"{API}/sessions/?page={page}")) == ["s0", "s1", "s2"]


@pytest.mark.parametrize(("query", "first"), [("page=3&page=1", "s6"), ("page=%202", "s3")])
async def test_a_page_is_read_by_int_of_its_first_value(client, query, first):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    assert hashes_of(await client.get(f"{API}/sessions/?{query}"))[0] == first


async def test_a_page_in_the_json_body_of_a_get_counts_when_the_query_has_none(client):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    body = json.dumps({"page": 3})

    async def first_of(query: str) -> str:
        response = await client.request(
            "GET", f"{API}/sessions/{query}", content=body, headers=JSON
        )
        return hashes_of(response)[0]

    assert await first_of("") == "s6"
    assert await first_of("?page=x") == "s6"
    assert await first_of("?page=2") == "s3"


@pytest.mark.parametrize(
    ("page", "first", "links"),
    [
        (2.0, "s3", {"prev_url": "page=1.0", "next_url": "page=3.0"}),
        (2.5, "s4", {"prev_url": "page=1.5", "next_url": "page=3.5"}),
        (True, "s0", {"next_url": "page=2"}),
        (-1.0, "s6", {"prev_url": "page=2.0"}),
    ],
)
async def test_a_json_body_page_is_any_number_as_the_real_server_reads_it(
    client, page, first, links
):
    # Python's arithmetic on what the body holds; the offset's whole part.
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    response = await client.request(
        "GET", f"{API}/sessions/", content=json.dumps({"page": page}), headers=JSON
    )
    assert hashes_of(response)[0] == first
    body = response.json()
    assert {k: body[k].rsplit("?", 1)[1] for k in ("prev_url", "next_url") if k in body} == links


async def test_a_json_body_page_of_false_or_text_is_refused(client):
    await add_sessions(client, "s1")
    false = await client.request(
        "GET", f"{API}/sessions/", content=json.dumps({"page": False}), headers=JSON
    )
    assert false.status_code == 404  # page 0, as the real server reads False
    text = await client.request(
        "GET", f"{API}/sessions/", content=json.dumps({"page": "2"}), headers=JSON
    )
    assert text.status_code == 400  # the real server fails comparing "2" with 0
    assert text.headers["content-type"] == "application/problem+json"


async def test_a_get_with_a_json_body_that_is_not_json_answers_400(client):
    await add_sessions(client, "s1")
    response = await client.request("GET", f"{API}/sessions/", content=b"{", headers=JSON)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == BAD_REQUEST
    # A page in the query: the body is not read.
    response = await client.request("GET", f"{API}/sessions/?page=1", content=b"{", headers=JSON)
    assert hashes_of(response) == ["s1"]


async def test_a_page_outside_the_listing_answers_404_with_did_you_mean(client):
    await add_sessions(client, *(f"s{i}" for i in range(7)))
    for page in (4, 0, -4):
        response = await client.get(f"{API}/sessions/", params={"page": page})
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/json"
        assert response.json() == page_not_found(
            f"{API}/sessions/",
            f"{API}/sessions/",
            f"{API}/sessions/count",
            f"{API}/sessions/<string:session_hash>/metrics",
        )


async def test_a_page_beyond_64_bit_offsets_answers_a_400_problem(client):
    await add_sessions(client, "s1")
    problem = assert_problem(await client.get(f"{API}/sessions/?page={2**70}"), 400)
    assert str(2**70) in problem["detail"]


# --------------------------------------------------------------------------- listings


@pytest.mark.parametrize(
    "path", ["/sessions/", "/contexts/", "/metrics/", "/components/", "/pipelines/"]
)
async def test_an_empty_listing_answers_204_without_a_body(client, path):
    response = await client.get(f"{API}{path}")
    assert response.status_code == 204
    assert response.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/sessions/nothing-like-it",
        "/contexts/nothing-like-it",
        "/sessions/s1/metrics",
        "/items/test_a/metrics",
        "/components/metrics",
        "/components/nothing-like-it",
        "/filters/scm/nope/sessions",
        # No session has such a reference: 204 whatever the page.
        "/filters/scm/nope/metrics?page=5",
    ],
)
async def test_a_lookup_matching_nothing_answers_204_without_a_body(client, path):
    await add_sessions(client, "s1", scm_ref="abc", description={"pipeline_branch": "main"})
    await client.post(f"{API}/contexts/", json=context_payload("c1"))
    await client.post(f"{API}/metrics/", json=metric_payload("s2", "c1", "a", component="x"))
    response = await client.get(f"{API}{path}")
    assert response.status_code == 204
    assert response.content == b""


async def test_a_record_listing_answers_200_with_null_links_even_when_empty(client):
    response = await client.get(f"{API}/pipelines/main/builds")
    assert response.status_code == 200
    assert response.json() == {
        "pipeline": "main",
        "builds": [],
        "prev_url": None,
        "next_url": None,
        "total_page": 0,
    }


async def test_a_record_listing_names_what_it_lists(client):
    await add_sessions(
        client, "s1", description={"pipeline_branch": "main", "pipeline_build_no": "12"}
    )
    await client.post(f"{API}/metrics/", json=metric_payload("s1", "c1", "a", component="core"))
    response = await client.get(f"{API}/components/core/pipelines/main/builds/12/sessions")
    assert response.json() == {
        "component": "core",
        "pipeline": "main",
        "build": "12",
        "sessions": ["s1"],
        "prev_url": None,
        "next_url": None,
        "total_page": 1,
    }
    assert (await client.get(f"{API}/pipelines/")).json() == {"pipelines": ["main"]}


async def test_head_and_tail_answer_one_page_of_the_metrics_asked(client):
    for item, memory in [("a", 1.0), ("b", 3.0), ("c", 2.0)]:
        await client.post(
            f"{API}/metrics/", json=metric_payload("s1", "c1", item, mem_usage=memory)
        )
    response = await client.get(f"{API}/resources/memory/head/2/metrics")
    body = response.json()
    assert [m["item"] for m in body.pop("metrics")] == ["b", "c"]
    assert body == {"prev_url": None, "next_url": None, "total_page": 1}
    tail = (await client.get(f"{API}/resources/memory/tail/metrics")).json()
    assert [m["item"] for m in tail["metrics"]] == ["a", "c", "b"]


async def test_an_unknown_resource_answers_a_404_problem(client):
    problem = assert_problem(await client.get(f"{API}/resources/disk/head/metrics"), 404)
    assert "'disk'" in problem["detail"]


async def test_the_counts(client):
    await add_sessions(client, "s1", "s2")
    await add_sessions(client, "s3", scm_ref=None)
    await client.post(f"{API}/contexts/", json=context_payload("c1"))
    await add_metrics(client, "s1", "a", "b", "c")
    answers = {
        path: (await client.get(f"{API}/{path}")).json()
        for path in (
            "sessions/count",
            "contexts/count",
            "metrics/count",
            "components/count",
            "sessions/s1/metrics/count",
            "contexts/c1/metrics/count",
            "items/a/metrics/count",
            "filters/scm/4914/metrics/count",
        )
    }
    assert answers == {
        "sessions/count": {"count": 2},  # the session without an scm_ref is not counted
        "contexts/count": {"count": 1},
        "metrics/count": {"count": 3},
        "components/count": {"count": 1},
        "sessions/s1/metrics/count": {"count": 3},
        "contexts/c1/metrics/count": {"count": 3},
        "items/a/metrics/count": {"count": 1},
        "filters/scm/4914/metrics/count": {"count": 3},
    }


# --------------------------------------------------------------------------- writes


async def test_a_session_is_answered_201_as_the_real_server_renders_it(client):
    payload = session_payload("s1", run_date="2024-05-13", description={"jobs": 4, "ci": None})
    response = await client.post(f"{API}/sessions/", json=payload)
    assert response.status_code == 201
    assert response.json() == {
        "session_h": "s1",
        "run_date": "2024-05-13T00:00:00",
        "scm_ref": "4914d195225cf6b1c5a160c555b6948ea1ba2bcd",
        "tags": [{"name": "jobs", "value": "4"}, {"name": "ci", "value": None}],
    }


async def test_a_session_posted_at_a_hash_takes_it_unless_the_body_has_one(client):
    at_hash = await client.post(
        f"{API}/sessions/u1", json=without(session_payload("x"), "session_h")
    )
    assert at_hash.json()["session_h"] == "u1"
    body_wins = await client.post(f"{API}/sessions/u2", json=session_payload("b1"))
    assert body_wins.json()["session_h"] == "b1"
    assert hashes_of(await client.get(f"{API}/sessions/")) == ["u1", "b1"]


async def test_a_context_posted_at_a_hash_takes_the_hash_of_its_body(client):
    response = await client.post(f"{API}/contexts/url-hash", json=context_payload("body-hash"))
    assert response.status_code == 201
    assert response.json()["h"] == "body-hash"


async def test_a_body_that_is_not_json_answers_the_message_body(client):
    response = await client.post(f"{API}/sessions/", content=b'{"session_h": ', headers=JSON)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == BAD_REQUEST


async def test_a_metric_off_the_model_answers_its_errors(client):
    payload = without(metric_payload("s1", "c1", "a", total_time="0.5"), "component")
    response = await client.post(f"{API}/metrics/", json=payload)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "errors": {
            "component": "'component' is a required property",
            "total_time": "'0.5' is not of type 'number'",
        },
        "message": "Input payload validation failed",
    }
    assert (await client.get(f"{API}/metrics/count")).json() == {"count": 0}


@pytest.mark.parametrize(
    "payload",
    [
        session_payload("s1", description="numpy=1.17"),
        session_payload("s1", description=["bc", "def"]),
        seed_session_payload("s1"),
    ],
    ids=["text", "array", "seed-form"],
)
async def test_a_description_that_is_not_an_object_answers_the_null_session(client, payload):
    response = await client.post(f"{API}/sessions/", json=payload)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json() == NULL_SESSION
    assert await session_count(client) == 0


@pytest.mark.parametrize(
    ("request_kwargs", "cause"),
    [
        ({"json": without(session_payload("s1"), "scm_ref")}, "'scm_ref' is required"),
        ({"json": without(session_payload("s1"), "run_date")}, "'run_date' is required"),
        ({"json": session_payload("s1", run_date="13/05/2024")}, "'run_date' cannot be rendered"),
        ({"json": session_payload("s1", scm_ref={"sha": "1"})}, "cannot be stored"),
        ({"json": ["s1"]}, "must be a JSON object"),
        ({"content": b'{"session_h": "s1"}', "headers": {"content-type": "text/plain"}}, "JSON"),
    ],
    ids=["no-scm-ref", "no-run-date", "date-unrenderable", "unstorable", "array", "text"],
)
async def test_where_the_real_server_crashes_a_problem_names_the_cause(
    client, request_kwargs, cause
):
    problem = assert_problem(await client.post(f"{API}/sessions/", **request_kwargs), 400)
    assert cause in problem["detail"]
    assert await session_count(client) == 0
    assert (await client.get(f"{API}/sessions/")).status_code == 204


async def test_a_body_holding_nan_is_refused_though_the_real_server_reads_it(client):
    payload = json.dumps(session_payload("s1")).replace('"2024-05-13T09:12:44.301552"', "NaN")
    problem = assert_problem(
        await client.post(f"{API}/sessions/", content=payload, headers=JSON), 400
    )
    assert "not a JSON number" in problem["detail"]
    assert await session_count(client) == 0


async def test_a_hash_stored_already_answers_409(client):
    await add_sessions(client, "s1")
    problem = assert_problem(await client.post(f"{API}/sessions/", json=session_payload("s1")), 409)
    assert problem["title"] == "Conflict"
    await client.post(f"{API}/contexts/", json=context_payload("c1"))
    assert_problem(await client.post(f"{API}/contexts/", json=context_payload("c1")), 409)


async def test_concurrent_creations_of_one_hash_let_exactly_one_win(client):
    responses = await asyncio.gather(
        *(client.post(f"{API}/sessions/", json=session_payload("same")) for _ in range(20))
    )
    assert sorted(r.status_code for r in responses) == [201] + [409] * 19


# --------------------------------------------------------------------------- the contract


@pytest.mark.parametrize(
    ("method", "path", "request_kwargs", "reported"),
    [
        ("GET", "/sessions/?foo=bar", {}, "Extra query parameter(s) foo not in spec"),
        ("GET", "/sessions/?page=abc", {}, "'abc' is not of type 'integer'"),
        ("POST", "/sessions/", {"json": session_payload(42)}, "42 is not of type 'string'"),
        ("POST", "/contexts/", {"json": context_payload("c1", cpu_count="8")}, "'cpu_count'"),
    ],
    ids=["unknown-parameter", "page-text", "hash-number", "count-text"],
)
async def test_an_off_contract_request_is_answered_and_reported(
    client, method, path, request_kwargs, reported
):
    await add_sessions(client, "s0")
    response = await client.request(method, f"{API}{path}", **request_kwargs)
    assert response.status_code in (200, 201), response.text
    violations = json.loads(response.headers[VIOLATIONS])
    assert any(reported in violation for violation in violations), violations


@pytest.mark.parametrize(
    ("method", "path", "request_kwargs"),
    [
        ("GET", "/sessions/?page=1", {}),
        ("GET", "/sessions/s0", {}),
        ("POST", "/sessions/", {"json": session_payload("s1", scm_ref=None)}),
        ("POST", "/contexts/", {"json": context_payload("c1")}),
        ("POST", "/metrics/", {"json": metric_payload("s0", "c1", "a")}),
        ("GET", "/resources/cpu/tail/3/metrics", {}),
    ],
)
async def test_a_request_on_the_contract_is_not_reported(client, method, path, request_kwargs):
    await add_sessions(client, "s0")
    response = await client.request(method, f"{API}{path}", **request_kwargs)
    assert response.status_code in (200, 201), response.text
    assert VIOLATIONS not in response.headers


async def test_an_off_contract_request_the_backend_refuses_is_reported_too(client):
    response = await client.post(f"{API}/sessions/", json=session_payload("s1", description="x"))
    assert response.status_code == 400
    assert VIOLATIONS in response.headers


@pytest.mark.parametrize(
    ("method", "path", "request_kwargs", "status"),
    [
        ("GET", "/sessions/?foo=bar", {}, 400),
        ("GET", "/sessions/?page=abc", {}, 400),
        ("POST", "/sessions/", {"json": session_payload(42)}, 400),
        ("POST", "/sessions/", {"json": without(session_payload("s9"), "scm_ref")}, 400),
        ("POST", "/sessions/", {"content": b"{}", "headers": {"content-type": "text/plain"}}, 400),
    ],
    ids=["unknown-parameter", "page-text", "hash-number", "no-scm-ref", "text-body"],
)
async def test_strict_mode_refuses_off_contract_requests(
    strict_client, method, path, request_kwargs, status
):
    await add_sessions(strict_client, "s0")
    response = await strict_client.request(method, f"{API}{path}", **request_kwargs)
    assert_problem(response, status)
    assert await session_count(strict_client) == 1


async def test_strict_mode_answers_requests_on_the_contract(strict_client):
    await add_sessions(strict_client, "s0", "s1", "s2", "s3")
    response = await strict_client.get(f"{API}/sessions/", params={"page": 2})
    assert hashes_of(response) == ["s3"]
    assert VIOLATIONS not in response.headers


async def test_strict_mode_follows_the_links_of_a_record_listing(strict_client):
    for i in range(4):
        description = {"pipeline_branch": "main", "pipeline_build_no": str(i)}
        await add_sessions(strict_client, f"s{i}", description=description)
    first = (await strict_client.get(f"{API}/pipelines/main/builds")).json()
    assert first["next_url"] == f"{API}/pipelines/main/builds?page=2"
    second = await strict_client.get(first["next_url"])
    assert second.status_code == 200, second.text
    assert second.json()["builds"] == ["3"]


# --------------------------------------------------------------------------- pytest-monitor


async def test_pytest_monitor_upload_sequence(client):
    context_h, session_h = hash_of("ctx"), "2bdcf62f5cfaa71e9ede529ed4a43963"
    # 1. It looks its context up; anything but 200 makes it create one.
    lookup = await client.get(f"{API}/contexts/{context_h}")
    assert (lookup.status_code, lookup.content) == (204, b"")
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
    items = ["test_inverse", "test_solve", "test_det", "test_norm"]
    for item in items:
        response = await client.post(
            f"{API}/metrics/", json=metric_payload(session_h, context_h, item)
        )
        assert response.status_code == 201
        assert response.json()["item"] == item
    # Every request was on the contract.
    assert VIOLATIONS not in response.headers
    metrics = (await client.get(f"{API}/sessions/{session_h}/metrics")).json()
    assert [m["item"] for m in metrics["metrics"]] == items[:3]
    assert metrics["next_url"] == f"{API}/sessions/{session_h}/metrics?page=2"
    rest = (await client.get(metrics["next_url"])).json()
    assert [m["item"] for m in rest["metrics"]] == items[3:]
    by_context = (await client.get(f"{API}/contexts/{context_h}/metrics?page=2")).json()
    assert [m["item"] for m in by_context["metrics"]] == ["test_norm"]
    assert (await client.get(f"{API}/metrics/count")).json() == {"count": 4}
    assert (await client.get(f"{API}/sessions/count")).json() == {"count": 1}


async def test_a_page_below_one_is_not_found_before_the_listing_is_read(client):
    # The real server refuses page 0 before it queries: a with_flags key SQLite cannot
    # read (a 400 here, where the real server fails) is never reached.
    await add_sessions(client, "s0")
    response = await client.get(f"{API}/sessions/", params={"page": "0", "with_flags": "["})
    assert response.status_code == 404
    assert response.json() == page_not_found(
        f"{API}/sessions/",
        f"{API}/sessions/",
        f"{API}/sessions/count",
        f"{API}/sessions/<string:session_hash>/metrics",
    )
    broken = await client.get(f"{API}/sessions/", params={"page": "1", "with_flags": "["})
    assert broken.status_code == 400
