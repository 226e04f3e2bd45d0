"""Mentions: names from NER and capitalized candidates; spans that cannot be names are dropped."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from loaders.extract import extract_text
from loaders.mentions import find_mentions, looks_like_name
from loaders.sentences import sentences

from docs import parse


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


@pytest.mark.parametrize("words,spaces,ents,expected", [
    # NER spans adjacent to each other merge into one organization ("Orvel" + "Labs Europe")
    (["chez", "Orvel", "Data", "Europe", "."], [True, True, True, False, False], [("ORG", 1, 2), ("LOC", 2, 4)],
     ["Orvel Data Europe"]),
    # an organization name followed by a suffix the NER left out
    (["avec", "Norvane", "Partners", "hier"], [True, True, True, False], [("ORG", 1, 2)], ["Norvane Partners"]),
    # a name cut at a line break
    (["Yanis", "\n\n", "Rédigé"], [False, False, False], [("PER", 0, 2)], ["Yanis"]),
    # one tagged span over a list of names is one name per item; a comma before a legal form is not a list
    (["dont", "Alderwick", ",", "Brisquet", ",", "Corvano", "."], [True, False, True, False, True, False, False],
     [("ORG", 1, 6)], ["Alderwick", "Brisquet", "Corvano"]),
    # a title's organization runs into its holder's name: cut before the given name
    (["du", "groupe", "Halmont", "Media", "Jacques", "Peyrol", "a"], [True] * 6 + [False], [("ORG", 2, 6)],
     ["Halmont Media", "Jacques Peyrol"]),
    # a firm's possessive before its person's name: two names; inside a name it stays
    (["by", "Velar", "Partners", "’", "Ann", "Ruiz", "."], [True, True, False, True, True, False, False],
     [("ORG", 1, 6)], ["Velar Partners", "Ann Ruiz"]),
    (["by", "Brenton", "Teachers", "’", "Pension", "Plan", "."], [True, True, False, True, True, False, False],
     [("ORG", 1, 6)], ["Brenton Teachers’ Pension Plan"]),
    # "and" inside one firm's name that ends with its legal form; two firms each with theirs split
    (["by", "Velmora", "Management", "and", "Research", "Co.", "."], [True] * 5 + [False, False], [("ORG", 1, 6)],
     ["Velmora Management and Research Co."]),
    (["by", "Velar", "Capital", "and", "Orlo", "Ventures", "."], [True] * 5 + [False, False], [("ORG", 1, 6)],
     ["Velar Capital", "Orlo Ventures"]),
    (["with", "Velar", "Securities", "and", "Orlo", "Capital", "."], [True] * 5 + [False, False], [("ORG", 1, 6)],
     ["Velar Securities", "Orlo Capital"]),  # a brokerage's ending
    (["chez", "Pellmont", ",", "Inc.", "hier"], [True, False, True, True, False], [("ORG", 1, 4)],
     ["Pellmont, Inc."]),
    # a list of people each with her company, tagged as whole persons: cut at "de"/"d'"; one alone stays whole
    (["avec", "Ana", "Roux", "de", "Brimco", ",", "Lia", "Bert", "d'", "Orvel", "."],
     [True, True, True, True, False, True, True, True, False, False, False], [("PER", 1, 5), ("PER", 6, 10)],
     ["Ana Roux", "Brimco", "Lia Bert", "Orvel"]),
    (["avec", "Ana", "Roux", "d'", "Orvel", "."], [True, True, True, False, False, False], [("PER", 1, 5)],
     ["Ana Roux d'Orvel"]),
    # a brand with a small first letter and a capital inside is a name; "i" devices are not companies
    (["analyste", "chez", "eVora", ","], [True, True, False, False], [("MISC", 2, 3)], ["eVora"]),
    (["sur", "iPhone", ","], [True, False, False], [("MISC", 1, 2)], []),
    # a title opening the sentence, tagged with its organization as one person: the organization alone
    (["Cofondatrices", "de", "Brimco", ",", "Ana", "Roux"], [True, True, False, True, True, False],
     [("PER", 0, 3), ("PER", 4, 6)], ["Brimco", "Ana Roux"]),
    (["Founder", "of", "Velar", "Labs", ",", "Tom", "Hale"], [True, True, True, False, True, True, False],
     [("PER", 0, 4), ("PER", 5, 7)], ["Velar Labs", "Tom Hale"]),
    # a capitalized title is no name; a run of title words before "of" is cut off its organization
    (["as", "Senior", "Vice", "President", "of", "Velmo", "."], [True] * 5 + [False, False],
     [("ORG", 1, 4), ("ORG", 5, 6)], ["Velmo"]),
    (["as", "General", "Counsel", "of", "Brimco", "Holdings", "."], [True] * 5 + [False, False],
     [("ORG", 1, 6)], ["Brimco Holdings"]),
    # English names have no "of": a person tagged with her company is cut, even alone in the sentence
    (["with", "Adam", "Hale", "of", "Quantix", "."], [True, True, True, True, False, False], [("PER", 1, 5)],
     ["Adam Hale", "Quantix"]),
    # a title the NER took into the organization's name is cut off
    (["said", "Velmo", "Utilities", "Commissioner", "Ann", "Roe", "."], [True] * 5 + [False, False],
     [("ORG", 1, 4), ("PER", 4, 6)], ["Velmo Utilities", "Ann Roe"]),
    (["VFA", "Administrator", "Ann", "Roe", "said"], [True] * 4 + [False], [("ORG", 0, 2), ("PER", 2, 4)],
     ["VFA", "Ann Roe"]),
    # tagged as a person, a company and its title: the company (a given name and a title stays: no company)
    (["said", "Velmo", "Founder", "Ann", "Roe", "."], [True] * 4 + [False, False], [("PER", 1, 3), ("PER", 3, 5)],
     ["Velmo", "Ann Roe"]),
    # a courtesy title opening a person's name stays outside it ("M. Ferrand" is Ferrand); a brand keeps it
    (["selon", "M.", "Ferrand", ","], [True, True, False, False], [("PER", 1, 3)], ["Ferrand"]),
    (["said", "Dr", ".", "Ann", "Roe", "."], [True, False, True, True, False, False], [("PERSON", 1, 5)],
     ["Ann Roe"]),
    (["avec", "Mme", "Laure", "Vidal", "hier"], [True, True, True, True, False], [("PER", 1, 4)], ["Laure Vidal"]),
    (["chez", "Dr.", "Velmo", "hier"], [True, True, True, False], [("ORG", 1, 3)], ["Dr. Velmo"]),
    # the legal form after a comma, left out by the NER, joins the name
    (["of", "Dravo", "Lane", ",", "LLC", "and"], [True, True, False, True, True, False], [("ORG", 1, 3)],
     ["Dravo Lane, LLC"]),
])
def test_mentions_from_hand_built_docs(blank, words, spaces, ents, expected) -> None:
    tags = ["O"] * len(words)
    for label, start, end in ents:
        tags[start] = f"B-{label}"
        tags[start + 1:end] = [f"I-{label}"] * (end - start - 1)
    doc = Doc(blank.vocab, words=words, spaces=spaces, ents=tags,
              sent_starts=[i == 0 for i in range(len(words))],
              pos=["PROPN" if w[:1].isupper() else ("SPACE" if not w.strip() else "ADP") for w in words])
    assert [m.text for m in find_mentions(doc) if m.source == "ner"] == expected


@pytest.mark.parametrize("text,absent", [
    ("Je me sentais comme un VIP à cette soirée.", "VIP"),
    ("Vous verrez à la Conférence sur le bouleversement social.", "Conférence"),
    ("Il a écrit Votre réseau est votre valeur nette, un livre.", "Votre réseau"),
    ("L'expression \"You can bump into them at anytime\" est imagée.", "You can bump into them at anytime"),
    ("Twitter Facebook Linkedin Flipboard Email\nLa suite de l'article.", "Flipboard"),
    ("Partager sur Facebook Partager sur X Copier le lien\nTexte.", "Facebook"),
    ("Brevo raised $3 million. Company CEO Ana Sol said it will hire.", "Company"),
])
def test_mentions_drop_spans_that_are_not_names(nlp_fr, text: str, absent: str) -> None:
    found = {m.text for m in find_mentions(nlp_fr(text))}
    assert absent not in found


@pytest.mark.parametrize("text,present", [
    ("Certaines personnes utilisent Zorbix ou zorbox.com pour leurs contacts.", "zorbox.com"),
    ("Tom Reyes founded Quibbly in 2012.", "Tom Reyes"),
    ("Pour Dana Whitfield, CEO d'Orvel Data Europe, tout va bien.", "Orvel Data Europe"),
    ("Avec Dana Whitfield ancienne vice-présidente de Norvane, on parle.", "Dana Whitfield"),
    ("Depuis, 400souvenirs a levé 2 millions de dollars.", "400souvenirs"),  # a brand written digits first
])
def test_mentions_keep_names_ner_cuts_or_misses(nlp_fr, text: str, present: str) -> None:
    assert present in {m.text for m in find_mentions(nlp_fr(text))}


@pytest.mark.parametrize("text", ["En 2019, 12 salariés sont arrivés.", "Il est arrivé 3rd en 2020.", "Un débit de 10Mbps."])
def test_mentions_numbers_are_no_brands(nlp_fr, text: str) -> None:
    assert not any(m.text[:1].isdigit() for m in find_mentions(nlp_fr(text)))


@pytest.mark.parametrize("text,absent", [
    ("Twitter Facebook Linkedin Flipboard Email\nDana Whitfield a fondé Orvel.", "Email"),
    ("Dana Whitfield a fondé Orvel.\nPartager Tweet Email Imprimer", "Tweet"),
])
def test_mentions_share_rows_never_become_entities(nlp_fr, text: str, absent: str) -> None:
    names = {e.name for e in extract_text(text).entities}
    assert absent not in names and "Dana Whitfield" in names


@pytest.mark.parametrize("text", [
    "Pour Georges Vidal, CEO d'Orvel Silicon Data, ce type de rencontres est rare.",
    "Il a rejoint Tavolo. Puis il est parti.",
])
def test_mentions_sentences_are_rejoined_inside_names(nlp_fr, text: str) -> None:
    doc = nlp_fr(text)
    spans = sentences(doc)
    assert "".join(s.text_with_ws for s in spans) == text
    assert all(s.text.rstrip()[-1] in ".!?" for s in spans)


@pytest.mark.parametrize("text,label,expected", [
    ("Orvel", "ORG", True),
    ("Dana Whitfield", "PER", True),
    ("Votre réseau", "MISC", False),
    ("CEO", "ORG", False),
    # a courtesy title alone is no name
    ("Monsieur", "PER", False),
    ("Madame", "", False),
])
def test_mentions_looks_like_name(blank, text: str, label: str, expected: bool) -> None:
    doc = blank(f"Il parle de {text} ici.")
    span = doc[3:3 + len(text.split())]
    for token in doc:
        token.pos_ = "PROPN" if token.text[:1].isupper() else "ADP"
    assert looks_like_name(span, label) is expected


def names_in(nlp, text: str) -> list[str]:
    return [m.text for m in find_mentions(nlp(text))]


@pytest.mark.parametrize("text,present,absent", [
    # coordinated names the NER tagged as one span
    ("Dana Whitfield and Tom Marlow have worked together since 2015.", ["Dana Whitfield", "Tom Marlow"],
     ["Dana Whitfield and Tom Marlow"]),
    ("Quillon was started by siblings Ana Ruiz and Pablo Ruiz.", ["Ana Ruiz", "Pablo Ruiz"], ["Ana Ruiz and Pablo Ruiz"]),
    # an acronym role separates the organization from the person
    ('"We grew fast," said Trellis CEO Dana Whitfield in a statement.', ["Dana Whitfield"], ["Trellis CEO"]),
    # particles inside a person's name, accents, courtesy titles
    ("CEO Maaike van Dijk founded the company after a decade at Plimco.", ["Maaike van Dijk"], ["Dijk"]),
    ("Brevo was launched by Joaquín Ortiz and Tom Reyes in 2018.", ["Joaquín Ortiz"], []),
    ("The startup is advised by Dr. Ellen Marsh, a professor at Tufnell University.", ["Ellen Marsh"], ["Marsh"]),
    # capitalized sentence openers are not names
    ("Existing investor Norvane Capital also participated.", ["Norvane Capital"], ["Existing"]),
    ("How Tom Reyes built Quibbly.", ["Tom Reyes"], ["How Tom Reyes"]),
    ("Today Quibbly ships to 40,000 users. Quibbly grew fast.", ["Quibbly"], ["Today Quibbly"]),
    ("Logistique : Transora rachète Colivo.", ["Transora"], ["Logistique"]),
    ("Agrotech : Vergix lève 3 M€\n\nVergix a levé 3 M€.", ["Vergix"], ["Agrotech"]),
    # weekdays, e-mail addresses
    ("Ride-hailing firm Nexaro on Monday denied the reports.", ["Nexaro"], ["Nexaro on Monday", "Monday"]),
    ("Write to us at tips@orvel-news.org for more.", [], ["tips@orvel-news.org"]),
    # a name opening its sentence that the article also names mid-sentence
    ("Vallin a été conseillé par Sonia Blaise. Elle connaît Paul Vallin depuis 2010.", ["Vallin"], []),
    # "Banque X", "Acme Co."
    ("Elle a travaillé chez Banque Ardel pendant dix ans.", ["Banque Ardel"], ["Ardel"]),
    ("He now runs Harbor Roasting Co. in Leeds.", ["Harbor Roasting Co."], []),
])
def test_mentions_cut_names_from_tagged_spans(nlp_fr, text: str, present: list[str], absent: list[str]) -> None:
    names = names_in(nlp_fr, text)
    for name in present:
        assert name in names, names
    for name in absent:
        assert name not in names, names


@pytest.mark.parametrize("text,present,absent", [
    # a Title Case headline: the name is the part the body writes too
    ("Meal Kit Maker Brisko Lands $12M Led By Corvina Capital\n\nBrisko, a startup based in Leeds, raised "
     "$12 million from Corvina Capital.", ["Brisko", "Corvina Capital"], ["Kit Maker", "Led By", "Lands"]),
    ("Payroll Startup Brisko Gets $12M From Corvina Capital To Expand Into Spain\n\nBrisko, a startup based in "
     "Leeds, raised $12 million from Corvina Capital.", ["Brisko"], ["Startup Brisko", "Gets"]),
    # a headline that is not Title Case keeps its names as they are
    ("Interview avec Marion Leclerc\n\nElle a fondé Brevo en 2014.", ["Marion Leclerc"], []),
])
def test_mentions_title_case_headlines_keep_only_names_the_body_writes(text: str, present: list[str],
                                                                        absent: list[str]) -> None:
    entities = {e.name for e in extract_text(text).entities}
    for name in present:
        assert name in entities, entities
    for name in absent:
        assert not any(name in entity for entity in entities), entities


@pytest.mark.parametrize("words,expected", [
    # "à la Conférence": a common noun with a capital, tagged ORG once
    (["Rendez-vous", "à", "la", "Conférence", "demain", "."], []),
    # "par la Velmo", named again elsewhere: a company the article writes with an article
    (["rachetée", "par", "la", "Velmo", ",", "puis", "Velmo", "a", "grandi", "."], ["Velmo", "Velmo"]),
])
def test_mentions_a_capitalized_noun_after_an_article(blank, words: list[str], expected: list[str]) -> None:
    tags = ["B-ORG" if w in ("Conférence", "Velmo") else "O" for w in words]
    doc = Doc(blank.vocab, words=words, spaces=[w not in (",", ".") for w in words[1:]] + [False], ents=tags,
              sent_starts=[i == 0 for i in range(len(words))],
              pos=["NOUN" if w in ("Conférence", "Velmo") else "X" for w in words])
    assert [m.text for m in find_mentions(doc)] == expected


def test_mentions_a_name_after_du_completing_a_title_is_kept() -> None:
    # "Le patron du Cirque Vert parle.": "du" is "de le" here, not a partitive ("du Champagne")
    doc = parse("""
        0 Le     le     DET   det   1
        1 patron patron NOUN  nsubj 5
        2 du     de     ADP   case  3
        3 Cirque _      PROPN nmod  1 ent=B-ORG
        4 Vert   _      PROPN flat  3 ent=I-ORG
        5 parle  parler VERB  ROOT  5
        6 .      _      PUNCT punct 5
        """, "fr")
    assert [m.text for m in find_mentions(doc)] == ["Cirque Vert"]


def test_mentions_a_tagged_span_the_parse_hangs_apart_is_cut_before_the_person() -> None:
    # "Le fondateur de Brimco Tom Hale parle.": NER tagged "Brimco Tom Hale" as one person; the parse hangs
    # "Brimco" on the title and "Tom Hale" beside it
    doc = parse("""
        0 Le        le        DET   det       1
        1 fondateur fondateur NOUN  nsubj     6
        2 de        de        ADP   case      3
        3 Brimco    _         PROPN nmod      1 ent=B-PER
        4 Tom       _         PROPN appos     1 ent=I-PER
        5 Hale      _         PROPN flat:name 4 ent=I-PER
        6 parle     parler    VERB  ROOT      6
        7 .         _         PUNCT punct     6
        """, "fr")
    assert [(m.text, m.label) for m in find_mentions(doc)] == [("Brimco", "ORG"), ("Tom Hale", "PER")]


def test_mentions_a_tagged_span_completing_a_company_noun_is_cut_before_the_person() -> None:
    # "Le patron du groupe Brimco Tom Hale parle.": the company's name completes "groupe", which "du" opens
    doc = parse("""
        0 Le        le        DET   det       1
        1 patron    patron    NOUN  nsubj     8
        2 du        de        ADP   case      3
        3 groupe    groupe    NOUN  nmod      1
        4 Brimco    _         PROPN nmod      3 ent=B-PER
        5 Tom       _         PROPN appos     3 ent=I-PER
        6 Hale      _         PROPN flat:name 5 ent=I-PER
        7 ,         _         PUNCT punct     1
        8 parle     parler    VERB  ROOT      8
        9 .         _         PUNCT punct     8
        """, "fr")
    assert [(m.text, m.label) for m in find_mentions(doc)] == [("Brimco", "ORG"), ("Tom Hale", "PER")]


def test_mentions_a_place_hyphenated_to_a_word_is_one_name(blank) -> None:
    # "selon Velmont-Turf, hier": NER tagged the place alone, the rest is a capitalized candidate
    words = ["selon", "Velmont", "-", "Turf", ",", "hier"]
    doc = Doc(blank.vocab, words=words, spaces=[True, False, False, False, True, False],
              ents=["O", "B-LOC", "O", "O", "O", "O"], sent_starts=[i == 0 for i in range(len(words))],
              pos=["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADV"])
    assert [m.text for m in find_mentions(doc)] == ["Velmont-Turf"]


def test_mentions_a_one_word_name_after_a_title_and_du_is_kept() -> None:
    # "Le CTO du Halvard parle.": after a title, "du" is "de le" and the one word after it is the employer
    doc = parse("""
        0 Le      le     DET   det   1
        1 CTO     cto    NOUN  nsubj 4
        2 du      de     ADP   case  3
        3 Halvard _      PROPN nmod  1 ent=B-ORG
        4 parle   parler VERB  ROOT  4
        5 .       _      PUNCT punct 4
        """, "fr")
    assert [m.text for m in find_mentions(doc)] == ["Halvard"]


def test_mentions_a_one_word_name_after_a_common_noun_and_du_stays_out() -> None:
    # "Il boit du Rivesaltes.": "du" after a verb is a partitive, the capitalized word a product
    doc = parse("""
        0 Il         il     PRON  nsubj 1
        1 boit       boire  VERB  ROOT  1
        2 du         de     ADP   det   3
        3 Rivesaltes _      PROPN obj   1 ent=B-ORG
        4 .          _      PUNCT punct 1
        """, "fr")
    assert find_mentions(doc) == []


@pytest.mark.parametrize("first,kept", [("Lucas", True), ("Pourtant", False)])
def test_mentions_a_lone_first_name_opening_an_apposition_is_kept(first: str, kept: bool) -> None:
    # "Lucas, le CTO de Brimco, répond.": a given name alone before a comma is a person's, however NER tagged it;
    # another capitalized opener tagged MISC is not a name
    doc = parse(f"""
        0 {first} _        PROPN nsubj 6 ent=B-MISC
        1 ,       _        PUNCT punct 0
        2 le      le       DET   det   3
        3 CTO     cto      NOUN  appos 0
        4 de      de       ADP   case  5
        5 Brimco  _        PROPN nmod  3 ent=B-ORG
        6 répond  répondre VERB  ROOT  6
        7 .       _        PUNCT punct 6
        """, "fr")
    assert [m.text for m in find_mentions(doc)] == ([first] if kept else []) + ["Brimco"]


def test_mentions_an_organization_opening_a_sentence_before_a_title_is_kept() -> None:
    # "Velmo attorney Ann Roe said.": the employer before a title, not a capitalized opener; a vocab of its own
    # that knows "Velmo", as the model knows common openers
    vocab = spacy.blank("en").vocab
    vocab.set_vector("Velmo", numpy.ones(3, dtype="f"))
    words = ["Velmo", "attorney", "Ann", "Roe", "said", "."]
    doc = Doc(vocab, words=words, spaces=[True, True, True, True, False, False],
              ents=["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
              heads=[1, 3, 3, 4, 4, 4], deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"])
    assert [m.text for m in find_mentions(doc)] == ["Velmo", "Ann Roe"]


def test_mentions_an_organization_before_a_qualified_title_is_kept() -> None:
    # "TVL Chief Financial Officer Ann Roe spoke.": "Chief" opens the title after the employer
    vocab = spacy.blank("en").vocab
    vocab.set_vector("TVL", numpy.ones(3, dtype="f"))
    words = ["TVL", "Chief", "Financial", "Officer", "Ann", "Roe", "spoke", "."]
    doc = Doc(vocab, words=words, spaces=[True] * 6 + [False, False],
              ents=["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
              pos=["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
              heads=[5, 3, 3, 5, 5, 6, 6, 6], deps=["compound", "compound", "compound", "compound", "compound", "nsubj",
                                                    "ROOT", "punct"])
    assert [m.text for m in find_mentions(doc)] == ["TVL", "Ann Roe"]


def test_mentions_a_legal_form_tagged_alone_after_a_comma_joins_the_name_before_it(blank) -> None:
    # "of Velar GP, LLC in 2012": the NER tags "LLC" alone and leaves "Velar GP" to the capitalized candidates
    words = ["of", "Velar", "GP", ",", "LLC", "in", "2012"]
    doc = Doc(blank.vocab, words=words, spaces=[True, True, False, True, True, True, False],
              ents=["O", "O", "O", "O", "B-ORG", "O", "O"], sent_starts=[i == 0 for i in range(len(words))],
              pos=["ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "ADP", "NUM"])
    assert [(m.text, m.label) for m in find_mentions(doc)] == [("Velar GP, LLC", "ORG")]


def test_mentions_a_sentence_opening_brand_is_kept_under_a_pipeline_without_word_vectors() -> None:
    # "Quantix spokeswoman Ann Roe said.": a pipeline without word vectors (the small English one) still gives
    # every token a context vector; only the vocabulary's vectors tell a common word, and it knows no "Quantix"
    vocab = spacy.blank("en").vocab
    words = ["Quantix", "spokeswoman", "Ann", "Roe", "said", "."]
    doc = Doc(vocab, words=words, spaces=[True, True, True, True, False, False],
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=["NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
              heads=[1, 3, 3, 4, 4, 4], deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"])
    doc.tensor = numpy.ones((len(words), 4), dtype="f")
    assert doc[0].has_vector  # the context vector
    assert [m.text for m in find_mentions(doc)] == ["Quantix", "Ann Roe"]
    # a word the vocabulary knows, opening the sentence once, stays a common word
    vocab.set_vector("Existing", numpy.ones(3, dtype="f"))
    doc = Doc(vocab, words=["Existing"] + words[1:], spaces=[True, True, True, True, False, False],
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
              heads=[1, 3, 3, 4, 4, 4], deps=["amod", "compound", "compound", "nsubj", "ROOT", "punct"])
    assert [m.text for m in find_mentions(doc)] == ["Ann Roe"]


@pytest.mark.parametrize("owner_tag,expected", [
    ("NNPS", ["Ann Roe", "Brenton Children's Fund"]),  # a plural noun's "'s" inside a fund's name
    ("NNP", ["Ann Roe", "Brenton Children"]),  # a singular owner: the name stops before its possessive
])
def test_mentions_a_plural_nouns_possessive_inside_a_name(owner_tag: str, expected: list[str]) -> None:
    words = ["Ann", "Roe", ",", "secretary", "of", "the", "Brenton", "Children", "'s", "Fund", ",", "spoke", "."]
    tags = ["NNP", "NNP", ",", "NN", "IN", "DT", "NNP", owner_tag, "POS", "NNP", ",", "VBD", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 4 + ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    spaces = [True, False, True, True, True, True, True, False, True, False, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags, ents=ents,
              sent_starts=[i == 0 for i in range(len(words))])
    assert [m.text for m in find_mentions(doc) if m.source == "ner"] == expected


def test_mentions_a_us_party_tag_is_no_name() -> None:
    # "Sen. Ann Roe, D-Ore., spoke.": the state in the party tag is no name
    doc = parse("""
        0 Ann    _   PROPN compound 1 ent=B-PERSON
        1 Roe    _   PROPN nsubj    7 ent=I-PERSON
        2 ,      _   PUNCT punct    1
        3 D      _   PROPN compound 5
        4 -      _   PUNCT punct    5
        5 Ore.   _   PROPN appos    1 ent=B-GPE
        6 ,      _   PUNCT punct    5
        7 spoke  speak VERB ROOT    7 tag=VBD
        8 .      _   PUNCT punct    7
        """, "en")
    assert [m.text for m in find_mentions(doc)] == ["Ann Roe"]
