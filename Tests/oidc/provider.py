"""A real OpenID Connect provider for Youjiao's tests, standing in for the city's 一网通办 sign-in.

Built on authlib (authorization code flow, OpenID Connect, PKCE required), Flask and werkzeug,
with everything kept in memory and a fresh RS256 key made at every start. It binds 127.0.0.1 only
and is meant for tests and local demos, never for real families.

Install (a fresh venv, the versions the tests were run with):

    python3 -m venv /tmp/oidc-venv
    /tmp/oidc-venv/bin/pip install -r Tests/oidc/requirements.txt

Run:

    /tmp/oidc-venv/bin/python Tests/oidc/provider.py --port 9400 \\
        --client-id youjiao --client-secret s3cret \\
        --redirect-uri http://127.0.0.1:8080/auth/oidc/callback \\
        --users users.json

It prints one line, ``ready``, once it is listening. ``users.json`` is a JSON list such as

    [{"username": "parent1", "password": "pw", "name": "张丽",
      "id_number": "110101198001010010"}]

(an optional ``sub`` per user sets the subject; it defaults to the username).

Endpoints, under the issuer (default http://127.0.0.1:PORT):

- ``/.well-known/openid-configuration`` discovery, ``/jwks`` the public key set;
- ``/authorize`` requires ``nonce`` and a PKCE ``code_challenge`` with method S256, shows an HTML sign-in form (fields ``username`` and ``password``, submit button
  ``id="login"``, and a refuse button ``id="deny"`` that sends ``error=access_denied`` back), then
  redirects to the redirect URI with ``code`` and ``state``; a wrong password shows the form again
  with status 401;
- ``/token`` (client_secret_basic or client_secret_post, ``code_verifier`` required) returns an
  access token and an ID token whose claims carry the national ID under ``id_number`` and the
  person's name under ``name``, plus ``nonce`` when the request had one;
- ``/userinfo`` returns the same claims for a bearer access token.
"""

import argparse
import html
import json
import os
import secrets
import sys
import time
from urllib.parse import urlsplit

from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.errors import InvalidRequestError, OAuth2Error
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo, UserInfoEndpoint
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, Response, jsonify, request
from joserfc.jwk import RSAKey
from werkzeug.serving import make_server

AUTHORIZATION_CODE_LIFETIME = 600
ACCESS_TOKEN_LIFETIME = 3600


class User:
    def __init__(self, entry):
        for field in ("username", "password", "name", "id_number"):
            if not isinstance(entry.get(field), str) or not entry[field]:
                raise ValueError(f"every user needs a non-empty string '{field}'")
        self.username = entry["username"]
        self.password = entry["password"]
        self.name = entry["name"]
        self.id_number = entry["id_number"]
        self.sub = entry.get("sub") or entry["username"]

    def get_user_id(self):
        return self.sub

    def claims(self):
        return UserInfo(sub=self.sub, name=self.name, id_number=self.id_number)


class Client:
    """The one relying party this provider knows: Youjiao."""

    def __init__(self, client_id, client_secret, redirect_uri):
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.client_metadata = {}

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uri

    def get_allowed_scope(self, scope):
        allowed = {"openid", "profile"}
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == self.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret.encode(), self.client_secret.encode())

    def check_endpoint_auth_method(self, method, endpoint):
        return endpoint != "token" or method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


class AuthorizationCode:
    def __init__(self, code, client_id, user, redirect_uri, scope, nonce, challenge, method):
        self.code = code
        self.client_id = client_id
        self.user = user
        self.redirect_uri = redirect_uri
        self.scope = scope
        self.nonce = nonce
        self.code_challenge = challenge
        self.code_challenge_method = method
        self.auth_time = int(time.time())

    def is_expired(self):
        return time.time() > self.auth_time + AUTHORIZATION_CODE_LIFETIME

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time

    def get_acr(self):
        return None

    def get_amr(self):
        return ["pwd"]


class Token:
    def __init__(self, client, user, scope, access_token, expires_in):
        self.client = client
        self.user = user
        self.scope = scope
        self.access_token = access_token
        self.expires_in = expires_in
        self.issued_at = int(time.time())

    def check_client(self, client):
        return client.get_client_id() == self.client.get_client_id()

    def get_scope(self):
        return self.scope

    def get_expires_in(self):
        return self.expires_in

    def is_expired(self):
        return time.time() > self.issued_at + self.expires_in

    def is_revoked(self):
        return False

    def get_user(self):
        return self.user

    def get_client(self):
        return self.client


def create_app(issuer, client, users, signing_key):
    app = Flask(__name__)
    app.config["OAUTH2_TOKEN_EXPIRES_IN"] = {"authorization_code": ACCESS_TOKEN_LIFETIME}
    codes = {}
    tokens = {}
    kid = signing_key.kid

    def query_client(client_id):
        return client if client_id == client.client_id else None

    def save_token(token, req):
        tokens[token["access_token"]] = Token(
            req.client, req.user, token.get("scope", ""), token["access_token"], token["expires_in"]
        )

    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

        def save_authorization_code(self, code, req):
            payload = req.payload
            codes[code] = AuthorizationCode(
                code, req.client.client_id, req.user, payload.redirect_uri, payload.scope,
                payload.data.get("nonce"), payload.data.get("code_challenge"),
                payload.data.get("code_challenge_method"),
            )

        def query_authorization_code(self, code, req_client):
            item = codes.get(code)
            if item and item.client_id == req_client.client_id and not item.is_expired():
                return item
            return None

        def delete_authorization_code(self, authorization_code):
            codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code):
            return authorization_code.user

    class IDTokenExtension(OpenIDCode):
        def exists_nonce(self, nonce, req):
            return any(c.nonce == nonce and c.client_id == req.payload.client_id for c in codes.values())

        def resolve_client_private_key(self, _client):
            return signing_key

        def get_client_algorithm(self, _client):
            return "RS256"

        def get_encode_header(self, _client):
            return {"alg": "RS256", "kid": kid, "typ": "JWT"}

        def get_client_claims(self, req_client):
            return {"iss": issuer, "aud": [req_client.get_client_id()]}

        def generate_user_info(self, user, scope):
            return user.claims()

    class StrictCodeChallenge(CodeChallenge):
        """authlib asks confidential clients for PKCE only if they choose to send it; Youjiao always
        must, with S256, so a relying party that forgets it fails here as it would at a strict provider."""

        def validate_code_challenge(self, grant, redirect_uri):
            data = grant.request.payload.data
            if not data.get("code_challenge") or data.get("code_challenge_method") != "S256":
                raise InvalidRequestError("code_challenge with code_challenge_method=S256 is required")
            super().validate_code_challenge(grant, redirect_uri)

    class Bearer(BearerTokenValidator):
        def authenticate_token(self, token_string):
            return tokens.get(token_string)

    class UserInfoAtProvider(UserInfoEndpoint):
        def get_issuer(self):
            return issuer

        def generate_user_info(self, user, scope):
            return user.claims()

        def resolve_private_key(self):
            return signing_key

    protector = ResourceProtector()
    protector.register_token_validator(Bearer())
    server = AuthorizationServer(app, query_client=query_client, save_token=save_token)
    server.register_grant(CodeGrant, [IDTokenExtension(require_nonce=True), StrictCodeChallenge(required=True)])
    server.register_endpoint(UserInfoAtProvider(resource_protector=protector))

    @app.get("/.well-known/openid-configuration")
    def discovery():
        return jsonify({
            "issuer": issuer,
            "authorization_endpoint": issuer + "/authorize",
            "token_endpoint": issuer + "/token",
            "userinfo_endpoint": issuer + "/userinfo",
            "jwks_uri": issuer + "/jwks",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "name", "id_number", "iss", "aud", "exp", "iat", "nonce"],
        })

    @app.get("/jwks")
    def jwks():
        return jsonify({"keys": [signing_key.as_dict(private=False)]})

    def login_page(message, status):
        action = html.escape(request.full_path, quote=True)
        notice = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
        page = f"""<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>一网通办 登录（测试）</title></head>
<body><h1>一网通办 登录（测试用）</h1>{notice}
<form method="post" action="{action}">
<label>用户名 <input name="username" id="username" autocomplete="username"></label>
<label>密码 <input name="password" id="password" type="password" autocomplete="current-password"></label>
<button type="submit" id="login" name="action" value="login">登录</button>
<button type="submit" id="deny" name="action" value="deny">拒绝</button>
</form></body></html>"""
        return Response(page, status=status, content_type="text/html; charset=utf-8")

    @app.route("/authorize", methods=["GET", "POST"])
    def authorize():
        try:
            grant = server.get_consent_grant(end_user=None)
        except OAuth2Error as error:
            # A bad client or redirect URI is shown here, never redirected (RFC 6749 §4.1.2.1).
            return Response(f"{error.error}: {error.description}", status=400, content_type="text/plain")
        if request.method == "GET":
            return login_page("", 200)
        if request.form.get("action") == "deny":
            return server.create_authorization_response(grant=grant, grant_user=None)
        user = users.get(request.form.get("username", ""))
        password = request.form.get("password", "")
        if user is None or not secrets.compare_digest(user.password.encode(), password.encode()):
            return login_page("用户名或密码错误", 401)
        return server.create_authorization_response(grant=grant, grant_user=user)

    @app.post("/token")
    def token():
        return server.create_token_response()

    @app.route("/userinfo", methods=["GET", "POST"])
    def userinfo():
        return server.create_endpoint_response("userinfo")

    return app


def load_users(path):
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)
    if not isinstance(entries, list) or not entries:
        raise ValueError("the users file must hold a non-empty JSON list")
    users = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError("each user must be a JSON object")
        user = User(entry)
        if user.username in users:
            raise ValueError(f"user '{user.username}' appears twice")
        users[user.username] = user
    return users


def main():
    parser = argparse.ArgumentParser(description="OpenID Connect provider for Youjiao tests (loopback only)")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--issuer", help="default http://127.0.0.1:PORT")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--redirect-uri", required=True)
    parser.add_argument("--users", required=True, help="JSON list of {username, password, name, id_number}")
    args = parser.parse_args()
    if not 1 <= args.port <= 65535:
        parser.error("--port must be 1–65535")
    issuer = (args.issuer or f"http://127.0.0.1:{args.port}").rstrip("/")
    if urlsplit(issuer).scheme == "http":
        # authlib refuses plain http unless told; this provider only ever listens on loopback.
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    try:
        users = load_users(args.users)
    except (OSError, ValueError) as error:
        parser.error(f"--users: {error}")

    signing_key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(8), "alg": "RS256", "use": "sig"})
    client = Client(args.client_id, args.client_secret, args.redirect_uri)
    app = create_app(issuer, client, users, signing_key)
    http_server = make_server("127.0.0.1", args.port, app, threaded=True)
    print("ready", flush=True)
    try:
        http_server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
