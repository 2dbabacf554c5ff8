"""Reads a CSV file of terms, as saved from a spreadsheet: a header row naming the columns, then a term a row.

Columns are matched to the parts of a term by ``fields.FieldMap``; lists (other names, related terms)
are separated by ";" in one cell. Problems are located by the term's row ("terms.csv:record 3").
"""

import csv
import io

from .fields import REQUIRED, FieldMap, record_from_values
from .records import Problem


def read_csv_file(data, source, field_map: FieldMap):
    """The records of one CSV file's bytes, the problems found, and the columns that were not imported."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [Problem(source, line, "The file is not UTF-8 text. Save it as UTF-8 and try again.")], set()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
    except csv.Error as error:
        return [], [Problem(source, 1, f"The header row cannot be read: {error}.")], set()
    columns, clashes = field_map.keys_in(header)
    problems = [Problem(source, 1, message) for message in clashes]
    for part in REQUIRED:
        if part not in columns:
            names = " or ".join(repr(name) for name in field_map.names[part])
            problems.append(
                Problem(source, 1, f"There is no column for the {part}: the header row needs {names}.")
            )
    if problems:
        return [], problems, set()
    index = {part: header.index(column) for part, column in columns.items()}
    records, number = [], 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(source, line, f"This row cannot be read: {error}."))
            break
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        values = {
            part: (
                columns.get(part, names[0]),
                row[index[part]] if part in index and index[part] < len(row) else None,
            )
            for part, names in field_map.names.items()
        }
        record, messages = record_from_values(values, source, record=number, line=line)
        problems += [Problem(source, line, message, number) for message in messages]
        if record:
            records.append(record)
    if not number and not problems:
        problems.append(Problem(source, 2, "There are no terms below the header row."))
    unused = {column for column in header if column and column not in field_map.all_keys()}
    return records, problems, unused
