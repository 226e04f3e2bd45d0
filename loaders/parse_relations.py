"""Relations read from the dependency parse: triggers, their arguments in the tree, and the entities there.

A **trigger** is a verb or a noun whose lemma states a relation (:data:`VERB_TRIGGERS`,
:data:`NOUN_TRIGGERS`, French and English). Its **arguments** come from the tree, not from word
windows, and read the same on both pipelines' schemes (French UD: ``nsubj``, ``nsubj:pass``,
``obj``, ``obl:agent``, ``nmod`` + ``case``; English ClearNLP: ``nsubj``, ``nsubjpass``, ``dobj``,
``agent``, ``prep`` + ``pobj``):

- the actor: the subject of an active verb, the agent of a passive one ("acquise par X",
  "backed by X"), the antecedent of a relative subject ("X, qui a fondé Y"), the possessor of a
  noun ("X's acquisition of Y");
- the patient: the object, the subject of a passive, the noun a participle modifies ("la société,
  fondée par X", "a startup backed by X"), the subject of the main clause for a fronted participle
  ("Co-founded by X, the company..."), the complement of a preposition ("invested in X");
- each argument is widened to every conjunct ("A, B et C"), and a common noun standing for names
  ("its founders, A and B", "investors including A and B", "dont A et B") to the names it lists.

Role nouns (CEO, PDG, founder, partner...) bind a person (apposition, compound title, copula,
"named CEO") to an organization ("of/de/chez/at" complement, possessive, compound). A modality
on the path (negation, conditional, future, plan or offer verb above the trigger, a question)
blocks a relation only when it governs the trigger (:func:`is_asserted`).

Entities come in as a token -> mention map built by the caller, so this module reads a parsed
``Doc`` and nothing else: its rules are tested on hand-built docs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from spacy.tokens import Doc, Span, Token

from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT
from loaders.lexicon import PRONOUNS, TITLE_MODIFIERS
from loaders.mentions import Mention, doc_text, party_tag
from loaders.money import money_props
from loaders.sentences import doc_tokens, per_doc

P, O = PERSON, ORGANIZATION
#: The type a mention has before typing: any slot accepts it (:func:`slot_votes`).
ANY = "*"
#: The entity types each relation type's source and target slots take.
SLOT_TYPES = {FOUNDED: (P, O), WORKS_AT: (P, O), INVESTED_IN: (None, O), ACQUIRED: (O, O), MENTORED: (P, P),
              KNOWS: (P, P)}
#: NER labels of words that fill no slot however they are used ("Dutch fund X", "in 2019", "$5M"); places
#: may (the small English model calls many a young company GPE), and their LOC votes still count in typing.
NOT_PARTIES = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"})
#: Weight of one slot's vote in entity typing (a context cue weighs 3, a NER label 2).
SLOT_VOTE = 2.5

#: Verb lemmas per relation type (French and English; prefixes such as "co-" are folded away).
VERB_TRIGGERS: dict[str, frozenset[str]] = {
    FOUNDED: frozenset({"found", "cofound", "start", "launch", "create", "establish", "fonder", "cofonder",
                        "créer", "lancer", "monter", "incorporate", "build", "bâtir", "initier"}),
    ACQUIRED: frozenset({"acquire", "reacquire", "buy", "purchase", "absorb", "racheter", "acquérir", "reprendre",
                         "absorber", "snap", "takeover"}),
    INVESTED_IN: frozenset({"invest", "back", "fund", "finance", "investir", "financer", "injecter", "own", "détenir",
                            "renflouer", "recapitaliser", "recapitalize",
                            "posséder", "contrôler", "control",
                            "soutenir", "lead", "co-lead", "colead", "participate", "mener", "participer",
                            "join", "rejoindre", "conduire", "piloter"}),
    "RAISE": frozenset({"raise", "secure", "close", "land", "lever", "boucler", "obtenir", "réunir",
                        "annoncer", "announce", "get", "receive", "recevoir", "collect", "collecter"}),
    WORKS_AT: frozenset({"join", "rejoindre", "intégrer", "work", "travailler", "lead", "head", "run",
                         "diriger", "présider", "manage", "gérer", "hire", "recruit", "recruter", "embaucher",
                         "appoint", "name", "nommer", "leave", "quit", "quitter", "serve", "chair", "officier",
                         "depart", "exit", "sit", "siéger"}),
    MENTORED: frozenset({"mentor", "advise", "coach", "conseiller", "accompagner", "parrainer", "coacher",
                         "guide", "guider", "former", "train", "tutor"}),
    KNOWS: frozenset({"meet", "rencontrer", "croiser", "recroiser", "introduce", "présenter", "know",
                      "connaître", "befriend", "collaborate", "collaborer", "partner", "associer"}),
    "SELL": frozenset({"sell", "vendre", "revendre", "céder"}),  # the buyer acquires what is sold
}
#: Verbs that, with "with/avec/aux côtés de" a person, say two people worked together ("co-" verbs too).
SIDE_BY_SIDE_VERBS = frozenset({"work", "travailler", "build", "bâtir", "develop", "développer", "run", "lead", "diriger",
                                "manage", "gérer", "direct", "write", "écrire", "report", "rapporter", "répondre",
                                "serve", "sit", "siéger", "teach", "enseigner", "research", "study", "plancher"})
#: Present-tense forms the French lemmatizer sometimes leaves unlemmatized.
_VERB_FORMS = {f"{stem}{end}": f"{stem}er" for stem in ("quitt", "rejoin", "rachet", "fond", "cofond", "lanc",
                                                        "invest", "financ", "rencontr", "dirig", "présid")
               for end in ("e", "es", "ent")}
_VERB_FORMS.update({"rejoint": "rejoindre", "rejoins": "rejoindre", "acquiert": "acquérir", "investit": "investir",
                    "rachète": "racheter", "rachètent": "racheter", "lève": "lever", "lèvent": "lever",
                    "siège": "siéger", "siègent": "siéger"})
#: Nouns: founders, investors, mentors, and the roles that make WORKS_AT (props: the role as written).
FOUNDER_NOUNS = frozenset({"founder", "cofounder", "co-founder", "fondateur", "fondatrice", "cofondateur",
                           "cofondatrice", "co-fondateur", "co-fondatrice", "créateur", "créatrice", "creator"})
INVESTOR_NOUNS = frozenset({"investor", "investisseur", "investisseuse", "backer", "actionnaire", "co-actionnaire",
                            "coactionnaire", "shareholder", "financeur", "angel", "vc", "vcs", "owner",
                            "propriétaire", "propriété", "property", "holding"})
MENTOR_NOUNS = frozenset({"mentor", "mentore", "parrain", "marraine", "coach", "advisor", "adviser",
                          "conseiller", "conseillère"})
ROLE_NOUNS = frozenset({
    "ceo", "cto", "coo", "cfo", "cmo", "cpo", "pdg", "dg", "président", "présidente", "president",
    "vice-président", "vice-présidente", "vp", "directeur", "directrice", "director", "chairman",
    "chairwoman", "chair", "partner", "associé", "associée", "head", "chief", "officer", "executive",
    "manager", "responsable", "employee", "employé", "employée", "salarié", "salariée", "engineer",
    "ingénieur", "ingénieure", "developer", "développeur", "développeuse", "designer", "analyst",
    "analyste", "editor", "rédacteur", "rédactrice", "journalist", "journaliste", "reporter",
    "researcher", "chercheur", "chercheuse", "scientist", "professor", "professeur", "professeure",
    "patron", "patronne", "boss", "dirigeant", "dirigeante", "gérant", "gérante", "administrateur",
    "administratrice", "member", "membre", "consultant", "consultante", "intern", "stagiaire", "principal",
    "lead", "vice", "secretary", "secrétaire", "trésorier", "treasurer", "general", "counsel", "staff",
    "adviser", "advisor", "conseiller", "conseillère", "senior", "associate", "architect", "leader",
    "assistant", "assistante", "adjoint", "adjointe", "deputy", "collaborateur", "collaboratrice",
})
#: Person nouns that tie a person to an organization by something else than a job.
NOT_ROLES = frozenset({
    "author", "auteur", "autrice", "writer", "écrivain", "visionary", "visionnaire",  # of a book or an idea
    "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "child", "children", "cousin",
    "uncle", "aunt", "nephew", "niece", "friend", "fan", "customer", "client", "user", "student", "alumnus",
    "alumni", "alum", "guest", "visitor", "critic", "rival", "winner", "resident", "native", "citizen", "owner",
    "fils", "fille", "femme", "épouse", "mari", "frère", "sœur", "soeur", "père", "mère", "enfant", "ami", "amie",
    "client", "cliente", "utilisateur", "utilisatrice", "étudiant", "étudiante", "élève", "ancien", "invité",
    "invitée", "rival", "rivale", "concurrent", "gagnant", "lauréat", "lauréate", "habitant", "propriétaire",
    "age", "âge", "year", "years", "an", "ans", "time", "fois", "part", "partie", "one", "un", "une", "l'un",
    "l'une", "side", "côté", "story", "histoire", "idea", "idée", "name", "nom", "mr", "mrs", "ms", "m.", "mme",
    "people", "gens", "team", "équipe", "group", "groupe", "company", "société", "entreprise", "startup",
    "firm", "fund", "fonds", "holding", "consortium", "subsidiary", "affiliate", "unit", "parent", "division",
    "branch", "entity", "filiale", "maison", "marque", "brand", "bank", "banque", "corporation", "trust",
    "shareholder", "stockholder", "holder", "creditor", "lender", "borrower", "issuer", "guarantor", "seller",
    "buyer", "acquirer", "successor", "predecessor", "sponsor", "supporter", "donor", "victim", "suspect",
    "charge", "activité", "responsabilité", "tête", "head",
})
#: Nouns of a takeover: the possessor or "by/par" buys, the "of/de" complement is bought.
DEAL_NOUNS = frozenset({"acquisition", "purchase", "takeover", "buyout", "rachat", "reprise", "absorption"})
#: Kinds of organization: a name in apposition to one, or said to be one, is an organization.
#: Nouns for a company someone has ("son entreprise X", "their startup X": the possessor works there).
COMPANY_NOUNS = frozenset({"company", "startup", "start-up", "firm", "business", "société", "entreprise", "pousse",
                           "boîte", "compagnie", "firme", "fintech", "agence", "agency", "studio", "groupe", "holding"})
KIND_NOUNS = frozenset({
    "company", "startup", "start-up", "firm", "app", "platform", "service", "fund", "bank", "maker", "marketplace",
    "network", "provider", "developer", "publisher", "retailer", "carrier", "group", "business", "agency", "studio",
    "société", "entreprise", "pousse", "plateforme", "application", "appli", "fonds", "banque", "groupe", "enseigne",
    "marque", "éditeur", "fabricant", "constructeur", "opérateur", "agence", "chaîne", "journal", "quotidien",
    "fintech", "licorne", "unicorn", "incubator", "incubateur", "accelerator", "accélérateur", "holding", "filiale",
    "subsidiary", "messagerie", "site", "website", "boîte", "cabinet", "compagnie", "firme", "média", "media",
    "équipementier", "fournisseur", "supplier", "manufacturer", "automaker", "carmaker", "chipmaker", "conglomérat",
    "conglomerate", "laboratoire", "assureur", "insurer", "industriel",
})
#: Nouns of a share in a company: acquiring one is investing ("une participation de 20 % dans X").
STAKE_NOUNS = frozenset({"participation", "stake", "part", "parts", "share", "shares", "action", "actions",
                         "interest", "capital", "minorité", "majorité", "bloc"})
#: Bodies of an organization one joins or leaves: their organization is the employer.
BODY_NOUNS = frozenset({"board", "conseil", "ca", "direction", "directoire", "comité", "committee", "team", "équipe",
                        "management", "leadership", "bureau", "gouvernance"})
#: Verbs that give a name ("l'entreprise, baptisée X", "a startup called X").
NAMING_VERBS = frozenset({"baptiser", "nommer", "appeler", "dénommer", "call", "name", "dub", "brand"})
#: Nouns that frame a role ("le statut de cofondateur", "the role of CEO"): their holder holds the role.
FRAME_NOUNS = frozenset({"statut", "rôle", "poste", "fonction", "titre", "casquette", "role", "position", "title",
                         "job", "post", "seat", "siège"})
#: Nouns that name what is owned, whose complement is the owner ("la holding de X", "propriété de X").
OWNED_NOUNS = frozenset({"propriété", "property", "holding"})
ROUND_NOUNS = frozenset({"round", "tour", "levée", "financement", "funding", "financing", "investment",
                         "investissement", "series", "série", "seed", "amorçage", "table", "raise", "capital"})
#: Verbs whose subject is a group and whose object lists its members ("investors include A and B").
LIST_VERBS = frozenset({"include", "comprise", "count", "comprendre", "inclure", "compter", "réunir", "rassembler",
                        "figurer"})
#: Words under which names are listed ("investors including A", "dont A et B", "such as A").
LIST_MARKERS = frozenset({"including", "include", "includes", "like", "dont", "notamment", "comme", "among",
                          "parmi", "incluant", "inclus", "such", "as", "with", "namely"})
_FORMER = frozenset({"former", "ex", "ex-", "ancien", "ancienne", "previous", "onetime", "past", "erstwhile",
                     "then"})
#: Verbs above a trigger that make it a plan, a wish, an offer or a denial.
MODAL_VERBS = frozenset({
    "plan", "intend", "want", "hope", "consider", "seek", "aim", "negotiate", "try", "attempt", "offer",
    "propose", "expect", "refuse", "deny", "decline", "reject", "wish", "would", "envisager", "vouloir",
    "souhaiter", "projeter", "compter", "prévoir", "négocier", "chercher", "tenter", "essayer", "proposer",
    "refuser", "démentir", "nier", "rejeter", "espérer", "viser", "devoir", "pouvoir", "discuss", "discuter",
    "explore", "explorer", "rumor", "rumour", "talk", "bid", "threaten", "menacer", "study", "étudier",
})
#: Words of a title before its head noun ("Chief Financial Officer", "Senior Vice President").
TITLE_WORDS = frozenset({"chief", "senior", "general", "managing", "founding", "executive", "deputy", "vice",
                         "financial", "operating", "technology", "technical", "marketing", "product", "legal",
                         "information", "investment", "commercial", "interim", "acting", "associate", "assistant",
                         "regional", "global", "national", "principal", "lead", "head", "co", "joint"})
#: Prepositions that tie a person's name to an employer with no title between ("Jane Roe of Acme").
PERSON_AT = frozenset({"of", "at", "from", "chez", "de", "d'", "d’", "du"})
#: Words that may stand between two items of a list of names.
_LIST_GLUE = frozenset({"and", "et", "ou", "or", "the", "le", "la", "l'", "l’", "les", "de", "d'", "d’", "des", "du",
                        "also", "aussi", "as", "well", "ainsi", "que"})
_CONJUNCTIONS = frozenset({"and", "et", "ou", "or"})
#: Determiners of a description that stands for a company told of ("the firm", "cette société").
_DESCRIBING_DETERMINERS = frozenset({"the", "this", "that", "le", "la", "l'", "l’", "cette", "ce", "cet"})
#: Words that pick some of what follows them ("some of X", "the likes of X", "plusieurs de X").
_PARTITIVE_HEADS = frozenset({"some", "many", "several", "most", "likes", "number", "handful", "few", "all",
                              "plusieurs", "certaines", "certains", "nombre", "beaucoup", "quelques-unes",
                              "quelques-uns", "plupart"})
#: Plural pronouns that open a list of what was just named ("They include A and B", "Ils comptent A").
_LISTING_PRONOUNS = frozenset({"they", "these", "ils", "elles", "ceux-ci", "celles-ci"})
#: Words inside a title before a name: "chief executive and co-founder of the group X Jane Roe".
_TITLE_GLUE = frozenset({"and", "et", "&", "of", "de", "du", "d'", "d’", "des", "the", "le", "la", "l'", "l’", "-", "co",
                         "at", "chez", "groupe", "group", "company", "société"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "pas", "jamais", "plus", "guère", "aucun", "aucune",
                        "ni", "nor", "neither", "rien", "without", "sans"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "will", "shall", "'ll", "wo", "ca", "can"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose", "qui", "que", "qu'", "qu’", "dont", "lequel",
                       "laquelle", "lesquels", "lesquelles"})

SUBJECT = {"nsubj", "csubj", "expl:subj"}
PASSIVE_SUBJECT = {"nsubjpass", "nsubj:pass", "csubjpass"}
OBJECT = {"dobj", "obj", "iobj"}
AGENT = {"obl:agent"}
OBLIQUE = {"obl", "obl:arg", "obl:mod", "nmod", "iobj", "nmod:poss", "obl:tmod"}
APPOSITION = {"appos"}
#: How a common noun holds the name it introduces ("la société X", "the startup X").
NAMED_BY = {"nmod", "appos", "flat", "flat:name", "compound", "npadvmod", "dobj", "obj", "amod"}
COPULA_LINKS = {"attr", "acomp", "oprd", "xcomp", "ccomp", "advcl"}


@dataclass
class Reading:
    """A relation the parse states, between mentions (indexes into the caller's mention list)."""

    type: str
    source: int
    target: int
    trigger: Token
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.75
    rule: str = ""


@dataclass
class Context:
    """What the rules know of one doc: where mentions are, their entity types, the article's raiser."""

    doc: Doc
    mention_at: dict[int, int]  # token index -> mention index
    type_of: Callable[[int], str | None]  # mention index -> Person / Organization / None
    raiser: Callable[..., int | None] = lambda token, recent=False: None  # the organization a round belongs to
    key_of: Callable[[int], object] = lambda index: index  # the entity a mention names (mentions of one entity share it)
    descriptions: frozenset[int] = frozenset()  # mentions that describe ("le fondateur de X"), not names
    mention_span: dict[int, tuple[int, int]] = field(default_factory=dict)  # mention -> token start, end
    also: dict[int, tuple[int, ...]] = field(default_factory=dict)  # mention -> the others its words stand for ("they")


#: The doc's folded lemmas (:func:`lemma`), one per token, in ``doc.user_data`` (the record stage drops it).
_LEMMAS = "foundergraph_lemmas"


def lemma(token: Token) -> str:
    """The token's lemma folded for the lexicons: lowercase, no "co-" / "co" prefix split off by the tokenizer
    (folded once per doc: the rules ask for a token's lemma many times)."""
    doc = token.doc
    folded = doc.user_data.get(_LEMMAS)
    if folded is None or len(folded) != len(doc):
        folded = doc.user_data[_LEMMAS] = [_folded_lemma(t) for t in doc_tokens(doc)]
    return folded[token.i]


def _folded_lemma(token: Token) -> str:
    value = (token.lemma_ or token.text).lower()
    if value in {"founded", "cofounded", "co-founded"}:
        value = "found"
    if value.startswith("co-") and len(value) > 5:
        value = "co" + value[3:]
    return value


def _is_co(token: Token) -> bool:
    """"co" "-" "founded": the tokenizer split a "co-" prefix off the trigger."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "co"


def _case(token: Token) -> str:
    """The preposition of a French nominal argument ("de", "chez", "par") or of an English ``pobj``."""
    if token.dep_ == "pobj":
        return token.head.lower_
    for child in token.children:
        if child.dep_ in ("case", "mark") or (child.dep_ == "det" and child.lower_ in ("du", "des", "au", "aux")):
            return child.lower_.replace("’", "'")
    return ""


def _prep_objects(token: Token) -> Iterable[tuple[str, Token]]:
    """(preposition, complement) pairs hanging from ``token`` in either scheme."""
    for child in token.children:
        if child.dep_ in ("prep", "dative"):  # "sold X to Y": the tagger calls that "to" a dative
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield child.lower_, grand
                elif grand.dep_ == "prep":  # "out of", "away from"
                    for great in grand.children:
                        if great.dep_ == "pobj":
                            yield grand.lower_, great
        elif child.dep_ in OBLIQUE and child.dep_ != "obl:tmod":
            yield _case(child) or _example_case(token, child), child
        elif child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield "by", grand


def _example_case(verb: Token, complement: Token) -> str:
    """The preposition an example list borrows from the complement it illustrates ("investi dans plusieurs
    startups, dont X et Y": the parser hangs X on the verb without "dans"); "" when ``complement`` is no such item."""
    if not any(c.lower_ in ("dont", "notamment") and c.i < complement.i for c in complement.children):
        return ""
    illustrated = [c for c in verb.children if c.dep_ in OBLIQUE and c.i < complement.i and c.pos_ == "NOUN"]
    return _case(illustrated[-1]) if illustrated else ""


#: French verbs whose compound tenses take "être" (the parser labels that auxiliary aux:pass).
_ETRE_VERBS = frozenset({"entrer", "arriver", "partir", "venir", "monter", "devenir", "rester", "tomber", "naître",
                         "mourir", "sortir", "passer", "revenir", "retourner", "descendre", "parvenir", "intervenir"})


def _is_agent(child: Token) -> bool:
    """A passive's agent: English ``agent``, or a French ``obl:agent`` the parser did not give to "avec"
    ("créer X avec Y" is a companion, not a passive)."""
    return child.dep_ == "agent" or (child.dep_ in AGENT and _case(child) in ("par", ""))


def _is_passive(verb: Token) -> bool:
    """A passive verb: passive auxiliary, or a passive subject the verb's own object does not contradict
    (the French parser calls some plain subjects ``nsubj:pass``), or a past participle modifying a noun."""
    children = list(verb.children)
    if lemma(verb) in _ETRE_VERBS and not any(_is_agent(c) for c in children):
        return False  # "sont entrés au capital", "est devenue": "être" is these verbs' perfect, not a passive
    if any(c.dep_ in ("auxpass", "aux:pass") or _is_agent(c) for c in children):
        return True  # a passive auxiliary, or a "by/par" agent
    if any(c.dep_ in PASSIVE_SUBJECT for c in children):
        # "Il a investi": the auxiliary "avoir"/"have" makes it active whatever the subject's label
        return not any(c.dep_ in OBJECT for c in children) and not _perfect(children)
    if _main_verb_taken_for_a_participle(verb, children) or _perfect(children):
        return False  # ("A et B y ont participé" parsed as a participle of B: "avoir" makes a perfect, not a passive)
    return (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") or
        (verb.dep_ in ("acl", "advcl", "amod") and "VerbForm=Part" in str(verb.morph) and "Tense=Past" in str(verb.morph)))


def _perfect(children: list[Token]) -> bool:
    """Whether a verb's auxiliaries make a compound past with "avoir"/"have" (active, whatever the tags say)."""
    return any(c.dep_.startswith("aux") and c.lemma_.lower() in ("avoir", "have") for c in children)


def _past_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" or ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"))


def _main_verb_taken_for_a_participle(verb: Token, children: list[Token]) -> bool:
    """"Tom Hale, a friend of Ann Roe, invested in Brimco.": the parser hung the sentence's only verb on the
    subject as a participle (the subject is the root); with an object or a name after a preposition it is the
    active main verb ("Brimco, acquired in 2015." stays a participle)."""
    if verb.dep_ != "acl" or verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("PROPN", "NOUN") \
            or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    return any(c.dep_ in OBJECT for c in children) or any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in children)


class Arguments:
    """The actors, patients and prepositional complements of a verb trigger, read once per verb and doc (the
    slot votes, the relations and the raiser all ask for the same verbs' arguments) and handed out as copies."""

    def __init__(self, verb: Token):
        cache: dict[int, tuple] = per_doc(verb.doc, "arguments", dict)
        known = cache.get(verb.i)
        if known is None:
            self._read(verb)
            cache[verb.i] = (self.actors[:], self.patients[:], self.preps[:], set(self.bound))
        else:  # copies: a caller may extend the lists it gets
            self.actors, self.patients, self.preps, self.bound = known[0][:], known[1][:], known[2][:], set(known[3])

    def _read(self, verb: Token) -> None:
        """Read the verb's arguments from the parse."""
        self.actors: list[Token] = []
        self.patients: list[Token] = []
        self.preps: list[tuple[str, Token]] = []
        self.bound: set[int] = set()  # arguments that stand alone, never widened to their conjuncts
        passive = _is_passive(verb)
        for child in verb.children:
            if child.dep_ in SUBJECT:
                (self.patients if passive and child.dep_ != "nsubj" else self.actors).append(child)
            elif child.dep_ in PASSIVE_SUBJECT:
                (self.patients if passive else self.actors).append(child)
            elif child.dep_ in OBJECT or (child.dep_ == "xcomp" and child.pos_ == "PROPN"):
                self.patients.append(child)  # "a cofondé Brimco": a name the parser took for a complement
            elif child.dep_ in AGENT:
                if _is_agent(child):
                    self.actors.append(child)
                else:
                    self.preps.append((_case(child), child))
        for prep, complement in _prep_objects(verb):
            if prep in ("by", "par") and passive:
                self.actors.append(complement)
            else:
                self.preps.append((prep, complement))
        if passive and any(c.dep_ == "nsubj" for c in verb.children) and not any(
                c.dep_ in PASSIVE_SUBJECT for c in verb.children):
            # English "nsubj" of a participle the tagger called passive: a plain subject after all
            self.patients = [c for c in self.patients if c.dep_ != "nsubj"]
            self.actors += [c for c in verb.children if c.dep_ == "nsubj"]
        if not (self.patients if passive else self.actors) and not any(c.dep_ in SUBJECT | PASSIVE_SUBJECT for c in verb.children):
            stray = _stray_subject(verb)
            if stray is not None:
                (self.patients if passive else self.actors).append(stray)
        named = [c for c in verb.children if c.dep_ in ("npadvmod", "appos", "dep", "obl", "nmod", "obl:mod")
                 and any(g.lower_ in ("namely", "notamment", "savoir") for g in c.children)]
        if named and self.actors and all(a.pos_ in ("NOUN", "PRON", "DET") for a in self.actors):
            self.actors = named  # "Some of its investors are back, namely A, B and C": the names, not "some"
        self._from_head(verb, passive)
        self.patients += [name for name in map(_named_after_comma, self.patients) if name is not None]
        if not self.patients and not passive:  # "A founded and built up X": the object is shared
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i:
                    self.patients += [c for c in conj.children if c.dep_ in OBJECT]
                    break

    def _from_head(self, verb: Token, passive: bool) -> None:
        """Fill the slot a relative clause, a participle or a coordinated verb leaves to its head."""
        head = verb.head
        if head.i == verb.i:
            return
        dep = verb.dep_
        edge = verb.left_edge.i
        if dep in ("relcl", "acl:relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON") and (
                verb.doc[edge].text == "(" or (edge > 0 and verb.doc[edge - 1].text == "(")):
            # a parenthesis after a list ("A, B, C (acquired by D)") is about the item just before it, alone
            before = [t for t in [head, *_conjuncts(head)] if t.i < verb.i]
            if before:
                head = max(before, key=lambda t: t.i)
            self.bound.add(head.i)
        if dep in ("relcl", "acl:relcl") and any(c.lower_ in ("where", "où") and c.i < verb.i for c in verb.children):
            self.preps.append(("at", head))  # "Brimco, where she served as CFO": the name is where it happened
            return
        if dep in ("relcl", "acl:relcl"):
            pronoun = next((c for c in verb.subtree if c.lower_ in _RELATIVE and c.i < verb.i), None)
            if pronoun is not None and pronoun.dep_ in OBJECT:
                self.patients.append(head)
            elif pronoun is not None and pronoun.dep_ in PASSIVE_SUBJECT or passive:
                self.patients.append(head)
            elif (pronoun is None or pronoun.lower_ in ("que", "qu'", "qu’")) and self.actors and not self.patients:
                self.patients.append(head)  # "the startup he founded", "la société que A a fondée": its object
            elif not self.actors:
                self.actors.append(head)
        elif dep in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if passive:
                self.patients.append(head)
            elif not self.actors:
                self.actors.append(head)
        elif dep == "advcl" and passive and not self.patients:
            if head.lower_ == "co" and head.dep_ == "advcl":  # "Co-founded by A, X ...": the tokenizer split "Co-"
                head = head.head
            self.patients += [c for c in head.children if c.dep_ in SUBJECT]
            stray = _stray_subject(head) if not self.patients else None
            if stray is not None and stray.i != verb.i:
                self.patients.append(stray)
        elif dep == "advcl" and not passive and not self.actors:  # "Before joining X, Y worked at Z"
            self.actors += [c for c in head.children if c.dep_ in SUBJECT]
        elif dep == "pcomp" and not passive and not self.actors and head.pos_ == "ADP":
            clause = head.head.head if head.head.pos_ == "ADV" else head.head  # "prior to joining X, Y ..."
            if clause.pos_ in ("VERB", "AUX"):
                self.actors += [c for c in clause.children if c.dep_ in SUBJECT]
        elif dep in ("conj", "xcomp") and not self.actors and not (passive and self.patients):
            source = head
            while source.dep_ == "conj" and not any(c.dep_ in SUBJECT for c in source.children):
                source = source.head
            # a subject the parser marked passive on an active verb ("A les rejoint et investit") is its subject
            subjects = SUBJECT if _is_passive(source) else SUBJECT | PASSIVE_SUBJECT
            self.actors += [c for c in source.children if c.dep_ in subjects]


def _companions(preps: list[tuple[str, Token]]) -> list[Token]:
    """Who did it too: "with/avec/alongside A", "en compagnie de A", "aux côtés de A", "together with A"."""
    found: list[Token] = []
    for prep, complement in preps:
        if prep in ("with", "avec", "alongside", "beside"):
            found.append(complement)
        elif lemma(complement) in ("compagnie", "côté", "côtés"):  # "en compagnie de A", "aux côtés de A"
            found += [c for p, c in _prep_objects(complement) if p in ("de", "d'", "du", "des")]
            found += [c for c in complement.children if c.dep_ in APPOSITION]  # "de ses frères A et B", misparsed
    return found


def _stray_subject(verb: Token) -> Token | None:
    """A capitalized name before a verb without subject that the tagger attached as an adverb or a loose
    dependent ("Quibbly was acquired ...": an unknown name read as an adverb), or that the parser left as a
    root of its own right before the verb ("Velar Capital | est entré au capital de X")."""
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("advmod", "npadvmod", "dep", "nmod", "obl:mod") and child.text[:1].isupper() \
                and not child.is_stop and child.is_alpha and child.lower_ not in _RELATIVE:
            return child
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("AUX", "ADV", "PART") and verb.doc[i].head.i == verb.i:
        i -= 1  # "est", "sont ainsi", "a déjà"
    if i < 0 or not (verb.doc[i].pos_ == "PROPN" or verb.doc[i].text[:1].isupper()):
        return None
    root = verb.doc[i]
    while root.dep_ in ("flat", "flat:name", "compound", "conj") and root.head.i != root.i:
        root = root.head
    return root if root.dep_ == "ROOT" and root.i != verb.i and root.head.i == root.i else None


#: Rules whose noun phrase presupposes its fact ("X, the CEO of Y, could leave": X is Y's CEO whatever
#: the verb says), unless the noun is itself negated.
_PRESUPPOSING_RULES = frozenset({"founder-of", "role-of", "alumnus-of", "possessor-s-company", "person-s-org",
                                 "org-s-person", "owned-by", "friend-of"})
#: Positions where a noun is a predicate, under its verb's modality ("pourrait devenir PDG de Y").
_PREDICATE_DEPS = frozenset({"attr", "xcomp", "oprd", "acomp", "ROOT", "obj", "dobj", "ccomp", "conj", "pobj", "obl",
                             "obl:arg", "obl:mod"})


def _presupposed(reading: "Reading") -> bool:
    """A fact an apposition or a modifier states inside its noun phrase, not negated on that noun."""
    trigger = reading.trigger
    if reading.rule == "acquisition-of" and trigger.dep_ in ("pobj", "nmod"):
        # "the date of the acquisition of X by Y", "depuis le rachat de X": a deal a noun phrase refers to happened
        owner = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        return owner.pos_ == "NOUN" and not any(c.lower_ in _NEGATIONS for c in trigger.children)
    if reading.rule not in _PRESUPPOSING_RULES or trigger.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if trigger.dep_ in _PREDICATE_DEPS:
        return False
    return not any(c.lower_ in _NEGATIONS for c in trigger.children)


def _governing_verb(trigger: Token) -> Token:
    """The verb a trigger is, or the verb its title hangs on ("will serve as the CFO of X": "serve")."""
    token = trigger
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return trigger


#: Verbs that undo the deal or the move a noun names ("the acquisition of X was cancelled", "a abandonné le rachat").
_UNDOING_VERBS = frozenset({"cancel", "scrap", "abandon", "block", "terminate", "collapse", "fail", "drop", "withdraw",
                            "annuler", "abandonner", "bloquer", "échouer", "renoncer", "retirer", "capoter"})
#: Where the deal noun stands to such a verb: what is cancelled, what fails, what one gives up on.
_UNDONE_SLOTS = SUBJECT | PASSIVE_SUBJECT | OBJECT | {"obl", "obl:arg", "pobj"}


def is_asserted(trigger: Token, announced: bool = False) -> bool:
    """False when a negation, a modal, a conditional or future, a plan verb or a question governs the trigger
    (``announced``: a plain future states a decided move, "will join", "rejoindra"), or a verb undoes the deal a
    noun names ("X's acquisition of Y cancelled", "X a renoncé au rachat de Y")."""
    if trigger.pos_ in ("NOUN", "PROPN") and lemma(trigger.head) in _UNDOING_VERBS and trigger.head.i != trigger.i \
            and trigger.dep_ in _UNDONE_SLOTS:
        return False
    token = trigger
    for _ in range(6):
        for child in token.children:
            low = child.lower_
            if child.dep_ in ("neg", "advmod", "det") and low in _NEGATIONS:
                return False
            if child.dep_.startswith("aux") and _blocks(child, announced):
                return False
        if _conditional_or_future(token) and (not announced or _conditional(token)):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("si", "if", "unless", "s'") for c in token.children):
            return False
        if token.i != trigger.i and lemma(token) in MODAL_VERBS:
            return False
        if token.dep_ not in ("xcomp", "ccomp", "conj", "acl", "advcl", "relcl", "acl:relcl", "pobj", "prep",
                              "obj", "dobj", "nmod", "obl", "appos") or token.head.i == token.i:
            break
        if token.dep_ in ("acl", "advcl") and (_past_participle(token) or _is_passive(token)):
            break  # "Founded in 2015 by A, the company will hire": a participle's fact, whatever the clause it opens
        if token.dep_ in ("relcl", "acl:relcl") and token.pos_ in ("VERB", "AUX"):
            break  # "talked about X, which she founded": a relative clause's fact, whatever the verb above says
        if token.dep_ in ("conj",) and token.head.pos_ != "VERB":
            break
        token = token.head
    sentence = trigger.sent  # its text read from the doc's text, not joined again from its tokens
    return not doc_text(trigger.doc)[sentence.start_char:sentence.end_char].rstrip().endswith("?")


#: French conditional endings, read on the surface too: the tagger often calls "aurais" indicative.
_FR_CONDITIONAL = re.compile(r"^(?P<stem>[a-zàâçéèêëîïôûùüÿœ]{1,}r)(?:ais|ait|aient|ions|iez)$")
_FR_IRREGULAR_STEMS = frozenset({"aur", "ser", "fer", "ir", "viendr", "pourr", "voudr", "devr", "faudr", "saur", "verr",
                                 "enverr", "tiendr", "vaudr", "courr", "mourr", "acquerr", "obtiendr", "deviendr"})
#: Conditional forms of the auxiliaries and modals, whatever the tagger says of them.
_FR_CONDITIONAL_AUX = frozenset({f"{stem}{end}" for stem in ("au", "se", "pour", "devr", "voud", "faud")
                                 for end in ("rais", "rait", "rions", "riez", "raient")})


_FUTURE_AUX = frozenset({"will", "'ll", "shall"})


def _blocks(aux: Token, announced: bool) -> bool:
    """Whether an auxiliary makes its verb unasserted: a modal, a conditional, or a future unless ``announced``."""
    low = aux.lower_
    if announced and (low in _FUTURE_AUX or (low not in _MODAL_AUX and not _conditional(aux))):
        return False
    return low in _MODAL_AUX or _conditional_or_future(aux)


def _conditional(token: Token) -> bool:
    """The conditional mood alone (not the future): "rejoindrait", "serait"."""
    return "Cnd" in token.morph.get("Mood") or (_conditional_or_future(token) and "Fut" not in token.morph.get("Tense"))


def _conditional_or_future(token: Token) -> bool:
    morph = token.morph
    if "Cnd" in morph.get("Mood") or ("Fut" in morph.get("Tense") and token.pos_ in ("VERB", "AUX")):
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    low = token.lower_
    if low in _FR_CONDITIONAL_AUX:
        return True
    ending = _FR_CONDITIONAL.match(low)
    if not ending:
        return False
    # the conditional is the infinitive's stem + -ait ("rencontrer-ait", "prendr-ait"); the imperfect of a
    # -rer verb only ends alike ("rencontr-ait"), and the tagger often calls either indicative
    stem, infinitive = ending.group("stem"), token.lemma_.lower()
    return stem in (infinitive, infinitive[:-1]) or stem in _FR_IRREGULAR_STEMS


#: What one takes to run an organization ("prendre la tête de X", "take the helm of X").
HELM_NOUNS = frozenset({"tête", "direction", "rênes", "rêne", "présidence", "commande", "commandes", "helm", "reins",
                        "leadership"})
#: Verbs that announce a move: said in the future ("will join", "rejoindra", "va prendre la tête"), the news
#: reports a decision, not a plan.
APPOINTMENT_VERBS = frozenset({"join", "rejoindre", "intégrer", "prendre", "take", "become", "devenir", "succeed", "serve",
                               "succéder", "head", "lead", "diriger", "chair", "présider", "report", "rapporter"})
#: Nouns for someone who used to work at an organization ("Dropbox alum X", "X, un ancien de Y").
ALUMNI_NOUNS = frozenset({"alum", "alumnus", "alumna", "alumni", "veteran", "vétéran", "ancien", "ancienne"})
#: Nouns of a working life: "sa carrière à X", "began her career at X" tie the holder to X.
CAREER_NOUNS = frozenset({"carrière", "career"})
#: "X has been friends with Y", "X, un ami de Y", "an old friend of Y": X knows Y.
FRIEND_NOUNS = frozenset({"friend", "ami", "amie"})
_ALL_NOUNS = FOUNDER_NOUNS | INVESTOR_NOUNS | MENTOR_NOUNS | ROLE_NOUNS
_ROUND_OR_PARTICIPATION = ROUND_NOUNS | {"participate", "participer"}
_TRIGGER_NOUNS = _ALL_NOUNS | DEAL_NOUNS | OWNED_NOUNS | ALUMNI_NOUNS | CAREER_NOUNS | FRIEND_NOUNS | {"participation", "passé"}
#: Unions the rules test per token, built once here rather than on every test.
_TITLE_NOUNS = ROLE_NOUNS | FOUNDER_NOUNS
_TITLE_OR_INVESTOR_NOUNS = _TITLE_NOUNS | INVESTOR_NOUNS
_TRIGGER_OR_ROUND_NOUNS = _TRIGGER_NOUNS | ROUND_NOUNS
_NOT_ROLES_OR_FRAMES = NOT_ROLES | FRAME_NOUNS
_DESCRIBED_COMPANY_NOUNS = COMPANY_NOUNS | {"fund", "fonds"}
#: Personal pronouns standing for people as a subject: they fill a trigger's slot for the typing votes.
_SUBJECT_PRONOUNS = (PRONOUNS - {"it", "you", "vous", "tu"}) | {"j'", "j’"}


#: Adjectives that make a person's company one of a series she founded ("his first startup", "sa nouvelle société").
_ONE_OF_A_SERIES = frozenset({"first", "second", "third", "last", "latest", "previous", "new", "next", "own",
                              "première", "premier", "deuxième", "troisième", "dernière", "dernier", "nouvelle",
                              "nouveau", "précédente", "propre"})
#: Nouns of an amount of money: what a thing is sold for ("307 millions de dollars").
_AMOUNT_NOUNS = frozenset({"million", "milliard", "billion", "dollar", "euro", "m€", "md€", "k€", "$", "€"})
#: Verbs of moving somewhere, back too: to a company ("chez X", "to X" typed as one; "à" is for places), a job there.
_MOVING_VERBS = frozenset({"passer", "partir", "aller", "go", "move", "return", "rejoin", "revenir", "retourner"})
#: Tokens an aside in parentheses after a list item may hold, parentheses included.
_ASIDE_LIMIT = 12


class Reader:
    """Reads every trigger of a sentence into :class:`Reading` records."""

    def __init__(self, context: Context):
        self.ctx = context
        self._bound: set[int] = set()  # the current trigger's arguments that are not widened to conjuncts

    # --- entities at a token -------------------------------------------------------------------
    def entities(self, token: Token, depth: int = 0, expand: bool = True) -> list[int]:
        """The mentions a token stands for: its own name and (``expand``) every conjunct, or the names
        a common noun lists (apposition, "including", "dont"), or a relative pronoun's antecedent."""
        if depth > 4:
            return []
        mention = self.ctx.mention_at.get(token.i)
        if mention is not None:
            found = [mention, *self.ctx.also.get(mention, ())]  # "they": each of the people it stands for
            if expand:
                for conj in _list_conjuncts(token):
                    found += [m for m in self._own(conj) if m not in found]
                    if conj.pos_ == "NOUN" and conj.i not in self.ctx.mention_at and any(
                            c.dep_ == "case" for c in conj.children):  # "A et de l'investisseur B"
                        found += [m for c in conj.children if c.dep_ in APPOSITION for m in self._own(c)
                                  if m not in found and self.ctx.type_of(m) in (self.ctx.type_of(mention), ANY)]
                    elif conj.pos_ == "NOUN" and conj.i not in self.ctx.mention_at \
                            and lemma(conj) in _DESCRIBED_COMPANY_NOUNS:  # "A et le groupe de presse B"
                        found += [m for c in conj.children if c.dep_ in NAMED_BY and c.i > conj.i and not _case(c)
                                  for m in self._own(c)
                                  if m not in found and self.ctx.type_of(m) in (self.ctx.type_of(mention), ANY)]
                for apposition in (c for c in token.children if c.dep_ in APPOSITION and c.pos_ == "NOUN"):
                    for conj in _conjuncts(apposition):  # "par A, un ingénieur, et B": B hangs on A's apposition
                        found += [m for m in self._own(conj) if m not in found
                                  and self.ctx.type_of(m) in (self.ctx.type_of(mention), ANY)]
                found += [m for m in self._listed_after(token) if m not in found]
            return found
        if token.lower_ in _RELATIVE and token.head.dep_ in ("relcl", "acl:relcl"):
            return self.entities(token.head.head, depth + 1, expand=False)
        if token.dep_ in APPOSITION and token.pos_ in ("NOUN", "ADJ") and token.head.i in self.ctx.mention_at:
            return self.entities(token.head, depth + 1, expand=False)  # "X, le fondateur de Y, qui ..." -> X
        found: list[int] = []
        listed = [c for c in token.children if c.dep_ in APPOSITION or c.dep_ == "conj"]
        if token.pos_ == "NOUN":  # "l'enseigne X", "la start-up X", "the firm X": the name the noun introduces
            listed += [c for c in token.children if c.dep_ in NAMED_BY and c.i > token.i and not _case(c)
                       and c.i in self.ctx.mention_at]
            for clause in token.children:  # "l'entreprise, baptisée X", "a startup called X"
                if clause.dep_ in ("acl", "amod", "relcl") and lemma(clause) in NAMING_VERBS:
                    listed += [g for g in clause.children if g.dep_ in ("xcomp", "obj", "dobj", "oprd", "attr", "obl:arg")
                               and g.i in self.ctx.mention_at]
            after = token.right_edge.i + 1  # "un nouveau groupe, X", "ma deuxième boîte : X": the parser hung X elsewhere
            if not listed and after < len(token.doc) and after in self.ctx.mention_at \
                    and lemma(token) in _DESCRIBED_COMPANY_NOUNS \
                    and all(t.pos_ == "ADJ" and t.head.i == token.i for t in token.doc[token.i + 1:after]):
                listed.append(token.doc[after])  # "du fonds (chinois) X" where the parser hung X elsewhere
            if not listed and after + 1 < len(token.doc) and (after + 1) in self.ctx.mention_at and (
                    (token.doc[after].text == "," and (token.doc[after + 1].dep_ in APPOSITION
                                                       or token.doc[after + 1].dep_ == "ROOT"))  # a second root
                    or (token.doc[after].text == ":" and lemma(token) in COMPANY_NOUNS
                        and token.doc[after + 1].dep_ not in SUBJECT | PASSIVE_SUBJECT)):
                listed.append(token.doc[after + 1])
            before = token.left_edge.i - 1  # "de X, la société qu'il préside": the parser made both the verb's
            if not listed and before > 0 and token.doc[before].text == "," and before - 1 in self.ctx.mention_at \
                    and lemma(token) in _DESCRIBED_COMPANY_NOUNS and token.dep_ in OBJECT | OBLIQUE \
                    and any(t.head.i == token.head.i for t in token.doc[before - 1].sent
                            if self.ctx.mention_at.get(t.i) == self.ctx.mention_at[before - 1]) \
                    and self.ctx.type_of(self.ctx.mention_at[before - 1]) in (O, ANY):
                listed.append(token.doc[before - 1])
            if not listed and lemma(token) not in _TRIGGER_OR_ROUND_NOUNS:
                # "le géant de l'aéronautique Nortex": the one name closing the description, hung deeper
                named = {self.ctx.mention_at[t.i] for t in token.subtree if t.i in self.ctx.mention_at}
                last = token.right_edge
                if len(named) == 1 and last.i in self.ctx.mention_at and last.i > token.i \
                        and self.ctx.type_of(self.ctx.mention_at[last.i]) == O:  # a name already typed, not a guess
                    listed.append(last)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LIST_MARKERS:
                listed += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ in ("acl", "nmod", "obl") and (child.lower_ in LIST_MARKERS or _case(child) in LIST_MARKERS):
                listed += [child] + [g for g in child.children if g.dep_ in ("dobj", "obj")]
            elif child.dep_ == "acl:relcl" and child.i in self.ctx.mention_at and any(
                    g.lower_ == "dont" and g.i < child.i for g in child.children):
                listed.append(child)  # "plusieurs entreprises, dont X et Y" read as a verbless relative clause
            elif child.dep_ == "amod" and child.lower_ in LIST_MARKERS:
                listed += [g for g in child.children if g.dep_ == "pobj"]
        if token.lower_ in _PARTITIVE_HEADS:  # "some of Europe's best startups, such as X", "the likes of X and Y"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "among"):
                    listed += [g for g in child.children if g.dep_ == "pobj"]
                elif child.dep_ in ("nmod", "obl") and _case(child) in ("de", "d'", "des", "du", "parmi"):
                    listed.append(child)
        for item in listed:
            found += [m for m in self.entities(item, depth + 1) if m not in found]
        return found

    def _listed_after(self, token: Token, mixed: bool = False) -> list[int]:
        """Names listed after ``token``'s name on the surface ("A, B, C and D", "A et de B"), read even
        where the parser attached the list items elsewhere."""
        doc, at = self.ctx.doc, self.ctx.mention_at
        mention = at[token.i]
        i = token.i
        while i + 1 < len(doc) and at.get(i + 1) == mention:
            i += 1
        found: list[int] = []
        closed = 0  # items up to the last one a conjunction introduced: a list ends with "and B"
        while True:
            j = i + 1
            if j < len(doc) and doc[j].text == "(":  # "A Ltd (ABL), B (acquired by X) and C": an item's aside
                close = next((k for k in range(j + 1, min(j + _ASIDE_LIMIT, len(doc))) if doc[k].text == ")"), None)
                j = close + 1 if close is not None else j
            separated = conjunction = False
            while j < len(doc) and j not in at and (doc[j].text in (",", "&") or doc[j].lower_ in _LIST_GLUE):
                separated = separated or doc[j].text in (",", "&") or doc[j].lower_ in _CONJUNCTIONS
                conjunction = conjunction or doc[j].text == "&" or doc[j].lower_ in _CONJUNCTIONS
                j += 1
            if not separated or j >= len(doc) or j not in at or j - i > 8:
                return found[:closed]
            nxt = at[j]
            if self.ctx.type_of(nxt) not in (self.ctx.type_of(mention), ANY) and not mixed:
                return found
            found.append(nxt)
            if conjunction:
                closed = len(found)
            i = j
            while i + 1 < len(doc) and at.get(i + 1) == nxt:
                i += 1

    def _list_members(self, verb: Token) -> list[Token]:
        """What a list verb lists ("include A, B and C", "comptent A; B; et C"), read on the surface too
        where the parser hung the items elsewhere."""
        members = Arguments(verb).patients + [c for c in verb.children if c.dep_ in APPOSITION and c.i > verb.i]
        at = self.ctx.mention_at
        listed = {m for t in members if t.i in at for m in self._listed_after(t, mixed=True)}
        listed |= self._semicolon_items(verb)
        return members + [t for t in verb.doc[verb.i:verb.sent.end] if at.get(t.i) in listed
                          and (t.i == 0 or at.get(t.i - 1) != at[t.i])]

    def _investors_listed(self, verb: Token) -> list[Reading]:
        """"The round has many backers. They include A, B and C": a plural pronoun listing what a plural
        investor noun just named (in this sentence or the one before) lists investors in the raise just told."""
        out: list[Reading] = []
        subject = next((c for c in verb.children if c.dep_ in SUBJECT and c.lower_ in _LISTING_PRONOUNS), None)
        if subject is None:
            return out
        doc = verb.doc
        start = doc[verb.sent.start - 1].sent.start if verb.sent.start > 0 else verb.sent.start
        if not any(lemma(t) in INVESTOR_NOUNS and ("Plur" in t.morph.get("Number") or t.tag_ == "NNS")
                   for t in doc[start:subject.i]):
            return out
        owner = self.ctx.raiser(verb)  # the investor noun ties the list to a raise, however far back it was told
        if owner is not None:
            _Emitter(out, verb).pairs(INVESTED_IN, self.typed(self._list_members(verb), P, O), [owner], {}, 0.7,
                                      "they-include")
        return out

    def _round_lists(self, verb: Token) -> list[Reading]:
        """"a round that included A and B", "the round includes A", "le tour de table comprend A et B": the round's
        investors, in the round's company."""
        out: list[Reading] = []
        subject = next((c for c in verb.children if c.dep_ in SUBJECT), None)
        if subject is None:
            return out
        round_token = verb.head if subject.lower_ in _RELATIVE and verb.dep_ in ("relcl", "acl:relcl") else subject
        if lemma(round_token) not in ROUND_NOUNS:
            return out
        investors = self.typed(Arguments(verb).patients, P, O)
        if investors:
            _Emitter(out, verb).pairs(INVESTED_IN, investors, self._round_owner(round_token, verb), {}, 0.75,
                                      "round-includes")
        return out

    def _semicolon_items(self, verb: Token) -> set[int]:
        """The names opening each item of a list after ``verb`` whose items are separated by semicolons, each
        with its own comment ("include A (X's fund); B of Y; and C"); none unless there are two semicolons."""
        doc, at = self.ctx.doc, self.ctx.mention_at
        sentence = verb.sent
        cuts = [t.i for t in doc[verb.i + 1:sentence.end] if t.text == ";"]
        if len(cuts) < 2:
            return set()
        items: set[int] = set()
        for start in [verb.i + 1] + [cut + 1 for cut in cuts]:
            i = start
            while i < sentence.end and i not in at and (doc[i].lower_ in _CONJUNCTIONS or doc[i].is_punct
                                                         or doc[i].pos_ == "DET"):
                i += 1  # "; and C", "; le fonds C"
            if i in at and doc[i].text != ";":
                end = i
                while end + 1 < sentence.end and at.get(end + 1) == at[i]:
                    end += 1
                if end + 2 < sentence.end and doc[end + 1].lower_ in ("'s", "’s", "’", "'") and end + 2 in at:
                    i = end + 2  # "A's Fund": the fund is the item, A its owner
                items.add(at[i])
        return items

    def listed_under(self, token: Token, *types: str) -> list[int]:
        """Every name in ``token``'s subtree (a "from ..." or "including ..." list), except the names that
        only qualify a list item: a possessor ("X's fund"), a title's organization ("former CEO of X",
        "X CEO Jane Roe")."""
        found: list[int] = []
        at = self.ctx.mention_at
        for item in token.subtree:
            mention = at.get(item.i)
            if mention is None or mention in found or self.ctx.type_of(mention) not in (*types, ANY):
                continue
            if item.head.i in at and at[item.head.i] == mention:
                continue  # not the root of its name
            if item.dep_ in ("poss", "nmod:poss"):
                continue
            if self.ctx.type_of(mention) != P and (
                    (item.dep_ in ("pobj", "nmod") and _qualifies(item)) or (item.dep_ == "compound" and item.head.i in at)):
                continue
            found.append(mention)
        return found

    def _own(self, token: Token) -> list[int]:
        mention = self.ctx.mention_at.get(token.i)
        return [mention] if mention is not None else []

    def typed(self, tokens: Iterable[Token], *types: str, expand: bool = True) -> list[int]:
        """The mentions of these entity types that ``tokens`` stand for (see :meth:`entities`)."""
        out: list[int] = []
        for token in tokens:
            own = expand and token.i not in self._bound
            out += [m for m in self.entities(token, expand=own and expand)
                    if (self.ctx.type_of(m) in types or self.ctx.type_of(m) == ANY) and m not in out]
        return out

    # --- the rules -----------------------------------------------------------------------------
    def read(self, sentence: Span) -> list[Reading]:
        """Every relation the sentence states (none without two names in it)."""
        found: list[Reading] = []
        self._bound = set()
        at = self.ctx.mention_at
        named = {at[i] for i in range(sentence.start, sentence.end) if i in at}
        tokens = doc_tokens(self.ctx.doc)[sentence.start:sentence.end]
        if not named or (len(named) == 1 and not any(lemma(t) in _ROUND_OR_PARTICIPATION for t in tokens)):
            return found  # a relation needs two names, or one and a round whose owner was named before
        people = any(self.ctx.type_of(m) == P for m in named)
        for token in tokens:
            pos, word = token.pos_, lemma(token)
            if pos in ("VERB", "AUX") or token.tag_.startswith("VB") or token.dep_ == "ROOT" and (
                    pos == "NOUN" or (pos == "PROPN" and token.text.islower())):
                # (a lowercase root the tagger called a proper noun is a verb it did not know: "A dirige X")
                found += self._verb(token)
                self._bound = set()
            if (people and pos in ("NOUN", "PROPN")) or word in _TRIGGER_NOUNS or token.lower_ in ROLE_NOUNS:
                found += self._noun(token)  # any noun may title a person; others only from the lexicons
            if token.i in self.ctx.mention_at:
                found += self._between_names(token)
            if pos in ("NOUN", "ADJ") and word in COMPANY_NOUNS:
                found += self._possessor_s_company(token)
        return [r for r in found if r.source != r.target and (
            _presupposed(r) or is_asserted(r.trigger, announced=r.type in (WORKS_AT, KNOWS)
                                           and lemma(_governing_verb(r.trigger)) in APPOINTMENT_VERBS))]

    def _verb(self, verb: Token) -> list[Reading]:
        readings = self._verb_readings(verb)
        return readings if readings else self._co_subjects(verb)

    def _co_subjects(self, verb: Token) -> list[Reading]:
        """"A et B ont écrit une lettre", "A and B announced X": people who act together know each other (when the
        verb states no relation of its own: co-founders are told by FOUNDED)."""
        out: list[Reading] = []
        if any(lemma(verb) in VERB_TRIGGERS[kind] for kind in SLOT_TYPES):
            return out
        subjects = [c for c in verb.children if c.dep_ in SUBJECT and c.i in self.ctx.mention_at]
        if verb.pos_ != "VERB" or len(subjects) != 1 or not any(c.dep_ == "conj" for c in subjects[0].children):
            # (a copula states what they are: "A and B are friends" is read from its noun)
            return out
        people = [m for m in self.typed(subjects, P) if self.ctx.type_of(m) == P]
        for position, person in enumerate(people):
            _Emitter(out, verb).pairs(KNOWS, [person], people[position + 1:], {}, 0.6, "acting-together")
        return out

    def _verb_readings(self, verb: Token) -> list[Reading]:
        word = lemma(verb)
        if _is_co(verb) and word == "found":
            word = "cofound"
        kinds = [kind for kind, words in VERB_TRIGGERS.items() if word in words]
        if not kinds and verb.lower_ in _VERB_FORMS:  # a form the lemmatizer left as it is ("quitte")
            word = _VERB_FORMS[verb.lower_]
            kinds = [kind for kind, words in VERB_TRIGGERS.items() if word in words]
        if word in ("entrer", "monter", "enter") and not kinds:  # "sont entrés au capital de X"
            return self._enters_capital(verb)
        if word in ("prendre", "take", "reprendre"):  # "prendre la tête de X"; "reprendre X" stays a takeover
            helm = self._takes_the_helm(verb)
            if helm:
                return helm
        if word == "passer" and _through(verb):  # "A, passé par X et Y, ..."
            return self._passed_through(verb, self.typed(Arguments(verb).actors if verb.dep_ not in ("acl", "amod")
                                                         else [verb.head], P))
        if word in ("prendre", "take") and not kinds:  # "a pris une participation dans X", "took a stake in X"
            return self._takes_stake(verb)
        if word in _MOVING_VERBS and not kinds:  # "est passé chez X", "went to X", "revient chez X": a job there
            moved = self._goes_to(verb)
            if moved:
                return moved
        if word in ("spend", "passer") and not kinds:  # "spent five years at X", "a passé dix ans chez X"
            return self._time_spent(verb)
        if word in ("write", "cut", "sign", "faire", "signer") and not kinds:  # "writing checks for X"
            checks = self._writes_checks(verb)
            if checks:
                return checks
        if word in LIST_VERBS and not kinds:
            listed = self._investors_listed(verb) or self._round_lists(verb)
            if listed:
                return listed
        if not kinds:
            return self._side_by_side(verb)
        if word in SIDE_BY_SIDE_VERBS:
            out_side = self._side_by_side(verb)  # "a travaillé avec B": B is a person, not an employer
        else:
            out_side = []
        args = Arguments(verb)
        self._bound = args.bound
        particle = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")), "")
        out: list[Reading] = out_side
        for kind in kinds:
            out += self._verb_kind(kind, word, particle, verb, args)
        return out

    def _verb_kind(self, kind: str, word: str, particle: str, verb: Token, args: Arguments) -> list[Reading]:
        out: list[Reading] = []
        emit = _Emitter(out, verb)
        preps = args.preps
        if kind == FOUNDED:
            if word in ("start", "build", "create", "launch", "lancer", "créer", "monter", "bâtir") and not (
                    self.typed(args.patients, O)):
                return out
            founders = self.typed(args.actors, P) + [m for m in self.typed(_companions(preps), P)]
            emit.pairs(FOUNDED, founders, self.typed(args.patients, O), {}, 0.85, "founds")
        elif kind == ACQUIRED:
            if word == "snap" and particle != "up":
                return out
            props = money_props(_clause_text(verb))
            props.pop("round", None)
            stakes = [t for t in args.patients if lemma(t) in STAKE_NOUNS]
            if stakes:  # "a acquis une participation de 60 % dans X", "bought a stake in X": an investment
                preps_too = args.preps + [pc for t in stakes for pc in _prep_objects(t)]
                held = [c for p, c in preps_too if p in ("in", "dans", "de", "d'", "du", "of", "au")]
                investors = self.typed(args.actors, P, O)  # "aux côtés de B": B took a stake too
                investors += [m for m in self.typed(_companions(preps_too), P, O) if m not in investors]
                emit.pairs(INVESTED_IN, investors, self.typed(held, O), props, 0.75, "took-stake")
                return out
            emit.pairs(ACQUIRED, self.typed(args.actors, P, O), self.typed(args.patients, O), props, 0.85, "acquires")
        elif kind == INVESTED_IN:
            props = money_props(_clause_text(verb))
            if word in ("lead", "co-lead", "colead", "participate", "mener", "participer", "join", "rejoindre",
                        "conduire", "piloter"):
                named = self.ctx.mention_at  # "joined Velar Capital": a name's word is no round
                rounds = [t for t in args.patients + [c for p, c in preps if p in ("in", "à", "au", "dans", "to")]
                          if any(lemma(g) in ROUND_NOUNS and g.i not in named for g in t.subtree)]
                if not rounds and word in ("participate", "participer") and not [  # "y": in it, the round told
                        t for t in args.patients if t.lower_ != "y"] and not any(
                        p for p, c in preps if p in ("in", "à", "au", "dans")):
                    owner = self.ctx.raiser(verb, True)  # "Existing investor A is also participating": in the raise
                    emit.pairs(INVESTED_IN, self.typed(args.actors, P, O), [owner] if owner is not None else [], props,
                               0.7, "participates")
                    return out
                if not rounds:
                    return out
                targets = self._round_owner(rounds[0], verb)
                raise_verb = _raise_above(verb)
                if raise_verb is not None and "amount" not in props:  # the amount of the raise the round belongs to
                    props = {**money_props(_clause_text(raise_verb)), **props}
                emit.pairs(INVESTED_IN, self.typed(args.actors, P, O), targets, props, 0.8, "leads-round")
            elif word in ("back", "fund", "finance", "financer", "soutenir", "renflouer", "recapitaliser", "recapitalize"):
                if word == "soutenir" and not _near_money(verb):
                    return out
                emit.pairs(INVESTED_IN, self.typed(args.actors, P, O), self.typed(args.patients, O), props, 0.75, "backs")
            else:
                targets = self.typed((c for p, c in preps if p in ("in", "into", "dans", "en", "au", "à")), O)
                targets += [t for t in self.typed(args.patients, O) if t not in targets]
                targets += [t for t in self.typed(_stake_holdings(args), O) if t not in targets]  # "détient 20 % de X"
                emit.pairs(INVESTED_IN, self.typed(args.actors, P, O), targets, props, 0.8, "invests")
        elif kind == "SELL":  # "X sold Y to Z", "Y a été revendue à Z": Z acquired Y
            buyers = self.typed((c for p, c in preps if p in ("to", "à", "au")), O)
            prices = [t for t in args.patients if t.like_num or lemma(t) in _AMOUNT_NOUNS]  # "revendue 3 M$ à Z":
            buyers += [m for t in prices for p, c in _prep_objects(t) if p in ("to", "à", "au")  # the parser hung
                       for m in self.typed([c], O) if m not in buyers]  # "à Z" on the price
            props = money_props(_clause_text(verb))
            emit.pairs(ACQUIRED, buyers, self.typed(args.patients, O), props, 0.8, "sold-to")
        elif kind == "RAISE":
            raisers = self.typed(args.actors, O)
            if not raisers and self.typed(args.actors, P):  # "ils ont levé 2 M€ auprès de X": the founders, for
                owner = self.ctx.raiser(verb)                # the company the article is about
                raisers = [owner] if owner is not None else []
            if not raisers:
                return out
            props = money_props(_clause_text(verb))
            if word in ("get", "receive", "recevoir", "annoncer", "announce", "close", "land", "obtenir", "réunir",
                        "collect", "collecter") and not (props or any(lemma(t) in ROUND_NOUNS for t in args.patients)):
                return out
            investors = self.typed((c for p, c in preps if p in ("with", "de", "avec", "by", "par")), P, O)
            for adverb in (t for t in verb.subtree if t.lower_ == "auprès" and t.pos_ == "ADV"):
                for complement in adverb.children:  # the French parser hangs "auprès de A et B" on "auprès"
                    investors += [m for m in self.listed_under(complement, P, O) if m not in investors]
            for complement in (c for p, c in preps if p in ("from", "auprès", "auprès de")):
                investors += [m for m in self.listed_under(complement, P, O) if m not in investors]
            for patient in args.patients:  # "raised $5M led by A", "a round from A and B"
                investors += [m for m in self._round_investors(patient) if m not in investors]
            emit.pairs(INVESTED_IN, investors, raisers, props, 0.8, "raised-from")
        elif kind == WORKS_AT:
            out += self._works_verb(word, particle, verb, args, emit)
        elif kind == MENTORED:
            if word in ("former", "train", "guide", "guider") and not self.typed(args.patients, P):
                return out
            mentees = self.typed(args.patients, P)
            emit.pairs(MENTORED, self.typed(args.actors, P), mentees, {}, 0.75, "mentors")
        elif kind == KNOWS:
            out += self._knows_verb(word, verb, args, emit)
        return out

    def _works_verb(self, word: str, particle: str, verb: Token, args: Arguments, emit: "_Emitter") -> list[Reading]:
        preps = args.preps
        if word in ("hire", "recruit", "recruter", "embaucher", "appoint", "name", "nommer"):
            role = next((_role_text(c) for p, c in preps if p in ("as", "comme", "en tant que", "au poste de")), "")
            people = self.typed(args.patients, P)
            employers = self.typed(args.actors, O)
            employers += [o for p, c in preps if p in ("at", "of", "chez", "de", "to", "à") for o in self.typed([c], O)]
            for title in args.patients:  # "named Ann Roe chief executive": the parser hung the person on her title
                holders = [c for c in title.children if c.dep_ in ("compound", "nmod") and c.i < title.i]
                if title.pos_ == "NOUN" and lemma(title) in _TITLE_NOUNS and self.typed(holders, P):
                    people += [m for m in self.typed(holders, P) if m not in people]
                    role = role or _role_text(title)
                    employers += [o for p, c in _prep_objects(title) if p in ("of", "at", "de", "chez")
                                  for o in self.typed([c], O) if o not in employers]
            emit.pairs(WORKS_AT, people, employers, {"role": role} if role else {}, 0.75, "hired")
        elif word in ("join", "rejoindre", "intégrer"):
            people = self.typed(args.actors, P)
            emit.pairs(WORKS_AT, people, self.typed(args.patients, O) + self._body_of(args.patients), {}, 0.8, "joined")
            # "A joined B and C at Acme"; before typing, a joined name is read as a company, not a colleague
            colleagues = [m for m in self.typed(args.patients, P) if self.ctx.type_of(m) == P]
            emit.pairs(KNOWS, people, colleagues, {}, 0.7, "joined-people")
            employers = self.typed((c for p, c in preps if p in ("at", "chez", "in")), O)
            emit.pairs(WORKS_AT, people + colleagues, employers if colleagues else [], {}, 0.7, "joined-people")
        elif word in ("leave", "quit", "quitter", "depart", "exit"):
            targets = self.typed(args.patients, O) + self.typed((c for p, c in args.preps if p in ("from",)), O)
            targets += [m for m in self._body_of(args.patients) if m not in targets]
            emit.pairs(WORKS_AT, self.typed(args.actors, P), targets, {"former": True}, 0.75, "left")
            # "left X for Y", "a quitté X pour Y": Y is the next employer (a company, not a reason or a place)
            successors = self.typed((c for p, c in args.preps if p in ("for", "pour") and c.i in self.ctx.mention_at
                                     and c.doc[c.i - 1].lower_ in ("for", "pour")), O)  # a name right after it
            successors = [m for m in successors if self.ctx.type_of(m) in (O, ANY) and m not in targets]
            emit.pairs(WORKS_AT, self.typed(args.actors, P), successors, {}, 0.7, "left-for")
        elif word in ("work", "travailler", "serve", "officier", "sit", "siéger"):
            seated = word in ("sit", "siéger")  # "sits on the board of X", "siège au conseil de X": a board only
            employers = [] if seated else self.typed(
                (c for p, c in preps if p in ("at", "for", "chez", "pour", "with", "in", "au sein")), O)
            employers += [m for m in self._body_of([c for p, c in preps if p in ("on", "au", "à", "in", "dans")])
                          if m not in employers]  # "serving on the board of X"
            props = {}
            role = next((_role_text(c) for p, c in preps if p in ("as", "comme", "en tant que")), "")
            if role:
                props["role"] = role
            if verb.tag_ in ("VBD",) or "Past" in verb.morph.get("Tense") and any(c.dep_ == "aux" for c in verb.children):
                props["former"] = True
            emit.pairs(WORKS_AT, self.typed(args.actors, P), employers, props, 0.75, "works-at")
        else:  # lead, head, run, diriger, présider, manage, chair
            emit.pairs(WORKS_AT, self.typed(args.actors, P), self.typed(args.patients, O), {}, 0.7, "runs")
        return []

    def _body_of(self, nouns: list[Token]) -> list[int]:
        """The organization of a body one joins or leaves ("le conseil d'administration de X", "X's board")."""
        found: list[int] = []
        for noun in nouns:
            if noun.i in self.ctx.mention_at or lemma(noun) not in BODY_NOUNS:
                continue
            holders = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
            holders += [c for p, c in _prep_objects(noun) if p in ("of", "de", "d'", "du")]
            holders += [g for c in noun.children if c.dep_ in ("nmod", "prep") for p, g in _prep_objects(c)
                        if p in ("of", "de", "d'", "du")]  # "conseil d'administration de X"
            found += [m for m in self.typed(holders, O) if m not in found]  # "the board of X and Y": both
        return found

    def _takes_the_helm(self, verb: Token) -> list[Reading]:
        """"A prend la tête / la direction / les rênes de X", "A takes the helm of X": A runs X."""
        out: list[Reading] = []
        args = Arguments(verb)
        helms = [t for t in args.patients if lemma(t) in HELM_NOUNS]
        held = [c for t in helms for p, c in _prep_objects(t) if p in ("de", "d'", "du", "of", "at")]
        _Emitter(out, verb).pairs(WORKS_AT, self.typed(args.actors, P), self.typed(held, O), {}, 0.75, "took-the-helm")
        return out

    def _passed_through(self, word: Token, people: list[int]) -> list[Reading]:
        """"A, passé par X et Y", "Passé par X, A ...": A worked at X and Y before (French press's career line)."""
        out: list[Reading] = []
        _Emitter(out, word).pairs(WORKS_AT, people, self.typed(_through(word), O), {"former": True}, 0.7, "passed-through")
        return out

    def _takes_stake(self, verb: Token) -> list[Reading]:
        """"A a pris une participation minoritaire dans X", "A took a stake in X": A invested in X."""
        out: list[Reading] = []
        args = Arguments(verb)
        _Emitter(out, verb).pairs(INVESTED_IN, self.typed(args.actors, P, O), self.typed(_stake_holdings(args), O),
                                  money_props(_clause_text(verb)), 0.75, "took-stake")
        return out

    def _goes_to(self, verb: Token) -> list[Reading]:
        """"A est passé chez X", "A went to X", "A is leaving office to return to X", "A revient chez X": A works
        at X, when X is typed an organization by other evidence ("went to Paris" is a trip; no typing vote from
        here)."""
        out: list[Reading] = []
        args = Arguments(verb)
        if any(lemma(t) in _SPANS_OF_TIME for t in args.patients):
            return out  # "a passé dix ans chez X": time spent there (see _time_spent)
        places = [c for p, c in args.preps if p == "chez" or (p == "to" and verb.lang_ == "en")]
        employers = [m for m in self.typed(places, O, expand=False) if self.ctx.type_of(m) == O]
        _Emitter(out, verb).pairs(WORKS_AT, self.typed(args.actors, P), employers, {}, 0.65, "goes-to")
        return out

    def _time_spent(self, verb: Token) -> list[Reading]:
        """"A spent five years at X", "A a passé dix ans chez X": A worked at X (before, in the past tense)."""
        out: list[Reading] = []
        args = Arguments(verb)
        if not any(lemma(t) in _SPANS_OF_TIME for t in args.patients):
            return out  # "spent $5M on X", "passer un cap"
        employers = self.typed((c for p, c in args.preps if p in ("at", "with", "chez", "au sein", "within")), O)
        past = verb.tag_ == "VBD" or "Past" in verb.morph.get("Tense") and any(  # "a passé" (not "has spent": ongoing)
            c.dep_.startswith("aux") and lemma(c) == "avoir" for c in verb.children)
        _Emitter(out, verb).pairs(WORKS_AT, self.typed(args.actors, P), employers, {"former": True} if past else {},
                                  0.7, "time-spent-at")
        return out

    def _writes_checks(self, verb: Token) -> list[Reading]:
        """"A wrote a check for X", "writing checks for startups such as X and Y", "A a signé un chèque à X":
        A invested in X."""
        out: list[Reading] = []
        args = Arguments(verb)
        checks = [t for t in args.patients if lemma(t) in ("check", "cheque", "chèque")]
        if checks:
            held = [c for p, c in args.preps + [pc for t in checks for pc in _prep_objects(t)]
                    if p in ("for", "to", "into", "à", "au", "pour")]
            _Emitter(out, verb).pairs(INVESTED_IN, self.typed(args.actors, P, O), self.typed(held, O),
                                      money_props(_clause_text(verb)), 0.75, "wrote-checks")
        return out

    def _enters_capital(self, verb: Token) -> list[Reading]:
        """"A et B sont entrés au capital de X", "A est monté au capital de X": A invested in X."""
        out: list[Reading] = []
        args = Arguments(verb)
        capitals = [c for p, c in args.preps if lemma(c) in ("capital", "tour", "table")]
        held = [c for t in capitals for p, c in _prep_objects(t) if p in ("de", "d'", "du", "of")]
        _Emitter(out, verb).pairs(INVESTED_IN, self.typed(args.actors, P, O), self.typed(held, O),
                                  money_props(_clause_text(verb)), 0.75, "entered-capital")
        return out

    def _side_by_side(self, verb: Token) -> list[Reading]:
        """"A a co-présidé le groupe avec B", "A worked alongside B", "A reports to B": people who work together."""
        word = lemma(verb)
        out: list[Reading] = []
        if not (word in SIDE_BY_SIDE_VERBS or word.startswith("co")):
            # "A a révolutionné le commerce aux côtés de B", "A did it alongside B": whatever the verb, side by side
            args = Arguments(verb)
            partners = _companions([(p, c) for p, c in args.preps if p not in ("with", "avec")])
            if partners:  # (most verbs: no one beside, no names to look up)
                _Emitter(out, verb).pairs(KNOWS, self.typed(args.actors, P), self.typed(partners, P), {}, 0.7,
                                          "alongside")
            return out
        args = Arguments(verb)
        partners = [c for p, c in args.preps if p in ("with", "avec", "alongside", "aux côtés", "côtés", "beside")]
        if word in ("report", "rapporter", "répondre"):
            partners += [c for p, c in args.preps if p in ("to", "à", "au")]
        if partners:
            _Emitter(out, verb).pairs(KNOWS, self.typed(args.actors, P), self.typed(partners, P), {}, 0.7, "side-by-side")
        return out

    def _knows_verb(self, word: str, verb: Token, args: Arguments, emit: "_Emitter") -> list[Reading]:
        actors = self.typed(args.actors, P)
        others = self.typed(args.patients, P)
        others += self.typed((c for p, c in args.preps if p in ("with", "avec")), P)
        if word in ("introduce", "présenter"):
            targets = self.typed((c for p, c in args.preps if p in ("to", "à")), P)
            patients = self.typed(args.patients, P)
            emit.pairs(KNOWS, patients, targets, {}, 0.7, "introduced")
            emit.pairs(KNOWS, actors, patients + targets, {}, 0.7, "introduced")
            return []
        if word in ("partner", "associer", "collaborate", "collaborer") and not others:
            return []
        if not others and len(actors) >= 2:  # "A and B met in 2010"
            for i, a in enumerate(actors):
                emit.pairs(KNOWS, [a], actors[i + 1:], {}, 0.7, "met-each-other")
            return []
        emit.pairs(KNOWS, actors, others, {}, 0.75, "met")
        return []

    def _round_owner(self, round_token: Token, verb: Token) -> list[int]:
        """The organization a round belongs to: its possessor or complement, else the article's raiser."""
        for child in round_token.children:  # its own possessor or "of" complement, not a name further down
            tokens = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "of" else [child]
            for token in tokens:
                if token.dep_ in ("poss", "nmod:poss", "pobj") or (token.dep_ == "nmod" and _case(token) in ("de", "d'", "du")
                                                                   and lemma(token) != "table"):
                    owners = self.typed([token], O, expand=False)
                    if owners:
                        return owners
        raise_verb = _raise_above(round_token)
        if raise_verb is not None:  # "X raised $5M in a round led by A": X
            owners = self.typed(Arguments(raise_verb).actors, O)
            if owners:
                return owners
        places = [c for p, c in _prep_objects(verb) if p in ("in", "dans", "de", "of") and c.i != round_token.i]
        owners = self.typed(places, O, expand=False)  # "A led the round in X": the parser hung "in X" on the verb
        if owners:
            return owners
        owner = self.ctx.raiser(verb)
        investors = set(self.typed(Arguments(verb).actors, P, O))
        return [owner] if owner is not None and owner not in investors else []  # never one of the round's leads

    def _participation(self, noun: Token) -> list[Reading]:
        """"with participation from A", "avec la participation de A": A invests in the round's company."""
        out: list[Reading] = []
        investors = [c for p, c in _prep_objects(noun) if p in ("from", "of", "de", "d'", "du", "des")]
        if not investors:
            return out
        raise_verb = _raise_above(noun)
        owners = self.typed(Arguments(raise_verb).actors, O) if raise_verb is not None else []
        if not owners and any(lemma(t) in ROUND_NOUNS for t in noun.sent):
            owner = self.ctx.raiser(noun)
            owners = [owner] if owner is not None else []
        props = money_props(_clause_text(raise_verb)) if raise_verb is not None else {}
        _Emitter(out, noun).pairs(INVESTED_IN, self.typed(investors, P, O), owners, props, 0.75, "participation")
        return out

    def _round_investors(self, noun: Token) -> list[int]:
        """Investors hung on a raised amount or round: "led by A", "from A", "with participation from B"."""
        found: list[int] = []
        for token in noun.subtree:
            if token.dep_ in ("acl", "amod", "relcl") and lemma(token) in VERB_TRIGGERS[INVESTED_IN]:
                args = Arguments(token)
                found += [m for m in self.typed(args.actors, P, O) if m not in found]
            elif token.lower_ in ("from", "auprès") and token.dep_ in ("prep", "case", "fixed"):
                target = next((g for g in token.children if g.dep_ == "pobj"), None) or (
                    token.head if token.dep_ == "case" else None)
                if target is not None:
                    found += [m for m in self.listed_under(target, P, O) if m not in found]
        return found

    def _between_names(self, token: Token) -> list[Reading]:
        """Two names bound without a trigger: "Jane Roe's Acme" / "Acme's Jane Roe" (WORKS_AT), "Jane Roe (Acme)"."""
        at = self.ctx.mention_at
        mention = at.get(token.i)
        if mention is None or mention in self.ctx.descriptions or (token.head.i in at and at[token.head.i] == mention):
            return []
        out: list[Reading] = []
        emit = _Emitter(out, token)
        doc = token.doc
        curly = token.dep_ == "compound" and token.text.endswith("s") and token.i + 1 < len(doc) and \
            doc[token.i + 1].text in ("’", "'")  # "Velar Partners’ Ann Roe": a possessive the tagger missed
        if (token.dep_ in ("poss", "nmod:poss") or curly) and token.head.i in at:
            owner, owned = mention, at[token.head.i]
            kinds = (self.ctx.type_of(owner), self.ctx.type_of(owned))
            if kinds == (P, O):
                emit.pairs(WORKS_AT, [owner], [owned], {}, 0.6, "person-s-org")
            elif kinds == (O, P):
                emit.pairs(WORKS_AT, [owned], [owner], {}, 0.6, "org-s-person")
        if self.ctx.type_of(mention) == P:  # "Jane Roe of Acme", "Jane Roe at Acme", "Jeanne Roe, chez Acme"
            for prep, complement in _prep_objects(token):
                if prep in PERSON_AT:
                    emit.pairs(WORKS_AT, [mention], self.typed([complement], O, expand=False), {}, 0.6, "person-of-org")
        doc = self.ctx.doc
        end = token.i
        while end + 1 < len(doc) and at.get(end + 1) == mention:
            end += 1
        if self.ctx.type_of(mention) == P and end + 3 < len(doc) and doc[end + 1].text == "(" and (end + 2) in at:
            inner = at[end + 2]
            close = end + 2
            while close + 1 < len(doc) and at.get(close + 1) == inner:
                close += 1
            if close + 1 < len(doc) and doc[close + 1].text == ")" and self.ctx.type_of(inner) == O:
                emit.pairs(WORKS_AT, [mention], [inner], {}, 0.6, "person-(org)")
        return out

    def _deal_noun(self, noun: Token) -> list[Reading]:
        """"Acme's acquisition of Beta", "le rachat de Beta par Acme", "Acme's first acquisition was Beta"."""
        out: list[Reading] = []
        emit = _Emitter(out, noun)
        buyers: list[Token] = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
        bought: list[Token] = []
        for prep, complement in _prep_objects(noun):
            if prep in ("by", "par"):
                buyers.append(complement)
            elif prep in ("of", "de", "d'", "du", "des"):
                bought.append(complement)
        if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ in ("be", "être"):
            bought += [c for c in noun.head.children if c.dep_ in ("attr", "acomp") and c.i != noun.i]
        if noun.dep_ in SUBJECT and lemma(noun.head) in LIST_VERBS and buyers:  # "X's acquisitions include A and B"
            bought += self._list_members(noun.head)
        if noun.dep_ in ("dobj", "obj") and lemma(noun.head) in ("complete", "finalize", "close", "announce", "finaliser",
                                                                 "boucler", "annoncer", "officialiser", "conclure"):
            buyers += [c for c in noun.head.children if c.dep_ in SUBJECT]
        props = money_props(_clause_text(noun.head if noun.dep_ in ("dobj", "obj") else noun))
        props.pop("round", None)
        emit.pairs(ACQUIRED, self.typed(buyers, P, O, expand=False), self.typed(bought, O), props, 0.75, "acquisition-of")
        return out

    def _noun(self, noun: Token) -> list[Reading]:
        word = lemma(noun)
        if word in CAREER_NOUNS and noun.pos_ == "NOUN":
            return self._career(noun)
        if word in FRIEND_NOUNS and noun.pos_ == "NOUN":
            return self._friend(noun)
        fronted = noun.dep_ in ("ROOT", "advcl") and noun.i == noun.sent.start  # "Ancien de X, A ..."
        if word in ALUMNI_NOUNS and (noun.pos_ == "NOUN" or any(c.dep_ == "det" for c in noun.children) or fronted):
            return self._alumnus(noun, self._fronted_holders(noun) if fronted else None)
        if word == "passé" and fronted and _through(noun):
            return self._passed_through(noun, self.typed(self._fronted_holders(noun), P, expand=False))
        if word in DEAL_NOUNS and noun.pos_ == "NOUN":
            return self._deal_noun(noun)
        if word == "participation" and noun.pos_ == "NOUN" and not any(lemma(c) in STAKE_NOUNS - {"participation"}
                                                                       for c in noun.children):
            return self._participation(noun)
        if _is_co(noun) and word in ("founder",):
            word = "cofounder"
        if word.startswith("co") and word[2:].lstrip("-") in FOUNDER_NOUNS:
            word = "cofounder"
        is_founder = word in FOUNDER_NOUNS
        is_investor = word in INVESTOR_NOUNS
        is_mentor = word in MENTOR_NOUNS
        is_role = word in ROLE_NOUNS or noun.lower_ in ROLE_NOUNS or _role_core(word) in ROLE_NOUNS
        if noun.i in self.ctx.mention_at and self.ctx.mention_at[noun.i] not in self.ctx.descriptions:
            return []
        if noun.i > 1 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].lower_ not in ("co", "ex", "vice"):
            return []  # the second half of a hyphenated title, read with its first half
        people: list[Token] | None = None
        generic = False
        if not (is_founder or is_investor or is_mentor or is_role):
            # any person-denoting noun in apposition or as a title ("X, a top official of Y", "Y spokesman X")
            if noun.pos_ not in ("NOUN", "PROPN") or word in _NOT_ROLES_OR_FRAMES or noun.lower_ in NOT_ROLES \
                    or not noun.text.replace("-", "").isalpha():
                return []
            people = self._holders(noun)
            if not any(self.ctx.type_of(m) == P for m in self.typed(people, P, expand=False)):
                return []  # only a name already typed Person makes a title of an unlisted noun
            is_role = generic = True
        out: list[Reading] = []
        emit = _Emitter(out, noun)
        people = self._holders(noun) if people is None else people
        plural = "Plur" in noun.morph.get("Number") or noun.tag_ in ("NNS", "NNPS")
        if is_mentor:
            mentees = self._organizations_of(noun, (P,))
            if mentees:
                emit.pairs(MENTORED, self.typed(people, P, expand=plural), mentees, {}, 0.75, "mentor-of")
                return out
        if word in OWNED_NOUNS:
            owners = self._organizations_of(noun, (P, O))
            emit.pairs(INVESTED_IN, owners, self.typed(people, O, expand=plural), {}, 0.7, "owned-by")
            return out
        orgs = self._organizations_of(noun, (O,))
        if not orgs and is_investor and word not in OWNED_NOUNS and plural and people:
            owner = self.ctx.raiser(noun, True)  # "Existing investors include A and B": in the raise just told
            orgs = [owner] if owner is not None else []
        if not orgs and is_role and not generic:  # "assistant de X", "X's chief of staff": a role beside a person
            bosses = [m for m in self._organizations_of(noun, (P,)) if self.ctx.type_of(m) == P]
            if bosses:
                emit.pairs(KNOWS, self.typed(people, P, expand=plural), bosses, {}, 0.65, "role-beside")
                return out
        if not orgs:  # "X, cofondateur et ancien PDG de Y": the next role noun of the same person holds Y
            siblings = [t for t in _role_siblings(noun) if lemma(t) in _TITLE_NOUNS]
            orgs = self._organizations_of(siblings[0], (O,)) if siblings else []
        if not orgs:
            return out
        former = _is_former(noun)
        if is_founder:
            founders = self.typed(people, P, expand=plural)
            if founders:  # "le fondateur de X avec ses frères A et B": they founded it too
                founders += [m for m in self.typed(_companions(list(_prep_objects(noun))), P) if m not in founders]
            emit.pairs(FOUNDED, founders, orgs, {}, 0.85, "founder-of")
            for conj in _conjuncts(noun):  # "CEO and co-founder of X"
                if lemma(conj) in ROLE_NOUNS:
                    emit.pairs(WORKS_AT, self.typed(people, P, expand=plural), orgs, _props(_role_text(conj), former), 0.8, "role-of")
        elif is_investor and word in OWNED_NOUNS:  # "Acme, propriété de Jane Roe": the complement owns the holder
            owners = self._organizations_of(noun, (P, O))
            emit.pairs(INVESTED_IN, owners, self.typed(people, O, expand=plural), {}, 0.7, "owned-by")
        elif is_investor:
            emit.pairs(INVESTED_IN, self.typed(people, P, O, expand=plural), orgs, {}, 0.75, "investor-in")
        else:
            role = _role_text(noun)
            if not role:
                return out
            holders = self.typed(people, P, expand=plural)
            if _respectively(noun) and len(holders) == len(orgs) > 1:  # "A and B (respectively CEOs of X and Y)"
                for holder, org in zip(sorted(holders), sorted(orgs)):  # mentions are numbered in text order
                    emit.pairs(WORKS_AT, [holder], [org], _props(role, former), 0.8, "role-of")
            else:
                emit.pairs(WORKS_AT, holders, orgs, _props(role, former), 0.8, "role-of")
        return out

    def _possessor_s_company(self, noun: Token) -> list[Reading]:
        """"leur entreprise X", "his startup X": the people the possessive stands for work at X."""
        owners = [c for c in noun.children if c.dep_ in ("poss", "det", "nmod:poss") and c.i in self.ctx.mention_at
                  and c.ent_type_ not in ("LOC", "GPE", "NORP")]  # "Europe's startups": a place has no staff
        people = self.typed(owners, P, expand=False)
        if not people or noun.i in self.ctx.mention_at:
            return []
        named = [m for m in self.typed([noun], O, expand=False) if self.ctx.mention_at.get(noun.i) != m]
        after = noun.i + 1  # "his startup Brimco": the name right after, wherever the parser hung it
        if not named and after < len(noun.doc) and after in self.ctx.mention_at:
            named = self.typed([noun.doc[after]], O, expand=False)
        out: list[Reading] = []
        if any(c.dep_ == "amod" and c.lower_ in _ONE_OF_A_SERIES for c in noun.children):
            # "their last startup, X", "sa première entreprise X": one of the companies they start, one after another
            _Emitter(out, noun).pairs(FOUNDED, people, named, {}, 0.65, "possessor-s-nth-company")
        else:
            _Emitter(out, noun).pairs(WORKS_AT, people, named, {}, 0.65, "possessor-s-company")
        return out

    def _alumnus(self, noun: Token, holders: list[Token] | None = None) -> list[Reading]:
        """"Dropbox alum X", "X, un ancien de Y", "a Google veteran", "Ancien de Y, X ...": X worked at Y before."""
        if noun.i in self.ctx.mention_at:
            return []
        out: list[Reading] = []
        orgs = self._organizations_of(noun, (O,))
        people = self.typed(self._holders(noun) if holders is None else holders, P, expand=False)
        _Emitter(out, noun).pairs(WORKS_AT, people, orgs, {"former": True}, 0.7, "alumnus-of")
        return out

    def _friend(self, noun: Token) -> list[Reading]:
        """"X has been friends with Y", "X, un vieil ami de Y": X and Y know each other."""
        friends = [c for p, c in _prep_objects(noun) if p in ("with", "avec", "of", "de", "d'")]
        holders = self.typed(self._holders(noun), P)
        out: list[Reading] = []
        emit = _Emitter(out, noun)
        if friends:
            emit.pairs(KNOWS, holders, self.typed(friends, P), {}, 0.7, "friend-of")
        else:  # "the three have been friends since ...", "A and B are friends": each knows the others
            for position, holder in enumerate(holders):
                emit.pairs(KNOWS, [holder], holders[position + 1:], {}, 0.7, "friend-of")
        return out

    def _career(self, noun: Token) -> list[Reading]:
        """"X a fait sa carrière à Y", "began her career at Y": the one whose career it is worked at Y."""
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        places = [c for p, c in [*_prep_objects(noun), *_prep_objects(verb)]
                  if p in ("à", "au", "chez", "at", "with", "in", "dans")]
        out: list[Reading] = []
        _Emitter(out, noun).pairs(WORKS_AT, self.typed(Arguments(verb).actors, P), self.typed(places, O), {}, 0.7,
                                  "career-at")
        return out

    def _fronted_holders(self, top: Token) -> list[Token]:
        """"Ancien de X, A a fondé Y", "Passée par X, A dirige Y": a title fronted before the clause is held by
        the clause's subject (the parser hangs the title on the verb, or leaves it a fragment of its own: then
        the name opening the clause after its comma)."""
        if top.dep_ == "advcl":
            subjects = [c for c in top.head.children if c.dep_ in SUBJECT]
            return subjects + [c for s in subjects for c in _conjuncts(s) if c not in subjects]
        doc = top.doc
        for comma in range(top.i + 1, min(len(doc) - 1, top.i + 40)):  # the comma before the clause's subject
            if doc[comma].text in (".", "!", "?", ";"):
                break  # (the parser may end its sentence at the comma: the clause is read on to the full stop)
            name = doc[comma + 1]
            if doc[comma].text == "," and name.i in self.ctx.mention_at and name.dep_ in SUBJECT \
                    and name.head.i != top.i:
                return [name, *_conjuncts(name)]  # "Cofondateur de X, A et B lancent ...": both hold it
        return []

    def _holders(self, noun: Token) -> list[Token]:
        """Tokens naming who holds the role ``noun`` states: apposition, title before a name, copula subject."""
        named = self._named_before_parenthesis(noun)
        if named is not None:
            return [named]  # "A (Acme’s founder)", "A (its CTO)": the name the parenthesis follows
        holders: list[Token] = []
        head = noun.head
        top = noun
        while top.dep_ in ("conj", "compound", "amod", "flat") and top.head.i != top.i and top.head.i not in self.ctx.mention_at:
            top = top.head
        if top.i != noun.i:
            head = top.head
        coordinated = top.dep_ == "conj" and any(c.dep_ == "cc" and head.i < c.i < top.i for c in head.children)
        if top.dep_ in APPOSITION and party_tag(head) and head.dep_ in APPOSITION:
            head = head.head  # "Sen. A, D-Ore., chairman of X": the title is the senator's, not the party tag's
        if top.dep_ in APPOSITION or (top.dep_ in ("conj",) and head.i in self.ctx.mention_at and not coordinated):
            # in "A, PDG de X, B, PDG de Y" the parser may hang every title on A: the nearest name before wins
            holders.append(self._nearest_person_before(noun, head) if head.i < noun.i else head)
        if top.dep_ in ("compound", "nmod", "amod", "flat", "flat:name", "nn") and head.i in self.ctx.mention_at:
            holders.append(head)  # "Acme CEO Jane Roe", "le PDG Jean Dupont"
        holders += [c for c in top.children if c.dep_ in APPOSITION or c.dep_ in ("flat:name", "nmod") and c.i in self.ctx.mention_at and c.i > noun.i and c.ent_type_ in ("PER", "PERSON")]
        if "Plur" in noun.morph.get("Number") or noun.tag_ == "NNS":  # "the Brimco founders, A and B": a list
            holders += [c for c in top.children if c.dep_ == "conj" and c.i > noun.i and c.i in self.ctx.mention_at
                        and noun.doc[c.left_edge.i - 1].text == "," and self.ctx.type_of(self.ctx.mention_at[c.i]) == P]
            if any(c.dep_ in APPOSITION and c.i in self.ctx.mention_at for c in top.children):
                # "ses actionnaires, A et le groupe de presse B": a described last item names its holder too
                holders += [g for c in top.children if c.dep_ == "conj" and c.i > noun.i and c.pos_ == "NOUN"
                            and c.i not in self.ctx.mention_at
                            for g in c.children if g.dep_ in APPOSITION and g.i > c.i and g.i in self.ctx.mention_at]
        one = top.head if top.dep_ == "nmod" else top.head.head
        if top.dep_ in ("nmod", "pobj") and one.pos_ in ("PRON", "NUM") and one.lower_ in ("un", "une", "one", "l'un"):
            comma = min(t.i for t in one.subtree if not t.is_punct) - 1  # "A, l'un des fondateurs de X"
            if comma >= 1 and noun.doc[comma].text == "," and comma - 1 in self.ctx.mention_at:
                return [noun.doc[comma - 1]]  # the apposition after a name, whatever the parser hung it on
            return self._holders(one)
        if top.dep_ in ("nmod", "pobj") and lemma(top.head if top.dep_ == "nmod" else top.head.head) in FRAME_NOUNS:
            frame = top.head if top.dep_ == "nmod" else top.head.head  # "a le statut de cofondateur de X"
            return self._holders(frame)
        if top.dep_ in COPULA_LINKS or top.dep_ in ("attr", "ROOT", "obj", "dobj"):
            verb = head if top.dep_ != "ROOT" else top
            holders += [c for c in verb.children if c.dep_ in SUBJECT | PASSIVE_SUBJECT]
            if top.dep_ == "ROOT" and top.i == top.sent.start:  # "Ancien PDG de X, A ...": a title fronted as a
                holders += [h for h in self._fronted_holders(top) if h not in holders]  # fragment of its own
            if not holders and top.dep_ != "ROOT":  # "en devenant son actionnaire": the subject of the clause above
                holders += Arguments(verb).actors
            if top.dep_ in ("obj", "dobj") and lemma(top) not in FRAME_NOUNS and lemma(verb) not in (
                    "become", "devenir", "name", "nommer", "appoint", "remain", "rester"):
                holders = [h for h in holders if h.dep_ not in SUBJECT]
        if top.dep_ == "advcl" and top.i == top.sent.start:
            holders += self._fronted_holders(top)  # "Ancienne directrice de X, A dirige Y": the clause's subject
        if top.dep_ in SUBJECT and lemma(head) in LIST_VERBS:
            # "Its investors include A, B and C", "parmi ses investisseurs figurent A, B" (a list the parser
            # may hang on the verb)
            return self._list_members(head)
        if top.dep_ == "ROOT" or any(c.dep_ == "cop" for c in top.children):
            holders += [c for c in top.children if c.dep_ in SUBJECT]
        if (top.dep_ == "pobj" and top.head.lower_ in ("among", "parmi") or _case(top) == "parmi") and \
                (top.head.head if top.dep_ == "pobj" else top.head).pos_ in ("VERB", "AUX"):
            verb = top.head.head if top.dep_ == "pobj" else top.head  # "counts A and B among its investors"
            if lemma(verb) in ("figurer", "être", "be", "se trouver", "trouver"):  # "parmi eux figurent A et B"
                return [c for c in verb.children if c.dep_ in SUBJECT | PASSIVE_SUBJECT] + Arguments(verb).patients
            return Arguments(verb).patients
        if top.dep_ == "pobj" and top.head.lower_ in ("as", "comme") and top.head.head.pos_ in ("VERB", "AUX"):
            holders += Arguments(top.head.head).actors  # "X served as chairman of Y", "X a travaillé comme ..."
        elif top.dep_ in ("obl", "nmod", "obl:mod") and _case(top) in ("comme", "as"):
            holders += Arguments(top.head).actors
        at = self.ctx.mention_at
        if not any(t.i in at and self.ctx.type_of(at[t.i]) in (P, ANY) for t in holders):
            after = self._name_after(noun)  # "Fraser Capital, former CEO of Velar Motors Rick Wagman"
            if after is not None:
                holders.append(after)
        return holders

    def _named_before_parenthesis(self, noun: Token) -> Token | None:
        """The person named right before the parenthesis that opens a few words before ``noun``."""
        doc, at = doc_tokens(self.ctx.doc), self.ctx.mention_at
        for i in range(noun.i - 1, max(noun.sent.start, noun.i - 8) - 1, -1):
            if doc[i].text == ")":
                return None
            if doc[i].text == "(":
                before = i - 1
                if before >= 0 and before in at and self.ctx.type_of(at[before]) == P:
                    return doc[before]
                return None
        return None

    def _nearest_person_before(self, noun: Token, holder: Token) -> Token:
        """The person named last before ``noun`` after ``holder`` (``holder`` itself when there is none)."""
        at = self.ctx.mention_at
        holder_mention = at.get(holder.i)
        own = {t.i for t in noun.subtree}  # "B, A's spokesman": A qualifies the title, B holds it
        for i in range(noun.i - 1, holder.i, -1):
            mention = at.get(i)
            if mention is not None and mention != holder_mention and i not in own and self.ctx.type_of(mention) == P:
                return noun.doc[i]
        return holder

    def _name_after(self, noun: Token) -> Token | None:
        """The person named right after a title and its complement ("CEO and co-founder Jane Roe",
        "former CEO of Acme Jane Roe"), read on the surface where the parser left the name elsewhere."""
        doc, at = self.ctx.doc, self.ctx.mention_at
        i = noun.i + 1
        limit = min(len(doc), noun.i + 12)
        own = at.get(noun.i)  # a description ("le jeune patron de X") is no name after itself
        while i < limit:
            token = doc[i]
            mention = at.get(i)
            if mention is not None and mention != own:
                if token.pos_ == "PRON":
                    return None  # "le CTO de X nous a aidés": a pronoun after the title is the verb's, not a name
                if self.ctx.type_of(mention) == P:
                    return token
                if self.ctx.type_of(mention) not in (O, ANY):
                    return None
                while i + 1 < limit and at.get(i + 1) == mention:
                    i += 1  # an organization inside the title: "CEO of Acme Jane Roe"
            elif not (token.lower_ in _TITLE_GLUE or lemma(token) in _TITLE_NOUNS
                      or (token.text == "," and noun.i == noun.sent.start)  # "Cofondateurs de X, A et B lancent"
                      or (token.pos_ in ("ADJ", "NOUN") and token.is_lower and token.dep_ in ("amod", "compound", "conj"))):
                return None
            i += 1
        return None

    def _organizations_of(self, noun: Token, types: tuple[str, ...]) -> list[int]:
        """The organizations a role noun is of: "of/de/chez/at X", "X's", "X CEO", a possessive pronoun."""
        found: list[int] = []
        candidates: list[Token] = []
        heads = [noun.head] if noun.dep_ == "conj" and lemma(noun.head) in _TITLE_NOUNS else []
        if noun.dep_ in ("nmod", "pobj") and lemma(noun.head if noun.dep_ == "nmod" else noun.head.head) in FRAME_NOUNS:
            heads.append(noun.head if noun.dep_ == "nmod" else noun.head.head)  # "le statut de PDG de X": X on the frame
        roles = [c for c in _conjuncts(noun) if lemma(c) in _TITLE_OR_INVESTOR_NOUNS
                 or (c.i > 0 and c.doc[c.i - 1].text == "-")]  # "directeur-général" split at its hyphen
        for group in [noun] + roles + heads:
            for prep, complement in _prep_objects(group):
                if prep in ("of", "at", "for", "de", "d'", "du", "des", "chez", "in", "dans", "au", "à", "auprès", "with",
                            "within", "from"):
                    candidates.append(complement)
        if not candidates:  # "directrice des divisions X chez Acme": an "at/chez" deeper in the title
            candidates += [t for t in noun.subtree if t.i > noun.i and t.i in self.ctx.mention_at and _case(t) in ("chez", "at")]
        if not candidates and O in types and noun.dep_ in APPOSITION and noun.head.i in self.ctx.mention_at:
            # "Jean Morel, CEO Brimco": a title in apposition to its holder, the name glued after it is the employer
            glued = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
            if glued is not None and glued.head.i == noun.i and glued.i in self.ctx.mention_at and not _case(glued) \
                    and glued.dep_ in ("flat:name", "flat", "nmod", "appos", "compound"):
                candidates.append(glued)
        relative = noun.head if noun.dep_ in ("relcl", "acl:relcl") else None
        if relative is None and any(c.lower_ in ("dont", "whose") for c in noun.children):
            relative = noun.head  # "Acme, dont Jane Roe est directrice générale"
        dont = next((c for c in [*noun.children, *noun.head.children] if c.lower_ in ("dont", "whose")), None)
        if relative is None and dont is not None:  # "A et B, dont il est devenu actionnaire": the name before "dont"
            before = dont.i - 1 - (dont.i >= 2 and dont.doc[dont.i - 1].text == ",")
            if before >= 0 and before in self.ctx.mention_at:
                relative = dont.doc[before]
                while relative.dep_ == "conj" and relative.head.i in self.ctx.mention_at:
                    relative = relative.head  # the list's head, so every item of it is read
        if relative is not None and (dont is not None or any(c.lower_ in ("dont", "whose") for c in noun.subtree)):
            candidates.append(relative)
        at = self.ctx.mention_at
        for token in candidates:
            # a complement the parser made a person ("CEO of Acme Jane Roe, B, C") heads no list of employers,
            # and the organization named before that person is the employer
            person = token.i in at and self.ctx.type_of(at[token.i]) == P
            if person and P not in types:
                found += list(dict.fromkeys(
                    at[c.i] for c in token.children if c.dep_ == "compound" and c.i in at and at[c.i] != at[token.i]
                    and self.ctx.type_of(at[c.i]) in (*types, ANY) and at[c.i] not in found))
            found += [m for m in self.typed([token], *types, expand=not person) if m not in found]
        # a name or possessive right before the title: "Acme CEO Jane Roe", "Acme's founder", "its CTO"
        before = self._name_before(noun)
        if before is not None and before not in found and self.ctx.type_of(before) in (*types, ANY):
            found += [before, *(m for m in self.ctx.also.get(before, ()) if m not in found)]  # "nos": each narrator
        return found

    def _name_before(self, noun: Token) -> int | None:
        """The mention ending right before the title's first word (skipping "'s", "co-", adjectives)."""
        doc, at = self.ctx.doc, self.ctx.mention_at
        i = noun.i - 1
        possessive = False  # "Acme’ founder", "Acme's CEO": the surface says whose title it is, whatever the tree
        while i >= 0 and i not in at and (doc[i].lower_ in ("'s", "’s", "'", "’", "-", "co", "ex", "former", "ancien",
                                                            "ancienne", "then") or doc[i].lower_ in TITLE_WORDS
                                          or (doc[i].dep_ in ("amod", "compound") and doc[i].head.i == noun.i and not doc[i].text[:1].isupper())
                                          or (doc[i].lower_ in ("and", "&", "et") and i >= 1  # "X Founder and CEO A"
                                              and lemma(doc[i - 1]) in _TITLE_NOUNS)
                                          or (lemma(doc[i]) in _TITLE_NOUNS and i + 1 < noun.i
                                              and doc[i + 1].lower_ in ("and", "&", "et"))):
            possessive = possessive or doc[i].lower_ in ("'s", "’s", "'", "’")
            i -= 1
        if i < 0 or i not in at:
            return None
        token = doc[i]
        if not (possessive or token.head.i == noun.i or token.head.head.i == noun.i
                or token.dep_ in ("poss", "nmod:poss", "compound") or noun.dep_ == "compound"):
            return None
        return at[i]


class _Emitter:
    def __init__(self, out: list[Reading], trigger: Token):
        self.out, self.trigger = out, trigger

    def pairs(self, kind: str, sources: list[int], targets: list[int], props: dict, confidence: float, rule: str) -> None:
        for source in sources:
            for target in targets:
                if source != target:
                    self.out.append(Reading(kind, source, target, self.trigger, dict(props), confidence, rule))


def _qualifies(node: Token) -> bool:
    """Whether ``node`` is the complement of a role or founder noun ("CEO of X", "fondateur de X")."""
    governor = node.head.head if node.dep_ == "pobj" else node.head
    return lemma(governor) in _TITLE_NOUNS


def _raise_above(token: Token) -> Token | None:
    """The raise verb whose clause holds ``token`` ("raised $5M in a round led by A" for "led" or "round")."""
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if lemma(node) in VERB_TRIGGERS["RAISE"] and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _role_core(word: str) -> str:
    """The role noun inside a prefixed or hyphenated title: "co-présidente" -> "présidente",
    "directeur-général" -> "directeur", "vice-president" -> "president"."""
    for prefix in ("co-", "co", "vice-", "ex-", "sous-", "deputy-"):
        if word.startswith(prefix) and word[len(prefix):] in ROLE_NOUNS:
            return word[len(prefix):]
    return word.split("-")[0]


def _role_siblings(noun: Token) -> list[Token]:
    """Role nouns after ``noun`` that describe the same holder ("cofondateur et ancien PDG de X")."""
    if noun.dep_ not in ("appos", "conj"):
        return [t for t in _conjuncts(noun) if t.i > noun.i]
    holder = noun.head
    return sorted((c for c in holder.children if c.dep_ in ("appos", "conj") and c.i > noun.i and c.i - noun.i <= 6),
                  key=lambda t: t.i) + [t for t in _conjuncts(noun) if t.i > noun.i]


def _list_conjuncts(token: Token) -> list[Token]:
    """The conjuncts of a name in one list: "A, B et C"; a list cut by ";" or by a conjunct's own
    parenthesis or apposition ("A (CEO of X); B (...)") stops there."""
    out: list[Token] = []
    doc = token.doc
    for conj in sorted(_conjuncts(token), key=lambda t: t.i):
        low, high = sorted((token.i, conj.i))
        if any(t.text in (";", "(", ")", "—", "–") for t in doc[low:high]):
            continue
        out.append(conj)
    return out


def _conjuncts(token: Token) -> Iterable[Token]:
    try:
        return token.conjuncts
    except (AttributeError, ValueError):
        return ()


def _is_former(noun: Token) -> bool:
    doc = noun.doc
    for child in noun.children:
        if child.lower_ in _FORMER or child.lower_.startswith("ex-"):
            return True
    left = doc[max(noun.left_edge.i, noun.i - 4):noun.i]
    return any(t.lower_ in _FORMER or t.lower_.startswith("ex-") for t in left) or (
        noun.i >= 1 and doc[noun.i - 1].text == "-" and noun.i >= 2 and doc[noun.i - 2].lower_ == "ex")


_ROLE_DEPS = {"compound", "amod", "nmod", "flat", "conj", "cc", "punct", "prep", "pobj", "case", "fixed"}


def _role_text(noun: Token) -> str:
    """The role as written: the noun with its title words ("chief technology officer", "directeur général")."""
    doc = noun.doc
    start = noun.i
    while start > 0 and doc[start - 1].head.i in range(start, noun.i + 1) and doc[start - 1].dep_ in (
            "compound", "amod") and doc[start - 1].ent_type_ not in ("ORG", "PERSON", "PER", "GPE", "LOC") and \
            doc[start - 1].lower_ not in _FORMER and not doc[start - 1].text[:1].isupper() or (
            start > 0 and doc[start - 1].text == "-" and start > 1 and doc[start - 2].lower_ == "co"):
        start -= 1
    end = noun.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2  # "directeur-général", split at the hyphen by the tokenizer
    while end < len(doc) and doc[end].head.i == noun.i and doc[end].dep_ in ("amod",) and doc[end].pos_ == "ADJ":
        end += 1
    words = doc[start:end].text.strip(" ,-")
    return words if words and not re.fullmatch(r"\W*", words) else noun.text


def _props(role: str, former: bool) -> dict[str, Any]:
    props: dict[str, Any] = {"role": role} if role else {}
    if former:
        props["former"] = True
    return props


def _clause_text(verb: Token) -> str:
    """The words of the trigger's own clause (its subtree, without the clauses it embeds)."""
    doc = verb.doc
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis", "advcl") or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            skip.update(t.i for t in child.subtree)
    return " ".join(t.text for t in doc[verb.left_edge.i:verb.right_edge.i + 1] if t.i not in skip)


def _near_money(verb: Token) -> bool:
    return bool(money_props(_clause_text(verb)).get("amount"))


def read_relations(context: Context, sentences: Iterable[Span]) -> list[Reading]:
    """Every relation the parse of these sentences states between the context's mentions."""
    reader = Reader(context)
    found: list[Reading] = []
    for sentence in sentences:
        found += reader.read(sentence)
    return found


def raiser_finder(context: Context) -> Callable[[Token], int | None]:
    """For a round named without its owner: the organization that last raised money before that token
    (subject of a raise verb), else the organization the article names most often."""
    reader = Reader(context)
    raises: list[tuple[int, int]] = []  # token index, mention
    counts: dict[object, int] = {}  # entity -> how many times the article names it
    first: dict[object, int] = {}  # entity -> its first mention
    for token in doc_tokens(context.doc):
        mention = context.mention_at.get(token.i)
        if mention is not None and context.type_of(mention) == O and (token.i == 0 or context.mention_at.get(token.i - 1) != mention):
            key = context.key_of(mention)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, mention)
        if lemma(token) in VERB_TRIGGERS["RAISE"] and token.pos_ in ("VERB", "AUX"):
            for owner in reader.typed(Arguments(token).actors, O):
                raises.append((token.i, owner))
    main = first[max(counts, key=lambda k: counts[k])] if counts else None

    sentence_of = {}
    for number, sentence in enumerate(context.doc.sents):
        sentence_of[sentence.start] = number

    def find(token: Token, recent: bool = False) -> int | None:
        """``recent``: only a raise of this sentence or the two before ("A is also participating")."""
        sentence_end = token.sent.end
        before = [(position, mention) for position, mention in raises if position < sentence_end]
        if recent:
            here = sentence_of.get(token.sent.start, 0)
            before = [(p, m) for p, m in before if here - sentence_of.get(context.doc[p].sent.start, 0) <= 2]
            return before[-1][1] if before else None
        return before[-1][1] if before else main

    return find


def slot_votes(doc: Doc, mention_at: dict[int, int], sentences: Iterable[Span]) -> dict[int, dict[str, float]]:
    """Typing evidence from the parse: each mention votes for the type of every trigger slot it fills
    ("founder of X", "X acquired Y", "invested in X" -> Organization; the founder, the hire -> Person)."""
    sentences = list(sentences)  # read twice below: a generator such as ``doc.sents`` would be spent after once
    placed = {index for i, index in mention_at.items() if doc[i].ent_type_ in NOT_PARTIES}
    slots = {i: m for i, m in mention_at.items() if m not in placed}
    for token in doc_tokens(doc):  # "the venture firm invested in X": a described company fills a slot too (no vote of its own)
        if token.i not in slots and token.pos_ == "NOUN" and lemma(token) in _DESCRIBED_COMPANY_NOUNS and any(
                c.dep_ == "det" and c.lower_ in _DESCRIBING_DETERMINERS for c in token.children) and not any(
                t.pos_ == "PROPN" or t.i in slots for t in token.subtree if t.i != token.i) and not (
                token.i + 1 < len(doc) and (doc[token.i + 1].pos_ == "PROPN" or token.i + 1 in slots)):
            # ("la startup Brimco", "l'entreprise, baptisée Brimco" name their company: that name fills the slot)
            slots[token.i] = -1 - token.i
        elif token.i not in slots and token.lower_ in _SUBJECT_PRONOUNS and token.dep_ in SUBJECT | PASSIVE_SUBJECT:
            slots[token.i] = -1 - token.i  # "je suis parti pour créer X", "he founded X": X fills the other slot
    context = Context(doc=doc, mention_at=slots, type_of=lambda index: ANY)
    votes: dict[int, dict[str, float]] = {}
    seen: set[tuple[int, int, str]] = set()
    for reading in read_relations(context, sentences):
        for mention, kind in zip((reading.source, reading.target), SLOT_TYPES[reading.type]):
            if kind is not None and mention >= 0 and (mention, reading.trigger.i, kind) not in seen:  # once a trigger
                seen.add((mention, reading.trigger.i, kind))
                slot = votes.setdefault(mention, {})
                slot[kind] = slot.get(kind, 0.0) + SLOT_VOTE
    reader = Reader(context)
    tokens = doc_tokens(doc)
    for sentence in sentences:
        for token in tokens[sentence.start:sentence.end]:
            owners: list[int] = []
            pos, word = token.pos_, lemma(token)
            if word in VERB_TRIGGERS["RAISE"] and pos in ("VERB", "AUX") and _near_money(token):
                owners = reader.typed(Arguments(token).actors, O)  # "X raised $5M": X is an organization
            elif word in _FOUNDED_OR_BOUGHT and pos == "VERB" and _is_passive(token):
                owners = reader.typed(Arguments(token).patients, O)  # "X a été fondée en 2012", "X was acquired"
            elif pos == "NOUN" and word in KIND_NOUNS and token.dep_ in APPOSITION | {"attr"}:
                head = token.head  # "X, an enterprise app", "X est une start-up"
                owners = reader.typed([head] if token.dep_ in APPOSITION else Arguments(head).actors, O, expand=False)
            elif pos == "NOUN" and word in KIND_NOUNS and any(c.dep_ == "cop" for c in token.children):
                owners = reader.typed([c for c in token.children if c.dep_ in SUBJECT], O, expand=False)
            for mention in owners:
                if (mention, token.i, O) not in seen:
                    seen.add((mention, token.i, O))
                    slot = votes.setdefault(mention, {})
                    slot[O] = slot.get(O, 0.0) + SLOT_VOTE
    return votes


def _named_after_comma(patient: Token) -> Token | None:
    """"a créé un nouveau groupe, Velar Media, en 2019": the name after a company noun's comma, which the parser
    hung on the verb, is the object it describes."""
    if patient.pos_ != "NOUN" or lemma(patient) not in COMPANY_NOUNS:
        return None
    comma = patient.right_edge.i + 1
    doc = patient.doc
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    name = doc[comma + 1]
    capitalized = name.pos_ in ("PROPN", "X") or name.text[:1].isupper()  # "Velar Corporation": tagged X, NOUN
    return name if capitalized and name.head.i == patient.head.i and name.dep_ not in SUBJECT | OBJECT else None


def _respectively(noun: Token) -> bool:
    """"A and B, respectively CEOs of X and Y", "respectivement PDG de X et Y": the lists pair in order."""
    return any(c.lower_ in ("respectively", "respectivement") for c in noun.children)


def _stake_holdings(args: Arguments) -> list[Token]:
    """What a stake or a share of the capital is held in: "20 % de X", "une participation dans X", "a stake in X"."""
    stakes = [t for t in args.patients if lemma(t) in STAKE_NOUNS or t.text in ("%", "pourcent", "percent")
              or lemma(t) in ("pourcent", "percent")]
    return [c for t in stakes for p, c in _prep_objects(t) if p in ("de", "d'", "du", "of", "in", "dans", "au")]


def _through(word: Token) -> list[Token]:
    """What one went through ("passé par X", "par X et Y"): "par" complements, the parser's agents included."""
    return [c for p, c in _prep_objects(word) if p == "par"] + [
        c for c in word.children if c.dep_ in AGENT and _case(c) == "par"]


#: Spans of time one spends somewhere ("five years at X", "dix ans chez X").
_SPANS_OF_TIME = frozenset({"year", "month", "decade", "week", "an", "année", "mois", "décennie", "semaine"})
#: Verbs whose passive subject is a company even when no founder or buyer is named (not "launched",
#: "created", "bought": products are too).
_FOUNDED_OR_BOUGHT = frozenset({"found", "cofound", "establish", "incorporate", "fonder", "cofonder", "acquire",
                                "absorb", "racheter", "acquérir", "absorber", "revendre", "céder"})


def slot_candidates(doc: Doc, mention_at: dict[int, int]) -> list[Mention]:
    """Proper-noun runs no mention covers ("fondateur d'Orvéla", "analyst at eVora"), as untyped
    candidates: the caller keeps those that fill a trigger slot (:func:`slot_votes`)."""
    out: list[Mention] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(doc):
        token = tokens[i]
        if i in mention_at or not _candidate_token(token):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in mention_at and tokens[j].pos_ == "PROPN" and _candidate_token(tokens[j]):
            j += 1
        span = doc[i:j]
        if not (len(span) == 1 and span[0].is_stop):
            out.append(Mention(text=span.text, type=None, start=span.start_char, end=span.end_char, sentence=0,
                               label=_COARSE.get(span[0].ent_type_, ""), source="candidate"))
        i = j
    return out


def _candidate_token(token: Token) -> bool:
    """A proper noun, or a capitalized word the tagger misread, that is no role title, place or number."""
    if token.pos_ != "PROPN" and not token.text[:1].isupper():
        return False  # (most words: what follows would say no at its end, after costlier tests)
    if token.ent_type_ in NOT_PARTIES or not token.text[:1].isalnum() or lemma(token) in _TITLE_NOUNS:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ in TITLE_MODIFIERS and following is not None and (
            lemma(following) in _TITLE_NOUNS or following.lower_ in TITLE_MODIFIERS):
        return False  # "Chief Financial Officer": the words of a title ("Velar Motors" stays a name)
    if token.lower_ in ("co", "ex") and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-":
        return False  # "Co-founder", "Ex-CEO" split by the tokenizer
    if token.pos_ == "PROPN":  # a common noun the tagger took for a name ("la start-up") is none
        return not (token.text.islower() and token.lower_ in COMPANY_NOUNS | KIND_NOUNS)
    return token.text[:1].isupper() and token.is_alpha and not token.is_stop and (
        _stray_subject(token.head) is not None and _stray_subject(token.head).i == token.i)


_COARSE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "MISC": "MISC"}
