"""Factories for the shared models; used by the demo content and by the tests."""

from wagtail.models import Collection

import factory
import wagtail_factories

from home.models import CustomImage, FormField, FormPage, HomePage, StandardPage


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


class FormPageFactory(wagtail_factories.PageFactory):
    """A volunteer form; pass its fields as `form_fields=[FormField(label=…, field_type=…), …]`."""

    title = factory.Sequence(lambda n: f"Анкета {n}")
    intro = "Заполните анкету — мы свяжемся с вами."
    to_address = "volontery@example.org"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Поле {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField
