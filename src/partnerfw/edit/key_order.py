"""The order ``fmt`` puts a record's keys in: the model's own field order, at every level.

``tidy`` reorders a file into this order and ``already_tidy`` checks that a file is in it, so
both read it from here.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel


def wanted_order(keys: list[Any], model: type[BaseModel]) -> list[Any]:
    """The keys in the model's field order; keys it does not know keep their order after."""
    rank = {name: i for i, name in enumerate(model.model_fields)}
    return sorted(keys, key=lambda k: rank.get(k, len(rank)) if isinstance(k, str) else len(rank))


def field_model(model: type[BaseModel] | None, key: Any) -> type[BaseModel] | None:
    """The model of the value under ``key``, when that value is (or holds) a model."""
    if model is None or not isinstance(key, str) or key not in model.model_fields:
        return None
    return _model_in(model.model_fields[key].annotation)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
