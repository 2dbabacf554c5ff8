"""Glossary auto-linking: which names may link (policy), how text is matched (matcher), and the one
shared matcher per glossary version (store)."""
