"""Documents for the robustness tests: WARC archives built with warcio's writer."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = (
    "<html><head><title>Story {n}</title></head><body><article><p>Story number {n}: the"
    " council said on Monday that the new park would open in the spring, after a vote.</p>"
    "</article></body></html>"
)


def page(n: int) -> bytes:
    return PAGE.format(n=n).encode()


def warc_of(bodies: list[bytes], *, gzip: bool, content_type: str = "text/html") -> bytes:
    """A WARC of one HTML ``response`` record per body, the same bytes every time."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, body in enumerate(bodies, start=1):
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        fixed = {  # else a new id and the time now: hypothesis wants the same bytes
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2024-05-30T12:00:00Z",
        }
        record = writer.create_warc_record(
            f"https://news.example/{number}",
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue()
