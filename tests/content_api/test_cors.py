"""Any website may read the API from a browser; the rest of the site sends no CORS headers."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://partner.example"


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/glossary/terms/", "/api/v2/glossary/terms/count/"])
def test_api_allows_reads_from_any_origin(client, remission, url):
    response = client.get(url, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_only_read_methods(client, remission):
    response = client.options(
        "/api/v2/glossary/terms/", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("url", ["/", "/glossary/remission/", "/search/"])
def test_public_pages_send_no_cors_headers(client, remission, url):
    response = client.get(url, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
