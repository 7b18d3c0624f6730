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
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import Checks
import second_factor

import enrollment
import zhongkao
import teachers
import growth
import home_visits
import kindergarten_fees
import special_education
from special_education import follow

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--screenshots", required=True)
parser.add_argument("--database", required=True, help="the demo SQLite file: the family's own ID numbers, which no page shows in full")
args = parser.parse_args()
second_factor.DATABASE = args.database
second_factor.SCREENSHOTS = args.screenshots
os.makedirs(args.screenshots, exist_ok=True)


def heading(driver, starts):
    """The page's h1 once a page whose heading starts with `starts` has loaded (after a click)."""
    try:
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith(starts))
    except Exception:
        pass
    return driver.find_element(By.TAG_NAME, "h1").text


def sign_in(driver, username):
    driver.get(args.base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(accounts[username])
    driver.find_element(By.ID, "login").click()
    second_factor.complete(driver, username)


check = Checks()


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
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
    check("a wrong password is refused", "用户名或密码错误" in driver.page_source)

    driver.find_element(By.ID, "username").clear()
    driver.find_element(By.ID, "username").send_keys("city")
    driver.find_element(By.ID, "password").send_keys(accounts["city"])
    driver.find_element(By.ID, "login").click()
    check("staff are asked for a second factor", WebDriverWait(driver, 10).until(lambda d: "/login/second-factor" in d.current_url))
    check("the first sign-in enrols an authenticator with a QR code drawn by the server",
          driver.find_elements(By.CSS_SELECTOR, "svg.qr-code path") and driver.find_elements(By.ID, "totp-secret"))
    second_factor.complete(driver, "city")
    check("signed in, on the dashboard", driver.find_element(By.TAG_NAME, "h1").text == "全市基础教育概览")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")
    check("the dashboard lists the 16 districts", len(rows) == 16)
    check("黄浦区 and 崇明区 are listed", "黄浦区" in driver.page_source and "崇明区" in driver.page_source)
    check("the chart is an inline SVG with bars", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 16)
    # The code is the row's header cell; the fifth data cell holds the primary pupils.
    pupils = [int(r.find_elements(By.TAG_NAME, "td")[4].text.replace(",", "")) for r in rows]
    check("every district has primary pupils", all(p > 0 for p in pupils))
    external = [e.get_attribute("src") or e.get_attribute("href") for e in driver.find_elements(By.CSS_SELECTOR, "script[src], link[href], img[src]")]
    check("no asset from outside the app", all(u.startswith(args.base) for u in external))
    driver.save_screenshot(os.path.join(args.screenshots, "dashboard.png"))

    # Sorting on the server: the primary-pupils header is a link; twice gives the largest first.
    for _ in range(2):
        follow(driver, driver.find_elements(By.CSS_SELECTOR, "table.data-table thead th a")[5])
    first = int(driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")[0].find_elements(By.TAG_NAME, "td")[4].text.replace(",", ""))
    check("the table sorts by a column on the server", first == max(pupils) and "dir=desc" in driver.current_url)
    check("the sorted header says so", driver.find_elements(By.CSS_SELECTOR, "th[aria-sort=descending]"))

    driver.get(args.base + "/schools?district=310115")
    check("the directory filters by district", "浦东新区" in driver.page_source or "310115" in driver.page_source)
    links = driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody a")
    follow(driver, links[0])
    check("a school page opens", driver.find_element(By.CSS_SELECTOR, "dl.facts") is not None)
    follow(driver, driver.find_element(By.LINK_TEXT, "学生名单"))
    ids = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "span.id")]
    check("pupil ID numbers are masked", ids and all(re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", i) for i in ids))
    driver.save_screenshot(os.path.join(args.screenshots, "pupils.png"))

    # School-place planning: the gap table, a new-city district's charts, the backtest, a scenario.
    driver.get(args.base + "/planning")
    check("the planning page opens", driver.find_element(By.TAG_NAME, "h1").text == "学位供需规划")
    tables = driver.find_elements(By.CSS_SELECTOR, "table.data-table")
    check("a findings table and four stage tables of 16 districts",
          len(tables) == 5 and all(len(t.find_elements(By.CSS_SELECTOR, "tbody tr")) == 16 for t in tables[1:]))
    check("shortfalls are red and surpluses blue",
          driver.find_elements(By.CSS_SELECTOR, "span.gap-short-3") and driver.find_elements(By.CSS_SELECTOR, "span.gap-surplus-3"))
    findings = tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    # Each row starts with its stage as a row header (th); the two findings are its cells.
    senior_short = findings[3].find_elements(By.TAG_NAME, "td")[0].text
    check("new cities lack senior-high seats", all(n in senior_short for n in ["浦东新区", "嘉定区", "松江区", "青浦区", "奉贤区"]))
    primary_empty = findings[1].find_elements(By.TAG_NAME, "td")[1].text
    check("falling births leave primary seats empty in the central districts", all(n in primary_empty for n in ["黄浦区", "徐汇区", "静安区"]))
    driver.save_screenshot(os.path.join(args.screenshots, "planning.png"))

    follow(driver, driver.find_element(By.LINK_TEXT, "浦东新区"))
    heading(driver, "浦东新区")
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.line-chart")
    check("a district page draws four line charts with a band", len(charts) == 4 and driver.find_elements(By.CSS_SELECTOR, "svg.line-chart polygon"))
    driver.save_screenshot(os.path.join(args.screenshots, "planning-district.png"))

    driver.get(args.base + "/planning/backtest")
    check("the backtest reports MAPE by horizon", "平均绝对百分比误差" in driver.page_source and len(driver.find_elements(By.CSS_SELECTOR, "table.data-table")) == 3)
    driver.save_screenshot(os.path.join(args.screenshots, "planning-backtest.png"))

    driver.get(args.base + "/planning/scenarios")
    form = driver.find_element(By.CSS_SELECTOR, "form.scenario")
    form.find_element(By.NAME, "name").send_keys("浦东新建高中")
    base = int(re.search(r"出生假设（(\d{4}) 年后", driver.page_source).group(1))
    Select(form.find_element(By.NAME, "district_0")).select_by_value("310115")
    Select(form.find_element(By.NAME, "stage_0")).select_by_value("senior")
    form.find_element(By.NAME, "year_0").send_keys(str(base + 3))
    form.find_element(By.NAME, "seats_0").send_keys("2160")
    form.find_element(By.NAME, "label_0").send_keys("浦东新区第一新建高中")
    follow(driver, form.find_element(By.ID, "save-scenario"))
    check("a scenario is saved", heading(driver, "情景：") == "情景：浦东新建高中")
    driver.save_screenshot(os.path.join(args.screenshots, "planning-scenario.png"))
    follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "与基准情景比较"))
    heading(driver, "情景比较")
    check("the comparison shows both scenarios", "基准情景" in driver.page_source and "浦东新建高中" in driver.page_source)
    driver.save_screenshot(os.path.join(args.screenshots, "planning-compare.png"))

    # A district planner sees their own district only.
    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    heading(driver, "登录")
    driver.find_element(By.ID, "username").send_keys("district")
    driver.find_element(By.ID, "password").send_keys(accounts["district"])
    driver.find_element(By.ID, "login").click()
    second_factor.complete(driver, "district")
    heading(driver, "黄浦区")
    driver.get(args.base + "/planning")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data-table")[1].find_elements(By.CSS_SELECTOR, "tbody tr")
    check("a district planner's table has their district only", len(rows) == 1)
    driver.get(args.base + "/planning/districts/310115")
    check("another district's planning page is forbidden", driver.find_element(By.TAG_NAME, "h1").text == "无权访问")
    special_education.run(driver, args.base, accounts, args.screenshots, check)
    enrollment.run(driver, args.base, accounts, args.screenshots, check, open(args.log, encoding="utf-8").read(), args.database)
    zhongkao.run(driver, args.base, accounts, args.screenshots, check, open(args.log, encoding="utf-8").read())
    teachers.run(driver, args.base, accounts, args.screenshots, check)
    teachers.run_rotation_round(driver, args.base, accounts, args.screenshots, check, open(args.log, encoding="utf-8").read())
    kindergarten_fees.run(driver, args.base, accounts, args.screenshots, check)
    growth.run(driver, args.base, accounts, args.screenshots, check, args.database)
    home_visits.run(driver, args.base, accounts, args.screenshots, check)
    sign_in(driver, "city")
    # Supervision: the demo reports make the dashboard show met, not met and no data.
    driver.get(args.base + "/supervision")
    check("the supervision dashboard opens", driver.find_element(By.TAG_NAME, "h1").text == "督导：全市指标")
    for status, tone in [("met", "good"), ("not-met", "bad"), ("no-data", "neutral")]:
        check(f"the dashboard shows {status} figures", len(driver.find_elements(By.CSS_SELECTOR, f"table.data-table span.badge.badge-{tone}")) > 0)
    check("the dashboard has the status chart", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 16)
    driver.save_screenshot(os.path.join(args.screenshots, "supervision.png"))
    driver.find_element(By.CSS_SELECTOR, "table.data-table tbody span.badge-bad a").click()
    check("a district figure opens to its schools", "来源学校" in driver.page_source or "区填报" in driver.page_source)
    driver.save_screenshot(os.path.join(args.screenshots, "supervision-indicator.png"))
    driver.get(args.base + "/supervision/districts/310101/balance?stage=primary")
    check("the 优质均衡 report shows the CVs", "差异系数" in driver.page_source and len(driver.find_elements(By.CSS_SELECTOR, "table.data-table")) == 2)
    driver.save_screenshot(os.path.join(args.screenshots, "supervision-balance.png"))
    driver.get(args.base + "/supervision/corrections")
    check("the correction list lists missed targets", len(driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")) > 0)
finally:
    driver.quit()

# The school administrator fills in the school report: a negative area is refused, naming the field.
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(args.base + "/login")
    driver.find_element(By.ID, "username").send_keys("school")
    driver.find_element(By.ID, "password").send_keys(accounts["school"])
    driver.find_element(By.ID, "login").click()
    second_factor.complete(driver, "school")
    follow(driver, driver.find_element(By.LINK_TEXT, "督导"))
    check("the school's supervision page opens", driver.find_element(By.TAG_NAME, "h1").text.startswith("督导："))
    follow(driver, driver.find_element(By.ID, "edit-report"))
    area = driver.find_element(By.ID, "floor_area_m2")
    area.clear(); area.send_keys("-10")
    follow(driver, driver.find_element(By.ID, "save"))
    summary = driver.find_element(By.CSS_SELECTOR, "div.error").text
    check("a negative area is refused, naming the field in words", "教学及辅助用房面积" in summary and "floor_area_m2" not in summary)
    check("the typed value is kept beside its error", driver.find_element(By.ID, "floor_area_m2").get_attribute("value") == "-10"
          and len(driver.find_elements(By.ID, "floor_area_m2-error")) == 1)
    driver.save_screenshot(os.path.join(args.screenshots, "school-report-error.png"))
    area = driver.find_element(By.ID, "floor_area_m2")
    area.clear(); area.send_keys("9000")
    follow(driver, driver.find_element(By.ID, "save"))
    check("a corrected report is saved", "9,000" in driver.page_source and "/supervision/schools/" in driver.current_url
          and len(driver.find_elements(By.CSS_SELECTOR, "p.flash-success")) == 1)
finally:
    driver.quit()

print(f"e2e: {check.passed} passed, {check.failed} failed")
sys.exit(1 if check.failed else 0)
