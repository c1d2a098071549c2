"""Which of several regular expressions, tried in order, is the first to match a text.

A router tries its rules in order and takes the first whose expression matches; with many
rules that is one call into the regular expression engine each. ``FirstMatch`` joins the
expressions into one alternation, in the same order: the engine tries the alternatives in
turn and the one that matches names its rule. Each expression's own groups lose their
names (two rules may name a group alike; an unnamed group of one changes nothing), and its
``$`` stays inside its alternative, so one that matches only the start of the text is no
match, as it is alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class FirstMatch:
    def __init__(self, patterns: Sequence[str], shared: str = "") -> None:
        """``patterns``: expressions anchored at the start (``^``), in the order tried;
        ``shared``: an expression each of them starts with (after its ``^``), matched
        once rather than again by every alternative."""
        alternatives = []
        for number, pattern in enumerate(patterns):
            if not pattern.startswith("^" + shared):
                raise ValueError(f"not anchored at the start, or not after {shared!r}: {pattern!r}")
            rest = _NAMED_GROUP.sub("(?:", pattern[1 + len(shared) :])
            alternatives.append(f"(?P<_{number}>{rest})")
        self._joined = re.compile(f"^{shared}(?:{'|'.join(alternatives)})")

    def __call__(self, text: str) -> int | None:
        """The position of the first expression that matches ``text``, or None."""
        found = self._joined.match(text)
        if found is None or found.lastgroup is None:  # none, or no expression at all
            return None
        return int(found.lastgroup[1:])
