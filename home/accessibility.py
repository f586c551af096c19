"""«Версия для слабовидящих»: text size, colour scheme, images, letter spacing.

The choice lives in a cookie and is applied by a small stylesheet (`/special-version.css`) that every page
links to. Pages themselves stay identical for every visitor, so they can be cached; only that stylesheet
varies, and it is private to the browser, which keeps it between pages (`Vary: Cookie`: a new choice changes
the cookie, so the browser asks again; an ETag makes the question cheap once the copy is old). Works without
JavaScript: the controls are plain forms; the stylesheet also marks the chosen buttons (a visible ✓, and a
custom property from which static/js/site.js sets `aria-pressed`).
"""

from dataclasses import dataclass, fields

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import condition, require_GET

COOKIE_NAME = "special_version"
COOKIE_MAX_AGE = 365 * 24 * 3600
# How long the browser reuses its copy of the stylesheet without asking (it asks at once after a new choice).
STYLESHEET_MAX_AGE = 7 * 24 * 3600
# Bumped when overrides.css changes, so that browsers holding the old stylesheet get the new one.
STYLESHEET_VERSION = "2"

SIZES = {"normal": "Обычный", "large": "Крупный", "xlarge": "Очень крупный"}
SCHEMES = {
    "default": "Цвета сайта",
    "black-on-white": "Чёрным по белому",
    "white-on-black": "Белым по чёрному",
    "blue": "Тёмно-синим по голубому",
}
IMAGES = {"on": "Показывать", "off": "Скрыть"}
SPACING = {"normal": "Обычный", "wide": "Увеличенный"}
LEGENDS = {
    "size": "Размер текста",
    "scheme": "Цветовая схема",
    "images": "Изображения",
    "spacing": "Межбуквенный интервал",
}


@dataclass(frozen=True)
class Preferences:
    size: str = "normal"
    scheme: str = "default"
    images: str = "on"
    spacing: str = "normal"

    CHOICES = {"size": SIZES, "scheme": SCHEMES, "images": IMAGES, "spacing": SPACING}

    @classmethod
    def from_cookie(cls, value: str) -> "Preferences":
        parsed = dict(part.split(":", 1) for part in value.split("|") if ":" in part)
        return cls.from_mapping(parsed)

    @classmethod
    def from_mapping(cls, data, base: "Preferences | None" = None) -> "Preferences":
        values = {}
        for field in fields(cls):
            current = getattr(base or cls(), field.name)
            candidate = data.get(field.name, current)
            values[field.name] = candidate if candidate in cls.CHOICES[field.name] else current
        return cls(**values)

    def to_cookie(self) -> str:
        return "|".join(f"{field.name}:{getattr(self, field.name)}" for field in fields(self))

    @property
    def is_default(self) -> bool:
        return self == Preferences()

    @property
    def pressed_buttons(self) -> list[str]:
        """CSS selectors of the panel's buttons that are on now (values are known choices: safe in CSS)."""
        selectors = [
            f'.a11y-panel button[name="{field.name}"][value="{getattr(self, field.name)}"]'
            for field in fields(self)
        ]
        if self.is_default:
            selectors.append('.a11y-panel button[name="reset"]')
        return selectors


def preferences_for(request) -> Preferences:
    return Preferences.from_cookie(request.COOKIES.get(COOKIE_NAME, ""))


def _safe_next(request) -> str:
    target = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_GET
def settings_view(request):
    """The settings page; with a choice in the query, stores it and goes back where the reader was."""
    if "reset" in request.GET:
        response = HttpResponseRedirect(_safe_next(request))
        response.delete_cookie(COOKIE_NAME)
        return response
    current = preferences_for(request)
    if any(name in request.GET for name in Preferences.CHOICES):
        chosen = Preferences.from_mapping(request.GET, base=current)
        response = HttpResponseRedirect(_safe_next(request))
        if chosen.is_default:
            response.delete_cookie(COOKIE_NAME)
        else:
            response.set_cookie(
                COOKIE_NAME,
                chosen.to_cookie(),
                max_age=COOKIE_MAX_AGE,
                samesite="Lax",
                httponly=True,
                # Sent over HTTPS only wherever the session cookie is (production).
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
    groups = [
        {
            "name": name,
            "legend": LEGENDS[name],
            "options": [(value, label, getattr(current, name) == value) for value, label in options.items()],
        }
        for name, options in Preferences.CHOICES.items()
    ]
    response = render(request, "accessibility/settings.html", {"groups": groups, "next": _safe_next(request)})
    response["Cache-Control"] = "private, no-store"
    return response


def _stylesheet_etag(request) -> str:
    return f"{STYLESHEET_VERSION}-{preferences_for(request).to_cookie()}"


@require_GET
@condition(etag_func=_stylesheet_etag)
def stylesheet(request):
    preferences = preferences_for(request)
    context = {"p": preferences, "pressed": preferences.pressed_buttons}
    css = render(request, "accessibility/overrides.css", context).content
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    # The same address answers differently per reader: private, and kept per cookie (Vary). Choosing changes
    # the cookie, and with it the browser's key for the copy: the new choice applies on the very next page.
    response["Cache-Control"] = f"private, max-age={STYLESHEET_MAX_AGE}"
    response["Vary"] = "Cookie"
    return response
