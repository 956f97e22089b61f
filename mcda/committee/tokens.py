"""Personal links: unguessable tokens, kept only as their sha256, and who they identify.

A token is ``secrets.token_urlsafe(32)`` (256 random bits, 43 URL-safe characters).
The library stores only its sha256 (hex); the token itself is shown once, in the link
printed by ``mcda tender invite``, and travels as the ``t`` query parameter of the
app's URL. Looking a token up hashes it, finds the row by that hash and compares the
hashes again with :func:`hmac.compare_digest`. A token is refused when unknown,
revoked or past its expiry; messages never repeat it (:func:`shape_ok` refuses
anything that is not a token's shape before a database is asked).

>>> token = new_token()
>>> len(token), shape_ok(token), shape_ok("x" * 43 + "?")
(43, True, False)
>>> same(token_hash(token), token_hash(token)), len(token_hash(token))
(True, 64)
>>> link("https://tender.example.com/app?lang=zh", "abc")
'https://tender.example.com/app?lang=zh&t=abc'
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from mcda.errors import MCDAError

__all__ = ["TOKEN_BYTES", "Identity", "issue_identity", "new_token", "token_hash", "same", "shape_ok", "link"]

TOKEN_BYTES = 32  # 256 bits from the operating system's CSPRNG
_PROCESS_KEY = secrets.token_bytes(32)  # seals the identities this process issued (never stored, never shown)
_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


@dataclass(frozen=True)
class Identity:
    """Who holds a valid link: ``role`` (moderator, member, observer) and ``person`` (the member or
    observer id; ``""`` for the moderator) of the tender ``name``."""

    name: str
    role: str
    person: str = ""
    link: int = field(default=0, repr=False)  # the link's row, checked again (revoked? expired?) on every call
    seal: str = field(default="", repr=False, compare=False)

    @property
    def sealed(self) -> bool:
        """Whether :func:`issue_identity` made this identity in this process (an identity built by hand is not)."""
        return same(self.seal, _seal(self.name, self.role, self.person, self.link))

    @property
    def member_id(self) -> str | None:
        """The member id for a member, else None."""
        return self.person if self.role == "member" else None

    @property
    def actor(self) -> str:
        """How the audit log names this person: ``moderator``, ``member:cfo``, ``observer:auditor``."""
        return self.role if not self.person else f"{self.role}:{self.person}"


def _seal(name: str, role: str, person: str, link_id: int) -> str:
    message = "\x1f".join((name, role, person, str(link_id))).encode("utf-8", "surrogatepass")
    return hmac.new(_PROCESS_KEY, message, hashlib.sha256).hexdigest()


def issue_identity(name: str, role: str, person: str, link_id: int) -> Identity:
    """The sealed identity of a checked link (only :meth:`mcda.committee.Tender.identify` calls this)."""
    return Identity(name, role, person, link_id, _seal(name, role, person, link_id))


def new_token() -> str:
    """A fresh token (see the module docstring). It never starts with ``-``, which a command line would take
    for an option (``--token -abc``); drawing again in that case keeps more than 255 bits of entropy."""
    while True:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if not token.startswith("-"):
            return token


def token_hash(token: str) -> str:
    """The sha256 (hex) of a token: the only form a library stores."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two hashes."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def shape_ok(token: object) -> bool:
    """Whether ``token`` looks like a token at all (URL-safe characters, 32-128 of them)."""
    return isinstance(token, str) and bool(_SHAPE.match(token))


def link(base_url: str, token: str) -> str:
    """``base_url`` with the token as its ``t`` query parameter (other parameters kept, an old ``t`` replaced)."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise MCDAError(code="err.committee.bad_url")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"] + [("t", token)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
