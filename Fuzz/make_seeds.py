#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpora under Fuzz/Seeds/<harness>/ (committed; rerun only to regenerate).

Sources: the reader test fixtures (Tests/StorylineIngestTests/Fixtures), the example articles (Examples/corpus),
the events test articles (Tests/Fixtures/events/articles.jsonl) and small hand-made inputs for the edge cases each
reader handles. Every seed is kept under 16 KB so that libFuzzer's -max_len does not cut them."""
import gzip, json, os, shutil, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "Fuzz", "Seeds")
FIXTURES = os.path.join(ROOT, "Tests", "StorylineIngestTests", "Fixtures")
LIMIT = 16 * 1024


def write(harness, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data[:LIMIT]
    folder = os.path.join(SEEDS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def fixture(*parts):
    with open(os.path.join(FIXTURES, *parts), "rb") as f:
        return f.read()


def articles():
    """The example articles' texts, each cut to its first 3 KB at a line end."""
    folder = os.path.join(ROOT, "Examples", "corpus")
    texts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            cut = text[:3000]
            texts.append(cut[: cut.rfind("\n") + 1] or cut)
    with open(os.path.join(ROOT, "Tests", "Fixtures", "events", "articles.jsonl"), encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return texts, records


HAND_TEXTS = [
    'He said: "We will not back down." Then he left.',
    "“I have confidence,” Starmer said, ‘if we make a deal’. «Non», a-t-il dit. „Nein“, sagte sie.",
    "The U.S. Dept. of State said Mr. Smith (aged 41) met Dr. Jones at 3 p.m. on Jan. 5. It rained.",
    "'Tis the season. Rock 'n' roll isn't dead, the kids' teacher said. 'Quoted,' she said.",
    '"Nested \'inner ‘deep “deeper” quote’ here\' end," he said. "Unclosed quote at the end',
    "WASHINGTON, July 8 (Reuters) - Leaders met on Tuesday. Talks resume next week...\n\nNew paragraph!?",
    "On 14 March 2024, at 09:30 GMT, the minister said the vote would be held by mid-April or early next year.",
    "Last Thursday, two days ago, the 1990s, the summer of 2023, Q3 2024, FY2025, the next three months, "
    "every Monday, since 2019, 2024-03-14T09:30:00Z, 03/14/2024, Christmas Eve, Easter, tonight, this morning.",
    "From January to March 2025 and between 2 and 5 p.m. on Friday; the week before last; 10 years ago; decades.",
    "Share this article\nRelated Articles\nRead more: Something else\nAdvertisement\nThe real text is here.",
    "Zelenskyy said Ukraine would \"never accept\" a ceasefire, according to a spokesperson for President Macron.",
    "\u00a0\u2003Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ. ﬁnance ﬂow. e\u0301te\u0301. Ⅻ. İstanbul. ß. \u200bzero\u200dwidth. 🇺🇦 👍🏽.",
    "",
    "a",
    ".",
    "\"",
]


def html_seeds():
    for name in sorted(os.listdir(os.path.join(FIXTURES, "html"))):
        write("fuzz-html", name, fixture("html", name))
    texts, records = articles()
    for i, record in enumerate(records[:4]):
        paragraphs = "".join(f"<p>{p}</p>\n" for p in record["text"].split("\n") if p)
        page = (
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{record.get('title', '')}</title>"
            f"<meta property=\"article:published_time\" content=\"{record['published']}\">"
            "<link rel=\"canonical\" href=\"/news/story\">"
            "<script type=\"application/ld+json\">"
            + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                          "headline": record.get("title", ""), "datePublished": record["published"],
                          "author": [{"@type": "Person", "name": "Jane Doe"}],
                          "publisher": {"@type": "Organization", "name": record.get("source", "")}})
            + "</script></head><body><nav><a href=\"/\">Home</a></nav><header>Menu</header>"
            "<article><h1>" + record.get("title", "") + "</h1><div class=\"byline\">By Jane Doe</div>"
            "<time datetime=\"" + record["published"] + "\" pubdate>today</time>"
            "<div itemprop=\"articleBody\">" + paragraphs + "</div>"
            "<div class=\"share\">Share on Facebook</div></article>"
            "<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/x\">Other story</a></li></ul></aside>"
            "<footer>© 2024</footer></body></html>"
        )
        write("fuzz-html", f"made-{i}.html", page)
    write("fuzz-html", "latin1.html", b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
          b"charset=iso-8859-1\"></head><body><p>Caf\xe9 cr\xe8me \x93quoted\x94 na\xefve.</p></body></html>")
    write("fuzz-html", "utf16.html", "<html><body><p>UTF-16 page with text.</p></body></html>".encode("utf-16"))
    write("fuzz-html", "br-text.html", "<html><body><div>First line of text here.<br><br>Second block, "
          "longer, with a sentence.<br><br>Third.</div><noscript>x</noscript><template><p>t</p></template>"
          "<iframe src=x></iframe><svg><text>s</text></svg></body></html>")
    write("fuzz-html", "unclosed.html", "<html><body><article><p>Open <b>bold <i>italic <p>next &amp; &#x201C;"
          "&nbsp;&unknown; &#99999999; <!-- comment <p> --> <![CDATA[ x ]]> <script>document.write('<p>')")


def feed_seeds():
    for name in sorted(os.listdir(os.path.join(FIXTURES, "feeds"))):
        write("fuzz-feed", name, fixture("feeds", name))
    write("fuzz-feed", "rss-cdata.xml", """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://example.com/</link>
<item><title>Minister resigns &amp; leaves</title><link>https://example.com/2024/03/14/minister</link>
<guid isPermaLink="false">id-1</guid><pubDate>Thu, 14 Mar 2024 09:30:00 +0000</pubDate><dc:creator>Jane Doe</dc:creator>
<description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>The minister said on Thursday: "I quit."</p><p>More text follows here.</p><div class="share">Share</div>]]></content:encoded>
</item>
<item><title>Second</title><pubDate>14 Mar 24 09:30 EST</pubDate><description>Plain text body of the item.</description></item>
</channel></rss>
""")
    write("fuzz-feed", "atom-html.xml", """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title type="text">Atom</title><id>urn:x</id>
<updated>2024-03-14T09:30:00Z</updated>
<entry><title type="html">A &lt;em&gt;title&lt;/em&gt;</title><id>urn:1</id><link rel="alternate" href="/a/1"/>
<published>2024-03-14T09:30:00+01:00</published><updated>2024-03-15T00:00:00Z</updated>
<author><name>John Roe</name></author><summary>Summary text.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body one.</p><p>Body two.</p></div></content></entry>
<entry><title>No content</title><id>urn:2</id><content type="text">Just text content, "quoted".</content></entry>
</feed>
""")
    write("fuzz-feed", "latin1-rss.xml", b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"0.91\">"
          b"<channel><item><title>Caf\xe9</title><description>Cr\xe8me br\xfbl\xe9e.</description></item>"
          b"</channel></rss>")


def warc_record(kind, uri, payload, extra=b""):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            "WARC-Date: 2024-03-14T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
            "Content-Type: application/http; msgtype=response\r\n").encode() + extra
    return head + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload + b"\r\n\r\n"


def warc_seeds():
    for name in ["news.warc", "truncated-record.warc", "corrupt-member.warc.gz", "truncated.warc.gz",
                 "multi-member.gz", "truncated.gz"]:
        write("fuzz-warc", name, fixture("warc", name))
    page = b"<html><head><title>T</title></head><body><article><p>A paragraph of article text, long enough.</p>" \
           b"<p>Another paragraph said on Thursday.</p></article></body></html>"
    plain = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    chunks = b"".join(f"{len(page[i:i + 40]):x}\r\n".encode() + page[i:i + 40] + b"\r\n"
                      for i in range(0, len(page), 40)) + b"0\r\n\r\n"
    chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks
    gz = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gzip.compress(page, mtime=0)
    deflate = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n" + \
        zlib.compress(page)
    text = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nPlain text article. It has two sentences."
    redirect = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n"
    info = warc_record("warcinfo", "", b"software: test\r\nformat: WARC File Format 1.0\r\n")
    write("fuzz-warc", "made-plain.warc", info + warc_record("response", "https://example.com/2024/03/14/a", plain))
    write("fuzz-warc", "made-chunked.warc", warc_record("response", "https://example.com/b", chunked))
    write("fuzz-warc", "made-gzip-body.warc", warc_record("response", "https://example.com/c", gz))
    write("fuzz-warc", "made-deflate-body.warc", warc_record("response", "https://example.com/d", deflate)
          + warc_record("response", "https://example.com/e", text) + warc_record("response", "https://e/f", redirect))
    write("fuzz-warc", "made-request.warc", warc_record("request", "https://example.com/", b"GET / HTTP/1.1\r\n\r\n")
          + warc_record("resource", "https://example.com/r", page))
    write("fuzz-warc", "made-members.warc.gz",
          gzip.compress(warc_record("response", "https://example.com/g", plain), mtime=0)
          + gzip.compress(warc_record("response", "https://example.com/h", gz), mtime=0))
    write("fuzz-warc", "html.gz", gzip.compress(page, mtime=0))
    write("fuzz-warc", "jsonl.gz", gzip.compress(b'{"text": "A record. Two sentences."}\n', mtime=0))


def jsonl_seeds():
    texts, records = articles()
    for i in range(0, min(len(records), 12), 3):
        write("fuzz-jsonl", f"events-{i}.jsonl", "".join(json.dumps(r, ensure_ascii=i % 2 == 0) + "\n"
                                                         for r in records[i:i + 3]))
    write("fuzz-jsonl", "example-sources.jsonl",
          open(os.path.join(ROOT, "Examples", "corpus", "storyline-sources.jsonl"), "rb").read())
    write("fuzz-jsonl", "mixed.jsonl",
          '{"text": "Good record.", "published": "2025-03-02T10:15:00Z", "id": 7, "title": null}\r\n'
          '{"text": 42}\n\n  \n{"id": "x", "text": "Escapes \\u201cquoted\\u201d \\ud83d\\ude00 \\n\\t\\\\ \\/"}\n'
          '{"text": "Dup", "text": "keys", "published": "yesterday", "url": "https://e.com/2024/01/02/a"}\n'
          '[1, 2, 3]\n"string"\n{"text": "unterminated\n{"nested": {"a": [1, {"b": [true, false, null, 1.5e10]}]}, '
          '"text": "Nested values.", "source": "Src", "byline": "By A and B", "language": "en"}\n'
          '\ufeff{"text": "After a BOM."}\n{"text": "trailing"} garbage\n')
    write("fuzz-jsonl", "deep.jsonl", "[" * 200 + "]" * 200 + "\n" + '{"a":' * 50 + "1" + "}" * 50 + "\n")


def text_seeds(harness, texts):
    for i, t in enumerate(HAND_TEXTS):
        write(harness, f"hand-{i:02}.txt", t)
    for i, t in enumerate(texts):
        write(harness, f"article-{i}.txt", t)


def main():
    if os.path.isdir(SEEDS):
        shutil.rmtree(SEEDS)
    html_seeds()
    feed_seeds()
    warc_seeds()
    jsonl_seeds()
    texts, records = articles()
    texts += [r["text"][:3000] for r in records[:6]]
    for harness in ["fuzz-sentences", "fuzz-quotations", "fuzz-time", "fuzz-extract"]:
        text_seeds(harness, texts)


main()
