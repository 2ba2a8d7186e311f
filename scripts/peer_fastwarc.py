#!/usr/bin/env python3
"""Peer benchmark: FastWARC (the fastest WARC reader on PyPI) over the WARC file the `warc` stage of
`crosscheck bench` wrote, on one core.

Usage: peer_fastwarc.py --warc PATH [--repeats 1]

Benchmark-only helper; the product never runs Python. The timed loop does what Crosscheck's reader does with each
record: read its WARC header, parse the HTTP header of responses, and read the whole block (for a response, its
payload), keeping the bytes in memory until the next record; with --sha256 it also hashes each block with hashlib
(OpenSSL), as Crosscheck hashes every record for its content id. FastWARC detects gzip itself. It prints one JSON line: {"tool":"fastwarc","version":…,"records":N,"responses":R,"bytes":B,
"seconds":S,"mb_per_second":M,"passes":[…]} (bytes: the file's size on disk).
"""
import argparse, hashlib, json, os, time

from fastwarc.warc import ArchiveIterator, WarcRecordType
from importlib.metadata import version


def one_pass(path, digest):
    records = responses = 0
    start = time.perf_counter()
    # A path: FastWARC opens it with its own buffered reader and detects gzip from the content.
    for record in ArchiveIterator(path, parse_http=True, record_types=WarcRecordType.any_type, fsspec_args=False):
        records += 1
        if record.record_type == WarcRecordType.response:
            responses += 1
            record.http_headers.status_code
        block = record.reader.read()
        if digest:
            hashlib.sha256(block).digest()
    return time.perf_counter() - start, records, responses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warc", required=True)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--sha256", action="store_true", help="also hash each record's block (as Crosscheck's content ids do)")
    args = parser.parse_args()
    passes = [one_pass(args.warc, args.sha256) for _ in range(max(1, args.repeats))]
    best = min(passes)
    size = os.path.getsize(args.warc)
    print(json.dumps({"tool": "fastwarc", "version": version("fastwarc"), "records": best[1], "responses": best[2],
                      "bytes": size, "seconds": best[0], "mb_per_second": size / 1048576 / best[0], "passes": [p[0] for p in passes]}))


if __name__ == "__main__":
    main()
