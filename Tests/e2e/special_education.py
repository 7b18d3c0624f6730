"""Browser flow of the special-education case files (一人一案), run by smoke.py with its driver:
the district centre opens a file for the demo parent's child, places the child, writes a plan (a
goal without a criterion is refused first), records a review, hands the child over to junior high
and prints the file; the parent reads it and is refused another family's file; the city admin sees
figures only. Screenshots go to the screenshots folder (sped-*.png)."""
import datetime
import os
import re

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

import second_factor

def sign_in(driver, base, username, password):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()
    # Wait for the sign-in's redirect (and pass the second factor), or the next page load races it.
    second_factor.complete(driver, username)


def open_form(driver, form_id=None, css=None):
    """The form, after opening the <details> that folds it."""
    form = driver.find_element(By.ID, form_id) if form_id else driver.find_element(By.CSS_SELECTOR, css)
    details = form.find_elements(By.XPATH, "./ancestor::details")
    if details and not details[0].get_attribute("open"):
        details[0].find_element(By.TAG_NAME, "summary").click()
    return form


def set_value(driver, form, name, value):
    """Sets an input (date inputs take typed text in the browser's locale; this does not)."""
    driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, name), value)


def follow(driver, element):
    """Clicks a link or button and waits for the page it leads to. While the page is replaced,
    Chrome may answer "Node with given id does not belong to the document" instead of "stale":
    then it asks again."""
    element.click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(expected_conditions.staleness_of(element))


def submit(driver, form):
    follow(driver, form.find_element(By.TAG_NAME, "button"))


def run(driver, base, accounts, screenshots, check):
    def shot(name):
        driver.save_screenshot(os.path.join(screenshots, name))

    # The parent's child: name and school, as the family page shows them.
    sign_in(driver, base, "parent", accounts["parent"])
    driver.get(base + "/family")
    # The youngest pupil (cards go oldest first): the primary-school child; the demo family's eldest is a 中考 candidate.
    card = [c for c in driver.find_elements(By.CSS_SELECTOR, "article.child") if c.find_elements(By.CSS_SELECTOR, "a[href*='/schools/']")][-1]
    child_name = card.find_element(By.CSS_SELECTOR, "h3 a").text
    school_path = card.find_element(By.CSS_SELECTOR, "a[href*='/schools/']").get_attribute("href").replace(base, "")

    # The district centre finds the child's full ID number (an audited reveal) and opens a file.
    sign_in(driver, base, "district", accounts["district"])
    driver.get(base + "/special-education")
    check("sped: the district list shows the monitoring figures", driver.find_elements(By.ID, "enrollment-rate"))
    check("sped: the demo district has case files", len(driver.find_elements(By.CSS_SELECTOR, "#case-files table tbody tr")) > 0)
    other_files = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#case-files table.data-table a[href*='/special-education/']")]
    shot("sped-list.png")
    driver.get(base + school_path + "/students")
    follow(driver, driver.find_element(By.LINK_TEXT, child_name))
    follow(driver, driver.find_element(By.XPATH, "//button[contains(., '查看完整号码')]"))
    national_id = driver.find_element(By.CSS_SELECTOR, "span.id").text
    check("sped: the revealed ID number is whole", re.fullmatch(r"\d{17}[\dX]", national_id))

    driver.get(base + "/special-education/new")
    form = driver.find_element(By.ID, "new-case")
    form.find_element(By.NAME, "national_id").send_keys(national_id)
    Select(form.find_element(By.NAME, "stage")).select_by_value("primary")
    Select(form.find_element(By.NAME, "category")).select_by_value("hearing")
    Select(form.find_element(By.NAME, "level")).select_by_value("2")
    shot("sped-new-case.png")
    submit(driver, form)
    check("sped: the new file opens", child_name in driver.find_element(By.TAG_NAME, "h1").text)
    file_url = driver.current_url
    other_files = [url for url in other_files if url != file_url]

    # Placement at the child's school.
    form = open_form(driver, "placement-form")
    Select(form.find_element(By.NAME, "kind")).select_by_value("mainstream")
    Select(form.find_element(By.NAME, "school_id")).select_by_value(school_path.split("/")[-1])
    # Placed and planned a month ago, so that today's hand-over comes after both started.
    month_ago = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date() - datetime.timedelta(days=30)).isoformat()
    set_value(driver, form, "start_date", month_ago)
    submit(driver, form)
    check("sped: the child is placed in a mainstream class", "随班就读" in driver.find_element(By.ID, "summary").text)

    # A plan whose goal has no criterion is refused; with the criterion it is stored.
    form = open_form(driver, "plan-form")
    form.find_element(By.NAME, "description").send_keys("佩戴助听器参与课堂")
    submit(driver, form)
    problem = driver.find_elements(By.ID, "problem")
    check("sped: a goal without a criterion is refused, naming the field",
          problem and problem[0].get_attribute("data-field") == "criterion" and "可测量的达成标准" in problem[0].text)
    check("sped: the refused plan was not stored", not driver.find_elements(By.CSS_SELECTOR, "article.plan"))
    shot("sped-goal-refused.png")
    form = open_form(driver, "plan-form")
    set_value(driver, form, "start_date", month_ago)
    form.find_element(By.NAME, "description").send_keys("佩戴助听器参与课堂")
    form.find_element(By.NAME, "criterion").send_keys("每天佩戴不少于 5 小时，连续一个月")
    submit(driver, form)
    check("sped: the plan is stored with its goal", "每天佩戴不少于 5 小时" in driver.find_element(By.CSS_SELECTOR, "article.plan").text)

    # A review of the plan.
    form = open_form(driver, css="article.plan form.review-form")
    # Reviewed yesterday: a review on the hand-over day would belong to the next stage's plan.
    set_value(driver, form, "date", (datetime.date.fromisoformat(month_ago) + datetime.timedelta(days=29)).isoformat())
    Select(form.find_element(By.NAME, "outcome")).select_by_value("continue")
    form.find_element(By.NAME, "summary").send_keys("课堂参与明显改善，继续执行")
    submit(driver, form)
    check("sped: the review is recorded", "课堂参与明显改善" in driver.find_element(By.CSS_SELECTOR, "article.plan").text)

    # The hand-over to junior high: the file follows the child.
    form = open_form(driver, "handover-form")
    Select(form.find_element(By.NAME, "kind")).select_by_value("mainstream")
    receiving = Select(form.find_element(By.NAME, "school_id")).options[0].text.split("（")[0]
    form.find_element(By.NAME, "summary").send_keys("听力二级，需座位靠前并使用调频系统")
    submit(driver, form)
    # The hand-over cannot be undone: the page says what will happen and asks to confirm.
    panel = driver.find_element(By.CSS_SELECTOR, ".confirm-panel")
    check("sped: the hand-over asks to confirm, naming the receiving school", receiving in panel.text)
    follow(driver, panel.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    summary = driver.find_element(By.ID, "summary").text
    check("sped: after the hand-over the stage is junior", "初中" in summary)
    check("sped: after the hand-over the receiving school holds the file", receiving in summary)
    check("sped: the hand-over is listed", "需座位靠前" in driver.find_element(By.ID, "handovers").text)
    shot("sped-file.png")

    # The printable file, as printed.
    driver.get(file_url + "/print")
    check("sped: the printable file holds the plan and the hand-over",
          "每天佩戴不少于 5 小时" in driver.page_source and "需座位靠前" in driver.page_source)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    check("sped: print hides the navigation", not driver.find_element(By.TAG_NAME, "header").is_displayed())
    check("sped: print hides every form", not any(f.is_displayed() for f in driver.find_elements(By.TAG_NAME, "form")))
    shot("sped-print.png")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # The parent reads the child's file; another family's file is refused.
    sign_in(driver, base, "parent", accounts["parent"])
    driver.get(file_url)
    check("sped: the guardian reads the child's file", "需座位靠前" in driver.page_source)
    check("sped: the guardian gets no forms", not driver.find_elements(By.ID, "plan-form"))
    if other_files:
        driver.get(other_files[0])
        check("sped: another family's file is refused", driver.find_element(By.TAG_NAME, "h1").text == "无权访问")
    else:
        check("sped: the demo district has another file to try", False)

    # The city admin sees the figures per district, not the children.
    sign_in(driver, base, "city", accounts["city"])
    driver.get(base + "/special-education")
    check("sped: the city sees a chart and a table per district",
          driver.find_elements(By.CSS_SELECTOR, "svg.chart") and len(driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")) == 16)
    check("sped: the city sees no child", child_name not in driver.page_source)
    shot("sped-city.png")
