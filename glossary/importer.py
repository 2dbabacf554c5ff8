"""Reads the plain-text term format into data, with every problem tied to a file and line.

Kept free of the database so the format can be checked (and tested) on its own; the ``import_terms``
command resolves names against the site and writes drafts. The format, one term per file::

    <definition: one paragraph>
    What is <term>?            (or "What is a/an <term>?")
    <paragraphs, one a line>
    Why it matters
    <paragraphs, one a line>
    Related terms              (optional; one term title a line)
    Related articles           (optional; one article title a line)
    Medical disclaimer         (optional; empty, or the title of a disclaimer)
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import slugify

WHAT_IS = re.compile(r"what is (?:an? )?(?P<term>.+?)\s*\?", re.IGNORECASE)
WHAT_IS_LINE = "'What is <term>?'"

# Section marker lines (compared without case) and the section each one starts.
WHY_IT_MATTERS = "why_it_matters"
RELATED_TERMS = "related_terms"
RELATED_ARTICLES = "related_articles"
DISCLAIMER = "disclaimer"
MARKERS = {
    "why it matters": WHY_IT_MATTERS,
    "related terms": RELATED_TERMS,
    "related articles": RELATED_ARTICLES,
    "medical disclaimer": DISCLAIMER,
}


@dataclass(frozen=True)
class Problem:
    """A message about a place in a file, printed as ``file:line: message`` (the line when there is one).

    Mostly a reason the run cannot go ahead; the command also uses it to list related items not found.
    """

    source: str
    line: int | None
    message: str

    def __str__(self):
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Line:
    """The text of one non-empty line and where it stands in its file."""

    text: str
    number: int


@dataclass
class TermText:
    """One term as written in its file: plain text, not yet HTML, not yet checked against the site."""

    source: str
    what_is_line: Line
    definition: Line
    what_is: list[Line]
    why_it_matters: list[Line]
    why_it_matters_line: int | None
    related_terms: list[Line]
    related_articles: list[Line]
    disclaimer: Line | None

    @property
    def title(self):
        """The term as named by its 'What is' line, first letter capitalised: "remission" -> "Remission"."""
        term = WHAT_IS.fullmatch(self.what_is_line.text)["term"]
        return term[:1].upper() + term[1:]

    @property
    def slug(self):
        return slugify(self.title)

    def line_of(self, field_name):
        """The line to point at when the page field ``field_name`` turns out to be invalid."""
        if field_name == "definition":
            return self.definition.number
        if field_name == "why_it_matters":
            return self.why_it_matters_line
        return self.what_is_line.number


def paragraphs_html(lines):
    """Rich text with each line as a paragraph; the text is escaped, so markup in a file stays visible text."""
    return "".join(f"<p>{escape(line.text)}</p>" for line in lines)


def parse_term_file(data, source):
    """Read one file's bytes: a :class:`TermText` (None if it cannot be read) and the problems found."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(source, line, "The file is not UTF-8 text. Save it as UTF-8 and try again.")]
    if not text.strip():
        return None, [Problem(source, 1, "The file is empty.")]
    return _parse_text(text, source)


def _parse_text(text, source):
    problems = []
    definition = what_is_line = None
    sections = {}  # section name -> its lines, in the order met
    marker_lines = {}
    current = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = Line(raw.strip(), number)
        if not line.text:
            continue
        marker = MARKERS.get(line.text.casefold())
        if WHAT_IS.fullmatch(line.text):
            if what_is_line:
                problems.append(
                    Problem(
                        source,
                        number,
                        f"A second 'What is …?' line (the first is line {what_is_line.number}). "
                        "A file holds one term; reword this line if it is meant as a paragraph.",
                    )
                )
                continue
            what_is_line, current = line, "what_is"
            sections[current] = []
        elif marker:
            if not what_is_line:
                problems.append(Problem(source, number, f"'{line.text}' comes before the {WHAT_IS_LINE} line."))
            elif marker in sections:
                problems.append(
                    Problem(source, number, f"'{line.text}' appears twice (first on line {marker_lines[marker]}).")
                )
            else:
                current, marker_lines[marker] = marker, number
                sections[current] = []
        elif current:
            sections[current].append(line)
        elif definition is None:
            definition = line
        else:
            problems.append(
                Problem(
                    source,
                    number,
                    f"The definition must be one paragraph, but this is a second line before the {WHAT_IS_LINE} "
                    "line.",
                )
            )

    if not what_is_line:
        # Without it every later line looks out of place; the missing line is the one thing to report.
        return None, [Problem(source, definition.number if definition else 1, f"There is no {WHAT_IS_LINE} line.")]
    if not definition:
        problems.append(
            Problem(source, what_is_line.number, f"There is no definition before the {WHAT_IS_LINE} line.")
        )
    if not sections["what_is"]:
        problems.append(Problem(source, what_is_line.number, f"The '{what_is_line.text}' section is empty."))
    if WHY_IT_MATTERS not in sections:
        problems.append(
            Problem(
                source, what_is_line.number, f"There is no 'Why it matters' section after '{what_is_line.text}'."
            )
        )
    elif not sections[WHY_IT_MATTERS]:
        problems.append(Problem(source, marker_lines[WHY_IT_MATTERS], "The 'Why it matters' section is empty."))
    if len(sections.get(DISCLAIMER, [])) > 1:
        problems.append(
            Problem(
                source,
                sections[DISCLAIMER][1].number,
                "The 'Medical disclaimer' section names one disclaimer by its title, or is left empty.",
            )
        )
    term = TermText(
        source=source,
        what_is_line=what_is_line,
        definition=definition,
        what_is=sections["what_is"],
        why_it_matters=sections.get(WHY_IT_MATTERS, []),
        related_terms=sections.get(RELATED_TERMS, []),
        related_articles=sections.get(RELATED_ARTICLES, []),
        disclaimer=next(iter(sections.get(DISCLAIMER, [])), None),
        why_it_matters_line=marker_lines.get(WHY_IT_MATTERS),
    )
    if not term.slug:
        problems.append(
            Problem(source, what_is_line.number, f"'{term.title}' has no letters or digits to make a web address.")
        )
    return (None if problems else term), problems
