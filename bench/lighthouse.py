"""Client-side budget: Lighthouse (mobile, its defaults) on the demo site served like production.

    .venv/bin/python bench/lighthouse.py            # writes docs/lighthouse.md
    .venv/bin/python bench/lighthouse.py --runs 5   # more runs per page (the median is reported)

The site runs under bench/client_settings.py (DEBUG off, whitenoise, compressed hashed static files) with
gunicorn on 127.0.0.1:8767 and its own SQLite database in var/client/ (see bench/demo_server.py). Lighthouse
comes from npm (package.json, pinned) and drives Debian's Chromium; no browser is downloaded.

Budget (issue 7): performance >= 95, accessibility, best practices and SEO = 100 on the home, story, club
directory and club pages; a story page's first view under 300 KB transferred, lazy images excluded.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_server

ROOT = demo_server.ROOT
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
BIND = "127.0.0.1:8767"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = [
    ("Главная", "HomePage"),
    ("История", "StoryPage"),
    ("Кружки", "ClubIndexPage"),
    ("Кружок", "ClubPage"),
]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
STORY_BUDGET_BYTES = 300 * 1024


class LazyImages(HTMLParser):
    """Every address an <img loading="lazy"> (or a <source> of its <picture>) may fetch."""

    def __init__(self, base):
        super().__init__()
        self.base, self.urls, self.sources = base, set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.sources = []
        elif tag == "source":
            self.sources.append(attrs)
        elif tag == "img":
            if attrs.get("loading") == "lazy":
                for candidate in [attrs, *self.sources]:
                    self.add(candidate.get("src"))
                    for item in (candidate.get("srcset") or "").split(","):
                        self.add(item.strip().split(" ")[0])
            self.sources = []

    def add(self, url):
        if url:
            self.urls.add(urljoin(self.base, url))


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode()


def run_lighthouse(url: str, out: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            "--chrome-flags=--headless=new --no-sandbox",
            f"--only-categories={','.join(CATEGORIES)}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
    )
    return json.loads(out.read_text())


def scores(report: dict) -> dict:
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def problems(report: dict) -> list[str]:
    """Audits that cost points: every failed audit counted in a category's score."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append(f"{category}: {audit['title']}{value}")
    return found


def first_view_bytes(report: dict, lazy_urls: set) -> tuple[int, int, list]:
    """Bytes transferred for the page, all of it and without lazy images."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    total = sum(r.get("transferSize", 0) for r in requests)
    eager = [r for r in requests if r["url"] not in lazy_urls]
    return total, sum(r.get("transferSize", 0) for r in eager), eager


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GB RAM; {platform.platform()}; "
        f"{chromium}; Lighthouse 12.2.3 (npm, package-lock.json)"
    )


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is kept")
    parser.add_argument("--output", default=str(ROOT / "docs" / "lighthouse.md"))
    args = parser.parse_args()

    env = demo_server.environment(BIND)
    demo_server.prepare(env)
    paths = demo_server.page_urls(env)
    load_before = uptime()
    results = []
    reports = demo_server.VAR_DIR / "lighthouse"  # the full JSON reports, for a closer look
    reports.mkdir(exist_ok=True)
    with demo_server.Server(BIND, env):
        for label, page_type in PAGES:
            url = f"http://{BIND}{paths[page_type]}"
            html = fetch(url)  # warms renditions and the page cache, as any earlier visitor would
            runs = []
            for n in range(args.runs):
                report = run_lighthouse(url, reports / f"{page_type}-{n + 1}.json")
                runs.append(report)
                print(f"{label} run {n + 1}: {scores(report)}", flush=True)
            runs.sort(key=lambda r: r["categories"]["performance"]["score"])
            median = runs[len(runs) // 2]
            lazy = LazyImages(url)
            lazy.feed(html)
            total, eager, eager_requests = first_view_bytes(median, lazy.urls)
            results.append(
                {
                    "label": label,
                    "path": paths[page_type],
                    "scores": scores(median),
                    "performance_runs": [scores(r)["performance"] for r in runs],
                    "problems": problems(median),
                    "total": total,
                    "eager": eager,
                    "eager_requests": eager_requests,
                    "metrics": {
                        key: median["audits"][key]["displayValue"]
                        for key in (
                            "first-contentful-paint",
                            "largest-contentful-paint",
                            "total-blocking-time",
                            "cumulative-layout-shift",
                            "speed-index",
                        )
                    },
                }
            )
    load_after = uptime()
    Path(args.output).write_text(report_markdown(results, args, load_before, load_after))
    print(f"Written {args.output}")
    return 0 if all(meets_budget(r) for r in results) else 1


def meets_budget(result: dict) -> bool:
    ok = all(result["scores"][c] >= target for c, target in TARGETS.items())
    if result["label"] == "История":
        ok = ok and result["eager"] < STORY_BUDGET_BYTES
    return ok


def report_markdown(results, args, load_before, load_after) -> str:
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = ".venv/bin/python bench/lighthouse.py" + (f" --runs {args.runs}" if args.runs != 3 else "")
    lines = [
        "# Lighthouse: client-side budget",
        "",
        f"Measured {today} by `{command}` (see the script's docstring).",
        "",
        f"- Machine: {machine()}.",
        f"- Load before the run: `{load_before}`",
        f"- Load after the run: `{load_after}`",
        "- The machine is shared with other work, so the performance score moves between runs; each page was"
        f" measured {args.runs} time(s) and the run with the median performance score is reported.",
        "- Lighthouse defaults: mobile form factor (Moto G Power, 412×823), simulated slow 4G and 4× CPU"
        " slowdown; Chromium with `--headless=new --no-sandbox`.",
        "- The site: production settings (DEBUG off, whitenoise, compressed hashed static files), gunicorn,"
        " demo content (`load_demo_content`), media with 30 days of caching as nginx serves them.",
        "",
        "Targets: performance ≥ 95; accessibility, best practices and SEO = 100; a story page's first view"
        " under 300 KB transferred, lazy images excluded.",
        "",
        "| page | address | performance | accessibility | best practices | SEO | performance of each run |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r["scores"]
        lines.append(
            f"| {r['label']} | `{r['path']}` | {s['performance']} | {s['accessibility']} | {s['best-practices']}"
            f" | {s['seo']} | {', '.join(map(str, r['performance_runs']))} |"
        )
    lines += [
        "",
        "| page | FCP | LCP | TBT | CLS | Speed Index | transferred | without lazy images |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        m = r["metrics"]
        lines.append(
            f"| {r['label']} | {m['first-contentful-paint']} | {m['largest-contentful-paint']}"
            f" | {m['total-blocking-time']} | {m['cumulative-layout-shift']} | {m['speed-index']}"
            f" | {r['total'] / 1024:.1f} KB | {r['eager'] / 1024:.1f} KB |"
        )
    story = next(r for r in results if r["label"] == "История")
    lines += [
        "",
        f"Story page first view, lazy images excluded: **{story['eager'] / 1024:.1f} KB** (budget 300 KB):",
        "",
        "| resource | type | transferred |",
        "|---|---|---|",
    ]
    for item in story["eager_requests"]:
        lines.append(
            f"| `{item['url'].replace(f'http://{BIND}', '')}` | {item.get('resourceType', '')}"
            f" | {item.get('transferSize', 0) / 1024:.1f} KB |"
        )
    lines += ["", "## Audits that cost points", ""]
    any_problem = False
    for r in results:
        for problem in r["problems"]:
            any_problem = True
            lines.append(f"- {r['label']}: {problem}")
    if not any_problem:
        lines.append("None.")
    verdict = "meets" if all(meets_budget(r) for r in results) else "does NOT meet"
    lines += ["", f"**This run {verdict} the budget.**", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
