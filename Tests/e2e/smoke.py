"""Browser smoke test: headless Chromium signs in as the demo city admin, opens the dashboard and the
school directory, and checks what an official would see. Also validates the OpenAPI document.

Run by scripts/test against `youjiao serve --demo`; reads the demo accounts from the server's log."""
import argparse
import json
import os
import re
import sys
import time
import urllib.request

from openapi_spec_validator import validate
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--screenshots", required=True)
args = parser.parse_args()
os.makedirs(args.screenshots, exist_ok=True)
passed = failed = 0


def check(name, condition):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", name)


# The server seeds the demo city first: wait for it to listen and print its accounts.
accounts = {}
deadline = time.time() + 300
while time.time() < deadline:
    log = open(args.log, encoding="utf-8").read()
    accounts = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", log))
    if "Listening on" in log and accounts:
        break
    time.sleep(1)
else:
    print(open(args.log, encoding="utf-8").read())
    sys.exit("the demo server did not start")
for _ in range(30):
    try:
        check("healthz answers", urllib.request.urlopen(args.base + "/healthz").read() == b"ok")
        break
    except OSError:
        time.sleep(1)

document = json.load(urllib.request.urlopen(args.base + "/api/v1/openapi.json"))
try:
    validate(document)
    check("OpenAPI 3.1 document validates", document["openapi"] == "3.1.0")
except Exception as error:  # the validator's own message says what is wrong
    check(f"OpenAPI document validates: {error}", False)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=zh-CN"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(args.base + "/")
    check("anonymous visitor is sent to the login page", "/login" in driver.current_url)
    driver.find_element(By.ID, "username").send_keys("city")
    driver.find_element(By.ID, "password").send_keys("wrong password")
    driver.find_element(By.ID, "login").click()
    # A click does not wait for the page it submits to: wait for the answer, or read the old page.
    WebDriverWait(driver, 10).until(lambda d: "用户名或密码错误" in d.page_source or "/login" not in d.current_url)
    check("a wrong password is refused", "用户名或密码错误" in driver.page_source)

    driver.find_element(By.ID, "username").clear()
    driver.find_element(By.ID, "username").send_keys("city")
    driver.find_element(By.ID, "password").send_keys(accounts["city"])
    driver.find_element(By.ID, "login").click()
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
    check("signed in, on the dashboard", driver.find_element(By.TAG_NAME, "h1").text == "全市基础教育概览")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.sortable tbody tr")
    check("the dashboard lists the 16 districts", len(rows) == 16)
    check("黄浦区 and 崇明区 are listed", "黄浦区" in driver.page_source and "崇明区" in driver.page_source)
    check("the chart is an inline SVG with bars", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 16)
    pupils = [int(r.find_elements(By.TAG_NAME, "td")[5].text.replace(",", "")) for r in rows]
    check("every district has primary pupils", all(p > 0 for p in pupils))
    external = [e.get_attribute("src") or e.get_attribute("href") for e in driver.find_elements(By.CSS_SELECTOR, "script[src], link[href], img[src]")]
    check("no asset from outside the app", all(u.startswith(args.base) for u in external))
    driver.save_screenshot(os.path.join(args.screenshots, "dashboard.png"))

    # Sorting: click the primary-pupils header twice; the first row then holds the largest number.
    header = driver.find_elements(By.CSS_SELECTOR, "table.sortable th")[5]
    header.click(); header.click()
    first = int(driver.find_elements(By.CSS_SELECTOR, "table.sortable tbody tr")[0].find_elements(By.TAG_NAME, "td")[5].text.replace(",", ""))
    check("the table sorts by a column", first == max(pupils))

    driver.get(args.base + "/schools?district=310115")
    check("the directory filters by district", "浦东新区" in driver.page_source or "310115" in driver.page_source)
    links = driver.find_elements(By.CSS_SELECTOR, "table.sortable tbody a")
    links[0].click()
    check("a school page opens", driver.find_element(By.CSS_SELECTOR, "dl.facts") is not None)
    driver.find_element(By.LINK_TEXT, "学生名单").click()
    ids = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "span.id")]
    check("pupil ID numbers are masked", ids and all(re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", i) for i in ids))
    driver.save_screenshot(os.path.join(args.screenshots, "pupils.png"))
finally:
    driver.quit()

print(f"e2e: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
