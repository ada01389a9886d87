#!/usr/bin/env python3
"""Benchmark: index size and time to first search result, from disk, in headless Chromium.

Usage: bench_search.py SITE_DIR [query …]
       bench_search.py --docs N DECUONG_BINARY [query …]
The first form measures a built site. The second generates N synthetic documents with
Benchmarks/gen_corpus.py, builds them with DECUONG_BINARY and measures that site
(`make bench-search` does it for 1,000 documents).
Prints the size of search/, the number of shards, and per query the milliseconds from
opening tim-kiem.html?q=… to the first result in [data-search-results] (median of 3 runs,
each in a fresh page so no shard is cached in memory).
"""
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from test_search import chromium_driver  # noqa: E402


def synthetic_site(docs, decuong):
    """Generates `docs` documents, builds them, returns the site folder."""
    import shutil
    import subprocess
    import tempfile
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    work = tempfile.mkdtemp(prefix="decuong-bench-search-")
    subprocess.run([sys.executable, os.path.join(root, "Benchmarks", "gen_corpus.py"), "--docs", str(docs),
                    "--out", os.path.join(work, "corpus"), "--variants", "md"], check=True, capture_output=True)
    content = os.path.join(work, "project", "content")
    shutil.copytree(os.path.join(work, "corpus", "md"), content)
    with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as file:
        file.write(f'title: "Bench {docs}"\nlanguage: vi\n')
    site = os.path.join(work, "site")
    start = time.perf_counter()
    subprocess.run([decuong, "build", "--root", os.path.join(work, "project"), "--output", site], check=True,
                   capture_output=True)
    print(f"built {docs} documents in {time.perf_counter() - start:.1f} s → {site}")
    return site


def main():
    args = sys.argv[1:]
    if args[:1] == ["--docs"]:
        site = synthetic_site(int(args[1]), os.path.abspath(args[2]))
        args = args[3:]
    else:
        site = os.path.abspath(args[0])
        args = args[1:]
    queries = args or ["xay dung dang", "35-NQ/TW", '"bảo vệ nền tảng tư tưởng"', "hội nghị", "và"]
    search = os.path.join(site, "search")
    sizes = [os.path.getsize(os.path.join(search, f)) for f in os.listdir(search)]
    terms = len([f for f in os.listdir(search) if f.startswith("t")])
    records = len([f for f in os.listdir(search) if f.startswith("r")])
    print(f"index: {sum(sizes) / 1048576:.1f} MiB in {len(sizes)} files ({terms} term shards, {records} record shards); "
          f"index.js {os.path.getsize(os.path.join(search, 'index.js')) / 1024:.0f} KiB")
    driver = chromium_driver()
    try:
        for query in queries:
            times = []
            count = 0
            for _ in range(3):
                driver.get("about:blank")
                start = time.perf_counter()
                driver.get("file://" + site + "/tim-kiem.html?q=" + urllib.parse.quote_plus(query))
                while True:
                    found = driver.execute_script(
                        "var s = document.querySelector('[data-search-status]');"
                        "return [document.querySelectorAll('[data-search-results] a').length, s && s.textContent];")
                    if found[0] or (found[1] and not found[1].endswith("…")):
                        break
                    time.sleep(0.005)
                times.append((time.perf_counter() - start) * 1000)
                count = found[0]
            print(f"{query!r}: {count} results shown, first result after {statistics.median(times):.0f} ms (median of 3)")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
