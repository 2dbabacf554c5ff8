"""The admin sends nothing about staff to third parties: no Gravatar look-ups from email addresses."""

import pytest


@pytest.mark.django_db
def test_admin_pages_do_not_load_gravatar(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
