"""The mentor application form on a call page."""

from django import forms
from django.utils import timezone

from clubs.models import Direction
from home.applications.consent import ConsentFormMixin
from home.applications.fields import AccessibleErrorsMixin, PhoneField, full_years, guardian_contact_fields
from home.applications.spam import SpamProtectionFormMixin
from home.models import ConsentText, Region
from mentors.choices import Audience, EmployerOffer, MentoringFormat

CLOSED_MESSAGE = "Приём заявок по этому призыву завершён. Посмотрите открытые призывы в списке."
MIN_EXPERIENCE_LENGTH = 20
ADULT_AGE = 18
# Senior pupils (grades 9–11) mentor younger children; younger than this is not a senior pupil.
MIN_PUPIL_MENTOR_AGE = 14
OLDEST_BIRTH_YEAR = 1900
PUPIL_FIELDS = ("birth_date", "guardian_name", "guardian_phone", "guardian_email", "guardian_consent")


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, region):
        return region.name


class MentorApplicationForm(AccessibleErrorsMixin, SpamProtectionFormMixin, ConsentFormMixin, forms.Form):
    consent_kind = ConsentText.Kind.MENTOR

    full_name = forms.CharField(
        label="Фамилия, имя и отчество",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text="Фамилия и имя через пробел, отчество — если есть.",
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
        help_text=(
            "Чем занимались, чего достигли, был ли опыт наставничества — одно-два предложения или больше "
            f"(не меньше {MIN_EXPERIENCE_LENGTH} знаков)."
        ),
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
    birth_date = forms.DateField(
        label="Дата рождения",
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        help_text="Для старшеклассников: если вам нет 18 лет, нужно согласие родителя.",
        error_messages={"invalid": "Введите дату в виде ДД.ММ.ГГГГ, например 14.03.2009."},
    )
    guardian_name, guardian_phone, guardian_email = guardian_contact_fields()
    guardian_consent = forms.BooleanField(
        label="Я родитель или законный представитель и даю согласие на обработку персональных данных "
        "моего ребёнка для участия в наставничестве",
        required=False,
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
        self.guardian_consent_text = ConsentText.objects.current(ConsentText.Kind.MENTOR_GUARDIAN)
        self.fields["guardian_consent"].initial = False
        audiences = [value for value, _label in self.fields["audience"].choices]
        if len(audiences) == 1:
            # Nothing to choose: the only answer is given, and shown so the person sees whom the call is for.
            self.fields["audience"].initial = audiences[0]
        # Employer questions only where employers are asked.
        self.asks_employers = Audience.EMPLOYERS in audiences
        if not self.asks_employers:
            del self.fields["employer_offers"], self.fields["employer_offer_details"]
        self.asks_senior_pupils = Audience.SENIOR_PUPILS in audiences
        if not self.asks_senior_pupils:
            for name in PUPIL_FIELDS:
                del self.fields[name]
        self.age = None

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

    def clean_birth_date(self):
        birth_date = self.cleaned_data.get("birth_date")
        if birth_date is None:
            return None
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError("Дата рождения не может быть в будущем.")
        if birth_date.year < OLDEST_BIRTH_YEAR:
            raise forms.ValidationError("Проверьте год рождения.")
        self.age = full_years(birth_date, today)
        return birth_date

    @property
    def is_minor_pupil(self) -> bool:
        return self.age is not None and self.age < ADULT_AGE

    def clean(self):
        cleaned_data = super().clean()
        if not self.call.is_open():
            raise forms.ValidationError(CLOSED_MESSAGE, code="closed")
        contact_errors = "phone" in self.errors or "email" in self.errors
        if not cleaned_data.get("phone") and not cleaned_data.get("email") and not contact_errors:
            self.add_error(
                "phone", "Укажите телефон или электронную почту, чтобы координатор мог связаться с вами."
            )
        if cleaned_data.get("audience") == Audience.SENIOR_PUPILS:
            self._clean_senior_pupil(cleaned_data)
        elif self.asks_senior_pupils:
            # Only a pupil's birth date and parent are asked; what someone else typed there is not stored.
            self.age = None
            for name in ("guardian_name", "guardian_phone", "guardian_email"):
                cleaned_data[name] = ""
            cleaned_data["birth_date"] = None
            cleaned_data["guardian_consent"] = False
            for name in ("birth_date", "guardian_phone", "guardian_email"):
                self.errors.pop(name, None)
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

    def _clean_senior_pupil(self, cleaned_data):
        if cleaned_data.get("birth_date") is None:
            if "birth_date" not in self.errors:
                self.add_error("birth_date", "Старшекласснику нужно указать дату рождения.")
            return
        if self.age < MIN_PUPIL_MENTOR_AGE:
            self.add_error(
                "birth_date",
                f"Наставниками становятся старшеклассники с {MIN_PUPIL_MENTOR_AGE} лет. Проверьте дату "
                "рождения — или запишитесь в кружок: там тоже нужны активные ребята.",
            )
            return
        if self.age >= ADULT_AGE:
            for name in ("guardian_name", "guardian_phone", "guardian_email"):
                cleaned_data[name] = ""
            cleaned_data["guardian_consent"] = False
            return
        if not cleaned_data.get("guardian_name"):
            self.add_error(
                "guardian_name",
                "Вам нет 18 лет: укажите фамилию, имя и отчество родителя или законного представителя.",
            )
        guardian_contact_errors = "guardian_phone" in self.errors or "guardian_email" in self.errors
        has_guardian_contact = cleaned_data.get("guardian_phone") or cleaned_data.get("guardian_email")
        if not has_guardian_contact and not guardian_contact_errors:
            self.add_error("guardian_phone", "Укажите телефон или электронную почту родителя.")
        if not cleaned_data.get("guardian_consent"):
            self.add_error(
                "guardian_consent",
                "Вам нет 18 лет: нужно согласие родителя или законного представителя. Попросите его "
                "прочитать текст согласия и отметить галочку.",
            )
