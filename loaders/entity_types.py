"""Entity typing by votes: NER labels, name suffixes, the words around each mention, coordination.

NER alone mistypes short company names as people ("X racheté par Y" with X
tagged PER). Each mention casts weighted votes for Person, Organization or
Place from its NER label, its last word (Ventures, Capital, SAS...), its
left context ("chez X", "fondateur de X", "racheté par X", "CEO d'X"), its
right context ("X's founder", "X compte 40 salariés", "X, expert digital"),
and the model's word vectors; all mentions sharing a key add up their votes,
and the winner types every one of them. Names with no Person/Organization
vote (places, untyped candidates) get type None and are not entities.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict

import numpy as np
from spacy.tokens import Doc
from spacy.vocab import Vocab

from graph.model import ORGANIZATION, PERSON, entity_key
from loaders.lexicon import (DEPARTMENT_WORDS, FORMER_WORDS, GENERIC_ACRONYMS, NAME_PARTICLES, ORG_CUE_NOUNS,
                             ORG_DESCRIPTOR_NOUNS, ORG_SUFFIXES, PERSON_TITLES, ROLE_WORDS, SPEECH_VERBS, WEB_ENDINGS)
from loaders.first_names import is_given_name
from loaders.mentions import Mention

logger = logging.getLogger(__name__)

PLACE = "Place"
#: A thing a company makes or sells ("a product called X"): like a place, it keeps a name from being an entity.
PRODUCT = "Product"
_LABEL_VOTES = {"PER": (PERSON, 2.0), "ORG": (ORGANIZATION, 2.0), "MISC": (ORGANIZATION, 0.0), "LOC": (PLACE, 2.0)}
_CUE = 3.0
#: Small words inside people's names ("Charles de Gaulle", "Mohammed bin Salman"): the particles and a few more.
_IN_NAMES = NAME_PARTICLES | {"des", "d'", "d’", "la", "le", "bin", "ben", "al", "y", "e", "zu"}
#: A name opening with a known given name ("Jeanne Roe"): stronger than one context cue.
_GIVEN_NAME = 3.5
#: The most a one-word name's PER tags weigh together, however often the article writes it.
_LONE_PERSON_TAGS = 2.0
#: The most a name's NER labels weigh together, however often the article writes it.
_LABEL_CEILING = 4.0
#: Words that link a descriptor to something else than the name that follows ("la startup de X").
_LINKS = (r"(?:de|du|des|d|l|of|by|par|for|pour|with|avec|chez|at|à|au|and|et|en|in|dont|qui|which|who|that|"
          r"founded|fondée?|led|menée?|dirigée?|créée?|run|owned|détenue?)")
_ORG_LEFT = re.compile(
    rf"(?:\bchez|\bde chez|\bracheté(?:e|s|es)? par|\bacquise? par|\bacquired by|\bbought by|\brachat d[e']|"
    rf"\bacquisition of|\bvendu(?:e|s)?|\bsold|\ba racheté|\bacquiert|\bacquired|\b(?:{ROLE_WORDS})s?(?:\s+[\w-]+){{0,3}}?\s+(?:de|du|d['’]|of|at|pour|for|chez)|"
    rf"\b(?:la|cette|sa|the) (?:startup|start-up|jeune pousse|société|entreprise|plateforme|plate-forme|application|"
    rf"banque|marque|company|firm|platform|app)|\bl['’](?:entreprise|application|appli)|\bfonds|\bjoined|"
    rf"\ba rejoint|\brejoint|\binvesti(?:t)? dans|\binvested in|\bbacked by|\bsoutenue? par|\bfinancée? par|"
    rf"\b(?:plate-forme|plateforme|application|applications|applis?|apps?|outils?|tools?|sites?) (?:comme|like|such as)|"
    rf"\bpartner at|\bwork(?:s|ed|ing)? (?:together )?(?:at|for)|\bparticipation (?:from|of|de|d['’])|\baux côtés d(?:e|u|['’])|"
    rf"\balongside|\b(?:au|du|le) capital d(?:e|u|['’])|"
    rf"\b(?:re)?(?:vendue?s?|cédée?s?)\b[^.;]{{0,50}}?\bà|\b(?:re)?sold\b[^.;]{{0,50}}?\bto|"
    rf"\b(?:customers|clients|rivals|competitors|concurrents|companies|entreprises|sociétés|brands|marques|"
    rf"retailers|enseignes)\b[^.;()]{{0,40}}?\b(?:including|such as|like|namely|dont|comme|notamment|"
    rf"parmi lesquell?es)\s*[:,]?|\b(?:years?|decade|months|ans|années|mois)\s+(?:passée?s?\s+)?(?:at|chez)|"
    rf"\b(?:approchée?|approached|courted|courtisée?)\s+par|\bapproached by|"
    rf"\b(?:offer|bid|offre|proposition)\s+(?:de rachat\s+)?(?:from|de|d['’])|\btakeover target for|\b(?:lev\w+|raised|raises)[^.;]{{0,60}}(?:auprès d['’]|auprès de|from)|\btravaille (?:chez|pour)|\bstartup|\bstart-up|"
    rf"\b(?:investi|invested|injecté)\b[^.;]{{0,40}}\b(?:dans|in|into)|"
    rf"\b(?:co-?fondé|fondé|cofondé|créé|lancé|(?:co-?)?founded|launched|started|levé des fonds pour)|"
    rf"\b(?:a racheté|rachète|a acquis|acquiert|acquired|bought|acquires|buys|a cédé|cède|cédé|sells|a vendu)|"
    rf"\b(?:round|tour de table|levée de fonds|levée|funding)(?:\s+[^\s.;]+){{0,4}}?\s+(?:de|d['’]|in|of|for)|"
    rf"\b(?:{ORG_DESCRIPTOR_NOUNS})(?:\s+(?!{_LINKS}\b)[\w’'-]+){{0,2}}\s*[,:]?\s*[\"“«]?|"
    rf"\b(?:to (?:acquire|buy)|racheter|acquérir|de racheter)|\b(?:rachat|acquisition|reprise)\s+d[eu']\s*\S+\s+par|"
    rf"\b(?:acquisition|purchase|takeover) of\s+\S+(?:\s+\S+){{0,3}}?\s+by)\s*$",
    re.IGNORECASE,
)
#: ``_ORG_LEFT`` tried at word starts only: every one of its alternatives opens with ``\b`` and a letter, so it
#: finds the same matches; ``re`` would otherwise try each of the ~50 alternatives at every word boundary.
_ORG_LEFT_AT_WORDS = re.compile(r"(?<!\w)(?=\w)" + _ORG_LEFT.pattern, _ORG_LEFT.flags)
#: "Jeanne Dubois, de X" / "Jeanne Dubois d'X": X is where the person comes from, mostly an organization.
_AFFILIATION_LEFT = re.compile(r"\b[A-ZÉ][\w-]+\s*,?\s*(?:de|d['’]|from)\s*$")
#: "Jeanne Dubois de X", "Ann Roe of X": after a person's full name, X is her organization.
_PERSON_AFFILIATION_LEFT = re.compile(r"\b([A-ZÀ-Ý][\w'’-]+)\s+[A-ZÀ-Ý][\w'’-]+\s*,?\s*(?:de|d['’]|of|from)\s*$")
_ORG_LEFT_WEAK_WORDS = "sur|via|on"
_ORG_LEFT_WEAK = re.compile(rf"\b(?:{_ORG_LEFT_WEAK_WORDS})\s*$", re.IGNORECASE)
_ORG_RIGHT = re.compile(
    rf"^\s*(?:['’]s\s+(?:co-?founder|founder|ceo|cto|board|investors?|acquisition)|,?\s*(?:qui\s+)?(?:a|avait|ont)\s+"
    rf"(?:levé|été rachetée?|racheté|acquis)|\s*rachet\w+|\s*acquis\w*|\s*raised|\s*was acquired|"
    rf"\s*(?:compte|comptait|a|avait|emploie|employait|revendique|has|had|employs)\s+"
    rf"(?!(?:left|quit|joined|rejoint|quitté|founded|fondé|built|sold|started|run|led|dirigé)\b)(?:[^\s'’]+(?:\s+|['’])){{0,6}}?"
    rf"(?:{ORG_CUE_NOUNS}|utilisat\w*|client\w*|employ\w*|salarié\w*)|"
    rf"\s*(?:est|était|n['’]était pas|n['’]est pas|is|was|isn['’]t|wasn['’]t)\s+(?:\w+\s+)?(?:un|une|a|an|la|le)\s+"
    rf"(?:\w+\s+)?(?:{ORG_CUE_NOUNS})\b|"
    rf",?\s*(?:qui a été\s+|was\s+)?(?:co-?fondée?|fondée?|créée?|lancée?|(?:co-?)?founded|launched|started)\s+(?:en \d{{4}}\s+|in \d{{4}}\s+)?(?:par|by)\b|"
    rf"\s*(?:a racheté|rachète|a acquis|acquiert|acquired|acquires|bought|has acquired|a levé|lève|raised|raises|has raised)\b|"
    rf"\s*(?:has |have |had )?(?:closed|secured|a bouclé|boucle|vient de boucler|annonce)\s+(?:[^.;]{{0,30}}?)"
    rf"\b(?:round|tour|levée|funding|financement)\b|"
    rf",?\s*(?:backed by|soutenue? par|financée? par|funded by|rachetée? par|acquired by)\b|"
    rf",?\s*which\b|\s*(?:will|could|would|might|pourrait|va|allait)\s+(?:buy|acquire|racheter|acquérir)\b|"
    rf",\s*(?:(?:the|a|an|la|le|une?|l['’]|its|sa|son)\s*)?(?:(?!{_LINKS}\b)[\w’'-]+\s+){{0,3}}?(?:{ORG_DESCRIPTOR_NOUNS})\b(?!['’]s)"
    rf"(?:\s+[\w’'-]+){{0,2}}?(?=\s*(?:[,;.]|$|\b(?:founded|fondée?|created|créée?|based|basée?|spécialisée?|specialized|"
    rf"qui|which|that|dont|née?|lancée?|launched|backed|soutenue?)\b))|"
    rf",?\s*(?:qui\s+)?(?:a|avait|has|had)\s+(?:déjà|already|also|aussi|récemment|recently)\s+"
    rf"(?:levé|racheté|acquis|raised|acquired|bought)\b|\s*(?:(?-i:[a-z]+(?:al|ic|ior|ive|ary|ant|ent|ing)|former|deputy|chief|top|new)\s+)?(?:ceo|cto|coo|cfo|cmo|cpo|founder|co-founder|cofounder|boss|chief executive|partner|president|chairman|"
    rf"chairwoman|vice president|vp|svp|evp|spokesman|spokeswoman|spokesperson|general counsel|attorney|lawyer|"
    rf"correspondent|reporter|editor|analyst|economist|official|director|manager|executive|counsel|professor|"
    rf"administrator|leader)"
    rf"(?:\s+of(?:\s+(?-i:[A-Z])[\w&-]*){{1,3}})?\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: A head's title in apposition right after a name.
_HEAD_TITLE_RIGHT = re.compile(
    r"^\s*,\s*(?:(?:le|la|l['’]|the|its|son|sa)\s*)?(?:ceo|pdg|président(?:e)?|directeur général|directrice générale|"
    r"(?:co-?)?fondat(?:eur|rice)|(?:co-?)?founder|chief executive|patron(?:ne)?)\b", re.IGNORECASE)
#: A person's name (a given name, a surname) right before an opening parenthesis.
_PERSON_THEN_PARENTHESIS = re.compile(r"\b([A-ZÀ-Ý][\w'’-]+)\s+[A-ZÀ-Ý][\w'’-]+\s*\(\s*$")
_PERSON_RIGHT = re.compile(
    rf"^\s*(?:,\s*(?:(?:{FORMER_WORDS})\s*)?|(?:{FORMER_WORDS})\s*)(?:le |la |l['’]|the |un |une |a |an |notre |our )?"
    rf"(?:un(?:e)? des (?:\w+ )?|one of (?:the|its|their) (?:\w+ )?)?(?:{ROLE_WORDS})\b"  # "l'un des deux fondateurs"
    rf"|^\s*,\s*\d{{2}} ans\b|^\s*,\s*(?:aged )?\d{{2}}\b|^\s*(?:{SPEECH_VERBS})\b"
    rf"|^\s*(?:a |has |had )?(?:co-?fondé|fondé|cofondé|(?:co-?)?founded|met|a rencontré|joined|a rejoint|mentored|"
    rf"a conseillé|was mentored|a été conseillée?|worked|a travaillé|travaille)\b",
    re.IGNORECASE,
)
_PERSON_LEFT_WORDS = "selon|according to|raconte|explique|says|said"
_PERSON_LEFT = re.compile(rf"(?:\b(?:{_PERSON_LEFT_WORDS})|(?:{SPEECH_VERBS}))\s*$", re.IGNORECASE)
_PERSON_LEFT_STRONG = re.compile(
    r"\b(?:met|a rencontré|ai rencontré|rencontre|worked with|travaillé avec|mentored|advised|a conseillé|coached|"
    r"introduced to|présentée? à|mentored by|advised by|coached by|"
    r"(?:co-?fondée?|fondée?|créée?|lancée?|(?:co-?)?founded|started|launched|created)\s+(?:(?:en|in)\s+\d{4}\s+)?(?:par|by)"
    r"(?:\s+[a-zà-ÿ][\w-]*){0,4}|"
    r"conseillée? par|coachée? par|(?:the )?advice of|conseils? de|mentor,?|tombée? sur|"
    r"['’]s\s+(?:co-?founder|founder|ceo|cto|boss|chief executive),?|"
    r"\b(?:ceo|cto|coo|cfo|pdg|co-?founder|cofounder|founder|co-?fondat\w+|fondat\w+|partner|associée?|"
    r"entrepreneur\w*|business angel|angel investor|officers?|siblings|roommate|journaliste|journalist|"
    r"reporter|professor|professeure?|analyste?|directeur|directrice|président\w*|president|chairman|chairwoman))\s*$",
    re.IGNORECASE,
)
#: Words around a place name ("Lyon-based", "headquartered in Lyon", "installée à Lyon").
_PLACE_RIGHT = re.compile(r"^-(?:based|born|headquartered)\b", re.IGNORECASE)
_PLACE_LEFT_WORDS = ("based in|headquartered in|born in|basée?s? à|installée?s? à|située?s? à|implantée?s? à|"
                     "née? à")
_PLACE_LEFT = re.compile(rf"\b(?:{_PLACE_LEFT_WORDS})\s*$", re.IGNORECASE)
#: A product's name: "a product called X", "un produit baptisé X", "products including X and Y".
_PRODUCT_LEFT = re.compile(
    r"\b(?:products?|produits?|features?|fonctionnalités?|gadgets?|devices?|appareils?)\b(?:"
    r",?\s+(?:called|named|dubbed|appelée?s?|nommée?s?|baptisée?s?)\s*[\"“«]?\s*$|"
    r"[^.;:()]{0,40}\b(?:including|such as|like|comme|dont|notamment|parmi lesquels)\b[^.;:()]{0,40}$)",
    re.IGNORECASE)


def _widest(alternation: str) -> int:
    """How many characters an alternation of words matches at most ("a|bc" -> 2): the longest alternative as
    written, a bound for alternatives made of letters, spaces and optional letters ("née?")."""
    return max(len(word) for word in alternation.split("|"))


#: How far before the end of the left context the end-anchored cues above can start (see :func:`_ends_with`).
_ORG_LEFT_WEAK_REACH = _widest(_ORG_LEFT_WEAK_WORDS)
_PERSON_LEFT_REACH = max(_widest(_PERSON_LEFT_WORDS), _widest(SPEECH_VERBS))
_PLACE_LEFT_REACH = _widest(_PLACE_LEFT_WORDS)


def _ends_with(cue: re.Pattern, reach: int, text: str) -> bool:
    """``cue.search(text)`` for a cue ``(?:words)\\s*$`` whose words span at most ``reach`` characters: a match
    ends in the text's trailing spaces, so it starts at most ``reach`` characters before the last non-space;
    the search starts there instead of trying every position (``pos`` keeps the character before it in view
    of ``\\b``)."""
    return cue.search(text, max(0, len(text.rstrip()) - reach)) is not None


#: A name right after a noun's "de/of": what follows the name is said of that noun, not of the name.
_COMPLEMENT_LEFT = re.compile(r"\b[a-zà-ÿ][\w-]+\s+(?:de|du|des|d['’]|of)\s*$", re.IGNORECASE)
_COORDINATION = re.compile(r"^\s*(?:(?:en|in|dès|since)\s+\d{4}\s*)?(?:,(?:\s*(?:et|and|ou|or)\b)?|et|and|ou|or|&)\s*(?:à|de|d['’]|chez|at|in)?\s*$",
                           re.IGNORECASE)
#: Characters between two coordinated names at most ("A, B", " et d'"; a long run of spaces is no list).
_GAP_LIMIT = 40
_ORG_PROTOTYPES = ("entreprise", "société", "application", "startup", "site", "plateforme", "université", "logiciel")
_PLACE_PROTOTYPES = ("ville", "pays", "région", "capitale", "quartier", "vallée", "État")
_VECTOR_MARGIN = 0.2
#: Sentences that make a text an article rather than a snippet: room enough to introduce people by their full names.
_ARTICLE_SENTENCES = 4
#: Votes a name needs when NER gave it no PER/ORG label (products, places and headings get one weak cue).
_MIN_UNLABELLED = 2.0
_ROUND_NAME = re.compile(r"^(?:Series|Série|Serie|Round|Tour)\s+[A-H]\d?\+?$|^(?:Seed|Pre-Seed|Pré-amorçage|Amorçage)$",
                         re.IGNORECASE)

#: An event's name ("Salon de Lyon", "Velar Summit", "Festival de Quimper"): a trade show or a conference, no entity.
_EVENT_NAME = re.compile(r"^(?:Salon|Festival|Sommet|Foire)\s+(?:d[eu']|des|international|mondial)|"
                         r"\s(?:Summit|Conference|Conférence|Festival|Expo|Awards|Hackathon)$")


Prototype = tuple[np.ndarray, np.floating]  # a word's vector and its norm (never 0)
#: Prototype vectors per vocab and word list ((id of the vocab, words) -> the vocab, the shape of its vectors,
#: the prototypes): they depend on the model alone, not on the doc or the mention.
_PROTOTYPES: dict[tuple[int, tuple[str, ...]], tuple[Vocab, tuple[int, ...], list[Prototype]]] = {}


def _prototype_vectors(vocab: Vocab, words: tuple[str, ...]) -> list[Prototype]:
    """The vectors of ``words`` the model has, with their norms (zero vectors left out)."""
    vectors = [vocab[w].vector for w in words if vocab[w].has_vector]
    return [(vector, norm) for vector, norm in ((v, np.linalg.norm(v)) for v in vectors) if norm]


def _prototypes(vocab: Vocab, words: tuple[str, ...]) -> list[Prototype]:
    """The prototypes of ``words`` in a vocab, computed once per vocab (and again if its vectors change)."""
    key = (id(vocab), words)
    cached = _PROTOTYPES.get(key)
    if cached is None or cached[0] is not vocab or cached[1] != vocab.vectors.shape:
        if len(_PROTOTYPES) >= 16:
            _PROTOTYPES.clear()
        cached = _PROTOTYPES[key] = (vocab, vocab.vectors.shape, _prototype_vectors(vocab, words))
    return cached[2]


def _nearest(unit: np.ndarray, prototypes: list[Prototype]) -> float:
    """The highest cosine between a unit vector and the prototypes (0 when there are none)."""
    return max((float(unit @ p / norm) for p, norm in prototypes), default=0.0)


def _vector_vote(doc: Doc, mention: Mention) -> float:
    """+1 when the model's vectors place a name nearer companies than places, -1 for the reverse, else 0."""
    if not doc.vocab.vectors.shape[0]:
        return 0.0
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not span.has_vector or not span.vector_norm:
        return 0.0
    vector = span.vector / span.vector_norm
    margin = (_nearest(vector, _prototypes(doc.vocab, _ORG_PROTOTYPES))
              - _nearest(vector, _prototypes(doc.vocab, _PLACE_PROTOTYPES)))
    if margin >= _VECTOR_MARGIN:
        return 1.0
    return -1.0 if margin <= -_VECTOR_MARGIN else 0.0


def _label_vote(mention: Mention, doc: Doc | None) -> tuple[str, float] | None:
    """The vote of a mention's NER label: a lone word tagged PER is often a company, and a lone word tagged
    LOC that the model's vocabulary does not know is more often a young brand than a place."""
    if mention.label not in _LABEL_VOTES:
        return None
    kind, weight = _LABEL_VOTES[mention.label]
    lone = " " not in mention.text.strip()
    if mention.label == "PER" and lone:
        weight = 1.0
    elif mention.label == "LOC" and lone and doc is not None and doc.vocab.vectors.shape[0] \
            and not doc.vocab.has_vector(mention.text.strip()):
        weight = 1.0
    return kind, weight


def mention_votes(text: str, mention: Mention, doc: Doc | None = None) -> dict[str, float]:
    """The votes one mention casts from its label, its words and its context in ``text``."""
    votes: dict[str, float] = defaultdict(float)
    label_vote = _label_vote(mention, doc)
    if label_vote is not None:
        kind, weight = label_vote
        votes[kind] += weight
    words = mention.text.split()
    if 2 <= len(words) <= 4 and is_given_name(words[0]) and words[-1] not in ORG_SUFFIXES and not words[0].isupper() \
            and mention.label != "LOC" and all(w[:1].isupper() or w in _IN_NAMES for w in words):
        # "San Francisco": a place whose first word is also a given name; "Jade on Ice": no person has "on"
        votes[PERSON] += _GIVEN_NAME
    if words and (words[-1] in ORG_SUFFIXES or words[-1].lower().endswith(WEB_ENDINGS)) and len(words) >= 1:
        if len(words) > 1 or words[-1].lower().endswith(WEB_ENDINGS):
            votes[ORGANIZATION] += 7.0  # near-decisive: "X Capital", "X SAS" are not people
    line_start = text.rfind("\n", 0, mention.start) + 1
    left = text[max(line_start, mention.start - 60):mention.start]
    line_end = text.find("\n", mention.end)
    right = text[mention.end:min(mention.end + 80, line_end if line_end >= 0 else len(text))]
    if _ORG_LEFT_AT_WORDS.search(left):
        votes[ORGANIZATION] += _CUE
    elif (person := _PERSON_AFFILIATION_LEFT.search(left)) and is_given_name(person.group(1)):
        votes[ORGANIZATION] += 2.5
    elif _AFFILIATION_LEFT.search(left):
        votes[ORGANIZATION] += 1.5
    elif _ends_with(_ORG_LEFT_WEAK, _ORG_LEFT_WEAK_REACH, left):
        votes[ORGANIZATION] += 1.0
    # "le patron de X a fondé Y": the verb after X is the patron's ("a result of X's acquisition": X's own)
    complement = _COMPLEMENT_LEFT.search(left) and not re.match(r"['’]s\b", right)
    if _ORG_RIGHT.search(right) and not complement:
        votes[ORGANIZATION] += _CUE
    if _PERSON_RIGHT.search(right) and not complement:
        votes[PERSON] += _CUE
        if " " in mention.text.strip() and _HEAD_TITLE_RIGHT.match(right):
            votes[PERSON] += 1.5  # "A B, le PDG de X": a company is never its own boss, whatever NER says
    previous = left.split()[-1].lower() if left.split() else ""
    if previous in PERSON_TITLES:
        votes[PERSON] += _CUE
    elif mention.label in ("PER", "", "MISC") and _PERSON_LEFT_STRONG.search(left):
        votes[PERSON] += _CUE
    elif mention.label in ("PER", "") and _ends_with(_PERSON_LEFT, _PERSON_LEFT_REACH, left):  # the label first
        votes[PERSON] += 1.0
    beside = _PERSON_THEN_PARENTHESIS.search(left)
    if beside and is_given_name(beside.group(1)) and right.lstrip().startswith(")"):
        votes[ORGANIZATION] += _CUE  # "Jane Roe (Brimco), Tom Hale (Velar)": a person's company beside her name
    if _PLACE_RIGHT.match(right) or _ends_with(_PLACE_LEFT, _PLACE_LEFT_REACH, left):
        votes[PLACE] += _CUE  # "San Francisco-based X", "basée à Lyon": a place, whatever its vectors say
    if _PRODUCT_LEFT.search(left):
        votes[PRODUCT] += _CUE
    if doc is not None and mention.label in ("LOC", "MISC"):  # product names sit near software words too: weaker
        votes[ORGANIZATION] += (3.0 if mention.label == "LOC" else 1.5) * max(0.0, _vector_vote(doc, mention))
    if _ROUND_NAME.match(mention.text):
        votes.clear()  # "Series B", "Seed": a funding round, never an entity
    return votes


def assign_types(text: str, mentions: list[Mention], doc: Doc | None = None,
                 role_votes: dict[int, dict[str, float]] | None = None) -> dict[str, str]:
    """Type every named mention by the votes of all mentions sharing its key; returns key -> type.

    ``role_votes`` (mention index -> type -> weight) are the votes of the slots the mention fills in
    relation triggers (:func:`loaders.parse_relations.slot_votes`). Mentions whose key gets no
    Person/Organization majority keep ``type = None``.
    """
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    named = [m for m in mentions if not m.is_pseudo and m.source != "turn"]
    tags: dict[tuple[str, str], float] = defaultdict(float)  # (key, kind) -> what NER labels gave, all sightings
    for mention in named:
        key = entity_key(mention.text)
        votes = totals[key]
        for kind, weight in mention_votes(text, mention, doc).items():
            votes[kind] += weight
        label_vote = _label_vote(mention, doc)
        if label_vote is not None:
            kind, weight = label_vote
            votes[kind] -= weight  # counted once below, with a ceiling, not once per sighting
            tags[key, kind] += weight
    uncued = {key for key, votes in totals.items() if not any(votes.values())}  # only NER labels so far
    for (key, kind), weight in tags.items():
        # the model tends to repeat its mistake on a name: its labels together weigh at most two sightings' worth
        # (a one-word name tagged PER, as often a startup as a person, one cue's worth)
        lone_person = kind == PERSON and " " not in key
        totals[key][kind] += min(weight, _LONE_PERSON_TAGS if lone_person else _LABEL_CEILING)
    for index, slot in (role_votes or {}).items():
        mention = mentions[index]
        if not mention.is_pseudo and mention.source != "turn":
            for kind, weight in slot.items():
                totals[entity_key(mention.text)][kind] += weight
            uncued.discard(entity_key(mention.text))
    if doc is not None:  # "certifiées Zone Verte Protégée": a phrase in capitals, no name
        for key in uncued - {entity_key(m.text) for m in named if not _common_phrase(doc, m)}:
            if " " in key:
                totals[key].clear()
    _vote_surnames(named, totals)
    _vote_short_names(totals)
    _vote_spellings(totals)
    texts = {m.text for m in named} if doc is not None else set()  # asked once per name, not once per sighting
    software = {entity_key(name) for name in texts if is_software(doc.vocab, name)}
    _vote_coordinations(text, named, totals, software)
    for key in {entity_key(m.text) for m in named if _plural_noun(text, m)}:
        totals[key].clear()  # "les Capteurs", "des Bretons": a plural common noun or a people, no name
    for mention in named:
        if _ROUND_NAME.match(mention.text) or _EVENT_NAME.search(mention.text.strip()) \
                or mention.text.strip() in GENERIC_ACRONYMS \
                or mention.text.strip() in ORG_SUFFIXES | DEPARTMENT_WORDS \
                or entity_key(mention.text) in software:
            totals[entity_key(mention.text)].clear()  # "Series B", "API", "Tech", "Excel": never entities
        elif not could_be_person(mention.text):
            votes = totals[entity_key(mention.text)]
            votes[ORGANIZATION] += votes.pop(PERSON, 0.0)  # "The Ledger", "8Forge": whatever NER said, no person
    labelled = {entity_key(m.text) for m in named if m.label in ("PER", "ORG")}
    article = max((m.sentence for m in named), default=0) >= _ARTICLE_SENTENCES - 1
    types: dict[str, str] = {}
    for key, votes in totals.items():
        person, org = votes.get(PERSON, 0.0), votes.get(ORGANIZATION, 0.0)
        place = max(votes.get(PLACE, 0.0), votes.get(PRODUCT, 0.0))
        if max(person, org) <= 0 or place >= max(person, org):
            continue
        if key not in labelled and max(person, org) < _MIN_UNLABELLED:
            continue  # a name NER did not call a person or an organization needs more than one weak cue
        if article and " " not in key and 0 < person <= _LONE_PERSON_TAGS / 2 and org <= 0 \
                and not is_given_name(key.title()):
            continue  # an article introduces a person by her full name: a lone word only NER calls PER is none
        types[key] = PERSON if person > org else ORGANIZATION
    for key, votes in totals.items():
        logger.debug("type of %r: %s (votes %s)", key, types.get(key, "none"),
                     ", ".join(f"{kind} {weight:g}" for kind, weight in sorted(votes.items())))
    for mention in named:
        mention.type = types.get(entity_key(mention.text))
    return types


#: French plural determiners: a capitalized word after one is a plural noun ("les Capteurs"), not a name.
_PLURAL_DETERMINER_LEFT = re.compile(r"(?<![\w'’-])(?:les|des|aux|ces|leurs|nos|vos|ses|mes)\s+$", re.IGNORECASE)


def _plural_noun(text: str, mention: Mention) -> bool:
    """Whether a one-word mention ending in -s or -x follows a French plural determiner ("des Capteurs")."""
    word = mention.text.strip()
    return " " not in word and word[-1:] in ("s", "x") \
        and _PLURAL_DETERMINER_LEFT.search(text, max(0, mention.start - 8), mention.start) is not None


#: Parts of speech of a phrase the tagger reads as ordinary words (no proper noun, no foreign word).
_COMMON_PHRASE_POS = frozenset({"NOUN", "ADJ", "ADP", "DET", "NUM", "CCONJ", "PUNCT"})


def _common_phrase(doc: Doc, mention: Mention) -> bool:
    """Whether the tagger reads every word of a mention as an ordinary word ("Zone Verte Protégée"
    NOUN NOUN ADJ, "Classe 3"): a capitalized phrase, a name only if something else says so."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and all(t.pos_ in _COMMON_PHRASE_POS for t in span) and any(
        t.pos_ in ("NOUN", "ADJ") for t in span)


#: Words for software and for companies: a one-word name whose vector sits far nearer the first is a
#: language, a library or a program ("Javascript", "Excel"), no organization.
_SOFTWARE_PROTOTYPES = ("langage", "logiciel", "framework", "programmation", "tableur", "navigateur")
_COMPANY_PROTOTYPES = ("entreprise", "société", "startup", "groupe", "constructeur", "banque")
_SOFTWARE_MARGIN = 0.5


def is_software(vocab: Vocab, name: str) -> bool:
    """Whether ``name`` names software rather than an organization: a JavaScript library ("Vue.js"), or one
    word the model's vectors place far nearer software words than company words (no vectors: never)."""
    name = name.strip()
    if name.lower().endswith(".js"):
        return True
    if " " in name or not vocab.vectors.shape[0] or not vocab[name].has_vector:
        return False
    vector = vocab[name].vector
    norm = np.linalg.norm(vector)
    if not norm:
        return False
    unit = vector / norm
    return (_nearest(unit, _prototypes(vocab, _SOFTWARE_PROTOTYPES))
            - _nearest(unit, _prototypes(vocab, _COMPANY_PROTOTYPES))) >= _SOFTWARE_MARGIN


def could_be_person(name: str) -> bool:
    """Whether ``name`` has a person name's shape: no digit or sign in it ("8Forge", "Lab 42", "Vidéo+") and no opening
    article ("The Ledger", "Les Ateliers Dorval"); French "Le"/"La" open surnames too ("Le Goff")."""
    words = name.split()
    return bool(words) and not any(ch.isdigit() or ch in "+&@" for ch in name) and words[0] not in ("The", "Les")


def _leans(votes: dict[str, float], kind: str) -> bool:
    """Whether ``kind`` has the most votes (strictly) among Person, Organization and Place."""
    others = [v for k, v in votes.items() if k != kind]
    return votes.get(kind, 0.0) > max(others, default=0.0)


def _vote_surnames(mentions: list[Mention], totals: dict[str, dict[str, float]]) -> None:
    """A lone word that is part of a full person name votes with that name ("Roe" after "Jane Roe"), and a
    two- or three-word name whose surname alone reads as a person votes person ("Tom Ruiz" ... "Ruiz said")."""
    full = {entity_key(m.text) for m in mentions if " " in m.text.strip()
            and (m.label == "PER" or _leans(totals[entity_key(m.text)], PERSON))}
    parts = {part for key in full for part in key.split()}
    lone_people = {key for key, votes in totals.items() if " " not in key and _leans(votes, PERSON)}
    for key in list(totals):
        if " " not in key and key in parts:
            totals[key][PERSON] += 3.0
        elif 2 <= len(key.split()) <= 3 and {key.split()[0], key.split()[-1]} & lone_people and not _leans(
                totals[key], ORGANIZATION):
            totals[key][PERSON] += 2.0


def _vote_spellings(totals: dict[str, dict[str, float]]) -> None:
    """Spellings of one name with and without hyphens ("Lille-Sport", "Lille Sport") add up their votes."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for key in totals:
        spellings[key.replace("-", " ")].append(key)
    for keys in spellings.values():
        if len(keys) > 1:
            summed: dict[str, float] = defaultdict(float)
            for key in keys:
                for kind, weight in totals[key].items():
                    summed[kind] += weight
            for key in keys:
                totals[key] = defaultdict(float, summed)


def _vote_short_names(totals: dict[str, dict[str, float]]) -> None:
    """A name that is an organization's name without its ending ("Acme" beside "Acme Capital") votes with it."""
    suffixes = {s.lower().rstrip(".") for s in ORG_SUFFIXES}
    longer: dict[str, list[str]] = defaultdict(list)  # "acme" -> ["acme capital", ...]: one pass, not all pairs
    for key in list(totals):
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            if words[cut] not in suffixes:
                break
            longer[" ".join(words[:cut])].append(key)
    for key in list(totals):
        if any(_leans(totals[k], ORGANIZATION) for k in longer.get(key, ())):
            totals[key][ORGANIZATION] += _CUE


def _vote_coordinations(text: str, mentions: list[Mention], totals: dict[str, dict[str, float]],
                        software: set[str] = frozenset()) -> None:
    """Names coordinated with an organization ("à X ou à Y", "X et Y") lean towards organization; a list
    naming a piece of software ("Ruby, Javascript et Go") lists technologies and gives no such vote."""
    pairs = [(left, right) for left, right in zip(mentions, mentions[1:])
             if left.sentence == right.sentence and right.start - left.end <= _GAP_LIMIT
             and _COORDINATION.match(text[left.end:right.start])]
    tagged = {entity_key(m.text) for m in mentions if m.label == "ORG"}
    products = {entity_key(m.text) for m in mentions if m.label == "MISC"}
    lists: dict[int, int] = {}  # mention id -> id of the first mention of its list ("A, B, C and D")
    for left, right in pairs:
        lists[id(right)] = lists.get(id(left), id(left))
    with_tagged = {lists.get(id(m), id(m)) for m in mentions if entity_key(m.text) in tagged}
    technologies = {lists.get(id(m), id(m)) for m in mentions if entity_key(m.text) in software}
    bonus: set[str] = set()
    for left, right in pairs:
        if lists.get(id(left), id(left)) in technologies:
            continue
        lk, rk = entity_key(left.text), entity_key(right.text)
        in_tagged_list = lists.get(id(left), id(left)) in with_tagged
        for key, other in ((lk, rk), (rk, lk)):
            if _leans(totals[other], ORGANIZATION) and totals[key].get(PERSON, 0) < 2:
                totals[key][ORGANIZATION] += 1.5
                if (other in tagged or in_tagged_list) and key not in products and key not in bonus:
                    bonus.add(key)  # listed with a name NER calls an organization: enough alone
                    totals[key][ORGANIZATION] += 0.5
            elif _leans(totals[other], PERSON) and totals[key].get(ORGANIZATION, 0) < 2 and " " in key:
                totals[key][PERSON] += 1.5
