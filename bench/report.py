"""Turns the JSON reports of bench/run.py (one per scale) into docs/performance.md."""

import json
from pathlib import Path

# Targets as ratios of req/s to the ceiling measured in the same run (issue: performance at scale).
COLD_TARGETS = {
    "story page": 0.02,
    "hero page": 0.02,
    "home": 0.015,
    "story index, page 1": 0.015,
    "story index, last page": 0.015,
    "story index, 2 filters": 0.015,
    "hero index": 0.015,
    "club directory, 3 filters": 0.015,
    "search": 0.015,
    # Form pages are never cached whole: this is what every reader of them gets.
    "club page": 0.03,
    "call page": 0.03,
}
FORM_PAGES = ("club page", "call page")
CACHED_TARGET = 0.8
P99_OVER_P50 = 4
GROWTH_LIMIT = 1.5
ADMIN_MS = 300
RSS_MB = 300


def _load_lines(runs) -> list[str]:
    def averages(values):
        return " / ".join(f"{value:.1f}" for value in values)

    return [
        f"- Load average (1 / 5 / 15 min) in the scale-{run['scale']} run: {averages(run['load']['start'])} at the "
        f"start, {averages(run['load']['end'])} at the end (the harness itself keeps 2 cores busy; more means other work)"
        for run in runs
        if "load" in run
    ]


def _overload_warning(runs) -> list[str]:
    """A run on a machine busy with other work measures the machine, not the site: say so above the tables."""
    busy = [run for run in runs if "load" in run and run["load"]["start"][0] > 2 * 2]
    if not busy:
        return []
    scales = ", ".join(str(run["scale"]) for run in busy)
    return [
        f"**Overloaded machine (scale {scales}):** the load average was more than twice the number of cores, so",
        "other work took most of the CPU; the ratios below are not comparable with the targets. A request the",
        "harness could not finish within a round shows as 0 req/s. Re-run on an idle machine.",
        "",
    ]


def _queries(counts) -> str:
    if "after_change" in counts:
        return f"{counts['queries']} ({counts['after_change']})"
    return str(counts.get("queries", "—"))


def _mark(ok):
    return "✅" if ok else "❌"


def write_markdown(output: Path, reports: list[Path]) -> None:
    runs = sorted((json.loads(path.read_text()) for path in reports), key=lambda r: r["scale"])
    main = runs[-1]
    ceiling = main["results"]["ceiling"]["rps"]
    sizes = main["probe"]["sizes"]
    lines = [
        "# Performance",
        "",
        "Measured by `bench/run.py` (see README, «Performance»): PostgreSQL, gunicorn with 2 sync workers under",
        "`settings.production` (DEBUG off, Redis cache) on 127.0.0.1, loaded by wrk "
        f"(-t{main['settings']['threads']} -c{main['settings']['connections']}, "
        f"{main['settings']['rounds']} rounds of {main['settings']['duration']} s after a "
        f"{main['settings']['warmup']} s warm-up; req/s is the median round).",
        "",
        f"- Command: `.venv/bin/python {main['command']}`",
        f"- Machine: {main['machine']}",
        *_load_lines(runs),
        f"- Data (scale {main['scale']}): {sizes['stories']} stories, {sizes['heroes']} heroes, "
        f"{sizes['clubs']} clubs, {sizes['applications']} club applications"
        + (f"; built in {main['load_seconds']:.0f} s" if main.get("load_seconds") else ""),
        f"- Ceiling (the story page's bytes as a static file served by whitenoise through the same server and "
        f"middleware, same run): **{ceiling:.0f} req/s** in the cold run"
        + (
            f", {main['results']['ceiling, cached run']['rps']:.0f} req/s in the cached run"
            if "ceiling, cached run" in main["results"]
            else ""
        ),
        "",
        *_overload_warning(runs),
        "## Cold pages (the first request after a content change) and form pages",
        "",
        "The page cache is off, so every request is what the first reader after an editor's change gets: the",
        "view, routing, view restrictions and the template run, and nothing but the database and the picture",
        "renditions is warm (no other cache is kept). Form pages (club, call) are never cached whole: this is",
        "every request of theirs. SQL queries: of one request (the same number on every request).",
        "",
        "| page | req/s | ratio to ceiling | target | p50 ms | p99 ms | p99/p50 | SQL queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in main["results"]["cold"].items():
        ratio = result["rps"] / ceiling
        target = COLD_TARGETS.get(name)
        spread = result["p99_ms"] / max(result["p50_ms"], 0.001)
        queries = main["probe"]["queries"].get(
            name, main["probe"].get("post_queries") if "POST" in name else {}
        )
        target_text = "—"
        if target:
            # A missed target says by how much: the share of the target reached.
            target_text = f"{target} ✅" if ratio >= target else f"{target} ❌ ({ratio / target:.0%} of it)"
        lines.append(
            f"| {name} | {result['rps']:.1f} | {ratio:.3f} | {target_text} | {result['p50_ms']:.1f} | "
            f"{result['p99_ms']:.1f} | {spread:.1f} {_mark(spread <= P99_OVER_P50)} | {_queries(queries)} |"
        )
    lines += [
        "",
        "## Cached pages (anonymous readers)",
        "",
        "Ratios to the ceiling measured in the same (cached) run.",
        "",
        "| page | req/s | ratio to ceiling | target | p50 ms | p99 ms | p99/p50 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    cached_ceiling = main["results"].get("ceiling, cached run", main["results"]["ceiling"])["rps"]
    for name, result in main["results"]["cached"].items():
        ratio = result["rps"] / cached_ceiling
        spread = result["p99_ms"] / max(result["p50_ms"], 0.001)
        lines.append(
            f"| {name} | {result['rps']:.1f} | {ratio:.3f} | {CACHED_TARGET} {_mark(ratio >= CACHED_TARGET)} | "
            f"{result['p50_ms']:.2f} | {result['p99_ms']:.2f} | {spread:.1f} {_mark(spread <= P99_OVER_P50)} |"
        )
    if len(runs) > 1:
        small = runs[0]
        lines += [
            "",
            f"## Growing the data {main['scale'] // max(small['scale'], 1)}× (scale {small['scale']} → {main['scale']})",
            "",
            "Cold pages; queries of one request at each scale (they must not grow with the data).",
            "",
            "| page | req/s small | req/s large | slowdown | limit | queries small | queries large |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, result in main["results"]["cold"].items():
            before = small["results"].get("cold", {}).get(name)
            if before:
                slowdown = before["rps"] / max(result["rps"], 0.001)
                queries = [run["probe"]["queries"].get(name, {}).get("queries", "—") for run in (small, main)]
                lines.append(
                    f"| {name} | {before['rps']:.1f} | {result['rps']:.1f} | {slowdown:.2f} | "
                    f"{GROWTH_LIMIT} {_mark(slowdown <= GROWTH_LIMIT)} | {queries[0]} | {queries[1]} |"
                )
    lines += ["", "## Admin application inbox", "", "| view | median ms | target |", "|---|---:|---:|"]
    for name, timing in main["probe"]["admin"].items():
        lines.append(
            f"| {name} | {timing['median_ms']:.0f} | {ADMIN_MS} {_mark(timing['median_ms'] < ADMIN_MS)} |"
        )
    rss = main["rss_mb"]
    worst = max(rss["cold"] + rss["cached"])
    lines += [
        "",
        "## Memory",
        "",
        f"Worker RSS after {main['requests_served_cold']} cold requests: "
        f"{', '.join(f'{v:.0f} MB' for v in rss['cold'])}; after the cached run: "
        f"{', '.join(f'{v:.0f} MB' for v in rss['cached'])} (target under {RSS_MB} MB {_mark(worst < RSS_MB)}).",
        "",
    ]
    lines += [
        "## Where the time goes",
        "",
        "What a cold request costs and what was kept or removed of the caches, with figures, is in",
        "[performance-analysis.md](performance-analysis.md).",
        "",
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines))
