"""The order ``fmt`` puts a record's keys in: the model's own field order, at every level;
and what type each field holds (``unwrap``), for ``tidy_values`` and the browser editor's form.

``tidy`` reorders a file into this order and ``already_tidy`` checks that a file is in it, so
both read it from here.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any

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


def unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """The type under ``Optional`` and ``Annotated``, the metadata ``Annotated`` carried, and
    whether None is allowed: ``Money | None`` gives (Decimal, [its constraints], True)."""
    optional = False
    found: list[Any] = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = typing.get_args(annotation)
            found += extra
        elif origin in (typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"a union of {args!r} is not one type")
            annotation = args[0]
        else:
            return annotation, found, optional
