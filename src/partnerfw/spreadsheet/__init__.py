"""A register kept in a spreadsheet becomes one record file per row: ``partnerfw import``.

Reading the table (.csv or .xlsx), matching its headings to record fields (``headings``),
reading cell values (``cells``, ``people``, ``evidence``), planning the records and writing them
(``importer``).
"""
