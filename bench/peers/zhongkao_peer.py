#!/usr/bin/env python3
"""Plain-Python peer of `youjiao zhongkao run`, written from docs/zhongkao.md (Python 3 standard library only).

Reads high-schools.csv, quotas.csv, candidates.csv and optionally rounds.csv, ranks the candidates
(total, tie-break columns, lottery = first 8 bytes big-endian of HMAC-SHA256(seed, UTF-8 candidate id)),
runs the rounds and writes results.csv, which must be byte-identical to Youjiao's. Validation is
left out: the benchmark's inputs are valid. Prints one JSON line of timings:
{"total_s": ..., "admission_s": ...}.

usage: zhongkao_peer.py --high-schools H --quotas Q --candidates C [--rounds R] [--tie-break a,b]
       --seed HEX --out RESULTS
"""
import argparse
import csv
import hashlib
import hmac
import json
import time

QUOTA_ROUNDS = ("quota-district", "quota-school")
CHOICE_COLUMN = {"quota-district": "quota_district_choices", "quota-school": "quota_school_choices",
                 "unified": "unified_choices"}


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def yes(cell):
    return cell.lower() in ("yes", "y", "true", "1", "是")


def ids(cell):
    return [item.strip() for item in cell.split(";")] if cell else []


def load_rounds(path):
    if not path:
        return [(name, 0, name != "unified") for name in ("quota-district", "quota-school", "unified")]
    rounds = []
    for row in read(path):
        name = row["round"]
        control = int(row.get("control_score") or 0)
        moves = row.get("unfilled_seats_to_unified", "")
        rounds.append((name, control, (yes(moves) if moves else True) and name != "unified"))
    return rounds


def admit(schools, quotas, candidates, rounds, tie_break, seed):
    n = len(candidates)
    school_index = {s["school_id"]: i for i, s in enumerate(schools)}
    # Seat pools: one per school for unified seats, one per quota line.
    seats = [int(s["unified_seats"]) for s in schools]
    pool_school = list(range(len(schools)))
    quota_pool = {}
    for q in quotas:
        quota_pool[(q["school_id"], q["round"], q["scope"])] = len(seats)
        seats.append(int(q["seats"]))
        pool_school.append(school_index[q["school_id"]])

    lottery = [int.from_bytes(hmac.new(seed, c["candidate_id"].encode(), hashlib.sha256).digest()[:8], "big")
               for c in candidates]
    totals = [int(c["total"]) for c in candidates]
    order = sorted(range(n), key=lambda i: (-totals[i], *(-int(candidates[i][t]) for t in tie_break),
                                            lottery[i], candidates[i]["candidate_id"].encode()))

    route = ["pre-admitted" if yes(c["pre_admitted"]) else "unadmitted" for c in candidates]
    school = [""] * n
    rank = [""] * n
    for name, control, moves in rounds:
        column = CHOICE_COLUMN[name]
        for i in order:
            if route[i] != "unadmitted" or totals[i] < control:
                continue
            c = candidates[i]
            scope = c["junior_school"] if name == "quota-school" else c["district"]
            for position, choice in enumerate(ids(c[column]), 1):
                pool = school_index[choice] if name == "unified" else quota_pool[(choice, name, scope)]
                if seats[pool] > 0:
                    seats[pool] -= 1
                    route[i], school[i], rank[i] = name, choice, str(position)
                    break
        if moves:
            for (school_id, round_name, _), pool in quota_pool.items():
                if round_name == name:
                    seats[pool_school[pool]] += seats[pool]
                    seats[pool] = 0
    return [(c["candidate_id"], school[i], route[i], rank[i], "%016x" % lottery[i]) for i, c in enumerate(candidates)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--high-schools", required=True)
    parser.add_argument("--quotas", required=True)
    parser.add_argument("--candidates", required=True)
    parser.add_argument("--rounds")
    parser.add_argument("--tie-break", default="")
    parser.add_argument("--seed", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    schools, quotas, candidates = read(args.high_schools), read(args.quotas), read(args.candidates)
    tie_break = [t.strip() for t in args.tie_break.split(",")] if args.tie_break else []
    rounds = load_rounds(args.rounds)
    admitting = time.perf_counter()
    rows = admit(schools, quotas, candidates, rounds, tie_break, bytes.fromhex(args.seed))
    admitted = time.perf_counter()
    # The ids of the benchmark need no quoting; Youjiao quotes ids with , " or line breaks as RFC 4180 says.
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        f.write("candidate_id,school_id,round,choice_rank,lottery\n")
        f.writelines(",".join(row) + "\n" for row in rows)
    print(json.dumps({"total_s": time.perf_counter() - started, "admission_s": admitted - admitting}))


if __name__ == "__main__":
    main()
