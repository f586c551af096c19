"""Full-page screenshots of every public page type at a phone's and a desktop's width, for a person to look at.

    .venv/bin/python bench/screenshots.py              # writes var/screenshots/<page>-<width>.png

The demo site is served as for bench/lighthouse.py (production settings, its own database in var/client/);
Playwright drives Debian's Chromium (/usr/bin/chromium), no browser is downloaded.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_server

BIND = "127.0.0.1:8768"
OUTPUT = demo_server.ROOT / "var" / "screenshots"
WIDTHS = (375, 1280)
# (file name, page class or a fixed path)
PAGES = [
    ("home", "HomePage"),
    ("story-index", "StoryIndexPage"),
    ("story", "StoryPage"),
    ("hero-index", "HeroIndexPage"),
    ("hero", "HeroPage"),
    ("club-directory", "ClubIndexPage"),
    ("club", "ClubPage"),
    ("branch", "BranchPage"),
    ("mentor-call", "MentorCallPage"),
    ("volunteer-form", "FormPage"),
    ("search", "/search/?q=%D1%82%D1%80%D1%83%D0%B4"),
    ("404", "/net-takoy-stranicy/"),
]


def main():
    from playwright.sync_api import sync_playwright

    env = demo_server.environment(BIND)
    demo_server.prepare(env)
    paths = demo_server.page_urls(env)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with demo_server.Server(BIND, env), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width in WIDTHS:
            context = browser.new_context(
                locale="ru-RU", viewport={"width": width, "height": 900}, is_mobile=width < 600
            )
            page = context.new_page()
            for name, target in PAGES:
                path = target if target.startswith("/") else paths[target]
                page.goto(f"http://{BIND}{path}", wait_until="networkidle")
                # Lazy images load as a reader scrolls down to them: scroll through the page screen by screen.
                height = page.evaluate("document.documentElement.scrollHeight")
                for y in range(0, height, 600):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    page.wait_for_timeout(50)
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, 0)")
                out = OUTPUT / f"{name}-{width}.png"
                page.screenshot(path=str(out), full_page=True)
                print(out.relative_to(demo_server.ROOT), flush=True)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
