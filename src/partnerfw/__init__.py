"""partnerfw: a council's partnerships and shared services register as YAML files in git."""

# The one version source: pyproject.toml reads it (hatch), `partnerfw --version` prints it, and
# `partnerfw init` pins it in the workflows and pre-commit hooks it writes.
__version__ = "0.1.0"

PROJECT_URL = "https://github.com/partnerfw/partnerfw"
"""Where the project lives: pre-commit's hook repository and the git install of a release."""
