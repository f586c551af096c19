"""The demo site under production-like settings on 127.0.0.1, for client-side measurements.

Its own SQLite database, media and collected static files live in var/client/ (git-ignored), so it never
touches the development database of `make run`. The first start builds the demo content (a few minutes).
"""

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
VAR_DIR = ROOT / "var" / "client"


def environment(bind: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.client_settings",
        "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "client-measurement-only-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": "",
        "REDIS_URL": "",
        "VAR_DIR": str(VAR_DIR),
        "MEDIA_ROOT": str(VAR_DIR / "media"),
        "BASE_URL": f"http://{bind}",
        "SECURE_SSL_REDIRECT": "0",
        "GUNICORN_BIND": bind,
        "GUNICORN_WORKERS": "2",
    }


def prepare(env: dict) -> None:
    """Migrate, load the demo content once and collect the static files (hashed and compressed)."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_demo_content", "--if-empty", "--no-accounts"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run([str(PYTHON), "manage.py", *command], env=env, cwd=ROOT, check=True)


def page_urls(env: dict) -> dict:
    """Paths of one live page of each public type, by the page's class name."""
    script = (
        "import json\n"
        "from wagtail.models import Page\n"
        "paths = {}\n"
        "for p in Page.objects.live().public().filter(depth__gt=1).specific().order_by('path'):\n"
        "    paths.setdefault(type(p).__name__, p.url)\n"
        "print(json.dumps(paths))\n"
    )
    out = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", script],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


class Server:
    """gunicorn with the project's own configuration, until the `with` block ends (bench/run.py and the
    client-side scripts share it)."""

    def __init__(self, bind: str, env: dict):
        self.bind, self.env, self.process = bind, env, None

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "--access-logfile", "/dev/null"],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://{self.bind}/healthz/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError("gunicorn did not become healthy on " + self.bind)

    def worker_pids(self) -> list[str]:
        return subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        ).stdout.split()

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            # SIGINT is gunicorn's quick shutdown: a graceful one (SIGTERM) waits up to graceful_timeout for
            # keep-alive connections a load generator may have left open.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
