"""The production settings, served for the benchmark on 127.0.0.1 (bench/run.py sets the environment)."""

from settings.production import *  # noqa: F403

# Plain HTTP on loopback: no redirect to HTTPS, cookies without the Secure flag so that wrk and the test
# client can send them back.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The application POST is measured in a loop from one address.
APPLICATION_RATE_LIMIT = 10**9
# The probe signs in through the test client to time the admin inbox; it measures pages, not the login.
ADMIN_TWO_FACTOR_ENFORCED = False
