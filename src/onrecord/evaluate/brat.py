"""Read attribution annotations in PolNeAR's brat standoff layout.

A data directory holds ``SPLIT/text/STEM.txt`` and ``SPLIT/attributions/STEM_ANNOTATOR.ann``.
When an article was annotated by several annotators, the annotator id that sorts first
is the gold, so that every article counts once; ``load_annotators`` reads them all, to
measure how far annotators agree with one another.

The gold it reads is the model's plain data (``model.gold``), which training shares;
``AnnotatedDocument``, every annotator's view, is only the agreement scorer's, so it
stays here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import DataError
from onrecord.model.gold import GoldDocument, RangeAttribution, Ranges

__all__ = ["AnnotatedDocument", "load_annotators", "load_split", "parse_ann"]

# Annotators' working marks, not attributions.
_IGNORED_TYPES = frozenset({"Discuss", "Discard"})
_ID = re.compile(r"^([TEARMN#*])\d*\t")
_RANGE = re.compile(r"^(\d+) (\d+)$")


@dataclass(frozen=True)
class AnnotatedDocument:
    """An article's text and each annotator's attributions, by annotator id (sorted)."""

    id: str
    text: str
    annotations: dict[str, list[RangeAttribution]]


@dataclass(frozen=True)
class _TextBound:
    type: str
    ranges: Ranges


def load_split(data_dir: str | Path, split: str) -> list[GoldDocument]:
    """All articles of ``data_dir/split``, sorted by id, each with its first annotator's
    attributions."""
    text_dir, ann_files = _split_files(data_dir, split)
    return [
        _load_document(text_dir / f"{stem}.txt", paths[0])
        for stem, paths in sorted(ann_files.items())
    ]


def load_annotators(data_dir: str | Path, split: str) -> list[AnnotatedDocument]:
    """All articles of ``data_dir/split``, sorted by id, with every annotator's attributions."""
    text_dir, ann_files = _split_files(data_dir, split)
    documents = []
    for stem, paths in sorted(ann_files.items()):
        text = _read(text_dir / f"{stem}.txt")
        annotations = {
            path.stem.rpartition("_")[2]: parse_ann(_read(path), text, str(path)) for path in paths
        }
        documents.append(AnnotatedDocument(stem, text, annotations))
    return documents


def _split_files(data_dir: str | Path, split: str) -> tuple[Path, dict[str, list[Path]]]:
    """The split's text directory, and each article's .ann files by annotator id."""
    split_dir = Path(data_dir) / split
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    for needed in (text_dir, ann_dir):
        if not needed.is_dir():
            raise DataError(
                f"{needed}: no such directory; expected SPLIT/text and SPLIT/attributions"
            )
    ann_files = _annotator_files(ann_dir)
    _check_pairs({path.stem for path in text_dir.glob("*.txt")}, set(ann_files), split_dir)
    return text_dir, ann_files


def _annotator_files(ann_dir: Path) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem, sep, annotator = path.stem.rpartition("_")
        if not sep or not stem or not annotator:
            raise DataError(f"{path}: expected a name like STEM_ANNOTATOR.ann")
        files.setdefault(stem, []).append(path)  # sorted, so the first annotator id leads
    return files


def _check_pairs(text_stems: set[str], ann_stems: set[str], split_dir: Path) -> None:
    # A text without annotations is refused rather than scored as "no attributions":
    # the data marks an article with none by an empty .ann file.
    for missing, kind in ((text_stems - ann_stems, ".ann"), (ann_stems - text_stems, ".txt")):
        if missing:
            examples = ", ".join(sorted(missing)[:3])
            raise DataError(
                f"{split_dir}: {len(missing)} article(s) have no {kind} file: {examples}"
            )


def _load_document(text_path: Path, ann_path: Path) -> GoldDocument:
    text = _read(text_path)
    attributions = parse_ann(_read(ann_path), text, str(ann_path))
    return GoldDocument(id=text_path.stem, text=text, attributions=attributions)


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def parse_ann(ann: str, text: str, name: str = "<ann>") -> list[RangeAttribution]:
    """The attributions of one brat ``.ann`` file, in file order; ``text`` is the article.

    Relations with no content are dropped. A malformed line raises :class:`DataError`
    naming ``name`` and the line number.
    """
    bounds: dict[str, _TextBound] = {}
    events: list[tuple[int, str]] = []
    lines = [line.removesuffix("\r") for line in ann.split("\n")]
    number = 0
    while number < len(lines):
        line, number = lines[number], number + 1
        kind = _line_kind(line, name, number)
        if kind == "T":
            ident, bound = _parse_text_bound(line, len(text), name, number)
            bounds[ident] = bound
            # brat keeps a span's newlines in the text field, so it may run over more lines.
            number = _skip_continuation(lines, number, _newlines(text, bound.ranges))
        elif kind == "E":
            events.append((number, line))
    parsed = (_parse_event(line, bounds, name, number) for number, line in events)
    return [attribution for attribution in parsed if attribution is not None]


def _line_kind(line: str, name: str, number: int) -> str:
    if not line.strip():
        return ""
    match = _ID.match(line)
    if match is None:
        raise DataError(f"{name}:{number}: not a brat standoff line: {line[:60]!r}")
    return match.group(1)


def _newlines(text: str, ranges: Ranges) -> int:
    return sum(text.count("\n", start, end) for start, end in ranges)


def _skip_continuation(lines: list[str], number: int, expected: int) -> int:
    while expected > 0 and number < len(lines) and _ID.match(lines[number]) is None:
        number, expected = number + 1, expected - 1
    return number


def _parse_text_bound(
    line: str, text_length: int, name: str, number: int
) -> tuple[str, _TextBound]:
    fields = line.split("\t")
    if len(fields) < 2 or " " not in fields[1]:
        raise DataError(f"{name}:{number}: expected 'Tn<TAB>TYPE START END<TAB>TEXT'")
    type_, _, offsets = fields[1].partition(" ")
    ranges = tuple(_parse_range(part, text_length, name, number) for part in offsets.split(";"))
    return fields[0], _TextBound(type_, tuple(sorted(ranges)))


def _parse_range(part: str, text_length: int, name: str, number: int) -> tuple[int, int]:
    match = _RANGE.match(part.strip())
    if match is None:
        raise DataError(f"{name}:{number}: bad offsets {part!r}; expected 'START END'")
    start, end = int(match.group(1)), int(match.group(2))
    if not start <= end <= text_length:
        raise DataError(
            f"{name}:{number}: offsets {start} {end} outside the text ({text_length} characters)"
        )
    return start, end


def _parse_event(
    line: str, bounds: dict[str, _TextBound], name: str, number: int
) -> RangeAttribution | None:
    fields = line.split("\t")
    arguments = (
        [_split_argument(a, name, number) for a in fields[1].split()] if len(fields) > 1 else []
    )
    if not arguments:
        raise DataError(f"{name}:{number}: empty event line")
    if not arguments[0][0].startswith("Attribution"):
        return None  # another kind of event
    roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
    for role, ident in arguments[1:]:
        bound = _bound(bounds, ident, name, number)
        # Content2 (a second content part) joins the content; likewise for any numbered role.
        base = role.rstrip("0123456789")
        if base in roles and bound.type not in _IGNORED_TYPES:
            roles[base].extend(bound.ranges)
    if not roles["Content"]:
        return None
    source, cue, content = (tuple(sorted(roles[r])) for r in ("Source", "Cue", "Content"))
    return RangeAttribution(source=source, cue=cue, content=content)


def _split_argument(argument: str, name: str, number: int) -> tuple[str, str]:
    role, sep, ident = argument.partition(":")
    if not sep or not role or not ident:
        raise DataError(f"{name}:{number}: bad event argument {argument!r}; expected ROLE:ID")
    return role, ident


def _bound(bounds: dict[str, _TextBound], ident: str, name: str, number: int) -> _TextBound:
    if ident not in bounds:
        raise DataError(f"{name}:{number}: the event refers to {ident}, which is not defined")
    return bounds[ident]
