#!/usr/bin/env python3
"""Peer benchmark: FastWARC (the fastest WARC reader on PyPI) over the WARC file the `warc` stage of
`crosscheck bench` wrote, on one core.

Usage: peer_fastwarc.py --warc PATH [--repeats 1]

Benchmark-only helper; the product never runs Python. The timed loop does what Crosscheck's reader does with each
record: read its WARC header, parse the HTTP header of responses, and read the whole block (for a response, its
payload), keeping the bytes in memory until the next record. Gzipped files (.warc.gz) are read through FastWARC's
GZipStream. It prints one JSON line: {"tool":"fastwarc","version":…,"records":N,"responses":R,"bytes":B,
"seconds":S,"mb_per_second":M,"passes":[…]} (bytes: the file's size on disk).
"""
import argparse, json, os, time

from fastwarc.warc import ArchiveIterator, WarcRecordType
from fastwarc.stream_io import FileStream, GZipStream
from importlib.metadata import version


def one_pass(path):
    stream = FileStream(path, "rb")
    if path.endswith(".gz"):
        stream = GZipStream(stream)
    records = responses = 0
    start = time.perf_counter()
    for record in ArchiveIterator(stream, parse_http=True, record_types=WarcRecordType.any_type):
        records += 1
        if record.record_type == WarcRecordType.response:
            responses += 1
            record.http_headers.status_code
        record.reader.read()
    return time.perf_counter() - start, records, responses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warc", required=True)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    passes = [one_pass(args.warc) for _ in range(max(1, args.repeats))]
    best = min(passes)
    size = os.path.getsize(args.warc)
    print(json.dumps({"tool": "fastwarc", "version": version("fastwarc"), "records": best[1], "responses": best[2],
                      "bytes": size, "seconds": best[0], "mb_per_second": size / 1048576 / best[0], "passes": [p[0] for p in passes]}))


if __name__ == "__main__":
    main()
