"""Speakers: quotes and their attribution, interview turns, first-person statements of a named speaker."""
from __future__ import annotations

import pytest

from graph.model import PERSON
from loaders.extract import extract_text
from loaders.mentions import Mention
from loaders.speakers import (attribute, find_quotes, first_person_mentions, interview_answers, interview_turns,
                               narrator_mentions, narrators, turn_labels)


def person(text: str, whole: str, source: str = "ner") -> Mention:
    start = whole.index(text)
    return Mention(text=text, type=PERSON, start=start, end=start + len(text), sentence=0, label="PER", source=source)


@pytest.mark.parametrize("text,quoted", [
    ("Il dit « J'ai rencontré Paul » hier.", ["J'ai rencontré Paul "]),
    ("“I met Rachel,” says Owen.", ["I met Rachel,"]),
    ('"Je suis tombé sur Paul." Il rit. "Deux fois."', ["Je suis tombé sur Paul.", "Deux fois."]),
    ('Un seul guillemet " ici.', []),
])
def test_speakers_find_quotes(text: str, quoted: list[str]) -> None:
    assert [text[q.start:q.end].strip() for q in find_quotes(text)] == [q.strip() for q in quoted]


@pytest.mark.parametrize("text,speaker", [
    ("« J'ai rencontré Sonia Blaise en 2012 », explique Lucas Ferrand.", "Lucas Ferrand"),
    ("« J'ai rencontré Sonia Blaise », Lucas Ferrand raconte.", "Lucas Ferrand"),
    ('"I met Rachel Stone at a dinner," says Owen Pike.', "Owen Pike"),
    ("Lucas Ferrand est à Lyon. « J'ai rencontré Sonia Blaise », raconte-t-il.", "Lucas Ferrand"),
    ("Selon Lucas Ferrand, « Sonia Blaise m'a conseillé ».", "Lucas Ferrand"),
    ("Lucas Ferrand explique : « J'ai rencontré Sonia Blaise ».", "Lucas Ferrand"),
])
def test_speakers_attribute_quote(text: str, speaker: str) -> None:
    names = ["Lucas Ferrand", "Sonia Blaise", "Owen Pike", "Rachel Stone"]
    mentions = sorted((person(n, text) for n in names if n in text), key=lambda m: m.start)
    quote = find_quotes(text)[0]
    index = attribute(text, quote, mentions, None)
    assert index is not None and mentions[index].text == speaker


@pytest.mark.parametrize("text", [
    "« J'ai rencontré Sonia Blaise », dit-on souvent.",
    "Le slogan « Je crois en Sonia Blaise » était partout.",
])
def test_speakers_leave_unattributed_quotes_alone(text: str) -> None:
    mentions = [person("Sonia Blaise", text)]
    assert attribute(text, find_quotes(text)[0], mentions, None) is None


@pytest.mark.parametrize("text,label,speaker", [
    ("Entretien avec Marion Leclerc\nML : J'ai fondé Brevo.\nJRN : Et ensuite ?\nML : Orvel.", "ML", "Marion Leclerc"),
    ("A conversation with Dana Whitfield\nDW: I joined Orvel in 2010.\nQ: Why?\nDW: Luck.", "DW", "Dana Whitfield"),
    ("Entretien avec Marion Leclerc\nLeclerc : J'ai fondé Brevo.\nLeclerc : Puis Orvel.", "Leclerc", "Marion Leclerc"),
])
def test_speakers_interview_turn_labels_map_to_interviewee(text: str, label: str, speaker: str) -> None:
    mentions = [person(speaker, text)]
    turns = interview_turns(text, mentions)
    assert turns[0].speaker == 0
    assert any(text[s:e] == label for s, e in turn_labels(text))


QA_ARTICLE = ("Rencontre avec Lina Moreau\n\nLina Moreau a quitté Orvel pour lancer Brevo avec Paul Sorel. Lina raconte.\n\n"
              "Comment as-tu commencé ?\n\nJ'ai débuté chez Orvel, puis j'ai créé Brevo.\n\n"
              "Et ensuite ?\n\nNous recrutons. Je cherche des développeurs.\n")


def test_speakers_question_and_answer_article_answers_belong_to_the_interviewee() -> None:
    mentions = [person("Lina Moreau", QA_ARTICLE), person("Paul Sorel", QA_ARTICLE)]
    lina = QA_ARTICLE.index("Lina raconte")
    mentions.append(Mention(text="Lina", type=PERSON, start=lina, end=lina + 4, sentence=0, label="PER"))
    answers = interview_answers(QA_ARTICLE, mentions)
    assert [QA_ARTICLE[a.start:a.end] for a in answers] == [
        "J'ai débuté chez Orvel, puis j'ai créé Brevo.", "Nous recrutons. Je cherche des développeurs."]
    assert {a.speaker for a in answers} == {0}  # named most in the introduction, not the last name before it
    pseudo = first_person_mentions(QA_ARTICLE, answers, lambda position: 0)
    # in an answer "nous" speaks for the interviewee's team, the interviewee among them
    assert [m.text for m in pseudo] == ["J'", "j'", "Nous", "Je"] and {m.refers_to for m in pseudo} == {0}


@pytest.mark.parametrize("text", [
    # one rhetorical question is not an interview
    "Lina Moreau a lancé Brevo.\n\nPourquoi maintenant ?\n\nParce que le marché est prêt, je crois.\n",
    # questions answered in the third person: a report, nobody speaks
    "Lina Moreau a lancé Brevo.\n\nPourquoi ?\n\nLe marché est prêt.\n\nEt après ?\n\nElle recrute.\n",
])
def test_speakers_prose_with_questions_has_no_interviewee(text: str) -> None:
    assert interview_answers(text, [person("Lina Moreau", text)]) == []


def test_speakers_first_person_is_a_whole_word() -> None:
    # in a quote (not an interview answer) "nous" is the company or the team, not the speaker
    text = "« Jean et moi, Moissac, je crois, nous aussi », dit Lucas Ferrand."
    quote = find_quotes(text)[0]
    quote.speaker = 0
    assert [m.text for m in first_person_mentions(text, [quote], lambda position: 0)] == ["moi", "je"]


@pytest.mark.parametrize("text", ["JRN : Et ensuite ?", "Q : What next?"])
def test_speakers_unknown_turn_label_has_no_speaker(text: str) -> None:
    assert interview_turns(text, [])[0].speaker is None


@pytest.mark.parametrize("text", ["Zorblat : la startup qui monte\nElle a levé 2 M€.", "Paris : rien de neuf"])
def test_speakers_single_heading_is_not_a_turn_label(text: str) -> None:
    assert turn_labels(text) == []


@pytest.mark.parametrize("text,pronouns", [
    ("« Je l'ai rencontré et il m'a aidé, moi », dit Lucas Ferrand.", ["Je", "m'", "moi"]),
    ('"I met him," says Owen Pike.', ["I"]),
])
def test_speakers_first_person_points_at_speaker(text: str, pronouns: list[str]) -> None:
    quotes = find_quotes(text)
    quotes[0].speaker = 0
    found = first_person_mentions(text, quotes, lambda position: 0)
    assert [m.text for m in found] == pronouns
    assert all(m.refers_to == 0 and m.source == "first_person" for m in found)


def triples(extraction) -> set[tuple[str, str, str]]:
    names = {e.key: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations}


@pytest.mark.parametrize("text,expected", [
    ("Lucas Ferrand est le fondateur de Kibo. « J'ai rencontré Sonia Blaise en 2012 à un salon », raconte-t-il.",
     {("FOUNDED", "Lucas Ferrand", "Kibo"), ("KNOWS", "Lucas Ferrand", "Sonia Blaise")}),
    ("Selon Lucas Ferrand, « Sonia Blaise m'a conseillé dès le début ».", {("MENTORED", "Sonia Blaise", "Lucas Ferrand")}),
    ('"I met Rachel Stone at a dinner in 2015," says Owen Pike, founder of Trellis.',
     {("FOUNDED", "Owen Pike", "Trellis"), ("KNOWS", "Owen Pike", "Rachel Stone")}),
    ("Interview avec Marion Leclerc\nML : J'ai fondé Brevo en 2014 et j'ai rencontré Paul Tissier chez Orvel.",
     {("FOUNDED", "Marion Leclerc", "Brevo"), ("KNOWS", "Marion Leclerc", "Paul Tissier")}),
    ("Yann Morel a fondé Quillon. « Quand j'ai vendu l'entreprise, j'ai demandé à Lise Caron ce que je devais faire »,"
     " raconte le créateur de Quillon.", {("MENTORED", "Lise Caron", "Yann Morel")}),
])
def test_speakers_first_person_statements_belong_to_speaker(nlp_fr, text: str, expected: set) -> None:
    assert expected <= triples(extract_text(text))


@pytest.mark.parametrize("text", [
    '"On peut rencontrer Sonia Blaise partout", raconte Lucas Ferrand.',
    "« Je n'ai jamais rencontré Sonia Blaise », explique Lucas Ferrand.",
    "« Ils m'auraient présenté Sonia Blaise si j'avais dit oui », raconte Lucas Ferrand.",
    "Le slogan « J'ai rencontré Sonia Blaise » était partout.",
    "« Si j'avais dit oui, j'aurais rencontré Sonia Blaise », raconte Lucas Ferrand.",
])
def test_speakers_quoted_traps_extract_no_knows(nlp_fr, text: str) -> None:
    assert not {t for t in triples(extract_text(text)) if t[0] in ("KNOWS", "MENTORED")}


@pytest.mark.parametrize("text", [
    "« Halcyon Ventures voulait investir dans Kibo, mais j'avais peur de prendre leur argent », raconte Yann Morel.",
    '"Nexaro offered to buy Trellis, but I turned them down," says Owen Pike.',
    "« Ils m'auraient donné des millions si j'avais dit oui », explique Yann Morel, fondateur de Kibo.",
])
def test_speakers_declined_offers_extract_no_deal(nlp_fr, text: str) -> None:
    assert not {t for t in triples(extract_text(text)) if t[0] in ("INVESTED_IN", "ACQUIRED")}


STORY = ("Lina Moreau et Paul Sorel ont quitté Orvel en 2019.\n\nNous avons décidé de nous lancer. "
         "Nous avons rencontré Hugo Marchal, puis nous avons levé des fonds.")


def test_speakers_a_first_person_plural_story_is_told_by_the_pair_named_first() -> None:
    mentions = [person("Lina Moreau", STORY), person("Paul Sorel", STORY), person("Hugo Marchal", STORY)]
    assert narrators(STORY, mentions, []) == [0, 1]
    told = narrator_mentions(STORY, [0, 1], [], lambda position: 0)
    assert [(m.text, m.refers_to) for m in told][:2] == [("Nous", 0), ("Nous", 1)] and len(told) == 2 * 4


def test_speakers_a_story_s_possessives_stand_for_its_narrators() -> None:
    # "nos mentors": each narrator's, like "nous"
    text = STORY + " Nous avons aussi rencontré nos mentors."
    told = narrator_mentions(text, [0, 1], [], lambda position: 0)
    assert [(m.text, m.refers_to) for m in told if m.text == "nos"] == [("nos", 0), ("nos", 1)]


def test_speakers_a_story_s_mentor_mentored_each_narrator(nlp_fr) -> None:
    text = STORY + " Pendant la formation, nous avons rencontré Luc Ferraud, l'un de nos mentors."
    mentored = {(t[1], t[2]) for t in triples(extract_text(text, nlp_fr)) if t[0] == "MENTORED"}
    assert mentored == {("Luc Ferraud", "Lina Moreau"), ("Luc Ferraud", "Paul Sorel")}


def test_speakers_an_answer_s_possessives_belong_to_the_interviewee() -> None:
    text = "« Mon associé et moi avons quitté notre poste », dit Lucas Ferrand."
    quote = find_quotes(text)[0]
    quote.speaker, quote.team = 0, True
    assert [m.text for m in first_person_mentions(text, [quote], lambda position: 0)] == ["Mon", "moi", "notre"]


@pytest.mark.parametrize("text", [
    # "nous" said twice in the article's own voice is an editorial "we", not a story
    "Lina Moreau et Paul Sorel ont quitté Orvel. Nous l'avons appris hier, nous le confirmons.",
    # said in quotes, it is the speaker's company
    "Lina Moreau et Paul Sorel ont quitté Orvel. « Nous partons, nous créons, nous recrutons », disent-ils.",
])
def test_speakers_no_story_without_three_we_of_the_article_s_own(text: str) -> None:
    mentions = [person("Lina Moreau", text), person("Paul Sorel", text)]
    quoted = [(q.start, q.end) for q in find_quotes(text)]
    assert narrators(text, mentions, quoted) == []
