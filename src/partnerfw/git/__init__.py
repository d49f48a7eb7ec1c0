"""What git remembers: the approval trail and everything read from the register's history.

The trail of each record file (``trail``), paths as the repository names them
(``repo_paths``), the records a pull request changed (``changed``), the record as it stood at a
decision's commit (``decision_commit``) and the register as it was at a revision or date
(``past_register``). The check core never calls git; a command adds these steps.
"""
