"""Pathological inputs (issue 21, F1–F8), generated at any size.

The robustness benchmark runs them at full size; the tests in ``tests/robustness``
run the same generators small, each within a loose budget. Everything is made
here from text written here: nothing is read from a data set.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = [
    "TYPICAL_CHARS",
    "nested_divs",
    "quotation_marks",
    "quoted_words",
    "slow_loris_server",
    "typical_article",
    "unpunctuated",
]

# A typical article's length: the mean of PolNeAR's dev split is 4,896 characters,
# with 15 quotation marks (docs/robustness.md).
TYPICAL_CHARS = 4_900

# Paragraphs in the manner of a news story: direct quotes, a quote over two
# sentences, reported speech, an "according to" and a plain paragraph. ``{n}`` makes
# each copy a little different, so that no cache sees the same text twice.
_PARAGRAPHS = (
    "“We are not going to rush a decision that every commuter will pay for,” said "
    "Councillor Priya Raman {n}, who chairs the transport committee. “The numbers we "
    "have are three years old.”",
    "Mayor Lionel Achebe said on Tuesday that the delay would not change the plan's "
    "timetable and that tolls could still start in September of year {n}.",
    "According to a council memo seen by the Ledger, the study would take about six "
    "weeks and cost roughly ${n},000.",
    "“If you charge people to cross, they will shop somewhere else,” said Marco Ruiz, "
    "who runs hardware store number {n} on Quay Street. “It's that simple.”",
    "He added that the council had not consulted merchants before drafting the plan, "
    "and that a petition had gathered {n} signatures in a week.",
    "The regional transit authority said in a statement that it supports the tolls, as "
    "long as the revenue is spent on buses and ferries serving route {n}.",
    "Critics called the proposal “a tax on working families,” while supporters said it "
    "was the only way to pay for repairs on the {n} bridges the city maintains.",
    "Cars queued at the east entrance during the morning rush, where traffic counts "
    "showed {n} vehicles an hour, far more than the bridge was built for.",
    "The bridge opened in 1961 and carries two lanes in each direction. Engineers have "
    "warned for a decade that its deck needs replacing, at a cost the city put at "
    "${n} million in its last capital plan.",
    "Officials in the finance department told councillors that the tolls would raise "
    "enough to cover the borrowing within {n} years, though the estimate assumes "
    "traffic stays at today's level.",
    "Residents of the east shore, many of whom cross twice a day, have organised "
    "meetings in church halls and community centres, the largest drawing {n} people.",
    "The council is expected to take up the question again at its next meeting, once "
    "the study is complete and the committee has reviewed submission {n}.",
)


def typical_article(times: float = 1) -> str:
    """News-like text ``times`` a typical article's length, in paragraphs."""
    target = int(TYPICAL_CHARS * times)
    paragraphs: list[str] = []
    length = 0
    n = 0
    while length < target:
        paragraph = _PARAGRAPHS[n % len(_PARAGRAPHS)].format(n=n + 1)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
        n += 1
    return "\n\n".join(paragraphs)


def quotation_marks(marks: int) -> str:
    """``marks`` bare quotation marks, curly and straight, between spaces (F2)."""
    return " ".join(_MARKS[k % len(_MARKS)] for k in range(marks))


_MARKS = ("“", "”", '"')


def quoted_words(marks: int) -> str:
    """Exactly ``marks`` quotation marks in one paragraph of short quotes, each attributed,
    with an unmatched mark every fiftieth (F2: 4,000 quoted words once took a minute)."""
    units: list[str] = []
    left = marks
    while left > 0:
        stray = left == 1 or len(units) % 50 == 49
        units.append("A stray ” mark." if stray else f"“Word {len(units)},” he said.")
        left -= 1 if stray else 2
    return " ".join(units)


def unpunctuated(chars: int) -> str:
    """One paragraph of ``chars`` characters with no punctuation at all (F5)."""
    words = "the mayor said the council would wait for the engineers to report".split()
    out: list[str] = []
    length = 0
    n = 0
    while length < chars:
        word = words[n % len(words)]
        out.append(word)
        length += len(word) + 1
        n += 1
    return " ".join(out)[:chars]


def nested_divs(depth: int) -> bytes:
    """An HTML page whose one paragraph sits inside ``depth`` nested ``div``s (F6)."""
    story = (
        "<p>The mayor said on Thursday that the bridge would reopen in June, after "
        "the engineers finish their report.</p>"
    )
    page = f"<html><body>{'<div>' * depth}{story}{'</div>' * depth}</body></html>"
    return page.encode()


@contextmanager
def slow_loris_server(pause: float = 0.2) -> Iterator[str]:
    """A server on 127.0.0.1 that answers one byte every ``pause`` seconds, each well
    inside any read timeout, for as long as the client listens (F3); yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _trickler(pause))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story"
    finally:
        server.shutdown()
        server.server_close()


def _trickler(pause: float) -> type[BaseHTTPRequestHandler]:
    class Trickle(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
            try:
                for byte in head + b"x" * 100_000:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(pause)
            except OSError:
                pass  # the client gave up, as it should

        def log_message(self, *args: object) -> None:
            pass  # a benchmark's output is its figures

    return Trickle
