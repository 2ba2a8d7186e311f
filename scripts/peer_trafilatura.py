#!/usr/bin/env python3
"""Peer benchmark: trafilatura's main-text extraction over a folder of HTML pages.

Usage: peer_trafilatura.py PAGES_DIR [--max-pages N] [--with-metadata] [--repeats R]

Benchmark-only helper for `crosscheck bench --stage extract`; the product never
runs Python. It picks pages the way the Swift bench does (names ending in
.html, .html.gz or .htm, sorted by name, first N), decompresses them in memory
before the clock starts, then times only `trafilatura.extract` over all pages
on one core, R times (default 1), and reports the fastest pass (the Swift side
reports its best of --repeats too). With --with-metadata it asks trafilatura for the metadata too
(title, date through htmldate, author, site name), which is the whole job
the Swift extractor does on every page. It prints exactly one JSON line on
stdout:

  {"tool":"trafilatura","version":"…","with_metadata":B,"pages":N,"seconds":S,
   "pages_per_second":P,"mb_per_second":M,"with_text":K,"errors":E}

MB = total decompressed bytes / 1048576. A page that raises is counted in
"errors" and does not stop the run.
"""

import argparse
import gzip
import json
import logging
import os
import sys
import time

SUFFIXES = (".html", ".html.gz", ".htm")  # same filter as Bench.swift
GUNZIP_LIMIT = 64 << 20  # same limit as Bench.swift


def load_pages(folder, max_pages):
    names = sorted(n for n in os.listdir(folder) if n.endswith(SUFFIXES))
    if max_pages is not None:
        names = names[:max_pages]
    pages = []
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
        except OSError:
            continue  # unreadable: skipped, like the Swift bench
        if name.endswith(".gz"):
            try:
                inner = gzip.decompress(data)
                if len(inner) <= GUNZIP_LIMIT:
                    data = inner
            except (OSError, EOFError, ValueError):
                pass  # keep the raw bytes, like the Swift bench
        pages.append(data)
    return pages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages_dir")
    parser.add_argument("--max-pages", type=int, default=1000,
                        help="at most this many pages (default 1000, as in the Swift bench)")
    parser.add_argument("--with-metadata", action="store_true",
                        help="extract title, date, author and site name too (trafilatura's with_metadata)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="timed passes over all pages; the fastest is reported (default 1)")
    args = parser.parse_args(argv)

    # Keep to one core (Python is single-threaded anyway; this pins it).
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass

    # trafilatura logs per-page warnings; keep them off stderr and out of the timing.
    logging.disable(logging.CRITICAL)

    import trafilatura
    version = getattr(trafilatura, "__version__", "unknown")

    pages = load_pages(args.pages_dir, args.max_pages)
    total_bytes = sum(len(p) for p in pages)

    extract = trafilatura.extract
    seconds = None
    for _ in range(max(1, args.repeats)):
        with_text = 0
        errors = 0
        start = time.perf_counter()
        for page in pages:
            # trafilatura accepts bytes and decodes them itself (UTF-8 fast path,
            # then charset detection), which is what the Swift extractor also has to do.
            try:
                text = extract(page, favor_precision=False, include_comments=False, include_tables=True,
                               with_metadata=args.with_metadata)
            except Exception:  # noqa: BLE001 -- counted, never fatal
                errors += 1
                continue
            if text and text.strip():
                with_text += 1
        elapsed = time.perf_counter() - start
        seconds = elapsed if seconds is None else min(seconds, elapsed)

    mb = total_bytes / 1048576
    out = {
        "tool": "trafilatura",
        "version": version,
        "with_metadata": args.with_metadata,
        "repeats": max(1, args.repeats),
        "pages": len(pages),
        "seconds": round(seconds, 4),
        "pages_per_second": round(len(pages) / seconds, 2) if seconds > 0 else 0.0,
        "mb_per_second": round(mb / seconds, 3) if seconds > 0 else 0.0,
        "with_text": with_text,
        "errors": errors,
    }
    sys.stdout.write(json.dumps(out, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
