"""Tokens that expire: the ones a login prunes.

Both logins (Preservica's and AIMS') issue tokens that live a fixed time, so a queue in
issue order is also a queue in expiry order: the expired ones are at its front. Logging in
is what grows a token table; pruning there bounds it, each expired token popped once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

#: Expired tokens one login forgets at the most: a clock moved past a million expiries is
#: paid for by many logins, not by one.
PRUNED_PER_LOGIN = 1000


def expired(expiries: deque[tuple[float, str]], now: float) -> Iterator[str]:
    """Pop and yield the tokens at the front of ``expiries`` (``(expires_at, token)`` in
    issue order) that have expired by ``now``, at most ``PRUNED_PER_LOGIN``."""
    for _ in range(PRUNED_PER_LOGIN):
        if not expiries or expiries[0][0] > now:
            return
        yield expiries.popleft()[1]
