"""Demo content for local use and reviews, kept as plain data apart from the code that loads it.

``schema`` defines the shapes, ``site``, ``terms`` and ``articles`` hold the words, and ``logins`` lists the
demo admin users. ``manage.py load_demo_content`` and ``manage.py create_demo_logins`` read them, so changing
the demo means editing text here, not code.
"""
