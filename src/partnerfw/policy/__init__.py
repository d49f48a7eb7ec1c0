"""Policy as data: what the council's framework asks, and which edition is in force when.

The schema of an edition and of ``partnerfw.yaml`` (``schema``), the significance test
language (``significance_tests``), the built-in editions (``editions/*.yaml``), the one
schedule of editions in force by date (``schedule``), loading a register repository's
``partnerfw.yaml`` (``project``) and choosing a policy to compare with (``compared``).
It reads records' types but never judges a record.
"""
