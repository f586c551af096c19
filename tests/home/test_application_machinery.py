"""The shared application machinery in home/applications, used by every kind of application."""

import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory

import pytest

from home.applications import notifications, tokens
from home.applications.exports import Column, neutralise, write_csv, write_xlsx
from home.applications.fields import PhoneField, full_years, years_word
from home.applications.ratelimit import RateLimit
from home.applications.references import next_reference_number, reserve_numbers
from home.applications.spam import SpamProtectionFormMixin, sign_started_at
from home.applications.working_days import overdue_since, subtract_working_days
from home.models import ConsentText

MSK = ZoneInfo("Europe/Moscow")


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


# --- reference numbers -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reference_numbers_are_sequential_per_year_and_zero_padded():
    assert next_reference_number(year=2026) == "2026-000001"
    assert next_reference_number(year=2026) == "2026-000002"
    assert reserve_numbers(3, year=2026) == ["2026-000003", "2026-000004", "2026-000005"]
    assert next_reference_number(year=2027) == "2027-000001"


# --- tokens --------------------------------------------------------------------------------------------


def test_status_tokens_are_unguessable_and_only_their_digest_is_kept():
    token, digest = tokens.new_token()
    other, _ = tokens.new_token()
    assert token != other and len(token) >= 40
    assert digest == tokens.digest(token) and token not in digest and len(digest) == 64
    assert tokens.looks_like_token(token)
    assert not tokens.looks_like_token("../../etc/passwd")
    assert not tokens.looks_like_token("x" * 500)


# --- consent texts ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_kind_of_consent_text_has_a_first_version():
    for kind in ConsentText.Kind.values:
        current = ConsentText.objects.current(kind)
        assert current is not None and current.version >= 1 and current.text


@pytest.mark.django_db
def test_editing_a_consent_text_creates_a_new_version_and_keeps_the_old():
    first = ConsentText.objects.current(ConsentText.Kind.PUBLICATION)
    original_text, original_version = first.text, first.version
    versions = ConsentText.objects.filter(kind=ConsentText.Kind.PUBLICATION).count()
    first.text = "Новая редакция согласия на публикацию."
    first.save()
    assert first.version == original_version + 1
    assert (
        ConsentText.objects.current(ConsentText.Kind.PUBLICATION).text
        == "Новая редакция согласия на публикацию."
    )
    assert (
        ConsentText.objects.get(kind=ConsentText.Kind.PUBLICATION, version=original_version).text
        == original_text
    )
    saved_again = ConsentText.objects.current(ConsentText.Kind.PUBLICATION)
    saved_again.save()  # nothing changed: no new version
    assert ConsentText.objects.filter(kind=ConsentText.Kind.PUBLICATION).count() == versions + 1


# --- spam protection -------------------------------------------------------------------------------


class SignUpForm(SpamProtectionFormMixin, forms.Form):
    name = forms.CharField()


def spam_form(**data):
    return SignUpForm(
        {"name": "Анна", "website": "", "form_started": sign_started_at(time.time() - 30), **data}
    )


def test_a_person_filling_the_form_passes():
    assert spam_form().is_valid()


def test_honeypot_filled_is_refused():
    form = spam_form(website="http://spam.example")
    assert not form.is_valid()
    assert form.spam_error_codes == {"honeypot"}


def test_a_form_sent_faster_than_a_person_can_type_is_refused():
    form = spam_form(form_started=sign_started_at(time.time() - 1))
    assert not form.is_valid()
    assert form.spam_error_codes == {"too_fast"}
    # The re-rendered form lets the person's next click through at once (after «Назад» and a resubmit).
    assert spam_form(form_started=form.data["form_started"]).is_valid()


# Fixed ids: the stale timestamp's value differs per collection, and pytest-xdist's workers must collect the
# same test ids.
@pytest.mark.parametrize(
    "value",
    ["", "forged", sign_started_at(time.time() - 3 * 24 * 3600)],
    ids=["empty", "forged", "stale"],
)
def test_a_forged_or_stale_timestamp_is_refused_and_replaced(value):
    form = spam_form(form_started=value)
    assert not form.is_valid()
    assert form.spam_error_codes == {"stale"}
    assert form.data["form_started"] != value  # the next attempt carries a fresh timestamp


# --- fields ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("+7 912 345-67-89", "+79123456789"),
        ("8 (912) 345 67 89", "+79123456789"),
        ("9123456789", "+79123456789"),
    ],
)
def test_phone_numbers_typed_any_usual_way_are_cleaned(typed, cleaned):
    assert PhoneField().clean(typed) == cleaned


@pytest.mark.parametrize(
    "typed", ["12345", "+7 912 345-67-89-00", "позвоните маме", "+1 (555) 123", "+7 (912) 345-67-8"]
)
def test_wrong_phone_numbers_get_a_russian_message(typed):
    with pytest.raises(forms.ValidationError, match="Проверьте номер телефона"):
        PhoneField().clean(typed)


def test_full_years_turn_on_the_birthday():
    born = datetime(2012, 3, 14).date()
    assert full_years(born, datetime(2026, 3, 13).date()) == 13
    assert full_years(born, datetime(2026, 3, 14).date()) == 14


@pytest.mark.parametrize(
    ("n", "word"), [(1, "год"), (2, "года"), (5, "лет"), (11, "лет"), (14, "лет"), (21, "год")]
)
def test_years_word(n, word):
    assert years_word(n) == word


# --- rate limit -------------------------------------------------------------------------------------------


def request_from(ip, forwarded=None):
    extra = {"REMOTE_ADDR": ip}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_rate_limit_counts_per_address():
    limit = RateLimit(scope="test", limit=3, window_seconds=60)
    assert [limit.hit(request_from("10.0.0.1")) for _ in range(4)] == [True, True, True, False]
    assert limit.hit(request_from("10.0.0.2"))


def test_rate_limit_allows_counts_nothing_and_record_counts_an_accepted_submission():
    limit = RateLimit(scope="test", limit=2, window_seconds=60)
    request = request_from("10.0.0.1")
    assert all(limit.allows(request) for _ in range(10))
    limit.record(request)
    assert limit.allows(request)
    limit.record(request)
    assert not limit.allows(request)
    assert limit.allows(request_from("10.0.0.2"))
    # A separate identity (a digest of an e-mail, say) has its own count.
    assert limit.allows(request, identity="someone")


def test_rate_limit_fails_open_when_the_cache_is_down(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "add", broken)
    monkeypatch.setattr(cache, "incr", broken)
    monkeypatch.setattr(cache, "get", broken)
    limit = RateLimit(scope="test", limit=1, window_seconds=60)
    assert all(limit.hit(request_from("10.0.0.1")) for _ in range(5))
    assert all(limit.allows(request_from("10.0.0.1")) for _ in range(5))
    assert "cache down" in caplog.text


def test_rate_limit_holds_across_processes_on_redis(settings):
    """Two app processes = two separate Redis connections: the count is shared."""
    from django.core.cache.backends.redis import RedisCache

    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    # A prefix of its own instead of emptying the database, which other test processes (pytest-xdist workers)
    # use at the same time; the counter expires with its 60-second window.
    options = {"KEY_PREFIX": f"ratelimit-test-{uuid.uuid4().hex}"}
    first = RedisCache("redis://127.0.0.1:6379/15", options)
    second = RedisCache("redis://127.0.0.1:6379/15", options)
    limit = RateLimit(scope="test", limit=2, window_seconds=60)
    from home.applications import ratelimit

    results = []
    for process_cache in (first, second, first, second):
        ratelimit.cache = process_cache
        try:
            results.append(limit.hit(request_from("10.0.0.1")))
        finally:
            ratelimit.cache = cache
    assert results == [True, True, False, False]


# --- exports -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil")', "+7 900", "-1+1", "@SUM(A1)", "\t=1"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert neutralise(value) == "'" + value


def test_plain_values_are_exported_as_they_are():
    assert neutralise("Иванов Артём") == "Иванов Артём"
    assert neutralise(True) == "да"
    assert neutralise(None) == ""
    assert neutralise(datetime(2026, 3, 14).date()) == "14.03.2026"


def test_csv_opens_in_russian_excel():
    content = write_csv([{"name": "=1+1"}], [Column("Имя", lambda row: row["name"])])
    assert content.startswith("\ufeff".encode())
    assert content.decode("utf-8-sig").splitlines() == ["Имя", "'=1+1"]


def test_xlsx_cells_are_text_never_formulas():
    import io

    from openpyxl import load_workbook

    content = write_xlsx([{"name": "=1+1"}], [Column("Имя", lambda row: row["name"])], title="Заявки")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Имя"
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"


# --- working days ------------------------------------------------------------------------------------------


def msk(*args):
    return datetime(*args, tzinfo=MSK)


@pytest.mark.parametrize(
    ("now", "cutoff"),
    [
        (msk(2026, 11, 26, 10, 0), msk(2026, 11, 23, 10, 0)),  # Thursday -> Monday
        (msk(2026, 11, 23, 10, 0), msk(2026, 11, 18, 10, 0)),  # Monday -> Wednesday before the weekend
        (msk(2026, 11, 28, 15, 0), msk(2026, 11, 25, 0, 0)),  # Saturday: the clock stands at Friday's end
        (msk(2026, 11, 29, 15, 0), msk(2026, 11, 25, 0, 0)),  # Sunday: the same
    ],
)
def test_three_working_days_skip_weekends(now, cutoff):
    assert subtract_working_days(now, 3) == cutoff


def test_an_application_sent_on_friday_evening_is_overdue_on_wednesday_evening():
    sent = msk(2026, 11, 27, 17, 0)  # Friday
    assert not sent < overdue_since(msk(2026, 12, 2, 16, 59))  # Wednesday, 2 working days 23 h 59 min
    assert sent < overdue_since(msk(2026, 12, 2, 17, 1))


# --- notifications --------------------------------------------------------------------------------------


@pytest.fixture
def registered_message():
    from home.models import Region

    @notifications.email_builder("tests.hello")
    def build(region, extra):
        return notifications.Email(to=["someone@example.org"], subject=f"Привет, {region.name}", body="Текст")

    yield "tests.hello", Region.objects.get(slug="moskva")
    notifications._builders.pop("tests.hello")


@pytest.mark.django_db
def test_mail_is_sent_by_a_background_task_after_commit(
    registered_message, django_capture_on_commit_callbacks
):
    message, region = registered_message
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notifications.send_later(message, region)
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert [m.subject for m in mail.outbox] == ["Привет, Москва"]


@pytest.mark.django_db
def test_mail_failure_is_retried(registered_message, monkeypatch):
    message, region = registered_message
    attempts = []
    real_send = notifications.EmailMessage.send

    def flaky_send(self, fail_silently=False):
        attempts.append(1)
        if len(attempts) < 3:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, fail_silently)

    monkeypatch.setattr(notifications.EmailMessage, "send", flaky_send)
    notifications.deliver_email.enqueue(message, region._meta.label, region.pk, {})
    assert len(attempts) == 3
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_mail_gives_up_after_the_last_attempt(registered_message, monkeypatch):
    message, region = registered_message
    attempts = []

    def dead_send(self, fail_silently=False):
        attempts.append(1)
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(notifications.EmailMessage, "send", dead_send)
    notifications.deliver_email.enqueue(message, region._meta.label, region.pk, {})
    assert len(attempts) == notifications.MAX_ATTEMPTS
    assert mail.outbox == []
