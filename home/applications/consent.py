"""The consent checkbox of application forms and the record of the consent given.

The checkbox is separate from the rest of the form and never ticked in advance (152-FZ asks for a specific,
informed and conscious consent); the version of the text shown, the time and the address are stored.
"""

from django import forms

from home.client_ip import client_ip
from home.models import ConsentRecord, ConsentText

CONSENT_REQUIRED_MESSAGE = (
    "Без согласия на обработку персональных данных мы не можем принять заявку. "
    "Отметьте галочку, если согласны."
)


class ConsentFormMixin(forms.Form):
    consent = forms.BooleanField(
        label="Я даю согласие на обработку персональных данных",
        required=True,
        error_messages={"required": CONSENT_REQUIRED_MESSAGE},
    )

    consent_kind = ConsentText.Kind.PERSONAL_DATA

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = ConsentText.objects.current(self.consent_kind)
        # Never ticked in advance, whatever the caller passed as initial data.
        self.fields["consent"].initial = False

    def consent_wording(self, text) -> str:
        """What the person reads for `text`: the text itself. Forms whose fields editors choose add the list
        of those fields (home/volunteer_forms.py)."""
        return text.text if text is not None else ""

    @property
    def shown_consent_text(self) -> str:
        return self.consent_wording(self.consent_text)

    def record_consent(self, request, *, name: str, email: str, covers: str, text=None) -> ConsentRecord:
        """Stores who agreed to which version, when and from where, and the very words shown; `text`
        overrides the form's own text (e.g. a parent agreeing for a child)."""
        text = text or self.consent_text
        if text is None:
            raise ConsentText.DoesNotExist(f"No consent text of kind {self.consent_kind}")
        return ConsentRecord.objects.create(
            text=text,
            text_shown=self.consent_wording(text),
            ip_address=stored_ip(request),
            given_by_name=name[:200],
            given_by_email=email,
            covers=covers[:300],
        )


def stored_ip(request) -> str | None:
    """The visitor's address as evidence of consent or export, or None when it is not an IP address."""
    from django.core.validators import validate_ipv46_address

    value = client_ip(request)
    try:
        validate_ipv46_address(value)
    except forms.ValidationError:
        return None
    return value
