"""What readers see after an editor's change, with the page cache on: it shows on the next request."""

from django.core.files.base import ContentFile

from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from stories.blocks import StoryBodyBlock
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    from home.models import NavigationSettings, SiteIdentity

    settings.PAGE_CACHE_SECONDS = 600
    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation


def test_renaming_an_industry_shows_in_the_filters_and_on_hero_pages(client, catalogue, story_index):
    from stories.models import Industry

    url = story_index.url
    assert "Металлургия" in client.get(url).text
    industry = Industry.objects.get(slug="metallurgiya")
    industry.name = "Чёрная металлургия"
    industry.save()
    assert "Чёрная металлургия" in client.get(url).text
    assert "Чёрная металлургия" in client.get(catalogue["heroes"]["steelmaker"].url).text


def test_renaming_a_tag_shows_on_the_story(client, catalogue):
    from stories.models import StoryTag

    story = catalogue["stories"]["farm"]
    assert "школьники" in client.get(story.url).text
    tag = StoryTag.objects.get(name="школьники")
    tag.name = "старшеклассники"
    tag.save()
    assert "старшеклассники" in client.get(story.url).text


def test_filter_counts_follow_publishing(client, catalogue, story_index):
    url = f"{story_index.url}?kind=interview"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    catalogue["stories"]["steel_interview"].unpublish()
    html = client.get(url).text
    assert "Интервью со сталеваром" not in html
    assert "Интервью (0)" in html  # the chosen genre stays selected, with its new count


def test_story_cards_follow_a_renamed_hero(client, catalogue, story_index):
    client.get(story_index.url)
    assert client.get(story_index.url)["X-Page-Cache"] == "hit"
    hero = catalogue["heroes"]["steelmaker"]
    hero.title = "Кузнецов Пётр Алексеевич (1930–2011)"
    hero.save_revision().publish()
    assert "Кузнецов Пётр Алексеевич (1930–2011)" in client.get(story_index.url).text


def test_related_stories_follow_publishing(client, catalogue):
    steel, interview = catalogue["stories"]["steel"], catalogue["stories"]["steel_interview"]
    client.get(steel.url)
    related = client.get(steel.url).text.split('id="related-title"')[1]
    assert "Интервью со сталеваром" in related
    interview.unpublish()
    related = client.get(steel.url).text.split('id="related-title"')[1]
    assert "Интервью со сталеваром" not in related
    assert "Открылся центр наставничества" in related  # a shared topic takes the free place


def test_a_preview_shows_the_drafts_related_stories_readers_the_published_ones(client, catalogue):
    from stories.models import StoryHero

    farm = catalogue["stories"]["farm"]  # nothing shares its hero, topic or region
    # An editor adds the steelmaker without saving: the preview shows his stories…
    farm.story_heroes = [StoryHero(hero=catalogue["heroes"]["steelmaker"])]
    preview = farm.make_preview_request().render().content.decode()
    assert "Сорок лет у мартеновской печи" in preview.split('id="related-title"')[1]
    # …readers still see the published story, not the draft's neighbours…
    assert 'id="related-title"' not in client.get(farm.url).text
    # …and the next preview is not given the readers' version.
    assert 'id="related-title"' in farm.make_preview_request().render().content.decode()


def test_a_cached_story_follows_a_renamed_hero_and_a_new_award(client, catalogue):
    from stories.factories import AwardFactory, HeroAwardFactory

    story, hero = catalogue["stories"]["steel"], catalogue["heroes"]["steelmaker"]
    client.get(story.url), client.get(hero.url)
    hero.title = "Кузнецов Пётр Алексеевич (1930–2011)"
    HeroAwardFactory(hero=hero, award=AwardFactory(name="Орден Ленина"), year=1975)
    hero.save_revision().publish()
    assert "Кузнецов Пётр Алексеевич (1930–2011)</a>" in client.get(story.url).text  # «Герой истории» line
    assert "Орден Ленина" in client.get(hero.url).text


def test_absolute_addresses_in_a_cached_head_are_the_requests_host(client, catalogue):
    from home.factories import CustomImageFactory

    story = catalogue["stories"]["steel"]
    story.cover_image = CustomImageFactory()
    story.save_revision().publish()
    assert 'content="http://localhost/' in client.get(story.url, HTTP_HOST="localhost").text
    other = client.get(story.url, HTTP_HOST="127.0.0.1").text
    assert 'property="og:image" content="http://127.0.0.1/' in other


def test_a_preview_shows_the_editors_article_not_the_cached_one(client, catalogue):
    story = catalogue["stories"]["steel"]
    client.get(story.url)
    story.lead = "Черновик вступления, ещё не опубликованный"
    preview = story.make_preview_request().render().content.decode()
    assert "Черновик вступления" in preview
    assert "Черновик вступления" not in client.get(story.url).text


def test_an_unknown_filter_value_is_reported_and_the_address_not_cached(client, catalogue, story_index):
    url = f"{story_index.url}?region=net-takogo-regiona&kind=interview"
    for _ in range(2):
        response = client.get(url)
        assert "X-Page-Cache" not in response  # a stranger's values cannot fill the cache
        html = response.text
        assert "«net-takogo-regiona» нет среди значений фильтра «Регион»" in html
        assert "Интервью со сталеваром" in html  # the known filter still applies
    story = catalogue["stories"]["farm"]
    story.kind = "interview"
    story.save_revision().publish()
    assert "Клуб юных животноводов" in client.get(url).text


def test_a_wrong_page_number_shows_the_nearest_page_with_a_notice(client, catalogue, story_index):
    notices = {
        "7": "Такой страницы нет, поэтому показана последняя страница.",
        "abc": "Номер страницы указан неверно, поэтому показана первая страница.",
        "-1": "Страницы с таким номером нет, поэтому показана первая страница.",
    }
    for number, notice in notices.items():
        response = client.get(f"{story_index.url}?page={number}")
        assert response.status_code == 200 and notice in response.text
        assert "X-Page-Cache" not in response  # only the real page's own address is cached
        assert "Интервью со сталеваром" in response.text
    StoryPageFactory(parent=story_index, title="Свежая история", slug="svezhaya").save_revision().publish()
    assert "Свежая история" in client.get(f"{story_index.url}?page=7").text


def cached(client, url):
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit", url
    return response


def make_document(title, name, content=b"%PDF-1.4 test"):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_a_renamed_document_shows_at_once_and_a_replaced_file_keeps_the_link_working(
    client, story_index, settings, tmp_path
):
    # Documents are sent from the disk (WAGTAILDOCS_SERVE_METHOD), not from the tests' in-memory storage.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path)
    document = make_document("Положение о конкурсе", "polozhenie.pdf")
    story = StoryPageFactory(
        parent=story_index,
        slug="konkurs",
        body=StreamValue(StoryBodyBlock(), [("document", {"document": document, "title": ""})]),
    )
    story.save_revision().publish()
    assert "Положение о конкурсе" in cached(client, story.url).text
    document.title = "Положение о конкурсе 2026 года"
    document.save()
    assert "Положение о конкурсе 2026 года" in client.get(story.url).text
    document.file.save("polozhenie-2026.pdf", ContentFile(b"%PDF-1.4 new"), save=False)
    document.save()
    html = client.get(story.url).text
    link = html.split('class="document-link" href="')[1].split('"')[0]
    assert link == document.url and "polozhenie-2026" in link
    assert client.get(link).status_code == 200


def test_a_picture_and_a_region_renamed_show_at_once(client, catalogue, image):
    story = catalogue["stories"]["steel"]
    story.cover_image = image
    story.save_revision().publish()
    assert "Сталевар у мартеновской печи" in cached(client, story.url).text
    image.description = "Сталевар выпускает плавку"
    image.save()
    assert "Сталевар выпускает плавку" in client.get(story.url).text
    region = story.region
    region.name = f"{region.name} (переименована)"
    region.save()
    assert region.name in client.get(story.url).text


def test_an_award_renamed_shows_on_the_hero_page(client, catalogue):
    from stories.models import Award

    hero = catalogue["heroes"]["steelmaker"]
    award = Award.objects.filter(holders__hero=hero).first()
    cached(client, hero.url)
    award.name = "Герой Социалистического Труда (1971)"
    award.save()
    assert "Герой Социалистического Труда (1971)" in client.get(hero.url).text


@pytest.mark.parametrize("change", ["collection", "site", "consent text", "media"])
def test_content_no_cached_page_shows_directly_still_retires_the_cache(client, catalogue, change):
    """A collection's name, the site's name, a consent text (shown on form pages, which are never cached) and
    a recording: each one starts a new generation, so no cached page can hold an old copy."""
    from wagtail.models import Site

    from home.models import ConsentText

    url = catalogue["stories"]["steel"].url
    cached(client, url)
    if change == "collection":
        Collection.get_first_root_node().add_child(name="Фотографии 1970-х")
    elif change == "site":
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Трудовая доблесть"
        site.save()
    elif change == "consent text":
        ConsentText.objects.create(kind=ConsentText.Kind.PERSONAL_DATA, text="Новая редакция согласия")
    else:
        from tests.stories.test_media import MP3, make_media

        make_media("audio", "rasskaz.mp3", MP3)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_redirect_created_for_a_cached_address_answers_at_once(client, catalogue):
    from wagtail.contrib.redirects.models import Redirect

    story = catalogue["stories"]["steel"]
    response = cached(client, story.url)
    assert response.status_code == 200
    story.unpublish()
    Redirect.objects.create(old_path=story.url.rstrip("/"), redirect_link="/istorii/")
    response = client.get(story.url)
    assert response.status_code in (301, 302) and response["Location"].endswith("/istorii/")
