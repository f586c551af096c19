"""Daily (deploy/systemd/trudovaya-purge-personal-data.timer): erases personal data whose retention period
(PERSONAL_DATA_RETENTION_DAYS after a final status) has ended. Prints counts per model only."""

from django.conf import settings
from django.core.management.base import BaseCommand

from home.privacy.retention import purge


class Command(BaseCommand):
    help = "Обезличивает заявки и удаляет анкеты, срок хранения которых истёк (PERSONAL_DATA_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Только посчитать, ничего не изменяя.")

    def handle(self, *args, dry_run=False, **options):
        counts = purge(dry_run=dry_run)
        verb = "будет обезличено" if dry_run else "обезличено"
        self.stdout.write(f"Срок хранения: {settings.PERSONAL_DATA_RETENTION_DAYS} дн.")
        for label, count in counts.items():
            self.stdout.write(f"{label}: {verb} {count}")
