"""Keeping the garbage collector's full passes short while the mock holds a lot.

A full collection visits every object it tracks, and every element of every container it
tracks: the app's own (connexion's operations, the specs, the validators: some 200,000
objects) and the records' lists and dicts (a monitor's million messages). Measured on a
2-vCPU VM, one such pass took 70-90 ms with the demo data and 150-200 ms with a million
messages, holding every request in flight for that long. Objects that live as long as the
process, or until the next reset, need not be visited: ``gc.freeze()`` moves everything
tracked so far out of the collector's sight. The passes then visit only what came since
(10-45 ms in the same measurement).

Frozen objects are still freed when nothing refers to them (reference counting); only a
cycle among them would outlive its use, which is why a collection runs just before each
freeze.
"""

from __future__ import annotations

import gc

#: Records one load must add for the collector to be settled after it: a full collection
#: costs as much as a small load itself, so small seeds (one a test) skip it.
BULK = 10_000


def settle(added: int = BULK) -> None:
    """After ``added`` records came in (a seed, a bulk of messages): when they are many,
    collect what is garbage now and freeze the rest, so later full passes skip it."""
    if added >= BULK:
        gc.collect()
        gc.freeze()
