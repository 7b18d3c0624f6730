"""Staff sign in in two steps: after the password, a TOTP code (RFC 6238) from the authenticator
enrolled at the first sign-in. The browser tests play the person with the phone: they read the key
from the enrolment page and compute the code. The key is kept in a file beside the demo database
for the scripts that run later (the database holds it sealed, so it cannot be read there)."""

import json
import os
import sqlite3

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from totp import totp

DATABASE = None  # the demo SQLite file; set by the script that runs the browser
SCREENSHOTS = None
_keys = {}


def complete(driver, username):
    """After the password was sent: pass the second factor when asked, and wait for the page after it."""
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url or "/login/second-factor" in d.current_url)
    if "/login/second-factor" not in driver.current_url:
        return
    kept = DATABASE + ".totp.json"
    if not _keys and os.path.exists(kept):
        with open(kept) as f:
            _keys.update(json.load(f))
    shown = driver.find_elements(By.ID, "totp-secret")
    if shown:
        _keys[username] = shown[0].text.strip()
        with open(kept, "w") as f:
            json.dump(_keys, f)
        if SCREENSHOTS:
            driver.save_screenshot(os.path.join(SCREENSHOTS, "staff-enrol.png"))
    if username not in _keys:
        raise AssertionError(username + " was enrolled outside these browser tests: its key is not known")
    database = sqlite3.connect(DATABASE, timeout=10)
    # The tests sign one account in several times within 30 seconds; a person could not reuse a code.
    database.execute("UPDATE users SET totp_last_step = NULL WHERE username = ?", (username,))
    database.commit()
    database.close()
    driver.find_element(By.NAME, "code").send_keys(totp(_keys[username]))
    driver.find_element(By.ID, "verify").click()
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url or d.find_elements(By.ID, "recovery-codes"))
    if driver.find_elements(By.ID, "recovery-codes"):
        if SCREENSHOTS:
            driver.save_screenshot(os.path.join(SCREENSHOTS, "staff-recovery-codes.png"))
        driver.find_element(By.ID, "continue").click()
        WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
