#!/usr/bin/env python3
"""Deterministic generator of real-shaped news HTML pages for the ingest benchmark.

Every page wraps the text of a real news article (the plain-text articles in `Examples/`,
`Examples/corpus/*.txt` and the `text` fields of `../shared/eval/dev/polnear-gold.jsonl`,
whichever exist) in the markup of one of five page templates modelled on the real markup of
real kinds of news sites:

  wire         a wire service (Next.js app: huge __NEXT_DATA__ JSON blob, dateline in the lead)
  broadcaster  a public broadcaster (text-block components, window.__INITIAL_DATA__ string)
  newspaper    a national newspaper; about 40 % of its pages are live blogs with timed entries
  wordpress    a WordPress news blog (Yoast JSON-LD @graph, sharedaddy, comments, sidebar widgets)
  regional     a regional paper (table-ish legacy markup, entity-encoded text, inline "Read more"
               paragraphs and ad slots in the middle of the story, no JSON-LD)

Each page carries the usual chrome: a full <head> with dozens of meta tags, JSON-LD, large inline
scripts and CSS, navigation menus with dozens of links, a cookie banner, share bars, newsletter
boxes, ad slots, figures with captions, related-article teasers (real text from other articles),
comments and a footer. Page weights are drawn per template in the 80–400 KB range.

The ground truth of each page (body paragraphs, sub-headings / live-blog entry headlines,
title, publication date) goes to `truth.jsonl` next to the pages. Captions, teasers, comments,
bylines and datelines are NOT part of the ground-truth body.

Usage: make_pages.py [--out Benchmarks/data/pages] [--pages 1000] [--seed 20250227]
The same seed and the same source texts always give byte-identical pages.
"""
import argparse
import glob
import html
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# --------------------------------------------------------------------------------------------
# Source texts


def _clean(s):
    return re.sub(r"\s+", " ", s).strip()


def _words(s):
    return len(s.split())


def load_plain_text(path):
    """A plain-text article: first short line is the title; a leading 'date YYYY-MM-DD' is the date."""
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    date = None
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", raw)
    if m:
        date = m.group(1)
        raw = raw[m.end():]
    lines = [_clean(l) for l in raw.splitlines()]
    lines = [l for l in lines if l]
    if not lines:
        return None
    while lines and _words(lines[0]) < 4:
        lines.pop(0)  # leading debris ("0 SHARES Share Tweet" is 4 words: also caught below)
    if not lines:
        return None
    title = None
    if re.search(r"\bshares?\b.*\btweet\b", lines[0], re.I):
        lines.pop(0)
    if lines and len(lines[0]) < 160 and not lines[0].endswith((".", ":")) and len(lines) > 1:
        title = lines.pop(0)
    # Keep prose lines; drop short debris ("0 SHARES Share Tweet").
    paragraphs = [l for l in lines if _words(l) >= 8]
    if not paragraphs:
        return None
    if title is None:
        title = " ".join(paragraphs[0].split()[:10]).rstrip(",.;:")
    return {"title": title, "paragraphs": paragraphs, "published": date, "source": os.path.basename(path)}


def load_sources():
    sources = []
    # The founding corpus (bundled in Examples/corpus), then political news from the evaluation kit
    # beside the repository (../shared), when it is there.
    for path in sorted(glob.glob(os.path.join(REPO, "Examples", "corpus", "*.txt"))):
        art = load_plain_text(path)
        if art:
            sources.append(art)
    polnear = os.path.join(REPO, "..", "shared", "eval", "dev", "polnear-gold.jsonl")
    if os.path.exists(polnear):
        with open(polnear, encoding="utf-8") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                text = rec.get("text") or ""
                paras = [_clean(p) for p in re.split(r"\n\s*\n", text)]
                paras = [p for p in paras if p]
                title = _clean(rec.get("title") or "")
                if paras and title and _clean(paras[0]).rstrip(".") == title.rstrip("."):
                    paras = paras[1:]
                if not title and paras:
                    title = " ".join(paras[0].split()[:10])
                pub = rec.get("published")
                if pub and not re.match(r"\d{4}-\d{2}-\d{2}$", pub[:10]):
                    pub = None
                if sum(_words(p) for p in paras) >= 60:
                    sources.append({"title": title, "paragraphs": paras, "published": pub[:10] if pub else None,
                                    "source": rec.get("id", "polnear")})
    # Keep articles with a usable body.
    sources = [s for s in sources if sum(_words(p) for p in s["paragraphs"]) >= 60]
    if not sources:
        # Last resort so the benchmark still runs anywhere: a small built-in text.
        base = ("The city council voted on Tuesday to approve the new budget after a long debate "
                "about spending on schools, roads and public transport in the coming year.")
        sources = [{"title": "Council approves budget after long debate",
                    "paragraphs": [base] * 8, "published": "2025-03-04", "source": "builtin"}]
    return sources


# --------------------------------------------------------------------------------------------
# Chrome vocabulary

SECTIONS = ["World", "US", "UK", "Europe", "Politics", "Business", "Markets", "Economy", "Tech",
            "Science", "Health", "Climate", "Environment", "Sport", "Football", "Culture", "Film",
            "Music", "Books", "Opinion", "Lifestyle", "Travel", "Food", "Video", "Podcasts",
            "Newsletters", "Investigations", "Local", "Education", "Media", "Weather", "Puzzles",
            "Crosswords", "Obituaries", "Fact Check", "Live", "Africa", "Asia", "Middle East",
            "Latin America", "Australia", "Canada", "Ukraine war", "Israel-Gaza", "Elections",
            "Money", "Property", "Cars", "Jobs", "Style", "Wellness", "Games"]
FIRST = ["James", "Maria", "Ahmed", "Sofia", "Chen", "Olivia", "Lukas", "Amara", "Daniel", "Ines",
         "Tom", "Priya", "Mateo", "Hannah", "Kofi", "Elena", "Sam", "Yuki", "Grace", "Omar"]
LAST = ["Smith", "Garcia", "Khan", "Rossi", "Wang", "Novak", "Okafor", "Müller", "Dubois", "Silva",
        "Brennan", "Patel", "Kowalski", "Larsen", "Haddad", "Nguyen", "O'Brien", "Fischer", "Adeyemi", "Moreau"]
AGENCIES = ["Reuters", "AP", "AFP", "Getty Images", "EPA", "PA Media", "Bloomberg", "Shutterstock"]
COOKIE_TEXT = [
    "We use cookies and similar technologies to help personalise content, tailor and measure ads, and "
    "provide a better experience. By clicking accept, you agree to this, as outlined in our Cookie Policy.",
    "We and our partners store and/or access information on a device, such as unique IDs in cookies, to "
    "process personal data. You may accept or manage your choices by clicking below, including your right "
    "to object where legitimate interest is used, or at any time in the privacy policy page.",
    "Your privacy matters to us. We use cookies to make our website work, to understand how you use it "
    "and to show you relevant advertising. Select 'Manage settings' for more information and to manage your choices.",
]
NEWSLETTER_TEXT = [
    "Sign up for our morning briefing: the day's top stories, handpicked by our editors, delivered to your inbox.",
    "Get the latest headlines and breaking news alerts. Enter your email address to subscribe to our free newsletter.",
    "The essential guide to the news of the week. Free newsletter, every Friday. You can unsubscribe at any time.",
]
PAYWALL_TEXT = ("Subscribe now for unlimited access to local news you can trust. "
                "Already a subscriber? Log in to continue reading.")
FOOTER_LINKS = ["About us", "Contact us", "Careers", "Advertise with us", "Terms of use", "Privacy policy",
                "Cookie policy", "Manage cookies", "Accessibility", "Help", "Corrections", "Complaints",
                "Newsletters", "Subscriptions", "Apps", "RSS feeds", "Sitemap", "Archive", "Licensing",
                "Editorial guidelines", "Modern slavery statement", "Press office", "Investor relations"]


class Gen:
    def __init__(self, seed, sources):
        self.rng = random.Random(seed)
        self.sources = sources
        self.sentences = []
        for s in sources:
            for p in s["paragraphs"]:
                self.sentences.extend(x for x in re.split(r"(?<=[.!?])\s+", p) if _words(x) >= 6)
        if not self.sentences:
            self.sentences = ["No comment."]
        self.js_pool = [self._js_chunk() for _ in range(160)]
        self.css_pool = [self._css_chunk() for _ in range(120)]
        self.svg_pool = [self._svg_path() for _ in range(40)]

    # ---- small helpers
    def ident(self, n=None):
        r = self.rng
        n = n or r.randint(1, 3)
        return "".join(r.choice("abcdefghijklmnopqrstuvwxyz_$") for _ in range(n))

    def slug(self, text, limit=8):
        words = re.findall(r"[a-z0-9]+", text.lower())[:limit]
        return "-".join(words) or "story"

    def person(self):
        return self.rng.choice(FIRST) + " " + self.rng.choice(LAST)

    def sentence(self):
        return self.rng.choice(self.sentences)

    def other(self):
        return self.rng.choice(self.sources)

    def _js_chunk(self):
        r = self.rng
        parts = []
        for _ in range(r.randint(6, 14)):
            a, b, c, d = (self.ident() for _ in range(4))
            kind = r.randrange(6)
            if kind == 0:
                parts.append(f"function {a}({b},{c}){{if(!{b})return null;var {d}={c}.length>>>0;for(var i=0;i<{d};i++)"
                             f"{{if({b}[i]===void 0)continue;{c}[i]={b}[i]*{r.randint(2, 97)}+{r.randint(0, 999)}}}return {c}}}")
            elif kind == 1:
                parts.append(f"{a}.prototype.{b}=function({c}){{return this.{d}&&this.{d}[{c}]||\"{self.ident(6)}\"}};")
            elif kind == 2:
                nums = ",".join(str(r.randint(0, 65535)) for _ in range(r.randint(20, 60)))
                parts.append(f"var {a}=[{nums}];")
            elif kind == 3:
                parts.append(f"{a}.push([[{r.randint(100, 9999)}],{{{r.randint(1000, 99999)}:function(e,t,n){{\"use strict\";"
                             f"n.d(t,{{{b}:function(){{return {c}}}}});var {d}=n({r.randint(1000, 99999)}),"
                             f"o=n.n({d});function {c}(e){{return o()(e).replace(/[^a-z0-9]+/gi,\"-\")}}}}}}]);")
            elif kind == 4:
                url = f"https://cdn.{self.ident(5)}.com/{self.ident(4)}/{r.randint(1, 999)}/{self.ident(8)}.js"
                parts.append(f"(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),"
                             f"event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
                             f"j.src='{url}?id='+i;f.parentNode.insertBefore(j,f)}})(window,document,'script','dataLayer','GTM-{self.ident(6).upper()}');")
            else:
                parts.append(f"try{{{a}=JSON.parse(localStorage.getItem(\"{self.ident(7)}\")||\"{{}}\")}}catch({b}){{{a}={{}}}}"
                             f"if({a}.{c}&&Date.now()-{a}.{c}>{r.randint(1000, 9999999)}){{delete {a}.{c}}}")
        return "".join(parts)

    def _css_chunk(self):
        r = self.rng
        rules = []
        for _ in range(r.randint(10, 30)):
            cls = "." + self.ident(2) + "-" + self.ident(6)
            rules.append(f"{cls}{{display:{r.choice(['flex', 'block', 'grid', 'none', 'inline-block'])};"
                         f"margin:{r.randint(0, 32)}px {r.randint(0, 32)}px;padding:{r.randint(0, 24)}px;"
                         f"font-size:{r.randint(10, 32)}px;line-height:{r.randint(100, 180) / 100};"
                         f"color:#{r.randint(0, 0xFFFFFF):06x}}}")
            if r.random() < 0.3:
                rules.append(f"@media (min-width:{r.choice([600, 740, 980, 1140, 1300])}px){{{cls}{{width:{r.randint(20, 100)}%}}}}")
        return "".join(rules)

    def _svg_path(self):
        r = self.rng
        d = "M" + " ".join(f"{r.randint(0, 24)}.{r.randint(0, 99)} {r.randint(0, 24)}.{r.randint(0, 99)}" for _ in range(r.randint(20, 60)))
        return f'<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path d="{d}"/></svg>'

    def js(self, size):
        out, n = [], 0
        while n < size:
            c = self.rng.choice(self.js_pool)
            out.append(c)
            n += len(c)
        return "".join(out)

    def css(self, size):
        out, n = [], 0
        while n < size:
            c = self.rng.choice(self.css_pool)
            out.append(c)
            n += len(c)
        return "".join(out)

    def teasers(self, k):
        items = []
        for _ in range(k):
            o = self.other()
            items.append({"title": o["title"], "summary": o["paragraphs"][0][:220],
                          "url": "/" + self.rng.choice(SECTIONS).lower().replace(" ", "-") + "/" + self.slug(o["title"]),
                          "date": o.get("published") or f"2025-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"})
        return items

    def comments(self, k):
        out = []
        for _ in range(k):
            text = " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))
            out.append((self.person(), f"{self.rng.randint(1, 23)} hours ago", text))
        return out

    def pad_json(self, obj, target):
        """Adds realistic filler (experiments, translations, ad targeting) until the JSON reaches `target` bytes."""
        filler = {}
        n = len(json.dumps(obj))
        i = 0
        while n < target:
            key = f"{self.ident(4)}_{i}"
            val = {"id": self.ident(10), "variant": self.rng.choice(["control", "A", "B"]),
                   "weights": [self.rng.random() for _ in range(8)],
                   "label": self.sentence()[:80], "enabled": self.rng.random() < 0.5}
            filler[key] = val
            n += len(json.dumps(val)) + len(key) + 6
            i += 1
        obj["experiments"] = filler
        return obj


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def script_json(obj):
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def inline_markup(gen, text):
    """Escapes a paragraph and sometimes wraps a few words in a link or emphasis (text unchanged)."""
    words = text.split(" ")
    if len(words) > 12 and gen.rng.random() < 0.35:
        i = gen.rng.randrange(0, len(words) - 4)
        j = i + gen.rng.randint(2, 4)
        tag = gen.rng.choice(["a", "a", "em", "strong"])
        open_tag = f'<a href="https://example.org/{gen.slug(" ".join(words[i:j]))}">' if tag == "a" else f"<{tag}>"
        return esc(" ".join(words[:i])) + " " + open_tag + esc(" ".join(words[i:j])) + f"</{tag}> " + esc(" ".join(words[j:]))
    return esc(text)


def nav(gen, cls, k, base):
    items = gen.rng.sample(SECTIONS, min(k, len(SECTIONS)))
    lis = "".join(f'<li class="{cls}__item"><a class="{cls}__link" href="{base}/{s.lower().replace(" ", "-")}" '
                  f'data-link-name="nav : {attr(s)}">{esc(s)}</a></li>' for s in items)
    return f'<nav class="{cls}" aria-label="Sections"><ul class="{cls}__list">{lis}</ul></nav>'


def share_bar(gen, cls):
    nets = ["Facebook", "X", "WhatsApp", "LinkedIn", "Email", "Copy link"]
    return (f'<div class="{cls}"><span class="{cls}__label">Share</span><ul>' +
            "".join(f'<li><a href="#" class="{cls}__btn" aria-label="Share on {n}">{gen.rng.choice(gen.svg_pool)}'
                    f'<span class="visually-hidden">{n}</span></a></li>' for n in nets) + "</ul></div>")


def cookie_banner(gen):
    return (f'<div id="cmp-banner" class="cmp-container" role="dialog" aria-label="Cookie consent"><div class="cmp-body">'
            f'<h2>We value your privacy</h2><p>{esc(gen.rng.choice(COOKIE_TEXT))}</p>'
            f'<div class="cmp-buttons"><button class="cmp-accept">Accept all</button><button class="cmp-reject">Reject all</button>'
            f'<button class="cmp-manage">Manage settings</button></div></div></div>')


def ad_slot(gen, name):
    return (f'<div class="ad-slot ad-slot--{name}" id="dfp-ad--{name}-{gen.rng.randint(1, 9)}" data-ad-unit="/{gen.rng.randint(1000, 99999)}/news/article/{name}" '
            f'data-sizes="300x250,728x90,970x250" aria-hidden="true"><span class="ad-slot__label">Advertisement</span></div>')


def newsletter(gen):
    return (f'<aside class="newsletter-signup"><h3>Newsletter</h3><p>{esc(gen.rng.choice(NEWSLETTER_TEXT))}</p>'
            f'<form action="/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Email address">'
            f'<button type="submit">Sign up</button></form><p class="privacy-note">By signing up you agree to our privacy policy.</p></aside>')


def footer(gen, site, year):
    links = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}">{esc(s)}</a></li>' for s in FOOTER_LINKS)
    secs = "".join(f'<li><a href="/{s.lower().replace(" ", "-")}">{esc(s)}</a></li>' for s in gen.rng.sample(SECTIONS, 24))
    return (f'<footer class="site-footer"><div class="footer-sections"><ul>{secs}</ul></div><ul class="footer-links">{links}</ul>'
            f'<p class="copyright">© {year} {esc(site)}. All rights reserved. {esc(site)} is not responsible for the content of external sites.</p></footer>')


def figure(gen, para):
    cap = " ".join(para.split()[:gen.rng.randint(6, 14)]).rstrip(",.;:") + "."
    who = gen.person() + "/" + gen.rng.choice(AGENCIES)
    w = gen.rng.choice([640, 800, 976, 1200])
    srcset = ", ".join(f"https://i.example-cdn.com/{gen.ident(12)}/{x}.jpg {x}w" for x in (240, 480, 640, 800, 976, 1200))
    return (f'<figure class="article-figure"><picture><source type="image/webp" srcset="{srcset}">'
            f'<img src="https://i.example-cdn.com/{gen.ident(12)}/{w}.jpg" alt="{attr(cap)}" width="{w}" height="{w * 9 // 16}" loading="lazy"></picture>'
            f'<figcaption><span class="caption">{esc(cap)}</span> <span class="credit">Photograph: {esc(who)}</span></figcaption></figure>')


def head(gen, t, extra_meta="", jsonld=None, css_size=20000, scripts=""):
    """A full <head>: charset, viewport, title with site suffix, dozens of meta tags, preloads, CSS."""
    m = []
    m.append('<meta charset="utf-8">')
    m.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    m.append(f"<title>{esc(t['title'])} | {esc(t['site'])}</title>")
    m.append(f'<meta name="description" content="{attr(t["description"])}">')
    m.append(f'<link rel="canonical" href="{t["url"]}">')
    m.append(f'<meta property="og:site_name" content="{attr(t["site"])}">')
    m.append(f'<meta property="og:type" content="article">')
    m.append(f'<meta property="og:title" content="{attr(t["title"])}">')
    m.append(f'<meta property="og:description" content="{attr(t["description"])}">')
    m.append(f'<meta property="og:url" content="{t["url"]}">')
    m.append(f'<meta property="og:image" content="https://i.example-cdn.com/{gen.ident(12)}/1200.jpg">')
    m.append(f'<meta property="og:locale" content="en_GB">')
    m.append(f'<meta name="twitter:card" content="summary_large_image">')
    m.append(f'<meta name="twitter:site" content="@{gen.slug(t["site"], 2).replace("-", "")}">')
    m.append(f'<meta name="twitter:title" content="{attr(t["title"])}">')
    m.append(f'<meta name="twitter:description" content="{attr(t["description"])}">')
    m.append(f'<meta name="robots" content="max-image-preview:large">')
    m.append(f'<meta name="theme-color" content="#{gen.rng.randint(0, 0xFFFFFF):06x}">')
    m.append(f'<meta name="apple-itunes-app" content="app-id={gen.rng.randint(100000000, 999999999)}">')
    m.append(f'<meta property="fb:app_id" content="{gen.rng.randint(10**14, 10**15)}">')
    m.append(f'<meta name="keywords" content="{attr(", ".join(gen.rng.sample(SECTIONS, 6)))}">')
    for _ in range(gen.rng.randint(4, 10)):
        m.append(f'<link rel="preload" as="script" href="https://assets.example-cdn.com/{gen.ident(8)}.{gen.ident(8)}.js">')
    for _ in range(gen.rng.randint(2, 6)):
        m.append(f'<link rel="preconnect" href="https://{gen.ident(6)}.example-cdn.com">')
    for sz in (16, 32, 180, 192, 512):
        m.append(f'<link rel="icon" sizes="{sz}x{sz}" href="/static/icons/icon-{sz}.png">')
    m.append(extra_meta)
    if jsonld is not None:
        m.append(f'<script type="application/ld+json">{script_json(jsonld)}</script>')
    m.append(f"<style>{gen.css(css_size)}</style>")
    m.append(scripts)
    return "<head>" + "".join(m) + "</head>"


def iso(t):
    return t["published_full"]


# --------------------------------------------------------------------------------------------
# Templates: each returns (html, truth-extras)


def tmpl_wire(gen, t, art, target):
    site = "Reuters-like Wire"
    t["site"] = site
    paras = art["paragraphs"]
    city = gen.rng.choice(["WASHINGTON", "LONDON", "KYIV", "BRUSSELS", "NEW YORK", "PARIS", "BERLIN"])
    dateline = f"{city}, {t['month_abbr']} {t['day']} (Wire) - "
    jsonld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": t["title"],
              "datePublished": iso(t), "dateModified": t["modified_full"], "author": [{"@type": "Person", "name": a} for a in t["authors"]],
              "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "https://wire.example.com/logo.png"}},
              "mainEntityOfPage": t["url"], "articleSection": t["section"], "isAccessibleForFree": True,
              "image": [f"https://i.example-cdn.com/{gen.ident(12)}/1200.jpg"], "description": t["description"]}
    meta = (f'<meta property="article:published_time" content="{iso(t)}">'
            f'<meta property="article:modified_time" content="{t["modified_full"]}">'
            f'<meta name="article:section" content="{t["section"]}">'
            + "".join(f'<meta name="author" content="{attr(a)}">' for a in t["authors"]))
    body = []
    for i, p in enumerate(paras):
        text = (dateline + p) if i == 0 else p
        body.append(f'<p data-testid="paragraph-{i}" class="text__text__1FZLe text__dark-grey__3Ml43 body__full_width__ekUdw">{inline_markup(gen, text) if i else esc(text)}</p>')
        if i == 2:
            body.append(f'<div data-testid="ResponsiveAdSlot" class="article-body__ad">{ad_slot(gen, "mid")}</div>')
    related = gen.teasers(gen.rng.randint(6, 12))
    state = {"props": {"pageProps": {"article": {"id": gen.ident(24), "headline": t["title"], "published_time": iso(t),
             "updated_time": t["modified_full"], "content_elements": [{"type": "paragraph", "content": p} for p in paras],
             "authors": t["authors"], "taxonomy": {"section": t["section"], "keywords": gen.rng.sample(SECTIONS, 8)}},
             "related": related, "navigation": [{"name": s, "url": "/" + s.lower()} for s in SECTIONS]}},
             "page": "/article/[...slug]", "buildId": gen.ident(21), "runtimeConfig": {"ENV": "prod", "CDN": "https://assets.example-cdn.com"}}
    base = sum(len(p) for p in paras) * 2 + 60000
    state = gen.pad_json(state, max(20000, target - base))
    html_ = ["<!DOCTYPE html>", '<html lang="en">',
             head(gen, t, meta, jsonld, css_size=gen.rng.randint(15000, 30000),
                  scripts=f"<script>{gen.js(gen.rng.randint(8000, 20000))}</script>"),
             '<body><div id="__next">', cookie_banner(gen),
             '<header class="site-header"><a href="/" class="logo">Wire</a>', nav(gen, "nav-bar", 40, ""), "</header>",
             ad_slot(gen, "top"),
             '<main id="main-content"><article class="article__container">',
             f'<header class="article-header"><nav class="breadcrumb"><a href="/world">World</a> <a href="/{t["section"].lower()}">{esc(t["section"])}</a></nav>',
             f'<h1 data-testid="Heading" class="text__heading_2">{esc(t["title"])}</h1>',
             f'<div class="article-byline"><span>By {" and ".join(esc(a) for a in t["authors"])}</span></div>',
             f'<div class="article-info"><time datetime="{iso(t)}">{t["display_date"]}</time> <span>Updated {gen.rng.randint(2, 9)} hours ago</span></div>',
             share_bar(gen, "share-bar"), "</header>",
             figure(gen, paras[0]),
             '<div class="article-body__content__17Yit">', "".join(body), "</div>",
             f'<p class="sign-off">Reporting by {esc(t["authors"][0])}; Editing by {esc(gen.person())}</p>',
             '<p class="trust-principles"><a href="/principles">Our Standards: The Trust Principles.</a></p>',
             "</article>",
             '<aside class="related"><h2>Read Next</h2><ul>' +
             "".join(f'<li><a href="{r["url"]}"><h3>{esc(r["title"])}</h3></a><time>{r["date"]}</time></li>' for r in related[:6]) + "</ul></aside>",
             newsletter(gen), "</main>", footer(gen, site, t["year"]), "</div>",
             f'<script id="__NEXT_DATA__" type="application/json">{script_json(state)}</script>',
             f"<script>{gen.js(gen.rng.randint(20000, 40000))}</script>", "</body></html>"]
    return "".join(html_), {"paragraphs": paras, "headings": [], "dateline": dateline.strip()}


def tmpl_broadcaster(gen, t, art, target):
    site = "Public Broadcaster News"
    t["site"] = site
    paras = art["paragraphs"]
    jsonld = {"@context": "http://schema.org", "@type": "ReportageNewsArticle", "url": t["url"], "headline": t["title"],
              "datePublished": iso(t), "dateModified": t["modified_full"], "thumbnailUrl": f"https://ichef.example.com/{gen.ident(10)}.jpg",
              "author": {"@type": "NewsMediaOrganization", "name": site, "logo": {"@type": "ImageObject", "url": "https://static.example.com/logo.png"}},
              "publisher": {"@type": "NewsMediaOrganization", "name": site}, "mainEntityOfPage": t["url"]}
    blocks = []
    subheads = []
    for i, p in enumerate(paras):
        if i and i % 5 == 0 and gen.rng.random() < 0.6:
            sh = " ".join(p.split()[:gen.rng.randint(3, 6)]).rstrip(",.;:'\"")
            subheads.append(sh)
            blocks.append(f'<div data-component="subheadline-block" class="ssrcss-{gen.ident(6)}-ComponentWrapper"><h2 class="ssrcss-{gen.ident(6)}-StyledHeading">{esc(sh)}</h2></div>')
        blocks.append(f'<div data-component="text-block" class="ssrcss-{gen.ident(6)}-ComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p class="ssrcss-1q0x1qg-Paragraph">{inline_markup(gen, p)}</p></div></div>')
        if i == 1:
            blocks.append(f'<div data-component="image-block" class="ssrcss-{gen.ident(6)}-ComponentWrapper">{figure(gen, p)}</div>')
        if i == 3:
            o = gen.other()
            blocks.append(f'<div data-component="links-block"><p class="ssrcss-related">Read more: <a href="/news/{gen.slug(o["title"])}">{esc(o["title"])}</a></p></div>')
    related = gen.teasers(gen.rng.randint(8, 14))
    topics = "".join(f'<li><a href="/news/topics/{gen.ident(10)}">{esc(s)}</a></li>' for s in gen.rng.sample(SECTIONS, 5))
    state = {"data": {"article": {"headline": t["title"], "blocks": [{"type": "paragraph", "model": {"text": p}} for p in paras]},
                      "onward": related, "most-read": gen.teasers(10)}, "contextState": {"env": "live", "isUK": True}}
    base = sum(len(p) for p in paras) * 3 + 70000
    state = gen.pad_json(state, max(20000, target - base))
    html_ = ["<!DOCTYPE html>", '<html lang="en-GB" class="no-js">',
             head(gen, t, f'<meta name="article:published_time" content="{iso(t)}">' if gen.rng.random() < 0.5 else "",
                  jsonld, css_size=gen.rng.randint(20000, 40000),
                  scripts=f'<script>window.orbitFlags={{"ads":true,"analytics":true}};{gen.js(gen.rng.randint(10000, 25000))}</script>'),
             "<body>", cookie_banner(gen),
             '<div id="orb-banner"><header class="orb-header"><a href="/" class="orb-logo">Broadcaster</a>',
             nav(gen, "orb-nav", 30, "https://www.example-broadcaster.co.uk"), nav(gen, "nws-nav", 20, "/news"), "</header></div>",
             '<div id="main-wrapper"><main id="main-content" role="main"><article>',
             f'<header data-component="headline-block"><h1 id="main-heading" class="ssrcss-15xko80-StyledHeading" tabindex="-1">{esc(t["title"])}</h1></header>',
             f'<div data-component="byline-block"><div class="ssrcss-byline"><span>{esc(t["authors"][0])}</span><span>{esc(gen.rng.choice(["Political correspondent", "BBC News", "World affairs editor", "Reporting from Kyiv"]))}</span></div></div>',
             f'<div class="ssrcss-timestamp"><time data-testid="timestamp" datetime="{t["published_z"]}">{t["display_date"]}</time></div>',
             share_bar(gen, "ssrcss-share"),
             "".join(blocks),
             f'<section data-component="topic-list"><h2>Related topics</h2><ul>{topics}</ul></section>',
             "</article>",
             '<section data-component="onward-journeys"><h2>More on this story</h2><ul>' +
             "".join(f'<li><a href="{r["url"]}"><span>{esc(r["title"])}</span></a><p>{esc(r["summary"])}</p></li>' for r in related) + "</ul></section>",
             '<section class="most-read"><h2>Most read</h2><ol>' +
             "".join(f'<li><a href="{r["url"]}">{esc(r["title"])}</a></li>' for r in gen.teasers(10)) + "</ol></section>",
             "</main></div>", footer(gen, site, t["year"]),
             f'<script>window.__INITIAL_DATA__={script_json(json.dumps(state, ensure_ascii=False))};</script>',
             f"<script>{gen.js(gen.rng.randint(25000, 50000))}</script>", "</body></html>"]
    return "".join(html_), {"paragraphs": paras, "headings": subheads, "dateline": None}


def tmpl_newspaper(gen, t, art, target, live):
    site = "The Daily Chronicle"
    t["site"] = site
    headings = []
    if live:
        # A live blog: the article and a few more stories as timed entries, newest first.
        t["title"] = "Live: " + t["title"]
        t["description"] = "Follow the latest updates as they happen."
        pool = [art] + [gen.other() for _ in range(gen.rng.randint(2, 5))]
        chunks = []
        for a in pool:
            ps = a["paragraphs"]
            i = 0
            while i < len(ps):
                k = gen.rng.randint(1, 4)
                chunks.append(ps[i:i + k])
                i += k
        hour, minute = 23, 50
        entries, paras, blocks = [], [], []
        for n, ch in enumerate(chunks):
            minute -= gen.rng.randint(4, 25)
            while minute < 0:
                minute += 60
                hour -= 1
            hour = max(hour, 0)
            stamp = f"{hour:02d}:{minute:02d}"
            h = None
            if gen.rng.random() < 0.6:
                h = " ".join(ch[0].split()[:gen.rng.randint(4, 9)]).rstrip(",.;:'\"")
                headings.append(h)
            paras.extend(ch)
            ps = "".join(f"<p>{inline_markup(gen, p)}</p>" for p in ch)
            blocks.append(f'<article id="block-{gen.ident(24)}" class="block" data-block-id="{n}">'
                          f'<header class="block-header"><p class="block-time published-time"><a href="?page=with:block-{n}#block-{n}">'
                          f'<time datetime="{t["date"]}T{stamp}:00Z">{stamp}</time> <span class="block-time__absolute">{stamp} GMT</span></a></p>'
                          + (f'<h2 class="block-title">{esc(h)}</h2>' if h else "") + '</header>'
                          f'<div class="block-elements">{ps}</div>'
                          f'<footer class="block-footer">{share_bar(gen, "block-share") if gen.rng.random() < 0.3 else ""}</footer></article>')
            if n % 6 == 5:
                blocks.append(ad_slot(gen, f"liveblog-inline-{n}"))
        keyevents = "".join(f'<li><a href="#block-{i}">{esc(h)}</a></li>' for i, h in enumerate(headings[:10]))
        content = (f'<div class="keyevents"><h2>Key events</h2><ul>{keyevents}</ul></div>'
                   f'<div id="liveblog-body" class="js-liveblog-body">{"".join(blocks)}</div>')
        jtype = "LiveBlogPosting"
    else:
        paras = art["paragraphs"]
        parts = []
        for i, p in enumerate(paras):
            if i and i % 6 == 0 and gen.rng.random() < 0.5:
                h = " ".join(p.split()[:gen.rng.randint(3, 6)]).rstrip(",.;:'\"")
                headings.append(h)
                parts.append(f"<h2>{esc(h)}</h2>")
            parts.append(f'<p class="dcr-{gen.ident(4)}">{inline_markup(gen, p)}</p>')
            if i == 2:
                parts.append(ad_slot(gen, "inline1"))
            if i == 4:
                parts.append(f'<figure class="element element-rich-link"><aside><a href="/{gen.slug(gen.other()["title"])}">Related: {esc(gen.other()["title"])}</a></aside></figure>')
            if i == 5:
                parts.append(figure(gen, p))
        content = f'<div id="maincontent" class="article-body-commercial-selector article-body-viewer-selector dcr-{gen.ident(6)}">{"".join(parts)}</div>'
        jtype = "NewsArticle"
    jsonld = [{"@context": "https://schema.org", "@type": jtype, "@id": t["url"], "headline": t["title"],
               "datePublished": iso(t), "dateModified": t["modified_full"],
               "author": [{"@type": "Person", "name": a, "sameAs": f"/profile/{gen.slug(a)}"} for a in t["authors"]],
               "publisher": {"@type": "Organization", "name": site}, "mainEntityOfPage": t["url"], "isAccessibleForFree": True},
              {"@context": "https://schema.org", "@type": "WebPage", "@id": t["url"], "potentialAction": {"@type": "ViewAction", "target": "android-app://com.example.chronicle"}}]
    meta = (f'<meta property="article:published_time" content="{iso(t)}"><meta property="article:modified_time" content="{t["modified_full"]}">'
            f'<meta property="article:section" content="{t["section"]}">' +
            "".join(f'<meta property="article:author" content="https://www.example-chronicle.com/profile/{gen.slug(a)}">' for a in t["authors"]))
    config = {"page": {"contentType": "LiveBlog" if live else "Article", "headline": t["title"], "webPublicationDate": iso(t),
                       "section": t["section"], "keywords": ",".join(gen.rng.sample(SECTIONS, 7)), "isPaidContent": False},
              "switches": {gen.ident(9): gen.rng.random() < 0.5 for _ in range(300)},
              "tests": {gen.ident(12): gen.rng.choice(["control", "variant"]) for _ in range(40)}}
    config = gen.pad_json(config, max(15000, (target - 120000 - sum(len(p) for p in paras)) // 2))
    html_ = ["<!DOCTYPE html>", '<html lang="en">',
             head(gen, t, meta, jsonld, css_size=gen.rng.randint(25000, 50000),
                  scripts=f'<script>window.guardian={{"config":{script_json(config)}}};{gen.js(gen.rng.randint(10000, 20000))}</script>'),
             "<body>", cookie_banner(gen),
             '<div class="top-banner">' + ad_slot(gen, "top-above-nav") + "</div>",
             '<header data-component="header"><a href="/" class="logo">The Daily Chronicle</a>',
             '<div class="support-us"><p>Support independent journalism</p><a href="/contribute">Support us</a></div>',
             nav(gen, "pillars", 8, ""), nav(gen, "subnav", 25, ""), nav(gen, "expanded-menu", 50, ""), "</header>",
             f'<main data-layout="{"LiveLayout" if live else "StandardLayout"}"><article>',
             f'<div data-gu-name="title"><a href="/{t["section"].lower()}" class="section-label">{esc(t["section"])}</a></div>',
             f'<div data-gu-name="headline"><h1 class="dcr-headline">{esc(t["title"])}</h1></div>',
             f'<div data-gu-name="standfirst"><div class="dcr-standfirst"><p>{esc(t["description"])}</p></div></div>',
             f'<div data-gu-name="meta"><address>{" and ".join(f"<a rel=author href=/profile/{gen.slug(a)}>{esc(a)}</a>" for a in t["authors"])}</address>'
             f'<details class="dcr-dateline"><summary>{t["display_date"]}</summary><span>Last modified on {t["display_date"]}</span></details>',
             share_bar(gen, "dcr-share"), f'<div class="comment-count">{gen.rng.randint(10, 2000)} comments</div></div>',
             figure(gen, paras[0]) if not live else "",
             f'<div data-gu-name="body">{content}</div>',
             '<div class="submeta"><h2>Explore more on these topics</h2><ul>' +
             "".join(f'<li><a href="/{s.lower()}">{esc(s)}</a></li>' for s in gen.rng.sample(SECTIONS, 6)) + "</ul></div>",
             '<div class="contributions-epic"><h2>We have a small favour to ask</h2><p>Millions of readers around the world rely on our '
             'journalism. We believe everyone deserves access to information that is grounded in science and truth.</p>'
             '<a href="/contribute">Support us</a></div>',
             "</article>",
             '<section class="onwards"><h2>More stories</h2><ul>' +
             "".join(f'<li><a href="{r["url"]}"><h3>{esc(r["title"])}</h3></a><p>{esc(r["summary"])}</p></li>' for r in gen.teasers(gen.rng.randint(8, 16))) + "</ul></section>",
             '<section id="comments" class="discussion"><h2>Comments</h2><ul>' +
             "".join(f'<li class="comment"><div class="comment-author">{esc(a)}</div><time>{w}</time><div class="comment-body"><p>{esc(c)}</p></div></li>'
                     for a, w, c in gen.comments(gen.rng.randint(5, 15))) + "</ul></section>",
             newsletter(gen), "</main>", footer(gen, site, t["year"]),
             f"<script>{gen.js(gen.rng.randint(30000, 60000))}</script>", "</body></html>"]
    return "".join(html_), {"paragraphs": paras, "headings": headings, "dateline": None}


def tmpl_wordpress(gen, t, art, target):
    site = gen.rng.choice(["Capitol Watch", "The Policy Desk", "Frontline Politics", "Newsroom Daily"])
    t["site"] = site
    paras = art["paragraphs"]
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": t["url"] + "#article", "isPartOf": {"@id": t["url"]}, "author": {"name": t["authors"][0], "@id": f"https://example.com/#/schema/person/{gen.ident(32)}"},
         "headline": t["title"], "datePublished": iso(t), "dateModified": t["modified_full"], "mainEntityOfPage": {"@id": t["url"]},
         "wordCount": sum(_words(p) for p in paras), "commentCount": gen.rng.randint(0, 80), "publisher": {"@id": "https://example.com/#organization"},
         "articleSection": [t["section"]], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": t["url"], "url": t["url"], "name": t["title"] + " - " + site, "datePublished": iso(t),
         "breadcrumb": {"@id": t["url"] + "#breadcrumb"}},
        {"@type": "BreadcrumbList", "@id": t["url"] + "#breadcrumb", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://example.com/"},
                                                                                      {"@type": "ListItem", "position": 2, "name": t["title"]}]},
        {"@type": "Organization", "@id": "https://example.com/#organization", "name": site, "url": "https://example.com/"}]}
    meta = (f'<meta property="article:published_time" content="{iso(t)}"><meta property="article:modified_time" content="{t["modified_full"]}">'
            f'<meta name="author" content="{attr(t["authors"][0])}"><meta name="generator" content="WordPress 6.7.2">'
            f'<link rel="alternate" type="application/rss+xml" title="{attr(site)} &raquo; Feed" href="https://example.com/feed/">'
            f"<link rel='stylesheet' id='wp-block-library-css' href='https://example.com/wp-includes/css/dist/block-library/style.min.css?ver=6.7.2' media='all' />")
    scripts = (f'<script>window._wpemojiSettings={{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png"}};'
               f'{gen.js(gen.rng.randint(6000, 12000))}</script>'
               f"<script id='jquery-core-js'>{gen.js(gen.rng.randint(15000, 30000))}</script>")
    body = []
    for i, p in enumerate(paras):
        body.append(f"<p>{inline_markup(gen, p)}</p>")
        if i == 3:
            body.append(f'<div class="code-block code-block-3" style="margin: 8px 0; clear: both;">{ad_slot(gen, "in-content")}</div>')
    widgets = "".join(f'<section id="recent-posts-{i}" class="widget widget_recent_entries"><h2 class="widget-title">{esc(name)}</h2><ul>' +
                      "".join(f'<li><a href="{r["url"]}">{esc(r["title"])}</a><span class="post-date">{r["date"]}</span></li>' for r in gen.teasers(8)) + "</ul></section>"
                      for i, name in enumerate(["Recent Posts", "Trending", "Editor's Picks"]))
    tags = "".join(f'<a href="https://example.com/tag/{gen.slug(s)}/" rel="tag">{esc(s)}</a>' for s in gen.rng.sample(SECTIONS, 5))
    comments = "".join(f'<li class="comment even thread-even depth-1" id="comment-{gen.rng.randint(1000, 99999)}"><article class="comment-body">'
                       f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(a)}</b> <span class="says">says:</span></div>'
                       f'<div class="comment-metadata"><time>{w}</time></div></footer><div class="comment-content"><p>{esc(c)}</p></div>'
                       f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#">Reply</a></div></article></li>'
                       for a, w, c in gen.comments(gen.rng.randint(3, 25)))
    filler = max(0, target - 60000 - sum(len(p) for p in paras))
    html_ = ["<!DOCTYPE html>", '<html lang="en-US">',
             head(gen, t, meta, graph, css_size=gen.rng.randint(10000, 25000) + filler // 3, scripts=scripts),
             '<body class="post-template-default single single-post postid-12345 single-format-standard wp-embed-responsive">',
             '<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>',
             f'<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="https://example.com/" rel="home">{esc(site)}</a></p>'
             f'<p class="site-description">Independent political news and analysis</p></div>',
             nav(gen, "main-navigation", 30, "https://example.com/category"), "</header>",
             '<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">',
             f'<article id="post-12345" class="post-12345 post type-post status-publish format-standard has-post-thumbnail hentry category-{gen.slug(t["section"])}">',
             f'<header class="entry-header"><h1 class="entry-title">{esc(t["title"])}</h1>'
             f'<div class="entry-meta"><span class="posted-on">Posted on <a href="{t["url"]}" rel="bookmark"><time class="entry-date published" datetime="{iso(t)}">{t["display_date"]}</time>'
             f'<time class="updated" datetime="{t["modified_full"]}">{t["display_date"]}</time></a></span>'
             f'<span class="byline"> by <span class="author vcard"><a class="url fn n" href="https://example.com/author/{gen.slug(t["authors"][0])}/">{esc(t["authors"][0])}</a></span></span></div></header>',
             f'<div class="post-thumbnail">{figure(gen, paras[0])}</div>',
             '<div class="entry-content">', "".join(body),
             f'<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>{share_bar(gen, "sd-content")}</div></div>',
             '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>' +
             "".join(f'<div class="jp-relatedposts-post"><h4><a href="{r["url"]}">{esc(r["title"])}</a></h4><p>{esc(r["summary"])}</p></div>' for r in gen.teasers(3)) + "</div>",
             "</div>",
             f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/{gen.slug(t["section"])}">{esc(t["section"])}</a></span><span class="tags-links">Tagged {tags}</span></footer>',
             f'<div class="author-bio"><h2>About {esc(t["authors"][0])}</h2><p>{esc(t["authors"][0])} covers politics and government. Previously at several regional papers.</p></div>',
             "</article>",
             f'<nav class="navigation post-navigation"><div class="nav-previous"><a href="/{gen.slug(gen.other()["title"])}">{esc(gen.other()["title"])}</a></div>'
             f'<div class="nav-next"><a href="/{gen.slug(gen.other()["title"])}">{esc(gen.other()["title"])}</a></div></nav>',
             f'<div id="comments" class="comments-area"><h2 class="comments-title">Responses</h2><ol class="comment-list">{comments}</ol>'
             '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>'
             '<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>'
             '<textarea id="comment" name="comment"></textarea><input name="submit" type="submit" value="Post Comment"></form></div></div>',
             "</main></div>",
             f'<aside id="secondary" class="widget-area">{newsletter(gen)}{widgets}</aside></div>',
             footer(gen, site, t["year"]), cookie_banner(gen), "</div>",
             f"<script id='jetpack-js'>{gen.js(gen.rng.randint(10000, 20000) + filler // 3)}</script>", "</body></html>"]
    return "".join(html_), {"paragraphs": paras, "headings": [], "dateline": None}


def tmpl_regional(gen, t, art, target):
    site = gen.rng.choice(["Valley Herald", "Northern Gazette", "County Courier", "Lakeside Tribune"])
    t["site"] = site
    paras = art["paragraphs"]

    def ent(s):
        # Legacy CMS: non-ASCII text as numeric character references.
        return esc(s).encode("ascii", "xmlcharrefreplace").decode("ascii")

    body = []
    for i, p in enumerate(paras):
        body.append(f'<p>{ent(p)}</p>')
        if i == 1:
            o = gen.other()
            body.append(f'<p class="read-more"><strong>Read more:</strong> <a href="/news/{gen.slug(o["title"])}">{ent(o["title"])}</a></p>')
        if i == 3:
            body.append(f'<div class="story-ad">{ad_slot(gen, "story-inline")}<span>Story continues below advertisement</span></div>')
    meta = (f'<meta name="date" content="{t["date"]}"><meta name="author" content="{attr(t["authors"][0])}">'
            f'<meta name="news_keywords" content="{attr(", ".join(gen.rng.sample(SECTIONS, 5)))}">'
            f'<meta name="tncms-access-version" content="{gen.rng.randint(100000, 999999)}">')
    ads = {"site": site, "zones": [{"id": gen.ident(8), "sizes": [[300, 250], [728, 90]], "targeting": {"section": t["section"], "pos": i}} for i in range(40)]}
    ads = gen.pad_json(ads, max(10000, (target - 90000 - sum(len(p) for p in paras)) // 2))
    weather = "".join(f'<td><span class="day">{d}</span><span class="temp">{gen.rng.randint(-5, 30)}&deg;</span></td>' for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    html_ = ["<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
             '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">',
             head(gen, t, meta, None, css_size=gen.rng.randint(20000, 40000),
                  scripts=f"<script>var adZones={script_json(ads)};{gen.js(gen.rng.randint(15000, 30000))}</script>"),
             '<body class="story-page"><div id="site-container">',
             '<div id="top-bar"><table class="weather"><tr>' + weather + "</tr></table>"
             '<a href="/subscribe" class="btn">Subscribe</a> <a href="/login">Log in</a> <a href="/e-edition">e-Edition</a></div>',
             ad_slot(gen, "leaderboard"),
             f'<div id="masthead"><a href="/"><img src="/logo.png" alt="{attr(site)}"></a></div>',
             nav(gen, "main-menu", 45, ""),
             '<div id="breaking-news-bar"><span>Breaking</span> <a href="/news/' + gen.slug(gen.other()["title"]) + '">' + ent(gen.other()["title"]) + "</a></div>",
             '<table id="layout" width="100%"><tr><td id="main-column" valign="top">',
             '<div class="asset" itemscope itemtype="http://schema.org/NewsArticle">',
             f'<div class="asset-header"><h1 class="headline" itemprop="headline"><span>{ent(t["title"])}</span></h1>',
             f'<ul class="list-inline"><li><span class="asset-author">By {ent(t["authors"][0])} Staff Writer</span></li>'
             f'<li><time datetime="{iso(t)}" itemprop="datePublished">Posted: {t["display_date_long"]}</time></li></ul></div>',
             share_bar(gen, "share-tools"),
             figure(gen, paras[0]),
             f'<div id="article-body" class="asset-content subscriber-premium" itemprop="articleBody">{"".join(body)}</div>',
             f'<div class="paywall-prompt"><p>{PAYWALL_TEXT}</p></div>',
             f'<div class="asset-contact"><p>Contact {ent(t["authors"][0])} at newsroom@example-regional.com.</p></div>',
             "</div>",
             '<div id="related-content"><h3>Related stories</h3>' +
             "".join(f'<div class="card"><a href="{r["url"]}"><h4>{ent(r["title"])}</h4></a><p class="card-lead">{ent(r["summary"])}</p></div>' for r in gen.teasers(gen.rng.randint(6, 10))) + "</div>",
             '<div id="comments"><h3>Comments</h3>' +
             "".join(f'<div class="comment"><b>{ent(a)}</b> <i>{w}</i><p>{ent(c)}</p></div>' for a, w, c in gen.comments(gen.rng.randint(0, 10))) + "</div>",
             '</td><td id="right-rail" valign="top" width="300">', ad_slot(gen, "rail-1"), newsletter(gen),
             '<div class="most-popular"><h3>Most popular</h3><ol>' +
             "".join(f'<li><a href="{r["url"]}">{ent(r["title"])}</a></li>' for r in gen.teasers(10)) + "</ol></div>",
             ad_slot(gen, "rail-2"), "</td></tr></table>",
             footer(gen, site, t["year"]), cookie_banner(gen), "</div>",
             f"<script>{gen.js(gen.rng.randint(20000, 40000))}</script>", "</body></html>"]
    return "".join(html_), {"paragraphs": paras, "headings": [], "dateline": None}


# Share of pages and target page weight range (bytes) per template.
TEMPLATES = [
    ("wire", 0.22, (90_000, 220_000)),
    ("broadcaster", 0.20, (100_000, 240_000)),
    ("newspaper", 0.22, (100_000, 280_000)),
    ("wordpress", 0.18, (70_000, 160_000)),
    ("regional", 0.18, (80_000, 200_000)),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
ZONES = {"wire": "Z", "broadcaster": "+00:00", "newspaper": "+01:00", "wordpress": "-05:00", "regional": "-06:00"}


def make_page(gen, idx, art):
    r = gen.rng
    x = r.random()
    acc = 0.0
    for name, share, (lo, hi) in TEMPLATES:
        acc += share
        if x < acc:
            break
    target = r.randint(lo, hi)
    pub = art.get("published")
    if pub:
        y, mo, d = (int(v) for v in pub.split("-"))
    else:
        y, mo, d = r.choice([2024, 2025]), r.randint(1, 12), r.randint(1, 28)
    hh, mm = r.randint(6, 21), r.randint(0, 59)
    zone = ZONES[name]
    date = f"{y:04d}-{mo:02d}-{d:02d}"
    title = art["title"]
    authors = [gen.person() for _ in range(r.choice([1, 1, 1, 2]))]
    section = r.choice(["World", "Politics", "US", "Europe", "Business"])
    t = {"title": title, "date": date, "year": y, "day": d, "month_abbr": MONTHS[mo - 1][:3],
         "published_full": f"{date}T{hh:02d}:{mm:02d}:00{zone}",
         "published_z": f"{date}T{hh:02d}:{mm:02d}:00.000Z",
         "modified_full": f"{date}T{min(hh + r.randint(0, 2), 23):02d}:{r.randint(0, 59):02d}:00{zone}",
         "display_date": f"{d} {MONTHS[mo - 1]} {y}",
         "display_date_long": f"{MONTHS[mo - 1]} {d}, {y} {((hh - 1) % 12) + 1}:{mm:02d} {'am' if hh < 12 else 'pm'}",
         "authors": authors, "section": section,
         "description": " ".join(art["paragraphs"][0].split()[:30]),
         "url": f"https://www.example-{name}.com/{section.lower()}/{y}/{mo:02d}/{d:02d}/{gen.slug(title)}-{idx:05d}/"}
    live = False
    if name == "wire":
        page, extra = tmpl_wire(gen, t, art, target)
    elif name == "broadcaster":
        page, extra = tmpl_broadcaster(gen, t, art, target)
    elif name == "newspaper":
        live = r.random() < 0.4
        page, extra = tmpl_newspaper(gen, t, art, target, live)
    elif name == "wordpress":
        page, extra = tmpl_wordpress(gen, t, art, target)
    else:
        page, extra = tmpl_regional(gen, t, art, target)
    truth = {"title": t["title"], "published": date, "published_full": t["published_full"],
             "template": name + ("-live" if live else ""), "url": t["url"], **extra}
    return page, truth


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(HERE, "data", "pages"))
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20250227)
    args = ap.parse_args()
    sources = load_sources()
    gen = Gen(args.seed, sources)
    os.makedirs(args.out, exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "page-*.html")):
        os.remove(old)
    total = 0
    order = list(range(len(sources)))
    with open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as tf:
        for i in range(args.pages):
            if i % len(sources) == 0:
                gen.rng.shuffle(order)
            art = sources[order[i % len(sources)]]
            page, truth = make_page(gen, i, art)
            data = page.encode("utf-8")
            name = f"page-{i:05d}.html"
            with open(os.path.join(args.out, name), "wb") as f:
                f.write(data)
            total += len(data)
            tf.write(json.dumps({"file": name, "bytes": len(data), "source": art["source"], **truth}, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "MANIFEST.json"), "w") as f:
        json.dump({"pages": args.pages, "bytes": total, "seed": args.seed, "source_articles": len(sources)}, f)
    print(f"wrote {args.pages} pages, {total / 1e6:.1f} MB, from {len(sources)} source articles, to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
