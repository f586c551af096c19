"""Factories for the shared models; used by the demo content and by the tests."""

from wagtail.models import Collection

import factory
import wagtail_factories

from home.models import CustomImage, HomePage, StandardPage


class CustomImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Изображение {n}")
    description = factory.LazyAttribute(lambda image: f"Иллюстрация: {image.title}")
    credit = ""
    # wagtail-factories would make a new root collection per image; images belong in the existing tree.
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Главная"
    heading = "Трудовая доблесть России"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    lead = "Короткое вступление к странице."

    class Meta:
        model = StandardPage
