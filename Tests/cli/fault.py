#!/usr/bin/env python3
"""The faults of fault-test.sh (standard library only), against a running server.

`kill`: the guardians of --accounts sign in and register their children (--plan, --ids as in
scripts/failover-load.py) from one thread each; once --after submissions are acknowledged, the
server (--pid) is killed with SIGKILL. Every acknowledged student row id is written to
--acknowledged; the script ends when every guardian's next attempt has failed.

`duplicates`: one guardian signs in and posts the same new application for one child from
--times threads released at once. Prints the answers as JSON: status codes, how many were
acknowledged (303 to /enrollment?saved=1) and how many pages said the child had already applied.
"""
import argparse
import collections
import http.client
import importlib.util
import json
import os
import signal
import threading
import time
import urllib.parse

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
spec = importlib.util.spec_from_file_location("failover_load", os.path.join(root, "scripts/failover-load.py"))
failover_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(failover_load)


def form(client, number, zone):
    return {"_csrf": client.csrf, "national_id": number, "track": "public", "zone": zone, "tier": "1", "years": "3", "application": ""}


def post(client, campaign, student, number, zone):
    try:
        return client.request("POST", f"/enrollment/{campaign}/apply/{student}", form(client, number, zone), timeout=20)
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__, "", ""


def kill(args):
    url = urllib.parse.urlparse(args.base)
    plan = failover_load.read_plan(args.ids, args.accounts, args.plan)
    clients = {}
    for (username, password) in plan:
        clients[username] = failover_load.Client(url.hostname, url.port)
        clients[username].sign_in(username, password)
    lock = threading.Lock()
    acknowledged = []
    killed = threading.Event()

    def guardian(username, children):
        for student, number in children:
            status, location, _ = post(clients[username], args.campaign, student, number, args.zone)
            if status == 303 and location.endswith("/enrollment?saved=1"):
                with lock:
                    acknowledged.append(student)
                    if len(acknowledged) >= args.after and not killed.is_set():
                        os.kill(args.pid, signal.SIGKILL)
                        killed.set()
            elif killed.is_set():
                return

    threads = [threading.Thread(target=guardian, args=(username, children)) for (username, _), children in plan.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open(args.acknowledged, "w") as out:
        out.write("".join(student + "\n" for student in acknowledged))
    print(json.dumps({"acknowledged": len(acknowledged), "killed": killed.is_set()}))


def duplicates(args):
    url = urllib.parse.urlparse(args.base)
    (username, password), children = next(iter(failover_load.read_plan(args.ids, args.accounts, args.plan).items()))
    client = failover_load.Client(url.hostname, url.port)
    client.sign_in(username, password)
    student, number = children[-1]
    start = threading.Barrier(args.times)
    answers = []
    lock = threading.Lock()

    def one():
        start.wait()
        status, location, page = post(client, args.campaign, student, number, args.zone)
        with lock:
            answers.append((status, location, "已报名本次招生" in page))

    threads = [threading.Thread(target=one) for _ in range(args.times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"student": student,
                      "statuses": dict(collections.Counter(str(status) for status, _, _ in answers)),
                      "acknowledged": sum(1 for status, location, _ in answers if status == 303 and location.endswith("/enrollment?saved=1")),
                      "already_applied": sum(1 for _, _, already in answers if already)}))


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ["kill", "duplicates"]:
        command = commands.add_parser(name)
        for option in ["--base", "--campaign", "--zone", "--accounts", "--plan", "--ids"]:
            command.add_argument(option, required=True)
    commands.choices["kill"].add_argument("--pid", type=int, required=True)
    commands.choices["kill"].add_argument("--after", type=int, default=40)
    commands.choices["kill"].add_argument("--acknowledged", required=True)
    commands.choices["duplicates"].add_argument("--times", type=int, default=100)
    args = parser.parse_args()
    {"kill": kill, "duplicates": duplicates}[args.command](args)


if __name__ == "__main__":
    main()
