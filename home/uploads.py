"""Checks on files editors upload to the document library: the content must be what the extension says.

Wagtail already refuses disallowed extensions and oversized files. A renamed file (an HTML page or a script
saved as `.pdf`, an executable as `.docx`) would still pass and later be served from our domain, so the first
bytes are compared with what each allowed format must start with.
"""

from django.core.exceptions import ValidationError

from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)  # docx, xlsx, pptx, odt, ods, odp are zip containers
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # doc, xls before 2007
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "doc": OLE,
    "xls": OLE,
    "rtf": (b"{\\rtf",),
}
PLAIN_TEXT = {"txt", "csv"}
# Markup that a browser would run if the file were ever opened inline.
ACTIVE_MARKUP = (b"<script", b"<html", b"<svg", b"<!doctype html", b"<iframe", b"javascript:")

MISMATCH_MESSAGE = (
    "Содержимое файла не соответствует расширению «.%(extension)s». Сохраните документ заново в этом формате "
    "или выберите другой файл."
)
TEXT_MESSAGE = "Текстовый файл должен быть в кодировке UTF-8 и не содержать HTML-разметки или скриптов."


def check_document_content(uploaded_file, extension: str) -> None:
    head = uploaded_file.read(8192)
    uploaded_file.seek(0)
    if extension in PLAIN_TEXT:
        lowered = head.lower()
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte letter may be cut at the 8 KiB boundary: only earlier errors count.
            if error.start < len(head) - 4:
                raise ValidationError(TEXT_MESSAGE, code="bad_text") from None
        if b"\x00" in head or any(marker in lowered for marker in ACTIVE_MARKUP):
            raise ValidationError(TEXT_MESSAGE, code="bad_text")
        return
    signatures = SIGNATURES.get(extension)
    if signatures is not None and not head.startswith(signatures):
        raise ValidationError(MISMATCH_MESSAGE, code="content_mismatch", params={"extension": extension})


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "read") and "file" in self.changed_data:
            extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
            check_document_content(uploaded, extension)
        return uploaded
