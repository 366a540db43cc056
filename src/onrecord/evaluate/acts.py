"""The act gold: cues of PolNeAR dev and the issues-dev sets, their acts labelled by hand.

``data/act-gold-v1.tsv`` names each cue by its set, article and character ranges, with
the cue's words (checked against the article when read) and the act it was given under
the guideline of docs/acts.md. It comes in two parts: ``tune``, the cues the act rules
were developed on, and ``held``, drawn afterwards with another seed from the cues not
drawn before and labelled last, never tuned on. :func:`draw_cues` draws both parts
again from the data, so that anyone can check what was sampled.

Scoring (``score_acts``) compares, per part, the act the system gives each gold cue
(``nlp.Annotator.cue_acts``, the cue's words read in the parse of its article) with the
label: accuracy and a confusion table.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from onrecord.errors import DataError
from onrecord.evaluate.brat import load_split
from onrecord.evaluate.topical import load_topical
from onrecord.model import AttributionAct
from onrecord.model.gold import Ranges

__all__ = [
    "ACT_GOLD",
    "PARTS",
    "ActCue",
    "ActReport",
    "draw_cues",
    "format_act_report",
    "load_act_gold",
    "score_acts",
]

ACT_GOLD = "act-gold-v1.tsv"
POLNEAR = "polnear-dev"
ISSUES = "issues-dev"
# The parts, how many cues each draws from PolNeAR dev and from the issues-dev sets,
# and the seed it draws them with.
PARTS = {"tune": (285, 45, 22), "held": (70, 20, 2022)}


@dataclass(frozen=True)
class ActCue:
    """One cue: its set ("polnear-dev", "issues-dev/<set>"), article, ranges and words."""

    set: str
    document: str
    ranges: Ranges
    cue: str
    act: AttributionAct | None = None  # the label; None while not labelled
    part: str = ""

    @property
    def key(self) -> tuple[str, str, Ranges]:
        return (self.set, self.document, self.ranges)


def cue_pool(data_dir: str | Path) -> tuple[list[ActCue], list[ActCue]]:
    """Every annotated cue of PolNeAR dev (its first annotator) and of the issues-dev
    sets (those whose words were found in the article), each once, in file order;
    ``data_dir`` holds ``polnear`` and ``issues-dev``."""
    root = Path(data_dir)
    polnear = [
        _cue(POLNEAR, document.id, document.text, attribution.cue)
        for document in load_split(root / "polnear", "dev")
        for attribution in document.attributions
        if attribution.cue
    ]
    issues = [
        _cue(f"{ISSUES}/{folder.name}", article.id, article.text, (attribution.cue_range,))
        for folder in sorted((root / ISSUES).iterdir())
        if (folder / "manifest.jsonl").is_file()
        for article in load_topical(folder)
        for attribution in article.attributions
        if attribution.cue_range is not None
    ]
    return _once(polnear), _once(issues)


def draw_cues(data_dir: str | Path) -> list[ActCue]:
    """The two parts' cues, unlabelled: each part drawn with its seed from the cues the
    parts before it did not draw."""
    pools = cue_pool(data_dir)
    drawn: set[tuple[str, str, Ranges]] = set()
    out: list[ActCue] = []
    for part, (*sizes, seed) in PARTS.items():
        for pool, size in zip(pools, sizes, strict=True):
            left = [cue for cue in pool if cue.key not in drawn]
            for cue in random.Random(seed).sample(left, size):
                drawn.add(cue.key)
                out.append(ActCue(cue.set, cue.document, cue.ranges, cue.cue, None, part))
    return out


def load_act_gold(path: str | Path | None = None) -> list[ActCue]:
    """The labelled cues, from the packaged file unless ``path`` is given."""
    if path is None:
        text = resources.files("onrecord.evaluate").joinpath("data", ACT_GOLD).read_text("utf-8")
        where = ACT_GOLD
    else:
        text, where = Path(path).read_text(encoding="utf-8"), str(path)
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [_gold_row(row, f"{where}:{n}") for n, row in enumerate(rows, start=1)]


@dataclass(frozen=True)
class ActReport:
    """Per part: how many cues, how many the system got right, and the confusion table
    (gold act, predicted act) → count."""

    parts: dict[str, tuple[int, int, Counter[tuple[str, str]]]]

    def accuracy(self, part: str | None = None) -> float:
        rows = [self.parts[part]] if part else list(self.parts.values())
        total = sum(n for n, _, _ in rows)
        return sum(right for _, right, _ in rows) / total if total else 0.0

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"all": {"cues": self._cues(None), "accuracy": self.accuracy()}}
        for part, (n, right, confusion) in self.parts.items():
            out[part] = {
                "cues": n,
                "correct": right,
                "accuracy": self.accuracy(part),
                "confusion": {f"{g}>{p}": c for (g, p), c in sorted(confusion.items())},
            }
        return out

    def _cues(self, part: str | None) -> int:
        return sum(n for name, (n, _, _) in self.parts.items() if part in (None, name))


def score_acts(gold: Sequence[ActCue], predicted: Sequence[AttributionAct | None]) -> ActReport:
    """Each part's accuracy and confusion, ``predicted`` giving one act per gold cue (None:
    the system gave it none, which counts as wrong)."""
    parts: dict[str, tuple[int, int, Counter[tuple[str, str]]]] = {}
    for cue, act in zip(gold, predicted, strict=True):
        n, right, confusion = parts.get(cue.part, (0, 0, Counter()))
        label = cue.act.value if cue.act else "-"
        confusion[(label, act.value if act else "-")] += 1
        parts[cue.part] = (n + 1, right + (act is not None and cue.act is act), confusion)
    return ActReport(parts)


def format_act_report(report: ActReport) -> str:
    lines = [f"acts: {report._cues(None)} cues, accuracy {report.accuracy():.3f}"]
    acts = [act.value for act in AttributionAct]
    for part, (n, right, confusion) in report.parts.items():
        lines += ["", f"{part}: {n} cues, {right} right, accuracy {report.accuracy(part):.3f}"]
        lines.append("gold \\ predicted " + " ".join(f"{a:>9}" for a in acts))
        for gold in acts:
            counts = " ".join(f"{confusion[(gold, a)]:>9}" for a in acts)
            lines.append(f"{gold:<17}{counts}")
    return "\n".join(lines)


def _cue(set_name: str, document: str, text: str, ranges: Iterable[tuple[int, int]]) -> ActCue:
    bounds = tuple(sorted(ranges))
    return ActCue(set_name, document, bounds, " ".join(text[a:b] for a, b in bounds))


def _once(cues: list[ActCue]) -> list[ActCue]:
    return list({cue.key: cue for cue in cues}.values())


def _gold_row(row: str, where: str) -> ActCue:
    fields = row.split("\t")
    if len(fields) != 6:
        raise DataError(f"{where}: expected 6 tab-separated fields, found {len(fields)}")
    part, set_name, document, spans, cue, act = fields
    try:
        ranges = tuple((int(a), int(b)) for a, b in (span.split("-") for span in spans.split(",")))
        return ActCue(set_name, document, ranges, cue, AttributionAct(act), part)
    except ValueError as error:
        raise DataError(f"{where}: {error}") from None
