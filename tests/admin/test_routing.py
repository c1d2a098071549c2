"""Every API of the full app is reachable, though all are mounted at the same root."""

from __future__ import annotations

import httpx
import pytest


@pytest.fixture
async def full_client(make_app):
    transport = httpx.ASGITransport(app=make_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as c:
        yield c


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/_mock/health", 200),
        ("/api/v1/sessions/count", 200),
        ("/api/processmonitor/monitors", 401),  # reached: it asks for a token
        ("/aims/v1/token_info", 401),
        ("/api/no/such/route", 404),
    ],
)
async def test_each_api_answers_its_own_routes(full_client, path, status):
    response = await full_client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(("application/json", "application/problem"))


@pytest.mark.parametrize("api", ["admin", "preservica", "monitor_server", "aepublish"])
async def test_each_api_has_its_swagger_ui_and_spec(full_client, api):
    ui = await full_client.get(f"/_docs/{api}/")
    assert ui.status_code == 200
    assert "swagger" in ui.text.lower()
    spec = (await full_client.get(f"/_specs/{api}.json")).json()
    assert spec["openapi"] == "3.0.3"
