"""The built-in editions' text (``edition_text``, read from ``partnerfw/policy/editions/``
with importlib.resources) and a council's overrides merged into an edition (``merge_overrides``,
``deep_merge``).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from partnerfw.policy.schema.classes import merge_classes
from partnerfw.policy.significance_tests import merge_significance


def edition_text(name: str) -> str:
    """The YAML text of a built-in edition."""
    return (
        resources.files("partnerfw.policy").joinpath("editions", f"{name}.yaml").read_text("utf-8")
    )


def merge_overrides(edition: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """An edition with a council's ``policy:`` overrides: parts merge as ``deep_merge`` does,
    except that a test is replaced, never merged: a significance test given in either spelling
    (``test:`` or ``triggers:``) replaces the edition's (and its first class's), a class's or
    scorecard criterion's test replaces that one's, and classes naming one the edition lacks
    replace the edition's classes (``merge_classes``)."""
    if not isinstance(overrides, dict):
        return deep_merge(edition, overrides)
    edition = merge_classes(edition, overrides)
    significance = overrides.get("significance")
    if isinstance(significance, dict) and isinstance(edition.get("significance"), dict):
        edition = {
            **edition,
            "significance": merge_significance(edition["significance"], significance),
        }
    return deep_merge(edition, overrides)


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Override ``base`` with ``override``; mappings merge, everything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
