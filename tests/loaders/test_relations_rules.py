"""Relation rules on the words between two mentions, without a model."""
from __future__ import annotations

import pytest

from graph.model import ACQUIRED, FOUNDED, INVESTED_IN, KNOWS, MENTORED, ORGANIZATION, PERSON, WORKS_AT
from loaders.relations import RULES, relations_between

P, O = PERSON, ORGANIZATION


@pytest.mark.parametrize("types,between,after,before,expected", [
    # type, source is left (0) or right (1), props subset
    ((P, O), ", CEO d'", "", "", (WORKS_AT, 0, {"role": "CEO"})),
    ((P, O), ", expert digital pour ", "", "", (WORKS_AT, 0, {"role": "expert digital"})),
    ((P, O), " ancien vice-président du marketing pour ", "", "", (WORKS_AT, 0, {"role": "vice-président du marketing", "former": True})),
    ((P, O), ", former VP of sales at ", "", "", (WORKS_AT, 0, {"role": "VP of sales", "former": True})),
    ((P, O), ", le directeur-général de ", "", "", (WORKS_AT, 0, {"role": "directeur-général"})),
    ((P, O), ", cofondatrice de ", "", "", (FOUNDED, 0, {})),
    ((P, O), ", l'un des deux fondateurs de ", "", "", (FOUNDED, 0, {})),  # the title, not "des deux fondateurs"
    ((P, O), ", one of the co-founders of ", "", "", (FOUNDED, 0, {})),
    ((P, O), ", l'une des directrices de ", "", "", (WORKS_AT, 0, {"role": "directrices"})),
    ((P, O), ", a spokeswoman for ", "", "", (WORKS_AT, 0, {"role": "spokeswoman"})),
    ((P, O), ", attorney for ", "", "", (WORKS_AT, 0, {"role": "attorney"})),
    ((P, O), " has covered education for the ", "", "", (WORKS_AT, 0, {})),  # a journalist's paper
    ((P, O), " was previously at ", "", "", (WORKS_AT, 0, {"former": True})),
    ((P, O), " of ", "", "", (WORKS_AT, 0, {})),  # "Adam Hale of Quantix"
    ((O, P), "’ ", "", "", (WORKS_AT, 1, {})),  # "Brimco Partners’ Ann Roe"
    ((P, O), " spent six years at ", "", "", (WORKS_AT, 0, {})),
    ((P, O), " took on the CEO role at ", "", "", (WORKS_AT, 0, {"role": "CEO"})),  # the title, not the verb
    ((P, O), " moved to a partner position at ", "", "", (WORKS_AT, 0, {"role": "partner"})),
    ((P, O), ", age 64, has been a director on the boards of both ", "", "", (WORKS_AT, 0, {"role": "director"})),
    ((P, O), " is a member of the board of directors of ", "", "",
     (WORKS_AT, 0, {"role": "member of the board of directors"})),
    # "X, dont A est directeur général, ...": the title after the name, the company before "dont"
    ((O, P), ", dont ", " est directeur général, a grandi.", "", (WORKS_AT, 1, {"role": "directeur général"})),
    ((O, P), ", dont ", " et Tom Hale sont les cofondateurs, recrute.", "", (FOUNDED, 1, {})),
    ((P, O), ", the founder of ", "", "", (FOUNDED, 0, {})),
    # a stake read as a title ("principal" is also a fund's title): the holder invested, no job
    ((P, O), " est l'actionnaire principal de ", "", "", (INVESTED_IN, 0, {})),
    ((P, O), ", le principal actionnaire de ", "", "", (INVESTED_IN, 0, {})),
    ((P, O), ", a principal at ", "", "", (WORKS_AT, 0, {"role": "principal"})),
    ((P, O), ", respectivement PDG de ", "", "", (WORKS_AT, 0, {"role": "PDG"})),  # an adverb is no part of the title
    ((P, O), ", currently the chief financial officer of ", "", "", (WORKS_AT, 0, {"role": "chief financial officer"})),
    ((P, O), ", the owner and general manager of ", "", "", (WORKS_AT, 0, {"role": "owner and general manager"})),
    ((P, O), " est le fondateur de ", "", "", (FOUNDED, 0, {})),
    ((P, O), " is the chief technology officer at ", "", "", (WORKS_AT, 0, {"role": "chief technology officer"})),
    ((P, O), " est responsable des ventes chez ", "", "", (WORKS_AT, 0, {"role": "responsable des ventes"})),
    ((P, O), " d'", "", "", (WORKS_AT, 0, {})),
    ((P, O), " a rejoint ", "", "", (WORKS_AT, 0, {})),
    ((P, O), " joined ", "", "", (WORKS_AT, 0, {})),
    ((P, O), " worked at ", "", "", (WORKS_AT, 0, {"former": True})),
    ((P, O), " travaille désormais chez ", "", "", (WORKS_AT, 0, {})),
    ((P, O), ", désormais chez ", "", "", (WORKS_AT, 0, {})),
    ((P, O), ", general partner at ", "", "", (WORKS_AT, 0, {"role": "general partner"})),
    ((P, O), ", 42 ans, dirige ", "", "", (WORKS_AT, 0, {})),
    ((O, P), "'s CEO ", "", "", (WORKS_AT, 1, {"role": "CEO"})),
    ((P, O), " a fondé ", "", "", (FOUNDED, 0, {})),
    ((P, O), " a cofondé en 2014 ", "", "", (FOUNDED, 0, {})),
    ((P, O), " co-founded ", "", "", (FOUNDED, 0, {})),
    ((P, O), " launched the startup ", "", "", (FOUNDED, 0, {})),
    ((O, P), ", fondée par ", "", "", (FOUNDED, 1, {})),
    ((O, P), ", founded in 2012 by ", "", "", (FOUNDED, 1, {})),
    ((O, O), " racheté par ", "", "", (ACQUIRED, 1, {})),
    ((O, O), " a été rachetée pour 25 millions de dollars par ", "", "", (ACQUIRED, 1, {"amount": 25e6, "currency": "USD"})),
    ((O, O), " was acquired by ", " for $10 million", "", (ACQUIRED, 1, {"amount": 1e7, "currency": "USD"})),
    ((O, O), " a racheté ", "", "", (ACQUIRED, 0, {})),
    ((O, O), " acquired ", "", "", (ACQUIRED, 0, {})),
    ((O, O), " s'est offert ", " pour 2 milliards d'euros", "", (ACQUIRED, 0, {"amount": 2e9, "currency": "EUR"})),
    ((O, O), " par ", "", "Le rachat de ", (ACQUIRED, 1, {})),
    ((O, O), " à ", " pour 12 M€", "Orvel a cédé ", (ACQUIRED, 1, {"amount": 12e6, "currency": "EUR"})),
    ((O, O), " a investi 2 millions d'euros dans ", "", "", (INVESTED_IN, 0, {"amount": 2e6, "currency": "EUR"})),
    ((O, O), " invested $5 million in ", "", "", (INVESTED_IN, 0, {"amount": 5e6, "currency": "USD"})),
    ((P, O), " a investi dans ", "", "", (INVESTED_IN, 0, {})),
    ((O, O), " led the Series A round in ", "", "", (INVESTED_IN, 0, {"round": "Series A"})),
    ((O, O), " a mené le tour de table de ", "", "", (INVESTED_IN, 0, {})),
    ((O, O), " a levé 9,5 M€ auprès de ", "", "", (INVESTED_IN, 1, {"amount": 9.5e6, "currency": "EUR"})),
    ((O, O), " raised €20M from ", " in a Series A round", "", (INVESTED_IN, 1, {"amount": 2e7, "currency": "EUR", "round": "Series A"})),
    ((O, O), ", backed by ", "", "", (INVESTED_IN, 1, {})),
    ((O, P), ", soutenue par ", "", "", (INVESTED_IN, 1, {})),
    ((P, P), " a conseillé ", "", "", (MENTORED, 0, {})),
    ((P, P), " mentored ", "", "", (MENTORED, 0, {})),
    ((P, P), " coached ", "", "", (MENTORED, 0, {})),
    ((P, P), " a été conseillée par ", "", "", (MENTORED, 1, {})),
    ((P, P), " was mentored by ", "", "", (MENTORED, 1, {})),
    ((P, P), " a suivi les conseils de ", "", "", (MENTORED, 1, {})),
    ((P, P), " asked ", " for advice", "", (MENTORED, 1, {})),
    ((P, P), " ai même demandé par mail à ", ", de Zorblat, ce que je devais faire", "", (MENTORED, 1, {})),
    ((P, P), " ", " m'a conseillé", "", None),
    ((P, P), " a rencontré ", "", "", (KNOWS, 0, {})),
    ((P, P), " suis tombé deux fois sur ", "", "", (KNOWS, 0, {})),
    ((P, P), " a discuté avec ", "", "", (KNOWS, 0, {})),
    ((P, P), " a travaillé avec ", "", "", (KNOWS, 0, {})),
    ((P, P), " a été présenté à ", "", "", (KNOWS, 0, {})),
    ((P, P), " met ", "", "", (KNOWS, 0, {})),
    ((P, P), " worked closely with ", "", "", (KNOWS, 0, {})),
    ((P, P), " was introduced to ", "", "", (KNOWS, 0, {})),
    ((P, P), " et ", " se sont rencontrés à Lyon", "", (KNOWS, 0, {})),
    ((P, P), " and ", " met in 2015", "", (KNOWS, 0, {})),
])
def test_relations_rule_reads_type_direction_and_props(types, between, after, before, expected) -> None:
    found = relations_between(0, 1, types[0], types[1], between, after=after, before=before)
    if expected is None:
        assert found == []
        return
    kind, source, props = expected
    assert [f.type for f in found] == [kind]
    assert found[0].source == source and found[0].target == 1 - source
    for name, value in props.items():
        assert found[0].props.get(name) == pytest.approx(value) if isinstance(value, float) else \
            found[0].props.get(name) == value
    assert 0 < found[0].confidence < 1


@pytest.mark.parametrize("types,between", [
    ((P, O), " n'a jamais travaillé chez "),
    ((O, O), " est en négociations pour racheter "),
    ((O, O), " is in talks to acquire "),
    ((O, O), " could have bought "),
    ((O, O), " rachèterait "),
    ((P, P), " n'a pas rencontré "),
    ((P, P), " aurait rencontré "),
    ((O, O), " envisage de racheter "),
    ((P, O), " declined to invest in "),
    ((P, P), ", comme "),
    ((P, P), " cite "),
    ((P, O), " parle de "),
    ((P, P), " et "),
    ((P, O), " a dîné chez "),
    ((P, O), " est allé en entretien chez "),
])
def test_relations_rule_reads_nothing_from_traps(types, between) -> None:
    assert relations_between(0, 1, types[0], types[1], between) == []


@pytest.mark.parametrize("types,between", [
    ((P, P), " a racheté "),  # people are not acquired
    ((O, O), " a rencontré "),  # organizations do not meet
    ((O, P), " a conseillé "),
])
def test_relations_rule_needs_entity_types(types, between) -> None:
    assert relations_between(0, 1, types[0], types[1], between) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_relations_every_rule_has_sane_confidence(rule) -> None:
    assert 0.5 <= rule.confidence < 1


@pytest.mark.parametrize("types,between,after,before,expected", [
    # appositions with "former" before an unlisted job title
    ((P, O), ", a former nurse at ", "", "", (WORKS_AT, 0, {"role": "nurse", "former": True})),
    ((P, O), ", une ancienne interne de ", "", "", (WORKS_AT, 0, {"former": True})),
    # "worked as a ... at", "a travaillé comme ... chez"
    ((P, O), ", who previously worked as a data scientist at ", "", "",
     (WORKS_AT, 0, {"role": "data scientist", "former": True})),
    ((P, O), " a travaillé comme cheffe de produit chez ", "", "", (WORKS_AT, 0, {"role": "cheffe de produit"})),
    # "after eight years at", "après dix ans passés chez"
    ((P, O), " joined Plimco after eight years at ", "", "", (WORKS_AT, 0, {"former": True})),
    ((P, O), " a fondé Tavolo après dix ans passés chez ", "", "", (WORKS_AT, 0, {"former": True})),
    # "X, now Y's CTO"
    ((P, O), ", now ", "'s CTO, said", "", (WORKS_AT, 0, {"role": "CTO"})),
    # "Y partner X", "Y's X"
    ((O, P), " partner ", "", "", (WORKS_AT, 1, {"role": "partner"})),
    ((O, P), " co-founder ", "", "", (FOUNDED, 1, {})),
    ((O, P), "'s ", ", who sits on the board", "", (WORKS_AT, 1, {})),
    # "dirigé par", "led by" a person (not a round)
    ((O, P), ", dirigé par ", "", "", (WORKS_AT, 1, {})),
    ((O, P), ", the Lisbon fund run by ", "", "", (WORKS_AT, 1, {})),
    ((O, P), ", led by CEO ", "", "", (WORKS_AT, 1, {})),  # a company led by someone: not an investor
    # founded by, with a descriptor before and after the verb
    ((O, P), ", the payments startup founded by ", "", "", (FOUNDED, 1, {})),
    ((O, P), ", which was co-founded by ", "", "", (FOUNDED, 1, {})),
    ((O, P), " was started in 2021 by siblings ", "", "", (FOUNDED, 1, {})),
    ((O, P), " avait été créée en 2012 par deux anciens ingénieurs de Plimco, ", "", "", (FOUNDED, 1, {})),
    ((O, P), " en 2020 avec ", "", "Camille Vernet a cofondé ", (FOUNDED, 1, {})),
    ((P, O), " launched the mobile app ", "", "", (FOUNDED, 0, {})),
    # acquisitions with a descriptor between the verb and the name
    ((O, O), " a racheté la jeune pousse bordelaise ", " pour 2 M€", "", (ACQUIRED, 0, {"amount": 2e6})),
    ((O, O), " acquired the Lisbon-based startup ", " for $4M", "", (ACQUIRED, 0, {"amount": 4e6, "currency": "USD"})),
    ((O, O), " a annoncé lundi le rachat de ", "", "", (ACQUIRED, 0, {})),
    ((O, O), ", qui a déjà acquis ", "", "", (ACQUIRED, 0, {})),
    ((O, O), " has agreed to buy ", "", "", (ACQUIRED, 0, {})),
    ((O, O), ", éditeur nantais de logiciels pour les cabinets médicaux, a été racheté par ", "", "", (ACQUIRED, 1, {})),
    ((O, O), ", à ", "", "Paul Dorsan avait revendu sa société, ", (ACQUIRED, 1, {})),
    # investors after a descriptor ("from angel investor X", "auprès du fonds X")
    ((O, P), " raised $2M from angel investor ", "", "", (INVESTED_IN, 1, {"amount": 2e6})),
    ((O, O), " a levé 3 M€ auprès du fonds ", "", "", (INVESTED_IN, 1, {"amount": 3e6})),
    ((O, O), " secured $3.2M from ", "", "", (INVESTED_IN, 1, {"amount": 3.2e6})),
    ((P, O), " wrote ", "'s first check in 2019", "", (INVESTED_IN, 0, {})),
    # passive mentoring with words between
    ((P, P), " a par ailleurs été conseillée par l'entrepreneur ", "", "", (MENTORED, 1, {})),
    ((P, P), " a été coaché pendant deux ans par ", "", "", (MENTORED, 1, {})),
    ((P, P), " and ", " have worked together for years", "", (KNOWS, 0, {})),
    ((P, O), ", who previously led product at ", "", "", (WORKS_AT, 0, {"former": True})),
    # stakes, appointments, heads, control, origin, acquaintance
    ((O, O), " a pris une participation minoritaire dans ", "", "", (INVESTED_IN, 0, {})),
    ((O, O), " acquired a 20% stake in ", "", "", (INVESTED_IN, 0, {})),
    ((O, O), " est entré au capital de ", "", "", (INVESTED_IN, 0, {})),
    ((P, O), " a été nommée directrice financière de ", "", "", (WORKS_AT, 0, {"role": "directrice financière"})),
    ((P, O), " was appointed chief operating officer at ", "", "", (WORKS_AT, 0, {"role": "chief operating officer"})),
    ((P, O), " est aujourd'hui à la tête de ", "", "", (WORKS_AT, 0, {})),
    ((P, O), " took the helm of ", "", "", (WORKS_AT, 0, {})),
    ((O, O), " a pris le contrôle de la start-up ", "", "", (ACQUIRED, 0, {})),
    ((O, O), " s'est emparé de ", "", "", (ACQUIRED, 0, {})),
    ((O, O), " passe sous le contrôle du groupe ", "", "", (ACQUIRED, 1, {})),
    ((P, O), " est à l'origine de ", "", "", (FOUNDED, 0, {})),
    ((P, P), " connaît ", "", "", (KNOWS, 0, {})),
    ((P, P), " is an old friend of ", "", "", (KNOWS, 0, {})),
    ((P, P), " est une ancienne camarade de ", "", "", (KNOWS, 0, {})),
    ((P, P), " to ", "", "She also introduced ", (KNOWS, 0, {})),
    ((P, P), " et ", " avons travaillé ensemble par le passé", "", (KNOWS, 0, {})),
    ((P, O), " a notamment participé au tour de table de 6 M€ de ", "", "", (INVESTED_IN, 0, {"amount": 6e6})),
    ((O, O), " vient de boucler un tour d'amorçage de 1,5 M€ auprès de ", "", "", (INVESTED_IN, 1, {"amount": 1.5e6})),
])
def test_relations_rule_reads_descriptors_and_passives(types, between, after, before, expected) -> None:
    test_relations_rule_reads_type_direction_and_props(types, between, after, before, expected)


@pytest.mark.parametrize("types,between,after", [
    ((O, O), " bought shares of ", ""),
    ((P, O), " met Ana Sol at ", ""),
])
def test_relations_rule_descriptor_traps(types, between, after) -> None:
    assert relations_between(0, 1, types[0], types[1], between, after=after) == []


@pytest.mark.parametrize("between,role", [(" is the CEO and co-founder of ", "CEO"),
                                          (" est la présidente et cofondatrice de ", "présidente")])
def test_relations_rule_role_and_founder_give_both(between: str, role: str) -> None:
    found = relations_between(0, 1, P, O, between)
    assert sorted(f.type for f in found) == [FOUNDED, WORKS_AT]
    assert next(f for f in found if f.type == WORKS_AT).props["role"] == role


@pytest.mark.parametrize("between,clause", [
    (", le patron de ", "Léo Brun ne connaît pas Ana Sol, le patron de "),
    (", a partner at ", "Tom Reyes never met Ana Sol, a partner at "),
])
def test_relations_rule_apposition_ignores_negation_of_the_clause(between: str, clause: str) -> None:
    found = relations_between(0, 1, P, O, between, clause=clause)
    assert [f.type for f in found] == [WORKS_AT]


@pytest.mark.parametrize("between,after", [(" a racheté ", " a échoué"), (" acquired ", " fell through"),
                                           ("’s acquisition of ", " cancelled due to regulators")])
def test_relations_rule_deal_undone_right_after(between: str, after: str) -> None:
    assert relations_between(0, 1, O, O, between, after=after) == []


@pytest.mark.parametrize("before,expected", [
    ("She introduced me to ", [WORKS_AT]),
    ('"We grew fast," said ', [WORKS_AT]),
    ("Raman met ", []),  # where people met is not where they work
    ("Elle a rencontré ", []),
    ("He studied with ", []),
])
def test_relations_rule_person_at_organization(before: str, expected: list[str]) -> None:
    assert [f.type for f in relations_between(0, 1, P, O, " at ", before=before)] == expected


@pytest.mark.parametrize("before,expected", [
    ("Cofondatrices de ", [(FOUNDED, 1)]),  # "Cofondatrices de X, A et B lancent": a title opening the sentence
    ("Il y avait Ana Roux, co-présidente de ", []),  # "A, co-présidente de X, B, PDG de Y": X is A's, not B's
])
def test_relations_a_title_before_an_organization_and_a_name(before: str, expected: list) -> None:
    found = relations_between(0, 1, O, P, ", ", before=before)
    assert [(f.type, f.source) for f in found] == expected
