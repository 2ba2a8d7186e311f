#!/usr/bin/env python3
"""Builds Sources/CrosscheckLanguage/Resources/common-words.txt: English words written in lower case
in a dictionary. The entity recogniser uses it to reject weak name guesses: a run of capitalised
words that are all common words ("Joint Strike Fighter", "Internal", "White") is not a person, and a
lone unknown capitalised common word is not an entity.

Source: the Debian package `wamerican` (/usr/share/dict/american-english, from SCOWL by Kevin
Atkinson; its licence allows use and redistribution with the copyright notice, see
/usr/share/doc/wamerican/copyright). We keep entries that start with a lower-case letter, without
possessives ("'s"), lower-cased, one per line, sorted.

    apt-get install wamerican
    python3 scripts/build_common_words.py [--dict /usr/share/dict/american-english] [--out PATH]

Build helper only; the product never runs Python.
"""
import argparse
import os

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--out", default=os.path.join("Sources", "CrosscheckLanguage", "Resources", "common-words.txt"))
    args = ap.parse_args()
    words = set()
    with open(args.dict, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if not w or not w[0].islower() or w.endswith("'s"):
                continue
            words.add(w.lower())
    with open(args.out, "w") as f:
        f.write("# English words written in lower case (SCOWL via Debian wamerican); built by scripts/build_common_words.py\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{len(words)} words -> {args.out}")

if __name__ == "__main__":
    main()
