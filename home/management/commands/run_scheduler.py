"""Runs Wagtail's `publish_scheduled` every few minutes, for development.

In production a systemd timer (deploy/systemd/trudovaya-publish-scheduled.timer) or cron runs
`publish_scheduled` every 5 minutes. django-tasks has no periodic tasks, so in development this small loop
stands in for the timer: `make scheduler` runs it next to `make run`.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

DEFAULT_INTERVAL_SECONDS = 300

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --interval seconds (the timer's stand-in)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=DEFAULT_INTERVAL_SECONDS, help="seconds between runs"
        )
        parser.add_argument("--once", action="store_true", help="run publish_scheduled once and stop")

    def handle(self, *args, interval, once, **options):
        while True:
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            except Exception:
                if once:
                    raise
                # A locked SQLite file or a restarting database must not end the loop: try again next time.
                logger.exception("publish_scheduled failed; retrying in %s s", interval)
            if once:
                return
            time.sleep(max(interval, 1))
