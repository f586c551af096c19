from django.http import HttpResponseRedirect
from django.urls import reverse

from clubs.forms import CLOSED_MESSAGE, ClubApplicationForm
from clubs.models import ClubApplication
from clubs.submission import ClubClosed, submit_application
from home.applications.ratelimit import APPLICATION_SUBMISSIONS, RATE_LIMITED_MESSAGE
from home.applications.views import ApplicationStatusView, keep_private

SUCCESS_SESSION_KEY = "clubs:application-sent"

DUPLICATE_MESSAGE = (
    "Заявка на этого участника в этот кружок уже подана и ещё рассматривается — вторая не нужна. "
)
# What to do next depends on whether an e-mail was given: without one, no letter came.
DUPLICATE_WITH_EMAIL = (
    "Статус можно посмотреть по личной ссылке из письма, которое пришло после первой заявки. Если письмо "
    "потерялось, запросите новую ссылку на странице «Мои заявки» или позвоните в кружок."
)
DUPLICATE_WITHOUT_EMAIL = (
    "Статус можно посмотреть по личной ссылке, которую мы показали после отправки первой заявки. Если она не "
    "сохранилась, позвоните или напишите в кружок — контакты указаны на этой странице."
)


def duplicate_message(data) -> str:
    given_email = data.get("email") or data.get("guardian_email")
    return DUPLICATE_MESSAGE + (DUPLICATE_WITH_EMAIL if given_email else DUPLICATE_WITHOUT_EMAIL)


def status_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("club_application_status", args=[token]))


def club_page(page, request):
    """The club page with its application form; a POST submits the form to the same address."""
    notice = None
    status = 200
    if request.method == "POST":
        form = ClubApplicationForm(request.POST, club=page)
        if not APPLICATION_SUBMISSIONS.allows(request):
            form.is_valid()  # show what else needs fixing, keep everything typed
            notice = RATE_LIMITED_MESSAGE
            status = 429
        elif form.is_valid():
            try:
                submission = submit_application(page, form, request, lambda token: status_url(request, token))
            except ClubClosed:
                form.add_error(None, CLOSED_MESSAGE)
            else:
                if submission.duplicate:
                    notice = duplicate_message(form.cleaned_data)
                else:
                    APPLICATION_SUBMISSIONS.record(request)
                    request.session[SUCCESS_SESSION_KEY] = {
                        "club": page.pk,
                        "reference": submission.application.reference_number,
                        "status_url": status_url(request, submission.status_token),
                        "waiting_list": submission.waiting_list,
                    }
                    return HttpResponseRedirect(page.url + page.reverse_subpage("application_sent"))
    else:
        form = ClubApplicationForm(club=page)
    response = page.render(request, context_overrides={"form": form, "notice": notice})
    response.status_code = status
    return keep_private(response)


def application_sent(page, request):
    """Shows the reference number and the private status link once; a reload goes back to the club."""
    sent = request.session.pop(SUCCESS_SESSION_KEY, None)
    if not sent or sent.get("club") != page.pk:
        return HttpResponseRedirect(page.url)
    response = page.render(request, template="clubs/application_sent.html", context_overrides={"sent": sent})
    return keep_private(response)


class ClubApplicationStatusView(ApplicationStatusView):
    model = ClubApplication
    template_name = "clubs/application_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["club"] = self.application.club
        return context
