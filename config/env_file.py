"""Reads the project's ``.env`` file (written by ``make serve``) into the environment, if there is one.

``manage.py`` and ``config/wsgi.py`` call it before Django starts, so every command acts on the same stack
as the server. Variables already set in the environment win over the file. ``DJANGO_ENV_FILE`` names
another file; empty, it reads none (``make run`` and ``make test`` stay on their own settings).
"""

import os
from pathlib import Path

from dotenv import load_dotenv

ENV_FILE = Path(__file__).resolve().parent.parent / ".env"


def load_env_file():
    path = os.environ.get("DJANGO_ENV_FILE", str(ENV_FILE))
    if path:
        load_dotenv(path, override=False)
