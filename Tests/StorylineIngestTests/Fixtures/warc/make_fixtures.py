#!/usr/bin/env python3
"""Generates the WARC and gzip fixtures of the WARC/Gzip tests (deterministic: gzip mtime 0).

Run from anywhere:  python3 Tests/StorylineIngestTests/Fixtures/warc/make_fixtures.py
Writes, next to this script:
  news.warc.gz            one gzip member per record (record indices below)
  news.warc               the same records, uncompressed
  truncated.warc.gz       news.warc.gz cut in the middle of the member of record 9
  corrupt-member.warc.gz  news.warc.gz with the deflate data of record 5's member damaged
  truncated-record.warc   records 0-2, then a record whose Content-Length runs past the end of the file
  bomb.warc.gz            an article, a gzip-bomb HTTP body, a 3 MB record, another article
  multi-member.gz         "Hello, " and "world!\\n" as two gzip members
  truncated.gz            multi-member.gz without its last 10 bytes
  bomb.gz                 16 MiB of zeros (about 16 KB compressed)
  deflate-zlib.bin        a zlib stream (HTTP Content-Encoding: deflate as the RFC says)
  deflate-raw.bin         raw deflate (what some servers send instead)

news.warc records:
  0 warcinfo
  1 request   https://harbourgazette.example/2025/02/27/council-approves-harbour-wall-repairs/
  2 response  200 text/html; charset=utf-8 (lower-case WARC field names)      -> article
  3 metadata
  4 request   https://www.northline.example/2025/02/27/port-strike-third-day
  5 response  200, Transfer-Encoding: chunked + Content-Encoding: gzip          -> article
  6 request   http://harbourgazette.example/old-story
  7 response  301 Moved Permanently                                            (skipped)
  8 response  200 text/plain robots.txt                                        (skipped)
  9 response  200 text/html; charset=windows-1252                              -> article
 10 response  WARC/1.0, no Content-Type, <bracketed> target URI, sniffed HTML   -> article
 11 revisit   of record 2                                                      (skipped)
 12 response  200 image/jpeg                                                   (skipped)
 13 response  200 text/html, Content-Encoding: deflate (raw deflate)           -> article
 14 response  404 Not Found text/html                                          (skipped)
"""
import gzip
import io
import os
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def gz(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(data)
    return buffer.getvalue()


def record_id(n: int) -> str:
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "storyline-fixture-%d" % n)


def warc_record(fields, block: bytes, version=b"WARC/1.1", lower=False) -> bytes:
    lines = [version]
    for name, value in fields + [("Content-Length", str(len(block)))]:
        if lower:
            name = name.lower()
        lines.append(name.encode() + b": " + value.encode("utf-8"))
    return b"\r\n".join(lines) + b"\r\n\r\n" + block + b"\r\n\r\n"


def http_response(status: str, headers, body: bytes) -> bytes:
    head = "HTTP/1.1 " + status + "\r\n" + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode("latin-1") + body


def http_request(uri: str) -> bytes:
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    host = uri.split("/")[2]
    return ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: StorylineFixtureBot/1.0\r\n"
            "Accept: text/html\r\nAccept-Encoding: gzip, deflate\r\n\r\n" % (path, host)).encode()


def chunked(data: bytes, size: int = 700) -> bytes:
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def page(title, site, paragraphs, lang="en", charset="utf-8", extra_head=""):
    body = "\n".join("      <p>%s</p>" % p for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{title} | {site}</title>
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{title}">{extra_head}
</head>
<body>
  <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{title}</h1>
{body}
    </article>
  </main>
  <footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul>
    <small>&copy; 2025 {site}</small></footer>
</body>
</html>
"""


def warc_fields(kind, n, uri=None, date="2025-02-27T16:00:01Z", content_type=None, extra=()):
    fields = [("WARC-Type", kind), ("WARC-Record-ID", record_id(n)), ("WARC-Date", date)]
    if uri is not None:
        fields.append(("WARC-Target-URI", uri))
    fields += list(extra)
    if content_type:
        fields.append(("Content-Type", content_type))
    return fields


def news_records():
    records = []
    # 0 warcinfo
    info = (b"software: StorylineFixtureBot/1.0\r\nformat: WARC File Format 1.1\r\n"
            b"conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            b"robots: obey\r\n")
    records.append(warc_record(warc_fields("warcinfo", 0, content_type="application/warc-fields",
                                           extra=[("WARC-Filename", "news.warc.gz")]), info))
    # 1-2 article A
    uri_a = "https://harbourgazette.example/2025/02/27/council-approves-harbour-wall-repairs/"
    records.append(warc_record(warc_fields("request", 1, uri_a, content_type="application/http; msgtype=request"),
                               http_request(uri_a)))
    html_a = page("Council approves harbour wall repairs", "The Harbour Gazette", [
        "Councillors voted nine to two on Wednesday night to fund emergency repairs to the harbour wall, "
        "ending months of argument over who should pay.",
        "The wall, built in 1887, was breached twice during the January storms, flooding homes on Quay Street.",
        "\u201cThis is a once in a generation repair,\u201d said council leader Mary Penrose.",
    ]).encode("utf-8")
    resp_a = http_response("200 OK", [("Date", "Thu, 27 Feb 2025 16:00:01 GMT"), ("Server", "nginx"),
                                      ("Content-Type", "text/html; charset=UTF-8"),
                                      ("Content-Length", str(len(html_a)))], html_a)
    records.append(warc_record(warc_fields("response", 2, uri_a, content_type="application/http; msgtype=response",
                                           extra=[("WARC-Concurrent-To", record_id(1)),
                                                  ("WARC-IP-Address", "192.0.2.10")]),
                               resp_a, lower=True))
    # 3 metadata
    records.append(warc_record(warc_fields("metadata", 3, uri_a, content_type="application/warc-fields",
                                           extra=[("WARC-Refers-To", record_id(2))]),
                               b"fetchTimeMs: 212\r\noutlinks: https://harbourgazette.example/news\r\n"))
    # 4-5 article B: chunked + gzip
    uri_b = "https://www.northline.example/2025/02/27/port-strike-third-day"
    records.append(warc_record(warc_fields("request", 4, uri_b, content_type="application/http; msgtype=request"),
                               http_request(uri_b)))
    html_b = page("Port strike enters third day", "Northline Dispatch", [
        "Dockworkers at the Port of Northline walked out for a third day on Thursday, leaving more than forty "
        "container ships waiting offshore.",
        "The union said talks with the port authority had broken down over pensions.",
        "Shipping analysts warned that supermarket shelves could be affected within a week.",
    ] * 3).encode("utf-8")
    resp_b = http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                      ("Transfer-Encoding", "chunked"), ("Vary", "Accept-Encoding")],
                           chunked(gz(html_b)))
    records.append(warc_record(warc_fields("response", 5, uri_b, date="2025-02-27T16:00:03Z",
                                           content_type="application/http; msgtype=response"), resp_b))
    # 6-7 redirect
    uri_c = "http://harbourgazette.example/old-story"
    records.append(warc_record(warc_fields("request", 6, uri_c, content_type="application/http; msgtype=request"),
                               http_request(uri_c)))
    moved = b"<html><body><p>Moved to <a href=\"https://harbourgazette.example/\">here</a>.</p></body></html>"
    records.append(warc_record(warc_fields("response", 7, uri_c, content_type="application/http; msgtype=response"),
                               http_response("301 Moved Permanently",
                                             [("Location", "https://harbourgazette.example/"),
                                              ("Content-Type", "text/html"), ("Content-Length", str(len(moved)))],
                                             moved)))
    # 8 robots.txt
    robots = b"User-agent: *\nDisallow: /admin/\n\nSitemap: https://harbourgazette.example/sitemap.xml\n"
    records.append(warc_record(warc_fields("response", 8, "https://harbourgazette.example/robots.txt",
                                           content_type="application/http; msgtype=response"),
                               http_response("200 OK", [("Content-Type", "text/plain"),
                                                        ("Content-Length", str(len(robots)))], robots)))
    # 9 windows-1252 page, charset only in Content-Type
    uri_d = "https://www.quaysidetimes.example/news/cafe-owners-fight-closure"
    html_d = page("Caf\u00e9 owners fight closure", "Quayside Times", [
        "\u201cWe will not be moved,\u201d said the caf\u00e9 owner, Ren\u00e9e Dubois, as the petition passed "
        "2,000 signatures.",
        "The landlord\u2019s agent declined to comment \u2013 for now.",
    ], charset="windows-1252").replace('<meta charset="windows-1252">', "").encode("cp1252")
    records.append(warc_record(warc_fields("response", 9, uri_d, date="2025-02-27T16:00:07Z",
                                           content_type="application/http; msgtype=response"),
                               http_response("200 OK", [("Content-Type", "text/html; charset=windows-1252")], html_d)))
    # 10 WARC/1.0, no Content-Type, bracketed URI
    uri_e = "https://news.example.net/2025/02/27/ferry-timetable"
    html_e = page("New ferry timetable announced", "Example Net News", [
        "The island ferry will run every forty minutes from March, the operator announced.",
        "Evening sailings on Fridays will be extended until midnight.",
    ]).encode("utf-8")
    records.append(warc_record(warc_fields("response", 10, "<" + uri_e + ">", date="2025-02-27T16:00:09Z",
                                           content_type="application/http; msgtype=response"),
                               http_response("200 OK", [("Server", "Apache")], html_e), version=b"WARC/1.0"))
    # 11 revisit
    records.append(warc_record(warc_fields("revisit", 11, uri_a, content_type="application/http; msgtype=response",
                                           extra=[("WARC-Profile",
                                                   "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
                                                  ("WARC-Refers-To", record_id(2))]),
                               http_response("200 OK", [("Content-Type", "text/html")], b"")))
    # 12 image
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) + b"\xff\xd9"
    records.append(warc_record(warc_fields("response", 12, "https://harbourgazette.example/img/wall.jpg",
                                           content_type="application/http; msgtype=response"),
                               http_response("200 OK", [("Content-Type", "image/jpeg")], jpeg)))
    # 13 raw deflate
    uri_g = "https://harbourgazette.example/2025/02/26/lifeboat-crew-honoured/"
    html_g = page("Lifeboat crew honoured", "The Harbour Gazette", [
        "Six volunteers from the Quay Street lifeboat station were honoured for a rescue in January.",
        "They saved four fishermen whose trawler lost power two miles offshore.",
    ]).encode("utf-8")
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = raw.compress(html_g) + raw.flush()
    records.append(warc_record(warc_fields("response", 13, uri_g, date="2025-02-27T16:00:12Z",
                                           content_type="application/http; msgtype=response"),
                               http_response("200 OK", [("Content-Type", "text/html"),
                                                        ("Content-Encoding", "deflate")], deflated)))
    # 14 404
    missing = page("Page not found", "The Harbour Gazette", ["Sorry, we could not find that page."]).encode()
    records.append(warc_record(warc_fields("response", 14, "https://harbourgazette.example/nope",
                                           content_type="application/http; msgtype=response"),
                               http_response("404 Not Found", [("Content-Type", "text/html")], missing)))
    return records


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    print("%-24s %8d bytes" % (name, len(data)))


def main():
    records = news_records()
    members = [gz(r) for r in records]
    offsets = []
    position = 0
    for m in members:
        offsets.append(position)
        position += len(m)
    write("news.warc.gz", b"".join(members))
    write("news.warc", b"".join(records))
    print("member offsets:", offsets)

    cut = offsets[9] + len(members[9]) // 2
    write("truncated.warc.gz", b"".join(members)[:cut])

    damaged = bytearray(members[5])
    middle = len(damaged) // 2
    for i in range(middle, middle + 16):
        damaged[i] ^= 0x5A
    write("corrupt-member.warc.gz", b"".join(members[:5]) + bytes(damaged) + b"".join(members[6:]))

    short = warc_record(warc_fields("response", 99, "https://harbourgazette.example/cut-off",
                                    content_type="application/http; msgtype=response"),
                        http_response("200 OK", [("Content-Type", "text/html")], b"<html><body><p>" + b"x" * 500))
    short = short.replace(b"Content-Length: ", b"Content-Length: 9")  # claims ten times as many bytes
    write("truncated-record.warc", b"".join(records[:3]) + short)

    bomb_body = gz(b"\0" * (8 << 20))
    bomb_uri = "https://harbourgazette.example/bomb"
    bomb_record = warc_record(warc_fields("response", 20, bomb_uri, content_type="application/http; msgtype=response"),
                              http_response("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                            bomb_body))
    huge = page("A very long page", "The Harbour Gazette",
                ["This paragraph repeats to make a record of three megabytes."] * 50000).encode()
    huge_record = warc_record(warc_fields("response", 21, "https://harbourgazette.example/huge",
                                          content_type="application/http; msgtype=response"),
                              http_response("200 OK", [("Content-Type", "text/html")], huge))
    write("bomb.warc.gz", gz(records[0]) + gz(records[2]) + gz(bomb_record) + gz(huge_record) + gz(records[9]))

    multi = gz(b"Hello, ") + gz(b"world!\n")
    write("multi-member.gz", multi)
    write("truncated.gz", multi[:-10])
    write("bomb.gz", gz(b"\0" * (16 << 20)))
    text = ("Dockworkers at the Port of Northline walked out for a third day. " * 20).encode()
    write("deflate-zlib.bin", zlib.compress(text, 9))
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    write("deflate-raw.bin", raw.compress(text) + raw.flush())


if __name__ == "__main__":
    main()
