"""Checks on audio and video files uploaded to the media library (wagtailmedia), and their cover pictures.

wagtailmedia checks only the extension (WAGTAILMEDIA["AUDIO_EXTENSIONS"] / ["VIDEO_EXTENSIONS"]). This form
adds a size limit per kind (MEDIA_AUDIO_MAX_UPLOAD_SIZE, MEDIA_VIDEO_MAX_UPLOAD_SIZE) and compares the first
bytes with what each allowed format must start with, so that a page or a program renamed `.mp4` is refused.
Everything is checked before the form saves, so a refused upload leaves nothing in storage.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from wagtailmedia.forms import BaseMediaForm

MP3 = (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa")  # an ID3 tag or an MPEG audio frame


def is_iso_media(head: bytes) -> bool:
    """MP4 and M4A: an ISO base media file starts with a box of type "ftyp"."""
    return head[4:8] == b"ftyp"


CHECKS = {
    "mp3": lambda head: head.startswith(MP3),
    "m4a": is_iso_media,
    "mp4": is_iso_media,
    "ogg": lambda head: head.startswith(b"OggS"),
    "webm": lambda head: head.startswith(b"\x1a\x45\xdf\xa3"),  # an EBML header
}
THUMBNAIL_CHECKS = {
    "jpg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "gif": lambda head: head.startswith((b"GIF87a", b"GIF89a")),
    "webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
}

MISMATCH_MESSAGE = (
    "Содержимое файла не соответствует расширению «.%(extension)s». Сохраните запись заново в этом формате "
    "или выберите другой файл."
)
WRONG_TYPE_MESSAGE = "Файл «.%(extension)s» нельзя загрузить как %(kind)s. Допустимые форматы: %(allowed)s."
TOO_BIG_MESSAGE = "Файл слишком большой: %(size)s. Для %(kind_genitive)s можно не больше %(limit)s."

KINDS = {
    "audio": {"name": "аудиозапись", "genitive": "аудиозаписей", "limit": "MEDIA_AUDIO_MAX_UPLOAD_SIZE"},
    "video": {"name": "видеозапись", "genitive": "видеозаписей", "limit": "MEDIA_VIDEO_MAX_UPLOAD_SIZE"},
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def allowed_extensions(kind: str) -> list[str]:
    key = "AUDIO_EXTENSIONS" if kind == "audio" else "VIDEO_EXTENSIONS"
    return settings.WAGTAILMEDIA[key]


def check_media_file(uploaded, kind: str) -> None:
    extension = extension_of(uploaded.name)
    if kind not in KINDS:
        raise ValidationError("Выберите, что загружаете: аудио или видео.", code="no_kind")
    details = KINDS[kind]
    allowed = allowed_extensions(kind)
    if extension not in allowed:
        raise ValidationError(
            WRONG_TYPE_MESSAGE,
            code="wrong_type",
            params={"extension": extension, "kind": details["name"], "allowed": ", ".join(allowed)},
        )
    limit = getattr(settings, details["limit"])
    if uploaded.size > limit:
        raise ValidationError(
            TOO_BIG_MESSAGE,
            code="too_big",
            params={
                "size": filesizeformat(uploaded.size),
                "kind_genitive": details["genitive"],
                "limit": filesizeformat(limit),
            },
        )
    check_signature(uploaded, extension, CHECKS)


def check_signature(uploaded, extension: str, checks) -> None:
    head = uploaded.read(64)
    uploaded.seek(0)
    check = checks.get(extension)
    if check is None or not check(head):
        raise ValidationError(MISMATCH_MESSAGE, code="content_mismatch", params={"extension": extension})


class SafeMediaForm(BaseMediaForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "read") and "file" in self.changed_data:
            check_media_file(uploaded, self.instance.type)
        return uploaded

    def clean_thumbnail(self):
        uploaded = self.cleaned_data.get("thumbnail")
        if uploaded and hasattr(uploaded, "read") and "thumbnail" in self.changed_data:
            if uploaded.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                raise ValidationError(
                    "Обложка слишком большая: %(size)s. Можно не больше %(limit)s.",
                    code="too_big",
                    params={
                        "size": filesizeformat(uploaded.size),
                        "limit": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
                    },
                )
            check_signature(uploaded, extension_of(uploaded.name), THUMBNAIL_CHECKS)
        return uploaded
