"""The site skeleton: the home page with the glossary A-Z and the article list under it, published.

``migrate`` makes it on an empty page tree (``HomeConfig`` connects :func:`create_after_migrate`), so a new
database is ready for ``import_content`` or ``import_terms`` with no other step. It does nothing once any page
exists under the home page, so running ``migrate`` again changes nothing. ``load_demo_content`` adds the listing
pages the same way (:func:`add_index`), so the two always agree.

Each other language gets the same skeleton as translations of the English pages (:func:`translate_skeleton`),
also after ``migrate`` and on existing sites: its home page (a sibling of the English one, served under
``/es/``), under the same review workflow and with the same permissions, and its two listing pages.
"""

from django.conf import settings
from django.db import connections
from wagtail.models import GroupPagePermission, Locale, Page, Site, WorkflowPage

from articles.models import ArticleIndexPage
from glossary.models import GlossaryIndexPage

from .demo_content.site import ARTICLE_INDEX, GLOSSARY_INDEX, TRANSLATED_SITES
from .models import HomePage

INDEXES = ((GlossaryIndexPage, GLOSSARY_INDEX), (ArticleIndexPage, ARTICLE_INDEX))
TABLES = {model._meta.db_table for model in (HomePage, GlossaryIndexPage, ArticleIndexPage, Site, Locale)}


def add_index(home, model, data):
    """Add and publish the listing page ``model`` under ``home``, worded as ``data`` says."""
    page = model(title=data.title, slug=data.slug, intro=data.intro, show_in_menus=True, live=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def default_home():
    """The default site's home page, or None when the home page the migrations made is gone."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    return home if isinstance(home, HomePage) else None


def create_skeleton():
    """Add whatever of the skeleton is missing when the tree holds no page below the home page; the titles
    of the pages made (none when pages already exist)."""
    home = default_home()
    if home is None or Page.objects.filter(depth__gt=2).exists():
        return []
    return [add_index(home, model, data).title for model, data in INDEXES]


def publish_translation(page, locale, *, title, intro, slug=None):
    """Copy ``page`` into ``locale`` under its parent's translation, worded as given, and publish it."""
    translation = page.copy_for_translation(locale)
    translation.title, translation.draft_title, translation.intro = title, title, intro
    translation.slug = slug or translation.slug
    translation.save()
    translation.save_revision().publish()
    return translation


def share_governance(home, translated_home):
    """Give a language's home page the English home page's review workflow and group permissions, which
    Wagtail reads from a page's ancestors: the translated tree is a sibling, not a descendant."""
    for permission in GroupPagePermission.objects.filter(page=home):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translated_home, permission_id=permission.permission_id
        )
    assigned = WorkflowPage.objects.filter(page=home).first()
    if assigned:
        WorkflowPage.objects.update_or_create(page=translated_home, defaults={"workflow": assigned.workflow})


def translate_skeleton():
    """Add each other language's home page and listing pages that are missing; the titles of those made."""
    home = default_home()
    if home is None:
        return []
    made = []
    for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
        wording = TRANSLATED_SITES.get(locale.language_code)
        if wording is None:
            continue
        translated_home = home.get_translation_or_none(locale)
        if translated_home is None:
            translated_home = publish_translation(home, locale, title=wording.home_title, intro=wording.home_intro)
            translated_home.featured_article_links.all().delete()  # English articles: chosen again per language
            share_governance(home, translated_home)
            made.append(translated_home.title)
        for model, data in (
            (GlossaryIndexPage, wording.glossary_index),
            (ArticleIndexPage, wording.article_index),
        ):
            english = model.objects.child_of(home).first()
            if english and english.get_translation_or_none(locale) is None:
                made.append(
                    publish_translation(english, locale, title=data.title, intro=data.intro, slug=data.slug).title
                )
    return made


def create_after_migrate(using, verbosity=1, stdout=None, **kwargs):
    """After ``migrate``, when every table it needs exists (not after migrating part way back)."""
    if not settings.SITE_SKELETON_ON_MIGRATE or not set(connections[using].introspection.table_names()) >= TABLES:
        return
    made = create_skeleton()
    if made and verbosity and stdout:
        stdout.write(f"Created the site skeleton: {', '.join(made)} under the home page.\n")
    translated = translate_skeleton()
    if translated and verbosity and stdout:
        stdout.write(f"Created the site skeleton in other languages: {', '.join(translated)}.\n")
