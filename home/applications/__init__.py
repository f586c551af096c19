"""Machinery shared by every kind of application a person sends through the site.

Youth applications to clubs, mentor applications and volunteer sign-ups all use the same pieces, so that each
rule lives in one place:

- `base`: the abstract application and status-change models (reference number, private status token,
  status history, consent record);
- `references`: "2026-000123" reference numbers from one atomic per-year sequence;
- `tokens`: unguessable status-link tokens, of which only a SHA-256 digest is stored;
- `consent`: the separate, unticked consent checkbox and the record of what was agreed to;
- `spam`: honeypot and minimum fill time for public forms;
- `ratelimit`: a per-IP limit on submissions, on the Django cache (Redis in production);
- `notifications`: e-mail sent by background tasks, retried when the mail server fails;
- `exports`: CSV and XLSX exports for those allowed, each one logged;
- `working_days`: when an unanswered application becomes overdue;
- `views`: the private status page with its history and a way to withdraw.
"""
