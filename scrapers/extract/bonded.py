"""SMM's Yangshan copper report: the premiums of bonded copper in Shanghai over LME copper, in
USD/t, named by what is traded (warrants, bills of lading, ER or EQ copper), in the report's
current wording and in the wording it used until 2023. Offers and deals heard for one grade
("high-quality pyro-copper", "hydro-copper") are not figures."""

from __future__ import annotations

import re
from decimal import Decimal

from scrapers.extract.document import Clause, Context
from scrapers.extract.drafts import Draft, Notes
from scrapers.extract.periods import month_period
from scrapers.extract.quantities import Quantity
from scrapers.extract.quoting import _basis, _draft, _Owner, money_of
from scrapers.extract.reading import AFTER, basis_at
from scrapers.extract.text import Sentence
from scrapers.models import ChangeBasis, Metric, PriceChange

# SMM's Yangshan copper report: "warrant prices were $13-27/mt, QP February, with the average
# price down $2/mt from the previous trading day; B/L prices were ...; ER copper (CIF B/L) was
# -$18/mt to -$6/mt, ...": premiums of bonded copper over the LME, named by what is traded
_BILLS = r"(?:b/l|bills?\s+of\s+lading)"
_BONDED_QUOTE = re.compile(
    rf"(?:\b(?P<kind>warrant|b/l|(?:er|eq)\s+copper\s*\(?cif\s+{_BILLS}\)?)\s+(?:prices?\s+)?"
    # the weekly report: "Yangshan copper premiums for B/L transactions was $53-69/mt" (and
    # "premiums B/L transactions", "premium bills of lading was USD 44-56/mt"), "Warehouse
    # warrants were $57-71/mt", "EQ copper CIF B/L ranged from $3.4/mt to $17.4/mt", "The price
    # range of warrants was $66.5-76.5/mt"
    rf"|\bpremiums?\s+(?:for\s+)?(?P<traded>{_BILLS}|warrant)\s+(?:transactions?\s+)?"
    r"|\bwarehouse\s+(?P<warrants>warrant)s\s+"
    rf"|\bprice\s+range\s+of\s+(?P<ranged>warrant|{_BILLS})s?\s+"
    # ... and its current quotes: "CIF B/L EQ copper is $8-20/mt, with an average price of $14/mt"
    rf"|\bcif\s+{_BILLS}\s+(?P<cifkind>eq|er)\s+copper\s+(?:prices?\s+)?)"
    r"(?:were|was|is|are|closed\s+at|stood\s+at|ranged?\s+from|(?:were|was|is|are)\s+(?:quoted|priced)\s+at)"
    r"\s+(?=[-+−]?(?:\$|usd\b))"
)

_AVERAGE_MOVED = re.compile(r"\baverage\s+(?:price|premium)\s+(?P<dir>up|down)\s*(?:by\s+)?$")

# "with an average price of $61/mt", "with an average of USD 50/mt", "averaging USD 51.67/mt"
_AVERAGE_OF = re.compile(
    r"\b(?:average(?:\s+(?:price|premium))?\s+(?:of|was|at)|averaging)\s*(?:usd)?\s*$"
)

_THEN_MOVED = re.compile(r"^\s*(?:/\s*mt\s*)?,?\s*(?P<dir>up|down)\s*(?:by\s+)?$")

_TO_NEXT_END = re.compile(r"^\s*(?:/\s*mt\s*)?to\s*$")


def read_bonded_premiums(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """The warrant, B/L and ER copper premiums of a Yangshan copper report, each a spread over
    LME copper in USD/t with its day-on-day change; offers and deals heard are not figures."""
    folded = sentence.folded
    if not ("qp" in folded or "cif b/l" in folded or "cif bills of lading" in folded) or not (
        "$" in folded or "usd" in folded
    ):
        return []
    amounts = money_of(clauses)
    drafts: dict[tuple[object, ...], Draft] = {}
    for part in re.finditer(r"[^;]+", folded):
        quote = _BONDED_QUOTE.search(part.group())
        if quote is None:
            continue
        kind = (
            quote.group("kind")
            or quote.group("traded")
            or quote.group("warrants")
            or quote.group("ranged")
            or quote.group("cifkind")
        )
        if kind.startswith("bill"):
            kind = "b/l"
        qualifier = f"{kind[:2]}, b/l" if kind.startswith(("er", "eq")) else kind
        owner = _Owner(f"copper ({qualifier}) - copper (lme)", "China")
        draft = _draft(drafts, owner, "USD/t", sentence, None, False, metric=Metric.SPREAD)
        inside = [q for q in amounts if part.start() + quote.end() <= q.start < part.end()]
        draft_end = part.start() + quote.end()
        for quantity in inside:
            value = -quantity.value if quantity.sign == -1 else quantity.value
            lead = folded[part.start() + quote.end() : quantity.start]
            moved = _AVERAGE_MOVED.search(lead) or (
                _THEN_MOVED.match(folded[draft_end : quantity.start])
                if draft.value is not None
                else None
            )
            if draft.low is not None and draft.value is None and _AVERAGE_OF.search(lead):
                draft.value = value
                why = "a premium's average"
            elif moved is not None and draft.low is not None:
                sign = -1 if moved.group("dir") == "down" else 1
                basis = _basis(folded[quantity.end : quantity.end + AFTER], context, sentence)
                draft.change = PriceChange(sign * quantity.value, basis=basis)
                why = "a premium's change"
            elif draft.low is None and quantity.high is not None:
                draft.low, draft.high = value, quantity.high
                why = "a premium's range"
            elif draft.low is None:
                draft.low = value
                why = "a premium's range, its first end"
            elif draft.high is None and _TO_NEXT_END.match(folded[draft_end : quantity.start]):
                draft.low, draft.high = sorted((draft.low, value))
                why = "a premium's range, its second end"
            else:
                continue
            draft_end = quantity.end
            notes.add(
                sentence,
                quantity.start,
                quantity.end,
                "spread",
                owner=owner.product,
                emitted=True,
                why=why,
            )
        if draft.high is None:
            draft.low = None  # a lone end is no range
    return [draft for draft in drafts.values() if draft.low is not None]


# Until 2023 the report ran: "Yangshan copper premiums with a quotation period in September stood
# at $60-140/mt under warrants during August 16-20, and between $57-120/mt under bill of lading
# (B/L)"; "Premiums of imported copper under warrants in Shanghai bonded zone were $55-85/mt today,
# with the average premiums up $5/mt from yesterday to $70/mt"; "Yangshan copper premiums averaged
# $29.7/mt under warrants in May, up $1.81/mt month-on-month"; "Quotes under B/L stood at
# $50-67/mt."
_TRADED_AS = r"(?P<kind>warrants?|bill\s+of\s+lading|b/l)\b"
# (and "stood at $39.2-54.2/mt (for spot cargoes) under warrants")
_KIND_AFTER = re.compile(rf"\s*(?:/\s*mt\s*)?(?:\([^()]{{0,30}}\)\s*)?under\s+{_TRADED_AS}")
_KIND_BEFORE = re.compile(
    r"\b(?:premiums?|quotes?|quotations?)\s+(?:of\s+(?:imported\s+copper|cargoes)\s+)?"
    # (and "Quotes for the bill of lading stood at")
    rf"(?:under|for)\s+(?:the\s+)?{_TRADED_AS}[^$;]{{0,40}}?"
    r"(?:were|was|are|is|stood\s+at|stand\s+at|quoted\s+at)\s*$"
)
# "Import premiums for EQ copper with a quotation period in December stood at $41-47/mt, cif":
# the older wording of the EQ copper premium, landed (CIF) on a bill of lading
_EQ_BEFORE = re.compile(
    r"\bpremiums?\s+for\s+(?P<kind>eq|er)\s+copper\b[^$;]{0,60}?"
    r"(?:were|was|are|is|stood|stand|quoted)(?:\s+at)?(?:\s+(?:around|about))?\s*$"
)
# the older wording's cue, cheap to look for before any pattern runs
_OLDER_CUES = (
    "under warrant",
    "under bill of lading",
    "under b/l",
    "for warrants",
    "for b/l",
    "for the bill of lading",
    "for eq copper",
    "for er copper",
)
# one grade's offers and deals: "Traded premiums stood near $140/mt under warrants for
# high-quality pyro-copper", "High-quality pyro-copper premiums were around $57/mt under warrants"
# (but "The average traded import premium for EQ copper" is the premium's own average)
_ONE_GRADE = re.compile(r"\b(?:pyro|hydro|high-quality|mainstream|domestic|(?<!average\s)traded)\b")
_AVERAGED = re.compile(r"\baveraged\s*$")
_MOVED_BY = re.compile(
    # ("and the average premium rose $1 from the previous trading day")
    r"(?:\baverage(?:\s+(?:price|premium)s?)?\s+(?:was\s+)?|,\s*)"
    r"(?P<dir>up|down|rose|fell|increased|decreased|climbed|dropped)\s*(?:by\s+)?$"
    r"|,\s*an?\s+(?P<noun>rise|increase|gain|drop|fall|decrease|decline)\s+of\s*$"
)
_IN_MONTH = re.compile(r"\s+in\s+[a-z]+\b")
_AVERAGE_HELD = re.compile(
    r"\baverage(?:\s+(?:price|premium)s?)?\s+(?:was\s+)?(?:flat|unchanged)\b"
)
_MOVED_TO = re.compile(r"\bto\s*$")
_FALLS = ("drop", "fall", "decrease", "decline")
_DOWN = ("down", "fell", "decreased", "dropped")


def _kind_of(folded: str, lead_start: int, quantity: Quantity) -> str | None:
    """What a premium is for, written just after its amount ("$60-140/mt under warrants") or
    just before it ("quotes under B/L stood at")."""
    after = _KIND_AFTER.match(folded, quantity.end)
    before = _KIND_BEFORE.search(folded[lead_start : quantity.start])
    found = after or before
    if found is None:
        landed = _EQ_BEFORE.search(folded[lead_start : quantity.start])
        return f"{landed.group('kind')}, b/l" if landed is not None else None
    kind = found.group("kind")
    return "warrant" if kind.startswith("warrant") else "b/l"


def read_older_bonded_premiums(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """The warrant and B/L premiums of a Yangshan copper report in its wording until 2023, with
    their averages and changes; the premium read last is kept for "The average price was $66/mt,
    $3.5/mt higher than the previous trading day" in the next sentence."""
    folded = sentence.folded
    if "$" not in folded or not any(map(folded.__contains__, _OLDER_CUES)):
        return []
    drafts: dict[tuple[object, ...], Draft] = {}
    draft: Draft | None = None
    basis: ChangeBasis | None = None
    period: str | None = None
    lead_start = 0
    for quantity in money_of(clauses):
        lead = folded[lead_start : quantity.start]
        kind = _kind_of(folded, lead_start, quantity)
        end_of_kind = _KIND_AFTER.match(folded, quantity.end)
        trail_end = end_of_kind.end() if end_of_kind else quantity.end
        grade_words = folded[lead_start : min(len(folded), trail_end + 30)]
        lead_start = trail_end
        if kind is not None and _ONE_GRADE.search(grade_words):
            draft = None  # one grade's deal, and what follows it is that grade's too
            continue
        value = -quantity.value if quantity.sign == -1 else quantity.value
        if kind is not None:
            owner = _Owner(f"copper ({kind}) - copper (lme)", "China")
            # "averaged $29.7/mt under warrants in May": the month averaged, not the QP month
            # (and "..., and $49.55/mt under bill of lading": the same month's)
            named = _IN_MONTH.match(folded, trail_end)
            if named is not None:
                period = month_period(named.group(), context.published, forecast=False)
            draft = _draft(drafts, owner, "USD/t", sentence, period, False, metric=Metric.SPREAD)
            if quantity.high is not None:
                draft.low, draft.high = value, quantity.high
                why = "a bonded premium's range"
            else:
                draft.value = value
                why = "a bonded premium's average" if _AVERAGED.search(lead) else "a bonded premium"
        elif draft is None:
            continue
        elif (moved := _MOVED_BY.search(lead)) is not None and draft.change is None:
            falls = moved.group("dir") in _DOWN or moved.group("noun") in _FALLS
            trail = folded[quantity.end : quantity.end + AFTER]
            basis = (
                _basis(trail, context, sentence)
                # "with the weekly average up $4/mt": the week's average against the last one's
                or (ChangeBasis.WOW if "weekly average" in lead else None)
                or basis  # "a rise of $42.5/mt": as just told
            )
            draft.change = PriceChange(-quantity.value if falls else quantity.value, basis=basis)
            why = "a bonded premium's change"
        elif _MOVED_TO.search(lead) and draft.value is None and draft.change is not None:
            draft.value = value
            why = "a bonded premium's average"
        else:
            continue
        notes.add(
            sentence, quantity.start, quantity.end, "spread", owner=draft.subject, emitted=True,
            why=why,
        )  # fmt: skip
    if draft is not None and draft.change is None:
        # "Those stood between $51.4-66.4/mt under bill of lading ..., with the average flat
        # from the prior week": no amount, a change of nought
        held = _AVERAGE_HELD.search(folded, lead_start)
        if held is not None:
            trail = folded[held.end() : held.end() + AFTER]
            draft.change = PriceChange(Decimal(0), basis=_basis(trail, context, sentence))
    found = [draft for draft in drafts.values() if not draft.empty]
    context.bonded_draft = found[-1] if found else None
    return found


# "The average price was $66/mt, $3.5/mt higher than the previous trading day": the average of
# the premium the sentence before quoted as a range
_AVERAGE_WAS = re.compile(r"^\s*the\s+average\s+(?:price|premium)s?\s+(?:was|stood\s+at)\s*$")
_HIGHER_THAN = re.compile(r"\s*(?:/\s*mt)?\s*(?P<dir>higher|lower)\s+than\b")
_FLAT_FROM = re.compile(r"\s*(?:/\s*mt)?\s*,\s*(?:flat|unchanged)\b")


def read_bonded_average(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> bool:
    """Whether the sentence gave the average, and its change, of the bonded premium the sentence
    before quoted as a range."""
    draft = context.bonded_draft
    if draft is None:
        return False  # (most sentences: no Yangshan premium was read just before)
    context.bonded_draft = None
    amounts = money_of(clauses)
    folded = sentence.folded
    if draft.value is not None or draft.low is None or not amounts:
        return False
    first = amounts[0]
    if not _AVERAGE_WAS.match(folded[: first.start]) or first.high is not None:
        return False
    draft.value = first.value
    notes.add(
        sentence, first.start, first.end, "spread", owner=draft.subject, emitted=True,
        why="a bonded premium's average, told after its range",
    )  # fmt: skip
    flat = _FLAT_FROM.match(folded, first.end)
    if flat is not None:
        basis, _ = basis_at(folded[flat.end() :], after=True)
        draft.change = PriceChange(Decimal(0), basis=basis)
        return True
    for quantity in amounts[1:2]:
        moved = _HIGHER_THAN.match(folded, quantity.end)
        if moved is None:
            continue
        sign = -1 if moved.group("dir") == "lower" else 1
        basis = _basis(folded[quantity.end : quantity.end + AFTER], context, sentence)
        draft.change = PriceChange(sign * quantity.value, basis=basis)
        notes.add(
            sentence, quantity.start, quantity.end, "change", owner=draft.subject, emitted=True,
            why="a bonded premium's change, told after its range",
        )  # fmt: skip
    return True


# Before 2016 SMM quoted one Yangshan premium, warrants and bills of lading together: "The
# Yangshan copper premiums ... climbed $11 per tonne last week to $65-80"; "surged to a one-year
# high of $115-130 per tonne"; "fell last week from a high level of $122.5 per tonne, to average
# at $110 per tonne"
_ONE_PREMIUM = re.compile(r"\byangshan\s+copper\s+premiums?\b")
_MOVED_BY_AMOUNT = re.compile(
    r"\b(?P<dir>climbed|rose|gained|increased|fell|dropped|declined|decreased|slid)\s*(?:by\s*)?$"
)
_FROM_A_LEVEL = re.compile(r"\bfrom\s+(?:a\s+)?(?:high\s+|low\s+)?(?:level\s+)?(?:of\s+)?$")
_DOWN_WORDS = ("fell", "dropped", "declined", "decreased", "slid")


def read_one_bonded_premium(
    sentence: Sentence, clauses: list[Clause], context: Context, notes: Notes
) -> list[Draft]:
    """SMM's single Yangshan copper premium of 2015, a spread of bonded copper over LME copper
    in USD/t, with its move."""
    folded = sentence.folded
    if "$" not in folded or _ONE_PREMIUM.search(folded) is None:
        return []
    amounts = [q for q in money_of(clauses) if q.unit == "USD/t"]
    owner = _Owner("copper (bonded) - copper (lme)", "China")
    drafts: dict[tuple[object, ...], Draft] = {}
    draft = _draft(drafts, owner, "USD/t", sentence, None, False, metric=Metric.SPREAD)
    previous_end = 0
    for quantity in amounts:
        lead = folded[previous_end : quantity.start]
        previous_end = quantity.end
        moved = _MOVED_BY_AMOUNT.search(lead)
        if _FROM_A_LEVEL.search(lead):
            notes.add(sentence, quantity.start, quantity.end, "reference", owner=owner.product,
                      why="the level the premium moved from")  # fmt: skip
            continue
        if moved is not None and draft.change is None and quantity.high is None:
            sign = -1 if moved.group("dir") in _DOWN_WORDS else 1
            basis = _basis(folded[quantity.end : quantity.end + AFTER], context, sentence)
            draft.change = PriceChange(sign * quantity.value, basis=basis)
            why = "the bonded premium's move"
        elif draft.value is None and draft.low is None:
            if quantity.high is not None:
                draft.low, draft.high = quantity.value, quantity.high
            else:
                draft.value = quantity.value
            why = "the bonded premium"
        else:
            continue
        notes.add(sentence, quantity.start, quantity.end, "spread", owner=owner.product,
                  emitted=True, why=why)  # fmt: skip
    return [draft] if draft.value is not None or draft.low is not None else []
