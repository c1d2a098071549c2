"""No client input makes the mock fail: hostile bodies, queries, headers and path values,
thrown at every operation of every spec, get an answer below 500, of a bounded size."""

from __future__ import annotations

import json
from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_server._connexion.limits import MAX_TARGET
from tests.hostile.test_bodies import HUGE_NUMBERS, nested
from tests.hostile.wire import credentials, every_operation, seeded_app, send

APP = seeded_app()
CREDENTIALS = credentials(APP)
OPERATIONS = every_operation()

#: The largest refusal: a problem document (its detail cut), or a page of the real
#: monitor-server's that names the path (at most MAX_TARGET bytes of it, twice).
REFUSAL_LIMIT = 2 * MAX_TARGET + 2048
#: A success holds at most what the seed and the request put in (the mock echoes what it
#: stores), and never more than this beyond it.
SUCCESS_MARGIN = 256 * 1024

words = st.sampled_from(
    ["", "x", "NaN", "-1", "1e999", "0", "null", "true", "%", "%ff", "%00", "..", "ä", "{", "/"]
)
texts = st.one_of(
    words, st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)
bodies = st.one_of(
    st.just(b""),
    st.binary(max_size=200),
    json_values.map(lambda value: json.dumps(value).encode()),
    st.builds(nested, st.integers(50, 3000), st.sampled_from(["array", "object"])),
    st.sampled_from(HUGE_NUMBERS).map(str.encode),
    st.sampled_from(HUGE_NUMBERS).map(lambda n: f'{{"advance": {n}, "now": {n}}}'.encode()),
    st.just(b'{"name": "' + b"x" * 1_000_000 + b'"}'),
    st.just(b"&".join(b"f%d=x" % n for n in range(5000))),
)
content_types = st.sampled_from(
    [
        None,
        b"application/json",
        b"application/json; charset=bogus",
        b"application/json; charset=utf-16",
        b"text/plain",
        b"application/x-www-form-urlencoded",
        b"multipart/form-data",
        b"multipart/form-data; boundary=x",
        b"application/xml",
        b"\xff\xfe",
        b"application/json;;;charset",
        b"*/*",
    ]
)
queries = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from([b"page", b"max", b"start", b"monitor", b"status"]),
            st.binary(max_size=12),
        ),
        st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.just(b"9" * 5000)),
    ),
    max_size=120,
).map(
    lambda pairs: b"&".join(
        quote_from_bytes(k).encode() + b"=" + quote_from_bytes(v).encode() for k, v in pairs
    )
)
raw_queries = st.one_of(queries, st.binary(max_size=300))
header_fields = st.lists(
    st.tuples(
        st.sampled_from(
            [
                b"accept",
                b"cookie",
                b"authorization",
                b"preservica-access-token",
                b"x-aims-auth-token",
                b"x-extra",
            ]
        ),
        st.one_of(
            st.binary(max_size=60), st.just(b"Basic " + b"A" * 5000), st.just(b"a=b; " * 500)
        ),
    ),
    max_size=8,
)
path_values = st.one_of(
    st.none(),
    words,
    st.text(max_size=30).map(
        lambda t: quote_from_bytes(t.encode("utf-8", "surrogatepass"), safe="")
    ),
    st.just("y" * 7000),
)


@settings(
    max_examples=max(150, settings.default.max_examples),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    deadline=None,
)
@given(
    operation=st.sampled_from(OPERATIONS),
    path_value=path_values,
    query=raw_queries,
    content_type=content_types,
    body=bodies,
    fields=header_fields,
    signed_in=st.booleans(),
    chunked=st.booleans(),
)
async def test_no_client_input_makes_the_mock_fail(
    operation, path_value, query, content_type, body, fields, signed_in, chunked
):
    APP.mock_state.faults.clear()  # a rule a request adds answers what it says, 500s too
    headers = list(fields)
    if content_type is not None:
        headers.append((b"content-type", content_type))
    if signed_in:
        headers += CREDENTIALS[operation.api]
    answer = await send(
        APP,
        operation.method,
        operation.path(path_value),
        query=query,
        headers=headers,
        body=body,
        chunks=3 if chunked and body else 1,
    )
    assert answer.status < 500, (answer.status, answer.body[:500])
    if answer.status >= 400:
        assert len(answer.body) <= REFUSAL_LIMIT, (
            answer.status,
            len(answer.body),
            answer.body[:300],
        )
    else:
        assert len(answer.body) <= len(body) + len(query) + SUCCESS_MARGIN
