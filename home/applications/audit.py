"""Every look at an application's personal data in the admin is written to Wagtail's audit log (who and when),
like every export (`exports.EXPORT_ACTION`). The administrators' report «Журнал доступа к персональным данным»
(home/personal_data_report.py) lists these entries."""

from wagtail.log_actions import log

VIEW_ACTION = "home.application.view"


def log_application_view(request, application) -> None:
    log(
        instance=application,
        action=VIEW_ACTION,
        user=request.user,
        data={"model": application._meta.label, "reference_number": application.reference_number},
    )
