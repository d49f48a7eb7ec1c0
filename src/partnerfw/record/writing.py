"""Writing record files: ruamel round-trip YAML (comments and order survive). The files
themselves are written by ``partnerfw.files.write_atomic``. Used by ``new``, ``fmt``,
``approved-facts`` and ``import``."""

from __future__ import annotations

import io
from typing import Any


def round_trip_yaml() -> Any:
    """A fresh ruamel YAML object for round-trip reading and writing (never a module global)."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump_text(data: Any) -> str:
    buffer = io.StringIO()
    round_trip_yaml().dump(data, buffer)
    return buffer.getvalue()


def quoted_where_needed(node: Any) -> Any:
    """Plain data (new dicts and lists) with text quoted where a YAML 1.1 reader (libyaml,
    which partnerfw reads with) would take it for another type: ruamel writes YAML 1.2, where
    'Yes', 'No', 'on' and 'off' are plain text, so a sheet's 'Yes' would read back as true.
    For new text only (import): a user's own file keeps its spelling."""
    if isinstance(node, dict):
        return {key: quoted_where_needed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [quoted_where_needed(value) for value in node]
    if isinstance(node, str) and _not_text_in_yaml_1_1(node):
        # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
        from ruamel.yaml.scalarstring import SingleQuotedScalarString

        return SingleQuotedScalarString(node)
    return node


def _not_text_in_yaml_1_1(text: str) -> bool:
    # Loaded here, not at the top: PyYAML is only needed when this runs.
    import yaml

    resolver: Any = yaml.resolver.Resolver()
    return bool(resolver.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str")


def load_round_trip(text: str) -> Any:
    return round_trip_yaml().load(text)
