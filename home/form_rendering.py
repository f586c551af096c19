"""Form widgets written by Python, the same HTML Django's widget templates give.

Django renders every widget through the template engine, and a <select> renders each <option> through a
template of its own: the club directory's filter form (89 regions, nine fields) cost two fifths of the page's
CPU time. The common widgets (inputs, textarea, select and their options) are written here directly; any
other template (radio lists, a widget with a custom template) still goes through the engine.
tests/home/test_form_rendering.py checks the output against Django's templates, character for character.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

WIDGETS = "django/forms/widgets/"
OPTION_TEMPLATE = WIDGETS + "select_option.html"


def _attrs(attrs) -> str:
    # django/forms/widgets/attrs.html: False leaves the attribute out, True writes it bare.
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(value)}"')
    return "".join(parts)


def _input(widget) -> str:
    value = widget["value"]
    value_attr = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value_attr}{_attrs(widget['attrs'])}>"
    )


def _textarea(widget) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def _option(option) -> str:
    return (
        f'<option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>"
    )


# Templates that are nothing but django/forms/widgets/input.html.
INPUT_TYPES = (
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "hidden",
    "number",
    "password",
    "search",
    "tel",
)
INPUTS = {WIDGETS + name + ".html" for name in (*INPUT_TYPES, "text", "time", "url", "input")}


class PythonWidgetRenderer(DjangoTemplates):
    """The site's FORM_RENDERER (settings/base.py)."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and set(context) <= {"widget"}:
            if template_name in INPUTS:
                return _input(widget)
            if template_name == WIDGETS + "textarea.html":
                return _textarea(widget)
            if template_name == WIDGETS + "select.html":
                return self._select(widget, request)
        return super().render(template_name, context, request)

    def _select(self, widget, request) -> str:
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in group_choices:
                if option["template_name"] != OPTION_TEMPLATE:  # a custom option: the template does it all
                    return super().render(WIDGETS + "select.html", {"widget": widget}, request)
                parts.append("\n  " + _option(option) + "\n")  # the option template ends with a line break
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)
