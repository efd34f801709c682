#!/usr/bin/env bash
# Issue 14 item 4 (docs/languages.md): the shipped WebAssembly module's gzip
# size with each language dependency linked in, under the shipped wasm-opt
# flags (-O1) and under -Oz. Builds into target/size-variants/; never touches
# www/pkg. Usage: scripts/size-variants.sh [VARIANT...]  (default: all)
# A variant is a name and a comma-separated list of the size-* probe
# features in Cargo.toml ("-" for none: the shipped build), optionally
# followed by ":" and one cargo --config setting (a profile override).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/size-variants
mkdir -p "$OUT"
WASM_OPT=node_modules/.bin/wasm-opt
# The Makefile's flags but for -O1, which is given below (and -Oz in its place).
FLAGS=$(sed -n '/^WASM_OPT_FLAGS := -O1 /,/[^\\]$/p' Makefile | sed 's/^WASM_OPT_FLAGS := -O1 //; s/\\$//' | tr -s ' \t\n' ' ')

# The 23 languages' stop-word lists (18 Snowball + ar zh ja ko hy hi; ar is
# in both) from the stopwords-iso data that the stop-words crate ships.
LANGS="ar da nl en fi fr de el hu it no pt ro ru es sv ta tr zh ja ko hy hi"
ISO=$(cargo metadata --format-version 1 --all-features < /dev/null 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="stop-words");console.log(require("path").dirname(p.manifest_path)+"/src/iso/stopwords-iso.json")})')
node -e '
const fs=require("fs"),z=require("zlib");
const iso=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));
const langs=process.argv[2].split(" "),out={},missing=[];
for(const l of langs){ if(iso[l]) out[l]=iso[l]; else missing.push(l); }
const json=JSON.stringify(out);
fs.writeFileSync(process.argv[3],json);
const words=Object.values(out).reduce((n,a)=>n+a.length,0);
console.log(`stop lists: ${Object.keys(out).length} languages, ${words} words, JSON ${json.length} B, gzip -9 ${z.gzipSync(json,{level:9}).length} B${missing.length?", missing: "+missing.join(" "):""}`);
for(const l of Object.keys(out)){const j=JSON.stringify(out[l]);process.stdout.write(`${l}:${z.gzipSync(j,{level:9}).length} `)}
console.log("(gzip B per language)");
' "$ISO" "$LANGS" "$PWD/$OUT/stop23.json"
export SIZE_STOP_JSON="$PWD/$OUT/stop23.json"

gz() { node -e "console.log(require('zlib').gzipSync(require('fs').readFileSync('$1'),{level:9}).length)"; }

VARIANTS=("${@:-shipped:- stem-en:size-stem-en stem-all:size-stem-all icu:size-icu icu-dict:size-icu-dict icu-auto:size-icu-auto stop-iso:size-stop-iso stop-json:size-stop-json stem-all+icu:size-stem-all,size-icu stem-all+icu+stop-json:size-stem-all,size-icu,size-stop-json}")
[ $# -gt 0 ] || read -r -a VARIANTS <<< "${VARIANTS[0]}"
printf '%-24s %10s %10s %10s\n' variant raw-O1 gzip-O1 gzip-Oz
for v in "${VARIANTS[@]}"; do
  name=${v%%:*}; rest=${v#*:}; feats=${rest%%:*}; config=
  [ "$rest" = "$feats" ] || config=${rest#*:}
  args=(--lib --profile wasm --target wasm32-unknown-unknown --no-default-features)
  [ "$feats" = - ] || args+=(--features "$feats")
  [ -z "$config" ] || args+=(--config "$config")
  cargo build "${args[@]}" < /dev/null > "$OUT/$name.log" 2>&1 || { echo "$name: build failed, see $OUT/$name.log"; continue; }
  wasm-bindgen --target web --out-dir "$OUT/$name" target/wasm32-unknown-unknown/wasm/article_diff.wasm < /dev/null
  "$WASM_OPT" -O1 $FLAGS "$OUT/$name/article_diff_bg.wasm" -o "$OUT/$name/o1.wasm" < /dev/null
  "$WASM_OPT" -Oz $FLAGS "$OUT/$name/article_diff_bg.wasm" -o "$OUT/$name/oz.wasm" < /dev/null
  printf '%-24s %10s %10s %10s\n' "$name" "$(stat -c %s "$OUT/$name/o1.wasm")" "$(gz "$OUT/$name/o1.wasm")" "$(gz "$OUT/$name/oz.wasm")"
done
