"""Writing to a register repository: everything that creates or changes files officers keep.

``new`` (its questions in ``questions``, the record in ``new_record``), ``fmt`` (``tidy`` and
``already_tidy``), the JSON Schemas for editors (``schemas``), ``.github/CODEOWNERS``
(``codeowners``), recording what a decision approved (``record_approval``) and ``init``
(``init_repo``, ``init_questions``). Writes are atomic and never clobber.
"""
