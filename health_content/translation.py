"""Which signed-off English revision each translation was made from.

A translation (made with "Translate" in the admin, by ``copy_for_translation``, or by an importer) is a copy
of the English page or disclaimer as readers see it: its live revision, which only a clinical sign-off
publishes. Recording that revision on the copy lets the admin tell later whether the English has changed since
(review app: "Translations to update").
"""

from .models import HealthContentPage, MedicalDisclaimer

TRANSLATABLE = (HealthContentPage, MedicalDisclaimer)


def record_source_revision(sender, source_obj, target_obj, **kwargs):
    """Sent by Wagtail when it has copied ``source_obj`` into another language as ``target_obj``."""
    if not isinstance(target_obj, TRANSLATABLE):
        return
    made_from = source_obj.live_revision_id if source_obj.live else None
    type(target_obj).objects.filter(pk=target_obj.pk).update(translated_from_revision_id=made_from)
    target_obj.translated_from_revision_id = made_from
    # The copy's first revision was saved before this signal: editors edit from it, and publishing it
    # would otherwise forget the source.
    draft = target_obj.latest_revision
    if draft is not None:
        draft.content["translated_from_revision"] = made_from
        draft.save(update_fields=["content"])
