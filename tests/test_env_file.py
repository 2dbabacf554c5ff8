"""manage.py and the WSGI app read the .env that make serve writes; the environment wins over it."""

import os

from config.env_file import load_env_file


def test_the_env_file_fills_what_the_environment_does_not_set(tmp_path, monkeypatch):
    env_file = tmp_path / ".env"
    env_file.write_text("HW_TEST_FROM_FILE=file\nHW_TEST_BOTH=file\n")
    monkeypatch.setenv("DJANGO_ENV_FILE", str(env_file))
    monkeypatch.setenv("HW_TEST_BOTH", "environment")
    monkeypatch.delenv("HW_TEST_FROM_FILE", raising=False)
    load_env_file()
    assert (os.environ["HW_TEST_FROM_FILE"], os.environ["HW_TEST_BOTH"]) == ("file", "environment")
    monkeypatch.delenv("HW_TEST_FROM_FILE")


def test_an_empty_DJANGO_ENV_FILE_reads_no_file(tmp_path, monkeypatch):  # noqa: N802
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("HW_TEST_FROM_FILE=file\n")
    monkeypatch.setenv("DJANGO_ENV_FILE", "")
    monkeypatch.delenv("HW_TEST_FROM_FILE", raising=False)
    load_env_file()
    assert "HW_TEST_FROM_FILE" not in os.environ
