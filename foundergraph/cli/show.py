"""Text output of the question commands: values as people write them, tables with a header row.

``--json`` prints the answers as they are; these functions only shape what a person reads.

>>> amount(3_000_000.0, "EUR"), amount(12_000_000, "USD"), amount(2_500_000_000, "GBP"), amount(950, None)
('3 M EUR', '$12M', '£2.5B', '950')
>>> props_text({"role": "CTO", "former": True}), props_text({"role": "CTO", "former": True}, inside=True)
('CTO (former)', 'CTO, former')
>>> props_text({"amount": 5e5, "currency": "USD", "round": "seed"})
'$500k, seed'
>>> print("\\n".join(table(["hops", "name"], [[1, "Eve"], [2, "Cy"]])))
hops  name
   1  Eve
   2  Cy
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

#: Currencies written with a symbol before the number ("$12M"); the others keep their code after it ("3 M EUR").
SYMBOLS = {"USD": "$", "GBP": "£"}
_SCALES = ((1e9, "B"), (1e6, "M"), (1e3, "k"))


def amount(value: float | int, currency: str | None) -> str:
    """An amount with its currency, as people write it: ``$12M``, ``£2.5B``, ``3 M EUR``, ``950 CHF``."""
    number, scale = float(value), ""
    for size, letter in _SCALES:
        if abs(number) >= size:
            number, scale = number / size, letter
            break
    digits = f"{number:.2f}".rstrip("0").rstrip(".")
    if currency in SYMBOLS:
        return f"{SYMBOLS[currency]}{digits}{scale}"
    return " ".join(part for part in (digits, scale, currency or "") if part)


def props_text(props: dict[str, Any], inside: bool = False) -> str:
    """A relation's props for reading: ``CTO (former)``, ``$12M, Series A``; anything else as ``key=value``.
    ``inside`` parentheses already: ``CTO, former``."""
    former = ("former" if inside else "(former)") if props.get("former") else ""
    job = (", " if inside else " ").join(filter(None, [str(props.get("role") or ""), former]))
    money = amount(props["amount"], props.get("currency")) if props.get("amount") is not None else ""
    rest = [f"{k}={v}" for k, v in props.items()
            if k not in ("role", "former", "amount", "currency", "round") and v is not None]
    return ", ".join(part for part in (job, money, str(props.get("round") or ""), *rest) if part)


def relation(rel: dict[str, Any]) -> str:
    """``Cy -[WORKS_AT CTO (former)]-> Acme``."""
    shown = props_text(rel["props"])
    return f"{rel['source_name']} -[{rel['type']}{' ' + shown if shown else ''}]-> {rel['target_name']}"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    """Aligned columns under a header row; numbers right-aligned, text left-aligned."""
    cells = [[str(value) for value in row] for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    return ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()] + [
        "  ".join(v.rjust(w) if _is_number(v) else v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
