"""Factories for branches, clubs and applications; used by the demo content and by the tests."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from clubs.models import (
    BranchIndexPage,
    BranchPage,
    ClubApplication,
    ClubIndexPage,
    ClubPage,
    Direction,
    Status,
)
from home.applications import tokens
from home.applications.references import next_reference_number
from home.models import Region


def region(slug="moskva"):
    return Region.objects.get(slug=slug)


class BranchIndexPageFactory(wagtail_factories.PageFactory):
    title = "Региональные отделения"
    intro = "Отделения организации в регионах и методические центры наставничества."
    show_in_menus = True

    class Meta:
        model = BranchIndexPage


class BranchPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Отделение № {n}")
    region = factory.LazyFunction(region)
    city = "Москва"
    address = "ул. Мясницкая, д. 1"
    head_name = "Иванов Иван Иванович"

    class Meta:
        model = BranchPage


class ClubIndexPageFactory(wagtail_factories.PageFactory):
    title = "Кружки и клубы"
    intro = "Найдите кружок по душе: по региону, возрасту и интересам."
    show_in_menus = True

    class Meta:
        model = ClubIndexPage


class ClubPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Кружок № {n}")
    intro = "Занятия для тех, кто любит работать руками и головой."
    direction = Direction.TECHNICAL
    age_min = 10
    age_max = 16
    region = factory.LazyFunction(region)
    city = "Москва"
    address = "ул. Ленина, д. 10"
    schedule = "Вторник и четверг, 16:00–18:00"
    capacity = 15
    leader_name = "Петров Пётр Петрович"
    email = "kruzhok@example.org"

    class Meta:
        model = ClubPage


def birth_date_for_age(age: int, today=None) -> datetime.date:
    """A birth date that makes a person `age` today, with the last birthday about half a year ago."""
    today = today or timezone.localdate()
    last_birthday = today - datetime.timedelta(days=183)
    try:
        return last_birthday.replace(year=last_birthday.year - age)
    except ValueError:  # 29 February
        return last_birthday.replace(year=last_birthday.year - age, day=28)


class ClubApplicationFactory(factory.django.DjangoModelFactory):
    reference_number = factory.LazyFunction(next_reference_number)
    status_token_digest = factory.LazyFunction(lambda: tokens.new_token()[1])
    status = Status.NEW
    child_name = factory.Sequence(lambda n: f"Участник Номер {n}")
    birth_date = factory.LazyFunction(lambda: birth_date_for_age(12))
    phone = "+79123456789"
    email = "family@example.org"
    guardian_name = "Родитель Участника"
    guardian_phone = "+79001234567"

    class Meta:
        model = ClubApplication
