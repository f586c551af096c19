"""E-mail about applications, sent by background tasks and retried when the mail server fails.

A request never waits for the mail server: it enqueues a task after its transaction commits (so nothing is
sent about an application that was rolled back). The TASKS backend runs tasks immediately in development and
tests and stores them for a worker in production (django_tasks_db).

The task carries the model, the primary key and the name of a registered message, and renders the e-mail when
it runs, so the queue holds no personal data beyond what the e-mail itself needs (the one-time status link).
A failed send is retried MAX_ATTEMPTS times with a growing delay (where the backend can defer tasks).
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAYS = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]


@dataclass
class Email:
    to: list[str]
    subject: str
    body: str
    reply_to: list[str] = field(default_factory=list)


# message name -> function(instance, extra) returning an Email, or None when there is nobody to write to.
_builders: dict[str, Callable] = {}


def email_builder(name: str):
    def register(function):
        _builders[name] = function
        return function

    return register


def render_email(template_prefix: str, context: dict, to, reply_to=()) -> Email | None:
    """`<prefix>_subject.txt` and `<prefix>_body.txt` rendered with `context`; None when `to` is empty."""
    recipients = [address for address in dict.fromkeys(to) if address]
    if not recipients:
        return None
    context = {"base_url": settings.WAGTAILADMIN_BASE_URL, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context).strip() + "\n"
    return Email(to=recipients, subject=subject, body=body, reply_to=[a for a in reply_to if a])


def send_later(message: str, instance, **extra):
    """Sends the registered `message` about `instance` once the current transaction commits."""
    if message not in _builders:
        raise KeyError(f"No e-mail builder registered as {message!r}")
    label = instance._meta.label
    pk = instance.pk
    transaction.on_commit(lambda: deliver_email.enqueue(message, label, pk, extra))


def _retry(message, model_label, pk, extra, attempt):
    retry_task = deliver_email
    backend = deliver_email.get_backend()
    if backend.supports_defer:
        delay = RETRY_DELAYS[min(attempt - 1, len(RETRY_DELAYS) - 1)]
        retry_task = deliver_email.using(run_after=timezone.now() + delay)
    retry_task.enqueue(message, model_label, pk, extra, attempt + 1)


class MailDeliveryFailed(Exception):
    """The last attempt failed; says how, never to whom."""


@task()
def deliver_email(message: str, model_label: str, pk, extra: dict, attempt: int = 1) -> str:
    instance = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
    if instance is None:
        return "gone"  # deleted (e.g. by the retention purge) before the mail went out
    email = _builders[message](instance, extra)
    if email is None:
        return "nobody"
    try:
        EmailMessage(
            subject=email.subject, body=email.body, to=email.to, reply_to=email.reply_to or None
        ).send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        if attempt >= MAX_ATTEMPTS:
            # The error's type only: SMTPRecipientsRefused and friends carry the recipients' addresses.
            logger.error(
                "E-mail %s about %s %s failed %s times: %s",
                message,
                model_label,
                pk,
                attempt,
                type(error).__name__,
            )
            # The task's failure is logged (and stored by the database backend) with its traceback: without
            # the original exception, which names the recipients.
            raise MailDeliveryFailed(f"{type(error).__name__} after {attempt} attempts") from None
        logger.warning(
            "E-mail %s about %s %s failed (attempt %s), retrying", message, model_label, pk, attempt
        )
        _retry(message, model_label, pk, extra, attempt)
        return "retrying"
    return "sent"
