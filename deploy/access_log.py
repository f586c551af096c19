"""gunicorn's logger, with the secret part of private addresses left out of the access log.

A status link (/zayavka/kruzhok/<token>/) is the applicant's only key to their application: anyone who reads
the log could open it. The log keeps the route (/zayavka/kruzhok/…/), never the token.
"""

import re

from gunicorn.glogging import Logger

TOKEN_IN_PATH = re.compile(r"(/zayavka/(?:kruzhok|nastavnik)/)[^/?\s]+")
# The atoms that hold the path: %(U)s, the request line %(r)s and the raw URI.
PATH_ATOMS = ("U", "r", "{raw_uri}e")


def route_of(text: str) -> str:
    return TOKEN_IN_PATH.sub(r"\1…", text)


class RouteLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in PATH_ATOMS:
            if isinstance(atoms.get(name), str):
                atoms[name] = route_of(atoms[name])
        return atoms
