"""Microsoft's token-signing keys, fetched without ever blocking the event loop.

botframework-connector checks a token's signature with keys it fetches by
`requests.get` (blocking, no timeout) inside a coroutine, so one made-up token
while Microsoft's OpenID endpoint was slow froze the whole server for 30 s. It
looks its key sources up through one hook, `JwtTokenExtractor.get_open_id_metadata`
(the SDK's own per-URL cache); `install()` points that hook at `SigningKeys`:

* fetched with aiohttp, bounded by `FETCH_TIMEOUT`, so the loop keeps serving;
* one fetch at a time per URL, shared by every request waiting for it;
* cached for `MAX_AGE`, refreshed for an unknown key id at most every
  `UNKNOWN_KEY_INTERVAL`, and after a failed fetch not retried for
  `FAILURE_BACKOFF`: a flood of forged tokens costs Microsoft one request;
* when no keys can be had, `KeysUnavailable`, which /api/messages answers with 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 5.0  # seconds for the metadata document and the key set together
MAX_AGE = 24 * 3600.0  # Microsoft rotates keys with weeks of overlap; the SDK also used a day
UNKNOWN_KEY_INTERVAL = 300.0  # a token naming a key we lack refreshes at most this often
FAILURE_BACKOFF = 30.0  # after a failed fetch, requests wait this long before another try
MAX_DOCUMENT_BYTES = 256 * 1024


class KeysUnavailable(Exception):
    """The signing keys could not be fetched (in time): the token cannot be checked now."""


@dataclass(frozen=True)
class SigningKey:
    """What the SDK reads from its metadata: the public key and the channels it endorses."""

    public_key: Any
    endorsements: list[str]


@dataclass
class SigningKeys:
    """The key set behind one OpenID metadata URL; `get` is what the SDK awaits."""

    url: str
    keys: dict[str, SigningKey] = field(default_factory=dict)
    fetched_at: float = float("-inf")  # monotonic time of the last successful fetch
    tried_at: float = float("-inf")  # monotonic time of the last attempt, good or bad
    failed: bool = False
    fetches: int = 0  # attempts made, for the log and the tests
    _fetch: asyncio.Task[None] | None = None

    async def get(self, key_id: str | None) -> SigningKey:
        """The key that signed a token, or PermissionError; KeysUnavailable when unknowable."""
        now = time.monotonic()
        if now - self.fetched_at > MAX_AGE or (
            key_id not in self.keys and now - self.tried_at > UNKNOWN_KEY_INTERVAL
        ):
            await self._refresh(now)
        key = self.keys.get(key_id or "")
        if key is not None:
            return key
        if not self.keys:
            raise KeysUnavailable(f"no signing keys from {self.url}")
        raise PermissionError("the token names a signing key Microsoft does not publish")

    async def _refresh(self, now: float) -> None:
        """Fetch once for everyone waiting; after a failure, back off instead of refetching."""
        if self._fetch is None:
            if self.failed and now - self.tried_at < FAILURE_BACKOFF:
                return
            self.tried_at = now
            self.fetches += 1
            self._fetch = asyncio.get_running_loop().create_task(self._download())
            self._fetch.add_done_callback(self._finished)
        # A request that gives up waiting must not cancel the fetch the others share.
        with contextlib.suppress(KeysUnavailable):  # logged once, in _finished; `get` decides
            await asyncio.shield(self._fetch)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._fetch = None
        if not task.cancelled() and task.exception() is None:
            return
        self.failed = True
        error = "cancelled" if task.cancelled() else repr(task.exception())
        log.warning("could not fetch Bot Framework signing keys from %s: %s", self.url, error)

    async def _download(self) -> None:
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                metadata = await _json(session, self.url)
                jwks = await _json(session, str(metadata["jwks_uri"]))
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as error:
            raise KeysUnavailable(f"{type(error).__name__}: {error}") from None
        keys = _parse_keys(jwks)
        if not keys:
            raise KeysUnavailable("the key set has no usable RSA keys")
        self.keys, self.fetched_at, self.failed = keys, time.monotonic(), False


async def _json(session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with session.get(url) as response:
        response.raise_for_status()
        body = await response.content.read(MAX_DOCUMENT_BYTES + 1)
    if len(body) > MAX_DOCUMENT_BYTES:
        raise ValueError(f"{url} sent more than {MAX_DOCUMENT_BYTES} bytes")
    value = json.loads(body)
    if not isinstance(value, dict):
        raise ValueError(f"{url} did not send a JSON object")
    return value


def _parse_keys(jwks: dict[str, Any]) -> dict[str, SigningKey]:
    keys: dict[str, SigningKey] = {}
    for entry in jwks.get("keys") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str):
            continue
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(entry))
        except Exception:  # PyJWT raises InvalidKeyError and others for keys it cannot read
            log.info("skipped an unreadable signing key %r", entry.get("kid"))
            continue
        endorsements = entry.get("endorsements")
        keys[entry["kid"]] = SigningKey(
            public_key, [e for e in endorsements or [] if isinstance(e, str)]
        )
    return keys


_BY_LOOP: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, SigningKeys]] = (
    weakref.WeakKeyDictionary()
)


def signing_keys(url: str) -> SigningKeys:
    """The one key cache per metadata URL, shared by every token check on this event loop
    (a fetch is a task of one loop; the server runs one, the tests one per test)."""
    caches = _BY_LOOP.setdefault(asyncio.get_running_loop(), {})
    return caches.setdefault(url, SigningKeys(url))


def install() -> None:
    """Make botframework-connector read keys through `SigningKeys` (idempotent)."""
    JwtTokenExtractor.get_open_id_metadata = staticmethod(signing_keys)
