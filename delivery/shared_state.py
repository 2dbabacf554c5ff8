"""Values each worker process keeps in memory, renewed within a second of a change made by any process.

A per-process cache (the default without Redis) cannot be told that another process changed something, and
even Redis can be down. So what every process must agree on, such as which sections are restricted, the
menu or the default disclaimer, is cached in the process's memory beside a version number stored in the
database (``SharedVersion``). Whoever changes the underlying data calls ``bump(name)`` in the same
transaction. Each process reads all version numbers in one small query at most once every ``CHECK_SECONDS``
and drops a value whose version moved on; the process that made the change drops its copy at once, and
again when its transaction commits (so no other thread keeps what it read before the commit).
"""

import math
import secrets
import threading
import time

from django.db import transaction

CHECK_SECONDS = 1.0


class _Versions:
    """This process's copy of every version number, and when the database was last asked."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self, frozen=False):
        """Forget everything. ``frozen`` (for tests in one process) never reads the numbers again, so query
        counts do not depend on the clock; ``bump`` still drops this process's values at once."""
        self.numbers = {}
        self.checked_at = math.inf if frozen else None

    def current(self):
        """Every version number, read from the database at most once every ``CHECK_SECONDS``."""
        from .models import SharedVersion

        now = time.monotonic()
        if self.checked_at is None or not now - self.checked_at < CHECK_SECONDS:
            numbers = dict(SharedVersion.objects.values_list("name", "version"))
            with self.lock:
                self.numbers, self.checked_at = numbers, now
        return self.numbers

    def of(self, name):
        return self.current().get(name, 0)

    def learn(self, name, number):
        """This process's own change, known without asking the database."""
        with self.lock:
            self.numbers = {**self.numbers, name: number}

    def recheck(self):
        """Read the numbers again on next use (tests that count on what their fixtures changed)."""
        self.checked_at = None


versions = _Versions()
_values = {}  # name -> the SharedValues that follow it, so bump() and reset() reach them


def version(name):
    """The current version of ``name`` as this process knows it (at most ``CHECK_SECONDS`` old)."""
    return versions.of(name)


def stamp():
    """Every version number as one value, which changes whenever anything shared changes (a cache key part)."""
    return ",".join(f"{name}:{number}" for name, number in sorted(versions.current().items()))


def _forget(name):
    for value in _values.get(name, ()):
        value.forget()


def bump(name):
    """Record that ``name`` changed: every process drops its copy within ``CHECK_SECONDS`` of the commit.

    A version is a new random number each time, never a count, so a number from a rolled-back transaction
    can never come back and match something cached under it. Until the commit, this process alone goes by
    a number no one else uses, so nothing read before the commit is kept under the new number.
    """
    from .models import SharedVersion

    number = secrets.randbits(62)
    if not SharedVersion.objects.filter(name=name).update(version=number):
        SharedVersion.objects.update_or_create(name=name, defaults={"version": number})
    versions.learn(name, f"{number}-uncommitted")
    _forget(name)

    def committed():
        versions.learn(name, number)
        _forget(name)

    transaction.on_commit(committed)


class SharedValue:
    """A value read from the database once per version of ``name`` and kept in this process, per ``key``.

    ``load(key)`` builds the value; ``get(key)`` returns the copy for the current version. With
    ``keep_none`` false, a None answer is not kept, so keys that anyone can make up (an address that names
    no page) cannot fill the memory.
    """

    def __init__(self, name, load, keep_none=True):
        self.name, self.load, self.keep_none = name, load, keep_none
        self.lock = threading.Lock()
        self.forget()
        _values.setdefault(name, []).append(self)

    def forget(self):
        with self.lock:
            self.version, self.copies = None, {}

    def get(self, key=None):
        version = versions.of(self.name)
        if version != self.version:
            with self.lock:
                self.version, self.copies = version, {}
        if key not in self.copies:
            value = self.load(key)
            with self.lock:
                if self.version == version and (value is not None or self.keep_none):
                    self.copies[key] = value
            return value
        return self.copies[key]


def reset(frozen=False):
    """Forget every version and value, as a fresh process would (tests call this between tests)."""
    versions.reset(frozen)
    for values in _values.values():
        for value in values:
            value.forget()
