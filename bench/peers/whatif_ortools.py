#!/usr/bin/env python3
"""OR-Tools peer of Youjiao's what-if (issue 3, rule 6), for the enrollment benchmark.

From schools.csv, applicants.csv and Youjiao's results.csv it rebuilds the coordinated set:
per district, the children routed `coordinated` (the what-if is over the children priority placed;
the `unplaced` take no part), and the seats each public school had left after the catchment phase
(capacity minus its `catchment` admissions). It then solves
one SimpleMinCostFlow (source -> child -> school of the child's district -> sink, unit
capacities per child, costs in rounded haversine metres) with solve_max_flow_with_min_cost.
Prints one JSON line: {"optimal_total": ..., "solve_s": ..., "build_and_solve_s": ...}.

usage: whatif_ortools.py --schools S --applicants A --results R   (needs `pip install ortools`)
"""
import argparse
import csv
import json
import time
from collections import Counter, defaultdict

from ortools.graph.python import min_cost_flow

from enrollment_peer import metres


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", required=True)
    parser.add_argument("--applicants", required=True)
    parser.add_argument("--results", required=True)
    args = parser.parse_args()

    with open(args.results, newline="", encoding="utf-8") as f:
        results = list(csv.DictReader(f))
    catchment = Counter(r["school_id"] for r in results if r["route"] == "catchment")
    coordinated = {r["applicant_id"] for r in results if r["route"] == "coordinated"}
    free = defaultdict(list)  # district -> [(school index, lat, lon, seats)]
    with open(args.schools, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            seats = int(r["capacity"]) - catchment[r["school_id"]]
            if r["ownership"] == "public" and seats > 0:
                free[r["district"]].append((float(r["lat"]), float(r["lon"]), seats))
    children = defaultdict(list)
    with open(args.applicants, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["applicant_id"] in coordinated:
                children[r["district"]].append((float(r["lat"]), float(r["lon"])))

    # Nodes: 0 = source, 1 = sink, then children, then schools. Costs are computed before the clock starts.
    starts, ends, capacities, costs = [], [], [], []
    next_node = 2
    child_count = 0
    for district, kids in children.items():
        school_nodes = []
        for lat, lon, seats in free.get(district, []):
            node = next_node; next_node += 1
            school_nodes.append((node, lat, lon))
            starts.append(node); ends.append(1); capacities.append(seats); costs.append(0)
        for lat, lon in kids:
            node = next_node; next_node += 1
            child_count += 1
            starts.append(0); ends.append(node); capacities.append(1); costs.append(0)
            for school_node, s_lat, s_lon in school_nodes:
                starts.append(node); ends.append(school_node); capacities.append(1)
                costs.append(metres(lat, lon, s_lat, s_lon))

    build_start = time.perf_counter()
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(starts, ends, capacities, costs)
    flow.set_node_supply(0, child_count)
    flow.set_node_supply(1, -child_count)
    solve_start = time.perf_counter()
    status = flow.solve_max_flow_with_min_cost()
    end = time.perf_counter()
    if status != flow.OPTIMAL:
        raise SystemExit(f"OR-Tools status {status}")
    print(json.dumps({"optimal_total": flow.optimal_cost(), "solve_s": end - solve_start,
                      "build_and_solve_s": end - build_start, "arcs": len(starts), "children": child_count}))


if __name__ == "__main__":
    main()
