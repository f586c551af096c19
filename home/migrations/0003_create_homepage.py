"""Replaces Wagtail's placeholder welcome page with the site's HomePage and points the default site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    placeholder = Page.objects.filter(content_type=page_type, slug="home", depth=2).first()
    locale = placeholder.locale if placeholder else Locale.objects.order_by("pk").first()
    if placeholder:
        placeholder.delete()

    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="Главная",
        draft_title="Главная",
        heading="Трудовая доблесть России",
        intro="Наставничество — связь поколений: истории Героев Труда, кружки для молодёжи и наставники.",
        slug="home",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": homepage,
            "site_name": "Трудовая доблесть России",
        },
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_load_regions")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
