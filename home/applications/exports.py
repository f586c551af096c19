"""CSV and XLSX exports of personal data: only for users with the model's explicit export permission,
and every export is written to ExportLog and to Wagtail's audit log.

The log keeps which filters an export used, but never the text searched for (often a child's name, which
would outlive the child's erasure): structured filters only (club, status, region, dates), and a note that a
text search narrowed the rows. Entries written before that are scrubbed by every erasure and purge.

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
from django.http import HttpResponse, QueryDict
from django.utils import timezone

from wagtail.log_actions import log

from home.models import ExportLog

from .consent import stored_ip

EXPORT_ACTION = "home.export"
SEARCH_PARAM = "q"
FREE_TEXT_NOTE = "поиск по тексту"
NOT_FILTERS = frozenset({SEARCH_PARAM, "export", "p"})
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


def stored_filters(params, filterset=None, prefix="") -> str:
    """What ExportLog keeps of an export's query: the structured filters of `filterset` with valid values
    (a range filter's parts, `created_at_after`, count as its own), never free text; a text search is noted
    as «поиск по тексту». Without a filterset (old entries), everything but the search is kept."""
    names = errors = None
    if filterset is not None:
        names, errors = set(filterset.form.fields), set(filterset.form.errors)
    kept = QueryDict(mutable=True)
    for key in params:
        if key in NOT_FILTERS:
            continue
        if names is not None:
            name = next((name for name in names if key == name or key.startswith(f"{name}_")), None)
            if name is None or name in errors:
                continue
        kept.setlist(key, params.getlist(key))
    parts = [part for part in (prefix, kept.urlencode()) if part]
    text = "&".join(parts)
    if any(value.strip() for value in params.getlist(SEARCH_PARAM)):
        text = f"{text}; {FREE_TEXT_NOTE}" if text else FREE_TEXT_NOTE
    return text


def scrub_searches_from_export_log() -> int:
    """Removes the searched text from entries written before searches stopped being stored."""
    scrubbed = 0
    for entry in ExportLog.objects.filter(filters__contains=f"{SEARCH_PARAM}=").only("pk", "filters"):
        structured, _separator, note = entry.filters.partition("; ")
        cleaned = stored_filters(QueryDict(structured))
        if note and FREE_TEXT_NOTE not in cleaned:
            cleaned = f"{cleaned}; {note}" if cleaned else note
        if cleaned != entry.filters:
            ExportLog.objects.filter(pk=entry.pk).update(filters=cleaned)
            scrubbed += 1
    return scrubbed


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
