"""Pictures for the demo site, drawn with Pillow so that nothing is downloaded."""

import hashlib
import io
import math
import random

from django.conf import settings
from django.core.files.images import ImageFile

from PIL import Image, ImageDraw, ImageFilter

from home.factories import CustomImageFactory
from home.models import CustomImage

PALETTES = [
    ((248, 231, 196), (196, 120, 64), (122, 31, 31)),
    ((214, 230, 242), (74, 116, 156), (34, 52, 84)),
    ((232, 240, 214), (120, 156, 72), (52, 84, 34)),
    ((240, 224, 232), (160, 96, 120), (84, 34, 60)),
    ((236, 232, 224), (140, 128, 112), (60, 56, 50)),
]


def _gradient(size, top, bottom):
    width, height = size
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / max(height - 1, 1)
        color = tuple(int(top[i] + (bottom[i] - top[i]) * ratio) for i in range(3))
        draw.line([(0, y), (width, y)], fill=color)
    return image


def draw_landscape(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 8, height // 3)
    draw.ellipse([sun_x - 60, sun_y - 60, sun_x + 60, sun_y + 60], fill=(250, 214, 120))
    for layer in range(3):
        base = height * (0.55 + 0.13 * layer)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, 80)))
        points.append((width, height))
        shade = tuple(max(0, c - 30 * layer) for c in dark)
        draw.polygon(points, fill=shade)
    return image.filter(ImageFilter.SMOOTH)


def draw_factory(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    ground = int(height * 0.75)
    for _ in range(rng.randint(3, 6)):
        x = rng.randint(0, width - 120)
        chimney_height = rng.randint(height // 4, height // 2)
        draw.rectangle([x, ground - chimney_height, x + 40, ground], fill=dark)
        for puff in range(4):
            radius = 20 + puff * 12
            cx, cy = x + 20 + puff * 30, ground - chimney_height - 30 - puff * 35
            draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=(235, 235, 235))
    x = 0
    while x < width:
        building_width = rng.randint(120, 260)
        building_height = rng.randint(height // 8, height // 3)
        draw.rectangle([x, ground - building_height, x + building_width, ground], fill=dark)
        for wx in range(x + 15, x + building_width - 20, 35):
            for wy in range(ground - building_height + 15, ground - 20, 40):
                draw.rectangle([wx, wy, wx + 18, wy + 22], fill=(250, 214, 120))
        x += building_width + rng.randint(0, 30)
    draw.rectangle([0, ground, width, height], fill=tuple(max(0, c - 40) for c in dark))
    return image


def draw_portrait(rng: random.Random, size=(900, 1200)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    skin = rng.choice([(233, 196, 160), (214, 170, 130), (240, 210, 180)])
    cx = width // 2
    draw.ellipse([cx - 330, int(height * 0.62), cx + 330, int(height * 1.25)], fill=dark)  # shoulders
    draw.rectangle([cx - 60, int(height * 0.5), cx + 60, int(height * 0.68)], fill=skin)  # neck
    draw.ellipse([cx - 170, int(height * 0.22), cx + 170, int(height * 0.6)], fill=skin)  # face
    hair = rng.choice([(60, 40, 30), (120, 120, 120), (200, 200, 200), (90, 60, 30)])
    draw.chord([cx - 175, int(height * 0.18), cx + 175, int(height * 0.5)], 180, 360, fill=hair)
    star_y = int(height * 0.78)
    draw.regular_polygon((cx - 150, star_y, 28), 5, fill=(243, 201, 105))
    return image.filter(ImageFilter.SMOOTH)


def draw_group(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    count = rng.randint(4, 7)
    for index in range(count):
        cx = int(width * (index + 0.5) / count)
        scale = rng.uniform(0.7, 1.0)
        head = int(70 * scale)
        top = int(height * 0.35 + rng.randint(-30, 40))
        draw.ellipse(
            [cx - head, top, cx + head, top + 2 * head], fill=rng.choice([(233, 196, 160), (214, 170, 130)])
        )
        draw.rounded_rectangle(
            [cx - int(110 * scale), top + 2 * head + 10, cx + int(110 * scale), height],
            radius=40,
            fill=tuple(max(0, c - rng.randint(0, 60)) for c in dark),
        )
    return image


def _star_points(cx, cy, outer, inner, turn=-90):

    return [
        (
            cx + (outer if i % 2 == 0 else inner) * math.cos(math.radians(turn + i * 36)),
            cy + (outer if i % 2 == 0 else inner) * math.sin(math.radians(turn + i * 36)),
        )
        for i in range(10)
    ]


def _gear(draw, cx, cy, radius, teeth, fill, hole_fill):

    step = 360 / teeth
    points = []
    for i in range(teeth):
        for offset, r in ((-0.27, radius * 0.82), (-0.17, radius), (0.17, radius), (0.27, radius * 0.82)):
            angle = math.radians(i * step + offset * step)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=fill)
    hole = radius * 0.35
    draw.ellipse([cx - hole, cy - hole, cx + hole, cy + hole], fill=hole_fill)


# Club directions, each with a picture of its own kind, in the same flat style as the rest.
def draw_gears(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    _gear(draw, width * 0.38, height * 0.55, height * 0.32, 12, dark, middle)
    _gear(draw, width * 0.66, height * 0.36, height * 0.2, 9, (250, 214, 120), light)
    _gear(draw, width * 0.7, height * 0.78, height * 0.14, 8, tuple(max(0, c - 30) for c in dark), light)
    return image


def draw_star(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    cx, cy = width / 2, height * 0.48
    for ray in range(16):
        angle = math.radians(ray * 22.5)
        draw.line(
            [(cx, cy), (cx + width * math.cos(angle), cy + width * math.sin(angle))], fill=light, width=18
        )
    draw.polygon(_star_points(cx, cy, height * 0.34, height * 0.14), fill=(198, 40, 40))
    draw.rectangle([0, height * 0.86, width, height], fill=dark)
    return image


def draw_map(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    folds = [width * 0.15, width * 0.38, width * 0.62, width * 0.85]
    for index in range(3):
        shade = (246, 238, 220) if index % 2 == 0 else (230, 220, 198)
        top, bottom = height * (0.18 if index % 2 == 0 else 0.24), height * (0.82 if index % 2 == 0 else 0.88)
        draw.polygon(
            [
                (folds[index], top),
                (folds[index + 1], top + 30 - 60 * (index % 2)),
                (folds[index + 1], bottom),
                (folds[index], bottom),
            ],
            fill=shade,
        )
    x, y = width * 0.22, height * 0.7
    for _ in range(14):
        nx, ny = x + rng.randint(25, 50), y - rng.randint(-20, 40)
        draw.line([(x, y), (nx, ny)], fill=dark, width=8)
        x, y = nx + 15, ny
    draw.ellipse([x - 30, y - 75, x + 30, y - 15], fill=(198, 40, 40))
    draw.polygon([(x - 26, y - 40), (x + 26, y - 40), (x, y)], fill=(198, 40, 40))
    return image


def draw_sport(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, height * 0.62, width, height], fill=(176, 72, 52))
    for lane in range(1, 5):
        y = height * 0.62 + lane * height * 0.076
        draw.line([(0, y), (width, y)], fill=(250, 246, 236), width=6)
    radius = height * 0.16
    cx, cy = width * 0.68, height * 0.4
    draw.ellipse(
        [cx - radius, cy - radius, cx + radius, cy + radius], fill=(250, 246, 236), outline=dark, width=8
    )
    draw.polygon(_star_points(cx, cy, radius * 0.45, radius * 0.3, turn=-90)[::2], fill=dark)
    return image


def draw_heart(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    cx, cy, r = width / 2, height * 0.42, height * 0.17
    red = (198, 40, 40)
    draw.ellipse([cx - 2 * r, cy - r, cx, cy + r], fill=red)
    draw.ellipse([cx, cy - r, cx + 2 * r, cy + r], fill=red)
    draw.polygon(
        [(cx - 1.95 * r, cy + 0.25 * r), (cx + 1.95 * r, cy + 0.25 * r), (cx, cy + 2.3 * r)], fill=red
    )
    draw.rounded_rectangle([width * 0.1, height * 0.8, width * 0.9, height * 0.95], radius=30, fill=dark)
    return image


def draw_palette(rng: random.Random, size=(1200, 800)):
    light, middle, dark = rng.choice(PALETTES)
    image = _gradient(size, light, middle)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse([width * 0.2, height * 0.15, width * 0.8, height * 0.85], fill=(240, 222, 190))
    draw.ellipse([width * 0.58, height * 0.55, width * 0.68, height * 0.7], fill=middle)
    colours = [(198, 40, 40), (250, 214, 120), (52, 120, 84), (34, 78, 156), dark]
    for index, colour in enumerate(colours):
        x = width * (0.3 + 0.08 * index)
        y = height * (0.35 + (0.06 if index % 2 else 0))
        draw.ellipse([x - 36, y - 36, x + 36, y + 36], fill=colour)
    return image


DRAWINGS = {
    "landscape": draw_landscape,
    "factory": draw_factory,
    "portrait": draw_portrait,
    "group": draw_group,
    "gears": draw_gears,
    "star": draw_star,
    "map": draw_map,
    "sport": draw_sport,
    "heart": draw_heart,
    "palette": draw_palette,
}


class DemoPictures:
    """Creates demo images once, by title, so that reruns and large scales reuse them."""

    def __init__(self, seed: int):
        self.seed = seed

    def get(self, title: str, kind: str, alt: str, credit: str = "", collection=None) -> CustomImage:
        existing = CustomImage.objects.filter(title=title).first()
        if existing:
            return existing
        rng = random.Random(f"{self.seed}:{title}")
        picture = DRAWINGS[kind](rng)
        factor = getattr(settings, "DEMO_PICTURE_SIZE_FACTOR", 1.0)
        if factor != 1.0:
            # Tests draw small pictures: AVIF renditions of full-size ones take about a second each.
            picture = picture.resize(
                (max(1, int(picture.width * factor)), max(1, int(picture.height * factor)))
            )
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
        digest = hashlib.sha1(title.encode()).hexdigest()[:10]
        extra = {"collection": collection} if collection is not None else {}
        return CustomImageFactory(
            title=title,
            description=alt,
            credit=credit,
            file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"demo-{kind}-{digest}.jpg"),
            **extra,
        )
