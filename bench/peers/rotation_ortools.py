#!/usr/bin/env python3
"""OR-Tools peer of Youjiao's rotation optimiser (交流轮岗), written from docs/teachers.md, "Rotation planning".

Reads teachers.csv, schools.csv and needs.csv, plans each district (a district's needs, the teachers
whose current school is in it) with OR-Tools graph solvers, and writes one line per district to
--out: district,seats_p1,seats_p2,seats_p3,key_counted,key_on_preferred,commute_change_m — the
lexicographic objective, which must equal Youjiao's (ties may pick other teachers).

Successive solves instead of Youjiao's single lexicographic flow, so that no weight can overflow:
  1. SimpleMaxFlow three times: the most seats on priority-1 needs (F1), on priority 1–2 (F12) and
     on all (R). The seats of a plan form a transversal matroid, so the lexicographic optimum fills
     exactly F1, F12 − F1 and R − F12 seats of priorities 1, 2, 3.
  2. SimpleMaxFlow on key teachers only: Kmax. Key required K = ceil(key% × R); L = min(K, Kmax)
     (Mendelsohn–Dulmage: the seat counts and L key teachers fit in one plan).
  3. SimpleMinCostFlow with those amounts forced (priority nodes with capacity F_p, sink demand R,
     the key pool supplying L itself), cost = commute − Y × [key teacher on key-preferred need],
     Y = 2 × R × max|commute| + 1, so key teachers on key-preferred needs come before metres.

Prints one JSON line: {"total_s": ..., "solve_s": ..., "districts": ...}.
usage: rotation_ortools.py --teachers T --schools S --needs N --out OBJECTIVE [--key-percent 20]
"""
import argparse
import csv
import json
import math
import time

from ortools.graph.python import max_flow, min_cost_flow

R_EARTH = 6_371_008.8
RAD = math.pi / 180
KEY_PREFERRED = {"weakSchool", "newCity"}


def metres(lat1, lon1, lat2, lon2):
    """The same floating-point steps as Youjiao's Haversine.metres, rounded half away from zero."""
    half_lat = math.sin((lat2 - lat1) * RAD / 2)
    half_lon = math.sin((lon2 - lon1) * RAD / 2)
    a = half_lat * half_lat + math.cos(lat1 * RAD) * math.cos(lat2 * RAD) * half_lon * half_lon
    x = R_EARTH * (2 * math.asin(min(1.0, math.sqrt(a))))
    whole = math.floor(x)
    return int(whole) + (1 if x - whole >= 0.5 else 0)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def max_seats(arcs, teachers, needs, teacher_ok, need_ok):
    """Most seats filled using only the teachers and needs allowed (source 0, sink 1)."""
    flow = max_flow.SimpleMaxFlow()
    t0, n0 = 2, 2 + len(teachers)
    for t, teacher in enumerate(teachers):
        if teacher_ok(teacher):
            flow.add_arc_with_capacity(0, t0 + t, 1)
    for t, n, _ in arcs:
        if teacher_ok(teachers[t]) and need_ok(needs[n]):
            flow.add_arc_with_capacity(t0 + t, n0 + n, 1)
    for n, need in enumerate(needs):
        if need_ok(need):
            flow.add_arc_with_capacity(n0 + n, 1, need["count"])
    if flow.num_arcs() == 0:
        return 0
    assert flow.solve(0, 1) == flow.OPTIMAL
    return flow.optimal_flow()


def plan_district(teachers, needs, schools, key_percent):
    arcs = []
    by_group = {}
    for t, teacher in enumerate(teachers):
        by_group.setdefault((teacher["subject"], teacher["stage"]), []).append(t)
    for n, need in enumerate(needs):
        school = schools[need["school_id"]]
        for t in by_group.get((need["subject"], need["stage"]), []):
            teacher = teachers[t]
            if teacher["school"] == need["school_id"]:
                continue
            change = metres(teacher["lat"], teacher["lon"], school[0], school[1]) - teacher["current_m"]
            arcs.append((t, n, change))
    solve_start = time.perf_counter()
    f1 = max_seats(arcs, teachers, needs, lambda t: True, lambda n: n["priority"] == 1)
    f12 = max_seats(arcs, teachers, needs, lambda t: True, lambda n: n["priority"] <= 2)
    r = max_seats(arcs, teachers, needs, lambda t: True, lambda n: True)
    k_max = max_seats(arcs, teachers, needs, lambda t: t["key"], lambda n: True)
    k_required = (key_percent * r + 99) // 100
    floor = min(k_required, k_max)
    if r == 0:
        return (0, 0, 0, 0, 0, 0), time.perf_counter() - solve_start

    # Nodes: 0 source, 1 key pool, 2..4 priorities, 5 sink, then teachers, then needs.
    source, pool, sink, t0 = 0, 1, 5, 6
    n0 = t0 + len(teachers)
    largest = max((abs(c) for _, _, c in arcs), default=0)
    y = 2 * r * largest + 1
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arc_with_capacity_and_unit_cost(source, pool, sum(1 for t in teachers if t["key"]), 0)
    for t, teacher in enumerate(teachers):
        flow.add_arc_with_capacity_and_unit_cost(pool if teacher["key"] else source, t0 + t, 1, 0)
    first = flow.num_arcs()
    for t, n, change in arcs:
        preferred = teachers[t]["key"] and needs[n]["kind"] in KEY_PREFERRED
        flow.add_arc_with_capacity_and_unit_cost(t0 + t, n0 + n, 1, change - (y if preferred else 0))
    for n, need in enumerate(needs):
        flow.add_arc_with_capacity_and_unit_cost(n0 + n, 1 + need["priority"], need["count"], 0)
    for priority, seats in ((1, f1), (2, f12 - f1), (3, r - f12)):
        flow.add_arc_with_capacity_and_unit_cost(1 + priority, sink, seats, 0)
    flow.set_node_supply(source, r - floor)
    flow.set_node_supply(pool, floor)
    flow.set_node_supply(sink, -r)
    status = flow.solve()
    seconds = time.perf_counter() - solve_start
    assert status == flow.OPTIMAL, status

    seats, keys, preferred_count, commute = [0, 0, 0], 0, 0, 0
    for index, (t, n, change) in enumerate(arcs):
        if flow.flow(first + index):
            seats[needs[n]["priority"] - 1] += 1
            if teachers[t]["key"]:
                keys += 1
                preferred_count += needs[n]["kind"] in KEY_PREFERRED
            commute += change
    return (seats[0], seats[1], seats[2], min(keys, k_required), preferred_count, commute), seconds


def main():
    parser = argparse.ArgumentParser()
    for name in ("--teachers", "--schools", "--needs", "--out"):
        parser.add_argument(name, required=True)
    parser.add_argument("--key-percent", type=int, default=20)
    args = parser.parse_args()
    start = time.perf_counter()
    schools = {row["id"]: (float(row["latitude"]), float(row["longitude"]), row["district"]) for row in read(args.schools)}
    teachers_by_district, needs_by_district = {}, {}
    for row in read(args.teachers):
        school = schools[row["current_school_id"]]
        lat, lon = float(row["home_latitude"]), float(row["home_longitude"])
        teacher = {"id": row["id"], "school": row["current_school_id"], "subject": row["subject"], "stage": row["stage"],
                   "key": row["is_key"] == "yes", "lat": lat, "lon": lon, "current_m": metres(lat, lon, school[0], school[1])}
        teachers_by_district.setdefault(school[2], []).append(teacher)
    for row in read(args.needs):
        need = {"id": row["id"], "school_id": row["school_id"], "subject": row["subject"], "stage": row["stage"],
                "count": int(row["count"]), "kind": row["kind"], "priority": int(row["priority"])}
        needs_by_district.setdefault(schools[row["school_id"]][2], []).append(need)
    solve_total = 0.0
    lines = ["district,seats_p1,seats_p2,seats_p3,key_counted,key_on_preferred,commute_change_m"]
    for district in sorted(set(teachers_by_district) | set(needs_by_district)):
        objective, seconds = plan_district(teachers_by_district.get(district, []), needs_by_district.get(district, []),
                                           schools, args.key_percent)
        solve_total += seconds
        lines.append(",".join([district] + [str(v) for v in objective]))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(json.dumps({"total_s": time.perf_counter() - start, "solve_s": solve_total, "districts": len(lines) - 1}))


if __name__ == "__main__":
    main()
