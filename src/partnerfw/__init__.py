"""partnerfw: a council's partnerships and shared services register as YAML files in git.

The sub-packages follow the data, each importing only those below it (docs/architecture.md):
``record`` (read the files) -> ``policy`` (what the council asks) -> ``judge`` (kind, class,
dates) -> ``rules`` (findings) -> ``render`` (text, json, github, sarif); ``git`` adds what
history says; ``views`` -> templates -> ``publish`` (site, open data, export) and ``reports``
(committee papers); ``edit`` and ``spreadsheet`` write records; ``cli`` parses options and
prints. Below them all: ``errors``, ``findings``, ``files``, ``words`` and ``templating``.
"""

# The one version source: pyproject.toml reads it (hatch), `partnerfw --version` prints it, and
# `partnerfw init` pins it in the workflows and pre-commit hooks it writes.
__version__ = "0.1.0"

PROJECT_URL = "https://github.com/partnerfw/partnerfw"
"""Where the project lives: pre-commit's hook repository and the git install of a release."""
