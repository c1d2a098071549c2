"""The pytest plugin: light to load, one in-process app per session reset for each test, a
refused seed said at once, failed tests' journals, in process as over a socket."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from mock_server.pytest_plugin import MOCK_INPROCESS_URL

#: Inline runs of a downstream-like project: strict about warnings, no pytest-asyncio.
ARGS = ("-p", "no:asyncio", "-p", "no:cacheprovider", "-W", "error")


def test_loading_the_plugin_imports_nothing_heavy():
    code = (
        "import json, sys, mock_server.pytest_plugin\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    answer = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(answer.stdout))
    heavy = {"connexion", "starlette", "uvicorn", "yaml", "orjson", "jsonschema", "respx", "httpx"}
    assert loaded & heavy == set()
    assert {"pytest", "mock_server"} <= loaded


def test_one_app_per_session_each_test_from_the_seed(pytester):
    pytester.makepyfile(
        """
        import httpx
        from mock_server.pytest_plugin import MOCK_INPROCESS_URL

        APPS = []

        def test_change_everything(mock_inprocess_app, mock_transport):
            APPS.append(mock_inprocess_app)
            state = mock_inprocess_app.mock_state
            state.clock.freeze()
            state.clock.advance(86400)
            state.reset()
            state.faults.add({"match": {}, "action": {"status": 503}})
            with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as c:
                assert c.get("/api/v1/sessions/count").status_code == 503

        def test_the_next_test_has_it_all_back(mock_inprocess_app, mock_transport, mock_seed):
            APPS.append(mock_inprocess_app)
            assert APPS[0] is APPS[1]
            state = mock_inprocess_app.mock_state
            assert state.clock.frozen is False and abs(state.clock.offset) < 1
            assert state.faults.list() == []
            with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as c:
                assert c.get("/api/v1/sessions/count").json() == {"count": 3}
            users = state.export_seed()["preservica"]["users"]
            assert [u["username"] for u in users] == ["test"]
        """
    )
    pytester.runpytest(*ARGS).assert_outcomes(passed=2)


def test_a_refused_seed_fails_the_setup_with_the_mocks_reason(pytester):
    never = "def test_never_runs({}):\n    raise AssertionError('the seed was taken')\n"
    pytester.makepyfile(
        test_unknown_key=(
            "import pytest\n\n@pytest.fixture\ndef mock_seed():\n"
            "    return {'preservica': {'monitors': [{'name': 'x', 'nmae': 'y'}]}}\n\n"
            + never.format("mock_inprocess_app")
            + "\n"
            + never.format("mock_server_url").replace("test_never_runs", "test_never_live")
        ),
        test_refused_by_a_backend=(
            "import pytest\n\n@pytest.fixture\ndef mock_seed():\n"
            "    user = {'username': 'a', 'password': 'b'}\n"
            "    return {'preservica': {'users': [user, dict(user)]}}\n\n"
            + never.format("mock_inprocess_app")
        ),
    )
    run = pytester.runpytest(*ARGS, "-rE")
    run.assert_outcomes(errors=3)
    output = run.stdout.str()
    assert "the seed was taken" not in output
    unknown = (
        "MockSeedRefused: mock_seed refused: preservica.monitors[0].nmae: unknown key 'nmae' "
        "(not in SeedDocument)"
    )
    assert output.count(unknown) >= 2, output  # in process and live alike
    assert (
        "MockSeedRefused: mock_seed refused: preservica.users: user ('TEST', 'a') appears twice"
        in output
    )


def test_failed_and_off_contract_in_process_tests_are_reported(pytester, tmp_path):
    pytester.makepyfile(
        """
        import httpx
        import pytest
        from mock_server.pytest_plugin import MOCK_INPROCESS_URL

        def off_contract(transport):
            with httpx.Client(transport=transport, base_url=MOCK_INPROCESS_URL) as c:
                c.get("/api/v1/sessions/count")
                assert c.get("/api/v1/sessions/", params={"colour": "red"}).status_code == 200

        def test_fails(mock_transport):
            off_contract(mock_transport)
            assert False, "on purpose"

        def test_broke_it(mock_transport):
            off_contract(mock_transport)

        @pytest.mark.mock_off_contract
        def test_meant_it(mock_transport):
            off_contract(mock_transport)
        """
    )
    run = pytester.runpytest(*ARGS, "--mock-strict", "--mock-artifacts", str(tmp_path))
    run.assert_outcomes(failed=2, passed=1)
    run.stdout.fnmatch_lines(
        [
            "*mock journal*",
            "the last 2 of this test's 2 request(s), oldest first",
            "#* GET /api/v1/sessions/count -> 200 (count_sessions, * ms)",
            "#* GET /api/v1/sessions/?colour=red -> 200 (list_sessions, * ms)",
            "    contract: Extra query parameter(s) colour not in spec",
        ]
    )
    run.stdout.fnmatch_lines(["*--mock-strict: 1 request(s) broke the contract:*"])
    written = sorted(path.name for path in tmp_path.iterdir())
    assert [name.rsplit(".py_", 1)[-1] for name in written] == ["test_broke_it", "test_fails"]
    snapshot = json.loads((tmp_path / written[1] / "snapshot.json").read_text())
    assert len(snapshot["monitor_server"]["sessions"]) >= 3


async def test_the_fixtures_under_pytest_asyncio(mock_async_transport, mock_respx):
    # This suite runs async tests with pytest-asyncio (asyncio_mode = auto): the other
    # style docs/plugin.md shows (the example project runs on anyio's marker instead).
    async with httpx.AsyncClient(transport=mock_async_transport, base_url="http://x") as c:
        assert (await c.get("/api/v1/sessions/count")).json() == {"count": 3}
    async with httpx.AsyncClient(base_url=MOCK_INPROCESS_URL) as c:  # caught by mock_respx
        assert (await c.get("/api/v1/sessions/count")).json() == {"count": 3}
    # A blocking client inside the running loop: answered on the transports' loop thread.
    with httpx.Client(base_url=MOCK_INPROCESS_URL) as c:
        assert c.get("/api/v1/sessions/count").json() == {"count": 3}
    assert mock_respx.calls.call_count == 2
