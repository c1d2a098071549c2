"""The JSON encoder of every answer connexion serializes: orjson, where it writes what the
json module would mean.

connexion's default (``json.dumps`` with its encoder class, then a newline) is several
times slower on a page of records. orjson writes the same JSON values, compact and in UTF-8
rather than ``\\uXXXX`` escapes. The values it would write differently are non-finite
floats (json writes ``NaN``, orjson ``null``), which the mock never holds
(``mock_server.core.numbers`` refuses them where data comes in); for those it refuses (integers
beyond 64 bits, lone surrogates, non-string keys, other types) connexion's own encoder
answers as before. A ``JSONText`` (a stored record's text) is written as it is.
"""

from __future__ import annotations

from typing import Any

import orjson
from connexion.jsonifier import Jsonifier

from mock_server.core.json_text import fragment_of, value_of


class FastJsonifier(Jsonifier):
    def dumps(self, data: Any, **kwargs: Any) -> Any:
        if kwargs:
            return super().dumps(data, **kwargs)
        try:
            return orjson.dumps(data, default=fragment_of)
        except TypeError:  # orjson.JSONEncodeError is one
            return super().dumps(data, default=value_of)
