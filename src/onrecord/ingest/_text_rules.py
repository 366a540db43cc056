"""What a line of scraped news text is: tests that hold across outlets, not per site."""

from __future__ import annotations

import re

from onrecord.ingest import lexicons
from onrecord.knowledge.lexicons import alternatives, patterns


def _phrases(name: str) -> str:
    """A lexicon of words and phrases as one expression's alternatives."""
    return alternatives(lexicons.load(name))


def _patterns(name: str) -> str:
    """A lexicon of regular expressions as one expression's alternatives."""
    return patterns(lexicons.load(name))


# Site chrome: whole lines that are never article text.
_CHROME = re.compile(rf"^(?:{_patterns('site-chrome-v1')})$", re.IGNORECASE)
_SHARE_WORD = rf"(?:{_phrases('share-bar-words-v1')})"
_SHARE_BAR = re.compile(rf"^(?:{_SHARE_WORD}[\s|·,/]*)+$", re.IGNORECASE)
_COMMENT_FORM = re.compile(rf"^(?:{_phrases('comment-form-openers-v1')})", re.IGNORECASE)
# CSS or markup debris: "float:left;", "}", ".image-wrap {".
_CODE = re.compile(r"^(?:[\w.#-]+\s*\{|\}|[a-z-]+\s*:\s*[^.]*;)$")

# A photo credit: "Inna Varenytsia/Reuters", "Pool via REUTERS", "AP Photo", "Getty Images".
_AGENCY = re.compile(rf"\b(?:{_phrases('photo-agencies-v1')})\b", re.IGNORECASE)
_CREDIT_GLUE = lexicons.load("credit-glue-v1")
_CREDIT_IN_PARENS = re.compile(r"\(([^()\n]{2,80})\)")
_CAPTION_MAX = 400

# "WATCH | …", "Listen: …": a label in capitals or with a capital first letter.
_VIDEO_LABEL = alternatives(
    form
    for label in lexicons.load("video-labels-v1")
    for form in (label.upper(), label.capitalize())
)
_VIDEO = re.compile(rf"^(?:{_VIDEO_LABEL})\s*[|:]\s*(?P<teaser>.+?)[\s:]*$")
_CREDIT_LINE = re.compile(rf"^(?:{_patterns('credit-line-openers-v1')})", re.IGNORECASE)
_BIO_ROLE = re.compile(rf"\b(?:{_phrases('journalist-roles-v1')})\b", re.IGNORECASE)
_CONTACT = re.compile(rf"@\w|{_phrases('contact-phrases-v1')}")
_FOLLOW_AUTHOR = re.compile(r"^Follow (?!us\b)[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} on \w+")

# Words that open a sentence and never a section heading.
_SENTENCE_OPENERS = lexicons.load("sentence-openers-v1")
# Words that start a sentence after a glued heading ("Fears of escalationEven before…").
_STARTERS = lexicons.load("sentence-starters-v1")
_HEADING_MAX_WORDS = 6
_HEADING_MAX_CHARS = 60


def is_chrome(line: str) -> bool:
    if len(line) > 300:
        return False
    flat = " ".join(line.split())
    if _CHROME.match(flat) or _SHARE_BAR.match(flat) or _CODE.match(flat):
        return True
    return not any(ch.isalnum() for ch in flat)


def starts_comment_form(line: str) -> bool:
    return bool(_COMMENT_FORM.match(line))


def is_credit(credit: str) -> bool:
    """True for a photo credit: "Name/Agency", "… via Agency", or an agency name."""
    words = credit.split()
    if not 1 <= len(words) <= 10 or credit[:1].islower():
        return False
    slashed = re.search(r"[^\W\d]/[^\W\d]", credit) is not None
    return slashed or " via " in credit or bool(_AGENCY.search(credit))


def is_credit_line(line: str) -> bool:
    """A line that is only a photo credit ("PA Media", "Alexander Kazakov, Sputnik via AP")."""
    body = line.rstrip(".")
    return len(body) <= 80 and not re.search(r"[.!?\"“”]", body) and _agency_only(body)


def is_caption_over_credit(line: str, credit_line: str) -> bool:
    """A caption line with its credit alone on the next line ("… in Kyiv" / "AP")."""
    if not is_credit_line(credit_line) or "\n" in line or len(line) > 300:
        return False
    return line[:1] not in "\"“‘'" and not line.endswith(":") and not is_credit_line(line)


def _agency_only(body: str) -> bool:
    """Names and agencies only: no sentence words ("Not exactly press-stopping stuff")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", body)
    if not words or body[:1] in "-—–" or not _AGENCY.search(body):
        return False
    return is_credit(body) and all(w[:1].isupper() or w in _CREDIT_GLUE for w in words)


def caption_credit_end(line: str) -> tuple[int, str] | None:
    """Where a whole-line caption ends with its "(Credit)", and the credit."""
    match = _CREDIT_IN_PARENS.search(line)
    if match is None or match.end() != len(line.rstrip()) or not is_credit(match.group(1)):
        return None
    if len(line) > _CAPTION_MAX or line[:1] in "\"“'‘(":
        return None
    return match.end(), match.group(1).strip()


def glued_caption_end(line: str) -> tuple[int, str] | None:
    """A caption "… on May 19. (Inna Varenytsia/Reuters)" glued before a paragraph."""
    for match in _CREDIT_IN_PARENS.finditer(line, 0, _CAPTION_MAX):
        after = line[match.end() : match.end() + 1]
        if not is_credit(match.group(1)) or line[:1] in "\"“'‘(":
            continue
        before = line[: match.start()].rstrip()
        if after and (after.isupper() or after in '"“‘') and before[-1:] in '.!?”"’':
            return match.end(), match.group(1).strip()
    return None


def glued_heading_end(line: str) -> int | None:
    """Where a section heading glued to the next sentence ends, or None.

    Two glues are seen: no space at all ("Fears of escalationEven before") and a
    no-break space ("Kharkiv offensive\u00a0Before Russia's"). A brand such as
    "BlackRock" is told apart by the words around the join.
    """
    for join in _heading_joins(line[: _HEADING_MAX_CHARS + 2]):
        heading, rest = line[:join].rstrip(), line[join:].lstrip("\u00a0 ")
        glued = not line[join - 1].isspace()
        if _heading_like(heading) and _sentence_after(heading, rest, glued):
            return len(heading)
    return None


def _heading_joins(head: str) -> list[int]:
    joins = [m.start() + 1 for m in re.finditer(r"[a-z][A-Z](?=[a-z]|\s)", head)]
    nbsp = head.find("\u00a0")
    if nbsp > 0:
        joins.append(nbsp)
    return sorted(joins)[:1]


def _heading_like(heading: str) -> bool:
    words = heading.split()
    if not 1 <= len(words) <= _HEADING_MAX_WORDS or not heading[:1].isupper():
        return False
    if re.search(r"[.!?;:,\"“”()\[\]]", heading) or words[0].lower() in _SENTENCE_OPENERS:
        return False
    return len(re.sub(r"\W", "", words[-1])) >= 4


def _sentence_after(heading: str, rest: str, glued: bool) -> bool:
    words = rest.split()
    if len(words) < 4 or not words[0][:1].isupper():
        return False
    if re.sub(r"[^\w]", "", words[0]).lower() in _STARTERS:
        return True
    sentence_case = any(w[:1].islower() for w in heading.split()[1:])
    # With no space at all the join itself is the evidence, unless the words
    # around it could be one capitalised name ("Larry Fink's BlackRock").
    return sentence_case and (glued or words[1][:1].islower())


def is_standalone_heading(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 10 or len(line) > 80 or "\n" in line:
        return False
    if re.search(r"[.!?;:,\"“”…]$|^[\"“'‘(]|^[^:]{1,25}:\s", line):
        return False  # a sentence, a quote, or a "Source: …" label line
    return line[:1].isupper() and any(ch.isalpha() for ch in line)


def video_teaser(line: str) -> str | None:
    match = _VIDEO.match(line)
    return match.group("teaser").strip(" \u00a0:") if match else None


def repeats_teaser(line: str, teaser: str) -> bool:
    def flat(s: str) -> str:
        return " ".join(s.split()).casefold()

    return len(teaser) >= 15 and flat(line).startswith(flat(teaser))


def teaser_repeat_end(line: str, teaser: str) -> int | None:
    """Where a repeated teaser title ends in ``line``, whitespace-insensitively."""
    words = teaser.split()
    if not words or len(teaser) < 15:
        return None
    match = re.match(r"\s*" + r"\s+".join(map(re.escape, words)), line, flags=re.IGNORECASE)
    return match.end() if match else None


def is_credit_line_text(line: str) -> bool:
    return len(line) <= 300 and bool(_CREDIT_LINE.match(line))


def is_author_bio(line: str, bylines: list[str]) -> bool:
    if len(line) > 600 or re.search(r"[\"“”<]", line):
        return False  # a bio does not quote anyone; markup is an embed
    if _FOLLOW_AUTHOR.match(line):
        return True
    by_author = any(line.startswith(name) for name in bylines)
    return bool(_BIO_ROLE.search(line)) and (by_author or bool(_CONTACT.search(line)))
