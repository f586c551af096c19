import pytest

from stories.factories import AwardFactory, IndustryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 12))
    return client


def test_awards_industries_and_topics_are_managed_as_snippets(admin_client, story_index):
    AwardFactory(name="Орден Трудовой Славы I степени", kind="order_labour_glory")
    IndustryFactory(name="Металлургия", slug="metallurgiya")
    html = admin_client.get("/admin/snippets/stories/award/").text
    assert "Орден Трудовой Славы I степени" in html
    assert (
        "Орден Трудовой Славы"
        in admin_client.get("/admin/snippets/stories/award/?kind=order_labour_glory").text
    )
    assert "Металлургия" in admin_client.get("/admin/snippets/stories/industry/").text
    assert admin_client.get("/admin/snippets/stories/storytag/").status_code == 200


def test_editors_can_open_the_forms_for_new_stories_and_heroes(admin_client, story_index, hero_index):
    assert admin_client.get(f"/admin/pages/add/stories/storypage/{story_index.pk}/").status_code == 200
    html = admin_client.get(f"/admin/pages/add/stories/heropage/{hero_index.pk}/").text
    assert "Фамилия, имя, отчество" in html and "Хроника жизни" in html
