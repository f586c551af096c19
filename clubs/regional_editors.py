"""The regional editor: pages of their own branch and of that branch's clubs, media of their region only.

Why not plain Wagtail group permissions: Wagtail grants page permissions to a *group* on a *subtree*, but a
regional editor's pages are not one subtree — the branch lives under «Региональные отделения» and its clubs
under «Кружки и клубы» — and every regional editor has different pages. So the site's page permission policy
(`RegionalPagePermissionPolicy`, registered for every page model in `ClubsConfig.ready`) adds, for each
member of the group «Региональные редакторы», per-user grants computed from `BranchPage.regional_editors`:

* change and publish on each branch that lists the user, and on every club whose `branch` is one of those;
* add (drafts, submit for moderation, edit their own drafts; never publish) on the story index.

Every admin view (explorer, edit, publish, delete, choosers, the Pages menu) asks this policy, so the grants
hold everywhere, not only in the views we tested. Being in the group is required as well, so removing a user
from the group in Settings → Groups withdraws every grant at once.

Media: Wagtail's collection permissions are per group too, so each region gets a collection under «Регионы»
and a group «Региональные редакторы: <регион>» holding add/change/choose of images and documents in it. Both
are created when a branch page of the region is saved (so every region with a branch has its collection —
no separate command to forget), and the membership of the region's group is kept equal to the editors of the
region's branches. Assigning a user on the branch page is thus the one action that does everything.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

REGIONAL_EDITORS_GROUP = "Региональные редакторы"
REGIONS_COLLECTION = "Регионы"
REGION_GROUP_PREFIX = "Региональные редакторы: "

# Pages of their branch and its clubs: edit and publish. No "add": branches have no child pages, and
# ownership-based rights ("add" lets you edit pages you own) must not survive a club moving to another branch.
OWN_PAGE_ACTIONS = ("change", "publish")
# Stories: drafts and submission for moderation only; a chief editor publishes.
STORY_ACTIONS = ("add",)
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", ("add_image", "change_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "choose_document")),
    # Audio and video (wagtailmedia): its choosers ask for add/change, it has no "choose" permission.
    ("wagtailmedia", "media", ("add_media", "change_media")),
]


def is_regional_editor(user) -> bool:
    if not user.is_active or user.is_anonymous or user.is_superuser:
        return False
    cache_name = "_is_regional_editor"
    if not hasattr(user, cache_name):
        setattr(user, cache_name, user.groups.filter(name=REGIONAL_EDITORS_GROUP).exists())
    return getattr(user, cache_name)


def branches_of(user):
    """The branch pages a regional editor is assigned to (as published)."""
    from clubs.models import BranchPage

    if not is_regional_editor(user):
        return BranchPage.objects.none()
    return BranchPage.objects.filter(regional_editors=user)


def regional_grants(user) -> list[GroupPagePermission]:
    """Unsaved GroupPagePermission objects (the shape the page policy iterates over) for the user's pages."""
    from clubs.models import ClubPage

    branches = list(branches_of(user).only("pk", "path", "depth"))
    story_index_model = _story_index_model()
    story_indexes = list(story_index_model.objects.only("pk", "path", "depth")) if story_index_model else []
    permissions = _page_permissions()
    grants = []
    own_pages = branches + list(ClubPage.objects.filter(branch__in=branches).only("pk", "path", "depth"))
    for page in own_pages:
        grants += [_grant(page, permissions[action]) for action in OWN_PAGE_ACTIONS]
    for page in story_indexes:
        grants += [_grant(page, permissions[action]) for action in STORY_ACTIONS]
    return grants


def _grant(page, permission):
    grant = GroupPagePermission(page=page, permission=permission)
    grant.from_branch_assignment = True
    return grant


def _story_index_model():
    try:
        return apps.get_model("stories", "StoryIndexPage")
    except LookupError:
        return None


def _page_permissions() -> dict[str, Permission]:
    content_type = ContentType.objects.get_for_model(Page)
    codenames = {f"{action}_page": action for action in {*OWN_PAGE_ACTIONS, *STORY_ACTIONS}}
    found = Permission.objects.filter(content_type=content_type, codename__in=codenames)
    return {codenames[permission.codename]: permission for permission in found}


class RegionalPagePermissionPolicy(PagePermissionPolicy):
    def get_all_permissions_for_user(self, user):
        granted = list(super().get_all_permissions_for_user(user))
        if is_regional_editor(user):
            granted += regional_grants(user)
        return granted


def has_group_permission_on(user, page, action) -> bool:
    """Whether `action` on `page` comes from a real group permission (chief editors), not a branch grant."""
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(
        group__user=user,
        permission__codename=f"{action}_page",
        page__in=Page.objects.ancestor_of(page, inclusive=True),
    ).exists()


class BranchPermissionTester(PagePermissionTester):
    """A regional editor edits and publishes their branch, but deleting or moving it (which would also end
    their own assignment) stays with those whose rights come from a group (chief editors)."""

    def can_delete(self, ignore_bulk=False):
        if self.user.is_active and not self.user.is_superuser:
            from_groups = {
                perm.permission.codename
                for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
                if not getattr(perm, "from_branch_assignment", False)
                and self.page.path.startswith(perm.page.path)
            }
            if "change_page" not in from_groups:
                return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class ClubIndexPermissionTester(PagePermissionTester):
    """A regional editor may open new clubs (for their own branch: see ClubPageForm) and publish them."""

    def _regional_editor_with_branch(self):
        return branches_of(self.user).exists()

    def can_add_subpage(self):
        return super().can_add_subpage() or (
            self.user.is_active
            and any(
                model.can_create_at(self.page)
                for model in self.page.specific_class.creatable_subpage_models()
            )
            and self._regional_editor_with_branch()
        )

    def can_publish_subpage(self):
        return super().can_publish_subpage() or (self.user.is_active and self._regional_editor_with_branch())


# --- Keeping groups and collections in step with BranchPage.regional_editors ---


def region_collection(region) -> Collection:
    """The region's image and document collection, under «Регионы»; created on first use."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=REGIONS_COLLECTION).first()
    if parent is None:
        parent = root.add_child(name=REGIONS_COLLECTION)
    collection = parent.get_children().filter(name=region.name).first()
    if collection is None:
        collection = parent.add_child(name=region.name)
    return collection


def region_group(region) -> Group:
    """The group that may add, change and choose media in the region's collection (and nowhere else)."""
    group, _created = Group.objects.get_or_create(name=f"{REGION_GROUP_PREFIX}{region.name}")
    collection = region_collection(region)
    for app_label, model, codenames in MEDIA_PERMISSIONS:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        for permission in Permission.objects.filter(content_type=content_type, codename__in=codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    return group


def sync_region(region, dropped_user_ids=()):
    """Makes the region's media group hold exactly the editors of the region's branches, puts them in
    «Региональные редакторы», and takes out of it those just removed who edit no other branch."""
    User = get_user_model()
    editors = list(User.objects.filter(edited_branches__region=region).distinct())
    with transaction.atomic():
        region_group(region).user_set.set(editors)
        main_group = Group.objects.get(name=REGIONAL_EDITORS_GROUP)
        main_group.user_set.add(*editors)
        dropped = User.objects.filter(pk__in=dropped_user_ids).exclude(edited_branches__isnull=False)
        main_group.user_set.remove(*dropped)


def editor_ids(branch) -> set[int]:
    """The editors of `branch` as stored in the table (the published assignment)."""
    return set(get_user_model().objects.filter(edited_branches=branch).values_list("pk", flat=True))


def remember_editors_before_delete(sender, instance, **kwargs):
    instance._editors_before_delete = editor_ids(instance)


def release_editors_after_delete(sender, instance, **kwargs):
    """A deleted branch no longer gives its editors anything: their groups are recomputed."""
    sync_region(instance.region, dropped_user_ids=getattr(instance, "_editors_before_delete", ()))
