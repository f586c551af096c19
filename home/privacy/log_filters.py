"""Keeps the values of database rows out of error logs.

PostgreSQL explains a failed constraint with the row's values ("DETAIL:  Key (club_id, child_key,
birth_date)=(5, иванов артём, 2013-07-14) already exists."), and Django logs an unhandled error with its
whole exception chain. This filter (on the log handlers, settings.LOGGING) keeps each database error's first
line, its type and its traceback, and drops the rest.
"""

import logging

from django.db import DatabaseError


class LoggedError(Exception):
    """Stands in for an exception of a chain that holds a database error: its type and message, with a
    database error's message cut to its first line. The exceptions themselves are never changed."""


def _is_database_error(error) -> bool:
    return isinstance(error, DatabaseError) or type(error).__module__.startswith(("psycopg", "sqlite3"))


def _chain(error):
    seen = []
    while error is not None and all(error is not other for other in seen):
        seen.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return seen


def _stand_in(error) -> LoggedError:
    message = str(error).strip()
    if _is_database_error(error):
        message = message.splitlines()[0] if message else ""
    stand_in = LoggedError(f"{type(error).__module__}.{type(error).__qualname__}: {message}")
    stand_in.__traceback__ = error.__traceback__
    return stand_in


def without_database_detail(error):
    chain = _chain(error)
    if not any(_is_database_error(link) for link in chain):
        return error
    stand_ins = [_stand_in(link) for link in chain]
    for stand_in, cause in zip(stand_ins, stand_ins[1:], strict=False):
        stand_in.__cause__ = cause
    return stand_ins[0]


class DropDatabaseErrorDetail(logging.Filter):
    def filter(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            error = without_database_detail(record.exc_info[1])
            if error is not record.exc_info[1]:
                record.exc_info = (type(error), error, error.__traceback__)
                record.exc_text = None
        return True
