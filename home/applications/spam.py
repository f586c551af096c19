"""Cheap protection of public forms against bots: a honeypot field and a minimum fill time.

The form carries a signed timestamp of when it was first shown. A person needs several seconds to fill in
an application; a script posting at once, or replaying a form from days ago, is refused. The honeypot is an
ordinary-looking text field hidden from people (CSS and aria-hidden): bots fill it, people never see it.
"""

import time

from django import forms
from django.core import signing

SIGNING_SALT = "home.applications.spam.form-started"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60

HONEYPOT_MESSAGE = "Форма заполнена не так, как это делает человек. Обновите страницу и попробуйте ещё раз."
TOO_FAST_MESSAGE = (
    "Форма отправлена быстрее, чем её обычно заполняют — так бывает, если вернуться на страницу кнопкой "
    "«Назад» и отправить её снова. Всё, что вы ввели, сохранено: проверьте данные и нажмите кнопку "
    "отправки ещё раз."
)
STALE_MESSAGE = "Страница с формой устарела. Проверьте данные и нажмите «Отправить» ещё раз."


def sign_started_at(moment: float | None = None) -> str:
    return signing.dumps(int(moment if moment is not None else time.time()), salt=SIGNING_SALT)


class SpamProtectionFormMixin(forms.Form):
    """Adds `website` (honeypot) and `form_started` (signed timestamp) to a form; checks both in clean()."""

    website = forms.CharField(
        label="Сайт (не заполняйте это поле)",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    min_fill_seconds = MIN_FILL_SECONDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_started"].initial = sign_started_at()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        self._check_fill_time(cleaned_data.get("form_started") or "")
        return cleaned_data

    def _check_fill_time(self, signed_value: str):
        try:
            started_at = signing.loads(signed_value, salt=SIGNING_SALT, max_age=MAX_FORM_AGE_SECONDS)
        except signing.BadSignature:
            self._restart_clock()
            raise forms.ValidationError(STALE_MESSAGE, code="stale") from None
        elapsed = time.time() - started_at
        if elapsed > MAX_FORM_AGE_SECONDS:
            self._restart_clock()
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        if elapsed < self.min_fill_seconds:
            # The person has now seen the form with their data and the message: the next click must pass, so
            # the re-rendered form counts as shown long enough ago (a bot gains one round trip, no more).
            self._restart_clock(at=time.time() - self.min_fill_seconds)
            raise forms.ValidationError(TOO_FAST_MESSAGE, code="too_fast")

    def _restart_clock(self, at: float | None = None):
        # The re-rendered form carries a fresh timestamp, so the person's next attempt goes through.
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("form_started")] = sign_started_at(at)

    @property
    def spam_error_codes(self) -> set[str]:
        return {error.code for error in self.non_field_errors().as_data()}
