"""Money as councils write it, and as partnerfw writes it back.

``parse_money`` is the one reader of an amount of pounds, used by ``import`` (a spreadsheet
cell) and meant for ``new`` (an answer or option): '£12,000', '12000', '12 000', '£12k',
'1.2m', '£1.4M', 'GBP 500', '£ 3,500'. It reads an amount only when the text says it
exactly: '£5605 +VAT', 'just under £14,000', 'about £3k', '£3,500 pa', 'in kind' and 'N/A'
are refused, with a message saying how to write the amount; nothing is rounded or guessed.

``money`` is the one way an amount is shown: '£12,000' or '£1,250.50'.
"""

from __future__ import annotations

import re
from decimal import Decimal

_MULTIPLIERS = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_AMOUNT = re.compile(
    r"^(?:£|gbp)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(k|thousand|m|million|mn|bn|billion)?$",
    re.IGNORECASE,
)
MAX_DIGITS = 14
"""The most digits an amount may have (pence included): a trillion pounds, more than any
council's budget; a longer number is a mistake, not an amount."""
HOW_TO_WRITE = "write pounds as a number, e.g. 12500, £12,500 or £12.5k"


def parse_money(value: str | int | float | Decimal) -> Decimal:
    """The amount of pounds ``value`` says exactly, as a ``Decimal``: a whole number of
    pounds without decimals (``Decimal('12000')``), pence without trailing zeros
    (``Decimal('1234.5')`` for '£1,234.50').

    Text may start with '£' or 'GBP' (spaces after the '£' are ignored), group thousands with
    commas or spaces, and end with k, m, bn, thousand, million or billion. Numbers (a
    spreadsheet's cell) are taken as they are. Raises ``ValueError`` with a message for
    a person when the value is not exactly an amount: words around it, a negative amount,
    fractions of a penny, more than 14 digits. An empty text is refused too: whether an
    empty answer means nothing or not known is for the caller to say."""
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not an amount; {HOW_TO_WRITE}")
    if isinstance(value, int | float | Decimal):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return _pounds(str(value), amount)
    text = value.replace("\xa0", " ").strip()
    match = _AMOUNT.match(text.replace(" ", "") if text.startswith("£") else text)
    if match is None:
        if text.startswith("-") and _AMOUNT.match(text[1:].strip()):
            raise ValueError(f"'{value}' is not an amount of money; it must be 0 or more")
        raise ValueError(f"'{value}' is not an amount; {HOW_TO_WRITE}")
    amount = Decimal(re.sub("[, ]", "", match.group(1)))
    return _pounds(value, amount * _MULTIPLIERS[(match.group(2) or "").lower()])


def _pounds(shown: str, amount: Decimal) -> Decimal:
    """``amount`` as an amount of money, or ``ValueError`` saying why it is not one."""
    if not amount.is_finite():
        raise ValueError(f"'{shown}' is not an amount; {HOW_TO_WRITE}")
    if amount < 0:
        raise ValueError(f"'{shown}' is not an amount of money; it must be 0 or more")
    if amount.adjusted() >= MAX_DIGITS:
        raise ValueError(f"'{shown}' is too large to be an amount of money")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"'{shown}' has more than two decimal places (pence)")
    amount = Decimal(int(amount)) if amount == amount.to_integral_value() else amount.normalize()
    if len(amount.as_tuple().digits) > MAX_DIGITS:
        raise ValueError(f"'{shown}' is too large to be an amount of money")
    return amount


def money(amount: Decimal) -> str:
    """£62,000 or £1,250.50."""
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"
