"""The one auto-link matcher per glossary version, built once and shared by every process.

Building the matcher reads every live term and name, so it happens when the glossary changes, never while
a reader waits: publishing, unpublishing, moving, renaming or deleting a term, or changing a view
restriction, schedules one rebuild for after the transaction commits (once per transaction, however many
pages it touched). The rebuild runs as a task (Wagtail's ``TASKS`` setting; immediately after the commit by
default) and saves the matcher as JSON in a new ``AutolinkSnapshot`` row: its primary key is the glossary
version. A snapshot holds one matcher per language (locale): a Spanish page links only Spanish terms, an
English page only English ones.

Each process keeps the snapshot it loaded. At most once every ``CHECK_SECONDS`` a render asks the
database, in one small query, whether a newer snapshot exists, and loads it if so. Until then, and while a
rebuild is running, readers keep the previous snapshot: a new term reaches every process within about a
second of its rebuild finishing.
"""

import json
import threading
import time

from django.apps import apps as global_apps
from django.db import connection, transaction
from django_tasks import task

from delivery.purge import purge_tags
from delivery.shared_state import bump, version

from .matcher import Matcher, Term
from .policy import AutolinkSetting, default_for

CHECK_SECONDS = 1.0
# Announces each new snapshot in the shared version stamps, so a process that sees the stamp move loads the
# snapshot at once, and pages kept in Django's cache (keyed by the stamps) are never older than their links.
AUTOLINK = "glossary-autolink"
# The cache tag of every response with auto-linked text (``delivery.cache_tags``).
AUTOLINK_TAG = "autolink"
SNAPSHOTS_KEPT = 3
EMPTY = Matcher([], [], {})


def matchers_to_json(matchers):
    """A snapshot's data: each locale's matcher (``{locale id: Matcher}``) as JSON."""
    payload = {str(locale_id): matcher.payload() for locale_id, matcher in matchers.items()}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def matchers_from_json(data):
    return {int(locale_id): Matcher.from_payload(payload) for locale_id, payload in json.loads(data).items()}


def link_alike(matchers, others):
    """Whether two snapshots link the same words to the same addresses in every language."""
    return matchers.keys() == others.keys() and all(
        matcher.links_alike(others[locale_id]) for locale_id, matcher in matchers.items()
    )


class LoadedSnapshot:
    """This process's matchers (one per locale), the version they came from and when the database was last
    asked."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.version = 0
        self.matchers = {}
        self.checked_at = None
        self.announced = None

    def install(self, version, matchers):
        with self.lock:
            if version > self.version:
                self.version, self.matchers = version, matchers


loaded = LoadedSnapshot()


def current_matcher(locale_id):
    """The newest matcher this process knows for the terms of locale ``locale_id``; never built here, only
    loaded from a snapshot."""
    from ..models import AutolinkSnapshot

    now = time.monotonic()
    announced = version(AUTOLINK)
    if loaded.checked_at is None or now - loaded.checked_at >= CHECK_SECONDS or announced != loaded.announced:
        loaded.checked_at, loaded.announced = now, announced
        newer = AutolinkSnapshot.objects.filter(pk__gt=loaded.version).order_by("-pk")
        newer = newer.values_list("pk", "data").first()
        if newer:
            loaded.install(newer[0], matchers_from_json(newer[1]))
    return loaded.matchers.get(locale_id, EMPTY)


def setting_of(name, stored, language):
    return stored or default_for(name, language=language).setting


def live_matchers():
    """A matcher per locale for the terms readers may see now: each title, then each other name, unless set
    to never. A term's names go only into its own locale's matcher."""
    from delivery.languages import language_code_of
    from health_content.visibility import visible

    from ..models import GlossaryIndexPage, TermPage, TermSynonym

    # Terms sit directly under a glossary index: a term's address is its index's address and its slug,
    # worked out once per index rather than once per term.
    index_urls = {index.url_path: index.get_url() for index in GlossaryIndexPage.objects.all()}
    pages = visible(TermPage.objects.all()).order_by("pk")
    terms, names, position = {}, {}, {}
    for page in pages.only("id", "title", "slug", "url_path", "definition", "autolink", "locale_id"):
        index_url = index_urls.get(page.url_path.removesuffix(f"{page.slug}/"))
        if index_url is None:
            continue
        locale_terms = terms.setdefault(page.locale_id, [])
        position[page.pk] = (page.locale_id, len(locale_terms), language_code_of(page.locale_id))
        locale_terms.append(Term(page.pk, page.title, f"{index_url}{page.slug}/", page.definition))
        names.setdefault(page.locale_id, []).append((page.title, page.autolink, page.pk))
    synonyms = TermSynonym.objects.filter(page__in=pages.values("pk")).order_by("page_id", "sort_order", "pk")
    for name, setting, page_id in synonyms.values_list("name", "autolink", "page_id"):
        if page_id in position:
            names[position[page_id][0]].append((name, setting, page_id))
    matchers = {}
    for locale_id, locale_names in names.items():
        linkable = []
        for name, stored, page_id in locale_names:
            _, term_index, language = position[page_id]
            setting = setting_of(name, stored, language)
            if setting != AutolinkSetting.NEVER:
                linkable.append((name, setting == AutolinkSetting.EXACT_CASE, term_index))
        matchers[locale_id] = Matcher.build(terms[locale_id], linkable, language_code_of(locale_id))
    return matchers


@task()
def rebuild_snapshot():
    """Build the matcher of the glossary as it is now, save it as the newest version, and drop old ones."""
    from ..models import AutolinkSnapshot

    newest_first = AutolinkSnapshot.objects.order_by("-pk")
    with transaction.atomic():
        # One rebuild at a time (a row lock on PostgreSQL): a rebuild that waited reads the glossary after
        # the one before it saved, so a newer version is never built from older data.
        previous = newest_first.select_for_update().values_list("data", flat=True).first()
        matchers = live_matchers()
        snapshot = AutolinkSnapshot.objects.create(data=matchers_to_json(matchers))
        bump(AUTOLINK)
        AutolinkSnapshot.objects.filter(
            pk__in=list(newest_first.values_list("pk", flat=True)[SNAPSHOTS_KEPT:])
        ).delete()
    loaded.install(snapshot.pk, matchers)
    if previous is None or not link_alike(matchers, matchers_from_json(previous)):
        # Cached pages may link words that no longer link, or miss new names. A changed definition alone
        # purges only the pages showing that term (its page tag), when the term is published.
        purge_tags([AUTOLINK_TAG])
    return snapshot.pk


def build_first_snapshot(using, apps=global_apps, **kwargs):
    """After ``migrate``: a database with no snapshot yet (a new site, or one upgraded from before snapshots)
    gets one, so its live terms link without waiting for the next publish, and no reader ever builds one."""
    try:
        snapshots = apps.get_model("glossary", "AutolinkSnapshot")
    except LookupError:  # migrated back to before snapshots existed
        return
    if not snapshots.objects.using(using).exists():
        rebuild_snapshot.enqueue()


pending = threading.local()


def glossary_changed(**kwargs):
    """Signal receiver: rebuild the matcher once the current transaction commits, once per transaction.

    A rebuild already waiting for this transaction's commit is enough; one that has run, or whose
    transaction rolled back (and so left ``run_on_commit``), is not. The A-Z's counts per letter, which
    each process keeps, are dropped at once.
    """
    from ..models import A_TO_Z

    bump(A_TO_Z)
    waiting = getattr(pending, "rebuild", None)
    if waiting and any(callback is waiting for _, callback, _ in connection.run_on_commit):
        return

    def rebuild_after_commit():
        if getattr(pending, "rebuild", None) is rebuild_after_commit:
            pending.rebuild = None
        rebuild_snapshot.enqueue()

    pending.rebuild = rebuild_after_commit
    transaction.on_commit(rebuild_after_commit)
