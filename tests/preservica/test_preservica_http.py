"""The Preservica API over HTTP: the in-process app, response validation on."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from tests.preservica.preservica_seeds import (
    FAILED_EXPORT,
    RUNNING_INGEST,
    SUCCEEDED_INGEST_PAX,
    message,
)

LOGIN = "/api/accesstoken/login"
REFRESH = "/api/accesstoken/refresh"
MONITORS = "/api/processmonitor/monitors"
MESSAGES = "/api/processmonitor/messages"
BUSY = "e" * 32  # a monitor the paging tests fill with numbered messages


def ids(answer) -> list[str]:
    return [m["mappedId"] for m in answer.json()["value"]["monitors"]]


def assert_problem(answer, status: int) -> dict:
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["status"] == status
    return body


def add_busy_monitor(backend, count: int) -> None:
    backend.add_monitor(
        {
            "mappedId": BUSY,
            "messages": [message("Error" if n % 2 else "Info", n) for n in range(count)],
        }
    )


async def page(client, auth, **params):
    answer = await client.get(MESSAGES, params={"monitor": BUSY, **params}, headers=auth)
    assert answer.status_code == 200
    return answer.json()["value"]


def numbers(value: dict) -> list[int]:
    return [int(m["displayMessage"].split("#")[1]) for m in value["messages"]]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# --- access tokens --------------------------------------------------------------------------


async def test_login_with_form_fields(client, seeded):
    answer = await client.post(
        LOGIN, data={"username": "test", "password": "test", "tenant": "TEST"}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert {k: body[k] for k in ("success", "validFor", "user", "tenant")} == {
        "success": True,
        "validFor": 15,
        "user": "test",
        "tenant": "TEST",
    }
    assert body["token"] and body["refresh-token"]


async def test_login_without_tenant_as_pypreservica_sends_it(client, seeded):
    form = {"username": "test", "password": "test", "includeUserDetails": "true"}
    body = (await client.post(LOGIN, data=form)).json()
    assert (body["tenant"], body["roles"]) == ("TEST", ["ROLE_A"])


async def test_bad_credentials_answer_401_with_a_message(client, seeded):
    answer = await client.post(LOGIN, data={"username": "test", "password": "nope"})
    assert assert_problem(answer, 401)["message"] == "invalid.credentials"


async def test_login_without_password_is_a_400(client, seeded):
    assert_problem(await client.post(LOGIN, data={"username": "test"}), 400)


async def test_no_or_unknown_token_is_a_401(client, seeded):
    assert_problem(await client.get(MONITORS), 401)
    assert_problem(await client.get(MONITORS, headers={"Preservica-Access-Token": "x"}), 401)


async def test_a_token_expires_with_the_mock_clock(client, auth, clock):
    clock.advance(14 * 60)
    assert (await client.get(MONITORS, headers=auth)).status_code == 200
    clock.advance(60)
    assert_problem(await client.get(MONITORS, headers=auth), 401)


async def test_refresh_gives_a_working_token_once(client, seeded, clock):
    first = (await client.post(LOGIN, data={"username": "test", "password": "test"})).json()
    headers = {"Preservica-Access-Token": first["token"]}
    form = {"refreshToken": first["refresh-token"]}
    answer = await client.post(REFRESH, data=form, headers=headers)
    assert answer.status_code == 200
    second = answer.json()
    assert_problem(await client.post(REFRESH, data=form, headers=headers), 401)
    clock.advance(15 * 60 - 1)
    renewed = {"Preservica-Access-Token": second["token"]}
    assert (await client.get(MONITORS, headers=renewed)).status_code == 200


async def test_refresh_needs_the_access_token_and_the_form_field(client, seeded):
    first = (await client.post(LOGIN, data={"username": "test", "password": "test"})).json()
    assert_problem(await client.post(REFRESH, data={"refreshToken": first["refresh-token"]}), 401)
    headers = {"Preservica-Access-Token": first["token"]}
    assert_problem(await client.post(REFRESH, data={}, headers=headers), 400)


# --- version and user details ---------------------------------------------------------------


async def test_version_is_xml_that_pypreservica_can_read(client, auth):
    answer = await client.get("/api/entity/versiondetails/version", headers=auth)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/xml")
    text = answer.text
    # pyPreservica cuts the version out by string search, then splits major.minor.patch.
    version = text[text.find("<CurrentVersion>") + 16 : text.find("</CurrentVersion>")]
    assert [int(part) for part in version.split(".")] == [7, 3, 0]
    root = ET.fromstring(text)
    assert root.findtext("{http://preservica.com/EntityAPI/v7.3}CurrentVersion") == "7.3.0"


async def test_version_needs_a_token(client, seeded):
    assert_problem(await client.get("/api/entity/versiondetails/version"), 401)


async def test_user_details_of_the_token_owner(client, auth):
    answer = await client.get("/api/user/details", headers=auth)
    assert answer.status_code == 200
    assert answer.json()["roles"] == ["ROLE_A"]
    assert (answer.json()["user"], answer.json()["tenant"]) == ("test", "TEST")


# --- monitors -------------------------------------------------------------------------------


async def test_monitors_in_the_envelope(client, auth):
    answer = await client.get(MONITORS, headers=auth)
    body = answer.json()
    assert (body["success"], body["version"]) == (True, 1)
    assert ids(answer) == [RUNNING_INGEST, FAILED_EXPORT, SUCCEEDED_INGEST_PAX]


@pytest.mark.parametrize(
    ("query", "count"),
    [("", 3), ("category=Ingest", 2), ("status=Failed", 1), ("category=Automated", 0)],
)
async def test_monitors_answer_their_count_in_paging(client, auth, query, count):
    # Not paged, but clients decode value.paging.totalResults (The National Archives').
    value = (await client.get(f"{MONITORS}?{query}", headers=auth)).json()["value"]
    assert value["paging"] == {"totalResults": count}
    assert len(value["monitors"]) == count


async def test_a_monitor_not_started_answers_nulls(client, auth, seeded):
    seeded.add_monitor(
        {
            "mappedId": BUSY,
            "status": "Pending",
            "progressText": None,
            "percentComplete": None,
            "filesPending": 7,
        }
    )
    answer = await client.get(f"{MONITORS}?status=Pending", headers=auth)
    assert answer.status_code == 200  # the response validation takes the nulls
    (monitor,) = answer.json()["value"]["monitors"]
    assert monitor["mappedId"] == BUSY
    assert (monitor["started"], monitor["progressText"], monitor["percentComplete"]) == (
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=Succeeded&category=Ingest", [SUCCEEDED_INGEST_PAX]),
        ("status=Running,Failed", [RUNNING_INGEST, FAILED_EXPORT]),
        ("status=Running&status=Failed", [RUNNING_INGEST, FAILED_EXPORT]),
        ("category=Export,Ingest&status=Failed", [FAILED_EXPORT]),
        ("subcategory=PAX,DIP&category=Ingest", [SUCCEEDED_INGEST_PAX]),
        ("name=INGEST", [RUNNING_INGEST, SUCCEEDED_INGEST_PAX]),
        ("name=second,third&subcategory=DIP", [FAILED_EXPORT]),
        ("category=DataManagement", []),
    ],
)
async def test_monitor_filters(client, auth, query, expected):
    answer = await client.get(f"{MONITORS}?{query}", headers=auth)
    assert answer.status_code == 200
    assert ids(answer) == expected


@pytest.mark.parametrize(
    "query", ["status=Done", "category=Ingest,Import", "status=Running&status=Done", "colour=red"]
)
async def test_unknown_filter_values_are_a_400_problem(client, auth, query):
    body = assert_problem(await client.get(f"{MONITORS}?{query}", headers=auth), 400)
    assert body["title"] == "Bad Request"


# --- messages -------------------------------------------------------------------------------


async def test_first_page_links_the_next_one_absolutely(client, auth, seeded):
    add_busy_monitor(seeded, 30)
    value = await page(client, auth, start=0, max=25)
    assert numbers(value) == list(range(25))
    assert value["paging"]["totalResults"] == 30
    assert "previous" not in value["paging"]
    next_url = value["paging"]["next"]
    assert next_url.startswith(f"http://mock.test{MESSAGES}?")
    assert query_of(next_url) == {"monitor": [BUSY], "start": ["25"], "max": ["25"]}


async def test_last_page_has_previous_and_no_next(client, auth, seeded):
    add_busy_monitor(seeded, 30)
    value = await page(client, auth, start=25, max=25)
    assert numbers(value) == list(range(25, 30))
    assert "next" not in value["paging"]
    assert query_of(value["paging"]["previous"])["start"] == ["0"]


async def test_exact_multiple_of_the_page_size(client, auth, seeded):
    add_busy_monitor(seeded, 20)
    first = await page(client, auth, max=10)
    second = await page(client, auth, start=10, max=10)
    assert (numbers(first), numbers(second)) == (list(range(10)), list(range(10, 20)))
    assert "next" in first["paging"]
    assert "next" not in second["paging"]
    assert query_of(second["paging"]["previous"])["start"] == ["0"]


async def test_previous_of_a_middle_page_steps_back_one_page(client, auth, seeded):
    add_busy_monitor(seeded, 30)
    value = await page(client, auth, start=15, max=10)
    assert query_of(value["paging"]["previous"])["start"] == ["5"]
    assert query_of(value["paging"]["next"])["start"] == ["25"]


async def test_one_message_and_no_messages(client, auth, seeded):
    add_busy_monitor(seeded, 1)
    value = await page(client, auth)
    assert (numbers(value), value["paging"]) == ([0], {"totalResults": 1})
    empty = await page(client, auth, start=5)
    assert empty["messages"] == []
    assert empty["paging"]["totalResults"] == 1


async def test_unknown_monitor_has_no_messages(client, auth):
    answer = await client.get(MESSAGES, params={"monitor": "0" * 32}, headers=auth)
    assert answer.json()["value"] == {"messages": [], "paging": {"totalResults": 0}}


async def test_status_filter_is_kept_in_the_links(client, auth, seeded):
    add_busy_monitor(seeded, 30)
    value = await page(client, auth, status="Error", max=10)
    assert numbers(value) == list(range(1, 20, 2))
    assert value["paging"]["totalResults"] == 15
    assert query_of(value["paging"]["next"])["status"] == ["Error"]


async def test_several_monitors_at_once(client, auth):
    answer = await client.get(
        MESSAGES, params={"monitor": f"{FAILED_EXPORT},{RUNNING_INGEST}"}, headers=auth
    )
    assert answer.json()["value"]["paging"]["totalResults"] == 3


async def test_following_next_links_as_pypreservica_does(client, auth, seeded):
    """pyPreservica (requests) GETs each `next` URL with `monitor` and `status` appended."""
    add_busy_monitor(seeded, 60)
    again = urlencode({"monitor": BUSY, "status": "Info"})
    url: str | None = f"{MESSAGES}?{urlencode({'monitor': BUSY, 'start': 0, 'max': 25})}"
    seen: list[int] = []
    for _ in range(5):  # bounded, so a link that never ends fails instead of hanging
        answer = await client.get(f"{url}&{again}", headers=auth)
        assert answer.status_code == 200
        value = answer.json()["value"]
        seen += numbers(value)
        url = value["paging"].get("next")
        if url is None:
            break
    assert url is None
    assert seen == list(range(0, 60, 2))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"monitor": BUSY, "max": 0},
        {"monitor": BUSY, "max": 1001},
        {"monitor": BUSY, "start": -1},
        {"monitor": BUSY, "start": "first"},
        {"monitor": BUSY, "status": "Fatal"},
    ],
)
async def test_bad_paging_parameters_are_a_400_problem(client, auth, params):
    assert_problem(await client.get(MESSAGES, params=params, headers=auth), 400)


async def test_debug_messages_are_listed_and_filtered(client, auth, seeded):
    seeded.add_monitor(
        {
            "mappedId": BUSY,
            "messages": [message(s, n) for n, s in enumerate(["Info", "Debug", "Error", "Debug"])],
        }
    )
    value = await page(client, auth, status="Debug")
    assert (numbers(value), value["paging"]["totalResults"]) == ([1, 3], 2)
    assert {m["status"] for m in value["messages"]} == {"Debug"}
    both = await page(client, auth, status="Debug,Error")
    assert numbers(both) == [1, 2, 3]
    assert [m["status"] for m in (await page(client, auth))["messages"]] == [
        "Info",
        "Debug",
        "Error",
        "Debug",
    ]


async def test_max_1000_is_allowed(client, auth, seeded):
    add_busy_monitor(seeded, 3)
    assert numbers(await page(client, auth, max=1000)) == [0, 1, 2]


# --- timeseries -----------------------------------------------------------------------------


async def test_timeseries_grows_as_the_monitor_advances(client, auth, seeded, clock):
    clock.advance(30)
    seeded.advance_monitor(RUNNING_INGEST, files=8, status="Succeeded")
    answer = await client.get(f"{MONITORS}/{RUNNING_INGEST}/timeseries", headers=auth)
    assert answer.status_code == 200
    points = answer.json()["value"]["timeseries"]
    assert [p["status"] for p in points] == ["Pending", "Succeeded"]
    assert points[-1]["percentComplete"] == "100"
    assert points[-1]["timestamp"] > points[0]["timestamp"]


async def test_timeseries_of_an_unknown_monitor_is_a_404(client, auth):
    body = assert_problem(await client.get(f"{MONITORS}/{'0' * 32}/timeseries", headers=auth), 404)
    assert "0" * 32 in body["detail"]


# --- the admin API's monitors ---------------------------------------------------------------


@pytest.fixture
async def admin_client(make_app):
    transport = httpx.ASGITransport(app=make_app(apis=("preservica", "admin")))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as c:
        yield c


async def test_the_admin_api_adds_a_monitor_not_started_and_starts_it(admin_client, clock):
    client = admin_client
    seed = {"status": "Pending", "progressText": None, "percentComplete": None, "filesPending": 2}
    added = await client.post("/_mock/preservica/monitors", json=seed)
    assert added.status_code == 201
    monitor = added.json()
    assert (monitor["started"], monitor["progressText"], monitor["percentComplete"]) == (
        None,
        None,
        None,
    )
    clock.advance(60)
    advanced = await client.post(
        f"/_mock/preservica/monitors/{monitor['mappedId']}/advance",
        json={"files": 1, "status": "Running", "messages": [{"status": "Debug"}]},
    )
    assert advanced.status_code == 200
    running = advanced.json()
    assert running["started"] is not None and running["percentComplete"] == "50"
    assert (running["warnings"], running["errors"]) == (0, 0)
