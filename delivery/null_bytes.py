"""Answers 400 to a request with a NUL character in its address, query string or form, before any view.

PostgreSQL cannot store or compare text holding NUL (``\\x00``, sent as ``%00``), so such a value in a
search, a lookup or a page address would reach the database and fail with a server error. No page,
search or form of the site has a use for it, so it is refused here once, for every view (and before
page routing and redirects, which look the address up). Django's form fields refuse it too; this covers
the views that read ``request.GET`` directly.
"""

from django.http import HttpResponseBadRequest, JsonResponse

MESSAGE = "The address or form holds a NUL character (%00), which is never valid here."
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def holds_null(query_dict):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query_dict.lists())


class RejectNullBytesMiddleware:
    """A 400 for NUL in the path, a query parameter's name or value, or a URL-encoded form field."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        form = request.method == "POST" and request.content_type == FORM_CONTENT_TYPE
        if "\x00" in request.path or holds_null(request.GET) or (form and holds_null(request.POST)):
            if request.path.startswith("/api/"):
                return JsonResponse({"message": MESSAGE}, status=400)
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
