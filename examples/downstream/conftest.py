# The plugin comes with the package (a pytest11 entry point): nothing to declare here.
# Async tests run with anyio's pytest plugin (anyio comes with httpx): mark them
# `@pytest.mark.anyio`; pytest-asyncio is not needed (docs/plugin.md shows it too).
# failing/ holds tests that fail on purpose (tests/test_downstream_example.py runs them by
# name to check what a failure report holds): never collected with the rest.
collect_ignore = ["failing"]
