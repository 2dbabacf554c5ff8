"""Read-only JSON API over live, reviewed health content: Wagtail API v2 plus glossary lookups."""
