"""Publishing tells a caching proxy in front of the site to drop the page (wagtail.contrib.frontend_cache)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        PurgeRecorder.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.received = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()


def test_publishing_and_unpublishing_purge_the_page(proxy, home_page):
    page = StandardPageFactory(parent=home_page, title="Новости", slug="novosti")
    page.save_revision().publish()
    assert any(path == "/novosti/" for _, path in proxy)
    proxy.clear()
    page.unpublish()
    assert any(path == "/novosti/" for _, path in proxy)
