"""The medical glossary: an A-Z index page and one page per term."""
