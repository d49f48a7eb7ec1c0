"""register.json's quick writer gives the text Python's json module would, byte for byte."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from partnerfw.views.open_data import indented_json

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3)
    ),
    max_leaves=20,
)


@given(_VALUES)
def test_the_same_text_as_json_dumps_with_an_indent(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_a_record_of_the_open_data_as_json_writes_it() -> None:
    record = {"id": "a", "name": 'Café "Quarter" <b>\n', "partners": [], "facts": {}, "n": 3}
    payload = {"version": 1, "arrangements": [record, {"partners": [{"name": "x"}]}]}
    assert indented_json(payload) == json.dumps(payload, indent=2, ensure_ascii=False)
    assert json.loads(indented_json(payload)) == payload
