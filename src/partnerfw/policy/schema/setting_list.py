"""Every setting of a policy by its dotted path (``setting_paths``), for the list of
rules and settings with where each comes from.
"""

from __future__ import annotations

from pydantic import BaseModel

from partnerfw.policy.schema.edition import Policy

NOT_SETTINGS = frozenset(
    {
        "edition",
        "title",
        "adoption",
        "sources",
        "rules",
        "roles",
        "record_fields",
        "classes",
        "scorecard",
    }
)
"""A policy's top-level parts that are not settings: they name or date the edition, carry
their own sources (each class and the scorecard a reference: or local:), or are lists of their
own (roles, rules, the council's questions)."""


def setting_paths(policy: Policy) -> list[tuple[str, object]]:
    """Every setting of ``policy`` as (dotted path, value): the numbers, yes/no choices and
    lists a rule or report uses. Significance triggers, the classes and the scorecard carry
    their own source (``rules --local`` lists them apart), roles are the council's
    organisation and rule settings carry their reasons, so they are not listed."""
    found: list[tuple[str, object]] = []

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name == "reference" or (not prefix and name in NOT_SETTINGS):
                    continue
                if prefix == "significance" and name in ("test", "triggers"):
                    continue  # each test carries its own reference: or local:
                walk(f"{prefix}.{name}" if prefix else name, getattr(value, name))
        elif isinstance(value, dict) and prefix:
            for key, item in value.items():
                walk(f"{prefix}.{key}", item)
        else:
            found.append((prefix, value))

    walk("", policy)
    return found
