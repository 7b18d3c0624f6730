#!/usr/bin/env python3
"""Writes a random school-entry instance (schools.csv, applicants.csv) for verify-test.sh.

Every instance has several districts, catchment zones of other districts, a district without a
public school, day and boarding private schools chosen up to three deep, tiers with ties in years,
and two public schools at the same place (equally near: the school_id order decides). `--seats`
scales the capacities: below about 0.9 some districts run out of seats and children stay
unplaced. `--awkward` adds ids that must be quoted or given an apostrophe, numbers in every
grammar of docs/enrollment.md §2, a byte order mark and CR LF line ends; `--gbk` writes
schools.csv in GBK. Same arguments, same files.
"""

import argparse
import os
import random


def cell(text):
    """A CSV cell that any reader gets back as `text` (quoted when needed, apostrophe for formulas)."""
    if text[:1] in ("=", "+", "-", "@") and not text.lstrip("+-").replace(".", "", 1).isdigit():
        text = "'" + text
    if any(c in text for c in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def number_text(value, awkward, rng):
    """A coordinate in one of the spellings §2 accepts."""
    plain = f"{value:.6f}"
    if not awkward:
        return plain
    form = rng.randrange(8)
    if form == 0:
        return value.hex()                     # 0x1.f3c...p+4
    if form == 1:
        return f"{value:.4e}"                  # 3.1234e+01
    if form == 2:
        return f"+{value:.5f}"
    if form == 3:
        return f" {value:.3f}\u3000"          # trimmed: a space and an ideographic space
    return plain


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--applicants", type=int, required=True)
    parser.add_argument("--districts", type=int, default=3)
    parser.add_argument("--seats", type=float, default=1.0, help="public seats per applicant of the district")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--awkward", action="store_true")
    parser.add_argument("--gbk", action="store_true")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.out, exist_ok=True)

    districts = [f"3101{index + 1:02d}" for index in range(arguments.districts)]
    centres = {d: (31.0 + 0.08 * i, 121.3 + 0.07 * i) for i, d in enumerate(districts)}
    share = {d: rng.uniform(0.6, 1.4) for d in districts}
    total_share = sum(share.values())
    per_district = {d: max(1, round(arguments.applicants * share[d] / total_share)) for d in districts}
    homeless = districts[-1]  # this district has no public school: its overflow is unplaced

    schools, zones_of = [], {}
    for d in districts:
        lat0, lon0 = centres[d]
        if d != homeless:
            count = max(2, per_district[d] // 60)
            seats = arguments.seats * per_district[d]
            for index in range(count):
                school_id = f"{d}{index:04d}"
                zones = [f"{d}-Z{index}-{k}" for k in range(rng.randint(0, 3))]
                capacity = max(0, round(seats / count * rng.uniform(0.5, 1.5)))
                lat, lon = lat0 + rng.uniform(-0.03, 0.03), lon0 + rng.uniform(-0.03, 0.03)
                place = (number_text(lat, arguments.awkward, rng), number_text(lon, arguments.awkward, rng))
                if index == 1:  # at the same place as school 0: equally near to everyone
                    place = schools[-1]["place"]
                schools.append(dict(id=school_id, name=f"{d}区第{index}小学", district=d, ownership="public", boarding="no",
                                    capacity=capacity, place=place, zones=zones))
                for zone in zones:
                    zones_of.setdefault(d, []).append(zone)
        for index in range(2):
            boarding = index == 1
            school_id = f"{d}P{index}"
            if arguments.awkward and d == districts[0]:
                school_id = ["-P,1", 'P"2'][index]
            schools.append(dict(id=school_id, name=f"{d}区民办{index}", district=d, ownership="private",
                                boarding="是" if boarding else "否", capacity=max(1, per_district[d] // 25),
                                place=(number_text(lat0 + rng.uniform(-0.03, 0.03), arguments.awkward, rng),
                                       number_text(lon0 + rng.uniform(-0.03, 0.03), arguments.awkward, rng)), zones=[]))
    if not any(zones_of.values()):
        raise SystemExit("no zones drawn; use another --seed")
    all_zones = [zone for d in districts for zone in zones_of.get(d, [])]

    applicants = []
    serial = 0
    for d in districts:
        lat0, lon0 = centres[d]
        own_privates = [s["id"] for s in schools if s["ownership"] == "private" and s["district"] == d]
        boarding = [s["id"] for s in schools if s["ownership"] == "private" and s["boarding"] == "是"]
        for _ in range(per_district[d]):
            serial += 1
            applicant_id = f"C{serial:08d}"
            if arguments.awkward and serial <= 6:
                applicant_id = ["-A1", "1e3", "a,b", 'q"uote', "=SUM(1)", "'+x"][serial - 1]
            own_zones = zones_of.get(d, [])
            zone = rng.choice(own_zones) if own_zones and rng.random() < 0.9 else rng.choice(all_zones)
            private = rng.random() < 0.25
            choices = []
            if private:
                pool = list(dict.fromkeys(own_privates + boarding))
                rng.shuffle(pool)
                choices = pool[:rng.randint(1, 3)]
            tier = rng.choice([1, 1, 1, 2, 2, 3, 4]) if rng.random() < 0.98 else rng.randint(5, 99)
            years = rng.choice([0, 0, 1, 2, 3, 5, 8]) if rng.random() < 0.9 else rng.randint(9, 150)
            applicants.append(dict(id=applicant_id, district=d, zone=zone, lat=lat0 + rng.gauss(0, 0.02),
                                   lon=lon0 + rng.gauss(0, 0.02), track="private" if private else "public",
                                   choices=choices, tier=tier, years=years))
    rng.shuffle(applicants)

    newline = "\r\n" if arguments.awkward else "\n"
    school_lines = ["school_id,name,district,ownership,boarding,capacity,lat,lon,zones"]
    for s in schools:
        school_lines.append(",".join([cell(s["id"]), cell(s["name"]), s["district"], s["ownership"], s["boarding"], str(s["capacity"]),
                                      *s["place"], cell(";".join(s["zones"]))]))
    # Columns in another order, plus one the draw ignores.
    applicant_lines = ["track,applicant_id,district,zone,lat,lon,choices,tier,years,note"]
    for a in applicants:
        choices = ";".join(a["choices"]) if not arguments.awkward else " ; ".join(a["choices"])
        applicant_lines.append(",".join([a["track"], cell(a["id"]), a["district"], cell(a["zone"]),
                                         number_text(a["lat"], arguments.awkward, rng), number_text(a["lon"], arguments.awkward, rng),
                                         cell(choices), str(a["tier"]), str(a["years"]), "备注"]))
    schools_text = newline.join(school_lines) + newline
    applicants_text = newline.join(applicant_lines) + (newline if not arguments.awkward else "")
    with open(os.path.join(arguments.out, "schools.csv"), "wb") as f:
        f.write(schools_text.encode("gbk") if arguments.gbk else schools_text.encode("utf-8"))
    with open(os.path.join(arguments.out, "applicants.csv"), "wb") as f:
        f.write((b"\xef\xbb\xbf" if arguments.awkward else b"") + applicants_text.encode("utf-8"))


if __name__ == "__main__":
    main()
