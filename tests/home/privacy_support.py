"""Records of one person in every place the site keeps personal data, for the privacy tests."""

from home.applications import tokens
from home.factories import FormFieldFactory, FormPageFactory
from home.models import ConsentRecord, ConsentText, VolunteerFormSubmission


def consent(name, email="", ip="203.0.113.7", kind=ConsentText.Kind.PERSONAL_DATA, covers="Заявка"):
    return ConsentRecord.objects.create(
        text=ConsentText.objects.current(kind),
        ip_address=ip,
        given_by_name=name,
        given_by_email=email,
        covers=covers,
    )


def club_application(club, *, child_name, email="", phone="", guardian_email="", guardian_phone="", **fields):
    from clubs.factories import ClubApplicationFactory

    token, digest = tokens.new_token()
    application = ClubApplicationFactory(
        club=club,
        status_token_digest=digest,
        child_name=child_name,
        email=email,
        phone=phone,
        guardian_name=f"Родитель {child_name}",
        guardian_email=guardian_email,
        guardian_phone=guardian_phone,
        school="Школа № 57",
        motivation=f"{child_name} любит паять",
        consent=consent(f"Родитель {child_name}", guardian_email or email),
        **fields,
    )
    application.status_changes.create(from_status="", to_status="new", note="Заявка подана на сайте.")
    return application, token


def mentor_application(call, *, full_name, email="", phone="", publication=False, **fields):
    from mentors.factories import MentorApplicationFactory

    token, digest = tokens.new_token()
    application = MentorApplicationFactory(
        call=call,
        status_token_digest=digest,
        full_name=full_name,
        email=email,
        phone=phone,
        consent=consent(full_name, email, kind=ConsentText.Kind.MENTOR),
        publication_consent=(
            consent(full_name, email, kind=ConsentText.Kind.PUBLICATION) if publication else None
        ),
        **fields,
    )
    return application, token


def volunteer_form(home_page):
    page = FormPageFactory(parent=home_page, title="Стать волонтёром", slug="volontery")
    FormFieldFactory(page=page, label="Фамилия и имя", field_type="singleline")
    FormFieldFactory(page=page, label="Электронная почта", field_type="email", required=False)
    FormFieldFactory(page=page, label="Телефон", field_type="singleline", required=False)
    return page


def volunteer_submission(form_page, *, name, email="", phone=""):
    return VolunteerFormSubmission.objects.create(
        page=form_page,
        form_data={"familiya_i_imya": name, "elektronnaya_pochta": email, "telefon": phone},
        consent=consent(name, email, kind=ConsentText.Kind.VOLUNTEER, covers=f"Анкета «{form_page.title}»"),
    )
