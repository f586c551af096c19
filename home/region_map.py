"""A map of Russia by region as a tile grid: one equal square per federal subject, placed roughly where it
lies (as Russian newsrooms draw them), so that small regions count as much as large ones and every one can be
pointed at. Drawn on the server as SVG; each tile is a link with an accessible name that includes its number,
and the same numbers are given as a table beside it.
"""

from dataclasses import dataclass

# (column, row) of each subject, west to east and north to south. Kept by hand; tests check that every
# Region has exactly one tile and no two share a square.
LAYOUT = {
    # North
    "murmanskaya-oblast": (2, 0),
    "chukotskiy-avtonomnyy-okrug": (15, 0),
    "respublika-kareliya": (1, 1),
    "arkhangelskaya-oblast": (2, 1),
    "nenetskiy-avtonomnyy-okrug": (3, 1),
    "yamalo-nenetskiy-avtonomnyy-okrug": (5, 1),
    "krasnoyarskiy-kray": (9, 1),
    "respublika-sakha-yakutiya": (11, 1),
    "magadanskaya-oblast": (13, 1),
    "kamchatskiy-kray": (15, 1),
    "sankt-peterburg": (0, 2),
    "leningradskaya-oblast": (1, 2),
    "vologodskaya-oblast": (2, 2),
    "respublika-komi": (3, 2),
    "khanty-mansiyskiy-avtonomnyy-okrug-yugra": (5, 2),
    "tomskaya-oblast": (8, 2),
    "irkutskaya-oblast": (10, 2),
    "amurskaya-oblast": (12, 2),
    "khabarovskiy-kray": (13, 2),
    "sakhalinskaya-oblast": (15, 2),
    # Centre, Volga, Urals, Siberia, Far East
    "pskovskaya-oblast": (0, 3),
    "novgorodskaya-oblast": (1, 3),
    "yaroslavskaya-oblast": (2, 3),
    "kostromskaya-oblast": (3, 3),
    "kirovskaya-oblast": (4, 3),
    "permskiy-kray": (5, 3),
    "sverdlovskaya-oblast": (6, 3),
    "tyumenskaya-oblast": (7, 3),
    "novosibirskaya-oblast": (8, 3),
    "kemerovskaya-oblast-kuzbass": (9, 3),
    "respublika-buryatiya": (10, 3),
    "zabaykalskiy-kray": (11, 3),
    "evreyskaya-avtonomnaya-oblast": (13, 3),
    "primorskiy-kray": (14, 3),
    "kaliningradskaya-oblast": (0, 4),
    "smolenskaya-oblast": (1, 4),
    "tverskaya-oblast": (2, 4),
    "ivanovskaya-oblast": (3, 4),
    "respublika-mariy-el": (4, 4),
    "udmurtskaya-respublika": (5, 4),
    "chelyabinskaya-oblast": (6, 4),
    "kurganskaya-oblast": (7, 4),
    "omskaya-oblast": (8, 4),
    "altayskiy-kray": (9, 4),
    "respublika-khakasiya": (10, 4),
    "respublika-tyva": (11, 4),
    "bryanskaya-oblast": (1, 5),
    "moskva": (2, 5),
    "vladimirskaya-oblast": (3, 5),
    "nizhegorodskaya-oblast": (4, 5),
    "chuvashskaya-respublika": (5, 5),
    "respublika-tatarstan": (6, 5),
    "respublika-bashkortostan": (7, 5),
    "respublika-altay": (9, 5),
    "kaluzhskaya-oblast": (1, 6),
    "moskovskaya-oblast": (2, 6),
    "ryazanskaya-oblast": (3, 6),
    "respublika-mordoviya": (4, 6),
    "ulyanovskaya-oblast": (5, 6),
    "samarskaya-oblast": (6, 6),
    "orenburgskaya-oblast": (7, 6),
    "kurskaya-oblast": (0, 7),
    "orlovskaya-oblast": (1, 7),
    "tulskaya-oblast": (2, 7),
    "lipetskaya-oblast": (3, 7),
    "tambovskaya-oblast": (4, 7),
    "penzenskaya-oblast": (5, 7),
    "saratovskaya-oblast": (6, 7),
    # South
    "belgorodskaya-oblast": (0, 8),
    "voronezhskaya-oblast": (1, 8),
    "volgogradskaya-oblast": (2, 8),
    "astrakhanskaya-oblast": (3, 8),
    "luganskaya-narodnaya-respublika": (0, 9),
    "rostovskaya-oblast": (1, 9),
    "respublika-kalmykiya": (2, 9),
    "donetskaya-narodnaya-respublika": (0, 10),
    "krasnodarskiy-kray": (1, 10),
    "stavropolskiy-kray": (2, 10),
    "chechenskaya-respublika": (3, 10),
    "respublika-dagestan": (4, 10),
    "zaporozhskaya-oblast": (0, 11),
    "respublika-adygeya": (1, 11),
    "karachaevo-cherkesskaya-respublika": (2, 11),
    "kabardino-balkarskaya-respublika": (3, 11),
    "respublika-severnaya-osetiya-alaniya": (4, 11),
    "respublika-ingushetiya": (5, 11),
    "khersonskaya-oblast": (0, 12),
    "respublika-krym": (1, 12),
    "sevastopol": (1, 13),
}

# Two or three letters on each tile; the full name is the tile's accessible name and is in the table.
ABBREVIATIONS = {
    "moskva": "МСК",
    "moskovskaya-oblast": "МО",
    "sankt-peterburg": "СПБ",
    "leningradskaya-oblast": "ЛО",
    "sevastopol": "СЕВ",
    "respublika-severnaya-osetiya-alaniya": "СОА",
    "respublika-sakha-yakutiya": "ЯКУ",
    "yamalo-nenetskiy-avtonomnyy-okrug": "ЯНА",
    "nenetskiy-avtonomnyy-okrug": "НАО",
    "khanty-mansiyskiy-avtonomnyy-okrug-yugra": "ХМА",
    "chukotskiy-avtonomnyy-okrug": "ЧУК",
    "evreyskaya-avtonomnaya-oblast": "ЕАО",
    "kabardino-balkarskaya-respublika": "КБР",
    "karachaevo-cherkesskaya-respublika": "КЧР",
    "donetskaya-narodnaya-respublika": "ДНР",
    "luganskaya-narodnaya-respublika": "ЛНР",
    "respublika-altay": "РА",
    "altayskiy-kray": "АЛТ",
    "kaluzhskaya-oblast": "КЛЖ",
    "kaliningradskaya-oblast": "КЛН",
    "kurskaya-oblast": "КУР",
    "kurganskaya-oblast": "КРГ",
    "krasnodarskiy-kray": "КДР",
    "krasnoyarskiy-kray": "КЯР",
    "kostromskaya-oblast": "КОС",
    "respublika-komi": "КОМ",
    "kemerovskaya-oblast-kuzbass": "КЕМ",
    "kamchatskiy-kray": "КАМ",
    "respublika-kalmykiya": "КАЛ",
    "respublika-kareliya": "КАР",
    "khabarovskiy-kray": "ХАБ",
    "respublika-khakasiya": "ХАК",
    "khersonskaya-oblast": "ХЕР",
    "magadanskaya-oblast": "МАГ",
    "respublika-mariy-el": "МЭЛ",
    "respublika-mordoviya": "МОР",
    "murmanskaya-oblast": "МУР",
    "novgorodskaya-oblast": "НВГ",
    "novosibirskaya-oblast": "НСК",
    "nizhegorodskaya-oblast": "НИЖ",
    "samarskaya-oblast": "САМ",
    "saratovskaya-oblast": "САР",
    "sakhalinskaya-oblast": "САХ",
    "tverskaya-oblast": "ТВЕ",
    "tulskaya-oblast": "ТУЛ",
    "tyumenskaya-oblast": "ТЮМ",
    "tomskaya-oblast": "ТОМ",
    "tambovskaya-oblast": "ТАМ",
    "respublika-tatarstan": "ТАТ",
    "respublika-tyva": "ТЫВ",
    "respublika-adygeya": "АДЫ",
    "respublika-bashkortostan": "БАШ",
    "respublika-buryatiya": "БУР",
    "respublika-dagestan": "ДАГ",
    "respublika-ingushetiya": "ИНГ",
    "respublika-krym": "КРЫ",
    "udmurtskaya-respublika": "УДМ",
    "chechenskaya-respublika": "ЧЕЧ",
    "chuvashskaya-respublika": "ЧУВ",
    "zabaykalskiy-kray": "ЗАБ",
    "permskiy-kray": "ПЕР",
    "primorskiy-kray": "ПРИ",
    "stavropolskiy-kray": "СТА",
    "amurskaya-oblast": "АМУ",
    "arkhangelskaya-oblast": "АРХ",
    "astrakhanskaya-oblast": "АСТ",
    "belgorodskaya-oblast": "БЕЛ",
    "bryanskaya-oblast": "БРЯ",
    "vladimirskaya-oblast": "ВЛА",
    "volgogradskaya-oblast": "ВГГ",
    "vologodskaya-oblast": "ВОЛ",
    "voronezhskaya-oblast": "ВОР",
    "zaporozhskaya-oblast": "ЗАП",
    "ivanovskaya-oblast": "ИВА",
    "irkutskaya-oblast": "ИРК",
    "kirovskaya-oblast": "КИР",
    "lipetskaya-oblast": "ЛИП",
    "omskaya-oblast": "ОМС",
    "orenburgskaya-oblast": "ОРБ",
    "orlovskaya-oblast": "ОРЛ",
    "penzenskaya-oblast": "ПЕН",
    "pskovskaya-oblast": "ПСК",
    "rostovskaya-oblast": "РОС",
    "ryazanskaya-oblast": "РЯЗ",
    "sverdlovskaya-oblast": "СВЕ",
    "smolenskaya-oblast": "СМО",
    "ulyanovskaya-oblast": "УЛЬ",
    "chelyabinskaya-oblast": "ЧЕЛ",
    "yaroslavskaya-oblast": "ЯРО",
}

TILE = 40  # SVG units per square, gap included
GAP = 3
SHADES = 4  # shades of the accent colour for regions with clubs; regions without any stay pale


@dataclass(frozen=True)
class Tile:
    slug: str
    name: str
    abbreviation: str
    count: int
    shade: int  # 0: none; 1..SHADES, darker with more
    url: str
    x: int
    y: int
    label: str  # "Москва, МСК: 5 кружков", the link's accessible name


def tiles(regions, counts: dict[int, int], url_for, forms: tuple[str, str, str]) -> list[Tile]:
    """A tile per region, with its number from `counts` (region pk → number) and its link from `url_for`."""
    from home.movement import russian_plural

    highest = max(counts.values(), default=0)
    result = []
    for region in regions:
        column, row = LAYOUT[region.slug]
        count = counts.get(region.pk, 0)
        abbreviation = ABBREVIATIONS[region.slug]
        shade = 0 if not count else max(1, -(-count * SHADES // highest))
        result.append(
            Tile(
                slug=region.slug,
                name=region.name,
                abbreviation=abbreviation,
                count=count,
                shade=shade,
                url=url_for(region),
                x=column * TILE,
                y=row * TILE,
                # The tile's visible letters and number are part of its name (WCAG 2.5.3, label in name).
                label=f"{region.name}, {abbreviation}: {count} {russian_plural(count, *forms)}",
            )
        )
    return sorted(result, key=lambda tile: (tile.y, tile.x))


def size() -> tuple[int, int]:
    columns = max(column for column, _row in LAYOUT.values()) + 1
    rows = max(row for _column, row in LAYOUT.values()) + 1
    return columns * TILE, rows * TILE
