"""Score extracted entities and relations against gold annotations.

The scoring rules are those of the project's evaluation script (``shared/eval/score.py``),
kept verbatim so that ``foundergraph eval`` prints the very same figures.
"""
import json
import re
import unicodedata
from collections import Counter, defaultdict

from graph.errors import InputError

TYPES = ["FOUNDED", "WORKS_AT", "INVESTED_IN", "ACQUIRED", "MENTORED", "KNOWS"]
ENTITY_TYPES = {"Person", "Organization"}
LEADING = re.compile(r"^(the|le|la|les|l)\s+")


def norm(name):
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("’", "'").replace("`", "'")
    s = re.sub(r"[^\w\s.&'-]", " ", s)
    s = s.replace("'", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = LEADING.sub("", s)
    return s


def load(path):
    out = {}
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    with f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not JSON: {e.msg}") from None
            key = str(d.get("article", "")).rsplit("/", 1)[-1]
            out[key] = d
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def props_agree(gold, pred):
    for k, gv in gold.items():
        pv = pred.get(k)
        if pv is None:
            return False
        if k == "amount":
            try:
                if abs(float(pv) - float(gv)) > 0.01 * abs(float(gv)):
                    return False
            except (TypeError, ValueError):
                return False
        elif k == "role":
            a, b = norm(gv), norm(pv)
            if not (a in b or b in a):
                return False
        elif isinstance(gv, str):
            if norm(gv) != norm(pv):
                return False
        elif gv != pv:
            return False
    return True


def score(gold, pred):
    ent = Counter()
    rel = Counter()
    by_type = defaultdict(Counter)
    by_diff = defaultdict(Counter)
    props = Counter()
    neg_ent = neg_rel = 0
    details = []
    for art, g in gold.items():
        p = pred.get(art, {"entities": [], "relations": []})
        # gold entity index: normalized surface form -> canonical gold name
        surface = {}
        optional_ents = set()
        gold_types = {}
        for e in g.get("entities", []):
            gold_types[e["name"]] = e["type"]
            if e.get("optional"):
                optional_ents.add(e["name"])
            for s in [e["name"], *e.get("aliases", [])]:
                surface.setdefault(norm(s), e["name"])
        # predicted entities -> gold names
        pmap = {}
        matched = set()
        for e in p.get("entities", []):
            if e.get("type") not in ENTITY_TYPES:
                continue
            hit = None
            for s in [e.get("name", ""), *e.get("aliases", [])]:
                hit = surface.get(norm(s))
                if hit:
                    break
            for s in [e.get("name", ""), *e.get("aliases", [])]:
                pmap[norm(s)] = hit
            if hit and gold_types[hit] == e["type"]:
                matched.add(hit)
            elif hit in optional_ents:
                pass
            else:
                ent["fp"] += 1
                details.append(f"{art}: extra entity {e.get('type')} {e.get('name')!r}")
            if any(norm(x) in norm(e.get("name", "")) for x in g.get("negative_entities", []) if x):
                neg_ent += 1
        for name, t in gold_types.items():
            if name in optional_ents:
                continue
            if name in matched:
                ent["tp"] += 1
            else:
                ent["fn"] += 1
                details.append(f"{art}: missed entity {t} {name!r}")

        def resolve(name):
            k = norm(name)
            return pmap.get(k) or surface.get(k)

        def key(t, s, o):
            if t == "KNOWS":
                s, o = sorted([s, o])
            return (t, s, o)

        gold_keys = {}
        optional_keys = set()
        mentored_pairs = set()
        for r in g.get("relations", []):
            for t in [r["type"], *r.get("alt_types", [])]:
                k = key(t, r["source"], r["target"])
                if r.get("optional"):
                    optional_keys.add(k)
                else:
                    gold_keys[k] = r
            if r["type"] == "MENTORED":
                mentored_pairs.add(frozenset([r["source"], r["target"]]))
        negatives = {key(r["type"], r["source"], r["target"]) for r in g.get("negative_relations", [])}
        found = set()
        for r in p.get("relations", []):
            t = r.get("type")
            if t not in TYPES:
                continue
            s, o = resolve(r.get("source", "")), resolve(r.get("target", ""))
            k = key(t, s or r.get("source", "?"), o or r.get("target", "?"))
            if k in negatives:
                neg_rel += 1
            if s and o and k in gold_keys:
                gr = gold_keys[k]
                canon = key(gr["type"], gr["source"], gr["target"])
                if canon in found:
                    continue
                found.add(canon)
                if gr.get("props"):
                    props["total"] += 1
                    if props_agree(gr["props"], r.get("props") or {}):
                        props["agree"] += 1
                continue
            if k in optional_keys:
                continue
            if t == "KNOWS" and s and o and frozenset([s, o]) in mentored_pairs:
                continue
            rel["fp"] += 1
            by_type[t]["fp"] += 1
            details.append(f"{art}: extra relation {t} {r.get('source')!r} -> {r.get('target')!r}")
        seen = set()
        for k, r in gold_keys.items():
            canon = key(r["type"], r["source"], r["target"])
            if canon in seen:
                continue
            seen.add(canon)
            d = r.get("difficulty", "direct")
            if canon in found:
                rel["tp"] += 1
                by_type[r["type"]]["tp"] += 1
                by_diff[d]["tp"] += 1
            else:
                rel["fn"] += 1
                by_type[r["type"]]["fn"] += 1
                by_diff[d]["fn"] += 1
                details.append(f"{art}: missed relation {r['type']} {r['source']!r} -> {r['target']!r} ({d})")
    return ent, rel, by_type, by_diff, props, neg_ent, neg_rel, details


def report(gold, pred, as_json=False, details=False):
    """The scorer's printed report for gold and predicted objects keyed by article file name."""
    missing = [a for a in gold if a not in pred]
    ent, rel, by_type, by_diff, props, neg_ent, neg_rel, detail_lines = score(gold, pred)
    ep, er, ef = prf(ent["tp"], ent["fp"], ent["fn"])
    rp, rr, rf = prf(rel["tp"], rel["fp"], rel["fn"])
    result = {
        "articles": len(gold), "articles_missing_from_predictions": missing,
        "entities": {"tp": ent["tp"], "fp": ent["fp"], "fn": ent["fn"], "p": ep, "r": er, "f1": ef},
        "relations": {"tp": rel["tp"], "fp": rel["fp"], "fn": rel["fn"], "p": rp, "r": rr, "f1": rf},
        "relations_by_type": {t: dict(zip("prf", prf(c["tp"], c["fp"], c["fn"]))) | dict(c) for t, c in by_type.items()},
        "recall_by_difficulty": {d: c["tp"] / (c["tp"] + c["fn"]) for d, c in by_diff.items()},
        "props_agree": f"{props['agree']}/{props['total']}",
        "negative_entities_produced": neg_ent, "negative_relations_produced": neg_rel,
    }
    if as_json:
        return json.dumps(result, indent=2), result
    lines = list(detail_lines) if details else []
    lines.append(f"articles: {len(gold)} (missing from predictions: {len(missing)})")
    for t in TYPES:
        c = by_type.get(t)
        if c:
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            lines.append(f"  {t:<12} tp={c['tp']:<3} fp={c['fp']:<3} fn={c['fn']:<3} P={p:.2f} R={r:.2f} F1={f:.2f}")
    for d, c in sorted(by_diff.items()):
        lines.append(f"  recall on {d} relations: {c['tp']}/{c['tp'] + c['fn']}")
    lines.append(f"  relation props agree: {props['agree']}/{props['total']}")
    lines.append(f"  forbidden entities produced: {neg_ent}, forbidden relations produced: {neg_rel}")
    lines.append(f"entities P={ep:.2f} R={er:.2f} F1={ef:.2f} | relations P={rp:.2f} R={rr:.2f} F1={rf:.2f}")
    return "\n".join(lines), result
