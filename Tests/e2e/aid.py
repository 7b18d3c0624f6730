"""Browser test of student aid without application (免申即享), end to end on the demo server:
an agency list imported with the command line → the match → the review queue (a decision taken in
the browser) → the grants → the guardian's notice and decline → the payment file, asked for by the district,
approved by the city and downloaded once.

Run by scripts/test after smoke.py, against the same `youjiao serve --demo` server and database."""
import argparse
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import Checks
import second_factor

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--screenshots", required=True)
parser.add_argument("--youjiao", required=True)
parser.add_argument("--database", required=True)
args = parser.parse_args()
second_factor.DATABASE = args.database
os.makedirs(args.screenshots, exist_ok=True)
YEAR = "2025"


check = Checks()


def youjiao(*arguments):
    result = subprocess.run([args.youjiao, *arguments, "--database", args.database], capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def gb11643(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


accounts = dict(re.findall(r"DEMO ACCOUNT role=\S+ username=(\S+) password=(\S+)", open(args.log, encoding="utf-8").read()))

# 1. An agency's list of disabled children (a list the demo does not have yet), as a GBK file:
#    five pupils at school, one of them under another spelling, a child the registry does not know,
#    and a child who left school (the demo registry holds some).
def without_watermark(text):
    """A file of an approved export opens with '#' comment lines (who asked, who approved, when)."""
    return "".join(line for line in text.splitlines(True) if not line.startswith("#"))


# The pupils' full ID numbers: the operator asks, a second city administrator approves, one export.
youjiao("user", "create", "city-ops", "--role", "city-admin", "--name", "运维审批人")
status, request_id, err = youjiao("exports", "request", "registry-export", "--entity", "students", "--reason", "制作测试名单", "--by", "city")
check(f"the operator asks for the pupils' export ({err.strip()})", status == 0 and request_id.strip() != "")
status, _, err = youjiao("exports", "approve", request_id.strip(), "--by", "city")
check("nobody approves their own export", status == 2 and "own export request" in err)
status, _, err = youjiao("exports", "approve", request_id.strip(), "--by", "city-ops")
check(f"a second city administrator approves ({err.strip()})", status == 0)
status, exported, _ = youjiao("export", "students", "--request", request_id.strip())
check("the approved export opens with its watermark", exported.startswith("# 导出：市教委管理员（city） 申请，运维审批人（city-ops） 批准，"))
students = list(csv.DictReader(io.StringIO(without_watermark(exported))))
at_school = [s for s in students if s["school_id"] and s["grade"] not in ("", "K1", "K2", "K3")][:5]
leaver = next(s for s in students if not s["school_id"])
renamed = at_school[0]
other_name = renamed["name"][:-1] + ("亮" if renamed["name"][-1] != "亮" else "明")
unknown = gb11643("65010220160606999")
rows = [("身份证号", "姓名", "名单", "有效期起", "有效期止")]
rows += [(s["national_id"], other_name if s is renamed else s["name"], "残疾儿童", "2025-03-01", "") for s in at_school]
rows += [(unknown, "查无此人", "残疾儿童", "2025-03-01", ""), (leaver["national_id"], leaver["name"], "残疾儿童", "2025-03-01", "")]
list_file = os.path.join(tempfile.mkdtemp(), "disabled-children.csv")
with open(list_file, "w", encoding="gbk", newline="") as out:
    csv.writer(out, lineterminator="\r\n").writerows(rows)
status, out, err = youjiao("import", "eligibility", list_file, "--list", "disabledChild")
check(f"the GBK list imports ({err.strip()})", status == 0 and "7 added" in out)

# 2. The match.
status, out, err = youjiao("aid", "match", "--year", YEAR)
made = re.search(r"(\d+) grants made", out)
check(f"the match runs ({err.strip()})", status == 0 and made is not None)
check("the match reports SQL and Core times", re.search(r"read [\d.]+ s \(SQL\), match [\d.]+ s \(Core\)", out) is not None)
status, again, _ = youjiao("aid", "match", "--year", YEAR)
check("a rerun makes nothing new", "\n  0 grants made" in "\n" + again)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=zh-CN"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(username):
    driver.delete_all_cookies()
    driver.get(args.base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(accounts[username])
    driver.find_element(By.ID, "login").click()
    # The click does not wait for the sign-in to land; the next page must not race it.
    second_factor.complete(driver, username)


def payment_file(label):
    """The payment file under the two-person rule, in the browser: the district administrator asks
    with a reason, the city administrator approves after the confirm step, the district downloads once."""
    sign_in("district")
    driver.get(args.base + f"/aid?year={YEAR}")
    driver.find_element(By.LINK_TEXT, "申请下载发放清单（财务）").click()
    driver.find_element(By.ID, "reason").send_keys(f"财务系统导入（{label}）")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/exports?requested=1" in d.current_url)
    check(f"{label}: the request is confirmed", "申请已提交" in driver.find_element(By.CSS_SELECTOR, "p.flash").text)
    check(f"{label}: no download before approval", not driver.find_elements(By.CSS_SELECTOR, "a.download"))
    sign_in("city")
    driver.get(args.base + "/exports")
    driver.find_element(By.CSS_SELECTOR, "section.awaiting a[href$='/approve']").click()
    driver.find_element(By.ID, "note").send_keys("同意")
    driver.save_screenshot(os.path.join(args.screenshots, "exports-approve.png"))
    driver.find_element(By.CSS_SELECTOR, ".confirm-panel button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/exports?approved=1" in d.current_url)
    check(f"{label}: the approval is confirmed", "已批准" in driver.find_element(By.CSS_SELECTOR, "p.flash").text)
    sign_in("district")
    driver.get(args.base + "/exports")
    driver.save_screenshot(os.path.join(args.screenshots, "exports-queue.png"))
    href = driver.find_element(By.CSS_SELECTOR, "section.mine a.download").get_attribute("href")
    path = href[len(args.base):] if href.startswith(args.base) else href
    text = download(path)
    check(f"{label}: the file names who asked and who approved", text.startswith("# 导出：") and "申请，市教委管理员（city） 批准" in text.splitlines()[0])
    try:
        download(path)
        check(f"{label}: a second download is refused", False)
    except urllib.error.HTTPError as error:
        check(f"{label}: a second download is refused", error.code == 403)
    return list(csv.DictReader(io.StringIO(without_watermark(text))))


def download(path):
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(args.base + path, headers={"Cookie": cookie})
    return urllib.request.urlopen(request).read().decode("utf-8-sig")


try:
    # 3. The review queue: every reason of this list is there; the renamed pupil is confirmed in the browser.
    sign_in("city")
    driver.get(args.base + f"/aid?year={YEAR}")
    check("the aid overview opens", driver.find_element(By.TAG_NAME, "h1").text == "学生资助（免申即享）")
    check("the overview has a chart by district", len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 16)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-overview.png"))
    driver.get(args.base + f"/aid/review?year={YEAR}")
    page = driver.page_source
    for reason in ["姓名与学籍不符", "学籍库中无此学生", "已离校（无在读学校）"]:
        check(f"the queue lists {reason}", reason in page)
    check("the renamed pupil is in the queue", f"{other_name} ≠ {renamed['name']}" in page)
    check("no full ID number in the queue", renamed["national_id"] not in page and unknown not in page)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-review.png"))
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr") if f"{other_name} ≠" in r.text)
    row.find_element(By.CSS_SELECTOR, "th a").click()  # an open entry's name leads to its decision
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.decision"))
    check("no decision is preselected", not any(r.is_selected() for r in driver.find_elements(By.NAME, "outcome")))
    driver.find_element(By.CSS_SELECTOR, "input[name=outcome][value=grant]").click()
    driver.find_element(By.ID, "note").send_keys("残联名单用字不同，核实为同一学生")
    driver.find_element(By.CSS_SELECTOR, "form.decision button[type=submit]").click()
    panel = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".confirm-panel"))
    check("the grant says what will happen before it is taken", "发放资助" in panel.text and "此操作不可撤销" in panel.text)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-review-confirm.png"))
    panel.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "decided=1" in d.current_url)
    check("the decision is confirmed", "已处理" in driver.find_element(By.CSS_SELECTOR, "p.flash").text)
    check("the decision is taken", f"{other_name} ≠" not in driver.page_source)
    driver.get(args.base + f"/aid/review?year={YEAR}&status=granted")
    check("the item is listed as granted", f"{other_name} ≠" in driver.page_source and "核实为同一学生" in driver.page_source)

    # 4. The grants of the district and a school's published list (no ID numbers, no birth dates).
    sign_in("district")
    driver.get(args.base + f"/aid?year={YEAR}")
    schools = driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody a[href^='/aid/grants']")
    check("the district sees its schools' grants", len(schools) > 0)
    schools[0].click()
    WebDriverWait(driver, 10).until(lambda d: "/aid/grants" in d.current_url)
    check("a school's list of pupils receiving aid opens", driver.find_element(By.TAG_NAME, "h1").text == "受助学生名单")
    listed = driver.page_source
    check("the published list shows no ID number", re.search(r"\d{17}[\dX]|\d{6}\*{8}", listed) is None)
    check("the published list shows no birth date", re.search(r"(19|20)\d\d-\d\d-\d\d", listed) is None)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-grants.png"))

    # 5. The payment file for the finance system (district scope: its own pupils only).
    payments = payment_file("第一份")
    check("the payment file has rows", len(payments) > 0)
    check("the payment file is the district's", {p["district"] for p in payments} == {"310101"})
    check("payments identify pupils by full ID number", all(re.fullmatch(r"\d{17}[\dX]", p["national_id"]) for p in payments))
    total = sum(int(p["amount_yuan"]) for p in payments)

    # 6. The guardian: told, nothing to do; may decline.
    sign_in("parent")
    driver.get(args.base + "/family")
    notice = driver.find_element(By.CSS_SELECTOR, "section.notice.aid").text
    check("the guardian sees the notice", re.search(r"您的孩子 \S+ 获得 [\d,]+ 元资助，无需申请", notice) is not None)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-family.png"))
    declined_yuan = int(re.search(r"获得 ([\d,]+) 元", notice).group(1).replace(",", ""))
    section = driver.find_element(By.CSS_SELECTOR, "section.notice.aid")
    section.find_element(By.CSS_SELECTOR, "form button").click()
    driver.switch_to.alert.accept()  # declining asks first
    WebDriverWait(driver, 10).until(expected_conditions.staleness_of(section))
    check("the guardian declined", "您已放弃" in driver.find_element(By.CSS_SELECTOR, "section.notice.aid").text)
    driver.save_screenshot(os.path.join(args.screenshots, "aid-family-declined.png"))

    after = sum(int(p["amount_yuan"]) for p in payment_file("家长放弃之后"))
    check("a declined grant leaves the payment file", after == total - declined_yuan)
finally:
    driver.quit()

print(f"aid e2e: {check.passed} passed, {check.failed} failed")
sys.exit(1 if check.failed else 0)
