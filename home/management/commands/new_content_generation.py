"""Starts a new content generation: every cached page and body is rebuilt on its next request.

Publishing and saving do this by themselves (home/page_cache.py). A deploy needs it once, because new
templates change how the same content renders; deploy/systemd/trudovaya-web.service runs it before the app
server starts and before a reload.
"""

from django.core.management.base import BaseCommand

from home.page_cache import current_generation, new_generation


class Command(BaseCommand):
    help = "Start a new content generation, so cached pages and fragments are rebuilt (run after a deploy)."

    def handle(self, *args, **options):
        new_generation()
        self.stdout.write(f"Новое поколение содержимого: {current_generation()}")
