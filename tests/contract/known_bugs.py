"""Inputs the contract tests found a bug with, kept out of the generated runs until fixed.

Each entry is pinned by a strict ``xfail`` test in ``test_regressions.py`` (same name): when
its owner fixes the bug, that test passes, fails the run as XPASS, and the pin and the entry
here go. An entry matches as narrowly as the bug, so everything else is still generated.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import assume
from schemathesis import Case

#: Empty: every bug found so far is fixed (see test_regressions.py).
KNOWN_BUGS: dict[str, Callable[[Case], bool]] = {}


def assume_not_known_bug(case: Case) -> None:
    """Discard (hypothesis ``assume``) a generated case that only re-finds a known bug."""
    assume(not any(matches(case) for matches in KNOWN_BUGS.values()))
