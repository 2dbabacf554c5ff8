"""Helpers that turn demo data into parts of pages, shared by the English demo (``load_demo_content``) and
its Spanish translations (``home.demo_translation``), so both check the data the same way and name the item
that is invalid."""

import json
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


@contextmanager
def reported_as(title):
    """Turns invalid data into a CommandError naming the item; the surrounding transaction then saves nothing."""
    try:
        yield
    except ValidationError as error:
        raise CommandError(f"{title}: {describe(error)}. Nothing was saved.") from error


def ordered(orderable_model, **values):
    """Orderable rows, one per value of the single keyword argument, numbered in the order given."""
    ((field_name, items),) = values.items()
    return [orderable_model(sort_order=i, **{field_name: item}) for i, item in enumerate(items)]


def clean_stream(model, field_name, raw_blocks):
    """The stream for ``model.field_name`` from JSON-style blocks, validated like the admin form would."""
    stream_block = model._meta.get_field(field_name).stream_block
    unknown = sorted({block["type"] for block in raw_blocks} - set(stream_block.child_blocks))
    if unknown:
        raise ValidationError({field_name: f"unknown block types {', '.join(unknown)}"})
    return stream_block.clean(stream_block.to_python(list(raw_blocks)))


def describe(error):
    if hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data())
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(error.messages)
