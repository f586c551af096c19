"""Volunteer forms: typed fields (phone, bounded integers, the applicant's age), reference numbers, repeat
detection and a minor's guardian consent.

Fields that existing forms already use for these answers get their new types: a one-line field labelled as a
phone becomes a phone field, and a number labelled as an age becomes the applicant's age (under 18, the form
then asks for a guardian).
"""

import re

import django.db.models.deletion
from django.db import migrations, models

PHONE_LABEL = re.compile(r"телефон", re.IGNORECASE)
AGE_LABEL = re.compile(r"возраст|сколько (вам )?лет|дата рождения", re.IGNORECASE)


def type_existing_fields(apps, schema_editor):
    FormField = apps.get_model("home", "FormField")
    for field in FormField.objects.filter(field_type="singleline"):
        if PHONE_LABEL.search(field.label):
            field.field_type = "phone"
            field.save(update_fields=["field_type"])
    marked = set()
    for field in FormField.objects.filter(field_type__in=["number", "date"]).order_by("sort_order", "pk"):
        if AGE_LABEL.search(field.label) and field.page_id not in marked:
            field.is_applicant_age = True
            field.save(update_fields=["is_applicant_age"])
            marked.add(field.page_id)


def untype_existing_fields(apps, schema_editor):
    FormField = apps.get_model("home", "FormField")
    FormField.objects.filter(field_type="phone").update(field_type="singleline")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_consent_texts_per_form"),
    ]

    operations = [
        migrations.AddField(
            model_name="formfield",
            name="is_applicant_age",
            field=models.BooleanField(
                default=False,
                help_text="Для поля «число» (возраст) или «дата» (дата рождения). Если заявителю нет 18 лет, форма попросит данные и согласие родителя или законного представителя.",
                verbose_name="Возраст или дата рождения заявителя",
            ),
        ),
        migrations.AddField(
            model_name="formfield",
            name="max_value",
            field=models.IntegerField(
                blank=True, help_text="Для поля «число».", null=True, verbose_name="Наибольшее значение"
            ),
        ),
        migrations.AddField(
            model_name="formfield",
            name="min_value",
            field=models.IntegerField(
                blank=True,
                help_text="Для поля «число»: например, 14 для возраста.",
                null=True,
                verbose_name="Наименьшее значение",
            ),
        ),
        migrations.AddField(
            model_name="volunteerformsubmission",
            name="answers_digest",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="volunteerformsubmission",
            name="guardian_consent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="home.consentrecord",
                verbose_name="Согласие родителя или законного представителя",
            ),
        ),
        migrations.AddField(
            model_name="volunteerformsubmission",
            name="reference_number",
            field=models.CharField(blank=True, db_index=True, max_length=20, verbose_name="Номер анкеты"),
        ),
        migrations.AlterField(
            model_name="formfield",
            name="field_type",
            field=models.CharField(
                choices=[
                    ("singleline", "Single line text"),
                    ("multiline", "Multi-line text"),
                    ("email", "Email"),
                    ("phone", "Телефон"),
                    ("number", "Number"),
                    ("url", "URL"),
                    ("checkbox", "Checkbox"),
                    ("checkboxes", "Checkboxes"),
                    ("dropdown", "Drop down"),
                    ("multiselect", "Multiple select"),
                    ("radio", "Radio buttons"),
                    ("date", "Date"),
                    ("datetime", "Date/time"),
                    ("hidden", "Hidden field"),
                ],
                max_length=16,
                verbose_name="Тип поля",
            ),
        ),
        migrations.RunPython(type_existing_fields, untype_existing_fields),
    ]
