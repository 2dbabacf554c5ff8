"""Reads the plain-text term format into records, with every problem tied to a file and line.

Kept free of the database so the format can be checked (and tested) on its own; ``writer`` resolves
names against the site and writes drafts. The format, one term per file::

    <definition: one paragraph>
    What is <term>?            (or "What is a/an <term>?")
    <paragraphs, one a line>
    Why it matters
    <paragraphs, one a line>
    Related terms              (optional; one term title a line)
    Related articles           (optional; one article title a line)
    Medical disclaimer         (optional; empty, or the title of a disclaimer)

The name is kept as written in the "What is" line; only a name written all in lower case gets a
capital first letter ("What is remission?" -> "Remission", "What is mTOR?" -> "mTOR").
"""

import re
from dataclasses import dataclass

from glossary.names import name_slug, strip_accents

from .records import Problem, Record, clean_name, control_character

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
        """The term as its 'What is' line names it; capitalised only when written all in lower case."""
        return title_from(WHAT_IS.fullmatch(self.what_is_line.text)["term"])

    @property
    def slug(self):
        return name_slug(self.title)

    def to_record(self):
        lines = {"definition": self.definition.number}
        if self.why_it_matters_line:
            lines["why_it_matters"] = self.why_it_matters_line
        return Record(
            source=self.source,
            term=self.title,
            definition=self.definition.text,
            what_is_heading=self.what_is_line.text,
            what_is=[line.text for line in self.what_is],
            why_it_matters=[line.text for line in self.why_it_matters],
            related_terms=[(line.text, line.number) for line in self.related_terms],
            related_articles=[(line.text, line.number) for line in self.related_articles],
            disclaimer=(self.disclaimer.text, self.disclaimer.number) if self.disclaimer else None,
            line=self.what_is_line.number,
            lines=lines,
            dictionary_entry=False,
        )


def title_from(name):
    """ "remission" -> "Remission"; "mTOR inhibitor", "MRI scan" and "μL" stay as written.

    Only a name in lower case Latin letters gets a capital: a capital Greek mu ("Μ") reads as M.
    """
    name = clean_name(name)
    if name == name.lower() and strip_accents(name[:1]).isascii():
        return name[:1].upper() + name[1:]
    return name


def read_text_files(paths, progress=iter):
    """The records of the named .txt files and the problems found reading them."""
    records, problems = [], []
    for path in progress(paths):
        try:
            text, file_problems = parse_term_file(path.read_bytes(), str(path))
        except OSError as error:
            text, file_problems = None, [Problem(str(path), None, f"Cannot read the file: {error.strerror}.")]
        problems += file_problems
        if text:
            records.append(text.to_record())
    return records, problems


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
        if message := control_character(line.text):
            problems.append(Problem(source, number, f"This line {message}"))
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
