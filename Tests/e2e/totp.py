"""The staff's second factor: a TOTP code (RFC 6238, SHA-1, 6 digits, 30 s) from a base32 key.
Standard library only, so the timing scripts run on any Python 3."""

import base64
import hashlib
import hmac
import struct
import time


def totp(key_base32, at=None):
    key = base64.b32decode(key_base32 + "=" * (-len(key_base32) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)
