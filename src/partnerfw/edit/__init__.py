"""Writing to a register repository: everything that creates or changes files officers keep.

``new`` and ``init`` share one answer loop (``answers``, with ``amounts_and_dates``): ``new``
asks ``new_questions`` and ``council_questions`` and writes ``new_record`` (``new_steps`` runs
it), ``init`` asks ``init_questions`` and writes ``init_repo`` (``init_steps`` runs it). ``fmt``
is ``tidy`` and ``already_tidy``, both keeping ``key_order``, with ``tidy_values`` (what a form
writes, made house style) and ``restore_layout`` (``--restore-from``). The browser editor's
configuration is ``cms_config``, its form ``cms_fields`` and ``partnerfw cms`` ``cms_setup``.
The JSON Schemas for editors are
``schemas``, ``.github/CODEOWNERS`` is ``codeowners``, and recording what a decision approved is
``record_approval``. Writes are atomic and never clobber.
"""
