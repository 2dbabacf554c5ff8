"""Terms imported in another language (``import_terms --locale es``) as translations of English terms.

A record's ``translation_of`` names the English term it translates, by its name as the English glossary has
it (ignoring case and accents, like related terms). The imported term joins the English term's translation
group (the same ``translation_key``), so the site links the two, and records the English term's live
revision, the signed-off version it was translated from, in ``translated_from_revision``, as Wagtail's
"Translate" does (``health_content.translation``). The run is refused, with nothing written, when the English
term does not exist, has never been signed off, already has a version in this language (other than the term
the record updates), or is named by two records.
"""

from django.conf import settings

from delivery.languages import language_name
from glossary.models import TermPage
from glossary.names import fold
from review.translations import signed_off_revision_id


class Translations:
    """The English terms a run's records may translate, read with two queries when any record names one."""

    def __init__(self, glossary, records):
        self.language = glossary.locale.language_code
        self.english = language_name(settings.LANGUAGE_CODE)
        self.claimed = {}  # English term id -> the record translating it
        self.terms_by_fold, self.translated = {}, {}
        if not any(record.translation_of for record in records) or self.language == settings.LANGUAGE_CODE:
            return
        english = TermPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk")
        for term in english.only("pk", "title", "name_fold", "translation_key", "live", "live_revision_id"):
            self.terms_by_fold.setdefault(term.name_fold, []).append(term)
        # Translation key -> the id of the term in this run's language that has it.
        self.translated = dict(
            TermPage.objects.filter(locale=glossary.locale).values_list("translation_key", "pk")
        )

    def link(self, plan, problems):
        """Make ``plan``'s page the translation its record names, or add a problem saying why it cannot be."""
        record, page = plan.record, plan.page
        name = record.translation_of
        if name is None:
            return
        language = language_name(self.language)
        if self.language == settings.LANGUAGE_CODE:
            problems.append(
                record.at(
                    f"'translation_of' names the {self.english} term a term in another language translates; "
                    f"this run imports {language} terms. Use --locale for a file of translations."
                )
            )
            return
        english = self.find(name)
        if english is None:
            problems.append(
                record.at(f"There is no {self.english} term called '{name}' for '{record.term}' to translate.")
            )
            return
        if signed_off_revision_id(english) is None:
            problems.append(
                record.at(
                    f"The {self.english} term '{english.title}' has not been signed off yet: translate it once "
                    "its clinical review is done."
                )
            )
            return
        other = self.claimed.setdefault(english.pk, record)
        if other is not record:
            problems.append(record.at(f"'{other.term}' in {other.place} also translates '{english.title}'."))
            return
        current = self.translated.get(english.translation_key)
        if current is not None and current != getattr(plan.existing, "pk", None):
            problems.append(
                record.at(f"The {self.english} term '{english.title}' already has a {language} version.")
            )
            return
        if plan.existing is not None and plan.existing.translation_key != english.translation_key:
            problems.append(
                record.at(
                    f"'{plan.existing.title}' is already in the {language} glossary and is not the translation of "
                    f"'{english.title}'."
                )
            )
            return
        page.translation_key = english.translation_key
        page.translated_from_revision_id = english.live_revision_id

    def find(self, name):
        """The English term ``name`` names: the same title ignoring case, else ignoring accents too."""
        candidates = self.terms_by_fold.get(fold(name), [])
        same = [term for term in candidates if term.title.casefold() == name.casefold()]
        return (same or candidates or [None])[0]
