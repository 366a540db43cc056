"""URL fetching against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from onrecord.errors import FetchError
from onrecord.ingest.fetch import fetch, parse_content_type
from onrecord.settings import Settings

PAGE = b"<html><body><p>The mayor said the bridge would reopen in June.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/agent":
            self._send(200, self.headers["User-Agent"].encode(), "text/plain")
        elif self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{left - 1}" if left else "/page")
            self.end_headers()
        elif self.path == "/hop-to-a-closed-port":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{closed_port()}/story")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 50_000, "text/plain")
        elif self.path in ("/trickle-headers", "/trickle-body"):
            self._trickle(self.path == "/trickle-headers")
        elif self.path == "/big-unannounced":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the size is only known by reading
            self.wfile.write(b"x" * 50_000)
            self.close_connection = True
        else:
            self._send(404, b"not here", "text/plain")

    def _trickle(self, headers_too: bool) -> None:
        """A slow-loris answer: one byte at a time, each well within the read timeout."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
        if not headers_too:
            self.wfile.write(head)
            head = b""
        try:
            for byte in head + b"x" * 100:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(TRICKLE_PAUSE)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


ALLOWED = Settings(allow_private_addresses=True, fetch_timeout=5.0)
TRICKLE_PAUSE = 0.2  # seconds between the bytes of a slow-loris answer


def test_fetches_a_page(server: str) -> None:
    fetched = fetch(f"{server}/page", ALLOWED)
    assert fetched.content == PAGE
    assert fetched.media_type == "text/html"
    assert fetched.charset == "utf-8"


def test_sends_the_user_agent(server: str) -> None:
    assert fetch(f"{server}/agent", ALLOWED.replace(user_agent="tester/1")).content == b"tester/1"


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="loopback.*--allow-private") as info:
        fetch(f"{server}/page", Settings())
    assert info.value.document == f"{server}/page"


def test_localhost_name_is_refused_after_resolution(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="refused: localhost resolves to"):
        fetch(f"http://localhost:{port}/page", Settings())


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.1", "169.254.169.254", "224.0.0.1"])
def test_private_and_special_addresses_are_refused(address: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://{address}/", Settings())


def test_redirects_are_followed_within_the_bound(server: str) -> None:
    fetched = fetch(f"{server}/hop/2", ALLOWED.replace(max_redirects=3))
    assert fetched.content == PAGE
    assert fetched.url == f"{server}/page"


def test_too_many_redirects(server: str) -> None:
    with pytest.raises(FetchError, match="too many redirects: more than 2"):
        fetch(f"{server}/hop/5", ALLOWED.replace(max_redirects=2))


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversized_body_is_cut_with_an_error(server: str, path: str) -> None:
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{server}{path}", ALLOWED.replace(max_bytes=10_000))


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_slow_loris_server_is_cut_off_at_the_fetch_deadline(server: str, path: str) -> None:
    # Each byte comes well within the 5 s read timeout; the whole answer would take 20 s
    # or more. The deadline is loose against the clock: it bounds the fetch, that is all.
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline of 1 s") as info:
        fetch(f"{server}{path}", ALLOWED.replace(fetch_deadline=1.0))
    assert time.monotonic() - started < 10
    assert info.value.document == f"{server}{path}" and "fetch_deadline" in info.value.reason


def test_http_error_status(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", ALLOWED)


def test_closed_port_is_unreachable() -> None:
    port = closed_port()
    with pytest.raises(FetchError, match="unreachable") as info:
        fetch(f"http://127.0.0.1:{port}/", ALLOWED)
    assert info.value.document == f"http://127.0.0.1:{port}/"


def test_a_failure_after_a_redirect_names_the_url_asked_for(server: str) -> None:
    with pytest.raises(FetchError, match="redirected to http://127.0.0.1:.*unreachable") as info:
        fetch(f"{server}/hop-to-a-closed-port", ALLOWED)
    assert info.value.document == f"{server}/hop-to-a-closed-port"


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/x", "http:///nohost", "http://a:99999/", "http://127.0.0.1:9/\x01"],
)
def test_bad_urls(url: str) -> None:
    with pytest.raises(FetchError):
        fetch(url, ALLOWED)


def test_parse_content_type() -> None:
    assert parse_content_type('Text/HTML; Charset="ISO-8859-1"') == ("text/html", "ISO-8859-1")
    assert parse_content_type(None) == (None, None)
