#!/usr/bin/env python3
"""Turns a JSONL corpus (framelens fields) into a WARC.gz of article pages, for measuring the
WARC and HTML path on a corpus of any size: each article becomes an HTML page with a navigation
menu, a related-links list and a footer around its paragraphs, stored as an HTTP response record
(one gzip member per record, preceded by a request record as crawlers write them).

    python3 benches/inputs/jsonl_to_warc.py CORPUS.jsonl OUT.warc.gz [--limit N]
"""
import argparse, gzip, html, io, json

NAV = "".join(f'<li><a href="/{w}/">{w.title()}</a></li>' for w in
              ["home", "politics", "world", "economy", "sports", "video", "contact"])


def record(kind, uri, payload, n):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n:08d}-0000-4000-8000-000000000000>\r\n"
            f"WARC-Date: 2024-05-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as g:
        g.write(head + payload + b"\r\n\r\n")
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    n = 0
    with open(a.corpus, encoding="utf-8") as f, open(a.out, "wb") as out:
        for line in f:
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if not isinstance(r, dict) or not isinstance(r.get("text"), str) or not r.get("outlet"):
                continue
            outlet = "".join(c for c in str(r["outlet"]).lower() if c.isalnum()) or "news"
            url = f"https://www.{outlet}.com/news/{n}"
            title = html.escape(str(r.get("title") or ""))
            paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in r["text"].split("\n") if p.strip())
            date = html.escape(str(r.get("date") or ""))
            page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
                    f'<meta property="article:published_time" content="{date}">'
                    f'<link rel="canonical" href="{url}"></head><body><header><nav><ul>{NAV}</ul></nav></header>'
                    f'<article><h1>{title}</h1>{paras}</article>'
                    f'<aside><h3>Related</h3><ul>{NAV}</ul></aside>'
                    f'<footer><p>Copyright {outlet}. All rights reserved.</p></footer></body></html>').encode()
            resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)
            out.write(record("request", url, f"GET {url} HTTP/1.1\r\n\r\n".encode(), 2 * n))
            out.write(record("response", url, resp, 2 * n + 1))
            n += 1
            if a.limit and n >= a.limit:
                break
    print(f"jsonl_to_warc: {n} pages")


if __name__ == "__main__":
    main()
