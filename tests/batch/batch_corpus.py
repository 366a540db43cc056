"""A corpus for the batch tests, made from the project's fixtures: a few hundred short
articles as JSONL shards, some of them deliberately broken.

Each article is two paragraphs of the fixture and example texts (those with a quotation
or a verb of saying), under a title, dated in one of three months or undated, from one
of four outlets; every 20th line is not JSON and every 30th has no text, so each shard
has records that must land in the errors dataset. A pure function of ``count``.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from conftest import FIXTURES, REPO

SAYING = re.compile(r"[“\"]|\b(said|says|told|according to)\b")
OUTLETS = ("The Riverton Gazette", "Harbour Times", "The Daily Ledger", "Valley Courier")
START = datetime(2024, 3, 1, 9, 30)


def paragraphs() -> list[str]:
    texts = sorted((FIXTURES / "text").glob("*.txt")) + sorted(
        (REPO / "src" / "onrecord" / "examples").glob("*.txt")
    )
    found = []
    for path in texts:
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            block = " ".join(block.split())
            if 60 <= len(block) <= 700 and SAYING.search(block):
                found.append(block)
    return found


def line(n: int, pool: list[str]) -> str:
    if n % 20 == 7:
        return '{"id": "broken-' + str(n) + '", "text": '  # cut off: not JSON
    record: dict[str, object] = {"id": f"art-{n}", "outlet": OUTLETS[n % len(OUTLETS)]}
    if n % 30 == 11:
        return json.dumps({**record, "title": "No body"})  # no text: a read error
    first, second = pool[n % len(pool)], pool[(n * 7 + 3) % len(pool)]
    record["title"] = f"Report {n}: {first.split('.')[0][:60]}"
    record["text"] = f"{record['title']}\n\n{first}\n\n{second}\n\nFiled as item {n}."
    if n % 9 != 4:  # some undated
        record["published"] = (START + timedelta(days=(n * 13) % 90)).isoformat()
    return json.dumps(record, ensure_ascii=False)


def write_corpus(folder: Path, count: int, shards: int = 4) -> list[Path]:
    """``count`` records in ``shards`` JSONL files in ``folder``; their paths."""
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{s}.jsonl" for s in range(shards)]
    for s, path in enumerate(paths):
        lines = [line(n, pool) for n in range(s, count, shards)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths
