from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import DemoContext, registered_builders
from home.models import HomePage


class Command(BaseCommand):
    help = "Builds a realistic Russian demo site. Idempotent: a rerun adds only what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiplies the volume of stories, heroes, clubs and applications (100 ≈ 10 000 stories).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has content under the home page.",
        )
        parser.add_argument(
            "--accounts",
            action=BooleanOptionalAction,
            default=None,
            help="Create one demo account per role (default: only when DEBUG is on).",
        )

    def handle(self, *args, scale, if_empty, accounts, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No HomePage: run `manage.py migrate` first.")
        already_loaded = if_empty and home.get_children().exists()
        if already_loaded:
            self.stdout.write("Демо-содержимое уже загружено: добавляю только недостающие учётные записи.")
        create_accounts = settings.DEBUG if accounts is None else accounts
        context = DemoContext(scale=scale, create_accounts=create_accounts, log=self.stdout.write)
        context.shared["home"] = home
        for builder in registered_builders():
            if already_loaded and not builder.always:
                continue
            self.stdout.write(f"→ {builder.name}")
            with transaction.atomic():
                builder.build(context)
        if not already_loaded:
            self.stdout.write(self.style.SUCCESS("Демо-содержимое готово."))
        if context.accounts:
            self.stdout.write("\nДемо-учётные записи (только для разработки), вход: /admin/")
            for role, username, password in context.accounts:
                self.stdout.write(f"  {role:<28} логин: {username:<16} пароль: {password}")
