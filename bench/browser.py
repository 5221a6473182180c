"""A minimal HTTP client for the benchmarks: keeps cookies like a browser (Secure ones too, as
a browser behind an HTTPS proxy would), one connection per request."""

import http.client
import re
import time


class Browser:
    def __init__(self, port: int, headers: dict | None = None):
        self.port = port
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}
        self.latencies: list[float] = []

    def request(self, method: str, path: str, body=None, headers=None):
        """(status, body bytes, response) of one request; cookies are kept."""
        sent = dict(self.headers, **(headers or {}))
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, str):
            body = body.encode()
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        self.latencies.append(time.perf_counter() - started)
        for key, value in response.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.split(";", 1)[0].partition("=")
                self.cookies[name] = rest
        return response.status, data, response


def csrf_token(page: bytes) -> str:
    """The CSRF token a page carries in its `<meta name="csrf-token">`."""
    return re.search(rb'name="csrf-token" content="([^"]+)"', page).group(1).decode()
