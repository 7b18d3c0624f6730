#!/usr/bin/env python3
"""The families of scripts/failover-drill (Python 3 standard library only).

`registry`: writes students.csv and guardians.csv (docs/csv-formats.md) for a few guardians with
many children each, all born in the campaign's span and living in one of its zones, and plan.tsv
(guardian number, student name, national ID) for the load.

`load`: each guardian account signs in through the proxy and registers its children for the
campaign, one form post after another, until the file named by --stop appears. Every acknowledged
submission (303 to /enrollment?saved=1) is appended to --acknowledged as it happens (the student's
row id); every attempt to --attempts (start, end, student, status, 1 if acknowledged). Once every
guardian has signed in, the file --stop + ".signed-in" appears.

`outage --since T --back-after P`: from --attempts, the write outage after the primary stopped at
T: the longest time without an acknowledged write, from the last one before T on. Prints it in
seconds, its end, and the failed attempts before T and after it; exit status 1 until a write that
started after P (the promotion) is acknowledged.

--plan is registry's plan.tsv, --ids the students' row ids (TSV: id, name), --accounts the
guardian accounts (TSV: username, guardian number, password).
"""
import argparse
import http.client
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from datetime import date, timedelta

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Client:
    """One browser: cookies and the session's CSRF token; a new connection per request."""

    def __init__(self, host, port):
        self.host, self.port, self.cookies, self.csrf = host, port, {}, None

    def request(self, method, path, form=None, timeout=40):
        body = urllib.parse.urlencode(form).encode() if form is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location") or "", text
        finally:
            connection.close()

    def sign_in(self, username, password):
        _, _, page = self.request("GET", "/login")
        status, location, _ = self.request("POST", "/login", {"username": username, "password": password,
                                                              "_csrf": CSRF.search(page).group(1)})
        if status != 303 or "youjiao_session" not in self.cookies:
            raise SystemExit(f"sign-in of {username} failed: HTTP {status} {location}")
        _, _, page = self.request("GET", "/enrollment")
        self.csrf = CSRF.search(page).group(1)


WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def national_id(first17):
    """GB 11643: the check character of 17 digits."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def registry(args):
    first = date(args.year - 7, 9, 1)  # the grade-1 span: born 1 September … 31 August, six years before
    students, plan = ["national_id,name,gender,birth_date,hukou,zone,school_id,grade,class"], []
    guardians = ["national_id,name,phone,relation,children"]
    for g in range(args.guardians):
        guardian = national_id(f"{args.district}19850{g % 9 + 1}1{g % 10}{100 + g:03d}")
        numbers = []
        for c in range(args.children):
            i = g * args.children + c
            birth = first + timedelta(days=i % 360)
            sequence = f"{i // 360:03d}"
            # Born in Beijing (110105): the demo city's own children, some of whom have applied
            # already, have Shanghai area codes, and an import would merge a child with the same number.
            number = national_id(f"110105{birth:%Y%m%d}{sequence}")
            name = f"演练{i:05d}"
            students.append(f"{number},{name},{1 if int(sequence[-1]) % 2 else 2},{birth:%Y-%m-%d},local,{args.zone},,,")
            plan.append(f"{guardian}\t{name}\t{number}")
            numbers.append(number)
        guardians.append(f"{guardian},演练家长{g},1390000{g:04d},mother,{';'.join(numbers)}")
    for name, lines in [("students.csv", students), ("guardians.csv", guardians), ("plan.tsv", plan)]:
        with open(os.path.join(args.out, name), "w") as f:
            f.write("\n".join(lines) + "\n")


def read_plan(ids_path, accounts_path, plan_path):
    """Each guardian account (username, password) with its children (student row id, ID number), in plan order."""
    ids = dict(reversed(line.rstrip("\n").split("\t")) for line in open(ids_path) if line.strip())
    accounts = {}
    for line in open(accounts_path):
        if line.strip():
            username, guardian, password = line.rstrip("\n").split("\t")
            accounts[guardian] = (username, password)
    children = {}
    for line in open(plan_path):
        if line.strip():
            guardian, name, number = line.rstrip("\n").split("\t")
            children.setdefault(accounts[guardian], []).append((ids[name], number))
    return children


def load(args):
    url = urllib.parse.urlparse(args.base)
    plan = read_plan(args.ids, args.accounts, args.plan)
    children = {username: kids for (username, _), kids in plan.items()}
    passwords = dict(plan.keys())
    lock = threading.Lock()
    acknowledged = open(args.acknowledged, "w")
    attempts = open(args.attempts, "w")
    state = {"acknowledged": 0, "failed": 0, "children_left": 0}

    def record(started, ended, student, status, ok):
        with lock:
            attempts.write(f"{started:.3f}\t{ended:.3f}\t{student}\t{status}\t{int(ok)}\n")
            attempts.flush()
            if ok:
                acknowledged.write(student + "\n")
                acknowledged.flush()
            state["acknowledged" if ok else "failed"] += 1

    def guardian(username, client):
        queue = list(children[username])
        while queue and not os.path.exists(args.stop):
            student, number = queue.pop(0)
            form = {"_csrf": client.csrf, "national_id": number, "track": "public", "zone": args.zone,
                    "tier": "1", "years": "3", "application": ""}
            started = time.time()
            try:
                status, location, _ = client.request("POST", f"/enrollment/{args.campaign}/apply/{student}", form)
            except (OSError, http.client.HTTPException) as error:
                status, location = type(error).__name__, ""
            ok = status == 303 and location.endswith("/enrollment?saved=1")
            record(started, time.time(), student, status, ok)
            # A refused child is not retried: its first attempt may have been stored without an answer.
            if not ok:
                time.sleep(0.2)
            time.sleep(args.pause)
        with lock:
            state["children_left"] += len(queue)

    # Everyone signs in before the load starts: a refused sign-in stops the drill here.
    clients = {}
    for name in children:
        clients[name] = Client(url.hostname, url.port)
        clients[name].sign_in(name, passwords[name])
    open(args.stop + ".signed-in", "w").close()
    threads = [threading.Thread(target=guardian, args=(name, clients[name]), daemon=True) for name in children]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    acknowledged.close()
    attempts.close()
    state["seconds"] = round(time.time() - started, 1)
    json.dump(state, sys.stdout)
    print()


def outage(args):
    rows = [line.rstrip("\n").split("\t") for line in open(args.attempts) if line.strip()]
    rows = [(float(start), float(end), ok == "1") for start, end, _, _, ok in rows]
    if not any(ok and start > args.back_after for start, end, ok in rows):
        sys.exit(1)
    # The outage is the longest time without an acknowledged write, from the last one before the stop on.
    acks = sorted(end for start, end, ok in rows if ok)
    last_before = max([t for t in acks if t < args.since], default=args.since)
    times = [last_before] + [t for t in acks if t >= args.since]
    gap, back = max((b - a, b) for a, b in zip(times, times[1:]))
    before = sum(1 for start, end, ok in rows if not ok and end < args.since)
    after = sum(1 for start, end, ok in rows if not ok and end >= args.since)
    print(f"{gap:.1f} {back:.3f} {before} {after}")


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("registry")
    r.add_argument("--district", required=True)
    r.add_argument("--zone", required=True)
    r.add_argument("--year", type=int, required=True)
    r.add_argument("--guardians", type=int, default=4)
    r.add_argument("--children", type=int, default=800)
    r.add_argument("--out", required=True)
    l = commands.add_parser("load")
    for option in ["--base", "--campaign", "--zone", "--accounts", "--plan", "--ids", "--acknowledged", "--attempts", "--stop"]:
        l.add_argument(option, required=True)
    l.add_argument("--pause", type=float, default=0.05, help="seconds between one guardian's posts")
    o = commands.add_parser("outage")
    o.add_argument("--attempts", required=True)
    o.add_argument("--since", type=float, required=True, help="when the primary was stopped")
    o.add_argument("--back-after", type=float, required=True, help="exit 1 until a write that started after this is acknowledged")
    args = parser.parse_args()
    {"registry": registry, "load": load, "outage": outage}[args.command](args)


if __name__ == "__main__":
    main()
