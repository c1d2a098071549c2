"""The real server's URL rules, and what werkzeug (its router) does with them.

monitor-server-api 1.1.0 is a Flask app; werkzeug 1.0 routes its requests and builds its
page links from these rules (``RULES``: its URL map, in the order Flask lists it). From
them, as werkzeug does:
- ``match``: which rule a path and method reach, the trailing-slash redirect (308), or a
  method the path does not take (405);
- ``Rule.build``: a page link (``url_for``), path arguments quoted, the other values
  appended as a query string;
- ``did_you_mean``: the close rules flask-restx names in a 404 raised by a page out of
  range (``difflib`` over the rules, with their ``<...>`` parts cut out).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from mock_server.core.first_match import FirstMatch

_STRING = "[^/]+"  # werkzeug's default (``string``) converter
_INT = r"\d+"  # its ``int`` converter (a ``str`` pattern: any Unicode digit)
_ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
_SLASHES = re.compile("/+")

# Characters werkzeug leaves unquoted in a path argument (and in a query, which also
# writes a space as "+").
_SAFE = "-._~"


def _quote(text: str, safe: str) -> str:
    allowed = set(_SAFE) | set(safe)
    return "".join(
        chr(byte)
        if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in allowed)
        else f"%{byte:02X}"
        for byte in text.encode("utf-8")
    )


def quote_path_argument(value: Any) -> str:
    return _quote(str(value), "/:")


def quote_redirect_path(path: str) -> str:
    """werkzeug quotes a redirect's path again (an argument's ``%`` becomes ``%25``)."""
    return _quote(path, "/:|+")


def quote_query(value: Any) -> str:
    return _quote(str(value), " ").replace(" ", "+")


class BuildError(ValueError):
    """werkzeug cannot build a link for these values (the real server answers 500)."""


@dataclass(frozen=True, eq=False)
class Rule:
    rule: str
    methods: frozenset[str]
    defaults: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def parts(self) -> list[tuple[str | None, str]]:
        """``(converter, name)`` for each argument, ``(None, text)`` for static text."""
        parts: list[tuple[str | None, str]] = []
        position = 0
        for found in _ARGUMENT.finditer(self.rule):
            if found.start() > position:
                parts.append((None, self.rule[position : found.start()]))
            parts.append((found.group("converter") or "string", found.group("name")))
            position = found.end()
        if position < len(self.rule):
            parts.append((None, self.rule[position:]))
        return parts

    @functools.cached_property
    def arguments(self) -> list[str]:
        return [name for converter, name in self.parts if converter is not None]

    @functools.cached_property
    def is_folder(self) -> bool:
        """A rule ending in "/": its path without the slash redirects to it."""
        return self.rule.endswith("/")

    @functools.cached_property
    def literal(self) -> str:
        """The text every path the rule matches starts with, once the path's runs of
        slashes are merged (``regex`` takes a run wherever the rule has one slash)."""
        rule = self.rule.rstrip("/") if self.is_folder else self.rule
        return _SLASHES.sub("/", rule.split("<", 1)[0])

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """werkzeug's: each run of slashes in the static text matches one or more slashes
        (they are merged, by a redirect), a folder's trailing slashes are optional."""
        pattern = []
        rule = self.rule.rstrip("/") if self.is_folder else self.rule
        for converter, text in Rule(rule, self.methods).parts:
            if converter is None:
                pattern += [
                    "/+?" if piece.startswith("/") else re.escape(piece)
                    for piece in re.findall(r"/+|[^/]+", text)
                ]
            else:
                pattern.append(f"(?P<{text}>{_INT if converter == 'int' else _STRING})")
        tail = "(?<!/)(?P<__suffix__>/*)" if self.is_folder else ""
        return re.compile(f"^{''.join(pattern)}{tail}$")

    @functools.cached_property
    def sort_key(self) -> tuple[Any, ...]:
        """werkzeug's ``match_compare_key``: rules without arguments first, then more
        static parts, by (position, -length), then more arguments, by weight."""
        static: list[tuple[int, int]] = []
        weights: list[int] = []
        for index, (converter, text) in enumerate(self.parts):
            if converter is None:
                static += [(index, -len(piece)) for piece in text.split("/") if piece]
            else:
                weights.append(50 if converter == "int" else 100)
        has_arguments = bool(self.arguments or self.defaults)
        return has_arguments, -len(static), static, -len(weights), weights

    def matches(self, path: str, method: str) -> dict[str, Any] | str | None:
        """werkzeug's ``Rule.match``: the path's values, None when it does not match, or
        the path to redirect to: the folder's slash added (when the rule takes the
        method), or the slashes merged (whatever the method)."""
        found = self.regex.match(path)
        if found is None:
            return None
        values = found.groupdict()
        redirect = None
        if self.is_folder:
            suffix = values.pop("__suffix__", None)
            if not suffix and method in self.methods:
                redirect = path + "/"
        if self._integers:
            try:
                for name in self._integers:
                    values[name] = int(values[name])
            except ValueError:  # werkzeug's int converter refuses what int() refuses
                return None
        if self.defaults:
            values.update(self.defaults)
        target = redirect or path
        if "//" in target:  # else rebuilding it gives as many slashes: nothing to merge
            merged = self.build(values, with_query=False)
            if target.endswith("/") and not merged.endswith("/"):
                merged += "/"
            if merged.count("/") < target.count("/"):
                redirect = merged
        # The redirect's path, decoded by then, is quoted anew.
        return values if redirect is None else quote_redirect_path(redirect)

    @functools.cached_property
    def is_plain(self) -> bool:
        """A path its expression matches, with no run of slashes, is served as it is: the
        rule is no folder and has no integer to convert."""
        return not self.is_folder and not self._integers

    @functools.cached_property
    def served(self) -> Match:
        return Match(rule=self)

    @functools.cached_property
    def _integers(self) -> frozenset[str]:
        return frozenset(name for converter, name in self.parts if converter == "int")

    def build(self, values: dict[str, Any], with_query: bool = True) -> str:
        """``url_for`` of this rule's endpoint with ``values`` (in their order): values that
        are None are dropped; a value given for a default must equal it; arguments fill the
        path and (``with_query``) the rest become the query."""
        if not with_query:  # werkzeug's builder within matching: defaults taken as they are
            return "".join(
                text if converter is None else quote_path_argument(values[text])
                for converter, text in self.parts
            )
        values = {k: v for k, v in values.items() if v is not None}
        for name, default in self.defaults.items():
            if name in values and values[name] != default:
                raise BuildError(f"{name}={values[name]!r} names a part of the path")
        missing = [name for name in self.arguments if name not in values]
        if missing:
            raise BuildError(f"no value for {', '.join(missing)}")
        path = "".join(
            text if converter is None else quote_path_argument(values[text])
            for converter, text in self.parts
        )
        query = "&".join(
            f"{quote_query(name)}={quote_query(value)}"
            for name, value in values.items()
            if name not in self.arguments and name not in self.defaults
        )
        return f"{path}?{query}" if query else path


def _rule(rule: str, *methods: str, **defaults: Any) -> Rule:
    return Rule(rule, frozenset({"GET", "HEAD", "OPTIONS", *methods}), defaults)


V1 = "/api/v1"
# Flask's URL map of monitor-server-api 1.1.0, in the order it lists it.
RULES: tuple[Rule, ...] = (
    _rule(f"{V1}/components/count"),
    _rule(f"{V1}/contexts/count"),
    _rule(f"{V1}/sessions/count"),
    _rule(f"{V1}/metrics/count"),
    _rule(f"{V1}/swagger.json"),
    _rule(f"{V1}/pipelines/"),
    _rule(f"{V1}/metrics/", "POST"),
    _rule(f"{V1}/docs"),
    _rule(f"{V1}/"),
    _rule("/index.html"),
    _rule("/"),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/builds/<string:build>/head/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/builds/<string:build>/tail/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/builds/<string:build>/head/<int:max_element>/metrics"
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/builds/<string:build>/tail/<int:max_element>/metrics"
    ),
    _rule(
        f"{V1}/components/<string:component>/pipelines/<string:pipeline>/builds/<string:build_no>/sessions"
    ),
    _rule(
        f"{V1}/resources/<string:resource>/components/<string:component>/head/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/components/<string:component>/tail/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/components/<string:component>/head/<int:max_element>/metrics"
    ),
    _rule(
        f"{V1}/resources/<string:resource>/components/<string:component>/tail/<int:max_element>/metrics"
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/head/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/tail/metrics",
        max_element=10,
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/head/<int:max_element>/metrics"
    ),
    _rule(
        f"{V1}/resources/<string:resource>/pipelines/<string:pipeline>/tail/<int:max_element>/metrics"
    ),
    _rule(f"{V1}/filters/scope/<string:scope>/metrics/count"),
    _rule(f"{V1}/filters/scm/<string:scm>/metrics/count"),
    _rule(f"{V1}/components/variants/<string:variant>/metrics", component=None),
    _rule(f"{V1}/components/items/<string:item>/metrics", component=None),
    _rule(f"{V1}/components/<string:component>/pipelines/<string:pipeline>/builds"),
    _rule(f"{V1}/components/<string:component>/variants/<string:variant>/metrics"),
    _rule(f"{V1}/components/<string:component>/items/<string:item>/metrics"),
    _rule(f"{V1}/pipelines/<string:pipeline>/builds/<string:build_no>/sessions"),
    _rule(f"{V1}/resources/<string:resource>/head/metrics", max_element=10),
    _rule(f"{V1}/resources/<string:resource>/tail/metrics", max_element=10),
    _rule(f"{V1}/resources/<string:resource>/head/<int:max_element>/metrics"),
    _rule(f"{V1}/resources/<string:resource>/tail/<int:max_element>/metrics"),
    _rule(f"{V1}/variants/like/<string:variant>/metrics"),
    _rule(f"{V1}/contexts/<string:context_hash>/metrics/count"),
    _rule(f"{V1}/variants/<string:variant>/metrics/count"),
    _rule(f"{V1}/sessions/<string:session_hash>/metrics/count"),
    _rule(f"{V1}/filters/scope/<string:scope>/metrics"),
    _rule(f"{V1}/filters/scm/<string:scm_id>/sessions"),
    _rule(f"{V1}/filters/scm/<string:scm_id>/metrics"),
    _rule(f"{V1}/items/like/<string:item>/metrics"),
    _rule(f"{V1}/items/<string:item>/metrics/count"),
    _rule(f"{V1}/components/metrics", component=None),
    _rule(f"{V1}/components/<string:component>/pipelines"),
    _rule(f"{V1}/components/<string:component>/metrics"),
    _rule(f"{V1}/pipelines/<string:pipeline>/builds"),
    _rule(f"{V1}/contexts/<string:context_hash>/metrics"),
    _rule(f"{V1}/variants/<string:variant>/metrics"),
    _rule(f"{V1}/sessions/<string:session_hash>/metrics"),
    _rule(f"{V1}/items/<string:item>/metrics"),
    _rule(f"{V1}/components/<string:component>"),
    _rule(f"{V1}/components/", component=None),
    _rule(f"{V1}/contexts/<string:environ_hash>", "POST"),
    _rule(f"{V1}/sessions/<string:session_hash>", "POST"),
    _rule(f"{V1}/contexts/", "POST", environ_hash=None),
    _rule(f"{V1}/sessions/", "POST", session_hash=None),
    _rule("/swaggerui/<path:filename>"),
    _rule("/static/<path:filename>"),
)
BY_RULE = {rule.rule: rule for rule in RULES}
_MATCH_ORDER = sorted(
    (rule for rule in RULES if rule.rule.startswith(V1)), key=lambda rule: rule.sort_key
)


def resource(path: str) -> str | None:
    """The segment after ``/api/v1/`` of a path whose slashes are merged (None when it
    has none)."""
    if not path.startswith(V1 + "/"):
        return None
    return path[len(V1) + 1 :].split("/", 1)[0]


def _resource_of(rule: Rule) -> str | None:
    """The segment after ``/api/v1/`` of every path the rule matches (slashes merged): the
    one its literal start holds whole, followed by a slash; None when there is none (the
    rule may match paths of several, or of none)."""
    rest = rule.literal[len(V1) + 1 :] if rule.literal.startswith(V1 + "/") else ""
    return rest.split("/", 1)[0] if "/" in rest else None


class _Filed(NamedTuple):
    """The rules a path of one resource can match, in werkzeug's order, each with its
    literal start, and which of them is the first whose expression matches a path."""

    rules: tuple[tuple[str, Rule], ...]
    first: FirstMatch

    @classmethod
    def of(cls, rules: list[Rule]) -> _Filed:
        return cls(
            tuple((rule.literal, rule) for rule in rules),
            # Every rule's expression starts with the one of /api/v1: matched once.
            FirstMatch([rule.regex.pattern for rule in rules], _rule(V1).regex.pattern[1:-1]),
        )


# The rules filed by resource: those of that resource and those of none (a path of no
# filed resource can match only the latter).
_UNFILED = _Filed.of([rule for rule in _MATCH_ORDER if _resource_of(rule) is None])
_BY_RESOURCE: dict[str, _Filed] = {
    name: _Filed.of([rule for rule in _MATCH_ORDER if _resource_of(rule) in (name, None)])
    for name in {_resource_of(rule) or "" for rule in _MATCH_ORDER} - {""}
}


def _filed(merged: str) -> _Filed:
    """The rules that can match a path (its slashes merged), in werkzeug's order."""
    return _BY_RESOURCE.get(resource(merged) or "", _UNFILED)


class Match(NamedTuple):
    """What werkzeug makes of a path and method."""

    rule: Rule | None = None  # the rule serving them
    redirect: str | None = None  # the path to redirect to
    allowed: frozenset[str] = frozenset()  # methods the path takes, when not this one


def match(path: str, method: str) -> Match:
    """werkzeug's ``MapAdapter.match``: the first rule (in its order) matching the path
    serves it, or redirects it; a rule that matches but not the method names its methods
    for the 405. Only the rules filed under the path's resource are tried.

    The usual request (the first rule whose expression matches takes the method and
    neither redirects nor refuses the path's integers) is found by one expression over
    all of them; any other goes through the rules one by one."""
    merged = _SLASHES.sub("/", path) if "//" in path else path
    filed = _filed(merged)
    first = filed.first(path)
    if first is None:  # no rule's expression matches: none can serve, redirect or refuse
        return Match()
    rule = filed.rules[first][1]
    if method in rule.methods and (
        # What else could stop it: a folder's redirect, an integer int() refuses, slashes
        # to merge.
        (rule.is_plain and path is merged) or isinstance(rule.matches(path, method), dict)
    ):
        return rule.served
    return _match_each(path, merged, method, filed)


def _match_each(path: str, merged: str, method: str, filed: _Filed) -> Match:
    """``match`` rule by rule, skipping one whose literal start the path (its slashes
    merged) lacks: the regular expression of such a rule cannot match."""
    allowed: set[str] = set()
    for literal, rule in filed.rules:
        if not merged.startswith(literal):
            continue
        found = rule.matches(path, method)
        if found is None:
            continue
        if isinstance(found, str):
            return Match(redirect=found)
        if method not in rule.methods:
            allowed |= rule.methods
            continue
        return Match(rule=rule)
    return Match(allowed=frozenset(allowed))


_CUT = re.compile(r"(<.*>)")


def did_you_mean(path: str) -> str | None:
    """What flask-restx adds to the message of a 404 raised inside an operation (a page
    out of range): the rules closest to the path (None when none is close)."""
    rules = {_CUT.sub("", rule.rule): rule.rule for rule in RULES}
    close = difflib.get_close_matches(path, rules.keys())
    if not close:
        return None
    named = " or ".join(rules[found] for found in close)
    return f"You have requested this URI [{path}] but did you mean {named} ?"
