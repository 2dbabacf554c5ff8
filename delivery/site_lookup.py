"""Which Wagtail Site serves a page view, answered from each process's memory instead of a query per view.

Wagtail asks the database for the request's Site on every page view (``Site.find_for_request``, a query
ranking the sites by host name and port), though sites change about never. Each process keeps the sites'
addresses per version of ``SITES`` (``delivery.site_root_paths``: bumped whenever a Site is saved or deleted,
or a site's home page moves), and the answer Wagtail's own lookup gave for each kind of address asked so far.

Arbitrary ``Host`` headers cannot make that memory grow: a host name that no site has files under one key,
as does a port that no site of that host name uses, since Wagtail's answer for them does not depend on which
name or port it is. Only the Site's field values are kept; each request gets its own Site and home page
objects, as it would from Wagtail.

:class:`SiteLookupMiddleware` hands the answer to Wagtail for page views, where Wagtail keeps it
(``request._wagtail_site``), with the home page already loaded as its own type: the one query routing needs
for it, or none when it may come from memory (``delivery.page_rows``).
"""

from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .page_rows import from_memory, remembered_page
from .shared_state import SharedValue
from .site_root_paths import SITES


class SiteTable:
    """The sites' addresses at one version, and which site (as field values, or None) answers each kind of
    address asked so far."""

    def __init__(self):
        self.addresses = set(Site.objects.values_list("hostname", "port"))
        self.hostnames = {hostname for hostname, _ in self.addresses}
        self.answers = {}

    def key(self, hostname, port):
        """The same for every address Wagtail's lookup answers alike (see the module docstring)."""
        return (
            hostname if hostname in self.hostnames else None,
            port if (hostname, port) in self.addresses else None,
        )

    def find(self, hostname, port):
        """``(field values, the home page's model)`` of the site Wagtail finds for the address, or None."""
        key = self.key(hostname, port)
        if key not in self.answers:
            try:
                site = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                self.answers[key] = None
            else:
                values = {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}
                self.answers[key] = (values, site.root_page.specific_class)
        return self.answers[key]


_tables = SharedValue(SITES, lambda key: SiteTable())


def find_site(request, path=""):
    """A new Site object for the site Wagtail would find for ``request``, with its home page loaded as its own
    type; None when there is no such site or its home page has gone (Wagtail's own lookup then decides).

    ``path`` is the page address below the home page: when it names a page, the home page is only passed
    through."""
    # The address as Wagtail's own lookup reads it (``Site._find_for_request``).
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    found = _tables.get().find(hostname, port)
    if found is None:
        return None
    values, root_model = found
    site = Site.from_db(Site.objects.db, list(values), list(values.values()))
    if from_memory(request, passing_through=bool(path.strip("/"))):
        home = remembered_page(site.root_page_id)
    else:
        home = root_model._default_manager.filter(pk=site.root_page_id).first()
    if home is None:
        return None
    site.root_page = home
    return site


class SiteLookupMiddleware:
    """Gives Wagtail the request's site from memory before it routes a page view (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            site = find_site(request, view_kwargs.get("path") or (view_args[0] if view_args else ""))
            if site is not None:
                request._wagtail_site = site
