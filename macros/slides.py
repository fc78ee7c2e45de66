"""Slide decks for the screen: one per group session, made from its `sessie:` header.

Trainers show these slides during a session. They come from the same data as
the session page and the run sheet, so they never drift from the handbook.
The work is done in three separate steps:

1. data → model: `deck(session)` makes a `Deck` of `Slide`s. A slide holds its
   text boxes (place, size, paragraphs) and its speaker notes; all layout is
   decided here, in points (a slide is 960 × 540 pt: 13.333 × 7.5 inch, 16:9).
2. checks: `problems(deck)` applies the A2 gate of readability.py to the
   sentences on the slides, and checks that every text fits its box (see below).
3. output: `write_pptx(deck, path)` makes an editable PowerPoint file with
   python-pptx; `pdf_job(renderer, deck)` makes the HTML (templates/slides.html)
   that prints.PrintRun renders to a tagged 16:9 PDF with WeasyPrint.

The slides of a deck, in order:

- a title slide: the session title, "Week N" and, when known, the date
  (`datum`: the session's date when a municipality edition sets one);
- the agenda "Wat doen we vandaag?": the titles of the blocks (never the
  leerdoelen, which are trainer language; they are in the notes);
- one slide per block, in the order of the run sheet: a break is a slide
  "Pauze" with its minutes and the time the group starts again; any other block
  shows its title, its `instructie` and its duration, with one pictogram. An
  instructie longer than MAX_WORDS words continues on a next slide with the
  same title, so that no slide holds more than about fifteen words;
- a closing slide "Wat neem je mee?".

Every slide but the first has its number; every content slide has one
pictogram (docs/assets/pictogrammen/, as PNG in the PowerPoint file): the
block's field `pictogram`, or else the one of the first action word of its
instructie (ACTIONS: "Kijk" gives the eye, "Vertel" the mouth). Titles sit in a
box of a fixed height, so a title is at the same place on every slide. Below
the title the text (40 pt) and the pictogram (240 pt) are centred between the
rule and the bottom margin, so a slide is used from top to bottom even when it
holds one sentence.

Rules:

- Only participant text is on a slide: titles, `instructie` and durations.
  Trainer text (`wat`, `wie`, `nodig`, `leerdoelen`, `kernpunten`,
  `samenvatting`) goes into the speaker notes, with the clock times: `nodig`
  mixes things for the trainer (presentielijst, timer) with things for the
  group, so it is never on a slide.
- A2: the sentences on the slides (every `instructie`, and the leerdoelen when
  they are shown) must pass the same A2 gate as a worksheet, as one text per
  deck. Titles and `nodig` are labels and lists, not sentences, so the
  Flesch-Douma formula does not measure them.
- Agenda: the titles of the blocks (without the break), in two columns when
  there are more than MAX_ONE_COLUMN. The leerdoelen are in the notes.
- Closing: "Wat neem je mee?" and "Voor volgende week" are one slide, because
  both come from the `instructie` of the last block, which the slide before
  already shows in full. By convention that instructie ends with what to do for
  next week, starting with "Voor volgende week", "Volgende week" or "Huiswerk".
  The closing slide shows that part under "Voor volgende week:"; an instructie
  without it is shown whole. The `kernpunten` are in the notes of this slide.
- Fit: text is never made smaller to fit. Each box holds whole lines of a
  fixed height, and a line holds as many characters as the box is wide divided
  by a conservative character width (CHAR_WIDTH em; the widest text in the
  handbook measures 0.54 em in Noto Sans and less in Arial). A text that needs
  more lines than its box has stops the build, with the number of characters
  that do not fit.
"""

import math
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from . import cohort, pictograms, schedule
from .readability import as_sentences, problem

# --- layout, in points --------------------------------------------------------

SLIDE_WIDTH, SLIDE_HEIGHT = 960, 540  # 13.333 × 7.5 inch
MARGIN = 60  # left and right
TOP = 36  # top of the slide title
BOTTOM = 510  # bottom of the text on a slide
WIDTH = SLIDE_WIDTH - 2 * MARGIN
COLUMN_GAP = 30
BULLET_INDENT = 30
RULE = 4  # thickness of the line under a title
MAX_HEADING_LINES = 2
MAX_ONE_COLUMN = 5  # more block titles than this go into two columns
MAX_WORDS = 15  # words of an instructie on one slide
PICTURE = 240  # size of the pictogram of a content slide
PICTURE_GAP = 30
NUMBER_WIDTH = 120  # the slide number, bottom right

GAP_PART = 14  # space before a new part of a slide (duration, "Wat heb je nodig?")
GAP_ITEM = 8  # space between list items

# A conservative average character width, in em: real text is narrower, so a
# line of this many characters always fits the box.
CHAR_WIDTH = 0.60
BOLD_CHAR_WIDTH = 0.62

FONT = "Noto Sans"
DARK = "#14324f"  # the handbook's dark blue: titles
TEXT = "#1a1a1a"  # body text, on white
ACCENT = "#a34100"  # the handbook's orange: the line under a title


@dataclass(frozen=True)
class Style:
    size: int  # font size (pt)
    line: int  # exact line height (pt)
    bold: bool = False
    color: str = TEXT
    bullet: bool = False

    @property
    def char_width(self):
        return self.size * (BOLD_CHAR_WIDTH if self.bold else CHAR_WIDTH)


STYLES = {
    "title": Style(48, 58, bold=True, color=DARK),  # title slide, pause slide
    "subtitle": Style(32, 40, color=DARK),
    "heading": Style(40, 48, bold=True, color=DARK),  # the title of a slide
    "text": Style(40, 50),  # the instructie: read from the back of the room
    "label": Style(32, 40, bold=True, color=DARK),  # "Voor volgende week:", a duration
    "item": Style(28, 34, bullet=True),  # the agenda, in two columns when long
    "brand": Style(28, 34, bold=True, color=DARK),
    "number": Style(16, 20, color=TEXT),  # the slide number
}

PNG_FOLDER = pictograms.FOLDER / "png"  # the pictograms as PNG, for PowerPoint

# --- the model ------------------------------------------------------------------


class SlideError(ValueError):
    """A session cannot become a deck (its data lacks what a slide needs)."""


@dataclass
class Paragraph:
    text: str
    style: str = "text"
    gap: int = 0  # space before, in points
    source: str = ""  # the field it comes from, for messages


@dataclass
class Box:
    """A text box: `role` is "title" for the slide title, "body" otherwise."""

    role: str
    x: float
    y: float
    w: float
    h: float
    paragraphs: list
    anchor: str = "top"  # top, middle or bottom

    @property
    def is_list(self):
        return all(STYLES[p.style].bullet for p in self.paragraphs)


@dataclass
class Picture:
    """A pictogram on a slide (docs/assets/pictogrammen/<name>)."""

    name: str
    x: float
    y: float
    size: float

    @property
    def alt(self):
        return pictograms.PICTOGRAMS[self.name]

    @property
    def svg(self):
        return pictograms.pictogram(self.name, size=f"{self.size}pt")

    @property
    def png(self):
        return PNG_FOLDER / f"{self.name}.png"


@dataclass
class Slide:
    title: str
    boxes: list
    notes: str
    block: str = ""  # the block title, for messages
    rule_y: float | None = None  # where the line under the title goes
    picture: Picture | None = None
    number: str = ""  # "3 / 12", set when the deck is complete
    kind: str = "content"  # title, agenda, content, pause


@dataclass
class Deck:
    session: object  # a content.Item of kind "sessie"
    slides: list = field(default_factory=list)
    datum: object = None

    @property
    def title(self):
        return self.session.title

    @property
    def where(self):
        return f"docs/{self.session.src}"


# --- measuring text -------------------------------------------------------------


def chars_per_line(style, width):
    """How many characters surely fit on one line of a box `width` wide."""
    usable = width - (BULLET_INDENT if style.bullet else 0)
    return max(1, int(usable / style.char_width))


def wrapped(paragraph, width):
    """The lines of a paragraph, wrapped at chars_per_line (never fewer than one)."""
    limit = chars_per_line(STYLES[paragraph.style], width)
    return textwrap.wrap(paragraph.text, limit, break_long_words=True) or [""]


def overflow(box):
    """(characters that do not fit, paragraph where that starts); (0, None) if all fit."""
    used, over, first = 0, 0, None
    for paragraph in box.paragraphs:
        used += paragraph.gap
        for line in wrapped(paragraph, box.w):
            used += STYLES[paragraph.style].line
            if used > box.h + 0.01:
                over += len(line)
                first = first or paragraph
    return over, first


def capacity(box, paragraph):
    """(lines, characters per line) of a box, for the style of `paragraph`."""
    style = STYLES[paragraph.style]
    return int(box.h // style.line), chars_per_line(style, box.w)


# --- data → model ---------------------------------------------------------------

NEXT_WEEK = re.compile(r"(?:^|(?<=[.?!:] ))(?:Voor volgende week|Volgende week|Huiswerk)\b")
NEXT_WEEK_LEAD = re.compile(r"^Voor volgende week[.:]\s*")



def plain(text):
    """Markdown from a content field as plain text (for speaker notes)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", str(text))
    return " ".join(re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", text).split())


def date_text(datum):
    """A date in Dutch: 'dinsdag 3 maart 2026'; text is kept as it is."""
    return cohort.date_text(datum) if isinstance(datum, date) else str(datum)


def next_week_part(instructie):
    """The part of a closing instructie about next week, or None."""
    match = NEXT_WEEK.search(instructie)
    if match is None:
        return None
    part = NEXT_WEEK_LEAD.sub("", instructie[match.start():]).strip()
    return part[:1].upper() + part[1:] if part else None


def content_slide(title, body, notes, block="", source="", columns=None, picture=None,
                  kind="content"):
    """A slide with a title and a rule at fixed places, then `body` (paragraphs) in
    one box beside a pictogram, or `columns` (lists of paragraphs)."""
    heading = Paragraph(title, "heading", source=source)
    height = MAX_HEADING_LINES * STYLES["heading"].line
    boxes = [Box("title", MARGIN, TOP, WIDTH, height, [heading], anchor="bottom")]
    rule_y = TOP + height + 12
    y = rule_y + RULE + 18
    width = WIDTH - (PICTURE + PICTURE_GAP if picture else 0)
    if columns is not None:
        column_width = (width - COLUMN_GAP) / 2 if len(columns) > 1 else width
        for number, column in enumerate(columns):
            x = MARGIN + number * (column_width + COLUMN_GAP)
            boxes.append(Box("body", x, y, column_width, BOTTOM - y, column, anchor="middle"))
    else:
        boxes.append(Box("body", MARGIN, y, width, BOTTOM - y, body, anchor="middle"))
    image = (Picture(picture, MARGIN + WIDTH - PICTURE, y + (BOTTOM - y - PICTURE) / 2, PICTURE)
             if picture else None)
    return Slide(title, boxes, notes, block=block, rule_y=rule_y, picture=image, kind=kind)


def big_slide(title, lines, notes, block="", source="", brand=False):
    """A slide with a big centred message: the title slide and the break."""
    title_style, sub_style = STYLES["title"], STYLES["subtitle"]
    title_box = Box("title", MARGIN, 96, WIDTH, 3 * title_style.line,
                    [Paragraph(title, "title", source=source)], anchor="bottom")
    rule_y = title_box.y + title_box.h + 22
    sub_y = rule_y + RULE + 22
    boxes = [title_box, Box("body", MARGIN, sub_y, WIDTH, 2 * sub_style.line,
                            [Paragraph(line, "subtitle") for line in lines])]
    if brand:
        boxes.append(Box("body", MARGIN, BOTTOM - STYLES["brand"].line, WIDTH,
                         STYLES["brand"].line, [Paragraph("K!X Works", "brand")]))
    return Slide(title, boxes, notes, block=block, rule_y=rule_y,
                 kind="title" if brand else "pause")


def title_slide(data, datum):
    lines = [f"Week {data['week']}"] + ([date_text(datum)] if datum else [])
    notes = f"{plain(data['samenvatting'])}\n\nOpstelling: {plain(data['opstelling'])}"
    return big_slide(data["titel"], lines, notes, source="titel", brand=True)


def agenda_slide(data):
    """What the group does today: the titles of the blocks, in participant words."""
    notes = "Leerdoelen (voor de trainer):\n" + "\n".join(f"- {plain(g)}" for g in data["leerdoelen"])
    titles = [(n, b["titel"]) for n, b in enumerate(data["blokken"], start=1)
              if not b.get("pauze")]
    items = [Paragraph(t, "item", GAP_ITEM, f"blokken[{n}].titel") for n, t in titles]
    half = (len(items) + 1) // 2
    columns = [items] if len(items) <= MAX_ONE_COLUMN else [items[:half], items[half:]]
    for column in columns:
        column[0].gap = 0
    return content_slide("Wat doen we vandaag?", None, notes, columns=columns,
                         picture=None, kind="agenda")


# The pictogram of a block: its field `pictogram`, or else the pictogram of the
# first of these words in its instructie (whole words; a block without any of
# them shows "samen"). "Kies" is not among them: choosing is how many tasks
# begin, and what follows (write, look, talk) says more.
ACTIONS = [
    (r"\b(schrijf|schrijven|noteer|vul)\b", "schrijf"),
    (r"\b(teken|tekenen)\b", "teken"),
    (r"\b(lees|lezen)\b", "lees"),
    (r"\b(kijk|kijken)\b", "kijk"),
    (r"\b(luister|luisteren)\b", "luister"),
    (r"\b(film|filmen|opnemen|opgenomen)\b", "film"),
    (r"\b(kruis|kruisje|aankruisen)\b", "kies"),
    (r"\b(maatje|tweetal|tweetallen|duo)\b|\bz'n tweeën", "tweetal"),
    (r"\b(kring|drietal|drietallen|bal)\b|\bz'n drieën", "samen"),
    (r"\b(vertel|vertellen|zeg|zegt|zeggen|praat|praten|spreek|spreken|sprak|vraag|stel"
     r"|oefen|oefenen)\b", "praat"),
    (r"\b(denk|bedenk)\b", "denk"),
]
DEFAULT_PICTOGRAM = "samen"


def pictogram_of(block):
    """The pictogram that shows what participants do in a block: its field
    `pictogram`, or the first action word of its instructie (ACTIONS)."""
    if block.get("pictogram"):
        return block["pictogram"]
    text = str(block.get("instructie", "")).lower()
    found = [(m.start(), name) for pattern, name in ACTIONS if (m := re.search(pattern, text))]
    return min(found)[1] if found else DEFAULT_PICTOGRAM


def chunks(instructie):
    """The sentences of an instructie in about equal groups of at most about
    MAX_WORDS words (a single longer sentence stays whole)."""
    sentences = re.split(r"(?<=[.?!])\s+", " ".join(str(instructie).split()))
    total = sum(len(x.split()) for x in sentences)
    target = total / math.ceil(total / MAX_WORDS)
    groups, current = [], []
    for sentence in sentences:
        if current and len(" ".join(current + [sentence]).split()) > target + 2:
            groups.append(" ".join(current))
            current = []
        current.append(sentence)
    return groups + ([" ".join(current)] if current else [])


def block_notes(block, row):
    role = block["wie"].capitalize()
    notes = f"{row.start}–{row.end} uur. Wie: {role}.\n\n{plain(block['wat'])}"
    if block.get("nodig"):
        notes += f"\n\nNodig: {plain(block['nodig'])}"
    return notes


def block_slides(where, number, block, row):
    """The slides of one block: its instructie (in parts of at most MAX_WORDS
    words), the duration and a pictogram; the trainer's text in the notes."""
    if not block.get("instructie"):
        raise SlideError(
            f"{where}: blok {number} ('{block['titel']}') heeft geen veld "
            f"'sessie.blokken[{number}].instructie'; verwacht de opdracht voor de "
            "deelnemers in eenvoudige taal (A2), die op de dia komt"
        )
    field = f"blokken[{number}]"
    parts = chunks(block["instructie"])
    made = []
    for index, part in enumerate(parts):
        body = [Paragraph(part, source=f"{field}.instructie")]
        if index == len(parts) - 1:
            body.append(Paragraph(f"{block['minuten']} minuten", "label", GAP_PART,
                                  f"{field}.minuten"))
        notes = block_notes(block, row) if index == 0 else f"Vervolg: {block['titel']}."
        made.append(content_slide(block["titel"], body, notes, block=block["titel"],
                                  source=f"{field}.titel", picture=pictogram_of(block)))
    return made


def break_slide(block, row):
    notes = f"Pauze van {row.start} tot {row.end} uur."
    return big_slide("Pauze", [f"{block['minuten']} minuten",
                               f"We beginnen weer om {row.end} uur."], notes, block=block["titel"])


def closing_slides(data):
    """'Wat neem je mee?': what to do for next week (or the whole last instructie),
    in parts of at most about MAX_WORDS words; the kernpunten in the notes."""
    last = next(b for b in reversed(data["blokken"]) if not b.get("pauze"))
    number = data["blokken"].index(last) + 1
    source = f"blokken[{number}].instructie"
    notes = "Wat neem je mee? Vat de kernpunten samen:\n" + "\n".join(
        f"- {plain(p)}" for p in data["kernpunten"])
    part = next_week_part(last["instructie"])
    made = []
    for index, piece in enumerate(chunks(part or last["instructie"])):
        body = [Paragraph(piece, gap=GAP_ITEM if part and not index else 0, source=source)]
        if part and not index:
            body.insert(0, Paragraph("Voor volgende week:", "label"))
        made.append(content_slide("Wat neem je mee?", body, notes if not index else
                                  "Vervolg: wat neem je mee?", block=last["titel"],
                                  picture="doel"))
    return made


def deck(session, begintijd="13:00", datum=None):
    """The slide deck of one group session; raise SlideError when a block lacks
    its instructie. `datum` (a date or text) is shown on the title slide."""
    data = session.data
    where = f"docs/{session.src}"
    rows = schedule.run_sheet(data, begintijd)
    slides = [title_slide(data, datum), agenda_slide(data)]
    for number, (block, row) in enumerate(zip(data["blokken"], rows), start=1):
        if block.get("pauze"):
            slides.append(break_slide(block, row))
        else:
            slides += block_slides(where, number, block, row)
    slides += closing_slides(data)
    for number, slide in enumerate(slides[1:], start=2):
        slide.number = f"{number} / {len(slides)}"
    return Deck(session, slides, datum)


# --- checks ---------------------------------------------------------------------


def is_prose(paragraph):
    """Sentences for participants: an instructie, or a leerdoel shown as it is."""
    return paragraph.source.endswith(".instructie") or paragraph.source.startswith("leerdoelen")


def prose(deck):
    """The sentences on the slides of a deck, as one text for the A2 gate."""
    return as_sentences(
        p.text for s in deck.slides for b in s.boxes for p in b.paragraphs if is_prose(p)
    )


def fit_problems(deck):
    found = []
    for number, slide in enumerate(deck.slides, start=1):
        for box in slide.boxes:
            over, first = overflow(box)
            if not over:
                continue
            lines, chars = capacity(box, first)
            block = f", blok '{slide.block}'" if slide.block else ""
            field = f" (veld 'sessie.{first.source}')" if first.source else ""
            found.append(
                f"{deck.where}: dia {number} '{slide.title}'{block}: de tekst{field} past niet "
                f"op de dia; {over} tekens te veel (het vak heeft plaats voor {lines} regels "
                f"van ongeveer {chars} tekens). Maak de tekst korter; de dia's maken tekst "
                "nooit kleiner"
            )
    return found


def problems(deck):
    """Everything wrong with a deck: text too hard for A2, text that does not fit."""
    found = fit_problems(deck)
    hard = problem(f"{deck.where} (dia's bij '{deck.title}')", prose(deck))
    return found + ([hard] if hard else [])


def decks(renderer):
    """(decks, problems) for every group session of the handbook."""
    built, found = [], []
    for session in renderer.group_meetings():  # every session held with the group
        try:
            meeting = renderer.meetings.get(session.id)  # a date with an edition
            one = deck(session, renderer.settings.begintijd, meeting.datum if meeting else None)
        except SlideError as error:
            found.append(str(error))
            continue
        found += problems(one)
        built.append(one)
    return built, found


# --- output: PDF (HTML for WeasyPrint) ------------------------------------------


def html(renderer, deck):
    return renderer.render(
        "slides.html", deck=deck, styles=STYLES, width=SLIDE_WIDTH, height=SLIDE_HEIGHT,
        rule=RULE, accent=ACCENT, bullet_indent=BULLET_INDENT, margin=MARGIN,
    )


def pdf_job(renderer, deck):
    """(path, html, number of slides) for prints.PrintRun."""
    return renderer.print_path("dia", deck.session.id), html(renderer, deck), len(deck.slides)


def write_pdfs(jobs, results, site_dir):
    """Write the rendered PDFs of the decks; return problems (a page count that is off)."""
    found = []
    for (path, _, expected), (pdf, pages, _) in zip(jobs, results):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        if pages != expected:
            found.append(f"{path}: {pages} pagina's in plaats van {expected} dia's; een dia "
                         "loopt over op een volgende pagina")
    return found


# --- output: PowerPoint -----------------------------------------------------------

ANCHORS = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
TITLE_ONLY = 5  # the layout "Title Only" of python-pptx's default template


def rgb(color):
    return RGBColor.from_string(color.lstrip("#"))


def add_bullet(paragraph):
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(Pt(BULLET_INDENT)))
    properties.set("indent", str(-Pt(BULLET_INDENT)))
    font = properties.makeelement(qn("a:buFont"), {"typeface": "Arial"})
    char = properties.makeelement(qn("a:buChar"), {"char": "•"})
    properties.append(font)
    properties.append(char)


def fill(frame, box):
    """Put the paragraphs of a box into a text frame, at fixed sizes."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # never shrink text
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = ANCHORS[box.anchor]
    for index, model in enumerate(box.paragraphs):
        style = STYLES[model.style]
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = Pt(style.line)
        paragraph.space_before = Pt(model.gap)
        if style.bullet:
            add_bullet(paragraph)
        run = paragraph.add_run()
        run.text = model.text
        run.font.name = FONT
        run.font.size = Pt(style.size)
        run.font.bold = style.bold
        run.font.color.rgb = rgb(style.color)
        run.font.language_id = MSO_LANGUAGE_ID.DUTCH


def add_rule(slide, y):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(MARGIN), Pt(y), Pt(WIDTH), Pt(RULE))
    shape.name = "Lijn"
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(ACCENT)
    shape.line.fill.background()
    style = shape._element.find(qn("p:style"))  # no theme effects such as a shadow
    if style is not None:
        shape._element.remove(style)


def add_picture(slide, picture):
    """The pictogram as a PNG picture with its alternative text."""
    size = Pt(picture.size)
    shape = slide.shapes.add_picture(str(picture.png), Pt(picture.x), Pt(picture.y), size, size)
    shape.name = f"Pictogram {picture.name}"
    shape._element.nvPicPr.cNvPr.set("descr", picture.alt)


def add_number(slide, number):
    """The slide number, bottom right, in a text box named 'Dianummer'."""
    style = STYLES["number"]
    shape = slide.shapes.add_textbox(Pt(SLIDE_WIDTH - MARGIN - NUMBER_WIDTH),
                                     Pt(SLIDE_HEIGHT - 14 - style.line), Pt(NUMBER_WIDTH),
                                     Pt(style.line))
    shape.name = "Dianummer"
    fill(shape.text_frame, Box("number", 0, 0, NUMBER_WIDTH, style.line,
                               [Paragraph(number, "number")]))
    shape.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def write_pptx(deck, path):
    """Write the deck as an editable 16:9 PowerPoint file at `path`."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Pt(SLIDE_WIDTH), Pt(SLIDE_HEIGHT)
    layout = presentation.slide_layouts[TITLE_ONLY]
    for model in deck.slides:
        slide = presentation.slides.add_slide(layout)
        for box in model.boxes:
            shape = slide.shapes.title if box.role == "title" else slide.shapes.add_textbox(
                0, 0, 1, 1)
            shape.left, shape.top, shape.width, shape.height = (
                Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h))
            fill(shape.text_frame, box)
        if model.rule_y is not None:
            add_rule(slide, model.rule_y)
        if model.picture is not None:
            add_picture(slide, model.picture)
        if model.number:
            add_number(slide, model.number)
        slide.notes_slide.notes_text_frame.text = model.notes
    properties = presentation.core_properties
    properties.title = f"Dia's: {deck.title}"
    properties.author = "K!X Works — open handboek"
    properties.language = "nl-NL"
    path.parent.mkdir(parents=True, exist_ok=True)
    presentation.save(path)


def write_pptx_files(renderer, decks, site_dir):
    for one in decks:
        write_pptx(one, site_dir / renderer.print_path("dia", one.session.id, "pptx"))
