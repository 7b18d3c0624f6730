#!/usr/bin/env python3
"""Plain-Python peer of `youjiao enroll run` (issue 3, rules 1-5), for the enrollment benchmark.

Reads the same schools.csv / applicants.csv, derives the same lottery numbers
(first 8 bytes big-endian of HMAC-SHA256(seed, UTF-8 applicant id)) and writes results.csv,
which must be byte-identical to Youjiao's. Validation is left out: the benchmark's inputs are
valid. Prints one JSON line of timings: {"total_s": ..., "allocation_s": ...}.

usage: enrollment_peer.py --schools S --applicants A --seed HEX --out R
       [--private-mechanism immediate|deferred] [--no-private-penalty]
"""
import argparse
import csv
import hashlib
import hmac
import json
import math
import time

R = 6371008.8
RAD = math.pi / 180


def metres(lat1, lon1, lat2, lon2):
    """Rule 5, in the same floating-point steps as Youjiao's Haversine.metres."""
    half_lat = math.sin((lat2 - lat1) * RAD / 2)
    half_lon = math.sin((lon2 - lon1) * RAD / 2)
    a = half_lat * half_lat + math.cos(lat1 * RAD) * math.cos(lat2 * RAD) * half_lon * half_lon
    x = R * (2 * math.asin(min(1.0, math.sqrt(a))))
    whole = math.floor(x)  # round half away from zero (Python's round() is half-to-even)
    return int(whole) + (1 if x - whole >= 0.5 else 0)


def allocate(schools, applicants, seed, mechanism, penalty):
    n = len(applicants)
    index_of = {s["id"]: i for i, s in enumerate(schools)}
    zone_school = {z: i for i, s in enumerate(schools) if s["public"] for z in s["zones"]}
    lottery = [int.from_bytes(hmac.new(seed, a["id"].encode(), hashlib.sha256).digest()[:8], "big") for a in applicants]
    order = sorted(range(n), key=lambda i: (lottery[i], applicants[i]["id"].encode()))
    remaining = [s["capacity"] for s in schools]
    school = [-1] * n
    route = ["unplaced"] * n
    rank = [0] * n

    def admit(child, target, way, choice=0):
        school[child], route[child], rank[child] = target, way, choice
        remaining[target] -= 1

    # Rule 2: private phase.
    private = [i for i in order if applicants[i]["private"]]
    choices = {i: [index_of[c] for c in applicants[i]["choices"]] for i in private}
    if mechanism == "immediate":
        rounds = max((len(choices[i]) for i in private), default=0)
        for r in range(rounds):
            for child in private:
                if school[child] < 0 and r < len(choices[child]) and remaining[choices[child][r]] > 0:
                    admit(child, choices[child][r], "private", r + 1)
    else:  # deferred acceptance with one common priority = serial dictatorship by lottery
        for child in private:
            for position, target in enumerate(choices[child]):
                if remaining[target] > 0:
                    admit(child, target, "private", position + 1)
                    break

    # Rule 3: catchment, by tier, returned-from-private last (setting), more years, lottery.
    lottery_rank = [0] * n
    for position, child in enumerate(order):
        lottery_rank[child] = position
    waiting = [i for i in range(n) if school[i] < 0]
    waiting.sort(key=lambda i: (applicants[i]["tier"], 1 if penalty and applicants[i]["private"] else 0,
                                -applicants[i]["years"], lottery_rank[i]))
    overflow = []
    for child in waiting:
        target = zone_school[applicants[child]["zone"]]
        if remaining[target] > 0:
            admit(child, target, "catchment")
        else:
            overflow.append(child)

    # Rule 4: coordinated placement, nearest open public school of the district, ties by id.
    open_by_district = {}
    for i, s in enumerate(schools):
        if s["public"] and remaining[i] > 0:
            open_by_district.setdefault(s["district"], []).append(i)
    for district_schools in open_by_district.values():
        district_schools.sort(key=lambda i: schools[i]["id"].encode())
    for child in overflow:
        a = applicants[child]
        best, best_distance = -1, 0
        for target in open_by_district.get(a["district"], []):
            if remaining[target] > 0:
                d = metres(a["lat"], a["lon"], schools[target]["lat"], schools[target]["lon"])
                if best < 0 or d < best_distance:
                    best, best_distance = target, d
        if best >= 0:
            admit(child, best, "coordinated")
    return lottery, school, route, rank


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", required=True)
    parser.add_argument("--applicants", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--private-mechanism", default="immediate", choices=["immediate", "deferred"])
    parser.add_argument("--no-private-penalty", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    with open(args.schools, newline="", encoding="utf-8") as f:
        schools = [{"id": r["school_id"], "district": r["district"], "public": r["ownership"] == "public",
                    "capacity": int(r["capacity"]), "lat": float(r["lat"]), "lon": float(r["lon"]),
                    "zones": [z.strip() for z in r["zones"].split(";") if z.strip()]} for r in csv.DictReader(f)]
    with open(args.applicants, newline="", encoding="utf-8") as f:
        applicants = [{"id": r["applicant_id"], "district": r["district"], "zone": r["zone"],
                       "lat": float(r["lat"]), "lon": float(r["lon"]), "private": r["track"] == "private",
                       "choices": [c.strip() for c in r["choices"].split(";") if c.strip()],
                       "tier": int(r["tier"]), "years": int(r["years"])} for r in csv.DictReader(f)]
    allocation_start = time.perf_counter()
    lottery, school, route, rank = allocate(schools, applicants, bytes.fromhex(args.seed),
                                            args.private_mechanism, not args.no_private_penalty)
    allocation_s = time.perf_counter() - allocation_start

    lines = ["applicant_id,school_id,route,choice_rank,distance_m,lottery\n"]
    for i, a in enumerate(applicants):
        target = school[i]
        if target < 0:
            lines.append(f"{a['id']},,unplaced,,,{lottery[i]:016x}\n")
        else:
            s = schools[target]
            distance = metres(a["lat"], a["lon"], s["lat"], s["lon"])
            lines.append(f"{a['id']},{s['id']},{route[i]},{rank[i] or ''},{distance},{lottery[i]:016x}\n")
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("".join(lines))
    print(json.dumps({"total_s": time.perf_counter() - start, "allocation_s": allocation_s}))


if __name__ == "__main__":
    main()
