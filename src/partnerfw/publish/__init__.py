"""Publishing the register: the site, its open data and the export.

``build`` checks the register, makes the public view and writes the site (``site`` renders
each page to a string, then writes; ``admin`` adds the browser editor from ``node_modules``);
``export`` writes the register as CSV, JSON or Excel,
a row per record file (``export_rows``), a file that is not a valid record as written.
"""
