#!/usr/bin/env python3
"""Signs in the load benchmark's guardians and writes the plan wrk's scripts read (standard library only).

Each guardian of --accounts (TSV: username, guardian number, password) signs in once through the
login form; its session cookie and form token go beside each of its children (--plan from
failover-load.py registry, --ids the students' row ids as TSV id, name). Output, one child a line:
cookie, csrf token, student row id, ID number, guardian username. With --sign-ins it keeps that
many sign-ins going instead, for the test of pages read while passwords are hashed.
"""
import argparse
import http.client
import importlib.util
import json
import os
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

spec = importlib.util.spec_from_file_location("failover_load", os.path.join(os.path.dirname(__file__), "../../scripts/failover-load.py"))
failover_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(failover_load)


def sign_ins(args):
    """`--sign-ins N --seconds S`: N threads sign guardians in, one after another, for S seconds;
    prints how many sign-ins succeeded and failed."""
    url = urllib.parse.urlparse(args.base)
    accounts = [line.rstrip("\n").split("\t") for line in open(args.accounts) if line.strip()]
    stop = time.time() + args.seconds
    counts = {"signed_in": 0, "failed": 0}
    lock = threading.Lock()

    def loop(offset):
        n = offset
        while time.time() < stop:
            username, _, password = accounts[n % len(accounts)]
            n += args.sign_ins
            try:
                failover_load.Client(url.hostname, url.port).sign_in(username, password)
                outcome = "signed_in"
            except (SystemExit, OSError, http.client.HTTPException):
                outcome = "failed"
            with lock:
                counts[outcome] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(args.sign_ins)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps(counts))


def main():
    parser = argparse.ArgumentParser()
    for option in ["--base", "--accounts"]:
        parser.add_argument(option, required=True)
    for option in ["--plan", "--ids", "--out"]:
        parser.add_argument(option)
    parser.add_argument("--sign-ins", type=int, help="keep this many sign-ins going instead (with --seconds)")
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    if args.sign_ins:
        return sign_ins(args)
    url = urllib.parse.urlparse(args.base)
    ids = dict(reversed(line.rstrip("\n").split("\t")) for line in open(args.ids) if line.strip())
    accounts = [line.rstrip("\n").split("\t") for line in open(args.accounts) if line.strip()]

    def sign_in(account):
        username, guardian, password = account
        client = failover_load.Client(url.hostname, url.port)
        client.sign_in(username, password)
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        return guardian, (cookie, client.csrf, username)

    # A few at a time: each sign-in hashes a password.
    with ThreadPoolExecutor(4) as pool:
        sessions = dict(pool.map(sign_in, accounts))
    with open(args.out, "w") as out:
        for line in open(args.plan):
            if line.strip():
                guardian, name, number = line.rstrip("\n").split("\t")
                cookie, csrf, username = sessions[guardian]
                out.write(f"{cookie}\t{csrf}\t{ids[name]}\t{number}\t{username}\n")


if __name__ == "__main__":
    main()
