"""What an extractor knows beyond the sentence it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Context:
    published: date | None = None
    # The industry the article is about (from the title or an earlier sentence), for sentences
    # that say only "the industry operating rate".
    rate_subject: str | None = None
