"""`{% form_field field %}`: a field with its label, help text and error, the markup every public form uses.

It was a template (included 13 times per club page: a sixth of the page's Python calls went to the template
engine's include machinery). Written here, it gives the same HTML, character for character; the reference
template and the comparison are in tests/home/test_form_tags.py. Widgets themselves come from
home/form_rendering.py.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def form_field(field):
    if field.is_hidden:
        return mark_safe(f"{field}\n")
    errors = ""
    if field.errors:
        text = " ".join(conditional_escape(error) for error in field.errors)
        errors = f'<p class="form-field__error" id="{conditional_escape(field.auto_id)}_error">{text}</p>'
    help_text = ""
    if field.help_text:
        help_text = (
            f'<p class="form-field__help" id="{conditional_escape(field.auto_id)}_helptext">'
            f"{conditional_escape(field.help_text)}</p>"
        )
    error_class = " form-field--error" if field.errors else ""
    label_for = conditional_escape(field.id_for_label)
    label = conditional_escape(field.label)
    if field.widget_type == "checkbox":
        html = (
            f'\n<div class="form-field form-field--checkbox{error_class}">\n    {errors}\n    {field}\n'
            f'    <label for="{label_for}">{label}</label>\n    {help_text}\n</div>\n\n'
        )
    else:
        required = ' <span class="form-field__required">(обязательно)</span>' if field.field.required else ""
        html = (
            f'\n<div class="form-field{error_class}">\n'
            f'    <label for="{label_for}">{label}{required}</label>\n'
            f"    {help_text}\n    {errors}\n    {field}\n</div>\n\n"
        )
    return mark_safe(html)  # every value above is escaped, the widget is Django's own HTML
