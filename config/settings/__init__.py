"""Settings package: base.py is shared; dev, test and production layer on top of it."""
