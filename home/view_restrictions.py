"""Which pages are private, known from the worker's memo instead of two queries on every request.

Wagtail checks every served page for view restrictions (a query for its ancestors, then one for their
restrictions), and `PageQuerySet.public()` reads every restriction again, on each request. On this site almost
nothing is private, and restrictions change only when an editor sets one. Saving or deleting a
`PageViewRestriction` starts a new content generation (home/apps.py), so the paths of the restricted pages can
be kept in the worker's memo (home/public_memo.py) as exactly as the pages themselves.

A page under none of those paths has no restriction to check. Under an alias Wagtail applies the restrictions
of the alias's source, which a path does not show: pages under an alias always take Wagtail's own check (and
creating an alias starts a new generation, home/page_cache.py).
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from home.public_memo import memoized


def _roots():
    restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
    aliases = tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    return restricted, aliases


def restriction_roots(request) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(paths of pages with a view restriction, paths of alias pages), once per worker and generation."""
    return memoized(request, "view-restriction-roots", _roots)


def restrictions_may_apply(page, request) -> bool:
    restricted, aliases = restriction_roots(request)
    return page.path.startswith(restricted + aliases)


def public(queryset, request):
    """`queryset.public()`, without reading the restrictions from the database."""
    restricted, _aliases = restriction_roots(request)
    if not restricted:
        return queryset
    private = Q()
    for path in restricted:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


class ViewRestrictionsFromMemo:
    """Page mixin: restrictions are read from the database only for pages that may have some.

    `skip_view_restrictions` below marks the page being served; anything else (the admin, another caller)
    gets Wagtail's own check."""

    def get_view_restrictions(self):
        if getattr(self, "_known_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def skip_view_restrictions(page, request, serve_args, serve_kwargs):
    """A `before_serve_page` hook (home/wagtail_hooks.py): Wagtail's view calls those before its own
    `on_serve_page` check of the restrictions."""
    if not restrictions_may_apply(page, request):
        page._known_unrestricted = True
