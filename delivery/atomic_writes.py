"""Every request that changes something (POST, PUT, PATCH, DELETE) runs in one database transaction.

Wagtail's page editor saves a page, its inline children, a revision, a log entry and, on submission, a
workflow, one after another, and only its plain "Save draft" is atomic: a database error after the first
write left an edited page without its revision or a submission without its workflow. Here the whole view
commits or none of it does, and whatever waits for the commit (tasks, purges, e-mail) is dropped with it.

Readers' GET and HEAD requests change nothing, so they run without one: ``ATOMIC_REQUESTS`` would add a
BEGIN and COMMIT to every page view for nothing (docs/deploy.md).
"""

from django.db import transaction

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class AtomicWritesMiddleware:
    """Last in ``MIDDLEWARE``: it calls the view itself, inside ``transaction.atomic()``, for unsafe methods."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
