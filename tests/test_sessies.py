"""Every session page explains every block of its run sheet, in its own words.

A trainer preparing a session reads the run sheet (the `blokken` in the header)
and then "Blok voor blok": one `### <titel>` section per block that is not a
break, in the same order, with the block's title as the heading (no minutes in
the heading: the run sheet shows them). Each section must stand on its own, so
it needs a minimum length.

Why the floor is 80 words: in kerntraining 1–4, the sessions trainers call
ready to run, the 32 sections have a median of about 160 words; the shortest
are the closing and reflection blocks (54–83 words before this test existed).
A section that tells what the trainer says and does, step by step with minutes,
who does what, one example sentence and what to do when it goes differently
cannot be written in fewer than about 80 words: the four sections under 80
in kerntraining 3 and 4 (54, 65, 74 and 76 words) each missed one of those
parts, mostly the minutes per step or what to do when it goes differently,
and were extended. Eighty words is therefore the lowest length that still
meets the standard, low enough that a ten-minute closing round does not have
to be padded.

The page is read from its Markdown and header (the same files the build reads),
so the test runs in a second and names the page and block that fall short.
"""

import re
from pathlib import Path

import pytest

from macros.content import load

ROOT = Path(__file__).resolve().parent.parent
FLOOR = 80
HANDBOOK = load(ROOT / "docs")
SESSIONS = HANDBOOK.sessions

BLOK_VOOR_BLOK = re.compile(r"^## Blok voor blok[ \t]*$(.*?)(?=^## |\Z)", re.M | re.S)
SECTION_HEADING = re.compile(r"^### +(.+?)[ \t]*$", re.M)
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def block_sections(body):
    """The (heading, text) pairs under '## Blok voor blok', or None without that part."""
    part = BLOK_VOOR_BLOK.search(body)
    if part is None:
        return None
    pieces = SECTION_HEADING.split(part.group(1))
    return list(zip(pieces[1::2], pieces[2::2]))


def words(text):
    return len(WORD.findall(text))


def block_titles(session):
    return [b["titel"] for b in session.data["blokken"] if not b.get("pauze")]


@pytest.mark.parametrize("session", SESSIONS, ids=[s.id for s in SESSIONS])
def test_one_section_per_block_in_order(session):
    sections = block_sections(session.body)
    assert sections is not None, f"docs/{session.src}: geen '## Blok voor blok'"
    headings = [heading for heading, _ in sections]
    assert headings == block_titles(session), (
        f"docs/{session.src}: de koppen onder 'Blok voor blok' zijn {headings}; "
        f"verwacht de titels van de blokken (zonder pauze) in deze volgorde: "
        f"{block_titles(session)}"
    )


@pytest.mark.parametrize("session", SESSIONS, ids=[s.id for s in SESSIONS])
def test_every_section_is_long_enough(session):
    sections = block_sections(session.body) or []
    short = {heading: words(text) for heading, text in sections if words(text) < FLOOR}
    assert not short, (
        f"docs/{session.src}: deze blokken hebben minder dan {FLOOR} woorden uitleg: {short}"
    )


def test_the_floor_matches_the_reference_sessions():
    """Kerntraining 1–4 set the standard: all their sections meet the floor."""
    reference = [HANDBOOK.items["sessie"][f"kerntraining-{n}"] for n in range(1, 5)]
    lengths = [words(t) for s in reference for _, t in block_sections(s.body)]
    assert min(lengths) >= FLOOR
