#!/usr/bin/env python3
"""Time from a module jar landing in deploy/ to its menu item being served, and from
its removal to the item being gone. Usage: bench/hotdeploy.py [runs]"""
import glob
import os
import shutil
import sys
import time

from panel import Panel, summary

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
panel = Panel()
deploy, gone = [], []
try:
    panel.start()
    panel.wait_healthy()
    opener, _ = panel.login()
    jar = glob.glob(os.path.join(panel.home, "examples", "kontor-example-hello-*.jar"))[0]
    target = os.path.join(panel.home, "deploy", "hello.jar")
    staging = os.path.join(panel.home, "hello.jar.part")
    for _ in range(runs):
        shutil.copyfile(jar, staging)
        began = time.monotonic()
        os.rename(staging, target)  # the jar lands at once, as a finished copy would
        while "hello.main" not in panel.menu_ids(opener):
            time.sleep(0.005)
        deploy.append((time.monotonic() - began) * 1000)
        began = time.monotonic()
        os.remove(target)
        while "hello.main" in panel.menu_ids(opener):
            time.sleep(0.005)
        gone.append((time.monotonic() - began) * 1000)
        time.sleep(0.3)
finally:
    panel.remove()
print(summary("jar into deploy/ to menu item served", deploy))
print(summary("jar removed from deploy/ to menu item gone", gone))
