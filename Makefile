# One entry point for building, serving, testing and benchmarking.
#   make serve   build, then serve the page on http://127.0.0.1:$(PORT)/
#   make test    every check CI runs
#   make build   the WebAssembly package (www/pkg) and the native binary
#   make test-pkg  the package with test hooks the tests use (target/pkg-test)
#   make bench   times the engine against jsdiff and diff-match-patch (bench/README.md)
#   make fuzz    runs each fuzz target for FUZZ_SECONDS (fuzz/README.md; needs nightly)
# Each target installs what it needs and skips what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(HOME)/.cargo/bin:$(PATH)

PORT ?= 8000
WASM_TARGET := wasm32-unknown-unknown
# The CLI must be exactly the version Cargo.toml pins with `=`.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
# `make serve DEV=1` (or build, wasm): a development build of the engine,
# unoptimized, with debug assertions and a panic hook that writes any panic
# to the console with a stack.
ifeq ($(DEV),1)
WASM_PROFILE := dev
WASM_FILE := target/$(WASM_TARGET)/debug/article_diff.wasm
else
WASM_PROFILE := wasm
WASM_FILE := target/$(WASM_TARGET)/wasm/article_diff.wasm
endif
WASM_OPT := node_modules/.bin/wasm-opt
# --low-memory-unused lets wasm-opt fold `address + constant` into the
# instruction's offset: it assumes no access lands in the first KB of memory
# by wrapping past 4 GB, which Rust's code never does (the first KB is the
# far end of the 1 MB stack, which starts at the top and grows down). It
# takes 0.6 KB gzip off the module (bench/README.md). -O1, not -O3: the
# same size within 84 bytes, and V8 runs it faster (2026-11-30, in turn:
# 1M 1% pair 375-388 against 404-420 ms, 30k moved 9.9 against 10.8 ms;
# -O2 and -Os ran like -O3). After -O1, five passes that take 2.1 KB gzip
# off and leave the speed as it was (2026-12-01, bench/README.md): dead
# and constant arguments removed (--dae-optimizing), functions specialized
# for the constants they are called with where that is smaller
# (--monomorphize), redundant stores to locals (--rse), identical functions
# (--duplicate-function-elimination), and alignment hints, which V8 does
# not use (--dealign). --converge on top: 180 bytes for 23 s of build.
WASM_OPT_FLAGS := -O1 --low-memory-unused --strip-debug --strip-producers \
	--dae-optimizing --monomorphize --rse --duplicate-function-elimination --dealign
# The tests' own package: the engine with its test hooks (`__panicForTests`),
# which the shipped www/pkg leaves out.
TEST_PKG := target/pkg-test
CARGO_FUZZ_VERSION := 0.13.2
FUZZ_TARGETS := compare tokenize decode report
FUZZ_SECONDS ?= 600
# Smoke runs in `make test`, when a nightly toolchain is installed.
FUZZ_SMOKE_SECONDS ?= 15
HAVE_NIGHTLY := $(shell rustup toolchain list 2>/dev/null | grep -q '^nightly' && echo yes)

.PHONY: build serve test test-pkg bench fuzz fuzz-smoke clean rust-tools fuzz-tools browser npm-packages wasm native

build: wasm native

# Two builds of one crate: the core (English; www/pkg, at most 150 KB gzip)
# and the languages build (every language; www/pkg-lang), which the worker
# loads only when a text is not found English (docs/languages.md).
wasm: rust-tools npm-packages
	cargo build --lib --profile $(WASM_PROFILE) --target $(WASM_TARGET) --no-default-features
	wasm-bindgen --target web --out-dir www/pkg $(WASM_FILE)
	[ "$(WASM_PROFILE)" = dev ] || $(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg/article_diff_bg.wasm -o www/pkg/article_diff_bg.wasm
	cargo build --lib --profile $(WASM_PROFILE) --target $(WASM_TARGET) --no-default-features --features languages
	wasm-bindgen --target web --out-dir www/pkg-lang $(WASM_FILE)
	[ "$(WASM_PROFILE)" = dev ] || $(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg-lang/article_diff_bg.wasm -o www/pkg-lang/article_diff_bg.wasm

native:
	cargo build --release

# Not optimized by wasm-opt: the tests need the hooks, not the last bytes.
test-pkg: rust-tools
	cargo build --lib --profile wasm-test --target $(WASM_TARGET) --no-default-features --features test-hooks
	wasm-bindgen --target web --out-dir $(TEST_PKG) target/$(WASM_TARGET)/wasm-test/article_diff.wasm

serve: wasm
	@echo "Serving the page; stop with Ctrl-C."
	python3 scripts/serve.py $(PORT)

test: rust-tools browser npm-packages
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --no-default-features --features test-hooks --lib --test web -- -D warnings
	cargo clippy --target $(WASM_TARGET) --no-default-features --features languages --lib -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
	cargo test
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=tests/webdriver.json \
		cargo test --target $(WASM_TARGET) --no-default-features --test web
	$(MAKE) --no-print-directory wasm
	$(MAKE) --no-print-directory test-pkg
	node --test tests/js/ tests/e2e/
ifeq ($(HAVE_NIGHTLY),yes)
	$(MAKE) --no-print-directory fuzz-smoke
else
	@echo "No nightly toolchain: fuzz smoke runs skipped (rustup toolchain install nightly)."
endif

bench: build browser test-pkg
	cargo build --release --example speed
	node bench/bench.mjs
	node bench/many-wasm.mjs
	node bench/page.mjs
	node bench/page.mjs --words=100000
	node bench/page-many.mjs
	node bench/limits.mjs
	node bench/worst.mjs
	cargo bench --bench engine -- --quiet

# Each target runs FUZZ_SECONDS with no sanitizer: the code fuzzed has no
# unsafe blocks (only the browser build's allocator wrapper does), and
# uninstrumented runs go five times faster. New inputs are kept in
# fuzz/corpus/TARGET; a failing input lands in fuzz/artifacts/TARGET and
# belongs in fuzz/regressions/TARGET (see fuzz/README.md).
fuzz: fuzz-tools
	cd fuzz && for target in $(FUZZ_TARGETS); do \
		mkdir -p corpus/$$target; \
		cargo +nightly fuzz run --sanitizer none $$target corpus/$$target seeds/$$target regressions/$$target -- \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=4096 -print_final_stats=1; \
	done

fuzz-smoke:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

# --- what the targets need, installed when missing -------------------------

rust-tools:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@for component in rustfmt clippy; do \
		rustup component list --installed | grep -q "^$$component" || rustup component add $$component; \
	done
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes a few minutes)"; \
		cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --no-default-features --force; \
	fi

fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@if [ "$$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $(CARGO_FUZZ_VERSION)" ]; then \
		echo "Installing cargo-fuzz $(CARGO_FUZZ_VERSION)"; \
		cargo install cargo-fuzz --version =$(CARGO_FUZZ_VERSION) --locked --force; \
	fi

browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's chromium and chromium-driver"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else \
			echo "The browser tests need Debian's chromium and chromium-driver:"; \
			echo "  sudo apt-get install chromium chromium-driver"; \
			exit 1; \
		fi; \
	fi

npm-packages: node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

clean:
	cargo clean
	rm -rf www/pkg www/pkg-lang node_modules tests/e2e/screenshots
