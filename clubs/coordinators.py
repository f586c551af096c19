"""Who may be a club's coordinator, who may choose them, and the audit trail of every change.

A coordinator sees children's applications and receives mentors' contacts, so listing someone on a club page
grants access to personal data. Hence:

* only active members of the group «Координаторы кружков» can be chosen (and only they get e-mails with
  personal data, even if an older page lists someone else);
* only holders of «Может назначать доступ к персональным данным» (GRANT_PERMISSION) see the field at all:
  for anyone else the field is not part of the page form, so a crafted POST cannot set it either;
* every change is written to Wagtail's audit log: a draft by a permitted person, and each time a change takes
  effect (the page is created or published).
"""

from django import forms
from django.contrib.auth import get_user_model

from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as audit_log

COORDINATORS_GROUP = "Координаторы кружков"
GRANT_CODENAME = "grant_personal_data_access"
GRANT_PERMISSION = f"clubs.{GRANT_CODENAME}"
GRANT_PERMISSION_NAME = "Может назначать доступ к персональным данным"
COORDINATOR_CHOICES = {"groups__name": COORDINATORS_GROUP, "is_active": True}

CHANGED_ACTION = "clubs.coordinators"
DRAFT_ACTION = "clubs.coordinators.draft"


def eligible_coordinators():
    users = get_user_model().objects.filter(**COORDINATOR_CHOICES)
    return users.order_by("last_name", "first_name", "username")


def person_label(user) -> str:
    """Full name, with the login and e-mail that tell two namesakes apart."""
    name = user.get_full_name().strip()
    contact = ", ".join(part for part in (user.get_username(), user.email) if part)
    return f"{name} ({contact})" if name else contact


def acting_coordinators(club):
    """The club's coordinators who may really act as such (defence in depth: a page saved before the field was
    restricted, or a person who has since left the group, never gets personal data)."""
    return club.coordinators.filter(**COORDINATOR_CHOICES)


def restrict_coordinator_field(form):
    """Offers only members of the coordinators group in a page form, by full name."""
    field = form.fields.get("coordinators")
    if field is None:
        return
    field.queryset = eligible_coordinators()
    field.label_from_instance = person_label
    field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
    field.help_text = (
        "Видят и обрабатывают заявки в этот кружок, получают письма о новых заявках. "
        f"Выбрать можно только участников группы «{COORDINATORS_GROUP}»."
    )


def log_change(club, before_ids, after_ids, *, draft=False, user=None):
    """One audit-log entry naming who was added and who was removed; nothing when nothing changed."""
    before_ids, after_ids = set(before_ids), set(after_ids)
    if before_ids == after_ids:
        return None
    people = {user.pk: user for user in get_user_model().objects.filter(pk__in=before_ids | after_ids)}

    def described(ids):
        return sorted(person_label(people[pk]) for pk in ids if pk in people)

    return audit_log(
        instance=club,
        action=DRAFT_ACTION if draft else CHANGED_ACTION,
        user=user,
        data={"added": described(after_ids - before_ids), "removed": described(before_ids - after_ids)},
    )


class CoordinatorsChangedFormatter(LogFormatter):
    label = "Координаторы кружка изменены"
    prefix = "Координаторы кружка"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = []
        if data.get("added"):
            parts.append("добавлены: " + "; ".join(data["added"]))
        if data.get("removed"):
            parts.append("убраны: " + "; ".join(data["removed"]))
        return f"{self.prefix} — " + ", ".join(parts) if parts else self.prefix


class CoordinatorsDraftFormatter(CoordinatorsChangedFormatter):
    label = "Координаторы кружка изменены в черновике"
    prefix = "Координаторы кружка в черновике (вступят в силу после публикации)"


def register_log_actions(actions):
    actions.register_action(CHANGED_ACTION)(CoordinatorsChangedFormatter)
    actions.register_action(DRAFT_ACTION)(CoordinatorsDraftFormatter)
