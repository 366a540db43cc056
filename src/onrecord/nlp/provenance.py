"""What an analysis was made with, down to the bytes: the hashes in its provenance.

The rule-set hash of a component covers the source of its package and of every
module of ours it imports, all the way down, so any change to its rules changes
the hash; nobody has to remember to bump a version string. Lexicons, model files
and data files are hashed by content. Each is computed once per process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import pkgutil
import re
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from onrecord.knowledge import data as knowledge_data
from onrecord.knowledge.actors import starter_digests
from onrecord.nlp import lexicons

__all__ = ["data_digests", "library_versions", "model_digests", "package_version", "rules_digest"]

PACKAGE = "onrecord"
# The model files an analysis reads; the rest of a model folder (training.json, the
# README) describes how the models were made.
MODEL_FILES = ("cue.crfsuite", "role.crfsuite", "checker.json")
LIBRARIES = ("spacy", "python-crfsuite", "countryinfo")
_DIGEST_LENGTH = 16  # hex digits, as the lexicons' own
# Imports of our modules: ``import onrecord.a`` and ``from onrecord.a import b, c``.
_IMPORT = re.compile(rf"^\s*import\s+({PACKAGE}(?:\.\w+)*)", re.M)
_FROM_IMPORT = re.compile(rf"^\s*from\s+({PACKAGE}(?:\.\w+)*)\s+import\s+(\([^)]*\)|.*)", re.M)
_COMMENT = re.compile(r"#.*")


# Every folder of word lists or other data an analysis reads, by the name its files
# are listed under. A new folder (another stage's lexicons) is one line here.
DATA_FOLDERS: dict[str, Callable[[], dict[str, str]]] = {
    "nlp/lexicons": lexicons.digests,
    # the word lists, and the actors knowledge starter (TOML, not a word list)
    "knowledge/data": lambda: {**knowledge_data.digests(), **starter_digests()},
}


def package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def library_versions() -> dict[str, str]:
    """The installed version of each library whose code or data changes the results."""
    return {name: metadata.version(name) for name in LIBRARIES}


@cache
def data_digests() -> dict[str, str]:
    """The content hash of each data file in ``DATA_FOLDERS``, as ``folder/file``."""
    return {
        f"{folder}/{name}": digest
        for folder, digests in DATA_FOLDERS.items()
        for name, digest in digests().items()
    }


@cache
def model_digests(model_dir: Path) -> dict[str, str]:
    """The content hash of each model file in ``model_dir`` (a checker may be missing)."""
    return {
        name: _digest((model_dir / name).read_bytes())
        for name in MODEL_FILES
        if (model_dir / name).exists()
    }


@cache
def rules_digest(root: str) -> str:
    """One hash of the source of ``root`` (a module, or a package and its modules)
    and of every module of ours it imports, directly or not."""
    digest = hashlib.sha256()
    for name in sorted(_modules_run_by(root)):
        digest.update(name.encode() + b"\0" + _source_path(name).read_bytes() + b"\0")
    return digest.hexdigest()[:_DIGEST_LENGTH]


def _modules_run_by(root: str) -> set[str]:
    seen: set[str] = set()
    todo = [root, *_submodules(root)]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_our_imports(name))
    return seen


def _submodules(package: str) -> list[str]:
    spec = importlib.util.find_spec(package)
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        return []
    return [info.name for info in pkgutil.walk_packages(locations, prefix=package + ".")]


@cache
def _our_imports(module: str) -> tuple[str, ...]:
    """The modules of ours that ``module`` imports. ``from a.b import c`` names the
    module ``a.b.c`` when there is one, else ``a.b``: a package's ``__init__`` that
    only gathers names does not make its every sibling part of each rule set. Read
    with a pattern, not a parse: ten times faster, and a false match (an import in a
    docstring) only makes a hash cover more."""
    source = _COMMENT.sub("", _source_path(module).read_text(encoding="utf-8"))
    found: list[str] = _IMPORT.findall(source)
    for package, names in _FROM_IMPORT.findall(source):
        named = [f"{package}.{name}" for name in _imported_names(names)]
        modules = [name for name in named if _is_module(name)]
        found += modules if len(modules) == len(named) else [*modules, package]
    return tuple(found)


def _imported_names(names: str) -> list[str]:
    return [name.split()[0] for name in names.strip("() \n").split(",") if name.strip()]


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a name inside a module, not a submodule
        return False


def _source_path(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    return Path(spec.origin)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:_DIGEST_LENGTH]
