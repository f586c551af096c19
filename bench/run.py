"""Benchmark harness: builds a PostgreSQL database of the demo site at a given scale, serves it with gunicorn
under the production settings (DEBUG off, Redis cache) on 127.0.0.1 and loads it with wrk.

    .venv/bin/python bench/run.py --scale 100            # the full run (database build takes a while)
    .venv/bin/python bench/run.py --scale 2 --quick      # a smoke run of the harness itself

For every page: a warm-up, then --rounds rounds of wrk; req/s is the median of the rounds, latency
percentiles come from the median round. Three states: cold (the page cache off, so every request is the
first one after a content change: nothing but the database and the renditions is warm), cached (anonymous
readers with the page cache on) and form pages (never cached). The ceiling is the story page's bytes served
as a static file by whitenoise through the same server, in the same run. The report goes to
docs/performance.md (or --output).
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_server

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
BIND = "127.0.0.1:8765"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/12"
CEILING_FILE = "bench-ceiling.html"
FORM_PAGES = ("club page", "call page")


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def environment(database: str, var_dir: Path, page_cache_seconds: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "REDIS_URL": REDIS_URL,
        "VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "BASE_URL": f"http://{BIND}",
        "SECURE_SSL_REDIRECT": "0",
        "GUNICORN_BIND": BIND,
        "GUNICORN_WORKERS": "2",
        # Workers are not recycled during the run, so that memory growth shows.
        "GUNICORN_MAX_REQUESTS": "0",
    }


def database_exists(name: str) -> bool:
    out = subprocess.run(
        ["psql", f"{POSTGRES}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip() == "1"


def build_database(name: str, scale: int, env: dict) -> float:
    subprocess.run(
        ["psql", f"{POSTGRES}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
    )
    subprocess.run(["psql", f"{POSTGRES}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True)
    run([str(PYTHON), "manage.py", "migrate", "--no-input", "-v0"], env)
    started = time.monotonic()
    run([str(PYTHON), "manage.py", "load_demo_content", "--scale", str(scale), "--no-accounts"], env)
    return time.monotonic() - started


def settle_database(name: str):
    """A database that has been in use has planner statistics and a visibility map (autovacuum's work); one
    loaded a minute ago has neither, and the planner misjudges row counts by orders of magnitude (a listing
    sorted 10,000 rows instead of reading 12 from an index). Measure the steady state, as production runs."""
    subprocess.run(["psql", f"{POSTGRES}/{name}", "-qc", "VACUUM ANALYZE"], check=True)


class Server(demo_server.Server):
    """The shared gunicorn runner, on the benchmark's address with an empty Redis database."""

    def __init__(self, env):
        super().__init__(BIND, env)

    def __enter__(self):
        subprocess.run(
            ["redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "FLUSHDB"], check=True, capture_output=True
        )
        return super().__enter__()

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes


def wrk(url: str, duration: int, connections: int, threads: int, script: str | None = None) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _ms(latency["50"]),
        "p99_ms": _ms(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def measure(url, args, script=None) -> dict:
    wrk(url, args.warmup, args.connections, args.threads, script)
    rounds = [wrk(url, args.duration, args.connections, args.threads, script) for _ in range(args.rounds)]
    median_round = sorted(rounds, key=lambda r: r["rps"])[len(rounds) // 2]
    return {
        "rps": statistics.median(r["rps"] for r in rounds),
        "p50_ms": median_round["p50_ms"],
        "p99_ms": median_round["p99_ms"],
        "errors": sum(r["errors"] for r in rounds),
        "requests": sum(r["requests"] for r in rounds),
    }


def post_script(post: dict, folder: Path) -> str:
    """A wrk Lua script that posts applications, each with another child's name (no duplicates)."""
    body_parts = [
        f"{key}={urllib.parse.quote(value)}" for key, value in post["fields"].items() if key != "child_name"
    ]
    script = folder / "post.lua"
    script.write_text(
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        f'  local body = "{"&".join(body_parts)}&child_name=" .. "%D0%A3%D1%87%D0%B0%D1%81%D1%82%D0%BD%D0%B8%D0%BA+" .. counter .. "+" .. math.random(1, 1000000000)\n'
        f'  return wrk.format("POST", "{post["path"]}", {{["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "{post["cookie"]}", ["Referer"] = "http://{BIND}{post["path"]}"}}, body)\n'
        "end\n"
    )
    return str(script)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk round")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--reuse-db", action="store_true", help="keep an existing database of this scale")
    parser.add_argument(
        "--quick", action="store_true", help="1 round of 2 s, 1 s warm-up: checks the harness"
    )
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.duration, args.warmup = 1, 2, 1

    load_at_start = os.getloadavg()
    database = f"trudovaya_bench_s{args.scale}"
    var_dir = ROOT / "var" / f"bench-s{args.scale}"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = environment(database, var_dir, page_cache_seconds=0)
    load_seconds = None
    if not (args.reuse_db and database_exists(database)):
        load_seconds = build_database(database, args.scale, env)
    else:
        # A database kept from an earlier version of the code gets the newer migrations.
        run([str(PYTHON), "manage.py", "migrate", "--no-input", "-v0"], env)
    settle_database(database)
    run([str(PYTHON), "manage.py", "collectstatic", "--no-input", "-v0"], env)

    with tempfile.TemporaryDirectory() as scratch:
        probe = json.loads(run([str(PYTHON), "-m", "bench.probe", scratch], env, capture_output=True).stdout)
        # The ceiling: the same bytes as the story page, a static file that whitenoise serves from memory.
        (var_dir / "static" / CEILING_FILE).write_bytes(Path(probe["ceiling_file"]).read_bytes())
        results = {"cold": {}, "cached": {}}
        with Server(env) as server:
            base = f"http://{BIND}"
            results["ceiling"] = measure(f"{base}/static/{CEILING_FILE}", args)
            for name, path in probe["paths"].items():
                results["cold"][name] = measure(base + path, args)
            results["cold"]["application POST"] = measure(
                base + probe["post"]["path"], args, post_script(probe["post"], Path(scratch))
            )
            rss_cold = server.worker_rss_mb()
            total_requests = sum(r["requests"] for r in results["cold"].values())
        cached_env = dict(env, PAGE_CACHE_SECONDS="600")
        with Server(cached_env) as server:
            results["ceiling, cached run"] = measure(f"{base}/static/{CEILING_FILE}", args)
            for name, path in probe["paths"].items():
                if name not in FORM_PAGES:  # they carry application forms: private, never cached
                    results["cached"][name] = measure(base + path, args)
            rss_cached = server.worker_rss_mb()

    report = {
        "scale": args.scale,
        "load_seconds": load_seconds,
        "probe": probe,
        "results": results,
        "rss_mb": {"cold": rss_cold, "cached": rss_cached},
        "requests_served_cold": total_requests,
        "machine": f"{platform.node()} · {os.cpu_count()} cores · {platform.python_version()} · {platform.platform()}",
        "command": " ".join(["bench/run.py", *sys.argv[1:]]),
        # Other work on the machine skews every figure: the 1, 5 and 15 minute load averages say how much.
        "load": {"start": load_at_start, "end": os.getloadavg()},
        "settings": vars(args),
    }
    json_path = Path(args.output).with_suffix(f".s{args.scale}.json")
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    from bench.report import write_markdown

    write_markdown(Path(args.output), sorted(json_path.parent.glob(Path(args.output).stem + ".s*.json")))
    print(f"Wrote {args.output} and {json_path}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
