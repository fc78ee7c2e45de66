"""The A2 language gate for everything a participant reads.

Participant text is measured with textstat's Dutch Flesch-Douma score. A text
passes when it has at most MAX_WORDS_PER_SENTENCE words per sentence on
average, no sentence longer than MAX_WORDS_LONGEST_SENTENCE words (one long
sentence is hard even among short ones) and a score of at least MIN_FLESCH_DOUMA.
"""

import re

import textstat

MAX_WORDS_PER_SENTENCE = 10
MAX_WORDS_LONGEST_SENTENCE = 15
MIN_FLESCH_DOUMA = 80

textstat.set_lang("nl")

# The keys of a worksheet part that a participant reads as sentences.
PARTICIPANT_KEYS = ("vraag", "tabel", "afvinklijst", "punten", "schaal", "stellingen",
                    "tekenvak", "uitleg", "stoplicht", "netwerkkaart", "ladder", "begin")


def as_sentences(fragments):
    """Join short texts into one text in which every fragment is a sentence."""
    sentences = []
    for fragment in fragments:
        fragment = " ".join(str(fragment).split())
        if fragment:
            sentences.append(fragment if fragment[-1] in ".?!:" else fragment + ".")
    return " ".join(sentences)


def worksheet_text(worksheet):
    """All text of a worksheet that the participant reads."""
    fragments = [worksheet["titel"], worksheet["instructie"]]
    for part in worksheet["onderdelen"]:
        for key in PARTICIPANT_KEYS:
            value = part.get(key)
            fragments += value if isinstance(value, list) else [value] if value else []
    return as_sentences(fragments)


def longest_sentence(text):
    """The sentence of `text` with the most words."""
    return max(re.split(r"(?<=[.?!:])\s+", text.strip()), key=lambda s: len(s.split()))


def measure(text):
    """(words per sentence, Flesch-Douma score) of a Dutch text."""
    return textstat.words_per_sentence(text), textstat.flesch_reading_ease(text)


def sheet_problems(handbook):
    """A problem for each worksheet or participant form that is too hard for A2."""
    return [
        found for sheet in handbook.sheets
        if sheet.data.get("voor", "deelnemer") == "deelnemer"
        and (found := problem(f"docs/{sheet.src}", worksheet_text(sheet.data)))
    ]


def problem(name, text):
    """None when `text` passes the A2 gate, else a sentence naming `name` and its scores."""
    words, score = measure(text)
    longest = longest_sentence(text)
    long_sentence = len(longest.split()) > MAX_WORDS_LONGEST_SENTENCE
    if words <= MAX_WORDS_PER_SENTENCE and score >= MIN_FLESCH_DOUMA and not long_sentence:
        return None
    message = (
        f"{name}: te moeilijk voor A2 — {words:.1f} woorden per zin (hoogstens "
        f"{MAX_WORDS_PER_SENTENCE}) en Flesch-Douma {score:.0f} (minstens {MIN_FLESCH_DOUMA})"
    )
    if long_sentence:
        message += (
            f"; de langste zin heeft {len(longest.split())} woorden (hoogstens "
            f"{MAX_WORDS_LONGEST_SENTENCE}): '{longest}'; maak er korte zinnen van"
        )
    return message
