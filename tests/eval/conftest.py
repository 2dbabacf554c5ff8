"""The real-content evaluation: the demo content with the NCI Dictionary of Cancer Terms published beside it.

Loaded once per run (``make eval``) into the test database, which is thrown away afterwards. The dictionary
is read from ``../shared/`` and never copied into the project.
"""

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.eval.loading import publish_dictionary

NCI_GLOSSARY = settings.BASE_DIR.parent / "shared" / "content" / "nci-glossary.json"
EVAL_DIR = settings.BASE_DIR.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def real_glossary(django_db_setup, django_db_blocker):
    """Demo content plus the whole NCI dictionary, live; the number of dictionary terms published."""
    if not NCI_GLOSSARY.exists():
        pytest.skip(f"{NCI_GLOSSARY} is not here: the evaluation needs the shared data beside the project")
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
        return publish_dictionary(NCI_GLOSSARY)
