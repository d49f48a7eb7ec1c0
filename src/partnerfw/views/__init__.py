"""Plain data for templates: what the published site and the open data are made of.

The site's pages (``site``), the governance facts as the public sees them (``facts``), the
accessibility statement (``accessibility``), the open data files (``open_data``) and the one
redaction every public output goes through (``redaction``). Templates never reach into models.
"""
