"""Internal page links in rich text, rewritten between database ids and portable paths.

In the database Wagtail stores ``<a linktype="page" id="42">``. Ids differ between databases, so the
export writes ``<a linktype="page" path="/glossary/remission/">`` (the page's path below the site root)
and the import turns each path back into the id of the page at that path in the target database.
Rich text may sit in a RichTextField or anywhere inside StreamField data, so StreamField data is walked
as plain JSON and every string in it is rewritten.
"""

import re

PAGE_ID_LINK = re.compile(r'(<a\b[^>]*\blinktype="page"[^>]*?\b)id="(\d+)"')
PAGE_PATH_LINK = re.compile(r'(<a\b[^>]*\blinktype="page"[^>]*?\b)path="([^"]*)"')


class UnknownLinkTarget(Exception):
    """A link names a page id or path that does not exist."""

    def __init__(self, target):
        super().__init__(target)
        self.target = target


def site_path(url_path):
    """'/home/glossary/remission/' -> '/glossary/remission/': the path below the site's root page."""
    parts = url_path.strip("/").split("/")
    return "/" + "".join(f"{part}/" for part in parts[1:])


def ids_to_paths(html, paths_by_id):
    """Replace each page link's id with the page's path; a link to a deleted page becomes a plain <a>."""

    def replace(match):
        page_id = int(match.group(2))
        if page_id not in paths_by_id:
            return "<a"
        return f'{match.group(1)}path="{paths_by_id[page_id]}"'

    return PAGE_ID_LINK.sub(replace, html)


def paths_to_ids(html, ids_by_path):
    """Replace each page link's path with the id of the page at that path."""

    def replace(match):
        path = match.group(2)
        if path not in ids_by_path:
            raise UnknownLinkTarget(path)
        return f'{match.group(1)}id="{ids_by_path[path]}"'

    return PAGE_PATH_LINK.sub(replace, html)


def linked_paths(html):
    """The paths every page link in exported rich text points to."""
    return [match.group(2) for match in PAGE_PATH_LINK.finditer(html)]


def rewrite_strings(data, rewrite):
    """Apply ``rewrite`` to every string inside JSON-like data (StreamField's raw data)."""
    if isinstance(data, str):
        return rewrite(data)
    if isinstance(data, list):
        return [rewrite_strings(item, rewrite) for item in data]
    if isinstance(data, dict):
        return {key: rewrite_strings(value, rewrite) for key, value in data.items()}
    return data


def strings_in(data):
    """Every string inside JSON-like data."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
