"""The record: one arrangement as written in ``register/<id>.yaml``.

The first step of the flow (read -> record -> policy -> judge -> rules -> findings -> render):
the pydantic models of an arrangement split by part (``models/``: ``arrangement`` holds the
record, built from ``choices``, ``people``, ``lifetime``, ``resources``, ``legal_standing``,
``joint_committee``, ``purpose``, ``evaluation``, ``governance``, ``agreement``,
``exit_strategy``, ``approvals``, ``shared_service``, ``commissioning`` and ``monitoring`` on
``base``; import them all from ``partnerfw.record.models``), dates as councils write them
(``partial_dates``), money as councils write it, record ids, reading YAML with the line of
every key (``yamlread``), turning schema errors into findings, finding and loading a register's
files (``loading``), flattening a record to dotted-path columns (``columns``) and writing record
files back through ruamel's round trip (``writing``). It knows nothing of policy or rules.
"""
