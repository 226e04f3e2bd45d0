"""Entity typing: votes from NER labels, name suffixes and context decide Person vs Organization."""
from __future__ import annotations

import numpy
import pytest
import spacy

from graph.model import ORGANIZATION, PERSON
from loaders.entity_types import PLACE, assign_types, could_be_person, is_software, mention_votes
from loaders.extract import extract_text
from loaders.mentions import Mention


def mention(text: str, whole: str, label: str) -> Mention:
    start = whole.index(text)
    return Mention(text=text, type=None, start=start, end=start + len(text), sentence=0, label=label)


@pytest.mark.parametrize("whole,name,label,winner", [
    ("Le jeune patron de Zorblat racheté par Megacorp.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat racheté par Megacorp.", "Megacorp", "PER", ORGANIZATION),
    ("Il travaille chez Plimco depuis 2010.", "Plimco", "PER", ORGANIZATION),
    ("Jean Vidal, CEO d'Orvel, a parlé.", "Orvel", "PER", ORGANIZATION),
    ("Hugo, fondateur de Tavolo, sourit.", "Tavolo", "PER", ORGANIZATION),
    ("Zorblat's founder is here.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat comptait des dizaines de milliers d'utilisateurs.", "Zorblat", "PER", ORGANIZATION),
    ("Zorblat a maintenant un employé.", "Zorblat", "PER", ORGANIZATION),
    ("Ils ont investi dans Brevo l'an dernier.", "Brevo", "", ORGANIZATION),
    ("Norvane Ventures mène le tour.", "Norvane Ventures", "LOC", ORGANIZATION),
    ("Certains utilisent zorbox.com chaque jour.", "zorbox.com", "", ORGANIZATION),
    ("Yanis, expert digital pour Orvel, écrit.", "Yanis", "MISC", PERSON),
    ("Avec Dana Whitfield ancienne vice-présidente de Orvel.", "Dana Whitfield", "", PERSON),
    ("Je salue M. Ferrand ce matin.", "Ferrand", "", PERSON),
    ("Dana Whitfield, 42 ans, dirige Orvel.", "Dana Whitfield", "", PERSON),
    ("Tom Reyes founded Quibbly in 2012.", "Tom Reyes", "", PERSON),
    ("He met Rachel Stone there.", "Rachel Stone", "", PERSON),
    # the verb after "le patron de X" is the patron's: X is his company, not the founder
    ("L'ancien patron de Velmora a fondé Brimco.", "Velmora", "PER", ORGANIZATION),
    ("As a result of Velmora's acquisition of Brimco, shares rose.", "Velmora", "PER", ORGANIZATION),
    # a name alone in parentheses after a person's name is her company
    ("Ils étaient là : Nadia Ferrand (Velmo), Tom Hale (Brimco).", "Velmo", "PER", ORGANIZATION),
    # "X President of Media Luke Ray": a title between two names, the first is the employer
    ("said Velmo President of Media Brands Luke Ray in a statement.", "Velmo", "PER", ORGANIZATION),
    ("said Velmo spokeswoman Ana Sol.", "Velmo", "PER", ORGANIZATION),
    # "one of the founders" after a name is a title too, whatever the place label says
    ("Lucas, l'un des deux fondateurs de Brimco, répond.", "Lucas", "LOC", PERSON),
    ("Ana, one of the three co-founders of Brimco, replies.", "Ana", "LOC", PERSON),
    # "boîte" (a firm, familiar French) before a name in apposition
    ("Avant de monter ma deuxième boîte, Quantix, il a codé.", "Quantix", "PER", ORGANIZATION),
    ("Avant de monter ma deuxième boîte : Quantix.", "Quantix", "PER", ORGANIZATION),
    # an institution whose name opens with a word that is also a given name
    ("Tom Hale, an official with the Brenton County Democratic Party, argued.", "Brenton County Democratic Party",
     "ORG", ORGANIZATION),
    ("The elder Hale, publisher of the Brenton Herald, said no.", "Brenton Herald", "ORG", ORGANIZATION),
    # a name right before a job title and a person's name is the employer
    ("(By Velmo-Press correspondent Ann Roe)", "Velmo-Press", "", ORGANIZATION),
    ("Velmo attorney Ann Roe countered.", "Velmo", "PER", ORGANIZATION),
    ("(By Velmo-Press diplomatic correspondent Ann Roe)", "Velmo-Press", "", ORGANIZATION),
    ("since the acquisition of Perseo by Astello in May.", "Astello", "PER", ORGANIZATION),
    # after a person's full name, "de X" / "of X" is her organization, enough alone for a name NER calls MISC
    ("Avec Jeanne Morel de Brimco Lab et d'autres.", "Brimco Lab", "MISC", ORGANIZATION),
    # a company noun before a quoted name; a daily is a company
    ("Elle a lancé l'application « Zorbit » en 2012.", "Zorbit", "PER", ORGANIZATION),
    ("Il a fondé le quotidien Zorbit en 2012.", "Zorbit", "PER", ORGANIZATION),
    # the first of a list of customers or rivals is a company
    ("It has 4 million customers, including Zorbit, Velmo and others.", "Zorbit", "LOC", ORGANIZATION),
    ("Elle affronte des concurrents comme Zorbit.", "Zorbit", "PER", ORGANIZATION),
    # the one a company is sold to, whatever the price between, is a company
    ("Elle a été revendue 300 millions de dollars à Zorbit.", "Zorbit", "PER", ORGANIZATION),
    ("It was later sold for $3 billion to Zorbit.", "Zorbit", "PER", ORGANIZATION),
    # a share of the capital is a company's
    ("Velar est entré au capital de Brimco.", "Brimco", "PER", ORGANIZATION),
    ("Nortex détient 30 % du capital d'Orvo.", "Orvo", "PER", ORGANIZATION),
    # a business that supplies or makes things, before its name
    ("L'équipementier Brimco recrute.", "Brimco", "PER", ORGANIZATION),
    ("The chipmaker Brimco shrugged.", "Brimco", "PER", ORGANIZATION),
])
def test_typing_context_votes_decide(whole: str, name: str, label: str, winner: str) -> None:
    votes = mention_votes(whole, mention(name, whole, label))
    loser = PERSON if winner == ORGANIZATION else ORGANIZATION
    assert votes.get(winner, 0) > votes.get(loser, 0)


@pytest.mark.parametrize("whole,names,expected", [
    # one weak PER tag loses to two organization cues elsewhere in the article
    ("Zorblat est née à Lyon. Zorblat a levé 2 M€. Le patron de Zorblat sourit.",
     [("Zorblat", "PER")], {"zorblat": ORGANIZATION}),
    # a surname alone votes with the full name
    ("Jean Varlet parle. Varlet sourit.", [("Jean Varlet", "PER"), ("Varlet", "MISC")],
     {"jean varlet": PERSON, "varlet": PERSON}),
    # a place stays out of the entities
    ("Il vit à Lyon.", [("Lyon", "LOC")], {}),
    # a one-word name tagged PER at every sighting still loses to one organization cue: startups get that tag
    ("Zorblat grandit. Zorblat recrute. Zorblat vend. Zorblat innove. Il travaille chez Zorblat.",
     [("Zorblat", "PER")], {"zorblat": ORGANIZATION}),
    # the model repeating a wrong label adds little: three LOC tags lose to a bare apposition and a slot's worth
    ("Un prêt au Velmont Circus, entreprise qui souffre. Le Velmont Circus a levé 2 M€. Le Velmont Circus ferme.",
     [("Velmont Circus", "LOC")], {"velmont circus": ORGANIZATION}),
    # a place's own words keep it a place, whatever its vectors say
    ("Velmora raised $5M. The Castelbrook-based Velmora grew.", [("Castelbrook", "ORG"), ("Velmora", "ORG")],
     {"velmora": ORGANIZATION}),
    ("Brimco est une société installée à Castelnau depuis 2010.", [("Castelnau", "ORG"), ("Brimco", "ORG")],
     {"brimco": ORGANIZATION}),
    # a technology's abbreviation and a round's name are never entities, however NER labels them
    ("Zorblat sells an API. Zorblat raised its Series B.", [("API", "ORG"), ("Series B", "ORG"), ("Zorblat", "ORG")],
     {"zorblat": ORGANIZATION}),
    # spellings with and without the hyphen are one name: their votes add up
    ("Velmont-Turf a été racheté par Orvo. Le journal Velmont Turf ferme.",
     [("Velmont-Turf", ""), ("Velmont Turf", "PER")], {"velmont-turf": ORGANIZATION, "velmont turf": ORGANIZATION}),
    # a head's title in apposition outweighs the model tagging a two-word name an organization twice
    ("Selon Orsk Valen, le CEO de Brimco. Plus tard, on demande à Orsk Valen de parler.",
     [("Orsk Valen", "ORG"), ("Brimco", "ORG")], {"orsk valen": PERSON, "brimco": ORGANIZATION}),
    # every name of a list holding a name NER calls an organization leans organization, not only its neighbours
    ("Backers: Velar Capital, Plonk, Quantix, and Zorvik.",
     [("Velar Capital", "ORG"), ("Plonk", ""), ("Quantix", ""), ("Zorvik", "")],
     {"velar capital": ORGANIZATION, "plonk": ORGANIZATION, "quantix": ORGANIZATION, "zorvik": ORGANIZATION}),
])
def test_typing_votes_across_mentions(whole: str, names: list, expected: dict) -> None:
    mentions = []
    position = 0
    for text, label in names:
        for _ in range(whole.count(text)):
            start = whole.index(text, position)
            mentions.append(Mention(text=text, type=None, start=start, end=start + len(text), sentence=0, label=label))
            position = start + 1
        position = 0
    types = assign_types(whole, mentions)
    assert types == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Pour le jeune patron de Zorblat racheté par Megacorp, la vie est belle.", "Zorblat", "Organization"),
    ("Aux portes ouvertes à Tolbiac ou à Harvard, on peut croiser du monde.", "Harvard", "Organization"),
    ("Dana Whitfield, ancienne vice-présidente de Norvane Ventures, écrit un livre.", "Norvane Ventures", "Organization"),
    ("Jane Holloway joined Nexaro in 2020.", "Jane Holloway", "Person"),
])
def test_typing_end_to_end(nlp_fr, text: str, name: str, expected: str) -> None:
    entities = {e.name: e.type for e in extract_text(text).entities}
    assert entities.get(name) == expected


@pytest.mark.parametrize("text,place", [
    ("Elle a déménagé à Lyon, en France, en décembre.", "Lyon"),
    ("Il est retourné en Russie pour obtenir un visa.", "Russie"),
])
def test_typing_places_are_not_entities(nlp_fr, text: str, place: str) -> None:
    assert place not in {e.name for e in extract_text(text).entities}


def test_typing_place_constant_is_not_an_entity_type() -> None:
    assert PLACE not in (PERSON, ORGANIZATION)


@pytest.mark.parametrize("whole,name,label,winner", [
    # descriptor nouns before the name, with adjectives between
    ("Orvel a racheté la jeune pousse lyonnaise Datavo.", "Datavo", "PER", ORGANIZATION),
    ("Last year Trellis acquired the Lisbon-based startup Fennix.", "Fennix", "PER", ORGANIZATION),
    ("Le géant allemand Kraftwerk a racheté Brevo.", "Kraftwerk", "PER", ORGANIZATION),
    ("It tried to acquire a smaller rival, Paylex, last year.", "Paylex", "PER", ORGANIZATION),
    ("Investors include Dutch fund Polderen.", "Polderen", "", ORGANIZATION),
    # a descriptor in apposition after the name
    ("Nuvex, the payments startup founded in 2019, grew fast.", "Nuvex", "PER", ORGANIZATION),
    ("Payvex, une jeune pousse parisienne spécialisée dans l'affacturage, recrute.", "Payvex", "PER", ORGANIZATION),
    ("L'entreprise aurait été approchée par Ikora pour un rachat.", "Ikora", "PER", ORGANIZATION),
    ("It turned down an offer from Medvix to buy the company.", "Medvix", "PER", ORGANIZATION),
    ("People keep asking whether Vantix will buy us.", "Vantix", "PER", ORGANIZATION),
    ("with participation from Speedix and others", "Speedix", "", ORGANIZATION),
    # a role word right before a name makes a person
    ("Brevo co-founder Tomasz Wolski spoke.", "Tomasz Wolski", "", PERSON),
    ("Elle a été conseillée par l'entrepreneur Olivier Tessel.", "Olivier Tessel", "", PERSON),
    ("Quillon was founded in 2019 by former engineers Noa Levy and Ari Katzman.", "Noa Levy", "", PERSON),
])
def test_typing_descriptors_and_role_words_vote(whole: str, name: str, label: str, winner: str) -> None:
    test_typing_context_votes_decide(whole, name, label, winner)


@pytest.mark.parametrize("whole,name,label", [
    # a clause subject after a name is not an apposition: "Selon X, l'entreprise pourrait..."
    ("Selon Julien Marot, l'entreprise pourrait racheter un concurrent.", "Julien Marot", "PER"),
    ("According to Dana Whitfield, the company will hire ten people.", "Dana Whitfield", "PER"),
    ("Meanwhile Turnell has left the company.", "Turnell", ""),
])
def test_typing_clause_subject_is_not_an_apposition(whole: str, name: str, label: str) -> None:
    """Also covers "X has left the company": leaving a company says nothing of X being one."""
    votes = mention_votes(whole, mention(name, whole, label))
    assert votes.get(ORGANIZATION, 0) == 0


@pytest.mark.parametrize("text,name,winner", [
    # coordinated with a person, a name no cue types is a person; its surname alone then too
    ("Quibbly was founded by Priya Nandan and Joaquín Ortiz in 2019. Ortiz says it was hard.", "Joaquín Ortiz", PERSON),
    # a short form of a fund's name is the fund
    ("The round was led by Harbor Crest Ventures. Harbor Crest partner Jon Field joins the board.", "Harbor Crest",
     ORGANIZATION),
])
def test_typing_votes_spread_to_coordinated_and_short_names(nlp_fr, text: str, name: str, winner: str) -> None:
    entities = extract_text(text).entities
    assert any(e.type == winner and name in (e.name, *e.aliases) for e in entities), entities


@pytest.mark.parametrize("name,expected", [
    ("Nadia Ferrand", True), ("Le Goff", True), ("Ali", True),
    ("The Ledger", False), ("Les Ateliers Morvan", False), ("9Forge", False), ("Lab 42", False), ("", False),
    ("Vidéo+", False), ("Ross & Kell", False),
])
def test_typing_could_be_person(name: str, expected: bool) -> None:
    assert could_be_person(name) is expected


@pytest.mark.parametrize("whole,names,expected", [
    # a name opening with "The" or holding a digit is no person, whatever the NER said
    ("The Ledger a publié l'enquête. The Ledger sourit.", [("The Ledger", "PER")], {"ledger": ORGANIZATION}),
    ("Le fonds 9Forge sourit. 9Forge grandit.", [("9Forge", "PER")], {"9forge": ORGANIZATION}),
    # an organization's ending alone names nothing, nor does a department
    ("La Tech française grandit. Tech partout.", [("Tech", "ORG")], {}),
    ("Elle dirige les divisions Marketing et Opérations.", [("Marketing", "ORG"), ("Opérations", "ORG")], {}),
    # a product's name is no organization nor person
    ("Velmo tests a product called Zorbit with its users.", [("Velmo", "ORG"), ("Zorbit", "ORG")],
     {"velmo": ORGANIZATION}),
    ("La startup Velmo lance un produit baptisé « Zorbit » cet été.", [("Velmo", "ORG"), ("Zorbit", "PER")],
     {"velmo": ORGANIZATION}),
    ("Velmo has shipped two products so far, including Orbo and Zorbit.",
     [("Velmo", "ORG"), ("Orbo", "PER"), ("Zorbit", "PER")], {"velmo": ORGANIZATION}),
    # a capitalized word after a French plural determiner is a plural noun, not a name
    ("La startup Velmo vend des Zorbix et les Capteurs.", [("Velmo", "ORG"), ("Zorbix", "ORG"),
                                                        ("Capteurs", "ORG")], {"velmo": ORGANIZATION}),
    # an event is no organization: a trade show, a conference
    ("Au Salon de Brimville, la startup Velmo expose.", [("Salon de Brimville", "ORG"), ("Velmo", "ORG")], {"velmo": ORGANIZATION}),
    ("At the Quantix Summit, Velmo spoke.", [("Quantix Summit", "ORG"), ("Velmo", "ORG")], {"velmo": ORGANIZATION}),
    ("Selon Velar Startup, tout va bien.", [("Velar Startup", "PER")], {"velar startup": ORGANIZATION}),
    # a name ending with an industry word is an organization
    ("Selon Korvel Analytics, le marché grandit.", [("Korvel Analytics", "PER")],
     {"korvel analytics": ORGANIZATION}),
])
def test_typing_shapes_that_are_no_person(whole: str, names: list[tuple[str, str]], expected: dict) -> None:
    mentions = [mention(name, whole, label) for name, label in names]
    assert assign_types(whole, mentions) == expected


@pytest.mark.parametrize("whole,name,enough", [
    ("Parmi elles, Jeanne Morel de Zorbit Kids et d'autres.", "Zorbit Kids", True),
    ("Parmi elles, Jeanne Morel d'Orvo et d'autres.", "Orvo", True),
    ("With Ann Roe of Zorbit Kids and others.", "Zorbit Kids", True),
    ("Parmi elles, la ville de Zorbit Kids et d'autres.", "Zorbit Kids", False),
    ("Le général Charles de Zorbit est venu.", "Zorbit", False),
])
def test_typing_a_persons_affiliation(whole: str, name: str, enough: bool) -> None:
    """"A B de X" after a given name and a surname: X is A B's organization, a vote enough alone."""
    votes = mention_votes(whole, mention(name, whole, "MISC"))
    assert (votes.get(ORGANIZATION, 0) >= 2.0) is enough


@pytest.mark.parametrize("sentences,expected", [
    (4, {"velmo": ORGANIZATION}),  # an article: a person would have been introduced by her full name
    (1, {"velmo": ORGANIZATION, "zorbit": PERSON}),  # a snippet: the full name may be out of view
])
def test_typing_a_lone_word_only_ner_calls_a_person(sentences: int, expected: dict) -> None:
    whole = "La startup Velmo grandit. Zorbit visionnaire. Il pleut. Fin."
    mentions = [mention("Velmo", whole, "ORG"), mention("Zorbit", whole, "PER")]
    mentions[1].sentence = sentences - 1
    assert assign_types(whole, mentions) == expected


def test_typing_a_lone_given_name_stays_a_person() -> None:
    whole = "La startup Velmo grandit. Vincent sourit. Il pleut. Fin."
    mentions = [mention("Velmo", whole, "ORG"), mention("Vincent", whole, "PER")]
    mentions[1].sentence = 3
    assert assign_types(whole, mentions)["vincent"] == PERSON


@pytest.mark.parametrize("name,expected", [
    ("Javascript", True), ("Excel", True), ("Vue.js", True), ("Python", True),
    ("Renault", False), ("Google", False), ("Brimco", False), ("Velar Capital", False),
])
def test_typing_software_is_no_organization(nlp_fr, name: str, expected: bool) -> None:
    assert is_software(nlp_fr.vocab, name) is expected


@pytest.mark.parametrize("last,label,expected", [
    ("Velmora", "ORG", ORGANIZATION),
    ("Javascript", "MISC", None),
])
def test_typing_a_list_naming_software_lists_technologies(nlp_fr, last: str, label: str, expected) -> None:
    """A name listed with organizations leans organization, but not in a list that names software."""
    whole = f"Ils emploient Brimco Labs, Zorlang et {last}."
    names = [("Brimco Labs", "ORG"), ("Zorlang", "MISC"), (last, label)]
    types = assign_types(whole, [mention(n, whole, tag) for n, tag in names], nlp_fr.make_doc(whole))
    assert types.get("zorlang") == expected


def test_typing_software_needs_vectors() -> None:
    assert not is_software(spacy.blank("en").vocab, "Javascript")


def _opens_with_letter(items) -> bool:
    """Whether a parsed regex sequence always opens with a letter (a literal, or a branch of such)."""
    from re import _constants as c

    items = list(items)
    if not items:
        return False
    op, av = items[0]
    if op is c.LITERAL:
        return chr(av).isalpha()
    if op is c.BRANCH:
        return all(_opens_with_letter(alternative) for alternative in av[1])
    if op is c.SUBPATTERN:
        return _opens_with_letter(list(av[-1]) + items[1:])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):  # "(?:co-?)?founded": the optional part or what follows it
        low, _, repeated = av
        return _opens_with_letter(repeated) and (low > 0 or _opens_with_letter(items[1:]))
    return False


def test_org_left_cue_is_tried_at_word_starts_only_without_losing_a_match() -> None:
    """The word-start guard on the organization cue is safe: every alternative opens with \\b and a letter."""
    from re import _constants as c, _parser

    from loaders import entity_types

    tree = _parser.parse(entity_types._ORG_LEFT.pattern, entity_types._ORG_LEFT.flags)
    (boundary, where), (branch, (_, alternatives)) = tree.data[0], tree.data[1]
    assert (boundary, where) == (c.AT, c.AT_BOUNDARY) and branch is c.BRANCH
    assert all(_opens_with_letter(alternative) for alternative in alternatives)
    for left in ("Il travaille chez", "racheté par ", "l'entreprise", "Le CEO de", " x-chez", "co-fondé par",
                 "la startup", "ex-chez ", "deux ans chez", "— chez", "«chez", "Tom Roe, "):
        assert bool(entity_types._ORG_LEFT_AT_WORDS.search(left)) == bool(entity_types._ORG_LEFT.search(left))


@pytest.mark.parametrize("cue,words,reach", [
    ("_ORG_LEFT_WEAK", ["_ORG_LEFT_WEAK_WORDS"], "_ORG_LEFT_WEAK_REACH"),
    ("_PERSON_LEFT", ["_PERSON_LEFT_WORDS", "SPEECH_VERBS"], "_PERSON_LEFT_REACH"),
    ("_PLACE_LEFT", ["_PLACE_LEFT_WORDS"], "_PLACE_LEFT_REACH"),
])
def test_end_anchored_cue_is_searched_near_the_end_only_without_losing_a_match(cue: str, words: list[str],
                                                                                 reach: str) -> None:
    """A cue ``(?:words)\\s*$`` is searched from ``reach`` characters before the last non-space: ``reach`` bounds
    what its words can match (by the regex parser's own width), and both searches agree on contexts."""
    from re import _parser

    from loaders import entity_types

    pattern, bound = getattr(entity_types, cue), getattr(entity_types, reach)
    for name in words:
        alternation = getattr(entity_types, name)
        assert _parser.parse(f"(?:{alternation})", pattern.flags).getwidth()[1] <= bound
    assert pattern.pattern.endswith(r")\s*$")
    samples = ["", " ", "selon", "Selon  ", "x selon", "crédit", "racontait", "a raconté \u00a0", "SAYS\t",
               "According to ", "according  to", "il est basée à", "née à ", "Basées à\u2003", "installé à",
               "on", " on ", "bon", "via", "avia ", "sur", "Tom Roe, ", "explique-t-il : selon", "born in",
               "she was born in  ", "Jeanne Dubois, CEO, says", "— dit", "«selon", "l'entreprise"]
    samples += [f"{filler}{tail}" for filler in ("Le fonds ", "x" * 70 + " ", "a, b ; ") for tail in samples]
    for left in samples:
        assert entity_types._ends_with(pattern, bound, left) == bool(pattern.search(left)), left


@pytest.mark.parametrize("name,given_name_vote", [("Jade on Ice", False), ("Ruby van Dorn", True)])
def test_typing_a_given_name_votes_only_in_a_name_s_shape(name: str, given_name_vote: bool) -> None:
    # "Jade on Ice": no person's name has "on" in it; particles ("van", "de") do
    whole = f"Ils codent avec {name} depuis 2010."
    votes = mention_votes(whole, mention(name, whole, "MISC"))
    assert (votes.get(PERSON, 0) > 0) == given_name_vote


def test_typing_a_lone_place_label_weighs_less_on_a_word_the_vocabulary_does_not_know() -> None:
    # "Créer Zorvik à Lyon.": both tagged LOC; the model's vectors know "Lyon", not the young brand "Zorvik"
    nlp = spacy.blank("fr")
    nlp.vocab.set_vector("Lyon", numpy.array([1.0, 0.0, 0.0], dtype="f"))
    whole = "Créer Zorvik à Lyon."
    doc = nlp(whole)
    unknown = mention_votes(whole, mention("Zorvik", whole, "LOC"), doc)
    known = mention_votes(whole, mention("Lyon", whole, "LOC"), doc)
    assert unknown[PLACE] < known[PLACE]
    # without vectors (or without a doc) nothing tells them apart
    bare = spacy.blank("fr")(whole)
    assert mention_votes(whole, mention("Zorvik", whole, "LOC"), bare)[PLACE] == known[PLACE]


@pytest.mark.parametrize("pos,label,typed", [
    # "certifiées Haute Valeur Durable": the tagger reads ordinary words, only the NER label says name
    (["NOUN", "NOUN", "ADJ"], "ORG", False),
    # a proper noun among them, or a foreign word, and the label decides as before
    (["PROPN", "NOUN", "ADJ"], "ORG", True),
    (["X", "X", "X"], "ORG", True),
    (["NOUN", "NOUN", "ADJ"], "PER", False),
])
def test_typing_a_capitalized_phrase_of_ordinary_words_is_no_entity(pos: list[str], label: str, typed: bool) -> None:
    words = ["certifiées", "Haute", "Valeur", "Durable", "depuis", "2019", "."]
    doc = spacy.tokens.Doc(spacy.blank("fr").vocab, words=words, pos=["VERB", *pos, "ADP", "NUM", "PUNCT"])
    phrase = mention("Haute Valeur Durable", doc.text, label)
    assert bool(assign_types(doc.text, [phrase], doc)) is typed


def test_typing_a_capitalized_phrase_of_ordinary_words_is_named_if_something_else_says_so() -> None:
    # the same phrase with a cue of its own ("chez X" places a company there) keeps its type
    words = ["Elle", "travaille", "chez", "Haute", "Valeur", "Durable", "."]
    doc = spacy.tokens.Doc(spacy.blank("fr").vocab, words=words,
                           pos=["PRON", "VERB", "ADP", "NOUN", "NOUN", "ADJ", "PUNCT"])
    phrase = mention("Haute Valeur Durable", doc.text, "ORG")
    assert assign_types(doc.text, [phrase], doc) == {"haute valeur durable": ORGANIZATION}
