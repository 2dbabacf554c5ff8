"""Parts shared by term and article pages: the disclaimer snippet, site settings, blocks and the base page."""
