"""The admin's password reset: limited per address, and as fast for an unknown e-mail as for a known one.

Wagtail's own view looks the address up and sends the letter within the request, so its answer time told
whether an e-mail belongs to an editor, and nothing stopped a bot from sending letters without end. Here the
request only counts the attempt and enqueues a task; the task (home.password_reset.send_reset_letter) finds
the accounts and sends the letters, with the same templates as Wagtail.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect

from wagtail.admin.views.account import PasswordResetView, get_password_reset_form

from django_tasks import task

from home.applications.ratelimit import RateLimit

PASSWORD_RESETS = RateLimit(scope="password-reset", limit=5, window_seconds=3600)
TOO_MANY_MESSAGE = "Слишком много запросов на сброс пароля с вашего адреса. Попробуйте через час."


@task()
def send_reset_letter(email: str) -> None:
    form = get_password_reset_form()({"email": email})
    if not form.is_valid():
        return
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    form.save(
        domain_override=base.netloc,
        use_https=base.scheme == "https",
        email_template_name=PasswordResetView.email_template_name,
        subject_template_name=PasswordResetView.subject_template_name,
    )


class RateLimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        if not PASSWORD_RESETS.hit(self.request):
            form.add_error(None, TOO_MANY_MESSAGE)
            return self.form_invalid(form)
        send_reset_letter.enqueue(form.cleaned_data["email"])
        return HttpResponseRedirect(self.get_success_url())
