#!/usr/bin/env python3
"""Writes the WARC fixtures of the ingest tests from the demo corpus (Samples/flood-2025, fiction written for this
project), with independent writers: warcio (PyPI) and GNU wget's --warc-file against a local HTTP server.

    pip install warcio && python3 scripts/make_ingest_fixtures.py

Output (committed): Tests/CrosscheckIngestTests/Fixtures/samples.warc.gz (one gzip member per record),
samples.warc (the same records uncompressed), wget.warc.gz (what wget wrote for the sample pages).
"""
import gzip, http.server, io, os, shutil, socketserver, subprocess, sys, tempfile, threading
from warcio.warcwriter import WARCWriter
from warcio.statusandheaders import StatusAndHeaders

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Samples", "flood-2025")
OUT = os.path.join(ROOT, "Tests", "CrosscheckIngestTests", "Fixtures")
DATE = "2025-05-01T08:00:00Z"


def chunked(data, size=700):
    out = b""
    for k in range(0, len(data), size):
        piece = data[k:k + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def records(writer):
    yield writer.create_warcinfo_record("samples.warc", {"software": "warcio (crosscheck fixtures)", "format": "WARC File Format 1.1"})
    names = sorted(n for n in os.listdir(SAMPLES) if n.endswith((".html", ".txt")))
    for k, name in enumerate(names):
        body = open(os.path.join(SAMPLES, name), "rb").read()
        uri = "https://news.example/flood-2025/" + name
        kind = "text/html; charset=utf-8" if name.endswith(".html") else "text/plain; charset=utf-8"
        request = StatusAndHeaders("GET /flood-2025/%s HTTP/1.1" % name, [("Host", "news.example")], is_http_request=True)
        yield writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=request,
                                        warc_headers_dict={"WARC-Date": DATE})
        headers = [("Content-Type", kind)]
        payload = body
        if k == 1:
            # One page as servers often send it: gzip content coding in chunked transfer coding.
            payload = chunked(gzip.compress(body, mtime=0))
            headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
        else:
            headers.append(("Content-Length", str(len(payload))))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        yield writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                        warc_headers_dict={"WARC-Date": DATE})
    # Records that are not articles: an image, a redirect, a missing page, a metadata record.
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001"
                        "0d0a2db40000000049454e44ae426082")
    for uri, status, kind, payload in [("https://news.example/logo.png", "200 OK", "image/png", png),
                                       ("https://news.example/old", "301 Moved Permanently", "text/html", b"<a href='/new'>moved</a>"),
                                       ("https://news.example/gone", "404 Not Found", "text/html", b"<h1>Not found</h1>")]:
        http = StatusAndHeaders(status, [("Content-Type", kind), ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
        yield writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                        warc_headers_dict={"WARC-Date": DATE})
    yield writer.create_warc_record("https://news.example/flood-2025/", "metadata", payload=io.BytesIO(b"via: fixture\r\n"),
                                    warc_content_type="application/warc-fields", warc_headers_dict={"WARC-Date": DATE})


def write_warcio(path, gz):
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz, warc_version="1.1")
        for record in records(writer):
            writer.write_record(record)


def write_wget(path):
    site = tempfile.mkdtemp()
    try:
        pages = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".html"))
        for name in pages:
            shutil.copy(os.path.join(SAMPLES, name), site)
        with open(os.path.join(site, "index.html"), "w") as f:
            f.write("<html><body><ul>" + "".join('<li><a href="%s">%s</a></li>' % (n, n) for n in pages) + "</ul></body></html>")
        handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=site, **k)
        with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
            threading.Thread(target=server.serve_forever, daemon=True).start()
            port = server.server_address[1]
            base = os.path.join(site, "out")
            subprocess.run(["wget", "--quiet", "--recursive", "--level=1", "--no-parent", "--no-warc-digests",
                            "--directory-prefix", os.path.join(site, "mirror"), "--warc-file", base,
                            "http://127.0.0.1:%d/index.html" % port], check=False)
            server.shutdown()
        shutil.copy(base + ".warc.gz", path)
    finally:
        shutil.rmtree(site)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_warcio(os.path.join(OUT, "samples.warc.gz"), True)
    write_warcio(os.path.join(OUT, "samples.warc"), False)
    if shutil.which("wget"):
        write_wget(os.path.join(OUT, "wget.warc.gz"))
    else:
        sys.exit("wget not found (apt-get install wget): wget.warc.gz not written")
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))
