"""Shared helpers of the benchmark scripts: a throw-away copy of the distribution,
started as a real process on a free port, and a logged-in HTTP session."""
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DISTRIBUTION = os.path.join(ROOT, "distribution", "target", "kontor")
PASSWORD = "bench-password-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Panel:
    """bin/kontor in a fresh copy of the distribution; data survives restarts of one Panel."""

    def __init__(self):
        if not os.path.isdir(DISTRIBUTION):
            raise SystemExit("build first: ./mvnw -B -q -DskipTests package")
        self.home = tempfile.mkdtemp(prefix="kontor-bench-")
        shutil.copytree(DISTRIBUTION, self.home, dirs_exist_ok=True)
        self.port = free_port()
        self.process = None
        # Load from one address would hit the per-address rate limit at once; the
        # limiter still runs on every request, so its cost stays in the figures.
        with open(os.path.join(self.home, "etc", "dev.kontor.host.limits.cfg"), "a") as limits:
            limits.write("\nrequests.per.minute.per.address = 100000000\n")
        self.base = "http://127.0.0.1:%d" % self.port

    def start(self):
        env = dict(os.environ, KONTOR_ADMIN_PASSWORD=PASSWORD, KONTOR_HTTP_PORT=str(self.port))
        self.log = open(os.path.join(self.home, "panel.log"), "ab")
        self.process = subprocess.Popen([os.path.join(self.home, "bin", "kontor")], env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/api/v1/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if self.process.poll() is not None:
                raise RuntimeError("panel exited, see " + self.log.name)
            time.sleep(0.005)
        raise TimeoutError("panel not healthy within %.0f s" % timeout)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def login(self):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        request = urllib.request.Request(self.base + "/api/v1/session", method="POST",
                                         data=json.dumps({"username": "admin", "password": PASSWORD}).encode(),
                                         headers={"Content-Type": "application/json"})
        with opener.open(request) as answer:
            json.load(answer)
        cookie = next(c for c in jar if c.name == "KONTOR_SESSION")
        return opener, cookie.value

    def menu_ids(self, opener):
        with opener.open(self.base + "/api/v1/menu") as answer:
            return [item["id"] for item in json.load(answer)["items"]]


def summary(name, values, unit="ms"):
    values = sorted(values)
    n = len(values)
    median = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
    return "%s: median %.0f %s, min %.0f, max %.0f (n=%d)" % (name, median, unit, values[0], values[-1], n)
