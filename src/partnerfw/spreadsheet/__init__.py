"""A register kept in a spreadsheet becomes one record file per row: ``partnerfw import``.

The flow, one module a step: ``importer`` runs the import; ``table`` reads the sheet (``csv_file``
for a CSV file's encoding and delimiter, ``workbook`` for .xlsx and its formulas) and finds its
row of headings (``headings``, read under any group heading); ``mapping`` matches the columns to
record fields; ``layout`` tells the rows that are not arrangements (section headings, notes,
totals) and what the sheet says around the others; ``plan`` makes a record of each row
(``row_record``: ``row_cells`` reads the cells with ``cells``, ``date_words``, ``row_facts``,
``people`` and ``evidence``, ``row_kind`` reads its kind and status from its words,
``row_complete`` fills what the record needs) and finds likely duplicates; ``writing`` writes
the files and ``report`` says what was done.
"""
