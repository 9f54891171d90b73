"""The JSON API really conforms to its OpenAPI document: schemathesis drives every operation with
generated data (valid and invalid) and fails on any 5xx, undocumented status code or content type,
or a response that does not match the document's schema."""
import urllib.error
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import DEMO_PASSWORD, ROOT


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def api_token(base, email):
    """Logs in through the pages and makes a key on the account page, as a person would.
    Cookies are kept by hand: they are Secure, and urllib (unlike browsers) will not send those to http://localhost."""
    cookies = {}
    opener = urllib.request.build_opener(NoRedirect)

    def call(path, form=None):
        req = urllib.request.Request(base + path, data=urllib.parse.urlencode(form).encode() if form else None)
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
        try:
            res = opener.open(req)
        except urllib.error.HTTPError as e:  # 303 after a form
            res = e
        for header in res.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            cookies[name] = value
        return res.read().decode()

    token = lambda html: re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    page = call("/inloggen")
    call("/inloggen", {"_csrf": token(page), "email": email, "password": DEMO_PASSWORD})
    page = call("/account/api-sleutels")
    page = call("/account/api-sleutels", {"_csrf": token(page), "name": "schemathesis"})
    return re.search(r'<code class="token">([^<]+)</code>', page).group(1)


def test_openapi_document_is_served_and_valid(server):
    with urllib.request.urlopen(server["base"] + "/api/openapi.json") as r:
        doc = json.load(r)
    assert doc["openapi"].startswith("3.") and "/api/v1/aanmeldingen" in doc["paths"]


def test_the_api_conforms_to_its_openapi_document(server):
    token = api_token(server["base"], "poh@delinde.demo")
    report = ROOT / ".build" / f"schemathesis-{server['db']}.xml"
    cmd = [str(Path(sys.executable).parent / "schemathesis"), "run", server["base"] + "/api/openapi.json", "--url", server["base"],
           "-H", f"Authorization: Bearer {token}",
           "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
           "--max-examples", os.environ.get("MGN_SCHEMATHESIS_EXAMPLES", "25"), "--seed", "2026", "--generation-deterministic",
           "--report", "junit", "--report-junit-path", str(report)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
