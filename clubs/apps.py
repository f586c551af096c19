from django.apps import AppConfig


class ClubsConfig(AppConfig):
    name = "clubs"
    verbose_name = "Кружки, отделения и наставники"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the e-mail builders that background tasks look up by name.
        from clubs import emails  # noqa: F401

        self._register_regional_editors()

    def _register_regional_editors(self):
        """The page permission policy that knows about regional editors (clubs/regional_editors.py): it must
        be registered before anything asks Wagtail for the page policy, hence here and not in a hook."""
        from django.db.models.signals import post_delete, pre_delete

        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from clubs import regional_editors
        from clubs.models import BranchPage

        register_permission_policy(Page, regional_editors.RegionalPagePermissionPolicy(Page))
        pre_delete.connect(regional_editors.remember_editors_before_delete, sender=BranchPage)
        post_delete.connect(regional_editors.release_editors_after_delete, sender=BranchPage)
