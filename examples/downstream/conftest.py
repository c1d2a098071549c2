# The plugin comes with the package (a pytest11 entry point): nothing to declare here.
# pytest-asyncio runs the async test; a downstream project would list it in its own deps.
# failing/ holds tests that fail on purpose (tests/test_downstream_example.py runs them by
# name to check what a failure report holds): never collected with the rest.
collect_ignore = ["failing"]
