"""Browser check of 家访, run by smoke.py with its driver: the demo teacher account opens its school's
visit coverage from its menu, picks a class that is not fully visited, lists the pupils not visited
yet, logs a visit to one of them (a date of another school year first, refused by field) and sees the school's
visited count move by one; then the page at 390 px. Screenshots: home-visits-*.png."""
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from enrollment import click_and_wait
from special_education import sign_in, set_value

WIDER_THAN_PHONE = "return document.documentElement.scrollWidth > window.innerWidth + 1;"


def visited(driver):
    """The school's pupils visited so far (the second figure of the coverage list)."""
    return int(driver.find_elements(By.CSS_SELECTOR, "#coverage dd")[1].text.replace(",", ""))


def run(driver, base, accounts, screenshots, check):
    sign_in(driver, base, "teacher", accounts["teacher"])
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href$='/home-visits']"))
    check("the teacher's menu opens the school's visit coverage", "家访：" in driver.find_element(By.TAG_NAME, "h1").text)
    check("coverage is drawn by class", driver.find_elements(By.CSS_SELECTOR, "svg.chart rect"))
    before = visited(driver)
    driver.save_screenshot(os.path.join(screenshots, "home-visits-school.png"))

    Select(driver.find_element(By.ID, "show")).select_by_value("incomplete")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#visit-classes ~ * a[href*='class='], table.data-table tbody a[href*='class=']"))
    click_and_wait(driver, driver.find_element(By.ID, "unvisited-only"))
    pupils = driver.find_elements(By.CSS_SELECTOR, "section#class table.data-table")[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    check("the class teacher lists the pupils not visited yet", len(pupils) > 0)
    name = pupils[0].find_elements(By.CSS_SELECTOR, "th, td")[0].text if pupils else ""

    form = driver.find_element(By.ID, "visit-form")
    Select(form.find_element(By.NAME, "student")).select_by_visible_text(name)
    Select(form.find_element(By.NAME, "way")).select_by_value("home")
    form.find_element(By.NAME, "attendees").send_keys("班主任、母亲")
    form.find_element(By.NAME, "note").send_keys("孩子适应良好，家长关心课后阅读。")
    today = form.find_element(By.NAME, "date").get_attribute("value")
    set_value(driver, form, "date", "2000-09-01")
    click_and_wait(driver, form.find_element(By.ID, "save-visit"))
    check("a date outside this school year is refused, naming the field", driver.find_elements(By.CSS_SELECTOR, "#visit-form .field.has-error input[name=date]"))
    form = driver.find_element(By.ID, "visit-form")
    set_value(driver, form, "date", today)
    click_and_wait(driver, form.find_element(By.ID, "save-visit"))
    check("the visit is saved and said so", "家访记录已保存" in driver.find_element(By.CSS_SELECTOR, "p.flash").text)
    check("the visit is in the class's log", "孩子适应良好" in driver.page_source)
    check("the school's visited count moved by one", visited(driver) == before + 1)
    driver.save_screenshot(os.path.join(screenshots, "home-visits-class.png"))

    driver.find_element(By.ID, "class").location_once_scrolled_into_view
    driver.save_screenshot(os.path.join(screenshots, "home-visits-class-log.png"))
    driver.set_window_size(390, 844)
    driver.get(driver.current_url)
    driver.find_element(By.ID, "visit-form").location_once_scrolled_into_view
    check("the visit page fits a 390 px phone", not driver.execute_script(WIDER_THAN_PHONE))
    driver.save_screenshot(os.path.join(screenshots, "home-visits-class-390.png"))
    driver.set_window_size(1280, 1400)
