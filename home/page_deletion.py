"""Refusing to delete pages that personal data hangs on (a club with applications, a call with mentor
applications): the admin says why instead of failing with a ProtectedError (500) or deleting the data.

An app registers one refusal for its page type; both Wagtail paths are covered: the page's own delete view
(which also deletes every descendant) and the bulk delete action of the explorer.
"""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.models import Page


def pages_in_trees(pages):
    """Every page among `pages` and their descendants, as one queryset."""
    in_trees = Page.objects.none()
    for page in pages:
        in_trees |= Page.objects.filter(path__startswith=page.path)
    return in_trees


def refuse_deleting(blocked_pages, message: str):
    """Registers the delete hooks. `blocked_pages(queryset)` narrows a page queryset to the pages that must
    stay; `message` is formatted with the first such page's `title`."""

    def first_blocked(pages):
        pages = [page for page in pages if isinstance(page, Page)]
        if not pages:
            return None
        return blocked_pages(pages_in_trees(pages)).order_by("path").first()

    @hooks.register("before_delete_page")
    def refuse_single(request, page):
        blocked = first_blocked([page])
        if blocked is not None:
            messages.error(request, message.format(title=blocked.title))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None

    @hooks.register("before_bulk_action")
    def refuse_bulk(request, action_type, objects, action_class_instance):
        if action_type != "delete":
            return None
        blocked = first_blocked(objects)
        if blocked is not None:
            messages.error(request, message.format(title=blocked.title))
            return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
        return None

    return refuse_single, refuse_bulk
