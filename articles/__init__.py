"""Health articles: an index page and article pages with a structured body and references."""
