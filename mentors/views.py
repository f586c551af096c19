from django.http import HttpResponseRedirect
from django.urls import reverse

from home.applications.ratelimit import APPLICATION_SUBMISSIONS, RATE_LIMITED_MESSAGE
from home.applications.views import ApplicationStatusView, keep_private
from mentors.forms import MentorApplicationForm
from mentors.models import MentorApplication
from mentors.submission import submit_application

SUCCESS_SESSION_KEY = "mentors:application-sent"

DUPLICATE_MESSAGE = "Ваша заявка на этот призыв уже подана и ещё рассматривается — вторая не нужна. "
# What to do next depends on whether the person gave an e-mail: without one, no letter came.
DUPLICATE_WITH_EMAIL = (
    "Статус можно посмотреть по личной ссылке из письма, которое пришло после первой заявки. Если письмо "
    "потерялось, запросите новую ссылку на странице «Мои заявки» или свяжитесь с контактным лицом призыва."
)
DUPLICATE_WITHOUT_EMAIL = (
    "Статус можно посмотреть по личной ссылке, которую мы показали после отправки первой заявки. Если она не "
    "сохранилась, свяжитесь с контактным лицом призыва — его телефон и почта указаны на этой странице."
)


def duplicate_message(data) -> str:
    return DUPLICATE_MESSAGE + (DUPLICATE_WITH_EMAIL if data.get("email") else DUPLICATE_WITHOUT_EMAIL)


def status_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("mentor_application_status", args=[token]))


def call_page(page, request):
    """The call with its application form while it is open; a POST submits the form to the same address."""
    notice = None
    status = 200
    form = None
    if request.method == "POST":
        form = MentorApplicationForm(request.POST, call=page)
        if not APPLICATION_SUBMISSIONS.allows(request):
            form.is_valid()  # show what else needs fixing, keep everything typed
            notice = RATE_LIMITED_MESSAGE
            status = 429
        elif form.is_valid():
            submission = submit_application(page, form, request, lambda token: status_url(request, token))
            if submission.duplicate:
                notice = duplicate_message(form.cleaned_data)
            else:
                APPLICATION_SUBMISSIONS.record(request)
                request.session[SUCCESS_SESSION_KEY] = {
                    "call": page.pk,
                    "reference": submission.application.reference_number,
                    "status_url": status_url(request, submission.status_token),
                    "has_email": bool(submission.application.email),
                }
                return HttpResponseRedirect(page.url + page.reverse_subpage("application_sent"))
        elif not page.is_open():
            status = 410  # the deadline passed while the person was filling in the form
    elif page.is_open():
        form = MentorApplicationForm(call=page)
    response = page.render(request, context_overrides={"form": form, "notice": notice})
    response.status_code = status
    return keep_private(response)


def application_sent(page, request):
    """Shows the reference number and the private status link once; a reload goes back to the call."""
    sent = request.session.pop(SUCCESS_SESSION_KEY, None)
    if not sent or sent.get("call") != page.pk:
        return HttpResponseRedirect(page.url)
    response = page.render(
        request, template="mentors/application_sent.html", context_overrides={"sent": sent}
    )
    return keep_private(response)


class MentorApplicationStatusView(ApplicationStatusView):
    model = MentorApplication
    template_name = "mentors/application_status.html"
    withdrawn_message = "Заявка отозвана. Если передумаете — подайте новую на странице призыва."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call"] = self.application.call
        context["clubs"] = [match.club for match in self.application.matches.select_related("club")]
        return context
