"""The private status page of an application: status, history, and a button to withdraw.

The token in the address is the only key, so the page is never cached, never indexed, and sends no Referer
to other sites: `Referrer-Policy: same-origin` keeps the address (with its token) within our own origin. Not
`no-referrer`: with it Chromium posts the withdrawal form with `Origin: null`, which Django's CSRF check
must refuse.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView

INVALID_LINK_TEMPLATE = "home/invalid_status_link.html"
STATUS_PAGE_REFERRER_POLICY = "same-origin"


def keep_private(response):
    """Form pages and status pages hold personal data or a CSRF token: no shared or stored caching.

    Not a reason to hide them from search engines: a club page or a call for mentors carries its form and must
    be found. Pages that must not be indexed say so themselves (status pages below; the "sent" pages and
    landing pages with <meta name="robots" content="noindex">).
    """
    patch_cache_control(response, private=True, no_store=True)
    return response


class ApplicationStatusView(TemplateView):
    model = None
    withdrawn_message = "Заявка отозвана. Если передумаете — подайте новую."

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.application = self.model.find_by_token(kwargs.get("token", ""))

    def get_history(self):
        return list(self.application.status_changes.all())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(application=self.application, history=self.get_history())
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") != "withdraw":
            return self.get(request, *args, **kwargs)
        if request.POST.get("confirm") != "yes":
            messages.error(request, "Чтобы отозвать заявку, отметьте «Да, я хочу отозвать заявку».")
            return redirect(request.path)
        try:
            self.application.withdraw()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.withdrawn_message)
        return redirect(request.path)

    def dispatch(self, request, *args, **kwargs):
        if self.application is None:
            # A mistyped, replaced («Мои заявки») or erased link: say so and what to do, with a 404 status.
            response = TemplateResponse(request, INVALID_LINK_TEMPLATE, {}, status=404)
        else:
            response = super().dispatch(request, *args, **kwargs)
        response["Referrer-Policy"] = STATUS_PAGE_REFERRER_POLICY
        response["X-Robots-Tag"] = "noindex, nofollow"
        return keep_private(response)
