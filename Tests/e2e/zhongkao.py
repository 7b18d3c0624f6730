"""Browser flow of 中考招生录取, run by smoke.py with its driver: the demo high school's admin sets
its quotas (a bad number is refused first, naming the line), the city freezes, admits with the
beacon value and the notary secret, and publishes; an anonymous visitor downloads the published
files and the Python verifier from the public page, and the verifier recomputes every admission
(and catches a changed row); the demo parent reads the child's result with its reason.
Screenshots: zhongkao-*.png."""
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

from selenium.webdriver.common.by import By

from enrollment import click_and_wait
from special_education import sign_in


def run(driver, base, accounts, screenshots, check, log):
    secret = re.search(r"DEMO NOTARY SECRET=(\S+)", log).group(1)
    campaign = re.search(r"Opened the demo 中考 admission (\S+) with (\d+) candidates", log)
    check("the demo opens a 中考 admission with candidates", campaign and int(campaign.group(2)) > 100)
    path = "/zhongkao/" + campaign.group(1)

    # The high school sets its quotas: a bad number is refused with the line named, then saved.
    sign_in(driver, base, "highschool", accounts["highschool"])
    driver.get(base + "/zhongkao")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='{path}']"))
    check("the high school sees the admission open for quotas", driver.find_element(By.ID, "status").text == "名额分配编制中")
    click_and_wait(driver, driver.find_element(By.ID, "quotas-link"))
    form = driver.find_element(By.ID, "quotas")
    first = form.find_element(By.NAME, "seats-0")
    old = int(first.get_attribute("value"))
    first.clear()
    first.send_keys("很多")
    click_and_wait(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("a bad quota is refused, naming the line", driver.find_elements(By.CSS_SELECTOR, "p.error[data-field=seats-0]")
          and driver.find_element(By.NAME, "seats-0").get_attribute("value") == "很多")
    first = driver.find_element(By.NAME, "seats-0")
    first.clear()
    first.send_keys(str(max(0, old - 1)))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#quotas button[type=submit]"))
    check("the quota is saved and the page says so", driver.find_elements(By.ID, "saved")
          and driver.find_element(By.NAME, "seats-0").get_attribute("value") == str(max(0, old - 1)))
    driver.save_screenshot(os.path.join(screenshots, "zhongkao-quotas.png"))

    # The city freezes, admits and publishes, each after its confirmation page.
    sign_in(driver, base, "city", accounts["city"])
    driver.get(base + path)
    click_and_wait(driver, driver.find_element(By.ID, "step-freeze"))
    panel = driver.find_element(By.CSS_SELECTOR, "section.confirm-panel")
    check("freezing says the quota table closes", "不能再修改名额" in panel.text and panel.find_elements(By.CSS_SELECTOR, "dl.counts dd"))
    click_and_wait(driver, panel.find_element(By.CSS_SELECTOR, "button.danger"))
    list_hash = driver.find_element(By.ID, "list-hash").text
    check("freezing publishes the list hash", re.fullmatch(r"[0-9a-f]{64}", list_hash))
    click_and_wait(driver, driver.find_element(By.ID, "step-draw"))
    panel = driver.find_element(By.CSS_SELECTOR, "section.confirm-panel")
    panel.find_element(By.NAME, "beacon_value").send_keys("e2e-zhongkao-beacon")
    panel.find_element(By.NAME, "notary_secret").send_keys(secret)
    click_and_wait(driver, panel.find_element(By.CSS_SELECTOR, "button.danger"))
    check("the admission ran", driver.find_element(By.ID, "status").text.startswith("已录取"))
    check("the review shows admissions per round and each school's line",
          driver.find_elements(By.CSS_SELECTOR, "#review svg.chart rect") and "投档线" in driver.page_source
          and re.search(r"统一招生 [\d,]+ 人", driver.page_source))
    driver.save_screenshot(os.path.join(screenshots, "zhongkao-drawn.png"))
    click_and_wait(driver, driver.find_element(By.ID, "step-publish"))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "section.confirm-panel button.danger"))
    check("the results are published", driver.find_element(By.ID, "status").text == "录取结果已发布")
    click_and_wait(driver, driver.find_element(By.ID, "candidates-link"))
    check("the city lists candidates with the reason of each result", "志愿" in driver.page_source and "投档线" in driver.page_source)
    driver.save_screenshot(os.path.join(screenshots, "zhongkao-candidates.png"))

    # Anyone: the public page, its files and the verifier, which recomputes every row.
    driver.delete_all_cookies()
    driver.get(base + "/public" + path)
    check("the public page names the list hash", driver.find_element(By.ID, "list-hash").text == list_hash)
    command = driver.find_element(By.ID, "python-command").text
    driver.save_screenshot(os.path.join(screenshots, "zhongkao-public.png"))
    folder = tempfile.mkdtemp(prefix="zhongkao-e2e-")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#files a")]
    links.append(driver.find_element(By.ID, "python-verifier").get_attribute("href"))
    for link in links:
        with urllib.request.urlopen(link) as response, open(os.path.join(folder, link.rsplit("/", 1)[1]), "wb") as out:
            out.write(response.read())
    arguments = command.replace("\\\n", " ").split()[1:]
    run_verifier = lambda: subprocess.run([sys.executable] + arguments, cwd=folder, capture_output=True, text=True)
    verified = run_verifier()
    check("verify.py recomputes the published admission from the public files", verified.returncode == 0 and "一致" in verified.stdout)
    results = os.path.join(folder, "results.csv")
    rows = open(results, encoding="utf-8").read().split("\n")
    fields = rows[1].split(",")
    fields[-1] = fields[-1][:-1] + ("0" if fields[-1][-1] != "0" else "1")
    rows[1] = ",".join(fields)
    open(results, "w", encoding="utf-8").write("\n".join(rows))
    tampered = run_verifier()
    check("verify.py catches a changed row", tampered.returncode == 1 and "不一致" in tampered.stdout)

    # The family: the child's result with its reason.
    sign_in(driver, base, "parent", accounts["parent"])
    driver.get(base + "/enrollment")
    section = driver.find_elements(By.ID, "zhongkao")
    check("the family reads the child's 中考 result with the reason",
          section and re.search(r"志愿|未录取|提前录取", section[0].text) and "尚未公布" not in section[0].text)
    driver.save_screenshot(os.path.join(screenshots, "zhongkao-family.png"))
