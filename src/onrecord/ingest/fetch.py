"""Fetching one URL, carefully: bounded time, size and redirects, and no
requests into the machine's own networks unless the settings allow it.

Time is bounded twice: each network operation by ``fetch_timeout``, and the
whole fetch — connect, headers and body, over every redirect — by
``fetch_deadline`` (``_deadline``), so that a server trickling its answer
cannot hold a fetch. Name lookups are left to the system resolver's own
timeout; a deadline passed during one ends the fetch before the next request.

Each hop's host is resolved here, its addresses checked, and the request is
sent to the checked address (with the original Host header and TLS server
name), so a DNS answer that changes between check and connect cannot steer
the request to a private address.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from onrecord.errors import FetchError
from onrecord.ingest._deadline import Deadline, DeadlineTransport
from onrecord.settings import Settings

__all__ = ["Fetched", "fetch", "parse_content_type"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A fetched body and what the server said about it."""

    url: str  # after redirects
    content: bytes
    media_type: str | None  # e.g. "text/html", lower case, without parameters
    charset: str | None


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` following at most ``settings.max_redirects`` redirects.

    A failure at a redirect's target is named by ``url``, the document asked for,
    and says where the redirects led.
    """
    headers = {"User-Agent": settings.user_agent}
    hop_url = url
    deadline = Deadline(settings.fetch_deadline)
    client = httpx.Client(
        transport=DeadlineTransport(deadline),
        timeout=settings.fetch_timeout,
        trust_env=False,
        headers=headers,
    )
    with client:
        for _ in range(settings.max_redirects + 1):
            try:
                fetched, next_url = _hop(client, hop_url, settings, deadline)
            except FetchError as exc:
                if hop_url == url:
                    raise
                raise FetchError(url, f"redirected to {hop_url}: {exc.reason}") from exc
            if fetched is not None:
                return fetched
            hop_url = next_url
    raise FetchError(url, f"too many redirects: more than {settings.max_redirects}")


def _hop(
    client: httpx.Client, url: str, settings: Settings, deadline: Deadline
) -> tuple[Fetched | None, str]:
    """One request: the body, or None and the URL it redirects to."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"bad URL: {exc}") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL")
    address = _checked_address(url, parts.hostname, port, settings)
    if deadline.passed:
        raise FetchError(url, _deadline_passed(settings))
    try:
        request = client.build_request(
            "GET",
            _pinned(parts, address),
            headers={"Host": parts.netloc.rpartition("@")[2]},
            extensions={"sni_hostname": parts.hostname},
        )
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise FetchError(url, f"bad URL: {exc}") from exc
    try:
        response = client.send(request, stream=True)
        try:
            if response.status_code in _REDIRECTS and "location" in response.headers:
                return None, urljoin(url, response.headers["location"])
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            content = _read_limited(response, url, settings.max_bytes)
        finally:
            response.close()
    except httpx.TimeoutException as exc:
        if deadline.passed:
            raise FetchError(url, _deadline_passed(settings)) from exc
        why = f"no answer for {settings.fetch_timeout:g} s (the fetch_timeout setting)"
        raise FetchError(url, f"timed out: {why}") from exc
    except (httpx.RemoteProtocolError, httpx.DecodingError) as exc:
        raise FetchError(url, f"bad response from the server: {exc}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, f"unreachable: {exc or type(exc).__name__}") from exc
    media_type, charset = parse_content_type(response.headers.get("content-type"))
    return Fetched(url, content, media_type, charset), url


def _deadline_passed(settings: Settings) -> str:
    return (
        f"timed out: the fetch took longer than its deadline of {settings.fetch_deadline:g} s "
        "(the fetch_deadline setting, ONRECORD_FETCH_DEADLINE)"
    )


def _checked_address(url: str, host: str, port: int | None, settings: Settings) -> _IPAddress:
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"unreachable: cannot resolve host {host!r}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not settings.allow_private_addresses:
        for address in addresses:
            why = _forbidden(address)
            if why:
                raise FetchError(
                    url,
                    f"refused: {host} resolves to {address}, a {why} address; "
                    "allow it with --allow-private (ONRECORD_ALLOW_PRIVATE_ADDRESSES=1)",
                )
    return addresses[0]


def _forbidden(address: _IPAddress) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    return next((name for name, hit in checks if hit), None)


def _pinned(parts: SplitResult, address: _IPAddress) -> str:
    host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def _read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"too large: {declared} bytes, over the limit of {limit}")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise FetchError(url, f"too large: over the limit of {limit} bytes; stopped reading")
    return bytes(body)


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """The media type (lower case) and charset of a Content-Type header."""
    if not header:
        return None, None
    media_type, *params = (p.strip() for p in header.split(";"))
    pairs = (p.partition("=") for p in params)
    charset = next((v.strip("\"'") for k, _, v in pairs if k.strip().lower() == "charset"), None)
    return media_type.lower() or None, charset
