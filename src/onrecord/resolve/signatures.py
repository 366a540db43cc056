"""An article's body as a MinHash signature, and the signature as bytes for the store.

The body is the article's prose blocks (paragraphs, headings and the deck): what a wire
story's copies share. Titles, bylines, captions and boilerplate are left out, since each
outlet writes its own. The text is folded (case, diacritics and punctuation gone, so
curly and straight quotation marks are one) and cut into overlapping runs of
``shingle_words`` words; the signature is a MinHash of that set of shingles, with its
size kept beside it so that containment can be estimated as well as Jaccard similarity.

Signatures are comparable only when made with the same parameters; the bytes carry
them, and reading checks them.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash

from onrecord.model import Article, BlockKind, RecordError, fold

__all__ = [
    "SIGNATURE_KINDS",
    "Signature",
    "SyndicationParams",
    "body_text",
    "body_words",
    "is_headline",
    "shingles",
    "signature",
]

# The prose a wire story's copies share. A deck is the lede in one outlet and a first
# paragraph in another, so it counts; a caption is the outlet's own photo and is left out.
SIGNATURE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.DECK})

# datasketch's permutation scheme, named so that a change of the library's default
# (2.0 moved from "legacy" to "affine32") cannot silently change every signature.
_SCHEME = "affine32"


@dataclass(frozen=True)
class SyndicationParams:
    """How signatures are made and when two are copies of one story.

    The values are justified on the shared data in docs/syndication.md: the seven
    syndicated pairs there have 3-word-shingle containment 0.58–0.94, every other pair
    at most 0.07; estimated from 256-permutation signatures (30 seeds tried) the copies
    stay at 0.53 or more and the rest at 0.22 or less, so 0.4 lies between them.
    """

    shingle_words: int = 3  # short ones survive a rewrite: its pair keeps 0.58, with 5 words 0.44
    num_perm: int = 256  # 128 let one unrelated pair's estimate reach 0.26
    seed: int = 1
    # LSH bands x rows: a pair is a candidate when some band of 2 values is equal, with
    # probability 1 - (1 - J^2)^128: 0.72 at Jaccard 0.1, 0.95 at 0.15, 0.995 at 0.2
    # (datasketch's own choice for a threshold of 0.08). Candidates are then checked.
    bands: int = 128
    rows: int = 2
    # Copies when the estimated share of the shorter body's shingles found in the
    # longer one reaches this: a teaser of a long story is a copy of it.
    min_containment: float = 0.4
    # A body this short says too little: a shared sentence would be all of it.
    min_shingles: int = 20

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(
                f"bands x rows ({self.bands} x {self.rows}) exceeds num_perm ({self.num_perm})"
            )
        if not 0.0 < self.min_containment <= 1.0:
            raise ValueError(f"min_containment must be in (0, 1], not {self.min_containment}")


@dataclass(frozen=True, eq=False)
class Signature:
    """A MinHash of an article body's shingles; ``size`` is how many distinct shingles."""

    minhash: LeanMinHash
    size: int
    shingle_words: int

    @property
    def num_perm(self) -> int:
        return len(self.minhash)

    @property
    def seed(self) -> int:
        return int(self.minhash.seed)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.size, self.shingle_words, self.seed) == (
            other.size,
            other.shingle_words,
            other.seed,
        ) and bool(np.array_equal(self.minhash.hashvalues, other.minhash.hashvalues))

    def __hash__(self) -> int:
        return hash((self.size, self.shingle_words, self.minhash.hashvalues.tobytes()))

    def jaccard(self, other: Signature) -> float:
        """The estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(self.minhash.hashvalues == other.minhash.hashvalues))

    def containment(self, other: Signature) -> float:
        """The estimated share of the smaller set's shingles that the other holds.

        From Jaccard J and the sizes a, b: |A ∩ B| = J (a + b) / (1 + J).
        """
        smaller = min(self.size, other.size)
        if smaller == 0:
            return 0.0
        j = self.jaccard(other)
        return min(1.0, j * (self.size + other.size) / (1.0 + j) / smaller)

    def to_bytes(self) -> bytes:
        """The signature for the store: a header, then ``num_perm`` little-endian uint32s."""
        values = np.asarray(self.minhash.hashvalues, dtype="<u4").tobytes()
        header = _HEADER.pack(
            _MAGIC, _FORMAT, self.shingle_words, self.num_perm, self.seed, self.size
        )
        return header + values

    @classmethod
    def from_bytes(cls, data: bytes, where: str = "signature") -> Signature:
        """A signature from :meth:`to_bytes`; ``where`` names it in errors (an article id)."""
        if len(data) < _HEADER.size:
            raise RecordError(where, f"is {len(data)} bytes, too short for a signature")
        magic, version, words, num_perm, seed, size = _HEADER.unpack_from(data)
        if magic != _MAGIC or version != _FORMAT:
            raise RecordError(where, f"is not a version-{_FORMAT} onrecord MinHash signature")
        if len(data) != _HEADER.size + 4 * num_perm:
            raise RecordError(
                where, f"holds {len(data) - _HEADER.size} bytes of values, not {4 * num_perm}"
            )
        values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint64)
        minhash = LeanMinHash(seed=seed, hashvalues=values, scheme=_SCHEME)
        return cls(minhash, size, words)

    def check(self, params: SyndicationParams, where: str = "signature") -> None:
        """Raise unless this signature was made with ``params``'s shingles and hashes."""
        made = (self.shingle_words, self.num_perm, self.seed)
        wanted = (params.shingle_words, params.num_perm, params.seed)
        if made != wanted:
            raise RecordError(
                where,
                f"was made with (shingle words, permutations, seed) = {made}, not {wanted}: "
                "recompute it from the article",
            )


# magic, format version, shingle words, permutations, seed, distinct shingles
_HEADER = struct.Struct("<4sBBHqI")
_MAGIC = b"ORMH"
_FORMAT = 1


def body_text(article: Article) -> str:
    """The article's prose blocks joined, headline-like lines left out; the whole text
    when it has no such block."""
    if not any(b.kind in SIGNATURE_KINDS for b in article.blocks):
        return article.text
    parts = (article.text[b.start : b.end] for b in article.blocks if b.kind in SIGNATURE_KINDS)
    return "\n".join(part for part in parts if not is_headline(part))


def is_headline(text: str) -> bool:
    """Whether a block reads as a headline rather than prose: four in five of its words of
    four letters or more capitalised ("Rand Paul Scores Direct Hit On Donald Trump.").

    Readers type some of these as paragraphs: a "Related" list of links, a teaser, a
    photo credit. Outlets add their own, and one shared list would make two short
    stories look like copies; a wire story's prose is in sentence case.
    """
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def body_words(article: Article) -> list[str]:
    """The body's words, folded: no case, diacritics or punctuation."""
    return fold(body_text(article)).split()


def shingles(words: list[str], size: int) -> set[str]:
    """Every run of ``size`` consecutive words; a shorter text is one shingle."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(article: Article, params: SyndicationParams | None = None) -> Signature:
    """The MinHash signature of the article's body."""
    params = params or SyndicationParams()
    found = shingles(body_words(article), params.shingle_words)
    minhash = MinHash(num_perm=params.num_perm, seed=params.seed, scheme=_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in found])
    return Signature(LeanMinHash(minhash), len(found), params.shingle_words)
