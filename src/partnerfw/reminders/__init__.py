"""Reminders where officers already look: one GitHub issue per arrangement with monitoring due
or overdue (``partnerfw reminders``).

It sits beside ``publish`` in the flow: it reads the checked register and the due report's
logic (``reports.due``) and talks to GitHub. ``wanted`` works out the issue each arrangement
should have (pure: the date is given), ``text`` writes its Markdown with the hidden marker that
identifies it, ``github`` is the one place that calls the GitHub REST API (through PyGithub, an
optional extra), ``sync`` compares what is wanted with the issues found and opens, updates,
reopens or closes them (or says what it would do), and ``run`` is the command's workflow.
"""
