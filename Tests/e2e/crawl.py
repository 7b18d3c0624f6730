"""Every page each demo role can reach, followed link by link from its home page, checked as a
person reading it in Chinese would: no raw code, field name, ISO timestamp or English word in the
text, and nothing wider than a 390 px phone except a table or chart inside its own scrolling box.
Run by scripts/test after smoke.py (whose sign-ins enrolled the staff accounts' authenticators)."""

import argparse
import re
import sqlite3
import sys
import time
from collections import deque
from urllib.parse import urljoin, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from checks import Checks
import second_factor

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--database", required=True)
parser.add_argument("--pages", type=int, default=40, help="pages per role at most")
args = parser.parse_args()
second_factor.DATABASE = args.database

# Stored values of Core's enums and form field names that must never reach a Chinese page.
CODES = ["minimumLivingAllowance", "adultID", "nameMismatch", "notInRegistry", "leftSchool", "not-met", "no-data",
         "home-teaching", "mainstream", "city-admin", "district-admin", "school-admin", "nonLocal", "floor_area_m2",
         "national_id", "track=", "tier=", "years=", "zone=", "choices=", "docs/"]
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
# Latin a Chinese page may carry: file formats, the language switch, the hash algorithm, the command
# the public types to check a draw, the public random beacon's name; and the demo's account names,
# which are data people type, not words of the page.
ALLOWED_LATIN = {"CSV", "XLSX", "Excel", "English", "SHA", "youjiao", "ID", "drand", "quicknet"}
# The text a person reads (screen-reader text included), without code samples, file names, hashes,
# ID numbers and the charts' drawing; each text node apart, so words of neighbouring cells do not run together.
VISIBLE_TEXT = """
const skip = 'pre, code, svg, script, style, .id, [translate=no]';
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const parts = [];
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.parentElement.closest(skip)) parts.push(node.textContent);
}
return parts.join(' ');
"""
WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"

accounts = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", open(args.log, encoding="utf-8").read()))
# Every account name, the ones the other browser tests created too.
ALLOWED_LATIN |= {row[0] for row in sqlite3.connect(args.database).execute("SELECT username FROM users")}
# Hashes and request numbers shown in the text are data: runs of the hex letters a–f are not words.
HEX_ONLY = re.compile(r"^[a-fA-F-]+$")
check = Checks()


def links(driver, base):
    host = urlparse(base).netloc
    found = []
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        if a.get_dom_attribute("download") is not None:
            continue
        url = urljoin(driver.current_url, a.get_attribute("href")).split("#")[0]
        parts = urlparse(url)
        if parts.netloc != host or re.search(r"\.(csv|xlsx|json)$", parts.path):
            continue
        if parts.path.startswith(("/logout", "/lang/", "/login", "/auth/", "/api/")):
            continue
        found.append(url)
    return found


def crawl(role):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []
    visited = 0
    try:
        driver.get(args.base + "/login")
        driver.find_element(By.ID, "username").send_keys(role)
        driver.find_element(By.ID, "password").send_keys(accounts[role])
        driver.find_element(By.ID, "login").click()
        second_factor.complete(driver, role)
        queue, seen = deque([driver.current_url]), {driver.current_url}
        while queue and visited < args.pages:
            url = queue.popleft()
            driver.set_window_size(1366, 900)
            driver.get(url)
            visited += 1
            path = urlparse(url).path + ("?" + urlparse(url).query if urlparse(url).query else "")
            text = driver.execute_script(VISIBLE_TEXT)
            codes = [c for c in CODES if c in text]
            iso = ISO_TIME.findall(text)
            latin = sorted({w.strip("-") for w in LATIN_WORD.findall(text) if not HEX_ONLY.match(w)} - ALLOWED_LATIN)
            if codes or iso or latin:
                problems.append(f"{path}: codes {codes} ISO {iso[:2]} English {latin[:8]}")
            driver.set_window_size(390, 900)
            time.sleep(0.1)
            if driver.execute_script(WIDER_THAN_PHONE):
                width = driver.execute_script("return document.documentElement.scrollWidth;")
                problems.append(f"{path}: {width} px wide on a 390 px phone")
            for link in links(driver, args.base):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    finally:
        driver.quit()
    return visited, problems


for role in ["city", "district", "school", "parent"]:
    visited, problems = crawl(role)
    for problem in problems:
        print(f"  {role} {problem}")
    check(f"{role}: {visited} pages read in Chinese at 1366 and 390 px without codes, English or sideways scrolling",
          visited > 3 and not problems)

print(f"crawl: {check.passed} passed, {check.failed} failed")
sys.exit(1 if check.failed else 0)
