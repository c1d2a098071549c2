"""Our monitors and messages answers decode with the field set of The National Archives'
Preservica client (dr2-preservica-client, its process monitor client and test fixtures).

The facts below are that client's, written down as field names, JSON types and which
fields are optional; the decoder is ours and works as that client's decoders do: every
field it names is required with its type unless optional, an optional one may be absent
or null, and fields it does not name are ignored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

DEMO = Path(__file__).parents[2] / "mock_server" / "data" / "demo_seed.yaml"
MONITORS = "/api/processmonitor/monitors"
MESSAGES = "/api/processmonitor/messages"

REQUIRED, OPTIONAL = "required", "optional"

# --- the facts -------------------------------------------------------------------------------

#: Every answer: the envelope, then the value of the call.
ENVELOPE = {"success": (bool, REQUIRED), "version": (int, REQUIRED), "value": (dict, REQUIRED)}
#: `paging` of both answers; monitors too (its fixture: {"paging": {"totalResults": 1}, ...}).
PAGING = {"totalResults": (int, REQUIRED), "next": (str, OPTIONAL)}
MONITOR = {
    "mappedId": (str, REQUIRED),
    "name": (str, REQUIRED),
    "status": (str, REQUIRED),
    "started": (str, OPTIONAL),
    "completed": (str, OPTIONAL),
    "category": (str, REQUIRED),
    "subcategory": (str, REQUIRED),
    "progressText": (str, OPTIONAL),
    "percentComplete": (str, OPTIONAL),
    "filesPending": (int, REQUIRED),
    "size": (int, REQUIRED),  # a 64-bit integer there
    "filesProcessed": (int, REQUIRED),
    "warnings": (int, REQUIRED),
    "errors": (int, REQUIRED),
    "canRetry": (bool, REQUIRED),
}
MESSAGE = {
    "workflowInstanceId": (int, REQUIRED),
    "monitorName": (str, REQUIRED),
    "path": (str, REQUIRED),
    "date": (str, REQUIRED),
    "status": (str, REQUIRED),
    "displayMessage": (str, REQUIRED),
    "workflowName": (str, REQUIRED),
    "mappedMonitorId": (str, REQUIRED),
    "message": (str, REQUIRED),
    "mappedId": (str, REQUIRED),
    "securityDescriptor": (str, OPTIONAL),
    "entityTitle": (str, OPTIONAL),
    "entityRef": (str, OPTIONAL),
    "sourceId": (str, OPTIONAL),
}
#: The values of its enums (the filters it sends).
MESSAGE_STATUSES = {"Error", "Info", "Debug", "Warning"}
MONITOR_STATUSES = {"Running", "Pending", "Succeeded", "Failed", "Suspended", "Recoverable"}
MONITOR_CATEGORIES = {"Ingest", "Export", "DataManagement", "Automated"}


# --- the decoder -----------------------------------------------------------------------------


class Undecodable(Exception):
    pass


def _typed(value: Any, kind: type) -> bool:
    # JSON true is not a number, nor 1 a boolean.
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def decode(obj: Any, fields: dict[str, tuple[type, str]], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise Undecodable(f"{where}: not an object")
    for name, (kind, presence) in fields.items():
        value = obj.get(name)
        if value is None:
            if presence == REQUIRED:
                raise Undecodable(f"{where}.{name}: missing or null")
        elif not _typed(value, kind):
            raise Undecodable(f"{where}.{name}: {value!r} is not {kind.__name__}")
    return {name: obj.get(name) for name in fields}


def decode_answer(body: Any, items: str, item_fields: dict) -> tuple[dict, list[dict]]:
    """The paging and the items of a monitors (`items="monitors"`) or messages answer."""
    value = decode(body, ENVELOPE, "answer")["value"]
    paging = decode(value.get("paging"), PAGING, "value.paging")
    listed = value.get(items)
    if not isinstance(listed, list):
        raise Undecodable(f"value.{items}: not a list")
    return paging, [decode(item, item_fields, f"{items}[{i}]") for i, item in enumerate(listed)]


# --- our answers -----------------------------------------------------------------------------


@pytest.fixture
def demo(state):
    state.preservica.load_seed(yaml.safe_load(DEMO.read_text())["preservica"])
    return state.preservica


@pytest.fixture
async def auth(client, demo) -> dict[str, str]:
    form = {"username": "test", "password": "test", "tenant": "TEST"}
    answer = await client.post("/api/accesstoken/login", data=form)
    return {"Preservica-Access-Token": answer.json()["token"]}


@pytest.mark.parametrize(
    "query",
    [
        "",
        # As that client sends its filters: comma lists, a name starting with "opex".
        "status=Pending,Running&name=opex&category=Ingest,Export",
        "status=Pending",
        "category=DataManagement&status=Succeeded",
    ],
)
async def test_the_monitors_answer_decodes(client, auth, demo, query):
    answer = await client.get(f"{MONITORS}?{query}", headers=auth)
    assert answer.status_code == 200
    paging, monitors = decode_answer(answer.json(), "monitors", MONITOR)
    assert paging["totalResults"] == len(monitors)
    assert {m["status"] for m in monitors} <= MONITOR_STATUSES
    assert {m["category"] for m in monitors} <= MONITOR_CATEGORIES


async def test_every_demo_monitor_decodes_the_one_not_started_included(client, auth):
    answer = await client.get(MONITORS, headers=auth)
    _, monitors = decode_answer(answer.json(), "monitors", MONITOR)
    assert len(monitors) == 12
    not_started = [m for m in monitors if m["started"] is None]
    assert any(m["progressText"] is None and m["percentComplete"] is None for m in not_started)


async def test_every_page_of_messages_decodes(client, auth, demo):
    demo.add_monitor(
        {
            "mappedId": "d" * 32,
            "messages": [
                {
                    "status": status,
                    "securityDescriptor": "closed",
                    "entityTitle": "entity title",
                    "entityRef": "f66589d2-1040-407e-baf8-1bdeffbecd8b",
                    "sourceId": "TEST",
                }
                for status in ("Info", "Debug", "Warning", "Error")
            ],
        }
    )
    monitor_ids = ",".join(m["mappedId"] for m in demo.list_monitors())
    url: str | None = f"{MESSAGES}?monitor={monitor_ids}&start=0&max=10"
    seen: list[dict] = []
    total = None
    while url is not None and len(seen) < 1000:  # bounded: a link loop fails, not hangs
        answer = await client.get(url, headers=auth)
        assert answer.status_code == 200
        paging, messages = decode_answer(answer.json(), "messages", MESSAGE)
        total = paging["totalResults"]
        seen += messages
        url = paging["next"]  # absolute, as that client follows it
    assert len(seen) == total
    assert {m["status"] for m in seen} == MESSAGE_STATUSES
    assert any(m["sourceId"] == "TEST" for m in seen)


# --- the decoder can fail --------------------------------------------------------------------

A_MONITOR = {
    "mappedId": "aacb79d7c91db789ce0f7c5abe02bf7a",
    "name": "opex/x",
    "status": "Succeeded",
    "completed": None,
    "category": "Ingest",
    "subcategory": "OPEX",
    "filesPending": 3,
    "size": 6083,
    "filesProcessed": 1,
    "warnings": 0,
    "errors": 0,
    "canRetry": True,
}


def monitors_body(value: dict) -> dict:
    return {"success": True, "version": 1, "value": value}


@pytest.mark.parametrize(
    "value",
    [
        {"monitors": [A_MONITOR]},  # the shape before `paging`
        {"paging": {}, "monitors": [A_MONITOR]},
        {"paging": {"totalResults": 1}, "monitors": [{**A_MONITOR, "canRetry": None}]},
        {"paging": {"totalResults": 1}, "monitors": [{**A_MONITOR, "size": "6083"}]},
        {"paging": {"totalResults": 1}, "monitors": [{**A_MONITOR, "warnings": False}]},
        {"paging": {"totalResults": 1}, "monitors": [{**A_MONITOR, "started": 1704628924}]},
    ],
    ids=["no-paging", "no-total", "null-can-retry", "size-as-text", "bool-count", "epoch"],
)
def test_the_decoder_refuses_what_that_client_cannot_decode(value):
    with pytest.raises(Undecodable):
        decode_answer(monitors_body(value), "monitors", MONITOR)


def test_the_decoder_takes_optional_fields_absent_or_null():
    value = {
        "paging": {"totalResults": 2},
        "monitors": [A_MONITOR, {**A_MONITOR, "started": None, "progressText": None}],
    }
    paging, monitors = decode_answer(monitors_body(value), "monitors", MONITOR)
    assert paging == {"totalResults": 2, "next": None}
    assert [m["started"] for m in monitors] == [None, None]
