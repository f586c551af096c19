"""The first version of each consent text, so that forms work on a fresh site; editors add later versions."""

from django.db import migrations
from django.utils import timezone

TEXTS = {
    "personal_data": (
        "Я даю согласие Всероссийской общественной организации «Трудовая доблесть России» (101000, г. Москва, "
        "ул. Мясницкая, д. 1) на обработку персональных данных, указанных в этой форме: фамилии, имени, отчества, "
        "даты рождения, телефона, электронной почты, школы и класса, — с целью рассмотрения заявки и связи со мной "
        "по её поводу. Обработка включает сбор, запись, хранение, уточнение, использование и удаление; данные не "
        "передаются третьим лицам, кроме руководителя и координатора выбранного кружка. Данные хранятся 12 месяцев "
        "после рассмотрения заявки. Согласие действует до его отзыва; отозвать его можно в любой момент, написав "
        "на privacy@trudovaya-doblest.example или отозвав заявку по личной ссылке."
    ),
    "publication": (
        "Я даю согласие на публикацию на сайте организации моих фамилии, имени и фотографии в материалах о "
        "работе кружков и наставников. Согласие можно отозвать в любой момент; после отзыва материалы снимаются "
        "с публикации в течение 10 рабочих дней."
    ),
    "guardian": (
        "Я, родитель или законный представитель ребёнка, даю согласие на обработку его персональных данных, "
        "указанных в этой форме, на условиях согласия на обработку персональных данных и подтверждаю, что имею "
        "право действовать от его имени."
    ),
}


def create_texts(apps, schema_editor):
    ConsentText = apps.get_model("home", "ConsentText")
    for kind, text in TEXTS.items():
        if not ConsentText.objects.filter(kind=kind).exists():
            ConsentText.objects.create(kind=kind, version=1, text=text, created_at=timezone.now())


def remove_texts(apps, schema_editor):
    apps.get_model("home", "ConsentText").objects.filter(version=1, records__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0005_consent_references_exports")]

    operations = [migrations.RunPython(create_texts, remove_texts)]
