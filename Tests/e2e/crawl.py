"""Every page each demo role can reach, followed link by link from its home page, read as a person
would in each language at 1366 and 390 px:
- in Chinese: no raw code, field name, ISO timestamp or English word in the text;
- in English: no Chinese word of the page itself (names of schools, districts and people, and other
  values people stored, are data and allowed), no raw code, no ISO timestamp;
- at both widths: nothing wider than a 390 px phone except a table or chart inside its own scrolling
  box;
- no serious or critical axe-core violation (axe-selenium-python, its bundled axe.min.js): on every
  page at 1366 px, and at 390 px on the family's and the public pages, those people open on phones
  (axe on every staff page at both widths would double the crawl's few minutes).
The signed-out pages (sign-in, and the public pages the roles link to) are read the same way.
Run by scripts/test after smoke.py (whose sign-ins enrolled the staff accounts' authenticators)."""

import argparse
import re
import sqlite3
import sys
import time
from collections import deque
from urllib.parse import urljoin, urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from checks import Checks
import second_factor
from sealed_fields import open_sealed

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--database", required=True)
parser.add_argument("--pages", type=int, default=40, help="pages per role at most")
args = parser.parse_args()
started = time.monotonic()
second_factor.DATABASE = args.database

# Stored values of Core's enums and form field names that must never reach a page.
CODES = ["minimumLivingAllowance", "adultID", "nameMismatch", "notInRegistry", "leftSchool", "not-met", "no-data",
         "home-teaching", "mainstream", "city-admin", "district-admin", "school-admin", "nonLocal", "floor_area_m2",
         "national_id", "track=", "tier=", "years=", "zone=", "choices=", "docs/"]
# "mainstream" is also an English word ("a mainstream class"); the other codes read as codes in English too.
CODES_IN_ENGLISH = [c for c in CODES if c != "mainstream"]
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
# Latin a Chinese page may carry: file formats, the language switch, the hash algorithm, the command
# the public types to check a draw, the public random beacon's name; and the demo's account names,
# which are data people type, not words of the page.
ALLOWED_LATIN = {"CSV", "XLSX", "Excel", "English", "SHA", "youjiao", "ID", "drand", "quicknet", "Python"}
# Chinese characters with the full-width punctuation that travels with them: an English page that
# shows "（" or "：" beside a name has left a Chinese label or separator in place.
CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]+")
# The text a person reads or hears: the window's title, every text node and the names a screen reader
# or a tooltip gives (aria-label, title, placeholder, alt); without code samples, file names, hashes,
# ID numbers and the charts' drawing. Each piece apart, so words of neighbouring cells do not run
# together. Text the page marks as Chinese (the language switch's 中文) is left out of the English check.
VISIBLE_TEXT = """
const skip = 'pre, code, svg, script, style, .id, [translate=no]';
const parts = [document.title], chinese = [];
function add(element, text) {
  if (element.closest(skip)) return;
  const marked = element.closest('[lang]');
  (marked && marked.lang.startsWith('zh') ? chinese : parts).push(text);
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) add(walker.currentNode.parentElement, walker.currentNode.textContent);
const named = ['aria-label', 'title', 'placeholder', 'alt'];
for (const element of document.body.querySelectorAll(named.map(n => '[' + n + ']').join(', ')))
  for (const name of named) if (element.hasAttribute(name)) add(element, element.getAttribute(name));
return {english: parts.join(' '), all: parts.concat(chinese).join(' ')};
"""
LINKS = "return Array.from(document.querySelectorAll('a[href]:not([download])'), a => a.href);"
WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"
# axe-core on the whole document; only what a person is stopped by counts (impact serious or critical).
# The bundled axe-core (3.1) knows autocomplete="off" only on text inputs, though HTML allows it on
# every input (a campaign's dates are typed, not recalled): it is told so.
AXE_RUN = """
const done = arguments[arguments.length - 1];
const everyType = ['text', 'search', 'number', 'date', 'month', 'week', 'time', 'datetime-local', 'email', 'tel', 'url', 'password'];
axe.configure({checks: [{id: 'autocomplete-appropriate', options: {off: everyType, on: everyType}}]});
axe.run(document, {resultTypes: ['violations']}).then(
  results => done(results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' '))}))),
  error => done([{id: 'axe-error', impact: 'critical', targets: [String(error)]}]));
"""

accounts = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", open(args.log, encoding="utf-8").read()))


def stored_chinese(database):
    """Every run of Chinese stored in the database: names of schools, districts, pupils, guardians and
    staff, policies, goals, notes, and the sealed ones opened (an assessment's findings). On an English
    page these are data people entered, not words of the page."""
    runs = set()
    for (table,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        columns = [row[1] for row in database.execute(f'PRAGMA table_info("{table}")') if (row[2] or "").upper() == "TEXT"]
        for column in columns:
            for (value,) in database.execute(f'SELECT DISTINCT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''):
                if value.startswith("v1."):
                    try:
                        value = open_sealed(args.database, value)
                    except (ValueError, KeyError):
                        pass
                runs.update(CHINESE_RUN.findall(value))
    return runs


database = sqlite3.connect(args.database)
# Every account name, the ones the other browser tests created too.
# Account names are data people type (an issued teacher's "t-3f2a01c912" reads as "t-f" to the word pattern).
usernames = [row[0] for row in database.execute("SELECT username FROM users")]
ALLOWED_LATIN |= set(usernames) | {w.strip("-") for name in usernames for w in LATIN_WORD.findall(name)}
STORED_CHINESE = stored_chinese(database)
LONGEST_STORED = max(map(len, STORED_CHINESE), default=0)
database.close()
# Hashes and request numbers shown in the text are data: runs of the hex letters a–f are not words.
HEX_ONLY = re.compile(r"^[a-fA-F-]+$")
check = Checks()


def is_stored(run):
    """Whether a run of Chinese is made of stored values end to end ("黄浦区" + "第一中心小学" side by
    side counts; a label such as "学校" does not, even though school names contain it)."""
    ends = [True] + [False] * len(run)
    for end in range(1, len(run) + 1):
        ends[end] = any(ends[start] and run[start:end] in STORED_CHINESE
                        for start in range(max(0, end - LONGEST_STORED), end))
    return ends[-1]


def wording_problems(driver, language):
    text = driver.execute_script(VISIBLE_TEXT)
    iso = ISO_TIME.findall(text["all"])
    if language == "zh":
        codes = [c for c in CODES if c in text["all"]]
        foreign = sorted({w.strip("-") for w in LATIN_WORD.findall(text["all"]) if not HEX_ONLY.match(w)} - ALLOWED_LATIN)
        label = "English"
    else:
        codes = [c for c in CODES_IN_ENGLISH if c in text["all"]]
        foreign = sorted({run for run in CHINESE_RUN.findall(text["english"]) if not is_stored(run)})
        label = "Chinese"
    if codes or iso or foreign:
        return [f"codes {codes} ISO {iso[:2]} {label} {foreign[:8]}"]
    return []


def accessibility_problems(driver, width, inject):
    if inject:
        Axe(driver).inject()
    return [f"axe {v['impact']} {v['id']} at {width} px: {', '.join(v['targets'][:4])}"
            for v in driver.execute_async_script(AXE_RUN)]


def read_page(driver, url, language, problems, axe_on_phone):
    """Every check on one page, at 1366 px and then at 390 px."""
    driver.set_window_size(1366, 900)
    driver.get(url)
    parts = urlparse(driver.current_url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    found = wording_problems(driver, language) + accessibility_problems(driver, 1366, inject=True)
    # The new width applies at once: reading scrollWidth lays the page out again (no script resizes).
    driver.set_window_size(390, 900)
    if driver.execute_script(WIDER_THAN_PHONE):
        found.append(f"{driver.execute_script('return document.documentElement.scrollWidth;')} px wide on a 390 px phone")
    if axe_on_phone:
        found += accessibility_problems(driver, 390, inject=False)
    problems += [f"{language} {path}: {problem}" for problem in found]


def page_links(driver):
    host = urlparse(args.base).netloc
    found = []
    for href in driver.execute_script(LINKS):
        url = urljoin(driver.current_url, href).split("#")[0]
        parts = urlparse(url)
        if parts.netloc != host or re.search(r"\.(csv|xlsx|json)$", parts.path):
            continue
        if parts.path.startswith(("/logout", "/lang/", "/login", "/auth/", "/api/")):
            continue
        found.append(url)
    return found


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def crawl(role, public):
    """Follows links from the role's home page in Chinese, then reads the same pages in English.
    Public pages met on the way are added to `public`, read later without signing in."""
    driver = browser()
    problems = []
    try:
        driver.get(args.base + "/login")
        driver.find_element(By.ID, "username").send_keys(role)
        driver.find_element(By.ID, "password").send_keys(accounts[role])
        driver.find_element(By.ID, "login").click()
        second_factor.complete(driver, role)
        queue, seen, visited = deque([driver.current_url]), {driver.current_url}, []
        while queue and len(visited) < args.pages:
            url = queue.popleft()
            read_page(driver, url, "zh", problems, axe_on_phone=role == "parent")
            visited.append(url)
            for link in page_links(driver):
                if urlparse(link).path.startswith("/public/"):
                    public.add(link)
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
        driver.get(args.base + "/lang/en")
        for url in visited:
            read_page(driver, url, "en", problems, axe_on_phone=role == "parent")
    finally:
        driver.quit()
    return len(visited), problems


def read_signed_out(urls):
    driver = browser()
    problems = []
    try:
        for language in ["zh", "en"]:
            driver.get(args.base + "/lang/" + language)
            for url in urls:
                read_page(driver, url, language, problems, axe_on_phone=True)
    finally:
        driver.quit()
    return problems


public_pages = set()
# A teacher reaches only their own record: one page or two is the whole of it.
for role in ["city", "district", "school", "teacher", "parent"]:
    visited, problems = crawl(role, public_pages)
    print(f"{role}: {visited} pages in each language")
    for problem in problems:
        print(f"  {role} {problem}")
    check(f"{role}: {visited} pages read in Chinese and English at 1366 and 390 px without codes, words of the other "
          "language, sideways scrolling or serious accessibility violations", visited >= (1 if role == "teacher" else 4) and not problems)

signed_out = [args.base + "/login"] + sorted(public_pages)
problems = read_signed_out(signed_out)
print("signed out: " + ", ".join(urlparse(url).path for url in signed_out))
for problem in problems:
    print(f"  signed out {problem}")
check(f"signed out: {len(signed_out)} pages (sign-in and public) read in both languages at both widths", not problems)

print(f"crawl: {check.passed} passed, {check.failed} failed in {time.monotonic() - started:.0f} s")
sys.exit(1 if check.failed else 0)
