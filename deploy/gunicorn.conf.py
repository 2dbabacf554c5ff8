"""gunicorn settings for production and `make serve`: behind Varnish, on loopback by default.

Environment: GUNICORN_BIND (127.0.0.1:8000), WEB_CONCURRENCY (2 workers), GUNICORN_TIMEOUT (30 s).
"""

import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Varnish keeps connections open between requests.
keepalive = 30
# Requests are logged by Varnish (varnishncsa -n .serve/varnish); errors here go to stderr as JSON lines.
accesslog = None
errorlog = "-"
