#!/usr/bin/env python3
"""Time from starting bin/kontor to the first 200 on /api/v1/health, first start
(empty data folder) and restart. Usage: bench/startup.py [runs]"""
import sys
import time

from panel import Panel, summary

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
first, restart = [], []
for _ in range(runs):
    panel = Panel()
    try:
        for series in (first, restart):
            began = time.monotonic()
            panel.start()
            panel.wait_healthy()
            series.append((time.monotonic() - began) * 1000)
            panel.stop()
    finally:
        panel.remove()
print(summary("start to first 200 on /api/v1/health, first start", first))
print(summary("start to first 200 on /api/v1/health, restart", restart))
