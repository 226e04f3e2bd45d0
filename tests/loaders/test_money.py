"""Money: French and English amounts, currencies and funding rounds."""
from __future__ import annotations

import pytest

from loaders.money import find_money, find_round, money_props, parse_money


@pytest.mark.parametrize("text,amount,currency", [
    ("1 000 $", 1_000, "USD"),
    ("25 millions de dollars", 25_000_000, "USD"),
    ("9,5 M€", 9_500_000, "EUR"),
    ("€20M", 20_000_000, "EUR"),
    ("$10 million", 10_000_000, "USD"),
    ("2 milliards d'euros", 2_000_000_000, "EUR"),
    ("3,5 millions d’euros", 3_500_000, "EUR"),
    ("USD 5m", 5_000_000, "USD"),
    ("£3bn", 3_000_000_000, "GBP"),
    ("500 000 euros", 500_000, "EUR"),
    ("1,000 dollars", 1_000, "USD"),
    ("$1.2 billion", 1_200_000_000, "USD"),
    ("150 000 €", 150_000, "EUR"),
    ("10 M$", 10_000_000, "USD"),
    ("a levé 12 M€ auprès de deux fonds", 12_000_000, "EUR"),
])
def test_money_parses_amount_and_currency(text: str, amount: float, currency: str) -> None:
    money = parse_money(text)
    assert money is not None
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency


@pytest.mark.parametrize("text", [
    "en 2015 avec 20 salariés",
    "the company has 300 employees",
    "Series B",
    "il y a 10 ans",
])
def test_money_ignores_numbers_without_currency(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize("text,expected", [
    ("lors d'une série A de 12 M€", "Series A"),
    ("a Series B round led by a fund", "Series B"),
    ("un tour d'amorçage", "Seed"),
    ("a seed round", "Seed"),
    ("a pre-seed round", "Pre-seed"),
    ("une levée de fonds", None),
])
def test_money_finds_round(text: str, expected: str | None) -> None:
    assert find_round(text) == expected


@pytest.mark.parametrize("text,props", [
    ("raised €20M in a Series A", {"amount": 20_000_000.0, "currency": "EUR", "round": "Series A"}),
    ("pour 1 000 $", {"amount": 1_000.0, "currency": "USD"}),
    ("sans montant", {}),
])
def test_money_props_for_relations(text: str, props: dict) -> None:
    assert money_props(text) == props
