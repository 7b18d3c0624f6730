"""Browser check of the teachers' pages, run by smoke.py with its driver: the demo school's admin
opens the school's teachers (chart of training hours, pace marked), then a teacher's portrait
(career, rotation eligibility with its reason, training records). Screenshots: teachers-*.png."""
import os

from selenium.webdriver.common.by import By

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
