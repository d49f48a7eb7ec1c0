"""Judging one arrangement under a policy: what it is and what follows from that.

Its kind and class with the reason (``classify``), a test of the policy applied
(``significance``, with the answers in ``outcomes``, the record's own facts in
``record_tests``, one risk or partner in ``scoped_tests``, the resources counted in
``resources`` and the scorecard's points in ``scorecard``), how long it runs (``duration``),
its phases and timeline (``timeline``), what a decision approved (``approved_facts``), names
that look like the same arrangement (``duplicates``, with ``duplicate_words`` and
``duplicate_pairs``), and what the rules share with views,
reports and ``new``: the kinds and lifecycle stages a requirement concerns (``stages``),
counting months and days (``dates``), the approval route and its steps still missing
(``approval_route``), when reports and reviews fall due (``due_dates``), governance items'
labels and paragraphs (``governance_items``), audit opinions (``audit_opinions``), whether a
partner is a local authority (``partners``) and people's names as the master lists compare them
(``names``). Pure functions: no I/O, no clock.
"""
