"""A family signs in through a real OpenID Connect provider (Tests/oidc/provider.py standing in for
一网通办): the registry's guardian is found by the ID number in the signed ID token, and a person the
registry does not know as a guardian is turned away with a sentence saying why."""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from checks import Checks
from sealed_fields import open_sealed
from special_education import follow

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--database", required=True)
parser.add_argument("--screenshots", required=True)
parser.add_argument("--provider-python", required=True, help="a Python with Tests/oidc/requirements.txt installed")
parser.add_argument("--port", type=int, required=True, help="the provider's port (the server's YOUJIAO_OIDC_ISSUER)")
parser.add_argument("--client-secret", required=True)
args = parser.parse_args()


def national_id(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


sealed_id, guardian_name = sqlite3.connect(args.database).execute(
    "SELECT g.national_id, g.name FROM users u JOIN guardians g ON g.id = u.guardian_id WHERE u.username = 'parent'").fetchone()
guardian_id = open_sealed(args.database, sealed_id)
users = [
    {"username": "family", "password": "family-pw", "name": guardian_name, "id_number": guardian_id},
    {"username": "stranger", "password": "stranger-pw", "name": "路人甲", "id_number": national_id("11010519800101999")},
]
users_file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
json.dump(users, users_file, ensure_ascii=False)
users_file.close()
provider = subprocess.Popen(
    [args.provider_python, os.path.join(os.path.dirname(__file__), "..", "oidc", "provider.py"), "--port", str(args.port),
     "--client-id", "youjiao", "--client-secret", args.client_secret, "--redirect-uri", args.base + "/auth/oidc/callback",
     "--users", users_file.name],
    stdout=subprocess.PIPE, text=True)
check = Checks()
try:
    check("the provider starts", provider.stdout.readline().strip() == "ready")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,900", "--lang=zh-CN"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        def sign_in_with_provider(username, password):
            driver.delete_all_cookies()
            driver.get(args.base + "/login")
            follow(driver, driver.find_element(By.LINK_TEXT, "一网通办登录"))
            WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(f"http://127.0.0.1:{args.port}/"))
            driver.find_element(By.NAME, "username").send_keys(username)
            driver.find_element(By.NAME, "password").send_keys(password)
            driver.find_element(By.ID, "login").click()
            WebDriverWait(driver, 15).until(lambda d: d.current_url.startswith(args.base))
            WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")

        sign_in_with_provider("family", "family-pw")
        check("the guardian lands on the family page", driver.current_url == args.base + "/family")
        check("the family page shows the guardian's children with masked numbers",
              guardian_name in driver.page_source and "********" in driver.page_source)
        check("no horizontal scroll on a 390 px phone",
              driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
        driver.save_screenshot(os.path.join(args.screenshots, "oidc-family.png"))

        sign_in_with_provider("stranger", "stranger-pw")
        check("someone who is not a registered guardian is told why",
              "没有以您的身份证件号登记的监护人" in driver.page_source and "/family" not in driver.current_url)
        driver.get(args.base + "/family")
        check("and is not signed in", "/login" in driver.current_url)
        driver.save_screenshot(os.path.join(args.screenshots, "oidc-refused.png"))

        # The public verification page, which families open on their phones, fits a 390 px screen.
        campaign = sqlite3.connect(args.database).execute("SELECT id FROM campaigns WHERE list_hash IS NOT NULL ORDER BY id").fetchone()
        if campaign:
            driver.get(args.base + "/public/enrollment/" + campaign[0])
            check("the public verification page has no horizontal scroll at 390 px",
                  driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
            driver.save_screenshot(os.path.join(args.screenshots, "public-phone.png"))
    finally:
        driver.quit()
finally:
    provider.terminate()
    os.unlink(users_file.name)

print(f"oidc e2e: {check.passed} passed, {check.failed} failed")
sys.exit(1 if check.failed else 0)
