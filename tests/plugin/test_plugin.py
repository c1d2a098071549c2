"""The pytest plugin: light to load, one in-process app per session reset for each test, a
refused seed said at once, failed tests' journals, in process as over a socket."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


@pytest.mark.parametrize("fixture", ["mock_inprocess_app", "mock_server_url"])
def test_a_refused_seed_fails_the_setup_with_the_mocks_reason(pytester, fixture):
    pytester.makepyfile(
        f"""
        import pytest

        @pytest.fixture
        def mock_seed():
            return {{"preservica": {{"monitors": [{{"name": "x", "nmae": "y"}}]}}}}

        def test_never_runs({fixture}):
            raise AssertionError("the seed was taken")
        """
    )
    run = pytester.runpytest(*ARGS)
    run.assert_outcomes(errors=1)
    output = run.stdout.str()
    assert "MockSeedRefused: mock_seed refused: " in output
    assert "preservica.monitors[0]" in output and "nmae" in output
    assert "the seed was taken" not in output


def test_a_seed_a_backend_refuses_fails_the_setup_too(pytester):
    pytester.makepyfile(
        """
        import pytest

        @pytest.fixture
        def mock_seed():
            user = {"username": "a", "password": "b"}
            return {"preservica": {"users": [user, dict(user)]}}

        def test_never_runs(mock_inprocess_app):
            raise AssertionError("the seed was taken")
        """
    )
    run = pytester.runpytest(*ARGS)
    run.assert_outcomes(errors=1)
    run.stdout.fnmatch_lines(
        ["*MockSeedRefused: mock_seed refused: preservica.users: user ('TEST', 'a') appears twice"]
    )


def test_a_failed_in_process_test_reports_its_journal(pytester, tmp_path):
    pytester.makepyfile(
        """
        import httpx
        from mock_server.pytest_plugin import MOCK_INPROCESS_URL

        def test_fails(mock_transport):
            with httpx.Client(transport=mock_transport, base_url=MOCK_INPROCESS_URL) as c:
                c.get("/api/v1/sessions/count")
                c.get("/api/v1/sessions/", params={"colour": "red"})
            assert False, "on purpose"
        """
    )
    run = pytester.runpytest(*ARGS, "--mock-artifacts", str(tmp_path))
    run.assert_outcomes(failed=1)
    run.stdout.fnmatch_lines(
        [
            "*mock journal*",
            "the last 2 of this test's 2 request(s), oldest first",
            "#* GET /api/v1/sessions/count -> 200 (count_sessions, * ms)",
            "#* GET /api/v1/sessions/?colour=red -> 200 (list_sessions, * ms)",
            "    contract: Extra query parameter(s) colour not in spec",
        ]
    )
    [written] = tmp_path.iterdir()
    snapshot = json.loads((written / "snapshot.json").read_text())
    assert len(snapshot["monitor_server"]["sessions"]) >= 3


def test_mock_strict_fails_an_in_process_test_that_broke_a_contract(pytester):
    pytester.makepyfile(
        """
        import httpx
        import pytest
        from mock_server.pytest_plugin import MOCK_INPROCESS_URL

        def off_contract(transport):
            with httpx.Client(transport=transport, base_url=MOCK_INPROCESS_URL) as c:
                assert c.get("/api/v1/sessions/", params={"colour": "red"}).status_code == 200

        def test_broke_it(mock_transport):
            off_contract(mock_transport)

        @pytest.mark.mock_off_contract
        def test_meant_it(mock_transport):
            off_contract(mock_transport)
        """
    )
    run = pytester.runpytest(*ARGS, "--mock-strict")
    run.assert_outcomes(passed=1, failed=1)
    run.stdout.fnmatch_lines(["*--mock-strict: 1 request(s) broke the contract:*"])
