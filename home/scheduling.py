"""Cancelling a scheduled publication forgets its go-live date too.

Wagtail's «Отменить запланированную публикацию» only clears the revision's approval (`approved_go_live_at`):
the date stays in the draft and on the page, so the editor still shows it and the next «Опубликовать»
silently schedules the page again for that old date. Wagtail sends no event of its own for the cancellation
other than this save (the same condition under which it logs «wagtail.schedule.cancel»).
"""

from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Revision


def forget_go_live_date(sender, instance: Revision, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None or "approved_go_live_at" not in (update_fields or ()):
        return
    scheduled_object = instance.content_object
    latest = getattr(scheduled_object, "latest_revision", None)
    for revision in {instance, latest} - {None}:
        if revision.content.get("go_live_at"):
            revision.content["go_live_at"] = None
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    go_live_at = getattr(scheduled_object, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        # A plain update: nothing about the published page changes, so no publish signals or cache purges.
        type(scheduled_object)._default_manager.filter(pk=scheduled_object.pk).update(go_live_at=None)


def connect():
    post_save.connect(forget_go_live_date, sender=Revision, dispatch_uid="forget_go_live_date")
