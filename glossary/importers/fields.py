"""Which key of a JSON object, or column of a CSV file, fills which part of a term.

Each part has default names, so a file written with them (or NCI's ``term`` and ``plain_alternative``)
needs no options; ``--field definition=summary`` names another key or column for a part.
"""

from dataclasses import dataclass

from .records import Record, clean_name, control_character, paragraphs, split_list

# The parts of a term, each with the keys or columns read for it when the run does not name one.
DEFAULT_NAMES = {
    "term": ("term",),
    "definition": ("definition", "plain_alternative"),
    "other_names": ("other_names", "also_called"),
    "pronunciation": ("pronunciation",),
    "what_is": ("what_is",),
    "why_it_matters": ("why_it_matters",),
    "related_terms": ("related_terms",),
    "related_articles": ("related_articles",),
    "disclaimer": ("disclaimer",),
    # In a file of terms in another language (``--locale es``): the English term each one translates.
    "translation_of": ("translation_of",),
}
REQUIRED = ("term", "definition")
LISTS = ("other_names", "related_terms", "related_articles")


class FieldMappingError(ValueError):
    """A ``--field`` option the importer cannot use; its message says why."""


@dataclass(frozen=True)
class FieldMap:
    """Part of a term -> the keys (or columns) that may hold it, in the order tried."""

    names: dict

    @classmethod
    def parse(cls, options=()):
        """A map from ``--field part=key`` options; raises :class:`FieldMappingError` for a bad one."""
        names = dict(DEFAULT_NAMES)
        for option in options:
            part, equals, key = option.partition("=")
            part, key = part.strip(), key.strip()
            if not equals or not part or not key:
                raise FieldMappingError(
                    f"--field {option!r}: write it as part=key, for example definition=summary."
                )
            if part not in DEFAULT_NAMES:
                raise FieldMappingError(
                    f"--field {option!r}: there is no part called {part!r}. "
                    f"The parts are: {', '.join(DEFAULT_NAMES)}."
                )
            names[part] = (key,)
        return cls(names)

    def all_keys(self):
        return {key for keys in self.names.values() for key in keys}

    def keys_in(self, available):
        """Part -> the one key of ``available`` that holds it (parts without one are left out), and
        a message for each part that more than one key could hold."""
        found, clashes = {}, []
        for part, keys in self.names.items():
            present = [key for key in keys if key in available]
            if len(present) > 1:
                clashes.append(
                    f"both {' and '.join(repr(key) for key in present)} could hold the {part.replace('_', ' ')}; "
                    f"choose one with --field {part}={present[0]}."
                )
            elif present:
                found[part] = present[0]
        return found, clashes


def record_from_values(values, source, *, record, line=None):
    """A :class:`Record` from part -> (key, value), and the problems found (messages, not yet located).

    Every part is given, with the key that holds it (or would) and its value: text, a list of texts, or
    None when the file does not give it.

    JSON gives lists and text; CSV gives text only, where lists are separated by ";".
    """
    problems, parts = [], {}
    for part, (key, value) in values.items():
        if value is None:
            continue
        texts = [text for text in (value if isinstance(value, list) else [value]) if isinstance(text, str)]
        if message := next(filter(None, map(control_character, texts)), ""):
            problems.append(f"'{key}' {message}")
            continue
        if part in LISTS:
            if isinstance(value, str):
                value = split_list(value)
            elif not is_texts(value):
                problems.append(f"'{key}' must be a list of texts, or texts separated by ';', not {kind(value)}.")
                continue
            parts[part] = [clean_name(item) for item in value if item.strip()]
        elif part in ("what_is", "why_it_matters"):
            if is_texts(value):
                value = "\n".join(value)
            if not isinstance(value, str):
                problems.append(
                    f"'{key}' must be text (a paragraph a line) or a list of paragraphs, not {kind(value)}."
                )
                continue
            parts[part] = paragraphs(value)
        elif not isinstance(value, str):
            problems.append(f"'{key}' must be text, not {kind(value)}.")
        else:
            parts[part] = " ".join(value.split())
    for part in REQUIRED:
        key, value = values[part]
        if not parts.get(part) and (value is None or part in parts):  # not given, or given empty
            problems.append(f"The {part} ('{key}') is missing or empty.")
    if problems:
        return None, problems
    disclaimer = parts.get("disclaimer")
    translation_of = parts.get("translation_of")
    return (
        Record(
            source=source,
            term=parts["term"],
            definition=" ".join(parts["definition"].split()),
            other_names=parts.get("other_names", []),
            pronunciation=parts.get("pronunciation", ""),
            what_is=parts.get("what_is", []),
            why_it_matters=parts.get("why_it_matters", []),
            related_terms=[(name, None) for name in parts.get("related_terms", [])],
            related_articles=[(title, None) for title in parts.get("related_articles", [])],
            disclaimer=(disclaimer, None) if disclaimer else None,
            translation_of=translation_of or None,
            record=record,
            line=line,
        ),
        [],
    )


def is_texts(value):
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def kind(value):
    """How a JSON value is described in a message: "a number", "a list", "an object"."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "text"
