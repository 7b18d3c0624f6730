"""Browser check of kindergarten fees made public, run by smoke.py with its driver: a visitor (no
sign-in) reads the public list on a desktop and a 390 px phone, opens a kindergarten's fees, files
a complaint and reads its status by reference; the demo kindergarten's admin publishes a fee item
(an over-cap one refused first); the district's admin finds the complaint in the queue, takes it
up, then closes it after the confirmation, and reads the district's overview with its chart.
Screenshots: kindergarten-fees-*.png."""
import os
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from enrollment import click_and_wait
from special_education import sign_in

WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "p.flash")
    return found[0].text if found else ""


def run(driver, base, accounts, screenshots, check):
    driver.delete_all_cookies()
    driver.get(base + "/public/kindergarten-fees")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")
    check("the public fee list opens without signing in", len(rows) > 3 and "幼儿园收费公示" in driver.page_source)
    check("the list downloads as CSV and XLSX", len(driver.find_elements(By.CSS_SELECTOR, "p.downloads a[download]")) == 2)
    check("some kindergartens have not published", driver.find_elements(By.CSS_SELECTOR, "table.data-table span.badge-bad"))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-public.png"))
    Select(driver.find_element(By.ID, "district")).select_by_value("310101")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    check("the list filters by district on the server", all("黄浦区" in r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")))
    driver.set_window_size(390, 844)
    check("the public list fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-public-390.png"))
    driver.set_window_size(1280, 1400)

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table tbody a[href^='/public/kindergarten-fees/']"))
    check("a kindergarten's fees show its items", driver.find_elements(By.CSS_SELECTOR, "table.data-table") and driver.find_elements(By.ID, "complaint-channel"))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-one.png"))

    click_and_wait(driver, driver.find_element(By.ID, "complain"))
    form = driver.find_element(By.ID, "complaint-form")
    Select(form.find_element(By.NAME, "category")).select_by_value("service")
    form.find_element(By.NAME, "item").send_keys("兴趣班费")
    form.find_element(By.NAME, "amount").send_keys("800")
    form.find_element(By.NAME, "description").send_keys("短")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("a too short description is refused with the field marked", driver.find_elements(By.CSS_SELECTOR, ".has-error textarea[name=description]"))
    form = driver.find_element(By.ID, "complaint-form")
    form.find_element(By.NAME, "description").clear()
    form.find_element(By.NAME, "description").send_keys("每月另收 800 元兴趣班费，招生简章和园内公示栏都没有公示。")
    form.find_element(By.NAME, "contact").send_keys("13900001234")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    reference = driver.find_element(By.ID, "reference").text
    check("the complaint is filed with a reference number", re.fullmatch(r"YJF-[0-9A-Z]{8}", reference) and "投诉已提交" in flash(driver))
    check("the status page shows no contact details", "13900001234" not in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-filed.png"))

    # The demo kindergarten publishes an item; an over-cap fee is refused naming the cap.
    sign_in(driver, base, "kindergarten", accounts["kindergarten"])
    driver.get(base + "/kindergarten-fees")
    form = driver.find_element(By.ID, "fee-form")
    Select(form.find_element(By.NAME, "category")).select_by_value("care-education")
    form.find_element(By.NAME, "name").send_keys("保育教育费（新）")
    form.find_element(By.NAME, "amount").send_keys("5000")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("an over-cap fee is refused naming the cap", "超过限额" in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-refused.png"))
    form = driver.find_element(By.ID, "fee-form")
    Select(form.find_element(By.NAME, "category")).select_by_value("service")
    form.find_element(By.NAME, "name").clear()
    form.find_element(By.NAME, "name").send_keys("点心费")
    form.find_element(By.NAME, "amount").clear()
    form.find_element(By.NAME, "amount").send_keys("3.5")
    Select(form.find_element(By.NAME, "period")).select_by_value("day")
    form.find_element(By.NAME, "covers").send_keys("下午点心")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("the kindergarten publishes a fee item and is told so", "已保存并公示" in flash(driver) and "点心费" in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-school.png"))

    # The district's queue: find the complaint, take it up, close it after the confirmation.
    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/kindergarten-fees")
    check("the district's overview draws fees against caps", driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
          and driver.find_elements(By.ID, "complaint-counts"))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-district.png"))
    click_and_wait(driver, driver.find_element(By.ID, "queue-link"))
    driver.find_element(By.ID, "q").send_keys(reference)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, reference))
    check("the district reads the parent's contact", "13900001234" in driver.page_source)
    form = driver.find_element(By.ID, "decision-form")
    Select(form.find_element(By.NAME, "step")).select_by_value("accepted")
    form.find_element(By.NAME, "note").send_keys("转收费检查组核实")
    form.find_element(By.NAME, "reply").send_keys("已受理，15 个工作日内答复。")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("the decision is recorded and logged", "处理结果已记录" in flash(driver) and "转收费检查组核实" in driver.page_source)
    form = driver.find_element(By.ID, "decision-form")
    Select(form.find_element(By.NAME, "step")).select_by_value("substantiated")
    form.find_element(By.NAME, "note").send_keys("园方承认另收费用")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    form = driver.find_element(By.ID, "decision-form")
    Select(form.find_element(By.NAME, "step")).select_by_value("rectified")
    form.find_element(By.NAME, "note").send_keys("已退费")
    form.find_element(By.NAME, "reply").send_keys("幼儿园已停止收取并退费。")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("closing a complaint asks to confirm first", driver.find_elements(By.CSS_SELECTOR, ".confirm-panel"))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-confirm.png"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".confirm-panel button.danger"))
    check("the complaint is closed with three decisions logged", driver.find_elements(By.ID, "closed")
          and len(driver.find_elements(By.CSS_SELECTOR, "#fee-complaint-decisions ~ * tbody tr, table.data-table tbody tr")) >= 3)
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-decided.png"))
    driver.set_window_size(390, 844)
    check("the complaint page fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-decided-390.png"))
    driver.set_window_size(1280, 1400)

    # The parent reads the reply with the reference.
    driver.delete_all_cookies()
    driver.get(base + "/public/kindergarten-fees/complaints/status?ref=" + reference)
    check("the parent reads the status and the published reply", "已整改" in driver.page_source and "幼儿园已停止收取并退费。" in driver.page_source
          and "已退费" not in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "kindergarten-fees-status.png"))
