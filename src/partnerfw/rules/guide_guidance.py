"""Requirements of the framework that cannot be decided from a record's data.

Among them the responsibilities of members and officers (sections 5 and 6). They are listed by
``partnerfw rules`` as guidance, each with its paragraph and why it is not checked, so an
officer knows they exist and how they are met.
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


# --- The responsibilities of members and officers (sections 5 and 6) and the like: what a
# person does, not a fact a record can show. Each says how partnerfw supports it instead.

guidance(
    "GUIDE011",
    "evaluation",
    "Evaluation form used",
    "Framework 2.7",
    "The form is 'strongly recommended', not required; a record's evaluation section follows "
    "its headings, and the questions it asks are checked where a record can answer them "
    "(EVA003-EVA015). Its descriptive questions (statutory status, where it operates, the lead "
    "organisation, the overall resources and each partner's contribution, the corporate "
    "objectives, who completed it) are fields of the record, shown on the register's pages, "
    "not requirements.",
)
guidance(
    "GUIDE012",
    "approvals",
    "Lead officer presents a significant partnership to Management Team",
    "Framework 2.11.1",
    "Who presents the item is not recorded; that Management Team discussed it before approval "
    "is checked (APR003, APR006).",
)
guidance(
    "GUIDE013",
    "responsibilities",
    "Director (Corporate Services) explores and progresses shared working",
    "Framework 3.5",
    "A responsibility of a role, not a fact of an arrangement; the initial discussion with "
    "the Director (Corporate Services) is checked (SSV005).",
)
guidance(
    "GUIDE014",
    "responsibilities",
    "Cabinet Committee kept updated on a shared service, where necessary",
    "Framework 3.11",
    "'It may be necessary' is a judgement for the Portfolio Holder; committee updates are "
    "papers, not records (partnerfw report annual gives one).",
)
guidance(
    "GUIDE015",
    "responsibilities",
    "Portfolio Holders oversee and review the partnerships in their portfolio",
    "Framework 5.2, 5.2.1, 6.7",
    "Oversight is what a Portfolio Holder does; the record names its portfolio and the "
    "relevant Portfolio Holder's approval is checked (APR014), and the register filtered by "
    "portfolio is their list.",
)
guidance(
    "GUIDE016",
    "responsibilities",
    "Portfolio Holders receive an annual update of the partnerships",
    "Framework 5.2.2",
    "A paper to members, not a record: partnerfw report annual writes it from the register; "
    "its date is in the committee's minutes.",
)
guidance(
    "GUIDE017",
    "responsibilities",
    "Particular responsibility where the council is represented at Member level",
    "Framework 5.2.3",
    "A responsibility, not data; the councillors on each board are recorded (members) and the "
    "Director's involvement is checked (EVA002).",
)
guidance(
    "GUIDE018",
    "responsibilities",
    "Portfolio Holders receive regular updates on shared services",
    "Framework 5.3, 5.3.1, 5.3.2",
    "Updates are conversations and papers, not records; approval by the Leader with the "
    "relevant Portfolio Holder (APR003, APR014) and the shared service reviews (MON006) are "
    "checked.",
)
guidance(
    "GUIDE019",
    "responsibilities",
    "Senior management make sure the framework's requirements are met",
    "Framework 5.4",
    "This is what partnerfw check supports: run on every pull request, with the department's "
    "officers as reviewers (CODEOWNERS), it lists what each arrangement still lacks.",
)
guidance(
    "GUIDE020",
    "responsibilities",
    "Central record of all partnerships and shared working kept",
    "Framework 5.6.1",
    "The register repository is the central record; that each arrangement is recorded once "
    "and its links hold is checked (REG001-REG006, the council's own rules).",
)
guidance(
    "GUIDE021",
    "responsibilities",
    "Arrangements created, managed and reviewed as the framework requires",
    "Framework 5.6.2",
    "The arrangements are the check on every pull request and the reviews it reminds of "
    "(MON005, MON010); whether they are 'effective' is the Corporate Change team's judgement.",
)
guidance(
    "GUIDE022",
    "responsibilities",
    "Formal register maintained and published",
    "Framework 5.6.3, 6.6",
    "partnerfw build publishes the register and its open data; publishing the revised "
    "register after the autumn review (6.6) is a step of that review, not a record.",
)
guidance(
    "GUIDE023",
    "responsibilities",
    "Representatives work for the arrangement's success and its proper conduct",
    "Framework 5.7, 5.8",
    "Collaboration, value for money and conduct are judgements, not data; the arrangement's "
    "value-for-money measures (EVA013) and monitoring (MON001-MON011) are checked.",
)
guidance(
    "GUIDE024",
    "responsibilities",
    "Concerns raised with the Director, serious ones also with the statutory officers",
    "Framework 5.10, 6.2",
    "Who is consulted about a concern is not recorded on the register; a limited or no "
    "assurance audit opinion is followed up (MON020).",
)
guidance(
    "GUIDE025",
    "monitoring",
    "Representatives monitor day to day",
    "Framework 6.1",
    "Day-to-day monitoring happens in meetings and reports, not on the register; the budget "
    "and performance reports it produces are checked (MON001, MON002).",
)
guidance(
    "GUIDE026",
    "monitoring",
    "Senior officers make enquiries and take action on issues",
    "Framework 6.3, 6.4",
    "Enquiries are not data; a limited or no assurance audit opinion must be acted on and "
    "followed up (MON020), and the sources 6.4 lists (minutes, budget and performance reports, "
    "complaints) are those the monitoring rules check are kept.",
)
guidance(
    "GUIDE027",
    "review",
    "Responsible officer provides information to and attends Overview and Scrutiny",
    "Framework 6.8",
    "Attendance is not data; partnerfw report scrutiny gives the committee the candidates and "
    "each arrangement's page gives its details.",
)
guidance(
    "GUIDE028",
    "review",
    "Corporate Change Manager co-ordinates the reviews",
    "Framework 6.10",
    "A role, not data; the reviews themselves are checked (MON005 the annual review, MON010 "
    "the governance review's assurance).",
)
guidance(
    "GUIDE029",
    "review",
    "Informal networks, and partnerships that become 'other', stay on the register",
    "Framework review minutes (informal networks, significant to other)",
    "Nothing to check on a record: the register keeps every arrangement whatever its kind or "
    "class (an informal network is recorded with light governance), and partnerfw report "
    "reclassification lists those a change of threshold moves; CLS003, the council's own "
    "rule, asks whether an informal network the council resources is really a partnership.",
)
guidance(
    "GUIDE030",
    "shared services",
    "Business case template used (Appendix 2)",
    "Framework 3.7, Appendix 2",
    "The template is 'recommended' (3.7); its sections a record can show are checked "
    "(EVA003-EVA009, SSV001, SSV004, SSV006-SSV009). The rest - the scope, author and date, "
    "the contribution to objectives and statutory obligations, the legal basis "
    "(shared_service.legal_basis), the committees and delegations, the notification list - "
    "are the business case's own content, kept where shared_service.business_case says.",
)
