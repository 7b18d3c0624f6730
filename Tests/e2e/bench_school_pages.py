"""Times a school's completeness pages over HTTP, as the city's demo administrator reads them
(sign-in and second factor done once, stdlib only), against a running `youjiao serve`: the home-visit
coverage page (coverage by class, chart, table), its largest class opened (pupils with masked IDs,
the form, the log), and the growth-record completeness list (each class's pupils without records,
selections, objections, display). Prints the pupil count, then median, 95th percentile and best of
--runs requests per page. BENCHMARKS.md ("Home visits" and "Growth record") gives the command."""
import argparse
import http.cookiejar
import json
import os
import re
import statistics
import time
import urllib.parse
import urllib.request

from totp import totp

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True, help="the server's log, with the demo accounts' passwords")
parser.add_argument("--keys", help="a JSON file of TOTP keys by username (the browser tests' .totp.json): read when already enrolled, written when enrolled now")
parser.add_argument("--school", action="append", required=True)
parser.add_argument("--runs", type=int, default=30)
args = parser.parse_args()

passwords = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", open(args.log, encoding="utf-8").read()))
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(path):
    with opener.open(args.base + path) as response:
        return response.read().decode("utf-8")


def post(path, form):
    with opener.open(args.base + path, urllib.parse.urlencode(form).encode()) as response:
        return response.geturl(), response.read().decode("utf-8")


def csrf(page):
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1).replace("&#43;", "+")


url, page = post("/login", {"_csrf": csrf(get("/login")), "username": "city", "password": passwords["city"]})
if "/login/second-factor" in url:
    shown = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', page)
    key = shown.group(1).replace(" ", "") if shown else json.load(open(args.keys))["city"]
    if shown and args.keys:  # enrolled just now: keep the key for the next run
        json.dump({"city": key}, open(args.keys, "w"))
    post("/login/second-factor", {"_csrf": csrf(page), "code": totp(key)})


def timed(path):
    get(path)  # warm: the first request of a page pays for the connection and caches
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        body = get(path)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return body, f"median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, best {times[0]:.1f} ms"


for school in args.school:
    page, figures = timed(f"/schools/{school}/home-visits")
    pupils = re.search(r"<dd>([\d,]+)</dd>", page).group(1)
    print(f"{school}: {pupils} pupils; school page: {figures}")
    classes = re.findall(r'href="/schools/\d+/home-visits\?class=([\w-]+)"[^>]*>[^<]*</a></t[dh]><td[^>]*>([\d,]+)<', page)
    largest = max(classes, key=lambda c: int(c[1].replace(",", "")))[0] if classes else "1-1"
    _, figures = timed(f"/schools/{school}/home-visits?class={largest}")
    print(f"{school}: class {largest}: {figures}")
    page, figures = timed(f"/schools/{school}/growth")
    classes = len(re.findall(r'href="/schools/\d+/growth/\w+/\d+"', page))
    print(f"{school}: growth-record completeness ({classes} classes): {figures}")
