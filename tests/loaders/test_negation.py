"""Negation: denied, imagined, planned, rumoured, declined and generic statements state no fact."""
from __future__ import annotations

import pytest

from loaders.negation import is_negated, non_factual


@pytest.mark.parametrize("clause,reason", [
    ("Zorbix n'a pas racheté Plimco", "negation"),
    ("Camille Vernet n'a jamais rencontré Paul Dorsan", "negation"),
    ("Quibbly's founder never met Jane Holloway", "negation"),
    ("Nexaro did not acquire Flintlock", "negation"),
    ("ils m'auraient donné de l'argent si j'avais dit oui", "conditional"),
    ("Nexaro could have bought Quibbly", "conditional"),
    ("Zorbix rachèterait Plimco", "conditional"),
    ("if he had said yes, Halcyon would have invested", "conditional"),
    ("on peut y rencontrer Jean Vidal au coin de la rue", "generic"),
    ("On peut obtenir un conseil de Jean Vidal", "generic"),
    ("you can bump into Tom Reyes anytime", "generic"),
    ("Megacorp est en négociations pour racheter Tavolo", "plan"),
    ("Megacorp entre en discussions avec Tavolo", "plan"),
    ("Nexaro is in talks to acquire Brightwater", "plan"),
    ("Nexaro plans to acquire Brightwater", "plan"),
    ("Orvel envisage de racheter Brevo", "plan"),
    ("Orvel souhaite investir dans Brevo", "plan"),
    ("Selon des rumeurs, Orvel va racheter Brevo", "plan"),
    ("Nexaro reportedly bought Flintlock", "rumour"),
    ("Jane Holloway declined an offer to invest in Quibbly", "declined"),
    ("Lucas Ferrand a refusé l'offre de Kestrel Ventures", "declined"),
    ("j'avais peur de prendre leur argent", "declined"),
    ("Orvel a-t-il racheté Brevo ?", "question"),
    ("Halcyon Ventures voulait investir dans Kibo", "plan"),
    ("Halcyon Ventures wanted to invest in Kibo", "plan"),
    ("Le groupe Orvel a proposé de racheter Kibo", "plan"),
    ("Nexaro offered to buy Trellis", "plan"),
])
def test_negation_names_why_nothing_happened(clause: str, reason: str) -> None:
    assert non_factual(clause) == reason
    assert is_negated(clause)


@pytest.mark.parametrize("clause", [
    "Je ne lui ai parlé qu'une seule fois, mais il m'a répondu",
    "Camille Vernet a rencontré Paul Dorsan",
    "Jean Vidal est un vrai expert chez Plimco",
    "son portrait chez Plimco",
    "Jane Holloway, CEO of Brightwater, met Tom Reyes",
    "Zorblat a été rachetée par Megacorp pour 25 millions de dollars",
    "Je suis tombé deux fois sur Paul Dorsan",
    "Hugo Marchal, directeur financier chez Plimco",
])
def test_negation_keeps_plain_facts(clause: str) -> None:
    assert non_factual(clause) is None
