"""gunicorn settings for the app servers: `gunicorn -c deploy/gunicorn.conf.py` from the project folder."""

import multiprocessing
import os

wsgi_app = "wsgi:application"
pythonpath = "site,."
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Persistent database connections (CONN_MAX_AGE) live per worker; recycling workers now and then bounds
# memory growth, with jitter so that they do not all restart at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
timeout = 30
graceful_timeout = 30
keepalive = 5
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No query strings in the access log: they may carry search terms or status-link tokens. No client address
# either (personal data under 152-FZ; behind nginx it would only be the proxy's): nginx keeps it briefly.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss'
errorlog = "-"
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'settings.production')}"]
