"""Times every page each demo role reaches, over HTTP against a running `youjiao serve`, one request
at a time: each role signs in (second factor too, enrolled now or from --keys), follows links from
its home page breadth first as crawl.py does, and requests each page --runs times after the visit
that found it. Pages that differ only in their ids or in the values of their query (another
school's page, another sort order) count as one kind: at most --per-kind of each are timed, so a
role's few hundred links come down to its few dozen kinds of page.

Prints, per role, the pages slowest first (median and worst of the runs), and a summary line: pages
timed, how many have a median over --budget ms, the 95th percentile of the medians. --json writes
every figure. Standard library only. BENCHMARKS.md ("Every page at full city scale") gives the
commands.

--status-load N keeps the registration-day read load running meanwhile: wrk (bench/load/read.lua)
reads the demo parent's application page from N connections for the whole crawl, and its figures
are printed at the end."""
import argparse
import os
import signal
import subprocess
import tempfile
import http.cookiejar
import json
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

from totp import totp

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True, help="the seed's or server's log, with the demo accounts' passwords")
parser.add_argument("--keys", required=True, help="JSON file of TOTP keys by username: read, and written when an account enrols now")
parser.add_argument("--roles", default="city,district,school,teacher,parent")
parser.add_argument("--pages", type=int, default=80, help="pages per role at most")
parser.add_argument("--per-kind", type=int, default=2)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--budget", type=float, default=200.0, help="milliseconds")
parser.add_argument("--json")
parser.add_argument("--status-load", type=int, default=0, metavar="N", help="wrk connections reading the parent's application page meanwhile")
args = parser.parse_args()

passwords = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", open(args.log, encoding="utf-8").read()))
try:
    keys = json.load(open(args.keys))
except FileNotFoundError:
    keys = {}
host = urllib.parse.urlparse(args.base).netloc
SKIPPED = ("/logout", "/lang/", "/login", "/auth/", "/api/", "/public/", "/static/", "/metrics")
LINK = re.compile(r"<a\b([^>]*)>")
HREF = re.compile(r'\bhref="([^"]*)"')


class Session:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        """The final URL, the status and the body; 4xx and 5xx answers are returned, not raised."""
        try:
            with self.opener.open(args.base + path, timeout=120) as response:
                return response.geturl(), response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return path, error.code, error.read().decode("utf-8", "replace")

    def post(self, path, form):
        with self.opener.open(args.base + path, urllib.parse.urlencode(form).encode(), timeout=120) as response:
            return response.geturl(), response.read().decode("utf-8")


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1).replace("&#43;", "+")


def sign_in(username):
    session = Session()
    url, page = session.post("/login", {"_csrf": csrf(session.get("/login")[2]), "username": username, "password": passwords[username]})
    for attempt in range(2):
        if "/login/second-factor" not in url or 'id="recovery-codes"' in page:  # signed in (just enrolled: codes shown once)
            return session, url
        shown = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', page)
        if shown:
            keys[username] = shown.group(1).replace(" ", "")
            json.dump(keys, open(args.keys, "w"))
        if attempt:  # a code is good once: the last run may have used this step's
            time.sleep(31 - time.time() % 30)
        url, page = session.post("/login/second-factor", {"_csrf": csrf(page), "code": totp(keys[username])})
    sys.exit(f"{username}: the second factor was refused")


def kind(path):
    """/schools/3101010001/home-visits?class=1-2&sort=name → /schools/{id}/home-visits?class&sort"""
    parts = urllib.parse.urlparse(path)
    segments = ["{id}" if re.search(r"\d", s) and not re.fullmatch(r"[a-z-]+\.(csv|xlsx)", s) else s for s in parts.path.split("/")]
    query = "&".join(sorted({k for k, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)}))
    return "/".join(segments) + ("?" + query if query else "")


def links(page, current):
    found = []
    for attributes in LINK.findall(page):
        href = HREF.search(attributes)
        if not href or re.search(r"\bdownload\b", attributes):
            continue
        url = urllib.parse.urlparse(urllib.parse.urljoin(current, href.group(1).replace("&amp;", "&")).split("#")[0])
        if url.netloc != host or re.search(r"\.(csv|xlsx|json|svg)$", url.path) or url.path.startswith(SKIPPED):
            continue
        found.append(url.path + ("?" + url.query if url.query else ""))
    return found


def crawl(role):
    session, home = sign_in(role)
    start = urllib.parse.urlparse(home)
    start = "/" if start.path.startswith("/login") else start.path + ("?" + start.query if start.query else "")
    queue, seen, kinds, timed = deque([start]), {start}, {}, []
    while queue and len(timed) < args.pages:
        path = queue.popleft()
        if kinds.get(kind(path), 0) >= args.per_kind:
            continue
        kinds[kind(path)] = kinds.get(kind(path), 0) + 1
        url, status, page = session.get(path)  # the visit that finds the links warms the page too
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            session.get(path)
            times.append((time.perf_counter() - started) * 1000)
        timed.append({"path": path, "status": status, "bytes": len(page.encode()), "median_ms": statistics.median(times), "worst_ms": max(times)})
        for link in links(page, url):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return timed


def start_status_load():
    """wrk reading the demo parent's application page, signed in as the parent, until stopped."""
    session, _ = sign_in("parent")
    application = next(link for link in links(session.get("/enrollment")[2], args.base + "/enrollment") if "/apply/" in link)
    _, _, campaign, _, student = application.split("/")
    cookie = "; ".join(f"{c.name}={c.value}" for c in session.jar)
    plan = tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False)
    plan.write(f"{cookie}\t\t{student}\t\n" * 2)  # a line for each of wrk's two threads
    plan.close()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    load = subprocess.Popen(["wrk", "-t2", f"-c{args.status_load}", "-d3600s", "--timeout", "10s", "--latency", "-s", "bench/load/read.lua",
                             args.base, "--", plan.name, "1", "2", "2", "/enrollment/{campaign}/apply/{student}", campaign],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(3)  # the load is under way before the first page is timed
    return load


load = start_status_load() if args.status_load else None
report = {}
for role in args.roles.split(","):
    pages = crawl(role)
    report[role] = pages
    medians = sorted(p["median_ms"] for p in pages)
    over = [p for p in pages if p["median_ms"] > args.budget]
    failed = [p for p in pages if p["status"] >= 400]
    p95 = medians[max(0, -(-len(medians) * 95 // 100) - 1)] if medians else 0
    print(f"{role}: {len(pages)} pages, {len(over)} over {args.budget:.0f} ms, p95 of the medians {p95:.1f} ms, "
          f"slowest {medians[-1] if medians else 0:.1f} ms, {len(failed)} answered 4xx/5xx")
    for page in sorted(pages, key=lambda p: -p["median_ms"])[:12]:
        print(f"  {page['median_ms']:8.1f} ms (worst {page['worst_ms']:8.1f})  {page['bytes'] // 1024:5d} KB  {page['status']}  {page['path']}")
if args.json:
    json.dump(report, open(args.json, "w"), indent=1, ensure_ascii=False)
if load:
    load.send_signal(signal.SIGINT)  # wrk stops and prints its figures
    output = load.communicate()[0]
    os.unlink(load.args[load.args.index("--") + 1])
    result = next((line[len("RESULT "):] for line in output.splitlines() if line.startswith("RESULT ")), None)
    if not result:
        sys.exit("the status load printed no result:\n" + output)
    figures = json.loads(result)
    print(f"status load meanwhile ({args.status_load} connections): {figures['rate']:,.0f}/s, p95 {figures['p95_ms']:.1f} ms, "
          f"answers {figures['statuses']}, time-outs {figures['timeouts']}, errors {figures['connect_errors'] + figures['read_errors'] + figures['write_errors']}")
