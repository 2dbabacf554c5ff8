"""Checking a StreamField's raw data from the file as the admin form would, with each problem's place.

The file holds StreamField data as stored (``[{"type": ..., "value": ..., "id": ...}]``). Each item must
be an object naming a block type the field has; then the whole value goes through the block's own
``to_python`` and ``clean``, so required parts, lengths and choices are checked as in the editor.
"""

from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlock

ITEM_KEYS = {"type", "value", "id"}


def stream_problems(block, raw, location):
    """``(place, message)`` for each problem in ``raw``, a list of stored StreamField blocks."""
    problems = []
    for index, item in enumerate(raw):
        where = f"{location}[{index}]"
        if not isinstance(item, dict):
            problems.append((where, f"must be an object with a block type and value, got {type(item).__name__}"))
            continue
        unknown = set(item) - ITEM_KEYS
        if unknown:
            problems.append((where, f"unknown field(s) {', '.join(sorted(unknown))}"))
        block_type = item.get("type")
        if block_type not in block.child_blocks:
            known = ", ".join(block.child_blocks)
            problems.append((f"{where}.type", f"must be one of {known}, got {block_type!r}"))
        elif "value" not in item:
            problems.append((f"{where}.value", "is missing"))
        elif isinstance(block.child_blocks[block_type], StructBlock) and not isinstance(item["value"], dict):
            problems.append((f"{where}.value", f"must be an object for a {block_type!r} block"))
        else:
            try:
                block.child_blocks[block_type].to_python(item["value"])
            except (TypeError, ValueError, KeyError, AttributeError):
                problems.append((f"{where}.value", f"is not valid data for a {block_type!r} block"))
    if problems:
        return problems
    try:
        block.clean(block.to_python(raw))
    except ValidationError as error:
        problems += _flatten(error, location)
    return problems


def _flatten(error, location):
    """Stream, struct and list block errors nest; each leaf message is reported at its own place."""
    block_errors = getattr(error, "block_errors", None)
    if block_errors is None:
        return [(location, message) for message in error.messages]
    found = [(location, message) for message in error.non_block_errors]
    for key, child in block_errors.items():
        found += _flatten(child, f"{location}[{key}]" if isinstance(key, int) else f"{location}.{key}")
    return found
