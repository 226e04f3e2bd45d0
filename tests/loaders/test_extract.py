"""Extraction end to end: fixture articles, coreference of descriptors, evidence, confidence."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Article, article_id
from loaders.coref import org_descriptors
from loaders.extract import extract_articles, extract_text
from loaders.mentions import Mention

from docs import parse

DATA = Path(__file__).resolve().parent / "data"


def triples(extraction) -> set[tuple[str, str, str]]:
    names = {e.key: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations}


@pytest.fixture(scope="module")
def fixtures(nlp_fr) -> dict:
    out = {}
    for path in sorted(DATA.glob("*.txt")):
        out[path.name] = extract_text(path.read_text(encoding="utf-8"), nlp_fr, path=path.name)
    return out


@pytest.mark.parametrize("name,expected", [
    ("portrait-fr.txt", {
        ("WORKS_AT", "Yann Morel", "Orvel"),
        ("FOUNDED", "Yann Morel", "Kibo"),  # "fondateur de la startup éponyme"
        ("ACQUIRED", "Orvel", "Kibo"),
        ("KNOWS", "Yann Morel", "Lise Caron"),  # quote spoken by "le créateur de Kibo"
        ("MENTORED", "Lise Caron", "Yann Morel"),  # asking her what to do with the money
        ("INVESTED_IN", "Norvane Capital", "Kibo"),
        ("INVESTED_IN", "Estrel Partners", "Kibo"),
    }),
    ("interview-en.txt", {
        ("WORKS_AT", "Dana Whitfield", "Brightwater"),
        ("FOUNDED", "Dana Whitfield", "Trellis"),  # interview turn "DW:" speaks for Dana Whitfield
        ("MENTORED", "Rachel Stone", "Dana Whitfield"),
        ("KNOWS", "Dana Whitfield", "Tom Reyes"),
        ("INVESTED_IN", "Halcyon Ventures", "Trellis"),
        ("ACQUIRED", "Nexaro", "Trellis"),
    }),
])
def test_extract_fixture_articles_find_the_facts(fixtures: dict, name: str, expected: set) -> None:
    found = triples(fixtures[name])
    assert expected <= found, expected - found


@pytest.mark.parametrize("name,forbidden", [
    ("portrait-fr.txt", {("ACQUIRED", "Tavolo", "Kibo"), ("KNOWS", "Yann Morel", "Hugo Marchal")}),
    ("interview-en.txt", {("KNOWS", "Dana Whitfield", "Marc Leroy")}),
])
def test_extract_fixture_articles_avoid_traps(fixtures: dict, name: str, forbidden: set) -> None:
    assert not (forbidden & triples(fixtures[name]))


@pytest.mark.parametrize("name,absent", [
    ("portrait-fr.txt", {"Email", "Tweet", "Nantes", "Lyon"}),
    ("interview-en.txt", {"DW", "Q", "Boston"}),
])
def test_extract_fixture_articles_keep_noise_out_of_entities(fixtures: dict, name: str, absent: set) -> None:
    assert not (absent & {e.name for e in fixtures[name].entities})


@pytest.mark.parametrize("name,props", [
    ("interview-en.txt", {("WORKS_AT", "Brightwater"): {"role": "VP of engineering", "former": True},
                          ("ACQUIRED", "Trellis"): {"amount": 40_000_000.0, "currency": "USD"},
                          ("INVESTED_IN", "Trellis"): {"amount": 5_000_000.0, "currency": "USD"}}),
    ("portrait-fr.txt", {("INVESTED_IN", "Kibo"): {"amount": 2_000_000.0, "currency": "EUR"}}),
])
def test_extract_fixture_articles_props(fixtures: dict, name: str, props: dict) -> None:
    extraction = fixtures[name]
    names = {e.key: e.name for e in extraction.entities}
    for (kind, target), expected in props.items():
        relation = next(r for r in extraction.relations if r.type == kind and names[r.target] == target)
        assert relation.props == expected


@pytest.mark.parametrize("name", ["portrait-fr.txt", "interview-en.txt"])
def test_extract_evidence_is_the_sentence_at_its_offsets(fixtures: dict, name: str) -> None:
    extraction = fixtures[name]
    for relation in extraction.relations:
        for evidence in relation.evidence:
            assert extraction.article.text[evidence.start:evidence.end] == evidence.sentence
            assert evidence.sentence == evidence.sentence.strip() and "\n\n" not in evidence.sentence


@pytest.mark.parametrize("once,twice", [(
    "Camille Vernet a rencontré Paul Dorsan à Lyon.",
    "Camille Vernet a rencontré Paul Dorsan à Lyon. Plus tard, Camille Vernet a travaillé avec Paul Dorsan.",
)])
def test_extract_repeated_facts_raise_confidence(nlp_fr, once: str, twice: str) -> None:
    single = extract_text(once, nlp_fr).relations
    double = extract_text(twice, nlp_fr).relations
    assert len(single) == len(double) == 1
    assert len(double[0].evidence) == 2
    assert double[0].confidence > single[0].confidence


@pytest.mark.parametrize("text,descriptor,antecedent", [
    ("Yann Morel gère l'offre Kibo chez Orvel, et fondateur de la startup éponyme.", "la startup éponyme", "Kibo"),
    ("Orvel a racheté Kibo. La société emploie 40 personnes.", "La société", "Kibo"),
    ("Trellis raised $5 million. The company hired ten people.", "The company", "Trellis"),
])
def test_extract_org_descriptors_point_at_antecedent(text: str, descriptor: str, antecedent: str) -> None:
    assert_descriptor(text, descriptor, antecedent)


@pytest.mark.parametrize("text", [
    "Orvel a racheté la jeune pousse nantaise Kibo en 2023.",
    "Orvel a racheté la société britannique Kibo en 2023.",
    "Orvel a racheté la start-up Kibo en 2023.",
])
def test_extract_org_descriptor_followed_by_a_place_adjective_and_a_name_is_that_name(text: str) -> None:
    assert_descriptor(text, None, None)


def assert_descriptor(text: str, descriptor: str | None, antecedent: str | None) -> None:
    names = [n for n in ("Yann Morel", "Kibo", "Orvel", "Trellis") if n in text]
    mentions = []
    for name in names:
        start = text.index(name)
        kind = "Person" if " " in name else "Organization"
        mentions.append(Mention(text=name, type=kind, start=start, end=start + len(name), sentence=0))
    mentions.sort(key=lambda m: m.start)
    found = org_descriptors(text, mentions, [(0, len(text))])
    assert [m.text for m in found] == ([descriptor] if descriptor else [])
    assert [mentions[m.refers_to].text for m in found] == ([antecedent] if antecedent else [])


def _organizations_and_sentences(doc) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The doc's named organizations as mentions (each in its sentence) and its sentences' offsets."""
    sentence_of = {t.i: number for number, sentence in enumerate(doc.sents) for t in sentence}
    named = [Mention(text=t.text, type="Organization", start=t.idx, end=t.idx + len(t.text), sentence=sentence_of[t.i])
             for t in doc if t.ent_type_ == "ORG"]
    return named, [(s.start_char, s.end_char) for s in doc.sents]


def test_extract_org_descriptor_is_never_another_argument_of_its_clause() -> None:
    # "Kibo grew. Orvel acquired the company.": the company Orvel bought is not Orvel
    doc = parse("""
        0 Kibo     _       PROPN nsubj 1 ent=B-ORG
        1 grew     grow    VERB  ROOT  1 tag=VBD
        2 .        _       PUNCT punct 1
        3 Orvel    _       PROPN nsubj 4 ent=B-ORG
        4 acquired acquire VERB  ROOT  4 tag=VBD
        5 the      the     DET   det   6
        6 company  company NOUN  dobj  4
        7 .        _       PUNCT punct 4
        """)
    named, spans = _organizations_and_sentences(doc)
    found = org_descriptors(doc.text, named, spans, doc)
    assert [(m.text, named[m.refers_to].text) for m in found] == [("the company", "Kibo")]
    assert named[org_descriptors(doc.text, named, spans)[0].refers_to].text == "Orvel"  # the text alone cannot tell


def test_extract_org_descriptor_in_apposition_is_its_name() -> None:
    # "Kibo grew. Orvel, the company they founded, grew.": parsed as two subjects, still an apposition
    doc = parse("""
        0 Kibo    _       PROPN nsubj 1 ent=B-ORG
        1 grew    grow    VERB  ROOT  1 tag=VBD
        2 .       _       PUNCT punct 1
        3 Orvel   _       PROPN nsubj 9 ent=B-ORG
        4 ,       _       PUNCT punct 9
        5 the     the     DET   det   6
        6 company company NOUN  nsubj 9
        7 they    they    PRON  nsubj 8
        8 founded found   VERB  relcl 6 tag=VBD
        9 grew    grow    VERB  ROOT  9 tag=VBD
        10 .      _       PUNCT punct 9
        """)
    named, spans = _organizations_and_sentences(doc)
    found = org_descriptors(doc.text, named, spans, doc)
    assert [(m.text, named[m.refers_to].text) for m in found] == [("the company", "Orvel")]


def test_extract_org_descriptor_subject_is_not_what_a_fronted_title_names() -> None:
    # "Kibo grew. Owner of Orvel, the company acquired Tessel.": the company owns Orvel, it is not Orvel
    doc = parse("""
        0 Kibo     _        PROPN nsubj 1 ent=B-ORG
        1 grew     grow     VERB  ROOT  1 tag=VBD
        2 .        _        PUNCT punct 1
        3 Owner    owner    NOUN  npadvmod 9
        4 of       of       ADP   prep  3
        5 Orvel    _        PROPN pobj  4 ent=B-ORG
        6 ,        _        PUNCT punct 9
        7 the      the      DET   det   8
        8 company  company  NOUN  nsubj 9
        9 acquired acquire  VERB  ROOT  9 tag=VBD
        10 Tessel  _        PROPN dobj  9 ent=B-ORG
        11 .       _        PUNCT punct 9
        """)
    named, spans = _organizations_and_sentences(doc)
    found = org_descriptors(doc.text, named, spans, doc)
    assert [(m.text, named[m.refers_to].text) for m in found] == [("the company", "Kibo")]


@pytest.mark.parametrize("texts", [("Camille Vernet a fondé Zorblat.", "Tom Reyes founded Quibbly in 2012.")])
def test_extract_articles_batches_keep_order(texts: tuple[str, ...]) -> None:
    articles = [Article(id=article_id(t), path=f"a{i}.txt", title="", language="fr", text=t)
                for i, t in enumerate(texts)]
    results = list(extract_articles(articles, batch_size=1))
    assert [r.article.path for r in results] == ["a0.txt", "a1.txt"]
    assert all(r.relations for r in results)


@pytest.mark.parametrize("texts", [("Camille Vernet a fondé Zorblat.", "Tom Reyes founded Quibbly in 2012.",
                                    "Lina Okafor a rejoint Orvel comme CTO.")])
def test_extract_articles_workers_match_one_process(texts: tuple[str, ...]) -> None:
    articles = [Article(id=article_id(t), path=f"a{i}.txt", title="", language="fr", text=t)
                for i, t in enumerate(texts)]
    alone = list(extract_articles(articles, batch_size=1))
    workers = list(extract_articles(articles, batch_size=1, n_process=2))
    assert [r.article for r in workers] == articles
    assert [r.to_gold_shape() for r in workers] == [r.to_gold_shape() for r in alone]


@pytest.mark.parametrize("descriptor,antecedent", [("la start-up", "Kibo"), ("cette société", "Orvel")])
def test_extract_the_start_up_is_the_story_s_company_however_far(descriptor: str, antecedent: str) -> None:
    # Kibo is named three times early on; four sentences later Orvel is named in passing, then the descriptor
    sentences = ["Kibo lève 2 M€.", "Kibo recrute.", "Kibo grandit.", "Il pleut.", "Il pleut.", "Il pleut.",
                 f"Luc, ancien d'Orvel, a rejoint {descriptor}."]
    text = " ".join(sentences)
    spans, mentions, start = [], [], 0
    for number, sentence in enumerate(sentences):
        spans.append((start, start + len(sentence)))
        for name in ("Kibo", "Orvel"):
            if name in sentence:
                at = start + sentence.index(name)
                mentions.append(Mention(text=name, type="Organization", start=at, end=at + len(name), sentence=number))
        start += len(sentence) + 1
    found = [m for m in org_descriptors(text, mentions, spans) if m.text == descriptor]
    assert [mentions[m.refers_to].text for m in found] == [antecedent]
