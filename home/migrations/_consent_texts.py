"""Adding a version of a consent text from a data migration: records keep pointing at the version shown."""

from django.db.models import Max
from django.utils import timezone


def add_versions(apps, texts):
    ConsentText = apps.get_model("home", "ConsentText")
    for kind, text in texts.items():
        latest = ConsentText.objects.filter(kind=kind).order_by("-version").first()
        if latest is not None and latest.text == text:
            continue
        version = (ConsentText.objects.filter(kind=kind).aggregate(latest=Max("version"))["latest"] or 0) + 1
        ConsentText.objects.create(kind=kind, version=version, text=text, created_at=timezone.now())


def remove_versions(apps, texts):
    ConsentText = apps.get_model("home", "ConsentText")
    for kind, text in texts.items():
        ConsentText.objects.filter(kind=kind, text=text, records__isnull=True).delete()
