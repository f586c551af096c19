"""gunicorn settings for the app servers: `gunicorn -c deploy/gunicorn.conf.py` from the project folder."""

import multiprocessing
import os

wsgi_app = "wsgi:application"
pythonpath = "site,."
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Recycling a worker costs a cold start (imports, templates, connections) and slow requests while it warms
# up, so it happens rarely: a safety net against slow memory growth, not a routine. Jitter keeps workers from
# restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
timeout = 30
graceful_timeout = 30
keepalive = 5
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No query strings in the access log: they may carry search terms or status-link tokens. No client address
# either (personal data under 152-FZ; behind nginx it would only be the proxy's): nginx keeps it briefly.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss'
# Status links carry the applicant's token in the path: the log keeps the route only (deploy/access_log.py).
logger_class = "deploy.access_log.RouteLogger"
errorlog = "-"
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'settings.production')}"]
