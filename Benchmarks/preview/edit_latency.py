#!/usr/bin/env python3
"""Preview benchmark: time from a file write to the `reload` event with the new page served.

Starts `decuong serve --port 0` on a synthetic site, listens on /__decuong/events, then edits
one document ~20 times (a word in one paragraph, in place, as an editor saves). For each edit
it measures from just before the write to the moment the `reload` event has arrived AND a GET
of the edited document's page returns the new word. Prints the median, the median time the
server took to link the site again after a save (from its log), and the server's RSS.

Usage: edit_latency.py --decuong BIN --root PROJECT [--edits 20]
"""
import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Events(threading.Thread):
    """Reads the SSE stream and counts the `reload` events that concern `page` (those that
    list it, or every page), as the page's own script would."""

    def __init__(self, port, page):
        self.page = page
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__decuong/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.reloads = 0
        self.hello = threading.Event()
        self.changed = threading.Condition()

    def run(self):
        data = b""
        while True:
            chunk = self.sock.recv(65536)
            if not chunk:
                return
            data += chunk
            if b"event: hello" in data:
                self.hello.set()
            # The stream is chunked on the wire; each event is one chunk, so its lines are whole.
            count = 0
            for payload in re.findall(rb"event: reload\r?\ndata: ([^\r\n]*)\r?\n", data):
                try:
                    pages = json.loads(payload).get("pages", "*")
                except ValueError:
                    pages = "*"
                if pages == "*" or self.page in pages:
                    count += 1
            if count != self.reloads:
                with self.changed:
                    self.reloads = count
                    self.changed.notify_all()

    def wait_for(self, count, timeout=60):
        with self.changed:
            return self.changed.wait_for(lambda: self.reloads >= count, timeout)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    body = connection.getresponse().read().decode("utf-8")
    connection.close()
    return body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--decuong", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--document", default="doc-00500.md")
    parser.add_argument("--hold", type=float, default=0, help="keep serving this many seconds after the edits (for wrk)")
    args = parser.parse_args()

    started = time.monotonic()
    server = subprocess.Popen([args.decuong, "serve", "--root", args.root, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    port = None
    for line in server.stdout:
        sys.stdout.write("server: " + line)
        match = re.search(r"127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    if port is None:
        sys.exit("the server did not start")
    # The server's log: after a save that changes only its page, "site linked again: … in N ms"
    # is the second half of the update, which runs beside the next save.
    links = []

    def read_log():
        for line in server.stdout:
            match = re.search(r"linked again: .* in (\d+) ms", line)
            if match:
                links.append(int(match.group(1)))

    threading.Thread(target=read_log, daemon=True).start()
    print(f"first build and listening: {time.monotonic() - started:.2f} s; RSS {rss_mib(server.pid):.0f} MiB")

    events = Events(port, args.document[:-3] + "/index.html")
    events.start()
    events.hello.wait(60)
    path = os.path.join(args.root, "content", args.document)
    slug_page = None
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    # The document's page: its slug is its file name without .md unless front matter says otherwise.
    slug_page = "/" + args.document[:-3] + "/"
    anchor = "Kế hoạch này được phổ biến đến chi bộ, đảng viên."
    if anchor not in original:
        sys.exit(f"{args.document} has no closing sentence to edit")
    samples = []
    try:
        for number in range(args.edits):
            word = f"bảnthử{number:03d}"
            text = original.replace(anchor, f"Kế hoạch này được phổ biến đến chi bộ, đảng viên {word}.")
            before = events.reloads
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            if not events.wait_for(before + 1):
                sys.exit("no reload event within 60 s")
            if word not in get(port, slug_page):
                sys.exit("reload arrived but the page does not show the edit")
            samples.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.2)  # let the editor "think"; not part of the measurement
        print("edit → reload → page served (ms):", " ".join(f"{s:.1f}" for s in samples))
        print(f"median {statistics.median(samples):.1f} ms, min {min(samples):.1f} ms, max {max(samples):.1f} ms "
              f"over {len(samples)} edits")
        # A link that a later save made stale is dropped unlogged; the last save's is awaited.
        deadline = time.monotonic() + 60
        while not links and time.monotonic() < deadline:
            time.sleep(0.05)
        if links:
            print(f"site linked again after a save: median {statistics.median(links):.0f} ms over {len(links)} links")
        print(f"server RSS after the edits: {rss_mib(server.pid):.0f} MiB")
        if args.hold:
            print(f"PORT {port}", flush=True)
            time.sleep(args.hold)
    finally:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.send_signal(2)
        server.wait(30)


if __name__ == "__main__":
    main()
