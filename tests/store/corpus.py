"""Short, varied articles made from the example articles' kinds of sentence, for the
crash and idempotency tests: many articles, each quick to analyse."""

from __future__ import annotations

import json
from pathlib import Path

FIRST = ("Priya", "Marco", "Dana", "Lionel", "Elena", "Samuel", "Harriet", "Ben", "Theo", "Ana")
LAST = ("Raman", "Ruiz", "Whitlock", "Achebe", "Petrova", "Okafor", "Lowe", "Adeyemi", "Marsh")
TOPICS = ("toll", "clinic", "ferry", "library", "parking", "school", "budget", "housing")
PLACES = ("Lakeside", "Northfield", "Harbour", "Eastgate", "Millbrook", "Quayside", "Westdale")


def article(n: int) -> dict[str, str]:
    """The ``n``-th article: a JSONL record: URL, outlet, date, a title and one paragraph."""
    speaker = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}"
    other = f"{FIRST[(n + 3) % len(FIRST)]} {LAST[(n + 5) % len(LAST)]}"
    topic, place = TOPICS[n % len(TOPICS)], PLACES[n // len(TOPICS) % len(PLACES)]
    text = (
        f"{place} council delays vote on {topic} plan\n\n"
        f"“We will not rush the {topic} plan,” said {speaker}. {other} said on Tuesday "
        f"that it would cost ${n * 7 + 100},000."
    )
    day = 1 + n % 28
    return {
        "id": f"gen-{n:04d}",
        "url": f"https://news.example.org/{place.lower()}/{topic}-{n}",
        "outlet": f"{place} Ledger",
        "published": f"2025-03-{day:02d}",
        "text": text,
    }


def write_corpus(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps(article(n), ensure_ascii=False) + "\n")
    return path
