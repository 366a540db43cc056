"""A deadline for a whole fetch: connect, TLS, request, headers and body together.

httpx's timeouts bound each network operation, so a server that sends one byte
at a time holds a fetch for as long as it likes (a slow-loris answer; httpx has
no total timeout: encode/httpx#1450). Here every socket operation of one fetch
waits at most for the time left before the fetch's deadline, and none starts
after it: the fetch then ends with ``httpx.TimeoutException`` however the
server trickles.

The transport is httpcore's connection pool — what httpx's own transport wraps
— given a network backend that applies the deadline; httpcore's errors become
httpx's, as httpx's transport maps them.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

__all__ = ["Deadline", "DeadlineTransport"]

# httpcore's errors and httpx's for them, the more specific first (as httpx maps them).
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.ConnectionNotAvailable, httpx.TransportError),
)


class Deadline:
    """The moment a fetch must be over by, ``seconds`` from now."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self._ends

    def timeout(self, timeout: float | None) -> float:
        """How long the next network operation may wait: ``timeout`` or less."""
        left = self._ends - time.monotonic()
        if left <= 0:
            raise httpcore.TimeoutException(f"the deadline of {self.seconds:g} s passed")
        return left if timeout is None else min(timeout, left)


class DeadlineTransport(httpx.BaseTransport):
    """An httpx transport whose every socket operation keeps to one deadline."""

    def __init__(self, deadline: Deadline) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=_Backend(deadline)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,  # type: ignore[arg-type]  # a sync stream: bytes
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            response = self._pool.handle_request(core)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),  # type: ignore[arg-type]  # sync pool, sync body
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except tuple(core for core, _ in _ERRORS) as exc:
        mapped = next(ours for core, ours in _ERRORS if isinstance(exc, core))
        raise mapped(str(exc)) from exc


class _Backend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._deadline = deadline
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._sockets.connect_tcp(
            host, port, self._deadline.timeout(timeout), local_address, socket_options
        )
        return _Stream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.timeout(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.timeout(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.timeout(timeout))
        return _Stream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
