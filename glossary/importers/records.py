"""What every reader hands the writer: plain term records, and problems or notes tied to where they came from.

A record is plain text, not yet HTML and not yet checked against the site. Each format's reader
(``text``, ``json``, ``csv``) fills the fields its format has; the writer does the rest the same way
for all of them.
"""

from dataclasses import dataclass, field


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
    def place(self):
        """Where the record is, for messages about another record: "a.txt (line 2)", "terms.json (record 3)"."""
        if self.record is not None:
            return f"{self.source} (record {self.record})"
        return f"{self.source} (line {self.line})"


def split_list(text):
    """Names written in one cell or string, separated by semicolons: "chemo; chemotherapy" -> two names."""
    return [part.strip() for part in text.split(";") if part.strip()]


def paragraphs(text):
    """Text split into paragraphs, one a line; blank lines are dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def clean_name(name):
    """A name as written, with its spaces tidied (runs of whitespace become one space)."""
    return " ".join(name.split())
