"""The consent checkbox of application forms and the record of the consent given.

The checkbox is separate from the rest of the form and never ticked in advance (152-FZ asks for a specific,
informed and conscious consent); the version of the text shown, the time and the address are stored.
"""

from django import forms

from home.models import ConsentRecord, ConsentText

from .ratelimit import client_ip

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

    def record_consent(self, request, *, name: str, email: str, covers: str, text=None) -> ConsentRecord:
        """Stores who agreed to which version, when and from where; `text` overrides the form's own text
        (e.g. a parent agreeing for a child)."""
        text = text or self.consent_text
        if text is None:
            raise ConsentText.DoesNotExist(f"No consent text of kind {self.consent_kind}")
        return ConsentRecord.objects.create(
            text=text,
            ip_address=_valid_ip(client_ip(request)),
            given_by_name=name[:200],
            given_by_email=email,
            covers=covers[:300],
        )


def _valid_ip(value: str) -> str | None:
    from django.core.validators import validate_ipv46_address

    try:
        validate_ipv46_address(value)
    except forms.ValidationError:
        return None
    return value
