"""Routing to the pages of a listing in one query.

Wagtail routes /istorii/istoriya-1/ by asking the index for its child with that slug as a plain Page, then
fetching the same row again as its specific type (two queries and a model conversion). An index whose children
are all of one type can ask that type directly.
"""

from django.http import Http404


class ChildOfOneTypeRouting:
    """For an index page whose `subpage_types` name exactly one model. Put it after RoutablePageMixin in the
    bases, so that the index's own routes (a feed, a tag page) are tried first, as Wagtail does."""

    @classmethod
    def routed_child_model(cls):
        (model,) = cls.allowed_subpage_models()
        return model

    @classmethod
    def routed_children(cls):
        """The queryset a child is found in: an index may add the relations its pages always show."""
        return cls.routed_child_model().objects.all()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child = self._child(slug)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Wagtail does: get_parent() then needs no query
        return child.route(request, remaining)

    def _child(self, slug):
        children = self.routed_children().filter(path__startswith=self.path, depth=self.depth + 1, slug=slug)
        return next(iter(children[:1]), None)  # slugs are unique among siblings: no ordering needed
