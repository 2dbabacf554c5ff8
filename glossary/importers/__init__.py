"""Importing glossary terms: one reader per file format, one writer for all of them.

``text`` (the plain-text format), ``json`` and ``csv`` turn files into ``records.Record``; ``writer``
plans them against the site and writes drafts; ``run`` ties a run together. See docs/importing.md.
"""

from .run import ImportFailed, ImportResult, import_file, import_files

__all__ = ["ImportFailed", "ImportResult", "import_file", "import_files"]
