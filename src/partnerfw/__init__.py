"""partnerfw: a council's partnerships and shared services register as YAML files in git."""

__version__ = "0.1.0"
