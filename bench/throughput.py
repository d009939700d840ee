#!/usr/bin/env python3
"""Throughput of an authenticated GET /api/v1/menu next to a bare servlet writing the
same bytes on the same Jetty, in one run, measured with wrk (installed from Debian
when missing). Usage: bench/throughput.py [seconds-per-round] [rounds]"""
import glob
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from panel import Panel, ROOT

seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
if shutil.which("wrk") is None:
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
bare = glob.glob(os.path.join(ROOT, "bench", "bare-servlet", "target", "kontor-bench-bare-servlet-*.jar"))
if not bare:
    raise SystemExit("build first: ./mvnw -B -q -DskipTests package")


def wrk(url, cookie):
    command = ["wrk", "-t2", "-c32", "-d%ds" % seconds, url]
    if cookie:
        command[1:1] = ["-H", "Cookie: KONTOR_SESSION=" + cookie]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise SystemExit("wrk saw errors:\n" + out)
    return float(next(line for line in out.splitlines() if line.startswith("Requests/sec")).split()[1])


panel = Panel()
try:
    panel.start()
    panel.wait_healthy()
    for jar in bare + glob.glob(os.path.join(panel.home, "examples", "kontor-example-hello-*.jar")):
        shutil.copy(jar, os.path.join(panel.home, "deploy"))
    opener, cookie = panel.login()
    deadline = time.monotonic() + 30
    while "hello.main" not in panel.menu_ids(opener) and time.monotonic() < deadline:
        time.sleep(0.1)
    wrk(panel.base + "/api/v1/menu", cookie)  # warm-up of both paths, not counted
    wrk(panel.base + "/bench/bare", None)
    menu, plain = [], []
    for _ in range(rounds):
        menu.append(wrk(panel.base + "/api/v1/menu", cookie))
        plain.append(wrk(panel.base + "/bench/bare", None))
finally:
    panel.remove()
for name, values in (("authenticated GET /api/v1/menu", menu), ("bare servlet, same bytes", plain)):
    print("%s: %s req/s (rounds: %s)" % (name, "%.0f" % (sum(values) / len(values)), ", ".join("%.0f" % v for v in values)))
print("menu / bare servlet: %.2f" % (sum(menu) / sum(plain)))
