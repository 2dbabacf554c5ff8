"""The README stays a short entry point, and every link between it and the docs/ pages leads somewhere.

A newcomer follows the README's links into docs/, and the docs link to each other and to sections
(``page.md#heading``); a renamed file or heading would leave them at a dead end.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
README_MAX_LINES = 250

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
EXTERNAL = ("http://", "https://", "mailto:")


def prose_lines(path):
    """The lines of a Markdown file outside fenced code blocks, with inline code removed."""
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield INLINE_CODE.sub("", line)


def anchors(path):
    """The anchors GitHub gives the headings of a Markdown file: lower case, punctuation dropped,
    spaces as hyphens, and -1, -2… on repeats."""
    seen = {}
    found = set()
    in_fence = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        heading = None if in_fence else HEADING.match(line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken_links(path):
    problems = []
    for line in prose_lines(path):
        for target in LINK.findall(line):
            if target.startswith(EXTERNAL):
                continue
            file_part, _, anchor = target.partition("#")
            linked = (path.parent / file_part).resolve() if file_part else path
            if not linked.exists():
                problems.append(f"{target}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
                problems.append(f"{target}: no heading with this anchor in {linked.name}")
    return problems


def test_readme_is_a_short_entry_point():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_MAX_LINES, f"README.md has {len(lines)} lines; move reference text to docs/"
    assert "make run" in README.read_text(encoding="utf-8")
    assert "make test" in README.read_text(encoding="utf-8")


def test_readme_links_every_docs_page():
    readme = README.read_text(encoding="utf-8")
    unlinked = [page.name for page in PAGES[1:] if f"(docs/{page.name})" not in readme]
    assert unlinked == [], f"README.md does not link to: {', '.join(unlinked)}"


@pytest.mark.parametrize("path", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_leads_to_a_file_and_heading_that_exist(path):
    assert broken_links(path) == []


def test_a_broken_link_is_reported(tmp_path):
    """Guards the check above: a missing file and a missing heading are both caught."""
    (tmp_path / "other.md").write_text("# Other page\n\n## A section\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](other.md#a-section) [gone](missing.md) [wrong](other.md#no-such) `[code](x.md)`\n"
        "```\n[fenced](y.md)\n```\n[web](https://example.org/x.md)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#no-such: no heading with this anchor in other.md",
    ]
