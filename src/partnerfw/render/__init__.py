"""Output for the terminal and for tools, made from a check result.

The reporters of findings (text, json, github annotations in ``formats``; ``sarif``; the
GitHub step summary in ``step_summary``) and the text or json of ``classify``
(``classes``), ``rules`` (``rule_list``) and ``trail`` (``trail``). ``terminal`` prints text
for people (wrapped at the terminal's width, colour only on a terminal) and shows the
progress of a long command.
"""
