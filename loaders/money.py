"""Amounts of money and funding rounds in French and English text.

``parse_money("a levé 9,5 M€")`` -> ``Money(9_500_000.0, "EUR")``. Formats:
"1 000 $", "25 millions de dollars", "9,5 M€", "€20M", "$10 million",
"2 milliards d'euros", "USD 5m", "£3bn", "500 000 euros".
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF",
            "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "livres": "GBP",
            "livres sterling": "GBP", "pounds": "GBP", "francs suisses": "CHF", "us$": "USD"}
_SCALES = {"k": 1e3, "mille": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6,
           "millions": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9}

_NUMBER = r"\d{1,3}(?:[  \u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"k|mille|thousand|millions?|milliards?|billions?|mds?|mrd|mio|mn|m|bn|b"
_CURRENCY_WORD = r"dollars?|euros?|livres(?: sterling)?|pounds|francs suisses"
_SYMBOL = r"us\$|\$|€|£|usd|eur|gbp|chf"
_PATTERNS = [
    # "$10 million", "€20M", "US$ 3.5bn", "USD 5 millions"
    re.compile(rf"(?P<cur>{_SYMBOL})\s?(?P<num>{_NUMBER})\s?(?P<scale>{_SCALE})?\b(?:\s+(?:de|d['’])\s*(?:{_CURRENCY_WORD}))?",
               re.IGNORECASE),
    # "9,5 M€", "25 millions de dollars", "1 000 $", "500 000 euros", "3 milliards d'euros"
    re.compile(rf"(?P<num>{_NUMBER})\s?(?:(?P<scale>{_SCALE})\.?\s?)?(?:(?:de|d['’])\s?)?(?P<cur>{_SYMBOL}|{_CURRENCY_WORD})",
               re.IGNORECASE),
]
_ROUND = re.compile(
    r"\b(?:s[ée]ries?|round)\s+(?P<letter>[A-F])\b|\b(?P<seed>pre-seed|pré-amorçage|seed|amorçage)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    """An amount in units of a currency (ISO code)."""

    amount: float
    currency: str
    start: int  # offsets of the matched text
    end: int


def _number(text: str, scaled: bool) -> float | None:
    """Read "1 000", "1,000", "1.000", "9,5", "1.2"; a lone 3-digit group is a decimal part when scaled."""
    raw = re.sub(r"[\s\u202f\xa0]", " ", text)
    if re.fullmatch(r"\d+", raw):
        return float(raw)
    single = re.fullmatch(r"(\d{1,3})([.,])(\d{3})", raw)
    if single and scaled:
        return float(f"{single.group(1)}.{single.group(3)}")
    for thousands, decimal in ((" ", "[.,]"), (",", r"\."), (r"\.", ",")):
        match = re.fullmatch(rf"(\d{{1,3}}(?:{thousands}\d{{3}})+)(?:{decimal}(\d+))?", raw)
        if match:
            integer = re.sub(r"\D", "", match.group(1))
            return float(f"{integer}.{match.group(2)}" if match.group(2) else integer)
    if re.fullmatch(r"\d+[.,]\d+", raw):
        return float(raw.replace(",", "."))
    return None


def find_money(text: str) -> list[Money]:
    """Every amount of money stated in ``text``, in text order (overlapping readings dropped)."""
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            scale_word = (match.group("scale") or "").lower().rstrip(".")
            value = _number(match.group("num"), bool(scale_word))
            currency = _SYMBOLS.get(match.group("cur").lower())
            if value is None or currency is None:
                continue
            value *= _SCALES.get(scale_word, 1.0)
            found.append(Money(value, currency, match.start(), match.end()))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def parse_money(text: str) -> Money | None:
    """The first amount of money in ``text``, or None."""
    found = find_money(text)
    return found[0] if found else None


def find_round(text: str) -> str | None:
    """The funding round named in ``text``: ``"Series A"``, ``"Seed"``, or None."""
    match = _ROUND.search(text)
    if not match:
        return None
    if match.group("letter"):
        return f"Series {match.group('letter').upper()}"
    return "Pre-seed" if "pr" in match.group("seed").lower()[:3] else "Seed"


def money_props(text: str) -> dict[str, object]:
    """The ``amount``/``currency``/``round`` props a funding or acquisition clause states."""
    props: dict[str, object] = {}
    money = parse_money(text)
    if money:
        props["amount"] = money.amount
        props["currency"] = money.currency
    funding_round = find_round(text)
    if funding_round:
        props["round"] = funding_round
    return props
