"""Both servers, started once per run; a summary of the allowed differences met."""

from __future__ import annotations

import pytest

from tests.fidelity import allowed
from tests.fidelity.servers import start_both


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    try:
        real, mock = start_both(tmp_path_factory.mktemp("fidelity"))
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    yield real, mock
    real.stop()
    mock.stop()


def pytest_terminal_summary(terminalreporter):
    if allowed.SEEN:
        terminalreporter.section("allowed differences met (tests/fidelity/allowed.py)")
        for verdict, count in sorted(allowed.SEEN.items()):
            terminalreporter.write_line(f"{count:5}  {verdict}")
