"""Staff sign in in two steps: after the password, a TOTP code (RFC 6238) from the authenticator
enrolled at the first sign-in. The browser tests play the person with the phone: they read the key
from the enrolment page (or, in a later script, from the database) and compute the code."""

import base64
import hashlib
import hmac
import os
import sqlite3
import struct
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

DATABASE = None  # the demo SQLite file; set by the script that runs the browser
SCREENSHOTS = None
_keys = {}


def totp(key_base32, at=None):
    key = base64.b32decode(key_base32 + "=" * (-len(key_base32) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def complete(driver, username):
    """After the password was sent: pass the second factor when asked, and wait for the page after it."""
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url or "/login/second-factor" in d.current_url)
    if "/login/second-factor" not in driver.current_url:
        return
    shown = driver.find_elements(By.ID, "totp-secret")
    if shown:
        _keys[username] = shown[0].text.strip()
        if SCREENSHOTS:
            driver.save_screenshot(os.path.join(SCREENSHOTS, "staff-enrol.png"))
    database = sqlite3.connect(DATABASE, timeout=10)
    if username not in _keys:
        _keys[username] = database.execute("SELECT totp_secret FROM users WHERE username = ?", (username,)).fetchone()[0]
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
