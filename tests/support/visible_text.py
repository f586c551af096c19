"""The text a person meets on an admin page: element text, the <title>, and the attributes read aloud or shown
on hover (aria-label, title, placeholder, alt). Scripts, styles and hidden JSON are left out."""

from html.parser import HTMLParser

SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}
SILENT_ELEMENTS = {"script", "style", "svg", "code", "pre", "textarea"}
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.silent_depth = 0
        # An element with `hidden` is neither shown nor read: (its tag, how deep inside it we are).
        self.hidden: tuple[str, int] | None = None

    def handle_starttag(self, tag, attrs):
        if self.hidden:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] + 1)
            return
        if "hidden" in dict(attrs) and tag not in VOID_ELEMENTS:
            self.hidden = (tag, 1)
            return
        if tag in SILENT_ELEMENTS:
            self.silent_depth += 1
        for name, value in attrs:
            if name in SPOKEN_ATTRIBUTES and value:
                self.parts.append(value)
            if (
                tag == "input"
                and name == "value"
                and value
                and dict(attrs).get("type") in ("submit", "button")
            ):
                self.parts.append(value)

    def handle_endtag(self, tag):
        if self.hidden:
            if tag == self.hidden[0]:
                depth = self.hidden[1] - 1
                self.hidden = (tag, depth) if depth else None
            return
        if tag in SILENT_ELEMENTS and self.silent_depth:
            self.silent_depth -= 1

    def handle_data(self, data):
        if not self.silent_depth and not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(page_html: str) -> str:
    parser = _VisibleText()
    parser.feed(page_html)
    return "\n".join(parser.parts)
