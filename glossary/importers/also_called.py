"""Other names written at the end of a dictionary definition: "… Also called X, Y, and Z."

Dictionaries such as NCI's list a term's other names in a last sentence of its definition. That sentence
becomes other names and leaves the definition. Names themselves may hold commas without spaces
("L-3,5,5'-tetraiodothyronine"), parentheses ("poly (ADP-ribose) polymerase"), full stops ("St. John's
wort", "E. coli") and the word "and" ("hematoxylin and eosin staining"), so the list is read carefully:

- items are separated by ", " outside parentheses; the last item's "and " (an Oxford comma) is dropped;
- in a list with commas but no Oxford comma ("X, Y and Z") the last " and " separates the last two;
- "X and Y" alone is one name when it is itself the name of a term, two names when both X and Y are
  names of terms, and otherwise cannot be told apart: the sentence stays in the definition and the
  importer notes it, rather than guess a wrong name.
"""

import re
from dataclasses import dataclass

ALSO_CALLED = re.compile(r"(?:^|(?<=[.!?])|(?<=[.!?][\"”’)])|\s)\s*Also called (?P<names>.+)\.\s*$", re.DOTALL)
SENTENCE_END = (".", "!", "?", '"', "”", "’", ")")


@dataclass(frozen=True)
class AlsoCalled:
    definition: str  # the definition without the sentence (unchanged when the names could not be read)
    names: list[str]
    unclear: str = ""  # the list, when it could not be split into names with confidence


def split_outside_parentheses(text, separator):
    """``text`` split at ``separator`` wherever it is not inside parentheses or brackets."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(separator, index):
            parts.append(text[start:index])
            index += len(separator)
            start = index
            continue
        index += 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def split_pair(text, is_name, *, in_list):
    """``text`` as one or two names ("X and Y"), or None when it cannot be told.

    ``in_list`` says that ``text`` ends a comma-separated list, where a single " and " is the separator.
    """
    parts = split_outside_parentheses(text, " and ")
    if len(parts) == 1 or is_name(text):
        return [text]
    for cut in range(1, len(parts)):
        left, right = " and ".join(parts[:cut]), " and ".join(parts[cut:])
        if is_name(left) and is_name(right):
            return [left, right]
    if in_list and len(parts) == 2:
        return parts
    return None


def split_names(text, is_name):
    """The names of an "Also called" list, or None when they cannot be told apart with confidence."""
    items = split_outside_parentheses(text, ", ")
    if len(items) == 1:
        return split_pair(text, is_name, in_list=False)
    last = items.pop()
    if last.startswith(("and ", "or ")):
        items.append(last.split(" ", 1)[1])
    else:
        pair = split_pair(last, is_name, in_list=True)
        if pair is None:
            return None
        items += pair
    return items


def extract_also_called(definition, is_name, max_length):
    """Take a trailing "Also called …" sentence off ``definition``; ``is_name(text)`` says whether ``text``
    is the name of a term, and names longer than ``max_length`` mean the sentence was not a plain list."""
    match = ALSO_CALLED.search(definition)
    if not match:
        return AlsoCalled(definition, [])
    listed = match["names"].strip()
    names = split_names(listed, is_name)
    if not names or any(not name or len(name) > max_length for name in names):
        return AlsoCalled(definition, [], unclear=listed)
    rest = definition[: match.start()].rstrip()
    if rest and not rest.endswith(SENTENCE_END):
        rest += "."  # "… a type of antimetabolite Also called X." lost its full stop
    return AlsoCalled(rest, names)
