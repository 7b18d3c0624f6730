"""Browser walk of the growth record (综合素质评价), run by smoke.py with its driver: the demo high
school's admin writes a record for a pupil of a class (a bad one refused first), selects it and opens
the class's display after the confirmation; a teacher of the school, issued an account on the spot,
objects on the display page; the admin upholds it; the display's end is moved to yesterday in the
database (the test cannot wait five school days); a second record is selected beforehand so the
archive keeps one; the admin archives and opens the pupil's report. Screenshots: growth-*.png."""
import os
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from enrollment import click_and_wait
from special_education import sign_in

WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "p.flash")
    return found[0].text if found else ""


def write(driver, pupil_index, dimension, kind, title, hours):
    Select(driver.find_element(By.ID, "student")).select_by_index(pupil_index)
    Select(driver.find_element(By.ID, "dimension")).select_by_value(dimension)
    Select(driver.find_element(By.ID, "kind")).select_by_value(kind)
    field = driver.find_element(By.ID, "title")
    field.clear()
    field.send_keys(title)
    hours_field = driver.find_element(By.ID, "hours")
    hours_field.clear()
    hours_field.send_keys(hours)
    click_and_wait(driver, driver.find_element(By.ID, "save-record"))


def run(driver, base, accounts, screenshots, check, database):
    sign_in(driver, base, "highschool", accounts["highschool"])
    driver.get(base + "/")
    school_url = driver.find_element(By.CSS_SELECTOR, "nav a[href^='/schools/']").get_attribute("href")
    driver.get(school_url)
    click_and_wait(driver, driver.find_element(By.ID, "growth-link"))
    check("the school lists its classes' growth records", driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody a[href*='/growth/']"))
    driver.save_screenshot(os.path.join(screenshots, "growth-school.png"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table tbody a[href*='/growth/']"))
    class_url = driver.current_url.split("?")[0]

    write(driver, 1, "practice", "social-practice", "校史馆讲解员培训", "abc")
    check("a bad number of hours is refused by field", driver.find_elements(By.CSS_SELECTOR, "#record-form .field.has-error"))
    write(driver, 1, "practice", "social-practice", "校史馆讲解员培训", "6")
    check("the record is saved", "记录已保存" in flash(driver))
    write(driver, 1, "moral", "community-service", "街道敬老院读报", "3")
    for title in ["校史馆讲解员培训", "街道敬老院读报"]:
        button = driver.find_element(By.XPATH, f"//ul[@class='selection-actions']/li[contains(., '{title}')]//button")
        click_and_wait(driver, button)
    check("the teacher's selection is saved", "遴选已更新" in flash(driver))
    driver.save_screenshot(os.path.join(screenshots, "growth-class.png"))

    click_and_wait(driver, driver.find_element(By.ID, "open-display"))
    check("opening the display is confirmed first", driver.find_elements(By.CSS_SELECTOR, ".confirm-panel"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".confirm-panel button.danger"))
    check("the display opens", "公示已开始" in flash(driver) and "公示中" in driver.find_element(By.ID, "display-phase").text)
    display_url = driver.find_element(By.ID, "display-link").get_attribute("href")

    # A teacher of the school, issued an account by the admin, objects to one record.
    driver.get(school_url + "/teachers")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "table.data-table tbody a[href^='/teachers/']"))
    click_and_wait(driver, driver.find_element(By.ID, "issue-account"))
    username = driver.find_element(By.ID, "issued-username").text
    password = driver.find_element(By.ID, "issued-password").text
    sign_in(driver, base, username, password)
    driver.get(display_url)
    check("the school's teacher reads the display", "街道敬老院读报" in driver.page_source)
    item = driver.find_element(By.XPATH, "//ul[@class='display-records']/li[contains(., '街道敬老院读报')]")
    item.find_element(By.TAG_NAME, "summary").click()
    item.find_element(By.TAG_NAME, "textarea").send_keys("当天图书馆闭馆，活动没有举行。")
    click_and_wait(driver, item.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("the objection is sent", "异议已提交" in flash(driver))
    driver.save_screenshot(os.path.join(screenshots, "growth-display.png"))

    sign_in(driver, base, "highschool", accounts["highschool"])
    driver.get(class_url)
    form = driver.find_element(By.CSS_SELECTOR, "form.objection-decision")
    form.find_element(By.TAG_NAME, "textarea").send_keys("经核实活动未举行，撤回记录。")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[value=uphold]"))
    check("the school upholds the objection", "处理结果已保存" in flash(driver) and "已撤回" in driver.page_source)

    connection = sqlite3.connect(database, timeout=10)
    connection.execute("UPDATE growth_displays SET opens_on = date('now', '-9 days'), ends_on = date('now', '-2 days') WHERE archived_on IS NULL")
    connection.commit()
    connection.close()
    driver.get(class_url)
    click_and_wait(driver, driver.find_element(By.ID, "archive"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, ".confirm-panel button.danger"))
    check("the class is archived", "记录已归档" in flash(driver) and "已归档" in driver.page_source)

    click_and_wait(driver, driver.find_element(By.XPATH, "//table[contains(@class,'data-table')]//tr[contains(., '校史馆讲解员培训')]//a[contains(@href,'/students/')]"))
    check("the report shows the archived record", "校史馆讲解员培训" in driver.find_element(By.CSS_SELECTOR, "section.report-dimension").find_element(By.XPATH, "..").text)
    driver.save_screenshot(os.path.join(screenshots, "growth-report.png"))
    driver.set_window_size(390, 844)
    driver.get(class_url)
    check("the class page fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "growth-class-phone.png"))
    driver.set_window_size(1280, 1400)

    # The pupil writes a record from the family's account (pupils have none): a bad hour count first.
    sign_in(driver, base, "parent", accounts["parent"])
    connection = sqlite3.connect(database, timeout=10)
    child = connection.execute("""SELECT s.id FROM users u JOIN guardian_children g ON g.guardian_id = u.guardian_id
                                  JOIN students s ON s.id = g.student_id WHERE u.username = 'parent' AND s.class_no IS NOT NULL
                                  ORDER BY s.grade DESC LIMIT 1""").fetchone()[0]
    connection.close()
    driver.get(f"{base}/students/{child}")
    click_and_wait(driver, driver.find_element(By.ID, "growth-report-link"))
    form = driver.find_element(By.ID, "pupil-record-form")
    check("the pupil's form offers no teacher's comment", not form.find_elements(By.CSS_SELECTOR, "option[value='teacher-comment']"))
    Select(form.find_element(By.ID, "dimension")).select_by_value("practice")
    Select(form.find_element(By.ID, "kind")).select_by_value("social-practice")
    form.find_element(By.ID, "title").send_keys("社区垃圾分类宣传")
    form.find_element(By.ID, "hours").send_keys("三小时")
    click_and_wait(driver, form.find_element(By.ID, "save-pupil-record"))
    check("a bad hour count is refused by field", "0.5–200" in driver.find_element(By.CSS_SELECTOR, ".field.has-error").text)
    hours = driver.find_element(By.ID, "hours")
    hours.clear()
    hours.send_keys("3")
    click_and_wait(driver, driver.find_element(By.ID, "save-pupil-record"))
    check("the pupil's record is sent", "记录已提交" in flash(driver) and "社区垃圾分类宣传 · 已记录 · 学生本人" in driver.find_element(By.ID, "this-year").text)
    driver.set_window_size(390, 844)
    check("the report with the pupil's form fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "growth-pupil-phone.png"))
    driver.set_window_size(1280, 1400)
