"""Wagtail's copy of each site's address and home page path, renewed in every process soon after a change.

Wagtail keeps the sites' root paths (``Site.get_site_root_paths``) in the default cache for an hour and
forgets them only in the process that saved the Site or the site's home page. Without Redis each process has
its own cache, so the others would go on building full page addresses (API links, the sitemap, e-mails) from
the old host name for up to an hour. So a change also bumps the ``SITES`` version (``delivery.shared_state``),
and at the start of each request a process whose known version moved on forgets Wagtail's copy, which Wagtail
then rebuilds from the database.

The check at the start of a request never asks the database itself (``/healthz`` and static files must not
depend on it): it uses the version numbers this process last read, which pages and API lookups renew at most
once a second. A change is therefore followed from the first request after that, about a second under traffic.
"""

from wagtail.models import Site

from .shared_state import bump, versions

SITES = "site-root-paths"
# The version of the sites this process's copy follows; 0 is "never changed", so a fresh process forgets
# Wagtail's copy once only if the sites have changed since the database was made.
_followed = {"version": 0}


def catch_up(**kwargs):
    """Sent at the start of each request: forget Wagtail's copy if the sites changed since this process did."""
    known = versions.numbers.get(SITES, 0)
    if known != _followed["version"]:
        _followed["version"] = known
        Site.clear_site_root_paths_cache()


def sites_changed(**kwargs):
    """A Site was saved or deleted."""
    bump(SITES)


def page_path_changed(instance, **kwargs):
    """A page's slug changed or it moved: its path matters here only if it is a site's home page."""
    if instance.is_site_root():
        bump(SITES)
