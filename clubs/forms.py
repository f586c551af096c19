"""The application form on a club page: a young person, or a parent for a child, applies online."""

from django import forms
from django.utils import timezone

from home.applications.consent import ConsentFormMixin
from home.applications.fields import (
    AccessibleErrorsMixin,
    PhoneField,
    full_years,
    guardian_contact_fields,
    years_word,
)
from home.applications.spam import SpamProtectionFormMixin
from home.models import ConsentText

ADULT_AGE = 18
# From 14 a young person applies personally (with a parent's consent); younger children are applied for.
OWN_APPLICATION_AGE = 14
OLDEST_BIRTH_YEAR = 1900

CLOSED_MESSAGE = "Кружок сейчас не принимает заявки. Посмотрите другие кружки в каталоге."


class ClubApplicationForm(AccessibleErrorsMixin, SpamProtectionFormMixin, ConsentFormMixin, forms.Form):
    child_name = forms.CharField(
        label="Фамилия и имя ребёнка или участника",
        max_length=200,
        # Never the browser's saved name: a parent filling in the form would get their own name here.
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Укажите фамилию и имя."},
    )
    birth_date = forms.DateField(
        label="Дата рождения",
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}, format="%Y-%m-%d"),
        help_text="Например: 14.03.2012.",
        error_messages={
            "required": "Укажите дату рождения: по ней мы проверяем, подходит ли кружок по возрасту.",
            "invalid": "Введите дату в виде ДД.ММ.ГГГГ, например 14.03.2012.",
        },
    )
    # The participant's own contacts and the guardian's are separate autofill sections (HTML autocomplete).
    phone = PhoneField(label="Телефон", required=False, autocomplete="section-child tel")
    email = forms.EmailField(
        label="Электронная почта",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "section-child email"}),
        error_messages={"invalid": "Проверьте адрес почты: например, ivanova@mail.ru."},
    )
    school = forms.CharField(
        label="Школа", required=False, max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    grade = forms.CharField(
        label="Класс", required=False, max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    motivation = forms.CharField(
        label="Почему хочется заниматься в кружке",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Несколько слов — по желанию.",
    )
    guardian_name, guardian_phone, guardian_email = guardian_contact_fields()

    def __init__(self, *args, club, **kwargs):
        self.club = club
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = (
            "Я даю согласие на обработку персональных данных — свою или, если участнику нет 18 лет, "
            "как его родитель или законный представитель"
        )
        self.guardian_consent_text = ConsentText.objects.current(ConsentText.Kind.GUARDIAN)
        self.age = None

    def clean_child_name(self):
        name = " ".join(self.cleaned_data["child_name"].split())
        if len(name) < 2:
            raise forms.ValidationError("Укажите фамилию и имя.")
        return name

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError("Дата рождения не может быть в будущем.")
        if birth_date.year < OLDEST_BIRTH_YEAR:
            raise forms.ValidationError("Проверьте год рождения.")
        age = full_years(birth_date, today)
        self.age = age
        club = self.club
        if not club.age_min <= age <= club.age_max:
            raise forms.ValidationError(
                f"Кружок принимает участников от {club.age_min} до {club.age_max} "
                f"{years_word(club.age_max)}, а по этой дате рождения сейчас {age} {years_word(age)}. "
                "Проверьте дату или подберите другой кружок в каталоге.",
                code="age_out_of_range",
            )
        return birth_date

    def clean(self):
        cleaned_data = super().clean()
        if not self.club.accepting_applications:
            raise forms.ValidationError(CLOSED_MESSAGE, code="closed")
        age = self.age
        if age is None:
            return cleaned_data
        has_own_contact = cleaned_data.get("phone") or cleaned_data.get("email")
        own_contact_errors = "phone" in self.errors or "email" in self.errors
        if age >= OWN_APPLICATION_AGE and not has_own_contact and not own_contact_errors:
            self.add_error(
                "phone", "Укажите телефон или электронную почту, чтобы координатор мог связаться с вами."
            )
        if age < ADULT_AGE:
            if not cleaned_data.get("guardian_name"):
                self.add_error(
                    "guardian_name",
                    "Участнику нет 18 лет: укажите фамилию, имя и отчество родителя "
                    "или законного представителя.",
                )
            has_guardian_contact = cleaned_data.get("guardian_phone") or cleaned_data.get("guardian_email")
            guardian_errors = "guardian_phone" in self.errors or "guardian_email" in self.errors
            if not has_guardian_contact and not guardian_errors:
                self.add_error("guardian_phone", "Укажите телефон или электронную почту родителя.")
        return cleaned_data

    @property
    def is_minor(self) -> bool:
        return self.age is not None and self.age < ADULT_AGE

    @property
    def consent_kind_given(self):
        return ConsentText.Kind.GUARDIAN if self.is_minor else ConsentText.Kind.PERSONAL_DATA

    def consent_giver(self) -> tuple[str, str]:
        data = self.cleaned_data
        if self.is_minor:
            return data["guardian_name"], data.get("guardian_email", "")
        return data["child_name"], data.get("email", "")
