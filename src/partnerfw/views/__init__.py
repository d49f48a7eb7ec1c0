"""Plain data for templates: what the published site, its open data and the reports show.

The register's site as a whole (``site``: listings, filters, counts, theme, open data records)
and its data classes (``pages``); an arrangement's page (``arrangement``), with its governance
sections (``governance``), timeline, links and git history (``history``) and findings in plain
language (``public_findings``); the governance facts (``facts``), the accessibility statement
(``accessibility``) and the open data files (``open_data``). Every public output, the reports'
and the export's too, goes through the one redaction (``redaction``). ``common`` holds what
they all share. Templates never reach into models.
"""
