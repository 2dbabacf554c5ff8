"""Site search for patients."""
