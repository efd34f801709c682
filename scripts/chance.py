#!/usr/bin/env python3
"""Chance reuse by language (issue 14): how much of one text the engine
calls copied or reworded from another, independent text of the same topic
and style, in each language, against English on the same pages.

The corpus is Debian's translated manual pages (manpages-l10n and
friends): for each language, every page of a fixed list that exists both
in that language and in English. Each page's prose is cut in two halves
at the paragraph nearest its middle; the engine compares half 1 (the
"original") with half 2 (the "rewrite"). The halves share a topic, a
style and a vocabulary, but not content, so whatever is found copied or
reworded between them is chance. Each language's pages are compared
three ways: the language's text with the engine as it is ("auto": the
detected language's rules), the same text with `--language en` (the
English rules every language had before issue 14), and the English pages
themselves (auto, i.e. English rules).

Run from the repository root (needs apt-get, dpkg-deb, man, col; no
root): python3 scripts/chance.py [--bin target/release/article-diff]
Everything it downloads and writes stays in target/chance/ (gitignored).
It prints the table as Markdown (bench/README.md, "Chance reuse by
language"); target/chance/results.json keeps every comparison.

    --recall   also the recall check on rewordings made by rule
               (see reword() and recall_case())
"""

import argparse
import concurrent.futures
import json
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "chance"

# Debian (bookworm) packages of manual pages: English (sections 2-7 of the
# Linux man-pages project) and translations.
PACKAGES = [
    "manpages", "manpages-cs", "manpages-da", "manpages-de", "manpages-es",
    "manpages-fi", "manpages-fr", "manpages-hu", "manpages-id",
    "manpages-it", "manpages-ja", "manpages-nb", "manpages-nl",
    "manpages-pl", "manpages-pt-br", "manpages-ro", "manpages-ru",
    "manpages-sv", "manpages-tr", "manpages-uk", "manpages-vi",
    "manpages-zh",
]

# Directory under usr/share/man -> ISO 639-1 code the engine should find.
LANGS = {
    "cs": "cs", "da": "da", "de": "de", "es": "es", "fi": "fi", "fr": "fr",
    "hu": "hu", "id": "id", "it": "it", "ja": "ja", "nb": "no", "nl": "nl",
    "pl": "pl", "pt_BR": "pt", "ro": "ro", "ru": "ru", "sv": "sv",
    "tr": "tr", "uk": "uk", "vi": "vi", "zh_CN": "zh",
}

# Pages with prose: the long ones (bash, find, tar, grep...), the Linux
# man-pages overviews (section 7) and the coreutils pages that exist in
# most languages. A page is used for a language when both it and its
# English version exist and each half has enough prose (MIN_HALF).
PAGES = """
bash.1 find.1 tar.1 grep.1 sed.1 gzip.1 bzip2.1 file.1 diff.1 cmp.1
diff3.1 sdiff.1 ls.1 cp.1 mv.1 rm.1 ln.1 dd.1 df.1 du.1 chown.1 chgrp.1
chmod.1 install.1 touch.1 date.1 stty.1 sort.1 mkdir.1 rmdir.1 mknod.1
mkfifo.1 who.1 cat.1 echo.1 printf.1 cut.1 head.1 tail.1 wc.1 tee.1
uname.1 dirname.1 md5sum.1 comm.1 id.1 sleep.1 dircolors.1 more.1 last.1
strings.1 intro.1 passwd.1 su.1 login.1 kill.1 nice.1 env.1 split.1
tr.1 uniq.1 pr.1 fmt.1 od.1 shred.1 stat.1 sync.1 test.1 timeout.1
man.7 hier.7 signal.7 unicode.7 utf-8.7 ascii.7 locale.7 charsets.7
bootparam.7 suffixes.7 arp.7 glob.7 regex.7 environ.7 boot.7 intro.7
credentials.7 standards.7 signal-safety.7 pipe.7 fifo.7 time.7 man-pages.7
utmp.5 fstab.5 services.5 passwd.5 group.5 shells.5 hosts.5 protocols.5
st.4 console_codes.4 initrd.4 fd.4 tty.4 mem.4 null.4 random.4
umount.8 mount.8 shutdown.8 ldconfig.8 intro.8
""".split()

# Words (letters of scripts with spaces) or letters (Han, kana) a half
# needs, in both the language's page and the English one.
MIN_HALF = 120

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
CJK_GAP = re.compile(
    r"(?<=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]) +"
    r"(?=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef])"
)
# Boilerplate of licences, addresses and translators' credits: the same in
# every page, it is dropped.
BOILERPLATE = re.compile(
    r"@|https?:|www\.|GNU|GPL|©|\(C\)|[Cc]opyright|Free Software|Linux man-pages|"
    r"manpages-l10n|translat|Übersetz|traduc|tradu[zç]|překlad|oversæt|"
    r"översätt|vertaling|käännö|fordít|tłumacz|перев|traduz"
)
CODE_CHARS = set("/\\=$<>{}[]|_*~`^&#%;")
# Words that mark an English sentence left untranslated in a translated
# page (manpages-l10n ships pages with some strings still in English):
# words of English that are not common words of the other languages here.
ENGLISH_MARKS = set("""the and of to with for this that from which are be by not
or when can each any only if it its is was has have been than these those
such into""".split())


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL, **kw)


def fetch():
    """Downloads and unpacks the packages into target/chance/root."""
    debs = WORK / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    if not any(debs.glob("manpages_*.deb")):
        run(["apt-get", "download", *PACKAGES], cwd=debs,
            stdout=subprocess.DEVNULL)
    root = WORK / "root"
    if not (root / "usr/share/man").is_dir():
        root.mkdir(exist_ok=True)
        for deb in sorted(debs.glob("*.deb")):
            run(["dpkg-deb", "-x", str(deb), str(root)])


def find_page(lang_dir, page):
    """The page's source file: translations from the unpacked packages;
    English from the manpages package, else this system's /usr/share/man
    (coreutils, bash, tar, findutils... ship their own English pages)."""
    section = page.rsplit(".", 1)[1]
    name = f"man{section}/{page}.gz"
    if lang_dir is None:
        for base in (WORK / "root/usr/share/man", Path("/usr/share/man")):
            if (base / name).is_file():
                return base / name
        return None
    path = WORK / "root/usr/share/man" / lang_dir / name
    return path if path.is_file() else None


def render(path):
    """A page as plain text, one paragraph a line (a width so wide that
    groff breaks no line, so that nothing is justified)."""
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", MANWIDTH="4000",
               MAN_KEEP_FORMATTING="", MANPAGER="cat", PAGER="cat")
    man = subprocess.run(["man", "-l", str(path)], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True)
    col = subprocess.run(["col", "-bx"], input=man.stdout, env=env,
                         capture_output=True, check=True)
    return col.stdout.decode("utf-8", "replace")


def untranslated(line, cjk):
    """Whether a line of a translated page is still in English: in
    Chinese and Japanese, a line without Han or kana; elsewhere, a line
    whose words are at least 15% English marks (two at least)."""
    if cjk:
        return not CJK.search(line)
    words = re.findall(r"[A-Za-z]+", line.lower())
    hits = sum(1 for w in words if w in ENGLISH_MARKS)
    return hits >= 2 and hits >= 0.15 * len(re.findall(r"\w+", line))


def prose(text, cjk, translated=False):
    """The page's prose paragraphs: body lines (indented at least seven
    columns: headings and subheadings are not), option tags cut off
    ("-a, --all" alone is dropped; "--author   text" keeps the text), no
    boilerplate, no line that is mostly code (a quarter of its tokens with
    /\\=$<>{}[]|_*... or starting with "-"), none with too few letters,
    and in a translated page none left in English (`untranslated`)."""
    out = []
    for raw in text.splitlines():
        if len(raw) - len(raw.lstrip(" ")) < 7:
            continue
        line = raw.strip()
        if line.startswith("-") or line.startswith("+"):
            parts = re.split(r"\s{2,}", line, maxsplit=1)
            if len(parts) < 2:
                continue
            line = parts[1]
        line = re.sub(r"\s+", " ", line)
        if cjk:
            line = CJK_GAP.sub("", line)
        if BOILERPLATE.search(line):
            continue
        tokens = line.split()
        if not tokens:
            continue
        codey = sum(1 for t in tokens
                    if t.startswith("-") or any(c in CODE_CHARS for c in t))
        if codey * 4 > len(tokens):
            continue
        letters = sum(1 for c in line if c.isalpha())
        nonspace = sum(1 for c in line if not c.isspace())
        if letters < 20 or letters < 0.7 * nonspace:
            continue
        if translated and untranslated(line, cjk):
            continue
        out.append(line)
    return out


def size(lines):
    """Words of a text, counting each Han or kana letter as a word."""
    n = 0
    for line in lines:
        n += len(CJK.findall(line))
        n += len(re.findall(r"\w+", CJK.sub(" ", line)))
    return n


def halves(lines):
    """The paragraphs before and after the one nearest the middle."""
    total = size(lines)
    acc = 0
    for i, line in enumerate(lines):
        acc += size([line])
        if acc * 2 >= total:
            cut = i + 1 if (acc * 2 - total) < size([line]) else i
            cut = max(1, min(cut, len(lines) - 1))
            return lines[:cut], lines[cut:]
    return lines, []


def build():
    """Writes target/chance/text/<lang>/<page>.{1,2}.txt; returns
    {lang: [page...]} of the pages used."""
    fetch()
    text = WORK / "text"
    cache = {}

    def halves_of(lang_dir, page):
        key = (lang_dir, page)
        if key not in cache:
            path = find_page(lang_dir, page)
            cache[key] = None
            if path is not None:
                lines = prose(render(path), lang_dir in ("ja", "zh_CN"),
                              translated=lang_dir is not None)
                a, b = halves(lines)
                if min(size(a), size(b)) >= MIN_HALF:
                    cache[key] = (a, b)
        return cache[key]

    used = {}
    for lang_dir in ["en", *LANGS]:
        for page in PAGES:
            if lang_dir != "en" and (find_page(lang_dir, page) is None
                                     or halves_of(None, page) is None):
                continue
            h = halves_of(None if lang_dir == "en" else lang_dir, page)
            if h is None:
                continue
            used.setdefault(lang_dir, []).append(page)
            d = text / lang_dir
            d.mkdir(parents=True, exist_ok=True)
            for i, half in enumerate(h, 1):
                (d / f"{page}.{i}.txt").write_text("\n\n".join(half) + "\n")
    return used


def compare(binary, a, b, language=None):
    cmd = [binary, "-f", "json"]
    if language:
        cmd += ["--language", language]
    out = subprocess.run(cmd + [str(a), str(b)], stdin=subprocess.DEVNULL,
                         capture_output=True, check=True)
    data = json.loads(out.stdout)
    s = data["stats"]
    return {
        "words": s["paraphrase_words"], "copied": s["copied_words"],
        "reworded": s["reworded_words"], "pairs": s["pairs"],
        "languages": data.get("languages"),
    }


def measure(binary, used, jobs):
    text = WORK / "text"
    tasks = {}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for page in sorted({p for ps in used.values() for p in ps}):
            if page in used.get("en", []):
                a, b = (text / "en" / f"{page}.{i}.txt" for i in (1, 2))
                tasks[("en", page, "auto")] = pool.submit(compare, binary, a, b)
        for lang_dir, pages in used.items():
            if lang_dir == "en":
                continue
            for page in pages:
                a, b = (text / lang_dir / f"{page}.{i}.txt" for i in (1, 2))
                tasks[(lang_dir, page, "auto")] = pool.submit(compare, binary, a, b)
                tasks[(lang_dir, page, "en")] = pool.submit(
                    compare, binary, a, b, "en")
        return {k: f.result() for k, f in tasks.items()}


def total(results, keys):
    t = {"words": 0, "copied": 0, "reworded": 0, "pairs": 0}
    for k in keys:
        for f in t:
            t[f] += results[k][f]
    return t


def share(t, f):
    return t[f] / t["words"] if t["words"] else 0.0


def table(used, results):
    rows = [
        "| language | pages | detected (halves) | words | auto: copied | auto: reworded | auto: pairs "
        "| `--language en`: copied | reworded | pairs | English, same pages: words | copied | reworded | pairs |",
        "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    wrong = []
    for lang_dir in ["en", *LANGS]:
        pages = used.get(lang_dir)
        if not pages:
            continue
        expect = "en" if lang_dir == "en" else LANGS[lang_dir]
        detected = {}
        for page in pages:
            langs = results[(lang_dir, page, "auto")]["languages"] or {}
            for side in ("original", "paraphrase"):
                code = langs.get(side) or "none"
                detected[code] = detected.get(code, 0) + 1
                if code != expect:
                    wrong.append((lang_dir, page, side, code))
        det = ", ".join(f"{c} {n}" for c, n in sorted(detected.items(), key=lambda x: -x[1]))
        en = total(results, [("en", p, "auto") for p in pages])
        if lang_dir == "en":
            rows.append(f"| en | {len(pages)} | {det} | {en['words']} | {share(en, 'copied'):.3f} "
                        f"| {share(en, 'reworded'):.3f} | {en['pairs']} | | | | | | | |")
            continue
        auto = total(results, [(lang_dir, p, "auto") for p in pages])
        old = total(results, [(lang_dir, p, "en") for p in pages])
        rows.append(
            f"| {expect} | {len(pages)} | {det} | {auto['words']} "
            f"| {share(auto, 'copied'):.3f} | {share(auto, 'reworded'):.3f} | {auto['pairs']} "
            f"| {share(old, 'copied'):.3f} | {share(old, 'reworded'):.3f} | {old['pairs']} "
            f"| {en['words']} | {share(en, 'copied'):.3f} | {share(en, 'reworded'):.3f} | {en['pairs']} |"
        )
    return rows, wrong


# --- Recall: rewordings made by rule -------------------------------------

KANA = re.compile(r"[\u3040-\u30ff]")
KANA_HIRA = re.compile(r"[\u3040-\u309f]+")
SENT_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")
CLAUSE = re.compile(r"\s*[,;，、；]\s*")


def sentences(paragraph):
    return [s for s in SENT_END.split(paragraph) if s.strip()]


def reword(sentence, cjk):
    """A reproducible "rewording" that keeps most content words: the
    clauses (cut at commas and semicolons) in reverse order (a sentence of
    one clause: its last third first), every second word of at most three
    letters dropped (mostly function words, in every language here), and
    every fourth remaining word dropped (a content word replaced by
    nothing). In Japanese, runs of hiragana, of katakana and of Han stand
    for words (every second hiragana run and every fourth other run
    dropped); in Chinese, every fifth letter is dropped. No synonyms and no new inflections: see README."""
    body = sentence.rstrip(".!?。！？")
    clauses = [c for c in CLAUSE.split(body) if c]
    if len(clauses) > 1:
        clauses.reverse()
    elif cjk:
        n = len(body) // 3
        clauses = [body[-n:], body[:-n]] if n else [body]
    else:
        words = body.split()
        n = len(words) // 3
        clauses = [" ".join(words[-n:]), " ".join(words[:-n])] if n else [body]
    if cjk:
        text = "，".join(clauses)
        if KANA.search(text):
            # Japanese: runs of one script class stand for words; every
            # second kana run (mostly grammar) and every fourth other run
            # dropped, as words are in the languages with spaces.
            out, kana, other = [], 0, 0
            for run in re.findall(r"[\u3040-\u309f]+|[\u30a0-\u30ff]+|[\u3400-\u9fff]+|[^\u3040-\u30ff\u3400-\u9fff]+", text):
                if KANA_HIRA.fullmatch(run):
                    kana += 1
                    if kana % 2 == 0:
                        continue
                elif not run.strip(" ，、"):
                    pass
                else:
                    other += 1
                    if other % 4 == 0:
                        continue
                out.append(run)
            return "".join(out) + "。"
        # Chinese: every fifth letter dropped.
        kept = [c for i, c in enumerate(text) if i % 5 != 4]
        return "".join(kept) + "。"
    out, short, other = [], 0, 0
    for clause in clauses:
        words = []
        for w in clause.split():
            letters = sum(1 for c in w if c.isalpha())
            if letters <= 3:
                short += 1
                if short % 2 == 0:
                    continue
            else:
                other += 1
                if other % 4 == 0:
                    continue
            words.append(w)
        if words:
            out.append(" ".join(words))
    text = ", ".join(out)
    return text[:1].upper() + text[1:] + "."


def recall_case(binary, lang_dir, page, language):
    """Half 2 of the page with up to four reworded sentences of half 1
    inserted as paragraphs of their own; returns (inserted, found): found
    when the inserted sentence is paired with a pair whose original side
    covers its source sentence."""
    base = WORK / "text" / lang_dir
    cjk = lang_dir in ("ja", "zh_CN")
    first = (base / f"{page}.1.txt").read_text().split("\n\n")
    second = (base / f"{page}.2.txt").read_text().split("\n\n")
    limit = 25 if cjk else 10
    picked = []
    for paragraph in first:
        for s in sentences(paragraph.strip()):
            if size([s]) >= limit:
                picked.append(s)
    picked = picked[:: max(1, len(picked) // 4)][:4]
    if not picked:
        return 0, 0
    original = "\n\n".join(first).strip() + "\n"
    step = max(1, len(second) // (len(picked) + 1))
    paras, inserted = [], []
    for i, paragraph in enumerate(second):
        paras.append(paragraph.strip())
        k = i // step
        if i % step == step - 1 and k < len(picked):
            paras.append(reword(picked[k], cjk))
            inserted.append((len(paras) - 1, picked[k]))
    rewrite = "\n\n".join(paras) + "\n"
    d = WORK / "recall" / lang_dir
    d.mkdir(parents=True, exist_ok=True)
    a, b = d / f"{page}.{language or 'auto'}.orig.txt", d / f"{page}.{language or 'auto'}.rewrite.txt"
    a.write_text(original)
    b.write_text(rewrite)
    cmd = [binary, "-f", "json"] + (["--language", language] if language else [])
    data = json.loads(subprocess.run(cmd + [str(a), str(b)], stdin=subprocess.DEVNULL,
                                     capture_output=True, check=True).stdout)
    ob = original.encode()
    found = 0
    for j, src in inserted:
        src_start = ob.find(src.encode())
        src_end = src_start + len(src.encode())
        at = sum(len(p.encode()) + 2 for p in paras[:j])
        for s in data["paraphrase"]["sentences"]:
            if not (at <= s["start"] < at + len(paras[j].encode())):
                continue
            if "pair" in s:
                pair = data["pairs"][s["pair"]]
                o0, o1 = span(pair["original"])
                if o0 < src_end and src_start < o1:
                    found += 1
                    break
    return len(inserted), found


def span(r):
    if isinstance(r, dict):
        return r["start"], r["end"]
    return r[0], r[1]


def recall(binary, used, langs, jobs):
    rows = ["| language | sentences | found, auto | found, `--language en` | English, same pages: sentences | found |",
            "|---|--:|--:|--:|--:|--:|"]
    english = {}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for lang_dir in langs:
            pages = used.get(lang_dir, [])
            auto = [pool.submit(recall_case, binary, lang_dir, p, None) for p in pages]
            old = [pool.submit(recall_case, binary, lang_dir, p, "en") for p in pages]
            for p in pages:
                if p not in english:
                    english[p] = pool.submit(recall_case, binary, "en", p, None)
            en = [english[p] for p in pages]
            sums = [tuple(map(sum, zip(*[f.result() for f in fs]))) for fs in (auto, old, en)]
            code = "en" if lang_dir == "en" else LANGS[lang_dir]
            rows.append(f"| {code} | {sums[0][0]} | {sums[0][1] / sums[0][0]:.2f} | {sums[1][1] / sums[1][0]:.2f} "
                        f"| {sums[2][0]} | {sums[2][1] / sums[2][0]:.2f} |")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/article-diff"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--recall", action="store_true",
                    help="also the recall check, on rewordings made by rule")
    args = ap.parse_args()
    used = build()
    results = measure(args.bin, used, args.jobs)
    rows, wrong = table(used, results)
    (WORK / "results.json").write_text(json.dumps(
        {"|".join(k): v for k, v in results.items()}, indent=1))
    print("\n".join(rows))
    if wrong:
        print("\nDetected wrongly (language dir, page, half, detected):")
        for w in wrong:
            print("  ", *w)
    if args.recall:
        print()
        print("\n".join(recall(args.bin, used, [l for l in LANGS if l in used], args.jobs)))


if __name__ == "__main__":
    main()
