"""Per-address limits on form submissions, counted in the Django cache.

What is counted is chosen by the caller: application forms count only *accepted* submissions (`allows` before,
`record` after saving), so a parent who fixes ten typing mistakes, or a school class whose pupils share one
address, is never locked out by its own errors; an invalid or spam post stores nothing and costs only a page
render. «Мои заявки» counts every request (`hit`), because each one may send an e-mail.

In production the cache is Redis (REDIS_URL), shared by every app process and machine, so the limit holds
across them; in development and tests it is the local-memory cache of the one process.

The counter uses `cache.add` (create only if missing, with the window as its expiry) and an atomic `incr`,
so concurrent requests never lose a count.

When the cache is down the limiter FAILS OPEN: the submission is allowed and a warning is logged. A parent
whose child's application is refused because Redis restarted is worse than a few spam submissions slipping
through, and the honeypot, the minimum fill time and the duplicate check still apply.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from home.client_ip import client_ip

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    window_seconds: int
    # A setting that overrides `limit` when present (read on every hit, so tests and deployments can tune it).
    limit_setting: str = ""

    def _key(self, ip: str) -> str:
        # The address is hashed so that the cache holds no personal data in clear.
        return f"ratelimit:{self.scope}:{hashlib.sha256(ip.encode()).hexdigest()[:32]}"

    def allows(self, request, *, identity: str = "") -> bool:
        """True while the address (or `identity`) is under the limit; counts nothing."""
        try:
            count = cache.get(self._key(identity or client_ip(request)), 0)
        except Exception:  # Redis down: fail open, as `hit` does
            logger.warning("Rate limit %s: cache down, allowing the request", self.scope, exc_info=True)
            return True
        return count < self.effective_limit

    def record(self, request, *, identity: str = "") -> None:
        """Counts one accepted submission."""
        self.hit(request, identity=identity)

    def hit(self, request, *, identity: str = "") -> bool:
        """Counts one attempt from the request's address (or `identity`, e.g. a digest of an e-mail);
        False when it is over the limit."""
        key = self._key(identity or client_ip(request))
        try:
            cache.add(key, 0, timeout=self.window_seconds)
            count = cache.incr(key)
        except ValueError:
            # The key expired between add and incr: this attempt opens a new window.
            try:
                cache.set(key, 1, timeout=self.window_seconds)
            except Exception:
                logger.warning("Rate limit %s: cache unavailable, allowing the request", self.scope)
            return True
        except Exception:  # Redis down, network error, a resilient cache refusing to count…
            logger.warning("Rate limit %s: cache down, allowing the request", self.scope, exc_info=True)
            return True
        return count <= self.effective_limit

    @property
    def effective_limit(self) -> int:
        return getattr(settings, self.limit_setting, self.limit) if self.limit_setting else self.limit


# Every public application form shares one budget of ACCEPTED submissions per address, so a bot cannot spread
# itself over kinds; the number is generous because a school class or an office applies from one address
# (docs in README, «Abuse»).
APPLICATION_SUBMISSIONS = RateLimit(
    scope="applications", limit=30, window_seconds=600, limit_setting="APPLICATION_RATE_LIMIT"
)
RATE_LIMITED_MESSAGE = (
    "С вашего адреса за последние минуты принято очень много заявок. Подождите десять минут и отправьте "
    "форму ещё раз — всё, что вы ввели, сохранено на этой странице."
)
