#!/usr/bin/env python3
"""Writes a random 中考 instance (high-schools.csv, quotas.csv, candidates.csv, rounds.csv) for
verify-test.sh: totals with many ties, two tie-break columns of few values (ties through every
level reach the lottery), pre-admitted candidates, quota lines per district and per junior school
(some left empty, so seats move to unified), control scores, and too few seats so that some
candidates stay unadmitted. `--rounds-file default` writes no rounds.csv; `no-move` keeps empty
quota seats empty. Same arguments, same files.
"""

import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--candidates", type=int, required=True)
    parser.add_argument("--rounds-file", choices=["shanghai", "default", "no-move"], default="shanghai")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)

    districts = [f"3101{d:02d}" for d in (1, 4, 5, 6)]
    juniors = {d: [f"J{d}-{k}" for k in range(6)] for d in districts}
    schools = [f"H{index:03d}" for index in range(24)]
    school_district = {school: rng.choice(districts) for school in schools}
    seats_total = int(arguments.candidates * 0.8)
    unified = {school: max(0, int(seats_total * 0.6 / len(schools) * rng.uniform(0.3, 1.7))) for school in schools}

    quota_lines = {}
    for school in schools[:12]:
        for d in districts:
            if rng.random() < 0.7:
                quota_lines[(school, "quota-district", d)] = rng.randint(0, max(1, arguments.candidates // 400))
        for d in districts:
            for junior in juniors[d]:
                if rng.random() < 0.3:
                    quota_lines[(school, "quota-school", junior)] = rng.randint(0, 2)

    candidates = []
    for serial in range(arguments.candidates):
        d = rng.choice(districts)
        junior = rng.choice(juniors[d])
        eligible = rng.random() < 0.6
        total = max(0, min(750, int(rng.gauss(560, 70)) // 3 * 3))
        pre = rng.random() < 0.03
        district_choices = [s for s in schools if (s, "quota-district", d) in quota_lines]
        school_choices = [s for s in schools if (s, "quota-school", junior) in quota_lines] if eligible else []
        rng.shuffle(district_choices)
        rng.shuffle(school_choices)
        unified_choices = rng.sample(schools, rng.randint(0, 15))
        candidates.append(dict(id=f"K{serial:06d}", district=d, junior=junior, eligible="是" if eligible else rng.choice(["no", "", "N"]),
                               total=total, pre="yes" if pre else rng.choice(["no", ""]),
                               qd=";".join(district_choices[:rng.randint(0, 2)]), qs=" ; ".join(school_choices[:rng.randint(0, 2)]),
                               u=";".join(unified_choices), math=rng.choice([140, 145, 150]), chinese=rng.choice([130, 135])))
    used_scopes = {c["district"] for c in candidates} | {c["junior"] for c in candidates}
    quota_lines = {key: seats for key, seats in quota_lines.items() if key[2] in used_scopes}
    named = lambda c, column, kind, scope: ";".join(s for s in c[column].replace(" ", "").split(";") if s and (s, kind, scope) in quota_lines)
    for c in candidates:
        c["qd"] = named(c, "qd", "quota-district", c["district"])
        c["qs"] = named(c, "qs", "quota-school", c["junior"])

    def write(name, lines):
        with open(os.path.join(arguments.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    write("high-schools.csv", ["school_id,name,district,kind,unified_seats"]
          + [f"{s},{school_district[s]}第{s}中学,{school_district[s]},{'市实验性示范性高中' if i < 6 else ''},{unified[s]}" for i, s in enumerate(schools)])
    write("quotas.csv", ["school_id,round,scope,seats"] + [f"{s},{kind},{scope},{seats}" for (s, kind, scope), seats in quota_lines.items()])
    write("candidates.csv", ["candidate_id,district,junior_school,quota_school_eligible,total,pre_admitted,"
                             "quota_district_choices,quota_school_choices,unified_choices,math,chinese,note"]
          + [f"{c['id']},{c['district']},{c['junior']},{c['eligible']},{c['total']},{c['pre']},{c['qd']},{c['qs']},{c['u']},"
             f"{c['math']},{c['chinese']},备注" for c in candidates])
    if arguments.rounds_file == "shanghai":
        write("rounds.csv", ["round,control_score,unfilled_seats_to_unified", "quota-district,660,yes", "quota-school,640,", "unified,,"])
    elif arguments.rounds_file == "no-move":
        write("rounds.csv", ["round,control_score,unfilled_seats_to_unified", "quota-school,500,no", "quota-district,,no", "unified,450,no"])


if __name__ == "__main__":
    main()
