"""Browser check of the teachers' pages, run by smoke.py with its driver: the demo school's admin
opens the school's teachers (chart of training hours, pace marked), then a teacher's portrait
(career, rotation eligibility with its reason, training records); the district's admin opens the
review lists at 1280 and 390 px; after a rotation round is approved, the city issues a rotated teacher
their account and the teacher reads the decision and enters their home. Screenshots: teachers-*.png,
teacher-reviews*.png, rotation-*.png, teacher-account-*.png."""
import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from enrollment import click_and_wait
from special_education import sign_in


def run(driver, base, accounts, screenshots, check):
    sign_in(driver, base, "school", accounts["school"])
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href^='/schools/']"))
    click_and_wait(driver, driver.find_element(By.ID, "teachers-link"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#teachers tbody tr, table.data-table tbody tr")
    check("the school lists its teachers with their training pace", len(rows) > 5 and driver.find_elements(By.CSS_SELECTOR, "span.badge"))
    check("the hours are drawn as a chart", driver.find_elements(By.CSS_SELECTOR, "svg.chart rect"))
    driver.save_screenshot(os.path.join(screenshots, "teachers-list.png"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table tbody a[href^='/teachers/']"))
    eligibility = driver.find_element(By.ID, "eligibility").text
    check("a portrait says whether and why the teacher may rotate", "本校" in eligibility or "退休" in eligibility or "交流" in eligibility)
    check("a portrait shows the career and the training", "职业经历" in driver.page_source and "研训记录" in driver.page_source
          and driver.find_elements(By.ID, "cycle-hours"))
    driver.save_screenshot(os.path.join(screenshots, "teachers-portrait.png"))

    # The district's review lists: hires from protected provinces, promotions lacking rotation,
    # rotation experience for appraisal; read on a desktop and on a 390 px phone. Huangpu's demo
    # teachers hold no 正高级, so the appraisal list is read in Pudong, by the city.
    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/")
    click_and_wait(driver, driver.find_element(By.ID, "teacher-reviews-link"))
    for section in ["poaching", "promotion"]:
        rows = driver.find_elements(By.CSS_SELECTOR, f"section#{section} table.data-table tbody tr")
        check(f"the review list '{section}' has rows", len(rows) > 0)
        check(f"the review list '{section}' downloads", len(driver.find_elements(By.CSS_SELECTOR, f"section#{section} p.downloads a[download]")) == 2)
    check("the promotions lacking rotation are marked", driver.find_elements(By.CSS_SELECTOR, "section#promotion span.badge-bad"))
    check("the review lists name provinces, not codes", "省" in driver.find_element(By.ID, "poaching").text)
    driver.save_screenshot(os.path.join(screenshots, "teacher-reviews.png"))
    driver.set_window_size(390, 900)
    check("the review lists fit a 390 px phone", not driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1;"))
    driver.save_screenshot(os.path.join(screenshots, "teacher-reviews-390.png"))
    driver.set_window_size(1280, 1400)
    Select(driver.find_element(By.ID, "promotion-filter")).select_by_value("lacking")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "section#promotion form.filters button"))
    check("the promotion filter keeps only those lacking rotation",
          len(driver.find_elements(By.CSS_SELECTOR, "section#promotion span.badge-good")) == 0
          and driver.find_elements(By.CSS_SELECTOR, "section#promotion span.badge-bad"))

    sign_in(driver, base, "city", accounts["city"])
    driver.get(base + "/districts/310115")
    click_and_wait(driver, driver.find_element(By.ID, "teacher-reviews-link"))
    rows = driver.find_elements(By.CSS_SELECTOR, "section#appraisal table.data-table tbody tr")
    check("the appraisal list shows rotation experience", len(rows) > 0 and "交流" in driver.find_element(By.ID, "appraisal").text)
    driver.find_element(By.ID, "appraisal").location_once_scrolled_into_view
    driver.save_screenshot(os.path.join(screenshots, "teacher-reviews-appraisal.png"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "section#appraisal tbody a[href^='/teachers/']"))
    check("a name on the review lists opens the portrait", driver.find_elements(By.ID, "eligibility"))

WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "p.flash")
    return found[0].text if found else ""


def run_rotation_round(driver, base, accounts, screenshots, check, log):
    """A rotation round: the demo district's admin finds its round; the city runs the richest
    district's: check the waiting need, make the plan, change one teacher with a reason, approve
    after the confirmation, and record the first teacher's arrival."""
    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/")
    district = driver.find_element(By.CSS_SELECTOR, "nav a[href^='/districts/']").get_attribute("href")
    driver.get(district + "/rotation")
    click_and_wait(driver, driver.find_element(By.ID, "rounds-link"))
    check("the district lists its rotation rounds", driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody a[href*='/rotation/']"))

    rounds = re.findall(r"Opened the demo rotation round (\d{6})-(\d{4}) with (\d+) needs", log)
    code, year, _ = max(rounds, key=lambda r: int(r[2]))
    sign_in(driver, base, "city", accounts["city"])
    round_url = f"{base}/districts/{code}/rotation/{year}"
    driver.get(round_url)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#rotation-needs ~ * a[href*='/needs/'], table.data-table a[href*='/needs/']"))
    click_and_wait(driver, driver.find_element(By.ID, "accept"))
    check("the district accepts a school's need and is told so", "审核结果已保存" in flash(driver))

    click_and_wait(driver, driver.find_element(By.ID, "make-plan"))
    check("the optimiser proposes a plan", "方案已生成" in flash(driver) and int(driver.find_element(By.ID, "rotated").text) > 0)
    driver.save_screenshot(os.path.join(screenshots, "rotation-plan.png"))

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table a[href*='/swap/']"))
    options = driver.find_elements(By.CSS_SELECTOR, "#replacement option")
    check("a swap offers teachers who fit the need", len(options) > 0)
    if options:
        driver.find_element(By.ID, "reason").send_keys("原人选承担区级课题")
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#swap-form button[type=submit]"))
        check("the change is saved with its reason", "人选已调整" in flash(driver) and "原人选承担区级课题" in driver.page_source)

    click_and_wait(driver, driver.find_element(By.ID, "approve"))
    check("approval shows what will happen first", "批准交流方案" in driver.page_source and driver.find_elements(By.CSS_SELECTOR, ".confirm-panel"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".confirm-panel button.danger"))
    check("the plan is approved into terms", "方案已批准" in flash(driver) and "交流执行情况" in driver.page_source)

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table a[href*='/terms/']"))
    click_and_wait(driver, driver.find_element(By.ID, "step-arrived"))
    check("the district records a teacher's arrival", "交流状态已更新" in flash(driver) and "交流中" in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "rotation-terms.png"))

    driver.set_window_size(390, 844)
    driver.get(round_url)
    check("the round fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "rotation-terms-phone.png"))
    driver.set_window_size(1280, 1400)

    # The city issues the rotated teacher an account; the teacher signs in, reads the decision and enters a home.
    driver.get(round_url)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table a[href^='/teachers/']"))
    teacher_url = driver.current_url
    check("the portrait offers the teacher an account", driver.find_elements(By.ID, "account-form"))
    click_and_wait(driver, driver.find_element(By.ID, "issue-account"))
    username = driver.find_element(By.ID, "issued-username").text
    password = driver.find_element(By.ID, "issued-password").text
    check("the account is issued and its first password shown once", username.startswith("t-") and len(password) == 16)
    driver.save_screenshot(os.path.join(screenshots, "teacher-account-issued.png"))
    sign_in(driver, base, username, password)
    check("the teacher lands on their own record", driver.current_url.split("?")[0] == teacher_url.split("?")[0])
    decision = driver.find_element(By.ID, "decision").text
    check("the teacher reads the decision about them", "交流轮岗" in decision and ("交流中" in decision or "已批准" in decision))
    driver.find_element(By.ID, "latitude").send_keys("31.2x")
    driver.find_element(By.ID, "longitude").send_keys("121.4737")
    click_and_wait(driver, driver.find_element(By.ID, "save-home"))
    check("a mistyped home is refused by field", driver.find_elements(By.CSS_SELECTOR, "#home-form .field.has-error"))
    latitude = driver.find_element(By.ID, "latitude")
    latitude.clear()
    latitude.send_keys("31.2304")
    click_and_wait(driver, driver.find_element(By.ID, "save-home"))
    check("the teacher's home is saved", "住址已保存" in flash(driver) and "已登记（本人于" in driver.find_element(By.ID, "home-standing").text)
    driver.save_screenshot(os.path.join(screenshots, "teacher-account-own.png"))
    driver.set_window_size(390, 844)
    driver.get(teacher_url)
    check("the teacher's own record fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "teacher-account-own-phone.png"))
    driver.set_window_size(1280, 1400)
