# decuong: the two commands of the README, plus helpers.
#   make site   build the release binary and the site from content/ into site/
#   make test   run every test
SHELL := /bin/bash
SWIFT ?= swift
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config libjemalloc-dev libcurl4-openssl-dev

.PHONY: site test deps release clean bench bench-preview test-browser sanitize

# Installs the Debian packages the build needs, once, when they are missing.
deps:
	@bash scripts/apt-install.sh $(DEBIAN_PACKAGES)

# The Swift runtime and Foundation linked into the release binaries: calls into them are
# direct, not through the dynamic linker's tables, and nothing is relocated at start (at
# 10,000 documents about 5 % less time and 6 MiB less memory; BENCHMARKS.md). libcurl, which
# Foundation's networking half needs, stays shared: hence libcurl4-openssl-dev.
RELEASE := -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE) --product decuong

site: release
	.build/release/decuong build --root . --output site

# Runs every test: swift test, the Nu validator, axe-core and phone-width checks in
# Chromium; installs what they need. The last line sums them up: "tests: N passed, M failed".
test: deps
	@bash scripts/test-tools.sh
	@bash scripts/run-tests.sh

# The Swift tests under AddressSanitizer, then ThreadSanitizer, each in its own build folder.
# Slow (a full instrumented build each), so not part of `make test`; results in TESTING.md.
# LeakSanitizer reports a few leaks in XCTest, ZIPFoundation and Foundation (none in
# decuong's code): scripts/lsan-suppressions.txt names them.
sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# Only the search and bundle tests in Chromium and Firefox (Tests/browser; `make test` runs them too).
test-browser: deps
	@bash scripts/test-tools.sh
	$(SWIFT) build --product decuong
	.build/test-venv/bin/python Tests/browser/test_search.py .build/debug/decuong .

# Search index size and time to first result from disk in Chromium, 1,000 synthetic documents.
bench-search: release
	@bash scripts/test-tools.sh
	.build/test-venv/bin/python Tests/browser/bench_search.py --docs 1000 .build/release/decuong

# The preview benchmark: edit → reload latency and RSS on 1,000 synthetic documents, then wrk
# under rebuilds (Benchmarks/preview/run.sh; needs python3, and wrk from Debian for the load part).
bench-preview: release
	DECUONG=.build/release/decuong Benchmarks/preview/run.sh

# decuong against Hugo and the cmark-gfm parse floor on 100 / 1,000 / 10,000 synthetic
# documents (BENCHMARKS.md). BENCH_SIZES=100,1000 for a shorter run; BENCH_SITES=/dev/shm
# writes both tools' sites to tmpfs, out of reach of the disk's noise; BENCH_DROP_CACHES=1 (root)
# empties the page cache before every run, as after a restart.
BENCH_SIZES ?= 100,1000,10000
BENCH_SITES ?=
bench: release
	@bash scripts/apt-install.sh hugo cmark-gfm
	$(SWIFT) build $(RELEASE) --product decuong-bench
	python3 Benchmarks/run_bench.py --sizes $(BENCH_SIZES) $(if $(BENCH_SITES),--sites $(BENCH_SITES)) $(if $(BENCH_DROP_CACHES),--drop-caches)
	.build/release/decuong-bench Tests/DecuongStructureTests/Fixtures/corpus/full/09-hd-06-tw-ban-bi-thu-thi-hanh-dieu-le-pdf.md 20

clean:
	rm -rf .build site
