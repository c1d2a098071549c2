"""What every wrapper client shares, written once for the blocking and the asyncio form.

Each API's methods are written once, as coroutines (``_api.py`` of each API package). A
sync client runs them to completion on the calling thread: its I/O (``sides.BlockingSide``)
blocks inside ``async def`` functions that never suspend, so driving the coroutine with one
``send(None)`` finishes it (``sides.run_sync``). An async client awaits them on its event
loop (``sides.AsyncioSide``). ``methods`` types both: ``@operation`` and ``@listing`` give
a sync client ``def`` methods returning values and iterators, and an async client
coroutines and async iterators, from the one definition.

- ``calls``: one request of a generated operation, and how its answer reads (typed errors).
- ``client``: the pipeline of a call: deadline, login, retries, paging.
- ``deadline``: the total deadline of one call; ``network``: the sync side's socket clamp.
- ``retries``: the retry policy (tenacity), built once per client.
- ``login``: the token a client logs in for, renewed once on a 401.
"""
