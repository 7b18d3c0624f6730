"""Opens a sealed field as the server does (AES-256-GCM: a 12-byte nonce, the ciphertext, a 16-byte
tag, under the key named in `v1.<key id>.<base64>`), with the demo database's key file. The browser
tests play people who know their own numbers, and the database holds those numbers sealed."""

import base64
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


@lru_cache  # read once per database: the crawl opens every sealed value
def _data_keys(database):
    with open(database + ".keys") as f:
        variables = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
    return {key_id: base64.b64decode(key) for key_id, key in
            (entry.split(":", 1) for entry in variables["YOUJIAO_FIELD_KEYS"].split(","))}


def open_sealed(database, sealed):
    version, key_id, body = sealed.split(".", 2)
    if version != "v1":
        raise ValueError("not a sealed value")
    data = base64.b64decode(body)
    return AESGCM(_data_keys(database)[key_id]).decrypt(data[:12], data[12:], None).decode()
