"""Values kept in each process's memory follow changes made by other processes within a second."""

import pytest

from delivery import shared_state
from delivery.models import SharedVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """This process's clock, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(shared_state.time, "monotonic", lambda: now[0])
    shared_state.reset()
    return now


@pytest.fixture
def loads():
    calls = []
    value = shared_state.SharedValue("test-value", lambda key: calls.append(key) or f"{key}@{len(calls)}")
    yield value, calls
    del shared_state._values["test-value"]


def changed_elsewhere(name):
    """What another process's ``bump`` leaves in the database."""
    row, _ = SharedVersion.objects.get_or_create(name=name)
    row.version = row.version + 1
    row.save()


def test_a_value_is_loaded_once_per_key_and_kept(clock, loads, django_assert_num_queries):
    value, calls = loads
    with django_assert_num_queries(1):  # the version numbers, read once
        assert value.get("a") == "a@1"
        assert value.get("a") == "a@1"
        assert value.get("b") == "b@2"
    clock[0] += 0.5
    with django_assert_num_queries(0):
        assert value.get("a") == "a@1"
    assert calls == ["a", "b"]


def test_a_change_in_another_process_is_seen_within_a_second(clock, loads):
    value, calls = loads
    assert value.get("a") == "a@1"
    changed_elsewhere("test-value")
    clock[0] += 0.5
    assert value.get("a") == "a@1"  # not asked yet
    clock[0] += 0.6
    assert value.get("a") == "a@2"


def test_the_changing_process_sees_its_change_at_once(clock, loads):
    value, calls = loads
    assert value.get("a") == "a@1"
    shared_state.bump("test-value")
    assert value.get("a") == "a@2"
    first = SharedVersion.objects.get(name="test-value").version
    shared_state.bump("test-value")
    assert SharedVersion.objects.get(name="test-value").version != first


def test_other_values_are_kept_when_one_changes(clock, loads):
    value, calls = loads
    other = shared_state.SharedValue("other-value", lambda key: "other")
    try:
        value.get("a"), other.get()
        shared_state.bump("other-value")
        assert value.get("a") == "a@1"
    finally:
        del shared_state._values["other-value"]


def test_a_change_is_a_new_stamp_at_once_and_the_stored_number_after_the_commit(
    clock, loads, django_capture_on_commit_callbacks
):
    before = shared_state.stamp()
    with django_capture_on_commit_callbacks(execute=True):
        shared_state.bump("test-value")
        during = shared_state.stamp()
    after = shared_state.stamp()
    number = SharedVersion.objects.get(name="test-value").version
    assert len({before, during, after}) == 3
    assert f"test-value:{number}-uncommitted" in during  # no other process ever uses this one
    assert f"test-value:{number}" in after and "uncommitted" not in after
