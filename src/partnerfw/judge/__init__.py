"""Judging one arrangement under a policy: what it is and what follows from that.

Its kind and class with the reason (``classify``), the significance test applied
(``significance``), how long it runs (``duration``), its phases and timeline (``timeline``),
what a decision approved (``approved_facts``), names that look like the same arrangement
(``duplicates``), and the helpers rules, views, reports and ``new`` share: lifecycle stage
sets, approval steps still missing, next due dates. Pure functions: no I/O, no clock.
"""
