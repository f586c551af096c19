"""Who may change or delete an image, a document or an audio/video file.

Wagtail's ownership policy lets anyone who may *add* media to a collection change and delete what they
uploaded themselves. For authors («Авторы»: add and choose, no change) that would let them replace the file
or the alt text of a published story's cover, live at once, bypassing moderation. So ownership counts only
while no live page (and no snippet or setting, which are public as soon as saved) uses the file, as
Wagtail's reference index («Использование») records it; afterwards the file is changed by someone whose
group holds «change» on its collection (chief editors everywhere, regional editors in their region's
collection). A draft that uses the file does not count: it is not on the site yet.

The policy is registered for the image, document and media models (exact class, so Wagtail's own
registration in its apps' ready() cannot replace it). wagtailmedia's views still build their policy
themselves instead of asking the registry (its own TODO for Wagtail 8), so they are pointed at it here.
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

EDITING = frozenset({"change", "delete"})


def used_live(model, pks) -> set:
    """The pks (of `model`) that a live page, a snippet or a setting refers to."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return set()
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model), to_object_id__in=pks
    ).values_list("to_object_id", "base_content_type_id", "object_id")
    page_type_id = ContentType.objects.get_for_model(Page).pk
    used, from_pages = set(), {}
    for target, source_type_id, source_id in references:
        if source_type_id == page_type_id:
            from_pages.setdefault(source_id, set()).add(target)
        else:
            used.add(target)
    live_pages = Page.objects.filter(pk__in=list(from_pages), live=True).values_list("pk", flat=True)
    for page_pk in live_pages:
        used |= from_pages[str(page_pk)]
    return {model._meta.pk.to_python(pk) for pk in used}


class LiveUsageOwnershipPolicy(CollectionOwnershipPermissionPolicy):
    """CollectionOwnershipPermissionPolicy, except that changing or deleting by ownership alone (an "add"
    permission and being the uploader) stops once the file is in use on the live site."""

    def _editable_by_collection(self, user, instance) -> bool:
        return self._check_perm(user, ["change"], collection=instance.collection)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        others = actions - EDITING
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        if not actions & EDITING:
            return False
        if self._editable_by_collection(user, instance):
            return True
        return super().user_has_any_permission_for_instance(
            user, actions & EDITING, instance
        ) and not used_live(self.model, [instance.pk])

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        actions = set(actions)
        if not actions & EDITING or (user.is_active and user.is_superuser) or not user.is_authenticated:
            return instances
        # What the user reaches through a group permission stays; what only ownership reaches is checked.
        through_groups = self._collections_with_perm(user, {"change"} | (actions & {"choose"}))
        by_ownership = instances.exclude(collection__in=through_groups).values_list("pk", flat=True)
        return instances.exclude(pk__in=used_live(self.model, by_ownership))


class MediaChoosingPolicy(LiveUsageOwnershipPolicy):
    """For wagtailmedia's chooser only. It has no «choose» permission and lists or accepts the files the user
    may "change or delete"; here that means may add or change in the file's collection, as «choose» means
    for images and documents, so authors (add only) keep choosing any recording for their drafts."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if set(actions) & EDITING:
            return self._check_perm(user, ["add", "change"], collection=instance.collection)
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if set(actions) & EDITING and user.is_authenticated and not user.is_superuser:
            collections = self._collections_with_perm(user, ["add", "change"])
            return self.model._default_manager.filter(collection__in=collections)
        return super().instances_user_has_any_permission_for(user, actions)


def register():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    from wagtailmedia import get_media_model
    from wagtailmedia.views import chooser as media_chooser_views
    from wagtailmedia.views import media as media_views

    owners = {
        get_image_model(): "wagtailimages.Image",
        get_document_model(): "wagtaildocs.Document",
        get_media_model(): "wagtailmedia.Media",
    }
    policies = {
        model: LiveUsageOwnershipPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
        for model, auth_model in owners.items()
    }
    for model, policy in policies.items():
        register_permission_policy(model, policy, exact_class=True)
    # The checkers read `.policy` on each request; setting it here replaces their own construction.
    media_views.permission_checker.policy = policies[get_media_model()]
    media_chooser_views.permission_checker.policy = MediaChoosingPolicy(
        get_media_model(), auth_model="wagtailmedia.Media", owner_field_name="uploaded_by_user"
    )
