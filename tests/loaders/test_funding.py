"""Funding rounds told over several phrases: investors named apart from the raise."""
from __future__ import annotations

import pytest

from loaders.extract import extract_text


def invested(extraction) -> dict[tuple[str, str], dict]:
    names = {e.key: e.name for e in extraction.entities}
    return {(names[r.source], names[r.target]): r.props for r in extraction.relations if r.type == "INVESTED_IN"}


@pytest.mark.parametrize("text,expected", [
    ("Quillon, la fintech fondée par Ana Sol, annonce une levée de 6 millions d'euros en série A. "
     "Le tour de table est mené par Norvane Partners, avec la participation de Loire Angels.",
     {("Norvane Partners", "Quillon"), ("Loire Angels", "Quillon")}),
    ("Trellis has closed a €4M seed round. The round was led by Halcyon Seed Fund, with participation "
     "from angel investor Maria Delgado, the former CTO of Plimco.",
     {("Halcyon Seed Fund", "Trellis"), ("Maria Delgado", "Trellis")}),
    ("Brevo raised $9 million in a Series A. Existing investor Kestrel Ventures also participated.",
     {("Kestrel Ventures", "Brevo")}),
    ("Fennix raised €18 million. Investors include Dutch fund Polderen Capital and the Nordic Growth Fund.",
     {("Polderen Capital", "Fennix"), ("Nordic Growth Fund", "Fennix")}),
    ("Le fonds a participé au tour de table de Vinolia. Vinolia a levé 3 M€ aux côtés de Rivage Capital.",
     {("Rivage Capital", "Vinolia")}),
    # a raise coordinated with the clause's first verb is the subject's, not the incubator's named in between
    ("Tessaro went through the 2019 class of Halvard Labs, the Paris incubator, and has raised $3 million. "
     "A number of angel investors including Ruth Ames also participated in the round.",
     {("Ruth Ames", "Tessaro")}),
    # an organization inside the raiser's apposition is not the raiser
    ("Carbonia, a carbon startup founded by former Deloitte consultants Ana Sol and Tim Berg, has raised $6 million. "
     "The round was led by Kirsch Ventures.", {("Kirsch Ventures", "Carbonia")}),
    # the company funded is known from another rule in the same sentence
    ("Le fonds Arvel Croissance investit peu. Le fonds a notamment participé au tour de table de 6 M€ de Nuvio "
     "en 2023, aux côtés de Loire Angels.", {("Arvel Croissance", "Nuvio"), ("Loire Angels", "Nuvio")}),
])
def test_funding_investors_named_apart_from_the_raise(nlp_fr, text: str, expected: set) -> None:
    found = invested(extract_text(text))
    assert expected <= set(found), found


@pytest.mark.parametrize("text,investor", [
    # a lead cue with no company that raised before it
    ("Investors include Norvane Capital and Kestrel Ventures.", "Norvane Capital"),
    # a negated participation
    ("Brevo raised $9 million. Kestrel Ventures did not participate in the round.", "Kestrel Ventures"),
    # the raise is too far back
    ("Brevo raised $9 million. It hired people. It opened offices. It moved to Lyon. "
     "Kestrel Ventures also participated.", "Kestrel Ventures"),
    # "joined" a company is a job, not a round
    ("Brevo raised $9 million. Tom Reyes joined Kestrel Ventures.", "Tom Reyes"),
])
def test_funding_traps(nlp_fr, text: str, investor: str) -> None:
    assert all(source != investor for source, _ in invested(extract_text(text)))


@pytest.mark.parametrize("text,props", [
    ("Brevo raised $9 million in a Series A. Existing investor Kestrel Ventures also participated.",
     {"amount": 9e6, "currency": "USD", "round": "Series A"}),
])
def test_funding_props_come_from_the_raise(nlp_fr, text: str, props: dict) -> None:
    found = invested(extract_text(text))
    assert found[("Kestrel Ventures", "Brevo")] == props
