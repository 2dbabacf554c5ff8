"""What every reader hands the writer: plain term records, and problems or notes tied to where they came from.

A record is plain text, not yet HTML and not yet checked against the site. Each format's reader
(``text``, ``json``, ``csv``) fills the fields its format has; the writer does the rest the same way
for all of them.
"""

from dataclasses import dataclass, field

from glossary.names import CONTROL_CHARACTERS


@dataclass(frozen=True)
class Problem:
    """A message about a place in a file: ``file:line: message``, or ``file:record N: message`` for the
    Nth term of a JSON or CSV file.

    Mostly a reason the run cannot go ahead; the same shape carries notes (what an import did that an
    editor should know) and the related items that were not found.
    """

    source: str
    line: int | None
    message: str
    record: int | None = None

    @property
    def place(self):
        if self.record is not None:
            return f"{self.source}:record {self.record}" + (f" (line {self.line})" if self.line else "")
        return self.source if self.line is None else f"{self.source}:{self.line}"

    def __str__(self):
        return f"{self.place}: {self.message}"


@dataclass
class Record:
    """One term as a file gives it. Empty text or lists mean "not given": an existing term keeps its own.

    ``lines`` points each field at the line to report a problem with it on (text format); JSON and CSV
    records are located by ``record``, their position in the file.
    """

    source: str
    term: str
    definition: str
    other_names: list[str] = field(default_factory=list)
    pronunciation: str = ""
    what_is_heading: str = ""
    what_is: list[str] = field(default_factory=list)  # paragraphs
    why_it_matters: list[str] = field(default_factory=list)
    related_terms: list[tuple[str, int | None]] = field(default_factory=list)  # (name, line)
    related_articles: list[tuple[str, int | None]] = field(default_factory=list)
    disclaimer: tuple[str, int | None] | None = None
    translation_of: str | None = None  # the name of the English term a term in another language translates
    record: int | None = None
    line: int | None = None
    lines: dict[str, int] = field(default_factory=dict)
    # A dictionary entry (JSON, CSV) gives its other names in a trailing "Also called" sentence and may
    # have a definition over the limit, which is kept whole and shortened. The text format (False) has
    # neither: a long definition there is a problem.
    dictionary_entry: bool = True

    def at(self, message, field_name=None):
        """A :class:`Problem` located at this record, or at the line of one of its fields."""
        return Problem(self.source, self.lines.get(field_name, self.line), message, self.record)

    def at_line(self, line, message):
        return Problem(self.source, line if line is not None else self.line, message, self.record)

    @property
    def characters(self):
        """How much text the term holds, all its parts together."""
        texts = [self.term, self.definition, self.pronunciation, self.what_is_heading, *self.other_names]
        texts += [*self.what_is, *self.why_it_matters]
        texts += [name for name, _ in self.related_terms + self.related_articles]
        return sum(len(text) for text in texts) + (len(self.disclaimer[0]) if self.disclaimer else 0)

    @property
    def place(self):
        """Where the record is, for messages about another record: "a.txt (line 2)", "terms.json (record 3)"."""
        if self.record is not None:
            return f"{self.source} (record {self.record})"
        return f"{self.source} (line {self.line})"


def control_character(text):
    """A message naming the first control character in ``text`` (see ``glossary.names``), or ""."""
    found = CONTROL_CHARACTERS.search(text)
    if not found:
        return ""
    return f"holds a control character (U+{ord(found.group()):04X}), which a term cannot contain; remove it."


def split_list(text):
    """Names written in one cell or string, separated by semicolons: "chemo; chemotherapy" -> two names."""
    return [part.strip() for part in text.split(";") if part.strip()]


def paragraphs(text):
    """Text split into paragraphs, one a line; blank lines are dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def clean_name(name):
    """A name as written, with its spaces tidied (runs of whitespace become one space)."""
    return " ".join(name.split())
