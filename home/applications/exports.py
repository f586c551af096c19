"""CSV and XLSX exports of personal data: only for users with the model's explicit export permission,
and every export is written to ExportLog and to Wagtail's audit log.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab / carriage return) are
prefixed with an apostrophe, so that a child's name like "=HYPERLINK(...)" stays text on the coordinator's
computer (CSV injection).
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone

from wagtail.log_actions import log

from home.models import ExportLog

from .consent import stored_ip

EXPORT_ACTION = "home.export"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable


def export_permission(model) -> str:
    return f"{model._meta.app_label}.export_{model._meta.model_name}"


def can_export(user, model) -> bool:
    return user.is_active and user.has_perm(export_permission(model))


def neutralise(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, bool):
        return "да" if value else "нет"
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def rows(items: Iterable, columns: list[Column]):
    yield [column.heading for column in columns]
    for item in items:
        yield [neutralise(column.value(item)) for column in columns]


def write_csv(items, columns) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # what Russian-locale Excel expects
    writer.writerows(rows(items, columns))
    # The byte-order mark makes Excel read UTF-8 Cyrillic correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(items, columns, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows(items, columns):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_response(request, queryset, columns: list[Column], file_format: str, *, filename: str, filters=""):
    """The file download, after checking the export permission and logging the export."""
    model = queryset.model
    if not can_export(request.user, model):
        raise PermissionDenied("Нет права выгружать эти данные.")
    if file_format not in FORMATS:
        raise ValueError(f"Unknown export format {file_format!r}")
    items = list(queryset)
    if file_format == "csv":
        content = write_csv(items, columns)
    else:
        content = write_xlsx(items, columns, title=str(model._meta.verbose_name_plural))
    entry = ExportLog.objects.create(
        user=request.user,
        username=request.user.get_username(),
        model_label=model._meta.label,
        file_format=file_format,
        row_count=len(items),
        filters=str(filters)[:1000],
        ip_address=stored_ip(request),
    )
    log(
        instance=entry,
        action=EXPORT_ACTION,
        user=request.user,
        data={"model": model._meta.label, "format": file_format, "rows": len(items)},
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
