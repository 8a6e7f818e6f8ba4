#!/usr/bin/env python3
"""Requests a server meets on an open network: each is answered 4xx (or
the connection closed), the server stays up and its memory bounded.

    serve_abuse.py HOST PORT PID

Prints TAP lines."""
import json
import socket
import sys
import time

host, port, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rss_limit = float(sys.argv[4]) if len(sys.argv) > 4 else 200
n = failed = 0


def ok(cond, what, extra=""):
    global n, failed
    n += 1
    failed += not cond
    print("%s %d - %s%s" % ("ok" if cond else "not ok", n, what, " (%s)" % extra if extra and not cond else ""))


def raw(data, timeout=10):
    """Sends bytes as they are; the status code answered, or 0 when closed."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        s.sendall(data)
        got = b""
        while b"\r\n" not in got:
            c = s.recv(4096)
            if not c:
                break
            got += c
        line = got.split(b"\r\n", 1)[0].split()
        return int(line[1]) if len(line) > 1 and line[1].isdigit() else 0
    except (ConnectionResetError, BrokenPipeError, socket.timeout):
        return 0
    finally:
        s.close()


def req(method, path, body=b"", headers=""):
    h = "%s %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n%s" % (method, path, headers)
    if body:
        h += "Content-Length: %d\r\n" % len(body)
    return raw(h.encode("latin-1") + b"\r\n" + body)


def rss_mb():
    for line in open("/proc/%s/status" % pid):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return -1


cases = [
    ("a date that does not exist", "GET", "/api/events?since=2019-02-30", 400),
    ("a limit that is no number", "GET", "/api/events?limit=ten", 400),
    ("a limit over the page size", "GET", "/api/events?limit=99999999", 400),
    ("an unknown parameter", "GET", "/api/events?dropTable=1", 400),
    ("an unknown format", "GET", "/api/events?format=xml", 400),
    ("near out of range", "GET", "/api/events?near=200,0,5", 400),
    ("a forged cursor", "GET", "/api/events?cursor=2019-01-01.%27%3B--", 400),
    ("invalid UTF-8 in a parameter", "GET", "/api/events?actor=%C3%28", 400),
    ("invalid UTF-8 in the path", "GET", "/api/places/%FF%FE/timeline", 400),
    ("SQL in a filter is a filter", "GET", "/api/events?type=Battles%27%20OR%201%3D1--", 200),
    ("SQL in an actor is a name", "GET", "/api/events?actor=x%27)%20OR%20(%27a%27=%27a", 200),
    ("an unknown country", "GET", "/api/events?country=%27%20OR%201=1", 400),
    ("control without a date", "GET", "/api/control", 400),
    ("path traversal", "GET", "/../../../etc/passwd", 404),
    ("path traversal, escaped", "GET", "/%2e%2e/%2e%2e/etc/passwd", 404),
    ("path traversal under vendor", "GET", "/vendor/../../../etc/passwd", 404),
    ("a hidden file", "GET", "/.git/config", 404),
    ("an unknown endpoint", "GET", "/api/nothing", 404),
    ("DELETE", "DELETE", "/api/events", 405),
    ("PUT", "PUT", "/api/code", 405),
    ("GET on a POST endpoint", "GET", "/api/code", 405),
    ("POST on a GET endpoint", "POST", "/api/events", 405),
    ("ingest on a read-only server or without the token", "POST", "/api/ingest", 401),
]
for what, m, path, want in cases:
    got = req(m, path, b"{}" if m == "POST" else b"")
    ok(got == want, "%s: %d" % (what, want), "got %d for %s %s" % (got, m, path))

# a body over the limit is refused before it is read
big = req("POST", "/api/code", headers="Content-Length: 100000000000\r\n")
ok(big == 413, "a 100 GB body announced: 413", "got %d" % big)
body = b'{"id":"a","text":"' + b"x" * (5 << 20) + b'"}\n'
got = req("POST", "/api/code", body)
ok(got in (413, 0), "a 5 MiB body: 413", "got %d" % got)
got = req("POST", "/api/code", b"\xff\xfe\x00garbage\n" * 100)
ok(got == 200, "a body of garbage: each line rejected, 200 with the reasons", "got %d" % got)
# huge headers: refused by the daemon
got = raw(b"GET /api/events HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n")
ok(got in (413, 431, 400, 0), "200 KB of headers: refused", "got %d" % got)
# slow headers: many connections that never finish do not stop the others
slow = []
for i in range(60):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")
    slow.append(s)
t0 = time.time()
got = req("GET", "/healthz")
ok(got == 200 and time.time() - t0 < 5, "60 connections sending headers slowly: others are still answered")
for s in slow:
    s.close()
# garbage on the wire
got = raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 200)
ok(got in (400, 0), "TLS bytes on the plain port: 400 or closed", "got %d" % got)
got = raw(b"GET /healthz HTTP/9.9\r\n\r\n")
ok(got in (400, 505, 0), "an unknown HTTP version: refused", "got %d" % got)
for i in range(300):
    req("GET", "/api/events?limit=500&format=geojson")
ok(req("GET", "/healthz") == 200, "the server is still up after it all")
mb = rss_mb()
ok(0 < mb < rss_limit, "its peak memory stayed under %d MB" % rss_limit, "%.0f MB" % mb)
print("1..%d" % n)
sys.exit(1 if failed else 0)
