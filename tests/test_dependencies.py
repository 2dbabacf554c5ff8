"""A fresh clone installs what the code needs: every import is declared, and the hashed locks pin the lists.

requirements.txt and requirements-dev.txt are the lists people edit; requirements.lock and
requirements-dev.lock are what `make install` and production install, with hashes (docs/dependencies.md).
A package that is only installed because something else happens to bring it, or a list edited without
`make lock`, fails here rather than on the next clean machine.
"""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)\s*(?:;\s*([^\\#]+?))?\s*(?:\\|#|$)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(filename):
    """{(name, version, marker)} of the pins a requirements or lock file states itself (not its -r includes)."""
    found = set()
    for line in (ROOT / filename).read_text().splitlines():
        match = PIN.match(line)
        if match:
            found.add((normalise(match[1]), match[2], (match[3] or "").strip()))
    return found


def versions(filename):
    return {(name, version) for name, version, _marker in pins(filename)}


def declared(*filenames):
    return {name for filename in filenames for name, _version, _marker in pins(filename)}


def first_party():
    return {path.stem for path in ROOT.iterdir() if (path / "__init__.py").exists() or path.suffix == ".py"}


def python_files(tests):
    """The project's Python files: the tests' or everything else's (apps, settings, manage.py, deploy/)."""
    for top in ROOT.iterdir():
        if not top.name.startswith(".") and (top.name == "tests") == tests:
            yield from [top] if top.suffix == ".py" else top.rglob("*.py")


def imported_top_level(paths):
    """Top-level module names imported by these Python files."""
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def undeclared(modules, allowed):
    """Third-party modules among these whose distribution is not named in the allowed requirement lists."""
    distributions = importlib.metadata.packages_distributions()
    local = first_party() | set(sys.stdlib_module_names)
    missing = {}
    for module in sorted(modules - local):
        owners = {normalise(name) for name in distributions.get(module, [])}
        if not owners & allowed:
            missing[module] = sorted(owners) or ["not installed"]
    return missing


def test_every_pin_of_the_edited_lists_is_in_its_lock_at_the_same_version():
    assert {(n, v) for n, v, _ in pins("requirements.txt")} - versions("requirements.lock") == set()
    assert {(n, v) for n, v, _ in pins("requirements.txt")} - versions("requirements-dev.lock") == set()
    assert {(n, v) for n, v, _ in pins("requirements-dev.txt")} - versions("requirements-dev.lock") == set()


def test_the_runtime_lock_pins_what_the_development_lock_pins():
    """Tests run against the same versions production installs."""
    assert pins("requirements.lock") - pins("requirements-dev.lock") == set()


def test_every_locked_package_carries_hashes():
    text = (ROOT / "requirements-dev.lock").read_text() + (ROOT / "requirements.lock").read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [entry for entry in entries if PIN.match(entry)]
    assert pinned
    assert [entry.split()[0] for entry in pinned if "--hash=sha256:" not in entry] == []


def test_the_application_imports_only_what_requirements_txt_declares():
    modules = imported_top_level(python_files(tests=False)) | {
        app.split(".")[0] for app in settings.INSTALLED_APPS
    }
    modules |= {entry.split(".")[0] for entry in settings.MIDDLEWARE}
    assert undeclared(modules, declared("requirements.txt")) == {}


def test_the_tests_import_only_what_the_two_lists_declare():
    allowed = declared("requirements.txt", "requirements-dev.txt")
    assert undeclared(imported_top_level(python_files(tests=True)), allowed) == {}
