#!/usr/bin/env python3
"""Browser test of the preview's live reload: `decuong serve` on a copy of content/, two
pages open in Chromium, one document edited on disk.

- the page of the edited document reloads by itself and shows the new sentence;
- a page the edit does not change stays as it is (it is not reloaded: a value set in it
  survives), because reload events list the pages they concern;
- a page reloads for a template error (the overlay appears) and again when it is fixed.

Usage: test_live_reload.py DECUONG_BINARY [REPO_ROOT]
Prints one line per check and ends with `live-reload: N passed, M failed`; exits 1 on any failure.
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("test_search", os.path.join(HERE, "test_search.py"))
search = importlib.util.module_from_spec(spec)
spec.loader.exec_module(search)

RESULTS = search.RESULTS
check = search.check
PLAN = "content/ke-hoach-2023/ke-hoach.md"
PLAN_PAGE = "ke-hoach-2023/index.html"
OTHER_PAGE = "ke-hoach-2023-de-cuong/index.html"
OLD = "Tăng cường công khai, minh bạch"
NEW = "Tăng cường hơn nữa công khai, minh bạch"


def wait_until(condition, timeout=20, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def write_atomically(path, text):
    """As editors save: a new file renamed over the old one."""
    temporary = path + ".tmp-save"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main():
    binary = os.path.abspath(sys.argv[1])
    repo = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".")
    work = tempfile.mkdtemp(prefix="decuong-live-reload-")
    server = None
    driver = None
    try:
        shutil.copytree(os.path.join(repo, "content"), os.path.join(work, "content"))
        server = subprocess.Popen([binary, "serve", "--root", work, "--port", "0"], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
        port = None
        for line in server.stdout:
            match = re.search(r"127\.0\.0\.1:(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise RuntimeError("the preview server did not start")
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        base = f"http://127.0.0.1:{port}/"

        driver = search.chromium_driver()
        driver.get(base + PLAN_PAGE)
        plan_window = driver.current_window_handle
        driver.switch_to.new_window("tab")
        driver.get(base + OTHER_PAGE)
        other_window = driver.current_window_handle

        def mark(window):
            driver.switch_to.window(window)
            # Wait for the live-reload connection before marking the page.
            wait_until(lambda: driver.execute_script("return document.readyState") == "complete")
            time.sleep(0.5)
            driver.execute_script("window.__decuongMark = 42;")

        def marked(window):
            driver.switch_to.window(window)
            return driver.execute_script("return window.__decuongMark === 42;")

        def shows(window, text):
            driver.switch_to.window(window)
            return text in driver.page_source

        mark(plan_window)
        mark(other_window)
        plan_path = os.path.join(work, PLAN)
        with open(plan_path, encoding="utf-8") as handle:
            original = handle.read()
        if OLD not in original:
            raise RuntimeError(f"{PLAN} no longer has the sentence to edit")
        write_atomically(plan_path, original.replace(OLD, NEW))

        def edited_page_reloads():
            assert wait_until(lambda: shows(plan_window, NEW)), "the plan's page did not show the edit within 20 s"
            assert not marked(plan_window), "the page shows the edit but was not reloaded"

        def other_page_stays():
            time.sleep(1.5)  # the second step of the update (linking) has long finished
            assert marked(other_window), "a page the edit does not change was reloaded"

        check("live reload: the edited document's page reloads and shows the edit", edited_page_reloads)
        check("live reload: a page the edit does not change is not reloaded", other_page_stays)

        layout = os.path.join(work, "templates", "layout.mustache")

        def template_error_shows_overlay():
            os.makedirs(os.path.dirname(layout), exist_ok=True)
            write_atomically(layout, "<html>{{#broken}}<body></body></html>\n")
            assert wait_until(lambda: shows(other_window, "decuong-overlay")), "no overlay after a template error"

        def fix_clears_overlay():
            os.remove(layout)
            assert wait_until(lambda: not shows(other_window, "decuong-overlay")), "the overlay stayed after the fix"
            assert shows(other_window, "<main"), "the page is not back"

        check("live reload: a template error reloads every page with the overlay", template_error_shows_overlay)
        check("live reload: fixing it clears the overlay", fix_clears_overlay)
    except Exception as error:
        RESULTS.append(("live reload: set-up", f"{type(error).__name__}: {error}"[:400]))
        print(f"FAIL live reload: set-up: {error}", flush=True)
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.send_signal(2)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    failed = sum(1 for _, error in RESULTS if error)
    passed = sum(1 for _, error in RESULTS if not error)
    print(f"live-reload: {passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
