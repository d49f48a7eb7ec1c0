"""Words the benchmark generator builds registers from: places, services, organisations,
people and the phrases of a record's free text. Fictional, but shaped like English local
government: place names made of common English parts, the services councils share and the
partnerships they join, and the bodies they join them with."""

from __future__ import annotations

PLACE_STARTS = (
    "Ash", "Alder", "Bar", "Beck", "Birch", "Black", "Bramble", "Brook", "Burn", "Chal",
    "Cold", "Cran", "Dun", "East", "Elm", "Fair", "Fern", "Glen", "Gold", "Hart", "Hazel",
    "Heath", "Holm", "Kings", "Lark", "Long", "Marl", "Mill", "Nether", "North", "Oak",
    "Pen", "Queens", "Red", "Rook", "Sand", "South", "Stan", "Stone", "Thorn", "Tun",
    "Wal", "West", "Whit", "Wick", "Willow", "Wood", "Wyn",
)  # fmt: skip
PLACE_ENDS = (
    "borough", "bourne", "bridge", "brook", "bury", "by", "combe", "cote", "den", "field",
    "ford", "gate", "ham", "hurst", "ley", "mead", "mere", "minster", "moor", "stead",
    "stow", "thorpe", "ton", "well", "wick", "worth",
)  # fmt: skip

COMMUNITY_SERVICES = (
    "Community Safety", "Food", "Youth Sport", "Dementia Friendly Communities",
    "Homelessness Prevention", "Climate Action", "Heritage", "Town Centre Regeneration",
    "Domestic Abuse", "Health and Wellbeing", "Employment and Skills", "Digital Inclusion",
    "Flood Resilience", "Affordable Warmth", "Active Travel", "Arts and Culture",
    "Visitor Economy", "Adult Learning", "Carers Support", "Social Prescribing",
    "Air Quality", "Tree Planting", "Rough Sleeping", "Armed Forces Covenant",
    "Child Poverty", "Mental Health", "Early Help", "Debt Advice", "Road Safety",
    "Biodiversity", "Community Transport", "Loneliness", "Healthy Weight", "Older People",
    "Anti-Social Behaviour", "Refugee Resettlement", "Water Quality", "Library Services",
    "Holiday Activities", "Volunteering", "Business Support", "Music Education",
    "Suicide Prevention", "Fuel Poverty", "Rural Broadband", "Coastal Communities",
)  # fmt: skip
SHARED_SERVICES = (
    "Internal Audit", "Building Control", "Legal", "ICT", "Licensing", "Payroll",
    "Procurement", "Revenues and Benefits", "Environmental Health", "Emergency Planning",
    "Planning Policy", "Land Charges", "Human Resources", "Waste Collection",
    "Parking Enforcement", "Counter Fraud", "Insurance", "Health and Safety",
    "Electoral Services", "CCTV Monitoring", "Pest Control", "Dog Warden", "Conservation",
    "Tree Officer", "Data Protection", "Communications", "Facilities Management",
    "Street Naming", "Empty Homes", "Graphic Design", "Trading Standards",
    "Bereavement Services", "Council Tax Recovery", "Business Rates", "Housing Options",
    "Private Sector Housing", "Building Maintenance", "Grounds Maintenance",
    "Street Cleansing", "Customer Contact", "Interpreting", "Print and Post",
    "Records Management", "Treasury Management", "Pensions Administration",
    "Occupational Health", "Learning and Development", "Out of Hours Response",
    "Democratic Services", "Scrutiny Support", "Tourism Marketing", "Museum Services",
    "Sports Development", "Community Grants", "Planning Enforcement", "Flood Risk Management",
    "Coast Protection", "Animal Welfare Licensing", "Food Safety", "Noise Nuisance",
)  # fmt: skip
PARTNERSHIP_WORDS = (
    "Partnership", "Network", "Alliance", "Board", "Forum", "Programme", "Project", "Hub",
    "Collaborative", "Compact", "Consortium", "Steering Group", "Task Force", "Coalition",
    "Action Group", "Pathfinder", "Initiative", "Scheme", "Commission", "Pact",
)  # fmt: skip
NETWORK_ROLES = (
    "Finance Officers", "Chief Executives", "Planning Officers", "Heads of Legal",
    "Communications Officers", "Climate Officers", "Housing Officers", "Licensing Officers",
    "Emergency Planning Officers", "Data Protection Officers", "Procurement Officers",
    "Heritage Officers", "Internal Audit Managers", "Democratic Services Officers",
)  # fmt: skip
NETWORK_WORDS = (
    "Group", "Network", "Forum", "Liaison Group", "Practitioners' Network", "Benchmarking Club",
)  # fmt: skip
TRUST_FORMS = (
    "Leisure Trust", "Community Energy", "Housing Company", "Arts Trust",
    "Museum Trust", "Markets Company", "Regeneration Company", "Theatre Trust",
)  # fmt: skip
COMPANY_SUFFIXES = ("Limited", "Ltd", "CIC", "")

FIRST_NAMES = (
    "Aisha", "Alan", "Alice", "Amara", "Amira", "Andrew", "Anita", "Ben", "Bethan",
    "Callum", "Catherine", "Chloe", "Claire", "Daniel", "David", "Deborah", "Dev", "Eleanor",
    "Emma", "Farah", "Fiona", "Gareth", "Grace", "Graham", "Hannah", "Harjit", "Helen",
    "Ian", "Imran", "Isla", "James", "Jane", "Joanna", "Jonathan", "Joseph", "Julie",
    "Karen", "Kwame", "Laura", "Leila", "Liam", "Lucy", "Mark", "Martin", "Meera", "Michael",
    "Nadia", "Naomi", "Neil", "Nicola", "Oliver", "Owen", "Patrick", "Paul", "Priya",
    "Rachel", "Rebecca", "Richard", "Rosa", "Ruth", "Sam", "Sarah", "Simon", "Sophie",
    "Stephen", "Susan", "Tariq", "Tom", "Victoria", "Wei", "Yusuf", "Zara",
)  # fmt: skip
SURNAMES = (
    "Adeyemi", "Ahmed", "Allen", "Asante", "Bailey", "Baker", "Bello", "Bennett", "Bhatt",
    "Brennan", "Brown", "Campbell", "Carter", "Chandran", "Chapman", "Clarke", "Collins",
    "Cooper", "Davies", "Doherty", "Edwards", "Ellison", "Evans", "Fletcher", "Foster",
    "Grant", "Green", "Haddad", "Hale", "Harris", "Hughes", "Hussain", "Jackson", "James",
    "Jones", "Kaur", "Kelly", "Khan", "Kowalski", "Lewis", "Lowe", "Marsh", "Martin",
    "Mitchell", "Moss", "Murphy", "Ndlovu", "Nowak", "Oduya", "Okafor", "Oliver", "Owen",
    "Parker", "Patel", "Pike", "Price", "Reed", "Roberts", "Robinson", "Shah", "Singh",
    "Smith", "Taylor", "Thomas", "Turner", "Walker", "Ward", "Watson", "Whitfield", "Wood",
    "Wright", "Young",
)  # fmt: skip
OFFICER_TITLES = (
    "{service} Manager", "{service} Lead", "Head of {service}", "{service} Officer",
    "Senior {service} Officer", "{service} Team Leader", "{service} Coordinator",
    "Principal {service} Officer",
)  # fmt: skip

AIMS = (
    "{Improve} {outcome} in {place} by {means}.",
    "{Improve} {outcome} across {place} through {means}.",
    "Give residents of {place} {offer}, and {improve} {outcome}.",
    "Bring {bodies} together so that {place} {gains}.",
    "{Improve} {outcome} for {group} in {place}.",
)  # fmt: skip
IMPROVE = (
    "improve", "raise", "widen", "strengthen", "protect", "sustain", "target", "join up",
    "speed up", "secure",
)  # fmt: skip
OUTCOMES = (
    "access to {service_lower} support", "take-up of {service_lower} services",
    "the reach of {service_lower} work", "early help for families", "value for money",
    "the resilience of {service_lower}", "residents' confidence", "community cohesion",
    "the local economy", "the quality of {service_lower} advice", "response times",
    "outcomes for vulnerable adults", "the number of volunteers",
)  # fmt: skip
MEANS = (
    "one referral route", "pooled budgets", "shared staff and premises", "joint commissioning",
    "a single point of contact", "shared data on demand", "joint patrols and outreach",
    "a common action plan", "combined grant funding", "shared training", "a joint website",
    "targeted campaigns", "co-located teams", "a rota of specialist staff",
)  # fmt: skip
OFFERS = (
    "free advice at the library", "one phone number for help", "a named key worker",
    "same-week appointments", "support in their own language", "help at home",
)  # fmt: skip
GROUPS = (
    "young people", "older residents", "carers", "families on low incomes", "rough sleepers",
    "disabled residents", "small businesses", "new arrivals", "care leavers", "veterans",
)  # fmt: skip
GAINS = (
    "gets one joined-up service", "keeps its services running in an emergency",
    "bids for external funding together", "plans its services from shared evidence",
    "hears from residents once, not five times",
)  # fmt: skip
BODIES = (
    "the council, health and the voluntary sector", "the district councils",
    "the police, the fire service and the council", "schools, clubs and the council",
    "landlords, advice agencies and the council", "businesses and the council",
)  # fmt: skip
POINTS = (
    "{service} workload rises faster than funding", "volunteer capacity in {place}",
    "partners withdraw their funding", "data shared without a lawful basis",
    "demand in {place} outstrips the budget", "key staff leave", "the premises lease ends",
    "{service_lower} referrals fall after the launch", "grant conditions are not met",
    "digital-only access could exclude older residents", "the host authority reorganises",
    "{place} residents are not aware of the service", "costs rise with inflation",
    "a safeguarding incident at a {service_lower} session", "a partner changes its priorities",
)  # fmt: skip
BENEFITS = (
    "faster referrals in {place}", "£{thousands},000 a year saved on {service_lower}",
    "one {service_lower} team instead of two", "access to external funding",
    "{hundreds} more residents reached each year", "cover for absence across a larger team",
    "shared expertise in {service_lower}", "better evidence for {service_lower} planning",
    "fewer repeat referrals", "a single contract to manage",
)  # fmt: skip
COSTS = (
    "£{thousands},000 a year grant to {place} partners", "{fte} FTE {service_lower} officer",
    "meeting rooms and IT support in kind", "£{thousands},000 one-off set-up cost",
    "officer time for quarterly board meetings", "a share of the host's overheads",
)  # fmt: skip
OUTCOME_ITEMS = (
    "More {group} supported in {place}", "Fewer repeat {service_lower} referrals",
    "{service} services rated good by users", "Lower costs per case",
    "More volunteers active in {place}", "Faster {service_lower} decisions",
)  # fmt: skip
SENTENCES = (
    "{Place} partners agreed this at the {month} board.",
    "The {service_lower} lead reports progress to the board each quarter.",
    "Reviewed with {place} partners and updated in {month}.",
    "The arrangement follows the {council} procedure for {service_lower}.",
    "Any partner may withdraw on {months} months' written notice to the chair.",
    "Unspent council contributions for {service_lower} are returned pro rata.",
    "Open cases transfer to the statutory agency before the {service_lower} work ends.",
    "Liabilities are shared in proportion to contributions; none fall on {council} alone.",
    "An equality impact assessment precedes any change to {service_lower} in {place}.",
    "Meetings are held online by default, with no new vehicle journeys.",
    "Supports the equalities objective of fair access to {service_lower}.",
    "{Place} residents would lose a joined-up {service_lower} service.",
    "The council would have to deliver {service_lower} alone at greater cost.",
    "Only anonymised {service_lower} data is shared between partners.",
    "Partners follow the county safeguarding procedures; concerns go to the council's "
    "Designated Safeguarding Lead.",
    "Staff follow the host authority's safeguarding policy in {place}.",
)  # fmt: skip
EVIDENCE = (
    "{doc} {year}, section {n}", "{doc} {year}, clause {n}", "{doc}, paragraph {n}",
    "{doc} (signed {year}), schedule {n}",
)  # fmt: skip
DOCUMENTS = (
    "Terms of reference", "Partnership agreement", "Collaboration agreement",
    "Memorandum of understanding", "Service level agreement", "Section 113 agreement",
    "Data sharing agreement", "Board constitution", "Grant agreement", "Funding agreement",
)  # fmt: skip
REFERENCES = (
    "Cabinet minute CAB/{yy}/{n}", "Decision notice DN/{yy}/{n}",
    "Management Team minute MT/{yy}/{n}",
    "Portfolio Holder decision PHD/{yy}/{n}", "Officer decision record OD/{yy}/{n}", "PR #{n}",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
