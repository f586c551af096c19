"""Factories for calls for mentors, mentor applications and matches; used by the demo content and tests."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from clubs.models import Direction
from home.applications import tokens
from home.applications.references import next_reference_number
from home.models import Region
from mentors.choices import Audience, MentoringFormat, Status
from mentors.models import CallAudience, MentorApplication, MentorCallIndexPage, MentorCallPage, MentorMatch


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class MentorCallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Наставникам"
    intro = "Станьте наставником для ребят из кружков и клубов вашего региона."
    show_in_menus = True

    class Meta:
        model = MentorCallIndexPage


class MentorCallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Призыв наставников № {n}")
    lead = "Ищем мастеров своего дела, готовых делиться опытом с молодёжью."
    mentor_tasks = "Проводить занятия раз в неделю и помогать ребятам с проектами."
    time_commitment = "2–3 часа в неделю, от полугода"
    deadline = factory.LazyFunction(lambda: in_days(30))
    contact_name = "Смирнова Анна Сергеевна"
    contact_email = "nastavniki@example.org"

    class Meta:
        model = MentorCallPage

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        """`audiences=[Audience.STUDENTS, …]`; every audience when not given."""
        codes = extracted if extracted is not None else Audience.values
        self.audiences.set(CallAudience.objects.filter(code__in=codes))
        if create:
            self.save()


class MentorApplicationFactory(factory.django.DjangoModelFactory):
    reference_number = factory.LazyFunction(next_reference_number)
    status_token_digest = factory.LazyFunction(lambda: tokens.new_token()[1])
    status = Status.NEW
    full_name = factory.Sequence(lambda n: f"Наставник Номер {n}")
    phone = "+79123456789"
    email = factory.Sequence(lambda n: f"mentor{n}@example.org")
    region = factory.LazyFunction(lambda: Region.objects.get(slug="moskva"))
    city = "Москва"
    audience = Audience.VETERANS
    profession = "Токарь-универсал"
    experience = "Сорок лет на заводе, двенадцать учеников стали мастерами."
    directions = factory.LazyFunction(lambda: [Direction.TECHNICAL.value])
    availability = "2 часа в неделю"
    mentoring_format = MentoringFormat.IN_PERSON

    class Meta:
        model = MentorApplication


class MentorMatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorMatch
