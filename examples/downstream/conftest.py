# The plugin comes with the package (a pytest11 entry point): nothing to declare here.
# pytest-asyncio runs the async test; a downstream project would list it in its own deps.
