"""Found under load: worker recycling, the access log, the health check, the special version's cookie."""

import runpy
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_workers_are_recycled_rarely_and_not_together(monkeypatch):
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["max_requests"] >= 100_000
    assert conf["max_requests_jitter"] >= conf["max_requests"] // 20


def test_the_access_log_keeps_the_route_of_a_status_link_not_its_token():
    from deploy.access_log import RouteLogger, route_of

    conf = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert conf["logger_class"] == "deploy.access_log.RouteLogger" and RouteLogger
    assert route_of("/zayavka/kruzhok/Ab3-secret_token/") == "/zayavka/kruzhok/…/"
    assert route_of("GET /zayavka/nastavnik/xyz123/ HTTP/1.1") == "GET /zayavka/nastavnik/…/ HTTP/1.1"
    assert route_of("/istorii/istoriya-1/") == "/istorii/istoriya-1/"


def test_concurrent_health_probes_do_not_disturb_each_other():
    from home import health

    answers = []
    barrier = threading.Barrier(40)

    def probe():
        barrier.wait()
        answers.append(health._cache_ok())

    threads = [threading.Thread(target=probe) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 40


def test_the_special_version_cookie_is_secure_where_the_session_cookie_is(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = client.get("/special-version/?size=large")
    assert response.cookies["special_version"]["secure"]
    settings.SESSION_COOKIE_SECURE = False
    response = client.get("/special-version/?size=large")
    assert not response.cookies["special_version"]["secure"]
