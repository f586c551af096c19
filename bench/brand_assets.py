"""The organization's emblem and every picture made from it: favicons, app icons, the default sharing picture.

    .venv/bin/python bench/brand_assets.py

The emblem is drawn here, from geometry, in the spirit of the awards of labour: a five-pointed star inside a
gear, framed by two laurel branches. The SVG files are written by this script; the PNG and ICO files are
rasterized from them with `rsvg-convert` (Debian's librsvg2-bin) and composed with Pillow, the sharing
picture's lettering in PT Serif (Debian's fonts-paratype). Those two tools are needed only to regenerate: the
results are committed under static/img/, and tests/home/test_brand.py checks the SVGs still match this code.
"""

import io
import math
import subprocess
import sys
from pathlib import Path

STATIC_IMG = Path(__file__).resolve().parent.parent / "static" / "img"

RED = "#7a1f1f"
RED_DARK = "#5a1414"
GOLD = "#f3c969"
GOLD_DEEP = "#d9a441"
SURFACE = "#f6f2ea"

CENTER = 50.0


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _point(radius: float, degrees: float, cx: float = CENTER, cy: float = CENTER) -> str:
    angle = math.radians(degrees)
    return f"{_fmt(cx + radius * math.cos(angle))},{_fmt(cy + radius * math.sin(angle))}"


def star_path(outer: float = 16.5, inner: float = 6.6) -> str:
    """A five-pointed star, one point straight up (SVG's y axis points down)."""
    points = [_point(outer if i % 2 == 0 else inner, -90 + i * 36) for i in range(10)]
    return "M" + " L".join(points) + "Z"


def gear_path(teeth: int = 12, outer: float = 31.0, root: float = 26.5, hole: float = 20.5) -> str:
    """A gear with trapezoid teeth and a round hole (drawn with the even-odd rule)."""
    step = 360 / teeth
    points = []
    for i in range(teeth):
        start = i * step - 90
        points += [
            _point(root, start - step * 0.27),
            _point(outer, start - step * 0.17),
            _point(outer, start + step * 0.17),
            _point(root, start + step * 0.27),
        ]
    rim = "M" + " L".join(points) + "Z"
    top, bottom = _fmt(CENTER - hole), _fmt(CENTER + hole)
    r = _fmt(hole)
    hole_path = (
        f"M{_fmt(CENTER)},{top} A{r},{r} 0 1,0 {_fmt(CENTER)},{bottom} A{r},{r} 0 1,0 {_fmt(CENTER)},{top}Z"
    )
    return rim + " " + hole_path


def laurel_branch(radius: float = 40.0, first: float = 104.0, last: float = 222.0, pairs: int = 7) -> str:
    """The left branch: a stem along a circle from the bottom up the left side, leaves in pairs along it."""
    stem = f"M{_point(radius, first)} A{_fmt(radius)},{_fmt(radius)} 0 0,1 {_point(radius, last)}"
    parts = [f'<path d="{stem}" fill="none" stroke="{GOLD}" stroke-width="1.6" stroke-linecap="round"/>']
    for i in range(pairs):
        degrees = first + 8 + (last - first - 8) * i / (pairs - 1)
        # The stem's direction of growth at this point (towards larger angles), in SVG degrees.
        tangent = degrees + 90
        size = 1 - 0.35 * i / (pairs - 1)  # leaves get smaller towards the tip
        for side in (-1, 1):  # outside the stem, inside it
            cx, cy = (float(v) for v in _point(radius - side * 3.4, degrees).split(","))
            rotation = tangent + side * 40
            parts.append(
                f'<ellipse cx="{_fmt(cx)}" cy="{_fmt(cy)}" rx="{_fmt(5.6 * size)}" ry="{_fmt(2.3 * size)}" '
                f'transform="rotate({_fmt(rotation)} {_fmt(cx)} {_fmt(cy)})"/>'
            )
    tip_x, tip_y = _point(radius, last + 5).split(",")
    parts.append(f'<circle cx="{tip_x}" cy="{tip_y}" r="1.9"/>')
    return "\n    ".join(parts)


def emblem_svg(title: str = "Эмблема «Трудовая доблесть России»") -> str:
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img">
  <title>{title}</title>
  <circle cx="50" cy="50" r="49" fill="{RED}"/>
  <circle cx="50" cy="50" r="46.5" fill="none" stroke="{GOLD}" stroke-width="1.2"/>
  <g fill="{GOLD}">
    {laurel_branch()}
  </g>
  <g fill="{GOLD}" transform="matrix(-1 0 0 1 100 0)">
    {laurel_branch()}
  </g>
  <path d="{gear_path()}" fill="{GOLD_DEEP}" fill-rule="evenodd"/>
  <circle cx="50" cy="50" r="20.5" fill="{RED_DARK}"/>
  <path d="{star_path()}" fill="{GOLD}"/>
</svg>
"""


def favicon_svg() -> str:
    """At 16 px the laurel is a blur: the tab icon keeps the gear and the star, larger, on the red disc."""
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <circle cx="50" cy="50" r="50" fill="{RED}"/>
  <g transform="translate(50 50) scale(1.5) translate(-50 -50)">
    <path d="{gear_path()}" fill="{GOLD_DEEP}" fill-rule="evenodd"/>
    <path d="{star_path(18, 7.2)}" fill="{GOLD}"/>
  </g>
</svg>
"""


SVG_FILES = {"emblem.svg": emblem_svg, "favicon.svg": favicon_svg}


def _rasterize(svg: str, size: int, background: str | None = None):
    from PIL import Image

    command = ["rsvg-convert", "-w", str(size), "-h", str(size)]
    if background:
        command += ["-b", background]
    png = subprocess.run(command, input=svg.encode(), capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGBA")


def sharing_picture(
    organization: str = "Трудовая доблесть России", motto: str = "Наставничество — связь поколений"
):
    """1200×630, the size OpenGraph readers crop least: the emblem and the name on the site's colours."""
    from PIL import Image, ImageDraw, ImageFont

    fonts = Path("/usr/share/fonts/truetype/paratype")
    picture = Image.new("RGB", (1200, 630), SURFACE)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 1200, 24), fill=RED)
    draw.rectangle((0, 606, 1200, 630), fill=RED)
    draw.rectangle((0, 600, 1200, 606), fill=GOLD_DEEP)
    emblem = _rasterize(emblem_svg(), 400)
    picture.paste(emblem, (70, 115), emblem)
    title = ImageFont.truetype(str(fonts / "PTF75F.ttf"), 76)
    body = ImageFont.truetype(str(fonts / "PTS55F.ttf"), 40)
    y = 190
    for line in organization.replace(" доблесть", "\nдоблесть").split("\n"):
        draw.text((530, y), line, font=title, fill=RED)
        y += 92
    draw.text((530, y + 26), motto, font=body, fill="#1b1b1b")
    return picture


def write_all() -> None:
    STATIC_IMG.mkdir(parents=True, exist_ok=True)
    for name, draw in SVG_FILES.items():
        (STATIC_IMG / name).write_text(draw(), encoding="utf-8")
    emblem, favicon = emblem_svg(), favicon_svg()
    # The home-screen icons sit on an opaque square (iOS fills transparency with black).
    for name, size in (("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)):
        icon = _rasterize(emblem, size, background=SURFACE).convert("RGB")
        icon.save(STATIC_IMG / name, optimize=True)
    _rasterize(favicon, 48).save(STATIC_IMG / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    sharing_picture().save(STATIC_IMG / "og-default.png", optimize=True)


if __name__ == "__main__":
    write_all()
    sys.stdout.write(f"Written to {STATIC_IMG}\n")
