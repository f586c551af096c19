"""Profiles uncached public pages in-process, to find where a request's time goes before optimising.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=postgres://…/trudovaya_bench_s10 \
        .venv/bin/python -m bench.profile_pages [--repeat 20] [--top 25] [page name …]

Uses the same targets as the harness (bench/probe.py) and the production settings with the page cache off.
For each page it prints the mean wall and CPU time per request (this process only), the Python function
calls per request (steady whatever else the machine is doing), the SQL queries and their share of the time, and the
functions with the most cumulative CPU time (cProfile). Figures are for comparing before/after on one machine,
not for the report: wrk through gunicorn (bench/run.py) gives those.
"""

import argparse
import cProfile
import io
import os
import pstats
import time

os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.probe import targets  # noqa: E402
from home.page_cache import new_generation  # noqa: E402


def fetch(client, path, after_change):
    if after_change:
        new_generation()  # as an editor's change does: every cache keyed by the content generation is cold
    return client.get(path)


def time_page(client, path, repeat, after_change=False):
    client.get(path)  # warm: templates, renditions, connection
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        fetch(client, path, after_change)
    per_request = (time.perf_counter() - started) / repeat * 1000
    cpu_per_request = (time.process_time() - cpu_started) / repeat * 1000
    with CaptureQueriesContext(connection) as queries:
        fetch(client, path, after_change)
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return per_request, cpu_per_request, len(queries), sql_ms


def calls_per_request(client, path, repeat=3, after_change=False):
    """Python function calls per request: unlike time, the same on a busy machine as on an idle one."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        fetch(client, path, after_change)
    profiler.disable()
    return pstats.Stats(profiler).total_calls // repeat


def profile_page(client, path, repeat, top):
    # CPU time, not wall time: on a busy machine waiting for PostgreSQL would swamp the Python costs.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="names from bench/probe.py targets; all when omitted")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=0, help="print the N most expensive functions per page")
    parser.add_argument(
        "--after-change", action="store_true", help="each request right after a content change (caches cold)"
    )
    args = parser.parse_args()
    client = Client()
    paths, _club = targets(client)
    for name, path in paths.items():
        if args.pages and name not in args.pages:
            continue
        reset_queries()
        per_request, cpu, query_count, sql_ms = time_page(client, path, args.repeat, args.after_change)
        calls = calls_per_request(client, path, after_change=args.after_change)
        print(
            f"{name:26} {per_request:6.1f} ms/request {cpu:6.1f} ms CPU {calls:7} calls {query_count:3} queries "
            f"{sql_ms:5.1f} ms SQL  {path}"
        )
        if args.top:
            print(profile_page(client, path, args.repeat, args.top))


if __name__ == "__main__":
    main()
