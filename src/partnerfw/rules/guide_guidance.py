"""Requirements of the framework that cannot be decided from a record's data.

They are listed by ``partnerfw rules`` so an officer knows they exist and how they are met.
"""

from partnerfw.rules.base import guidance

guidance(
    "GUIDE001",
    "review",
    "Framework reviewed every three years",
    "Framework 1.4",
    "It concerns the framework, not an arrangement: the policy file's title and the git "
    "history of partnerfw.yaml show when the edition last changed.",
)
guidance(
    "GUIDE002",
    "evaluation",
    "Specialist officers consulted where few precedents",
    "Framework 2.6",
    "Whether precedents exist is a judgement; the pull request review "
    "is where reviewers ask for specialist advice.",
)
guidance(
    "GUIDE003",
    "evaluation",
    "Corporate Change Manager kept informed",
    "Framework 2.4",
    "Being kept informed leaves no data on the record; make the Corporate Change Manager a "
    "reviewer of register changes (CODEOWNERS).",
)
guidance(
    "GUIDE004",
    "governance",
    "Seven Principles of Public Life upheld",
    "Framework 4.12",
    "Conduct is not a fact on the register; the ethical standards governance item (4.3k) "
    "is checked instead.",
)
guidance(
    "GUIDE005",
    "review",
    "Overview and Scrutiny selects one partnership a year",
    "Framework 6.8",
    "The Chair and Vice-chair choose; the register gives them the list.",
)
guidance(
    "GUIDE006",
    "review",
    "Internal audit on a risk basis",
    "Framework 6.11",
    "Internal audit's needs assessment is its own; risk ratings in each record's risk "
    "register inform it.",
)
guidance(
    "GUIDE007",
    "review",
    "Register reported to the Cabinet Committee yearly",
    "Framework 5.6.3",
    "The report is a committee paper, not a record; its date is in the committee's minutes.",
)
guidance(
    "GUIDE008",
    "review",
    "Confidential information kept out of the published register",
    "Framework 6.5",
    "Enforced when publishing: every part a record lists under "
    "'confidential' is dropped from public output (DATA005 checks those paths exist).",
)
guidance(
    "GUIDE009",
    "shared services",
    "Central and operational principles of shared services",
    "Framework 3.4",
    "Presence at each site, TUPE, recruitment panels and ICT support are "
    "judgements for the business case; the cost split and budgets (SSV003) are checked.",
)
guidance(
    "GUIDE010",
    "responsibilities",
    "Sound legal and financial advice given",
    "Framework 5.5",
    "The quality of advice is not data; that the opinions were recorded "
    "is checked (APR001, APR002).",
)
