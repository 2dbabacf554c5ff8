"""Which signed-off English revision each translation was made from.

A translation (made with "Translate" in the admin, by ``copy_for_translation``, or by an importer) is a copy
of the English page or disclaimer as readers see it: its live revision, which only a clinical sign-off
publishes. Recording that revision on the copy lets the admin tell later whether the English has changed since
(review app: "Translations to update"). Content whose live revision was never signed off is not translated at
all (``review.translations.require_signed_off``): the copy is refused, not made with an unknown source.

The copy is a draft in the other language. It does not carry the English reviewer's name and review dates,
which would otherwise show on the translation as if someone had reviewed it: the translation gets its own at
its own sign-off.
"""

from .models import HealthContentPage, MedicalDisclaimer

TRANSLATABLE = (HealthContentPage, MedicalDisclaimer)
REVIEW_STAMP = {"last_reviewed": None, "next_review_due": None, "reviewed_by": ""}


def record_source_revision(sender, source_obj, target_obj, **kwargs):
    """Sent by Wagtail when it has copied ``source_obj`` into another language as ``target_obj``."""
    from review.translations import current_translator, require_signed_off

    if not isinstance(target_obj, TRANSLATABLE):
        return
    require_signed_off(source_obj)
    row = {"translated_from_revision_id": source_obj.live_revision_id}
    translator = current_translator()
    if isinstance(target_obj, HealthContentPage):
        row.update(REVIEW_STAMP)
        if translator is not None:
            row["owner_id"] = translator.pk
    for name, value in row.items():
        setattr(target_obj, name, value)
    if target_obj.pk is None:  # a snippet: saved by the caller
        return
    type(target_obj).objects.filter(pk=target_obj.pk).update(**row)
    # The copy's first revision was saved before this signal: editors edit from it, and publishing it
    # would otherwise forget the source, or bring back the English owner and reviewer's stamp.
    draft = target_obj.latest_revision
    if draft is not None:
        draft.content.update({name.removesuffix("_id"): value for name, value in row.items()})
        draft.user = translator or draft.user
        draft.save(update_fields=["content", "user"])
