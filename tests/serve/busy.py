#!/usr/bin/env python3
"""More requests for the renderer than may wait for it: the rest get 503.

Usage: busy.py PORT PID N PATH

Stops the server (SIGSTOP, process PID), opens N connections to
127.0.0.1:PORT and sends GET PATH on each, then lets the server go on
(SIGCONT): every request is there before the first is answered, so the
renderer's queue fills whatever the machine's load. Prints one line per
status seen ("200 x14"), the body of one 503, and exits 1 unless there was
at least one 503 and every other answer was 200.
"""
import os
import signal
import socket
import sys


def read_answer(sock):
    sock.settimeout(60)
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def main():
    port, pid, n, path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    request = ("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n"
               % (path, port)).encode()
    socks = []
    os.kill(pid, signal.SIGSTOP)
    try:
        for _ in range(n):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(request)
            socks.append(s)
    finally:
        os.kill(pid, signal.SIGCONT)
    statuses, busy_page = {}, b""
    for s in socks:
        answer = read_answer(s)
        s.close()
        status = answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/1.1 ") else "none"
        statuses[status] = statuses.get(status, 0) + 1
        if status == "503" and not busy_page:
            busy_page = answer
    for status in sorted(statuses):
        print("%s x%d" % (status, statuses[status]))
    sys.stdout.write(busy_page.decode("utf-8", "replace"))
    others = set(statuses) - {"200", "503"}
    return 0 if statuses.get("503") and not others else 1


if __name__ == "__main__":
    sys.exit(main())
