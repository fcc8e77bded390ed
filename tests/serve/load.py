#!/usr/bin/env python3
"""Bounded load test of kaikuprint serve on loopback.

Usage: load.py PORT PID HOLDERS.csv [REQUESTS [CONCURRENCY]]

Sends REQUESTS (2000) mixed requests, CONCURRENCY (16) at a time, to the
server on 127.0.0.1:PORT whose process is PID: pages, previews, PDFs, static
files, the editor, card sheets from a small holder list, unknown routes.
Prints the median and 99th percentile latency and the peak memory (VmHWM),
and fails when any request errs or gets another status than expected, when
the resident memory grows after warm-up by more than 10 % (at least 8 MiB),
or when the whole run takes longer than 55 s.
"""
import http.client
import re
import statistics
import sys
import threading
import time

DEADLINE = 55.0
WARM_UP = 400  # requests after which every cached variant has been made


def rss_kib(pid, field="VmRSS"):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None
        self.cookie = ""

    def request(self, method, path, body=None, headers=None):
        h = {"Host": "127.0.0.1:%d" % self.port}
        if self.cookie:
            h["Cookie"] = self.cookie
        h.update(headers or {})
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=h)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return resp, data
            except (ConnectionError, http.client.RemoteDisconnected):
                # a kept-alive connection the server had closed: once more on a new one
                self.conn.close()
                self.conn = None
                if attempt:
                    raise


def multipart(token, csv):
    b = "kpLoadBoundary"
    parts = [
        "--%s\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\n%s\r\n" % (b, token),
        "--%s\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nfi\r\n" % b,
        "--%s\r\nContent-Disposition: form-data; name=\"holders\"; filename=\"h.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n" % b,
    ]
    body = "".join(parts).encode() + csv + ("\r\n--%s--\r\n" % b).encode()
    return body, "multipart/form-data; boundary=%s" % b


def main():
    port, pid, csv_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    total = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    concurrency = int(sys.argv[5]) if len(sys.argv) > 5 else 16
    csv = open(csv_path, "rb").read()
    first = Client(port)
    resp, _ = first.request("GET", "/")
    cookie = resp.getheader("Set-Cookie").split(";")[0]
    first.cookie = cookie
    _, page = first.request("GET", "/cards")
    token = re.search(rb'name="form_token" value="([0-9a-f]+)"', page).group(1).decode()
    body, ctype = multipart(token, csv)
    origin = {"Origin": "http://127.0.0.1:%d" % port}
    mix = [  # (method, path, body, headers, status), in a fixed rotation
        ("GET", "/", None, {}, 200),
        ("GET", "/static/style.css", None, {}, 200),
        ("GET", "/preview?doc=checklist&lang=fi&page=1", None, {}, 200),
        ("GET", "/svg?doc=leaflet&lang=fi&page=2", None, {}, 200),
        ("GET", "/pdf?doc=checklist&lang=sv", None, {}, 200),
        ("GET", "/region", None, {}, 200),
        ("HEAD", "/", None, {}, 200),
        ("GET", "/fonts/NotoSans-Regular.ttf", None, {}, 200),
        ("GET", "/pdf?doc=leaflet&lang=fi", None, {}, 200),
        ("GET", "/nope", None, {}, 404),
        ("GET", "/preview?doc=registration-form&lang=en&print=large", None, {}, 200),
        ("GET", "/cards", None, {}, 200),
        ("GET", "/preview?doc=leaflet&lang=sv&variant=booklet&page=3", None, {}, 200),
        ("GET", "/static/app.js", None, {}, 200),
        ("GET", "/pdf?doc=card-inserts&lang=fi", None, {}, 200),
        ("GET", "/svg?doc=checklist&lang=en&page=1", None, {}, 200),
        ("POST", "/cards", body, dict(origin, **{"Content-Type": ctype}), 200),
        ("GET", "/", None, {}, 200),
        ("PUT", "/", None, {}, 405),
        ("GET", "/static/%2e%2e/README.md", None, {}, 404),
    ]
    lock = threading.Lock()
    state = {"next": 0, "done": 0, "errors": [], "warm_rss": None}
    latencies = []
    start = time.monotonic()

    def worker():
        c = Client(port)
        c.cookie = cookie
        while True:
            with lock:
                i = state["next"]
                if i >= total or state["errors"] or time.monotonic() - start > DEADLINE:
                    return
                state["next"] += 1
            method, path, b, h, want = mix[i % len(mix)]
            t = time.monotonic()
            try:
                resp, _ = c.request(method, path, b, h)
                got = resp.status
            except Exception as e:  # any failure counts
                got = repr(e)
            dt = time.monotonic() - t
            with lock:
                latencies.append(dt)
                if got != want:
                    state["errors"].append("%s %s: %s, wanted %s" % (method, path, got, want))
                state["done"] += 1
                if state["done"] == WARM_UP:
                    state["warm_rss"] = rss_kib(pid)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    end_rss, peak = rss_kib(pid), rss_kib(pid, "VmHWM")
    warm = state["warm_rss"] or end_rss
    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] if lat else 0
    print("load: %d requests, %d at a time, %.1f s, %d errors; latency median %.1f ms, "
          "p99 %.1f ms; memory after warm-up %.1f MiB, at the end %.1f MiB, peak %.1f MiB"
          % (state["done"], concurrency, elapsed, len(state["errors"]),
             statistics.median(lat) * 1000 if lat else 0, p99 * 1000,
             warm / 1024, end_rss / 1024, peak / 1024))
    ok = True
    for e in state["errors"][:10]:
        print("load: error: " + e)
        ok = False
    if state["done"] < total:
        print("load: error: only %d of %d requests in %.0f s" % (state["done"], total, DEADLINE))
        ok = False
    if end_rss - warm > max(8 * 1024, warm // 10):
        print("load: error: memory grew after warm-up by %.1f MiB" % ((end_rss - warm) / 1024))
        ok = False
    sys.exit(0 if ok else 1)


main()
