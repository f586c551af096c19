"""The mentor application form on a call page."""

from django import forms

from clubs.models import Direction
from home.applications.consent import ConsentFormMixin
from home.applications.fields import AccessibleErrorsMixin, PhoneField
from home.applications.spam import SpamProtectionFormMixin
from home.models import ConsentText, Region
from mentors.choices import Audience, EmployerOffer, MentoringFormat

CLOSED_MESSAGE = "Приём заявок по этому призыву завершён. Посмотрите открытые призывы в списке."
MIN_EXPERIENCE_LENGTH = 20


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, region):
        return region.name


class MentorApplicationForm(AccessibleErrorsMixin, SpamProtectionFormMixin, ConsentFormMixin, forms.Form):
    full_name = forms.CharField(
        label="Фамилия, имя и отчество",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Укажите фамилию и имя."},
    )
    phone = PhoneField(label="Телефон", required=False)
    email = forms.EmailField(
        label="Электронная почта",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="На неё придёт номер заявки и личная ссылка на её статус.",
        error_messages={"invalid": "Проверьте адрес почты: например, ivanov@mail.ru."},
    )
    region = RegionChoiceField(
        label="Регион",
        queryset=Region.objects.all(),
        empty_label="Выберите регион",
        error_messages={
            "required": "Выберите регион: по нему мы подберём кружки рядом с вами.",
            "invalid_choice": "Выберите регион из списка.",
        },
    )
    city = forms.CharField(
        label="Город или посёлок",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"required": "Укажите город или посёлок."},
    )
    audience = forms.ChoiceField(
        label="Кто вы",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Отметьте, кто вы: так координатор поймёт, чем вы можете помочь."},
    )
    profession = forms.CharField(
        label="Профессия, должность",
        max_length=200,
        help_text="Например: «токарь 6-го разряда», «инженер-конструктор», «студентка 3 курса педвуза».",
        error_messages={"required": "Укажите профессию или чем вы занимаетесь."},
    )
    experience = forms.CharField(
        label="Опыт",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Чем занимались, чего достигли, был ли опыт наставничества — несколько предложений.",
        error_messages={"required": "Расскажите коротко о своём опыте."},
    )
    directions = forms.MultipleChoiceField(
        label="Направления, по которым можете быть наставником",
        choices=Direction.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Отметьте хотя бы одно направление: по ним мы подбираем кружки.",
            "invalid_choice": "Такого направления нет в списке.",
        },
    )
    availability = forms.CharField(
        label="Сколько времени готовы уделять",
        max_length=300,
        help_text="Например: «2 часа в неделю, по вечерам в будни».",
        error_messages={"required": "Укажите, сколько времени готовы уделять."},
    )
    mentoring_format = forms.ChoiceField(
        label="Формат",
        choices=MentoringFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Выберите формат: очно, онлайн или и так, и так."},
    )
    organization = forms.CharField(
        label="Место работы или учёбы",
        required=False,
        max_length=300,
        help_text="Работодателю обязательно: название предприятия или организации.",
    )
    employer_offers = forms.MultipleChoiceField(
        label="Что организация предлагает молодёжи",
        required=False,
        choices=EmployerOffer.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Такого варианта нет в списке."},
    )
    employer_offer_details = forms.CharField(
        label="Подробнее о предложении",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Сколько мест, для каких специальностей, какие условия — по желанию.",
    )
    publication = forms.BooleanField(
        label="Я согласен(на), чтобы мои фамилия, имя и профессия были указаны на странице кружка, "
        "с которым я буду работать",
        required=False,
        help_text="Необязательно. Без этого согласия ваше имя на сайте не появится.",
    )

    def __init__(self, *args, call, **kwargs):
        self.call = call
        super().__init__(*args, **kwargs)
        self.publication_consent_text = ConsentText.objects.current(ConsentText.Kind.PUBLICATION)
        self.fields["publication"].initial = False
        # Only the audiences the call is addressed to; the call's own region is the likely answer.
        call_audiences = [code for code in call.audience_codes if code in Audience.values]
        if call_audiences:
            self.fields["audience"].choices = [
                (value, label) for value, label in Audience.choices if value in call_audiences
            ]
            self.fields["audience"].error_messages["invalid_choice"] = (
                "Этот призыв адресован другим участникам: "
                + ", ".join(str(Audience(code).label).lower() for code in call_audiences)
                + ". Посмотрите другие призывы в списке."
            )
        if call.region_id and not self.is_bound:
            self.fields["region"].initial = call.region_id

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name.split(" ")) < 2 or not any(char.isalpha() for char in name):
            raise forms.ValidationError("Укажите фамилию и имя — через пробел, например «Иванов Иван».")
        return name

    def clean_city(self):
        city = " ".join(self.cleaned_data["city"].split())
        if not any(char.isalpha() for char in city):
            raise forms.ValidationError("Укажите название города или посёлка.")
        return city

    def clean_experience(self):
        experience = self.cleaned_data["experience"].strip()
        if len(experience) < MIN_EXPERIENCE_LENGTH:
            raise forms.ValidationError(
                "Расскажите чуть подробнее — хотя бы одно-два предложения "
                f"(от {MIN_EXPERIENCE_LENGTH} знаков)."
            )
        return experience

    def clean(self):
        cleaned_data = super().clean()
        if not self.call.is_open():
            raise forms.ValidationError(CLOSED_MESSAGE, code="closed")
        contact_errors = "phone" in self.errors or "email" in self.errors
        if not cleaned_data.get("phone") and not cleaned_data.get("email") and not contact_errors:
            self.add_error(
                "phone", "Укажите телефон или электронную почту, чтобы координатор мог связаться с вами."
            )
        if cleaned_data.get("audience") == Audience.EMPLOYERS:
            if not cleaned_data.get("organization"):
                self.add_error("organization", "Работодателю нужно указать организацию.")
            if not cleaned_data.get("employer_offers") and "employer_offers" not in self.errors:
                self.add_error(
                    "employer_offers",
                    "Отметьте, что организация предлагает: стажировки, работу для выпускников "
                    "или рабочие места для людей с инвалидностью.",
                )
        else:
            # Only employers make offers; what someone else ticked there is not stored.
            cleaned_data["employer_offers"] = []
            cleaned_data["employer_offer_details"] = ""
        return cleaned_data
