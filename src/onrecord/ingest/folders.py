"""Which entries of a folder are read, and a word about each one that is not.

A folder is read one level deep, in name order. An entry is read when it is a
file (or a link to one) whose name ends with the extension of an input kind, or
has no extension (its first bytes then decide its kind). Every other entry is
named, as what it is calls for:

- an entry that cannot be read — a link to nothing or a loop of links, a named
  pipe, a socket or a device — is a :class:`ReadError` in the stream, like any
  document that fails: the batch goes on, and the command's exit status says so;
- a subfolder, or a file of another kind (an issue file's ``.toml``, a
  ``README.md``), is skipped by rule with a warning on this module's logger,
  which the command line prints on stderr;
- a hidden entry (``.DS_Store``, ``.git``) is skipped with a debug message.

Nothing is opened here, so a named pipe in a folder never blocks the read.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections import Counter
from collections.abc import Collection, Iterator
from pathlib import Path

from onrecord.errors import ReadError
from onrecord.ingest.manifest import MANIFEST_NAME

__all__ = ["folder_entries"]

log = logging.getLogger(__name__)

# What `ls -l` would say an entry is, for the ones that are neither file nor folder.
_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
# An extension is a dot and letters or digits: "Mr. Smith" or "story.2024-05-30" has none.
_EXTENSION = re.compile(r"\.[A-Za-z0-9]+$")


def folder_entries(folder: Path, extensions: Collection[str]) -> Iterator[Path | ReadError]:
    """The files of ``folder`` to read, and an error for each entry that cannot be.

    ``extensions`` are the endings (lower case, with their dot) of the input kinds.
    A folder with nothing to read is itself an error that says what was skipped.
    """
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        yield ReadError(str(folder), f"cannot list it: {exc.strerror or exc}")
        return
    skipped: Counter[str] = Counter()
    found = False
    for name in names:
        path = folder / name
        outcome = _entry(path, extensions)
        if isinstance(outcome, str):
            skipped[outcome] += 1
        else:
            found = True
            yield outcome
    if not found:
        yield ReadError(str(folder), _nothing_to_read(skipped))


def _entry(path: Path, extensions: Collection[str]) -> Path | ReadError | str:
    """The path to read, an error, or (for an entry skipped by rule) what it is."""
    if path.name.startswith("."):
        log.debug("%s: not read: a hidden entry", path)
        return "hidden"
    if path.name == MANIFEST_NAME:  # it describes the folder's files (ingest.manifest)
        log.debug("%s: not read as an article: the folder's manifest", path)
        return "manifest"
    try:
        mode = path.stat().st_mode  # follows links: a link is what it points to
    except OSError as exc:
        return ReadError(str(path), _unreachable(path, exc))
    if stat.S_ISDIR(mode):
        log.warning("%s: not read: a folder (folders are read one level deep)", path)
        return "folder"
    if not stat.S_ISREG(mode):
        return ReadError(str(path), f"not read: {_special(mode)}, not a file")
    extension = _extension(path.name, extensions)
    if extension is not None and extension not in extensions:
        log.warning(
            "%s: not read: %s is not the extension of an input kind (see docs/input.md); "
            "give the file by name to read it as plain text",
            path,
            extension,
        )
        return "other kind"
    return path


def _extension(name: str, extensions: Collection[str]) -> str | None:
    lowered = name.lower()
    known = next((ext for ext in extensions if lowered.endswith(ext)), None)
    if known is not None:
        return known
    match = _EXTENSION.search(lowered)
    return match.group() if match else None


def _special(mode: int) -> str:
    return next((name for test, name in _SPECIAL if test(mode)), "not a regular file")


def _unreachable(path: Path, exc: OSError) -> str:
    if path.is_symlink() and isinstance(exc, FileNotFoundError):
        return f"cannot read it: a link to {os.readlink(path)!r}, which does not exist"
    return f"cannot read it: {exc.strerror or exc}"


_SKIPPED = {
    "folder": ("subfolder", "subfolders"),
    "hidden": ("hidden entry", "hidden entries"),
    "manifest": ("manifest", "manifests"),
    "other kind": ("file of another kind", "files of other kinds"),
}


def _nothing_to_read(skipped: Counter[str]) -> str:
    if not skipped:
        return "no input files in it: the folder is empty"
    counts = ", ".join(f"{n} {_SKIPPED[what][n > 1]}" for what, n in sorted(skipped.items()))
    return f"no input files in it (not read: {counts})"
