"""Error logs keep a database error's type, first line and traceback, never the row values PostgreSQL adds."""

import datetime
import io
import logging

from django.conf import settings
from django.db import IntegrityError, transaction

import pytest

from clubs.factories import ClubApplicationFactory, ClubIndexPageFactory, ClubPageFactory
from home.privacy.log_filters import DropDatabaseErrorDetail

SECRET_DETAIL = (
    'duplicate key value violates unique constraint "club_application_one_active_per_child"\n'
    "DETAIL:  Key (club_id, child_key, birth_date)=(5, иванов артём, 2013-07-14) already exists."
)


def logged(error) -> str:
    """What the site's console handler writes when a view fails with `error`."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(DropDatabaseErrorDetail())
    logger = logging.getLogger("tests.log_filters")
    logger.addHandler(handler)
    try:
        try:
            raise error
        except Exception:
            logger.exception("Internal Server Error: /kruzhki/yunyy-tehnik/")
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_the_console_handler_has_the_filter():
    console = settings.LOGGING["handlers"]["console"]
    assert "no_database_detail" in console["filters"]
    factory = settings.LOGGING["filters"]["no_database_detail"]["()"]
    assert factory == "home.privacy.log_filters.DropDatabaseErrorDetail"
    root_filters = [type(f) for handler in logging.getLogger("django").handlers for f in handler.filters]
    assert DropDatabaseErrorDetail in root_filters


def test_a_database_error_keeps_its_first_line_and_traceback_only():
    text = logged(IntegrityError(SECRET_DETAIL))
    assert "иванов артём" not in text and "2013-07-14" not in text
    assert "club_application_one_active_per_child" in text
    assert "IntegrityError" in text and "Traceback" in text and "test_log_filters.py" in text


def test_the_whole_chain_is_cleaned_and_other_errors_are_untouched():
    def wrapped():
        try:
            raise IntegrityError(SECRET_DETAIL)
        except IntegrityError as error:
            raise RuntimeError("saving the application failed") from error

    try:
        wrapped()
    except RuntimeError as error:
        chained = error
    text = logged(chained)
    assert "иванов артём" not in text
    assert "saving the application failed" in text and "club_application_one_active_per_child" in text
    assert str(chained.__cause__) == SECRET_DETAIL  # the exception itself is never changed
    assert "a plain error with a value 42" in logged(ValueError("a plain error with a value 42"))


@pytest.mark.django_db
def test_a_real_constraint_violation_is_logged_without_the_childs_data(home_page):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="tehnik")
    born = datetime.date(2013, 7, 14)
    ClubApplicationFactory(club=club, child_name="Иванов Артём", birth_date=born)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        ClubApplicationFactory(club=club, child_name="иванов  артём", birth_date=born)
    text = logged(caught.value)
    assert "иванов артём" not in text and "2013-07-14" not in text
    assert "IntegrityError" in text
