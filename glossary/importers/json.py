"""Reads a JSON file of terms: a list of objects, one a term (``[{"term": …, "definition": …}, …]``).

Keys are matched to the parts of a term by ``fields.FieldMap``; problems are located by the term's
position in the list ("terms.json:record 3").
"""

import json

from .fields import FieldMap, kind, record_from_values
from .records import Problem


def read_json_file(data, source, field_map: FieldMap):
    """The records of one JSON file's bytes, the problems found, and the keys that were not imported."""
    try:
        terms = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [Problem(source, line, "The file is not UTF-8 text. Save it as UTF-8 and try again.")], set()
    except json.JSONDecodeError as error:
        return (
            [],
            [Problem(source, error.lineno, f"This is not valid JSON: {error.msg} (column {error.colno}).")],
            set(),
        )
    if not isinstance(terms, list):
        return (
            [],
            [Problem(source, 1, f"The file must hold a list of terms ([{{…}}, …]), not {kind(terms)}.")],
            set(),
        )
    if not terms:
        return [], [Problem(source, 1, "The list of terms is empty.")], set()
    records, problems, unused = [], [], set()
    known = field_map.all_keys()
    for number, item in enumerate(terms, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(source, None, f"A term must be an object ({{…}}), not {kind(item)}.", number))
            continue
        keys, clashes = field_map.keys_in(item)
        unused.update(key for key in item if key not in known)
        values = {
            part: (keys.get(part, names[0]), item.get(keys.get(part))) for part, names in field_map.names.items()
        }
        record, messages = record_from_values(values, source, record=number)
        problems += [Problem(source, None, message, number) for message in clashes + messages]
        if record and not clashes:
            records.append(record)
    return records, problems, unused
