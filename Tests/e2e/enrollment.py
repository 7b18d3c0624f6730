"""Browser flow of 入学报名, run by smoke.py with its driver: the demo parent registers a younger
child for the demo grade-1 campaign, the district freezes the list, enters the beacon value and the
notary secret (printed by the demo seeder), draws and publishes; the parent reads the result and its
reason; an anonymous visitor finds the published files and counts private lottery admissions.
Before freezing, the district edits one school's seats (a bad number is refused first), and the
published schools.csv carries the new number. Then the district draws the demo K1 (入园) campaign
the same way. Screenshots: enrollment-*.png."""
import os
import re
import sqlite3
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sealed_fields import open_sealed
from special_education import follow, sign_in

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def national_id(first17):
    """GB 11643: the check character of 17 digits."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def click_and_wait(driver, element):
    # The old page is also "complete": wait until it is gone before reading the new one.
    follow(driver, element)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def run(driver, base, accounts, screenshots, check, log, database):
    secret = re.search(r"DEMO NOTARY SECRET=(\S+)", log).group(1)

    sign_in(driver, base, "parent", accounts["parent"])
    driver.get(base + "/enrollment")
    check("the parent sees the open campaign", "报名中" in driver.page_source and "未报名" in driver.page_source)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "报名"))
    apply_url = driver.current_url
    campaign = re.search(r"/enrollment/([^/]+)/apply/", apply_url).group(1)
    facts = driver.find_element(By.TAG_NAME, "main").text
    # The parent knows the child's number; the page must not give it away (no birth date beside the mask).
    student = re.search(r"/apply/([^/?]+)", apply_url).group(1)
    sealed = sqlite3.connect(database).execute("SELECT national_id FROM students WHERE id = ?", (student,)).fetchone()[0]
    full = open_sealed(database, sealed)
    check("the database holds the child's number sealed", sealed.startswith("v1.") and full not in sealed and full[:6] not in sealed)
    check("the form shows the masked number and the age, not the birth date",
          full[:6] + "********" + full[14:] in facts and full[6:10] + "-" + full[10:12] not in facts)
    area, birth = full[:6], [full[6:10], full[10:12], full[12:14]]
    form = driver.find_element(By.ID, "apply")
    form.find_element(By.NAME, "national_id").send_keys("110101" + "".join(birth) + "9870")
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    check("a wrong ID number is refused, naming the field", driver.find_elements(By.CSS_SELECTOR, "p.error[data-field=national_id]"))
    form = driver.find_element(By.ID, "apply")
    form.find_element(By.NAME, "national_id").send_keys(national_id(area + "".join(birth) + "987"))
    driver.save_screenshot(os.path.join(screenshots, "enrollment-apply.png"))
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    check("the child is registered, and the page says so", "/enrollment?saved=1" in driver.current_url and "已报名" in driver.page_source
          and "报名已提交" in driver.find_element(By.CSS_SELECTOR, "p.flash").text)
    # The family changes the application within the window and reads both steps in its change log.
    driver.get(apply_url)
    form = driver.find_element(By.ID, "apply")
    form.find_element(By.NAME, "national_id").send_keys(national_id(area + "".join(birth) + "987"))
    years = form.find_element(By.NAME, "years")
    years.clear(); years.send_keys("2")
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    driver.get(apply_url)
    history = driver.find_elements(By.CSS_SELECTOR, "#application-history + .table-scroll tbody tr")
    check("the change log shows the registration and the change, in words", len(history) == 2 and "居住 2 年" in history[-1].text
          and "years=" not in history[-1].text)
    driver.save_screenshot(os.path.join(screenshots, "enrollment-history.png"))

    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/enrollment/" + campaign)
    click_and_wait(driver, driver.find_element(By.ID, "seats-link"))
    form = driver.find_element(By.ID, "seats")
    field = form.find_element(By.CSS_SELECTOR, "input[name^='seats-']")
    name, old, school_name = field.get_attribute("name"), int(field.get_attribute("value")), field.get_attribute("aria-label")
    school, new = name[len("seats-"):], old + 5 if old < 1990 else old - 5
    total = int(driver.find_element(By.ID, "seat-total").text.replace(",", ""))
    field.clear()
    field.send_keys("-3")
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    check("a negative number of seats is refused, naming the school's field",
          driver.find_elements(By.CSS_SELECTOR, f"p.error[data-field='{name}']") and school_name in driver.find_element(By.CSS_SELECTOR, "p.error").text)
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(str(new))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#seats button"))
    check("the seats are saved", driver.find_elements(By.ID, "saved")
          and int(driver.find_element(By.ID, "seat-total").text.replace(",", "")) == total + new - old)
    changes = driver.find_elements(By.CSS_SELECTOR, "table.data-table")[-1].find_elements(By.CSS_SELECTOR, "tbody tr")
    cells = [c.text.replace(",", "") for c in changes[-1].find_elements(By.TAG_NAME, "td")]
    check("the change is logged with who, old and new", cells == ["district", school_name, str(old), str(new)])
    for _ in range(2):  # ascending, then descending: each click asks the server for the order
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#seats th.sortable:nth-child(6) a"))
    column = [int(r.find_elements(By.TAG_NAME, "td")[4].text.replace(",", "")) for r in driver.find_elements(By.CSS_SELECTOR, "#seats table tbody tr")]
    check("the seats table sorts by seats on the server", len(column) > 1 and column == sorted(column, reverse=True)
          and "dir=desc" in driver.current_url)
    driver.save_screenshot(os.path.join(screenshots, "enrollment-seats.png"))

    driver.get(base + "/enrollment/" + campaign)
    list_hash = freeze_and_draw(driver, secret, check, screenshots)
    check("the review shows the what-if kilometres and a chart",
          "公里" in driver.find_element(By.ID, "what-if").text and driver.find_elements(By.CSS_SELECTOR, "svg.chart rect"))
    driver.save_screenshot(os.path.join(screenshots, "enrollment-review.png"))
    publish(driver, screenshots)
    check("the results are published", driver.find_element(By.ID, "status").text == "结果已发布")

    sign_in(driver, base, "parent", accounts["parent"])
    driver.get(base + "/enrollment")
    reasons = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "section.campaign table.data-table tbody td:last-child")]
    check("the parent sees the result with a reason",
          any(("施教区" in r or "电脑派位录取" in r or "统筹" in r) for r in reasons))
    driver.save_screenshot(os.path.join(screenshots, "enrollment-result.png"))

    driver.delete_all_cookies()
    driver.get(base + "/public/enrollment/" + campaign)
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#files a")]
    check("the public page offers the three files", [l.rsplit("/", 1)[1] for l in links] == ["schools.csv", "applicants.csv", "results.csv"])
    check("the public page shows the seed ingredients", driver.find_element(By.ID, "secret").text == secret
          and driver.find_element(By.ID, "list-hash").text == list_hash)
    check("the demo draw admits children by private lottery", routes(driver)[0] > 0)
    driver.save_screenshot(os.path.join(screenshots, "enrollment-public.png"))
    schools = urllib.request.urlopen(links[0]).read().decode()
    check("the published schools.csv carries the edited seats",
          any(row.split(",")[0] == school and row.split(",")[5] == str(new) for row in schools.splitlines()))
    applicants = urllib.request.urlopen(links[1]).read().decode()
    results = urllib.request.urlopen(links[2]).read().decode()
    check("applicants.csv has the engine's columns and no ID numbers",
          applicants.startswith("applicant_id,district,zone,lat,lon,track,choices,tier,years") and not re.search(r"\d{17}[\dX]", applicants))
    check("results.csv has one row per applicant", len(results.strip().splitlines()) == len(applicants.strip().splitlines()))

    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/enrollment")
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "小班入园"))
    kindergarten = driver.current_url.rsplit("/", 1)[1]
    freeze_and_draw(driver, secret, check, screenshots)
    driver.save_screenshot(os.path.join(screenshots, "enrollment-k1-review.png"))
    publish(driver, screenshots)
    driver.get(base + "/public/enrollment/" + kindergarten)
    private, catchment = routes(driver)[:2]
    check("the K1 draw admits by private lottery and to catchment kindergartens", private > 0 and catchment > 0)


def freeze_and_draw(driver, secret, check, screenshots):
    """On a campaign page: freeze the list, then draw with the demo notary secret; the list hash."""
    # Each irreversible step opens a page that says what will happen, with the counts, and asks to confirm.
    click_and_wait(driver, driver.find_element(By.ID, "step-freeze"))
    panel = driver.find_element(By.CSS_SELECTOR, "section.confirm-panel")
    check("freezing says what will happen and shows the counts", "不能再报名" in panel.text and panel.find_elements(By.CSS_SELECTOR, "dl.counts dd"))
    reason = panel.find_elements(By.NAME, "reason")
    if reason:  # before the announced closing day: a reason is required
        reason[0].send_keys("派位时间调整，区教育局决定提前截止（测试）")
        driver.save_screenshot(os.path.join(screenshots, "enrollment-freeze-confirm.png"))
    click_and_wait(driver, panel.find_element(By.CSS_SELECTOR, "button.danger"))
    list_hash = driver.find_element(By.ID, "list-hash").text
    check("freezing publishes the list hash", re.fullmatch(r"[0-9a-f]{64}", list_hash))
    click_and_wait(driver, driver.find_element(By.ID, "step-draw"))
    panel = driver.find_element(By.CSS_SELECTOR, "section.confirm-panel")
    panel.find_element(By.NAME, "beacon_value").send_keys("e2e-beacon-round-value")
    panel.find_element(By.NAME, "notary_secret").send_keys(secret)
    click_and_wait(driver, panel.find_element(By.CSS_SELECTOR, "button.danger"))
    check("the draw ran", driver.find_element(By.ID, "status").text.startswith("已派位"))
    return list_hash


def publish(driver, screenshots):
    """From a drawn campaign's page: the confirmation (counts per route), then publish."""
    click_and_wait(driver, driver.find_element(By.ID, "step-publish"))
    panel = driver.find_element(By.CSS_SELECTOR, "section.confirm-panel")
    driver.save_screenshot(os.path.join(screenshots, "enrollment-publish-confirm.png"))
    click_and_wait(driver, panel.find_element(By.CSS_SELECTOR, "button.danger"))


def routes(driver):
    """Children per route on a published campaign's public page: private, catchment, coordinated, unplaced."""
    found = re.search(r"民办摇号 ([\d,]+) 人，施教区 ([\d,]+) 人，统筹 ([\d,]+) 人，未安排 ([\d,]+) 人", driver.page_source)
    return [int(n.replace(",", "")) for n in found.groups()] if found else [0, 0, 0, 0]
