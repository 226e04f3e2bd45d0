"""Relations through coreference: pronouns, descriptors, titles around names, coordinated names."""
from __future__ import annotations

import pytest

from graph.model import ORGANIZATION, PERSON, entity_key
from loaders.coref import main_person_descriptors
from loaders.extract import extract_text
from loaders.mentions import Mention


def triples(extraction) -> set[tuple[str, str, str]]:
    names = {e.key: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations}


@pytest.mark.parametrize("text,expected", [
    ("Marion Leclerc a fondé Brevo. Elle a ensuite rejoint Orvel.",
     {("FOUNDED", "Marion Leclerc", "Brevo"), ("WORKS_AT", "Marion Leclerc", "Orvel")}),
    ("Tom Reyes joined us last week. He met Jane Holloway in Paris.", {("KNOWS", "Tom Reyes", "Jane Holloway")}),
    ("« Tout va bien », dit Sonia Blaise. Elle a été accompagnée par Hugo Marchal.",
     {("MENTORED", "Hugo Marchal", "Sonia Blaise")}),
    ("Le fondateur de Brevo, Marion Leclerc, a rejoint Orvel en 2020.",
     {("FOUNDED", "Marion Leclerc", "Brevo"), ("WORKS_AT", "Marion Leclerc", "Orvel")}),
    ('"We talked with Zentral but never made an offer," said Dronix CEO Ellen Park.',
     {("WORKS_AT", "Ellen Park", "Dronix")}),
    ("Fondée en 2019 par Claire Dumas et Arnaud Lefort, Vinolia a levé 12 millions d'euros auprès "
     "d'Aquitaine Innovation et de Rivage Capital.",
     {("FOUNDED", "Claire Dumas", "Vinolia"), ("FOUNDED", "Arnaud Lefort", "Vinolia"),
      ("INVESTED_IN", "Rivage Capital", "Vinolia")}),
    ("Yann Morel a fondé Kibo. Le créateur de Kibo a rencontré Lise Caron en 2015.",
     {("KNOWS", "Yann Morel", "Lise Caron")}),
    ("Kibo's founder, Yann Morel, sold the company in 2021.", {("FOUNDED", "Yann Morel", "Kibo")}),
    # a plural subject stands for the people named together before it
    ("Nadia Keller and Tom Reyes grew up in Lyon. The pair founded Tessaro in 2015.",
     {("FOUNDED", "Nadia Keller", "Tessaro"), ("FOUNDED", "Tom Reyes", "Tessaro")}),
    ("Claire Dumas et Arnaud Lefort se sont rencontrés à Lyon. Ils ont fondé Vinolia en 2015.",
     {("FOUNDED", "Claire Dumas", "Vinolia"), ("FOUNDED", "Arnaud Lefort", "Vinolia")}),
    # a story its founders tell as "nous": what "nous" did, each of them did
    ("Nadia Keller et Tom Reyes ont quitté Orvel en 2019.\n\nNous avons décidé de nous lancer. Nous avons "
     "rencontré Hugo Marchal, puis nous avons levé des fonds.",
     {("KNOWS", "Nadia Keller", "Hugo Marchal"), ("KNOWS", "Tom Reyes", "Hugo Marchal")}),
    # "site co-founder X": the company told of, without a determiner
    ("Brevo has 40 employees. “We grow fast,” said site co-founder Ana Sol.", {("FOUNDED", "Ana Sol", "Brevo")}),
    # a description of the article's main person, just named, states his own fact
    ("Yann Morel a grandi à Lyon. Il a longtemps hésité. Le fondateur de Kibo, venu en personne, a parlé.",
     {("FOUNDED", "Yann Morel", "Kibo")}),
])
def test_relations_coref_reads_through_pronouns_and_descriptors(nlp_fr, text: str, expected: set) -> None:
    found = triples(extract_text(text))
    assert expected <= found, expected - found


@pytest.mark.parametrize("text,forbidden", [
    # a title that only says founder adds no WORKS_AT beside the FOUNDED it states
    ("Brevo has 40 employees. “We grow fast,” said site co-founder Ana Sol.", ("WORKS_AT", "Ana Sol")),
    # a description used as a predicate names nobody, and is negated or modal besides
    ("Yann Morel a grandi à Lyon. Yann Morel n'est pas le fondateur de Kibo.", ("FOUNDED", "Kibo")),
    ("Yann Morel a grandi à Lyon. Yann Morel pourrait devenir le PDG de Kibo.", ("WORKS_AT", "Kibo")),
    # the complement of a noun in an apposition is not the subject of the verb after it
    ("Nadia Keller, une amie de Tom Reyes, a rejoint Orvel.", ("WORKS_AT", "Tom Reyes")),
    # a pronoun after a sentence naming no one points nowhere
    ("Le marché est difficile. Il a rencontré Hugo Marchal.", ("KNOWS", "Hugo Marchal")),
    # a person only named inside a quote is not what "Elle" refers to
    ("« Sonia Blaise est géniale », dit le journal. Elle a rencontré Hugo Marchal.", ("KNOWS", "Sonia Blaise")),
    # "Il y a" is not a pronoun pointing at anyone
    ("Paul Tissier dirige Orvel. Il y a eu une rencontre avec Hugo Marchal.", ("KNOWS", "Paul Tissier")),
])
def test_relations_coref_pronoun_traps(nlp_fr, text: str, forbidden: tuple[str, str]) -> None:
    kinds = {(t[0], t[1]) for t in triples(extract_text(text))} | \
        {(t[0], t[2]) for t in triples(extract_text(text))}
    assert forbidden not in kinds


@pytest.mark.parametrize("text,expected", [
    # a pronoun after a conjunction or a comma stands for the person named before it in the sentence
    ("Tom Reyes spent years in a café before he started Brewstack in 2017.", {("FOUNDED", "Tom Reyes", "Brewstack")}),
    ("Paul Vallin n'avait que 24 ans quand il a lancé Verdon.", {("FOUNDED", "Paul Vallin", "Verdon")}),
    ("Lise Caron a travaillé chez Orvel. C'est là qu'elle a croisé Hugo Marchal.",
     {("KNOWS", "Lise Caron", "Hugo Marchal")}),
    # an inner pronoun reaching the sentence before takes its subject, not the last name in it
    ("Inès Vidal a cofondé Skylo avec son frère Karim Vidal. Auparavant, elle a travaillé chez Tarvel.",
     {("WORKS_AT", "Inès Vidal", "Tarvel")}),
    # "la société" after "X, ..., a été racheté par Y": the company the article is about
    ("Ondix a levé 2 M€ en 2019. Ondix, éditeur de logiciels, a été racheté par Heimdal. "
     "La société avait été créée par Romain Abel.", {("FOUNDED", "Romain Abel", "Ondix")}),
    # "ce fonds" is the fund named last, not the startup the article is about
    ("Colivo a levé 3 M€ auprès de Garonne Capital. Colivo recrute. Ce fonds, dirigé par Sylvie Labat, investit peu.",
     {("WORKS_AT", "Sylvie Labat", "Garonne Capital")}),
    # "the company" skips funds named in passing
    ("Voltix raised €18 million. Investors include Polderen Ventures. CEO Femke Jansen founded the company in 2020.",
     {("FOUNDED", "Femke Jansen", "Voltix")}),
])
def test_relations_coref_inner_pronouns_and_salient_descriptors(nlp_fr, text: str, expected: set) -> None:
    found = triples(extract_text(text))
    assert expected <= found, expected - found


@pytest.mark.parametrize("text,forbidden", [
    # a sentence-initial "Il" after a sentence naming no one does not reach further back
    ("Claire Vidor dirige Arvel. Le fonds a investi dans Nuvio. Il a aussi injecté 1 M€ dans Agriva.",
     ("INVESTED_IN", "Claire Vidor")),
])
def test_relations_coref_pronouns_do_not_reach_two_sentences_back(nlp_fr, text: str, forbidden: tuple[str, str]) -> None:
    assert forbidden not in {(t[0], t[1]) for t in triples(extract_text(text))}


def _mention(text: str, kind: str, start: int, sentence: int, **extra) -> Mention:
    return Mention(text=text, type=kind, start=start, end=start + len(text), sentence=sentence, **extra)


def _keys(mentions: list[Mention]):
    return lambda i: entity_key(mentions[mentions[i].refers_to].text if mentions[i].is_pseudo and
                                mentions[i].refers_to is not None else mentions[i].text) if mentions[i].type else None


@pytest.mark.parametrize("people,described_in,expected", [
    # the article names Marc Dorval most, in the sentence before "le fondateur de Brimco": he is meant
    ([("Marc Dorval", 0), ("Marc Dorval", 1), ("Lina Roy", 1)], 2, [(4, 1)]),
    # two people named as often: nobody is the article's main person, the descriptor stays open
    ([("Marc Dorval", 0), ("Lina Roy", 1), ("Ada Lenz", 1)], 2, []),
    # the main person was last named more than two sentences before
    ([("Marc Dorval", 0), ("Marc Dorval", 0), ("Lina Roy", 0)], 3, []),
])
def test_relations_coref_unresolved_descriptor_points_at_the_main_person(people, described_in, expected) -> None:
    mentions = [_mention(text, PERSON, 10 * i, number) for i, (text, number) in enumerate(people)]
    mentions.append(_mention("Brimco", ORGANIZATION, 60, described_in))
    mentions.append(_mention("le fondateur de Brimco", PERSON, 44, described_in, source="descriptor", about=3,
                             role="fondateur"))
    assert main_person_descriptors(mentions, _keys(mentions)) == expected
