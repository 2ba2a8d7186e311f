#!/usr/bin/env python3
"""Peer benchmark: datasketch MinHash + LSH near-duplicate search over a JSON-lines corpus.

Usage: peer_datasketch.py --corpus PATH [--limit N] [--num-perm 128] [--threshold 0.5] [--repeats 1]

Benchmark-only helper for the dedup stage of `crosscheck bench`; the product
never runs Python. The corpus has one JSON object per line,
{"id": "...", "text": "..."} (blank lines are skipped). All documents are read
into memory before the clock starts. Then, for every document in file order,
the timed loop does the whole job end to end on one core:

  1. lowercase the text;
  2. split it into words with the regex \\w+ (re.UNICODE);
  3. build word 3-gram shingles, joined with one space, encoded as UTF-8
     (a document of 1 or 2 words gives one shingle of all its words; a
     document with no word gets an empty MinHash and is neither queried
     nor inserted, since an empty sketch would match every other empty one);
  4. build datasketch.MinHash(num_perm=N) with update_batch;
  5. query a datasketch.MinHashLSH(threshold=T, num_perm=N) for candidates,
     then insert the document (keyed by its line position, so repeated ids
     cannot break the run).

With --repeats N the timed loop runs N times, each with a new, empty LSH index,
and the fastest pass is reported ("seconds", "docs_per_second"; "passes" holds
every pass's seconds): this machine's speed drifts over minutes, and the
crosscheck side of the bench is a best-of-N too.

It prints exactly one JSON line on stdout:

  {"tool":"datasketch","version":"…","docs":N,"seconds":S,"docs_per_second":P,
   "candidate_pairs":C,"num_perm":128,"threshold":0.5}

"candidate_pairs" is the total number of keys returned by all queries; each
document is only compared with the ones before it, so each pair counts once.
Errors (datasketch not installed, corpus unreadable or malformed) print a
message on stderr and exit with code 2.
"""

import argparse
import json
import os
import re
import sys
import time

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 3


def fail(message):
    sys.stderr.write("peer_datasketch: " + message + "\n")
    return 2


def load_docs(path, limit):
    """Returns the texts of the first `limit` documents (all when None)."""
    texts = []
    with open(path, "r", encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if limit is not None and len(texts) >= limit:
                break
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                raise ValueError("line %d: not JSON (%s)" % (number, err)) from None
            text = obj.get("text") if isinstance(obj, dict) else None
            if not isinstance(text, str):
                raise ValueError('line %d: no string "text" field' % number)
            texts.append(text)
    return texts


def timed_pass(texts, num_perm, threshold, MinHash, MinHashLSH):
    """One end-to-end pass over `texts` with a new index: (seconds, candidate pairs)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    findall = WORD.findall
    query = lsh.query
    insert = lsh.insert
    candidate_pairs = 0
    start = time.perf_counter()
    for key, text in enumerate(texts):
        words = findall(text.lower())
        if len(words) >= SHINGLE:
            shingles = [" ".join(words[i:i + SHINGLE]).encode("utf-8")
                        for i in range(len(words) - SHINGLE + 1)]
        elif words:
            shingles = [" ".join(words).encode("utf-8")]
        else:
            shingles = []
        m = MinHash(num_perm=num_perm)
        if not shingles:
            continue
        m.update_batch(shingles)
        candidate_pairs += len(query(m))
        insert(key, m, check_duplication=False)
    return time.perf_counter() - start, candidate_pairs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="JSON-lines file, one {\"id\",\"text\"} object a line")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N documents (default: all)")
    parser.add_argument("--num-perm", type=int, default=128,
                        help="MinHash permutations (default 128)")
    parser.add_argument("--threshold", type=float, default=0.5,
                        help="LSH Jaccard threshold (default 0.5)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="timed passes, each with a new index; the fastest is reported (default 1)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be >= 0")
    if args.repeats < 1:
        parser.error("--repeats must be >= 1")

    # Keep to one core, like the other peers (this also pins numpy's threads).
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass

    try:
        import datasketch
        from datasketch import MinHash, MinHashLSH
    except ImportError as err:
        return fail("cannot import datasketch (%s); install it with: "
                    "/work/.venv-peers/bin/pip install datasketch" % err)
    version = getattr(datasketch, "__version__", "unknown")

    try:
        texts = load_docs(args.corpus, args.limit)
    except OSError as err:
        return fail("cannot read corpus %s: %s" % (args.corpus, err.strerror or err))
    except (UnicodeDecodeError, ValueError) as err:
        return fail("bad corpus %s: %s" % (args.corpus, err))

    try:
        MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    except ValueError as err:
        return fail("bad LSH parameters: %s" % err)

    passes = []
    candidate_pairs = 0
    for _ in range(args.repeats):
        seconds, candidate_pairs = timed_pass(texts, args.num_perm, args.threshold, MinHash, MinHashLSH)
        passes.append(seconds)
    seconds = min(passes)
    num_perm = args.num_perm

    n = len(texts)
    out = {
        "tool": "datasketch",
        "version": version,
        "docs": n,
        "seconds": round(seconds, 4),
        "docs_per_second": round(n / seconds, 2) if seconds > 0 else 0.0,
        "candidate_pairs": candidate_pairs,
        "passes": [round(p, 4) for p in passes],
        "num_perm": num_perm,
        "threshold": args.threshold,
    }
    sys.stdout.write(json.dumps(out, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
