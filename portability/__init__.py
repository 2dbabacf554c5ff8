"""Moving the glossary and articles between databases as one versioned JSON document."""
