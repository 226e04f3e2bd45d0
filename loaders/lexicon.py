"""Generic French and English word lists the extraction rules share.

Only generic vocabulary lives here (role titles, trigger verbs, organization
suffixes, speech verbs, cue nouns); never names of people or organizations.
Each list is exposed as a regex alternation or a frozenset.
"""
from __future__ import annotations

#: Role titles (regex alternation, matched case-insensitively on word boundaries).
ROLE_WORDS = (
    r"ceo|cto|coo|cfo|cmo|cpo|pdg|dg|président\w*|vice-président\w*|vp|svp|evp|directeur\w*|directrice\w*|"
    r"responsable|manager|head|partner|associée?s?|general partner|managing partner|"
    r"fondat(?:eur|rice)s?|co-?fondat(?:eur|rice)s?|créat(?:eur|rice)s?|co-?créat(?:eur|rice)s?|"
    r"founders?|co-?founders?|chairman|chairwoman|chair|president|director|chief \w+ officer|chief executive|"
    r"expert\w*|ingénieur\w*|engineer|developer|développeu(?:r|se)|designer|investisseur|investor|"
    r"analyste|analyst|employée?|salariée?|chercheu(?:r|se)|researcher|scientist|patron(?:ne)?|boss|"
    r"dirigeante?|gérante?|administrat(?:eur|rice)|board member|membre du (?:conseil|board)|"
    r"consultante?|consultant|conseill(?:er|ère)|advisor|adviser|stagiaire|intern|"
    r"journaliste|journalist|rédact(?:eur|rice)(?: en chef)?|editor|reporter|chroniqueu(?:r|se)|"
    r"professeure?|professor|lead|principal|venture partner|business angel|"
    r"en charge|chargée? de \w+|in charge|"
    r"attorney|lawyer|avocate?|correspondent|correspondante?|spokesman|spokeswoman|spokesperson|porte-parole|"
    r"official|economist|économiste|secretary|secrétaire général\w*|treasurer|trésori(?:er|ère)|counsel|"
    r"secretary-general|commissioner|inspector|officer|captain|capt|lieutenant|lt|sergeant|sgt|governor|judge|"
    r"administrator|leader|controller|comptroller|members? of the board(?: of directors)?"
)
#: Role words that make an apposition a FOUNDED relation instead of WORKS_AT.
FOUNDER_WORDS = r"(?:co-?)?(?:fondat(?:eur|rice)s?|founders?|créat(?:eur|rice)s?)"
#: Nouns of those who own a share of an organization: a stake, not a job ("actionnaire principal de X").
SHAREHOLDER_WORDS = (r"(?:co-?)?actionnaires?|(?:share|stock)holders?|owners?|propriétaires?|investors?|"
                     r"investisseu(?:r|se)s?")
#: Prefixes marking a role as former.
FORMER_WORDS = r"(?:l['’]\s*)?ancien(?:ne)?s?|ex-|ex |former|past|onetime"
#: Organization name endings (case-sensitive tokens).
ORG_SUFFIXES = frozenset({
    "Ventures", "Venture", "Partners", "Capital", "Labs", "Lab", "Inc", "Inc.", "SAS", "SA", "SARL", "SASU",
    "Ltd", "Ltd.", "LLC", "LLP", "GmbH", "AG", "Corp", "Corp.", "Corporation", "Group", "Groupe", "Holding",
    "Holdings", "Technologies", "Technology", "Tech", "Studio", "Studios", "Bank", "Banque", "Fund", "Fonds",
    "University", "Université", "Institute", "Institut", "School", "École", "Foundation", "Fondation",
    "Systems", "Networks", "Software", "Media", "Médias", "Times", "Post", "Journal", "News", "Magazine",
    "Investments", "Invest", "Investissement", "Investissements", "Gestion", "Associates", "Associés",
    "Industries", "Solutions", "Company", "Compagnie", "Co", "Co.", "AI", "Robotics", "Bio", "Pharma",
    "Therapeutics", "Motors", "Airlines", "Energy", "Énergie", "Telecom", "Consulting", "Conseil",
    "Angels", "Investors", "Health", "Santé", "Finance", "Factory", "Partenaires", "Participations",
    "Limited", "AB", "NV", "N.V.", "N.V", "BV", "B.V.", "PLC", "plc", "S.A.", "SpA", "S.p.A.", "Bancorp",
    "Bancshares", "Trust", "Insurance", "Assurances", "Airways", "Laboratories", "Enterprises", "Agency",
    "Analytics", "Logic", "Entertainment", "Engineering", "Games", "Gaming", "Mobile", "Pictures", "Records",
    "Publishing", "Brands", "Foods", "Interactive", "Security", "Securities", "Semiconductor", "Semiconductors", "Logistics",
    "Computing", "Devices", "Electronics", "Aerospace", "Biotech", "Biosciences", "Sciences", "Pharmaceuticals",
    "Communications", "Broadcasting", "Network", "Platforms", "Payments", "Mobility", "Markets", "Ingénierie",
    "Startup", "Startups", "Holdco", "HoldCo",
    # institutions and newspapers ("Brenton County Democratic Party", "the Velmont Herald")
    "Party", "Council", "Committee", "Commission", "Department", "Ministry", "Court", "Authority", "Assembly",
    "Association", "Society", "Federation", "League", "Union", "Club", "Museum", "Hospital", "Church", "Army",
    "Navy", "Guard", "Bureau", "Office", "Center", "Centre", "College", "Academy", "Board", "Press", "Herald",
    "Tribune", "Gazette", "Review", "Daily",
})
#: A company's departments, capitalized in titles ("directrice Marketing et Opérations"): no organizations alone.
DEPARTMENT_WORDS = frozenset({
    "Marketing", "Opérations", "Operations", "Communication", "Ventes", "Sales", "Stratégie", "Strategy",
    "Informations", "Achats", "Juridique", "Legal", "Produit", "Product", "Design", "Recherche", "Research",
})
#: Legal forms, which may follow an organization's name after a comma ("Brimco, Inc.").
LEGAL_FORMS = frozenset({
    "Inc", "Inc.", "LLC", "LLP", "Ltd", "Ltd.", "Corp", "Corp.", "SA", "SAS", "SARL", "SASU", "GmbH", "AG", "PLC",
    "plc", "N.V.", "S.A.", "S.p.A.", "SpA", "Limited", "Co.", "L.P.", "LP",
})
#: Capitalized words that open an organization name ("Banque X", "Groupe Y").
ORG_PREFIXES = frozenset({
    "Banque", "Groupe", "Fondation", "Université", "Institut", "Caisse", "Cabinet", "Laboratoires", "Éditions",
    "Editions", "Fonds", "Agence", "Société", "Compagnie", "Maison", "Bank", "Fondazione", "Universidad",
})
#: Web-address endings that make a token an organization name ("shoebox.com").
WEB_ENDINGS = (".com", ".io", ".fr", ".org", ".net", ".ai", ".co", ".app")
#: Words of share-button rows and site chrome that never name an entity on their own.
SHARE_WORDS = frozenset({
    "email", "e-mail", "mail", "partager", "share", "tweet", "tweeter", "imprimer", "print", "copier",
    "lien", "link", "whatsapp", "flipboard", "pocket", "reddit", "pinterest", "messenger", "facebook",
    "twitter", "linkedin", "x", "réagir", "commenter", "comment",
})
#: Verbs that introduce or attribute reported speech (lowercase forms).
SPEECH_VERBS = (
    r"raconte|racontait|a raconté|explique|expliquait|a expliqué|dit|disait|a dit|déclare|a déclaré|"
    r"ajoute|a ajouté|confie|a confié|souligne|a souligné|affirme|a affirmé|précise|a précisé|"
    r"se souvient|se rappelle|poursuit|résume|estime|assure|insiste|sourit|rit|lance|"
    r"says|said|explains|explained|recalls|recalled|adds|added|notes|noted|told|tells|remembers|"
    r"continues|continued|admits|admitted|insists|insisted|laughs|laughed"
)
#: Nouns that, right after a name, say it names an organization ("X compte 40 employés").
ORG_CUE_NOUNS = (
    r"entreprise|société|startup|start-up|jeune pousse|boîte|plateforme|application|appli|app|site|"
    r"service|réseau social|marque|groupe|fonds|banque|journal|média|utilisateurs|clients|employés|"
    r"salariés|collaborateurs|company|firm|platform|website|network|brand|fund|bank|users|customers|"
    r"employees|staff|subscribers|abonnés"
)
#: Determiners and possessives that open a common-noun phrase, not a name.
COMMON_OPENERS = frozenset({
    "votre", "vos", "notre", "nos", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur",
    "leurs", "your", "our", "my", "his", "her", "their", "ce", "cet", "cette", "ces", "this", "these",
})
#: Lowercase words allowed inside a name ("Vent sur Loire", "Lea di Marco", "Bank of Tomorrow").
#: Lowercase particles between a first name and a surname ("Maaike van Dijk", "Ana de Souza").
NAME_PARTICLES = frozenset({"de", "du", "van", "von", "di", "da", "del", "der", "den", "ter", "dos", "das"})
NAME_CONNECTORS = frozenset({
    "de", "du", "des", "d'", "d’", "di", "da", "van", "von", "der", "den", "la", "le", "les", "sur", "of",
    "the", "and", "&", "for", "on", "-", ".", "y", "e", "del", "bin", "ben", "al",
})
#: Courtesy titles that make the next capitalized span a person.
PERSON_TITLES = frozenset({
    "m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pr", "pr.", "monsieur",
    "madame", "sir", "dame", "prof.", "maître", "me",
})
#: Weekdays and months (French and English): never names on their own.
DATE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "janvier", "février", "mars", "avril", "mai",
    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
})
#: Sentence adverbs that open a sentence with a capital but never start a name ("Today Acme ships...").
SENTENCE_OPENERS = frozenset({
    "today", "yesterday", "later", "finally", "meanwhile", "now", "then", "also", "still", "existing",
    "aujourd'hui", "hier", "ensuite", "enfin", "désormais", "puis", "depuis", "finalement", "mais", "and", "but",
})
#: Nouns that describe an organization right before or after its name ("la jeune pousse X", "rival X").
ORG_DESCRIPTOR_NOUNS = (
    r"startup|start-up|jeune pousse|pépite|scale-up|licorne|unicorn|société|entreprise|groupe|group|fonds|fund|"
    r"firm|company|rival|concurrent|competitor|géant|giant|fintech|medtech|biotech|edtech|insurtech|proptech|"
    r"legaltech|foodtech|plateforme|platform|éditeur|marketplace|incubateur|incubator|accélérateur|accelerator|"
    r"banque|bank|boîte|boite|cabinet|filiale|subsidiary|spin-off|studio|application|appli|app|marque|brand|opérateur|"
    r"distributeur|retailer|maker|fabricant|constructeur|assureur|insurer|lender|prêteur|néobanque|neobank|"
    r"vc|venture firm|investment firm|société de gestion|family office|holding|équipementier|fournisseur|supplier|"
    r"manufacturer|automaker|carmaker|chipmaker|conglomérat|conglomerate|laboratoire|industriel|quotidien|"
    r"hebdomadaire|newspaper|tabloid"
)
#: Abbreviations of technologies, products and business terms the press capitalizes: never an
#: organization's name on their own ("an API", "les PME", "le CA"), whatever NER labels them.
GENERIC_ACRONYMS = frozenset({
    "AI", "IA", "API", "APIs", "GPU", "GPUs", "CPU", "LLM", "LLMs", "ML", "NLP", "SEO", "SEM", "CDN", "IoT", "SaaS",
    "PaaS", "IaaS", "B2B", "B2C", "C2C", "UI", "UX", "UI/UX", "SDK", "CRM", "ERP", "SQL", "HTML", "CSS", "URL", "PDF",
    "GPS", "USB", "RSS", "FAQ", "VR", "AR", "3D", "4G", "5G", "HD", "TV", "PC", "VOD", "SVOD", "OTT", "DDoS", "VPN",
    "VC", "VCs", "IPO", "ICO", "NFT", "NFTs", "ETF", "KPI", "ROI", "M&A", "R&D", "ESG", "RSE", "RH", "RHD", "CA", "PME",
    "PMEs", "TPE", "ETI", "CDI", "CDD", "PIB", "GDP", "TVA", "VAT", "RIP", "CV", "MBA", "PhD", "DIY", "P2P",
})
#: Role titles written as acronyms: inside a tagged span they separate an organization from a person
#: ("Acme CEO Jane Roe").
ACRONYM_ROLES = frozenset({"CEO", "CTO", "COO", "CFO", "CMO", "CPO", "PDG", "DG", "VP", "SVP", "EVP"})
#: Personal pronouns: never names, even capitalized at the start of a sentence.
PRONOUNS = frozenset({
    "i", "me", "you", "he", "she", "we", "they", "it", "him", "her", "us", "them", "je", "tu", "il", "elle",
    "nous", "vous", "ils", "elles", "on", "moi", "toi", "lui", "eux",
})
#: Words that qualify a title ("Senior Vice President", "Assistant Controller").
TITLE_MODIFIERS = frozenset({"senior", "executive", "vice", "general", "assistant", "deputy", "chief", "managing",
                              "associate", "interim", "acting", "principal", "financial", "operating", "technology",
                              "technical", "marketing", "sales", "global", "regional", "junior", "adjoint",
                              "adjointe", "délégué", "déléguée", "and", "&", "et"})
