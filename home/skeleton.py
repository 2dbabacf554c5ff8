"""The site skeleton: the home page with the glossary A-Z and the article list under it, published.

``migrate`` makes it on an empty page tree (``HomeConfig`` connects :func:`create_after_migrate`), so a new
database is ready for ``import_content`` or ``import_terms`` with no other step. It does nothing once any page
exists under the home page, so running ``migrate`` again changes nothing. ``load_demo_content`` adds the listing
pages the same way (:func:`add_index`), so the two always agree.
"""

from django.conf import settings
from django.db import connections
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage
from glossary.models import GlossaryIndexPage

from .demo_content.site import ARTICLE_INDEX, GLOSSARY_INDEX
from .models import HomePage

INDEXES = ((GlossaryIndexPage, GLOSSARY_INDEX), (ArticleIndexPage, ARTICLE_INDEX))
TABLES = {model._meta.db_table for model in (HomePage, GlossaryIndexPage, ArticleIndexPage, Site)}


def add_index(home, model, data):
    """Add and publish the listing page ``model`` under ``home``, worded as ``data`` says."""
    page = model(title=data.title, slug=data.slug, intro=data.intro, show_in_menus=True, live=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_skeleton():
    """Add whatever of the skeleton is missing when the tree holds no page below the home page; the titles
    of the pages made (none when pages already exist)."""
    if Page.objects.filter(depth__gt=2).exists():
        return []
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return []  # the home page the migrations made is gone: someone built another tree
    return [add_index(home, model, data).title for model, data in INDEXES]


def create_after_migrate(using, verbosity=1, stdout=None, **kwargs):
    """After ``migrate``, when every table it needs exists (not after migrating part way back)."""
    if not settings.SITE_SKELETON_ON_MIGRATE or not set(connections[using].introspection.table_names()) >= TABLES:
        return
    made = create_skeleton()
    if made and verbosity and stdout:
        stdout.write(f"Created the site skeleton: {', '.join(made)} under the home page.\n")
