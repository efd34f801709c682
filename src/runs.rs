//! Stage 4: copied runs, found regardless of order.
//!
//! A copied run is a maximal stretch of the paraphrase that appears, unit for
//! unit by key, somewhere in the original, with at least `min_run` words of
//! which at least one is not a very common word. In the scripts written
//! without spaces a unit is less than a word (a Han character half of one,
//! a Thai letter a quarter: [`crate::language::Rules::unit_parts`]), and
//! the length is counted in those parts. Runs are found in three
//! steps:
//!
//! 1. **Seeds.** Every `k`-unit window of the original (`k = min_run`) is
//!    hashed and indexed; each window of the paraphrase looks up the original
//!    windows with the same hash. A qualifying run holds at least one seed,
//!    so none is missed. When a window is frequent, only the
//!    [`MAX_CANDIDATES`] occurrences nearest the expected place (the diagonal
//!    of the match with the most length left) are tried, which bounds the
//!    work on repetitive text; and inside a long match no window is looked
//!    up at all (see [`SKIP_INSIDE`]), so copied text costs one pass.
//! 2. **Extension.** Each new diagonal is extended to the right as far as the
//!    keys agree; a candidate on a diagonal already being matched is inside
//!    that match and skipped, so identical texts cost one pass.
//! 3. **Tiling.** Matches are taken longest first (greedy string tiling);
//!    each is clipped to the part of the paraphrase not yet covered and
//!    trimmed to start and end on a word, and a piece is kept if it still
//!    qualifies. Among equally long
//!    sources, the one nearest the neighbouring runs' diagonal wins.
//!
//! A sentence shorter than `min_run` words that no run touches and that
//! repeats a whole sentence of the original exactly, unit for unit, is a run
//! too: a headline or a one-line answer copied whole is copied, and matching
//! sentence edges on both sides make it far less likely by chance than the
//! same few words inside sentences.
//!
//! After the pairs are diffed, the unchanged stretches of copied and edited
//! pairs next to a run join the runs however short they are
//! ([`with_fragments`], see [`crate::verdict::fragment_runs`]).
//!
//! Then the runs in order form a backbone: the heaviest chain (by words)
//! whose sources follow each other. Runs outside it are **moved**. A run is
//! **quoted** when every word of it sits inside quotation marks in the
//! paraphrase.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::budget::Budget;
use crate::keys::Vocabulary;
#[cfg(feature = "languages")]
use crate::language::WORD_PARTS;
use crate::order::{heaviest_chain, insertion_sort, order_by, sort_keys};
use crate::progress::Stage;

/// How many occurrences of a frequent seed are tried at one place.
pub const MAX_CANDIDATES: usize = 32;

/// A match at least this many times the seed length lets the scan skip the
/// lookups inside it: a match starting there and reaching further is found
/// again where this one ends, and the tiling would clip it to that anyway.
pub const SKIP_INSIDE: usize = 4;

/// How many positions are scanned between two looks at the clock.
const CLOCK_INTERVAL: usize = 4096;

/// Matches allowed per paraphrase unit scanned so far (plus
/// [`MATCH_SLACK`]). Real text makes few: at most 0.04 a unit on the
/// pan-dev pairs (verbatim and same-topic), 0.14 between prose and an
/// OCR-like copy of it. A text of two or three words over and over made 18
/// a unit, 23 million matches in 5 s, which the tiling then sorted for
/// 1.5 s after the deadline in 0.9 GB. Past the allowance a position tries
/// only the occurrence of its seed nearest the expected place (and the
/// result says copied passages were cut short), so the matches, the memory
/// and the tiling after the seeds stay linear in the paraphrase whatever
/// the text.
pub const MATCHES_PER_UNIT: usize = 2;

/// See [`MATCHES_PER_UNIT`].
pub const MATCH_SLACK: usize = 1024;

/// A copied run, in comparison units of each text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Units of the paraphrase.
    pub paraphrase: Range<u32>,
    /// Units of the original with the same keys.
    pub original: Range<u32>,
    /// Words in the run (punctuation not counted).
    pub words: u32,
    /// Out of order relative to the backbone of runs.
    pub moved: bool,
    /// Every word of it is inside quotation marks in the paraphrase.
    pub quoted: bool,
}

/// What the run finder looks at.
pub struct RunInput<'a> {
    /// Unit ids of the original.
    pub original: &'a [u32],
    /// Unit ids of the paraphrase.
    pub paraphrase: &'a [u32],
    /// What each id is.
    pub vocabulary: &'a Vocabulary<'a, 'a>,
    /// For each paraphrase unit: inside quotation marks.
    pub paraphrase_quoted: &'a [bool],
    /// The fewest words a run needs.
    pub min_run: usize,
    /// The unit ranges of the original's sentences.
    pub original_sentences: &'a [Range<u32>],
    /// The unit ranges of the paraphrase's sentences.
    pub paraphrase_sentences: &'a [Range<u32>],
}

#[derive(Clone, Copy, Debug)]
struct Match {
    paraphrase: u32,
    original: u32,
    len: u32,
}

/// Finds the copied runs, in paraphrase order.
pub fn find_runs(input: &RunInput<'_>, budget: &Budget) -> Vec<Run> {
    let counts = WordCounts::new(input);
    let matches = seed_and_extend(input, budget);
    let mut runs = tile(input, &counts, matches);
    add_whole_sentences(input, &counts, &mut runs);
    mark_moved(&mut runs);
    mark_quoted(
        &mut runs,
        input.paraphrase,
        input.vocabulary,
        input.paraphrase_quoted,
    );
    runs
}

/// Prefix counts of words and of uncommon words in the paraphrase.
struct WordCounts {
    words: Vec<u32>,
    uncommon: Vec<u32>,
    min_run: u32,
    /// Prefix counts of word parts ([`crate::language::WORD_PARTS`] a
    /// whole word), when units of scripts written without spaces count as
    /// parts of a word ([`Vocabulary::word_parts`]): a run's length is
    /// then measured in them.
    #[cfg(feature = "languages")]
    parts: Option<Vec<u32>>,
}

impl WordCounts {
    fn new(input: &RunInput<'_>) -> Self {
        let mut words = Vec::with_capacity(input.paraphrase.len() + 1);
        let mut uncommon = Vec::with_capacity(input.paraphrase.len() + 1);
        let (mut w, mut u) = (0, 0);
        words.push(0);
        uncommon.push(0);
        for &id in input.paraphrase {
            let id = id as usize;
            if input.vocabulary.is_word[id] {
                w += 1;
                if !input.vocabulary.is_common[id] {
                    u += 1;
                }
            }
            words.push(w);
            uncommon.push(u);
        }
        #[cfg(feature = "languages")]
        let parts = input.vocabulary.word_parts().map(|parts| {
            let mut sum = 0;
            let mut prefix = Vec::with_capacity(input.paraphrase.len() + 1);
            prefix.push(0);
            prefix.extend(input.paraphrase.iter().map(|&id| {
                sum += u32::from(parts[id as usize]);
                sum
            }));
            prefix
        });
        WordCounts {
            words,
            uncommon,
            min_run: input.min_run as u32,
            #[cfg(feature = "languages")]
            parts,
        }
    }

    /// Whether the range is as long as `min_run` words: in words, or in
    /// parts of words when units count as parts.
    fn long_enough(&self, range: Range<usize>) -> bool {
        #[cfg(feature = "languages")]
        if let Some(parts) = &self.parts {
            return parts[range.end] - parts[range.start] >= self.min_run * WORD_PARTS;
        }
        self.words(range) >= self.min_run
    }

    fn words(&self, range: Range<usize>) -> u32 {
        self.words[range.end] - self.words[range.start]
    }

    /// The range without the punctuation at its edges: a run starts and
    /// ends on a word, so it never reaches into the sentence before or after.
    fn trim(&self, range: Range<usize>) -> Range<usize> {
        let is_word = |unit: usize| self.words[unit + 1] > self.words[unit];
        let mut range = range;
        while !range.is_empty() && !is_word(range.start) {
            range.start += 1;
        }
        while !range.is_empty() && !is_word(range.end - 1) {
            range.end -= 1;
        }
        range
    }

    fn qualifies(&self, range: Range<usize>) -> bool {
        self.long_enough(range.clone()) && self.uncommon[range.end] > self.uncommon[range.start]
    }
}

const HASH_BASE: u64 = 0x0000_0100_0000_01B3;

/// Spreads a polynomial hash's entropy into its top 32 bits.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 31;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 29;
    h
}

/// Calls `each(position, hash32)` for every `k`-unit window of `ids`.
fn for_each_window(ids: &[u32], k: usize, mut each: impl FnMut(usize, u32) -> bool) {
    if k == 0 || ids.len() < k {
        return;
    }
    let top = (1..k).fold(1u64, |p, _| p.wrapping_mul(HASH_BASE));
    let mut h = 0u64;
    for &id in &ids[..k] {
        h = h.wrapping_mul(HASH_BASE).wrapping_add(id as u64 + 1);
    }
    for start in 0..=ids.len() - k {
        if !each(start, (mix(h) >> 32) as u32) {
            return;
        }
        if start + k < ids.len() {
            h = h
                .wrapping_sub((ids[start] as u64 + 1).wrapping_mul(top))
                .wrapping_mul(HASH_BASE)
                .wrapping_add(ids[start + k] as u64 + 1);
        }
    }
}

/// The size of a part of the seed index from which it is sorted by passes
/// of a counting sort rather than by comparisons: each pass costs a 256-entry
/// table, which only a part of some size pays back. The 1M-word bench pairs'
/// parts hold about 4,500 windows each.
const RADIX_FROM: usize = 512;

/// The most windows [`SeedIndex::new`] places straight into the
/// directory's buckets (a 512 KB index at most): on the 30k moved pair,
/// copied runs took 10.8M instructions a comparison with the two-step sort
/// and take 10.2M this way.
const DIRECT_INDEX: usize = 1 << 16;

/// Sorts a few keys (a bucket of the seed index): by insertion, unless
/// repeated windows or colliding hashes made them many.
fn sort_few(keys: &mut [u64]) {
    if keys.len() > 16 {
        sort_keys(keys);
    } else {
        insertion_sort(keys);
    }
}

/// Copies `from` into `to` ordered by the byte of each key at `shift`,
/// keys with the same byte in the order they came (a counting sort's pass).
fn by_byte(from: &[u64], to: &mut [u64], shift: u32) {
    let byte = |key: u64| ((key >> shift) & 0xFF) as usize;
    let mut next = [0u32; 256];
    for &key in from {
        next[byte(key)] += 1;
    }
    let mut sum = 0;
    for slot in &mut next {
        (*slot, sum) = (sum, sum + *slot);
    }
    for &key in from {
        to[next[byte(key)] as usize] = key;
        next[byte(key)] += 1;
    }
}

/// The original's windows, sorted by hash then position, with a directory
/// on the hash's top bits so that a lookup searches a small bucket: about
/// one bucket a window, from 2^8 to 2^16 of them (a directory of 65,536
/// buckets cost a 30,000-word text more than its windows did).
struct SeedIndex {
    entries: Vec<u64>,
    directory: Vec<u32>,
    /// How many top bits of a hash name its bucket.
    bits: u32,
}

impl SeedIndex {
    /// The windows of `ids`, indexed. Up to [`DIRECT_INDEX`] windows, the
    /// directory's buckets (one a window or so) all stay in cache, so the
    /// windows are placed straight into them by a counting sort, then each
    /// bucket (a window or two) put in order. More windows are sorted by
    /// [`SeedIndex::by_parts`].
    fn new(ids: &[u32], k: usize) -> Self {
        let mut unsorted = Vec::with_capacity(ids.len().saturating_sub(k) + 1);
        for_each_window(ids, k, |position, hash| {
            unsorted.push(((hash as u64) << 32) | position as u64);
            true
        });
        let bits = unsorted
            .len()
            .next_power_of_two()
            .trailing_zeros()
            .clamp(8, 16);
        if unsorted.len() > DIRECT_INDEX {
            let entries = SeedIndex::by_parts(unsorted);
            let mut directory = vec![0u32; (1 << bits) + 1];
            let mut at = 0usize;
            for (bucket, slot) in directory.iter_mut().enumerate() {
                while at < entries.len() && ((entries[at] >> (64 - bits)) as usize) < bucket {
                    at += 1;
                }
                *slot = at as u32;
            }
            return SeedIndex {
                entries,
                directory,
                bits,
            };
        }
        let bucket = |entry: u64| (entry >> (64 - bits)) as usize;
        let mut directory = vec![0u32; (1 << bits) + 1];
        for &entry in &unsorted {
            directory[bucket(entry) + 1] += 1;
        }
        for b in 0..1 << bits {
            directory[b + 1] += directory[b];
        }
        let mut entries = vec![0u64; unsorted.len()];
        let mut next = directory.clone();
        for &entry in &unsorted {
            entries[next[bucket(entry)] as usize] = entry;
            next[bucket(entry)] += 1;
        }
        for b in 0..1 << bits {
            sort_few(&mut entries[directory[b] as usize..directory[b + 1] as usize]);
        }
        SeedIndex {
            entries,
            directory,
            bits,
        }
    }

    /// `unsorted` sorted in two steps: a counting sort on the hash's top 8
    /// bits, whose 256 streams of writes stay in cache, then a sort of each
    /// part, small enough to stay in cache too. A million windows sorted
    /// whole cost more instructions, and a counting sort straight into the
    /// directory's 65,536 buckets more time, its writes all cache misses. A
    /// large part is sorted by three more counting passes ([`by_byte`]),
    /// which cost half the instructions of comparing and none of its
    /// mispredicted branches; the windows come in position order and each
    /// pass keeps it, so the result is the same.
    fn by_parts(unsorted: Vec<u64>) -> Vec<u64> {
        const PARTS: usize = 1 << 8;
        let part = |entry: u64| (entry >> 56) as usize;
        let mut start = [0u32; PARTS + 1];
        for &entry in &unsorted {
            start[part(entry) + 1] += 1;
        }
        for p in 0..PARTS {
            start[p + 1] += start[p];
        }
        let mut entries = vec![0u64; unsorted.len()];
        let mut next = start;
        for &entry in &unsorted {
            entries[next[part(entry)] as usize] = entry;
            next[part(entry)] += 1;
        }
        // Each part then by the hash's other 24 bits, 8 at a time, in
        // stable passes: positions ascend within a hash as they came.
        let mut scratch = unsorted;
        for p in 0..PARTS {
            let part = &mut entries[start[p] as usize..start[p + 1] as usize];
            if part.len() < RADIX_FROM {
                sort_keys(part);
                continue;
            }
            let scratch = &mut scratch[..part.len()];
            by_byte(part, scratch, 32);
            by_byte(scratch, part, 40);
            by_byte(part, scratch, 48);
            part.copy_from_slice(scratch);
        }
        entries
    }

    /// The original positions whose window hashes to `hash`, in order.
    fn lookup(&self, hash: u32) -> &[u64] {
        let bucket = (hash >> (32 - self.bits)) as usize;
        let slice =
            &self.entries[self.directory[bucket] as usize..self.directory[bucket + 1] as usize];
        let lo = slice.partition_point(|&e| ((e >> 32) as u32) < hash);
        let hi = lo + slice[lo..].partition_point(|&e| ((e >> 32) as u32) == hash);
        &slice[lo..hi]
    }
}

fn seed_and_extend(input: &RunInput<'_>, budget: &Budget) -> Vec<Match> {
    let (original, paraphrase) = (input.original, input.paraphrase);
    let k = input.min_run.max(1);
    if original.len() < k || paraphrase.len() < k {
        return Vec::new();
    }
    let index = SeedIndex::new(original, k);
    let mut matches = Vec::new();
    // Diagonals (original - paraphrase position) being matched, and where
    // each match ends in the paraphrase.
    let mut active: Vec<(i64, usize)> = Vec::new();
    let scale = original.len() as f64 / paraphrase.len() as f64;
    // The match that sets the expected place: the one with the most length
    // left. A shorter match found at the edge of the candidate window must
    // not move it, or the window would drift along a repetitive text.
    let mut reference: Option<Match> = None;
    for_each_window(paraphrase, k, |i, hash| {
        if i % CLOCK_INTERVAL == CLOCK_INTERVAL - 1 {
            budget.report(Stage::CopiedPassages, i, paraphrase.len());
            if budget.expired() {
                budget.cut_short("copied passages");
                return false;
            }
        }
        active.retain(|&(_, end)| end > i);
        if let Some(m) = reference {
            let (start, end) = (m.paraphrase as usize, (m.paraphrase + m.len) as usize);
            if start < i && i < end && m.len as usize >= SKIP_INSIDE * k {
                return true;
            }
        }
        let group = index.lookup(hash);
        if group.is_empty() {
            return true;
        }
        // Past the allowance, only the occurrence nearest the expected
        // place is tried.
        let tries = if matches.len() >= MATCHES_PER_UNIT * (i + 1) + MATCH_SLACK {
            if group.len() > 1 {
                budget.cut_short("copied passages");
            }
            1
        } else {
            MAX_CANDIDATES
        };
        let expected = match reference {
            Some(m) => (i as i64 + m.original as i64 - m.paraphrase as i64).max(0) as u64,
            None => (i as f64 * scale) as u64,
        };
        let window = if group.len() <= tries {
            group
        } else {
            let near = group.partition_point(|&e| (e & 0xFFFF_FFFF) < expected);
            let from = near.saturating_sub(tries / 2).min(group.len() - tries);
            &group[from..from + tries]
        };
        for &entry in window {
            let j = (entry & 0xFFFF_FFFF) as usize;
            let diagonal = j as i64 - i as i64;
            if active.iter().any(|&(d, _)| d == diagonal) {
                continue;
            }
            if paraphrase[i..i + k] != original[j..j + k] {
                continue; // a hash collision
            }
            let extra = paraphrase[i + k..]
                .iter()
                .zip(&original[j + k..])
                .take_while(|(a, b)| a == b)
                .count();
            let found = Match {
                paraphrase: i as u32,
                original: j as u32,
                len: (k + extra) as u32,
            };
            active.push((diagonal, i + k + extra));
            matches.push(found);
            let left = |m: &Match| (m.paraphrase + m.len) as i64 - i as i64;
            if reference.is_none_or(|r| left(&found) > left(&r)) {
                reference = Some(found);
            }
        }
        true
    });
    matches
}

fn tile(input: &RunInput<'_>, counts: &WordCounts, mut matches: Vec<Match>) -> Vec<Run> {
    matches.retain(|m| counts.qualifies(m.paraphrase as usize..(m.paraphrase + m.len) as usize));
    // Longest first; among equals, in the order found (by paraphrase
    // position, then source).
    let order = order_by(matches.len(), |i| u32::MAX - matches[i].len);
    let matches: Vec<Match> = order.into_iter().map(|i| matches[i]).collect();
    let mut covered = vec![false; input.paraphrase.len()];
    // Accepted runs by paraphrase start: (paraphrase end, original start).
    let mut accepted: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let scale = input.original.len() as f64 / input.paraphrase.len().max(1) as f64;
    let mut at = 0;
    while at < matches.len() {
        let first = matches[at];
        let group_len = matches[at..]
            .iter()
            .take_while(|m| m.len == first.len && m.paraphrase == first.paraphrase)
            .count();
        let expected = expected_source(&accepted, first.paraphrase, scale);
        let chosen = matches[at..at + group_len]
            .iter()
            .min_by_key(|m| (m.original as i64 - expected).unsigned_abs())
            .copied()
            .unwrap_or(first);
        at += group_len;

        let end = (chosen.paraphrase + chosen.len) as usize;
        let mut a = chosen.paraphrase as usize;
        while a < end {
            while a < end && covered[a] {
                a += 1;
            }
            let mut b = a;
            while b < end && !covered[b] {
                b += 1;
            }
            let piece = counts.trim(a..b);
            if !piece.is_empty() && counts.qualifies(piece.clone()) {
                covered[piece.clone()].fill(true);
                let source = chosen.original + (piece.start as u32 - chosen.paraphrase);
                accepted.insert(piece.start as u32, (piece.end as u32, source));
            }
            a = b;
        }
    }
    accepted
        .into_iter()
        .map(|(start, (end, source))| Run {
            paraphrase: start..end,
            original: source..source + (end - start),
            words: counts.words(start as usize..end as usize),
            moved: false,
            quoted: false,
        })
        .collect()
}

/// Adds the short sentences repeated whole (see the module's documentation)
/// to `runs`, which stay in paraphrase order.
fn add_whole_sentences(input: &RunInput<'_>, counts: &WordCounts, runs: &mut Vec<Run>) {
    let is_word = |id: u32| input.vocabulary.is_word[id as usize];
    let span = |range: &Range<u32>| range.start as usize..range.end as usize;
    // The short sentences of the original as (hash << 32 | index), sorted:
    // the engine's one sort, rather than a hash map of slices.
    let mut short: Vec<u64> = Vec::new();
    let word_parts = input.vocabulary.word_parts();
    for (index, range) in input.original_sentences.iter().enumerate() {
        let slice = &input.original[span(range)];
        // Counting stops at min_run: a long sentence costs no more than that.
        let short_enough = match word_parts {
            #[cfg(feature = "languages")]
            Some(parts) => {
                let sum: u32 = slice.iter().map(|&id| u32::from(parts[id as usize])).sum();
                sum > 0 && sum < input.min_run as u32 * WORD_PARTS
            }
            _ => {
                let words = slice
                    .iter()
                    .filter(|&&id| is_word(id))
                    .take(input.min_run)
                    .count();
                words > 0 && words < input.min_run
            }
        };
        if short_enough {
            short.push((sentence_hash(slice) as u64) << 32 | index as u64);
        }
    }
    if short.is_empty() {
        return;
    }
    sort_keys(&mut short);
    let source_of = |slice: &[u32]| -> Option<u32> {
        let hash = sentence_hash(slice) as u64;
        let first = short.partition_point(|&k| k >> 32 < hash);
        short[first..]
            .iter()
            .take_while(|&&k| k >> 32 == hash)
            .map(|&k| &input.original_sentences[(k & 0xFFFF_FFFF) as usize])
            .find(|range| &input.original[span(range)] == slice)
            .map(|range| range.start)
    };
    let mut added = Vec::new();
    let mut next = 0;
    for range in input.paraphrase_sentences {
        while next < runs.len() && runs[next].paraphrase.end <= range.start {
            next += 1;
        }
        if next < runs.len() && runs[next].paraphrase.start < range.end {
            continue; // a run reaches into it
        }
        let span = range.start as usize..range.end as usize;
        if counts.long_enough(span.clone())
            || counts.uncommon[span.end] == counts.uncommon[span.start]
        {
            continue; // long enough for ordinary runs, or only common words
        }
        if let Some(source) = source_of(&input.paraphrase[span.clone()]) {
            let piece = counts.trim(span.clone());
            let source = source + (piece.start - span.start) as u32;
            added.push(Run {
                paraphrase: piece.start as u32..piece.end as u32,
                original: source..source + piece.len() as u32,
                words: counts.words(piece),
                moved: false,
                quoted: false,
            });
        }
    }
    if !added.is_empty() {
        runs.extend(added);
        let order = order_by(runs.len(), |i| runs[i].paraphrase.start);
        *runs = order.into_iter().map(|i| runs[i].clone()).collect();
    }
}

/// `runs` with the unchanged stretches of strong pairs' diffs that no run
/// covers added as runs of their own ([`crate::verdict::fragment_runs`]),
/// in paraphrase order, their moved and quoted flags set anew.
pub fn with_fragments<'e>(
    mut runs: Vec<Run>,
    strong_pairs: impl Iterator<Item = &'e [crate::diff::Edit]>,
    paraphrase: &[u32],
    vocabulary: &Vocabulary,
    paraphrase_quoted: &[bool],
) -> Vec<Run> {
    let mut covered = vec![false; paraphrase.len()];
    for run in &runs {
        covered[run.paraphrase.start as usize..run.paraphrase.end as usize].fill(true);
    }
    let mut added = Vec::new();
    for edits in strong_pairs {
        added.extend(crate::verdict::fragment_runs(
            edits, paraphrase, &covered, vocabulary,
        ));
    }
    if added.is_empty() {
        return runs;
    }
    runs.extend(added);
    let order = order_by(runs.len(), |i| runs[i].paraphrase.start);
    let mut runs: Vec<Run> = order.into_iter().map(|i| runs[i].clone()).collect();
    mark_moved(&mut runs);
    mark_quoted(&mut runs, paraphrase, vocabulary, paraphrase_quoted);
    runs
}

fn mark_quoted(runs: &mut [Run], paraphrase: &[u32], vocabulary: &Vocabulary, quoted: &[bool]) {
    for run in runs {
        run.quoted = (run.paraphrase.start..run.paraphrase.end)
            .all(|u| !vocabulary.is_word[paraphrase[u as usize] as usize] || quoted[u as usize]);
    }
}

/// A 32-bit hash of a sentence's unit ids.
fn sentence_hash(ids: &[u32]) -> u32 {
    let h = ids.iter().fold(0u64, |h, &id| {
        h.wrapping_mul(HASH_BASE).wrapping_add(id as u64 + 1)
    });
    (mix(h) >> 32) as u32
}

/// Where in the original a run starting at `paraphrase` would come from if
/// it followed its neighbours.
fn expected_source(accepted: &BTreeMap<u32, (u32, u32)>, paraphrase: u32, scale: f64) -> i64 {
    if let Some((&start, &(_, source))) = accepted.range(..=paraphrase).next_back() {
        return source as i64 + (paraphrase - start) as i64;
    }
    if let Some((&start, &(_, source))) = accepted.range(paraphrase..).next() {
        return source as i64 - (start - paraphrase) as i64;
    }
    (paraphrase as f64 * scale) as i64
}

/// Flags the runs outside the heaviest chain whose sources follow each
/// other without overlapping.
fn mark_moved(runs: &mut [Run]) {
    let chain = heaviest_chain(
        &runs
            .iter()
            .map(|r| (r.original.clone(), r.words as u64))
            .collect::<Vec<_>>(),
    );
    for run in runs.iter_mut() {
        run.moved = true;
    }
    for index in chain {
        runs[index].moved = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::tokenize::tokenize;

    /// The seed index holds every window once, by hash then position, both
    /// where its parts are sorted by comparison and where by counting
    /// passes (300,000 windows make parts of about 1,200, past
    /// [`RADIX_FROM`]) and where its windows go straight into their
    /// buckets (20,000 and 300); ids from a small alphabet make windows
    /// that repeat, so that equal hashes must keep their positions in
    /// order, and buckets too full to sort by insertion.
    #[test]
    fn the_seed_index_is_sorted_by_hash_then_position() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let ids: Vec<u32> = (0..300_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 50) as u32
            })
            .collect();
        // Past DIRECT_INDEX and within it, where repeats fill buckets too.
        for (ids, k) in [1, 2, 4].map(|k| (&ids[..], k)).into_iter().chain([
            (&ids[..20_000], 4),
            (&ids[..20_000], 1),
            (&ids[..300], 2),
        ]) {
            let index = SeedIndex::new(ids, k);
            let mut expected = Vec::new();
            for_each_window(ids, k, |position, hash| {
                expected.push((hash as u64) << 32 | position as u64);
                true
            });
            expected.sort_unstable();
            assert!(index.entries == expected, "k = {k}");
            for group in expected.chunk_by(|a, b| a >> 32 == b >> 32) {
                assert_eq!(index.lookup((group[0] >> 32) as u32), group);
            }
        }
    }

    struct Texts {
        vocabulary: Vocabulary<'static, 'static>,
        original: Vec<u32>,
        paraphrase: Vec<u32>,
        quoted: Vec<bool>,
    }

    impl Texts {
        fn input(&self, min_run: usize) -> RunInput<'_> {
            RunInput {
                original: &self.original,
                paraphrase: &self.paraphrase,
                vocabulary: &self.vocabulary,
                paraphrase_quoted: &self.quoted,
                min_run,
                original_sentences: &[],
                paraphrase_sentences: &[],
            }
        }
    }

    fn prepare(original: &str, paraphrase: &str) -> Texts {
        let options = Options::default();
        // The vocabulary keeps the texts' words: leak test texts to keep it.
        let original: &'static str = Box::leak(original.to_owned().into_boxed_str());
        let paraphrase: &'static str = Box::leak(paraphrase.to_owned().into_boxed_str());
        let mut vocabulary = Vocabulary::new(&crate::keys::nfkc);
        let o_tokens = tokenize(original, true);
        let p_tokens = tokenize(paraphrase, true);
        let o = vocabulary.units(original, &o_tokens, &options);
        let p = vocabulary.units(paraphrase, &p_tokens, &options);
        let quoted_tokens = crate::sentences::quoted_tokens(paraphrase, &p_tokens);
        let quoted = p.token.iter().map(|&t| quoted_tokens[t as usize]).collect();
        Texts {
            vocabulary,
            original: o.id,
            paraphrase: p.id,
            quoted,
        }
    }

    fn runs(original: &str, paraphrase: &str, min_run: usize) -> Vec<Run> {
        let texts = prepare(original, paraphrase);
        let input = texts.input(min_run);
        find_runs(&input, &Budget::new(None))
    }

    #[test]
    fn identical_texts_are_one_run_in_place() {
        let text = "The council voted to build a bridge across the river.";
        let found = runs(text, text, 4);
        assert_eq!(found.len(), 1);
        // Runs end on a word: the final period is not part of it.
        assert_eq!(found[0].paraphrase, 0..10);
        assert_eq!(found[0].original, 0..10);
        assert_eq!(found[0].words, 10);
        assert!(!found[0].moved);
    }

    #[test]
    fn swapped_sentences_are_found_and_one_is_moved() {
        let a = "The council voted to build a new bridge. Work starts in October next year.";
        let b = "Work starts in October next year. The council voted to build a new bridge.";
        let found = runs(a, b, 4);
        assert_eq!(found.len(), 2);
        assert_eq!(found.iter().filter(|r| r.moved).count(), 1);
        assert_eq!(found.iter().map(|r| r.words).sum::<u32>(), 14);
    }

    #[test]
    fn runs_of_common_words_or_below_the_minimum_do_not_count() {
        assert!(
            runs(
                "and that is what it was",
                "so and that is what it was too",
                4
            )
            .is_empty()
        );
        assert!(runs("a red bridge here", "the red bridge there", 4).is_empty());
    }

    #[test]
    fn quoted_runs_are_flagged() {
        let a = r#"Kerry said the talks were honest and useful for both sides."#;
        let b = "He added: “the talks were honest and useful for both sides.”";
        let found = runs(a, b, 4);
        assert_eq!(found.len(), 1);
        assert!(found[0].quoted);
        let unquoted = runs(
            a,
            "He added that the talks were honest and useful for both.",
            4,
        );
        assert!(!unquoted[0].quoted);
    }

    #[test]
    fn a_repeated_source_is_taken_from_the_place_that_fits() {
        let a = "alpha beta gamma delta. one two three four five six. \
                 epsilon zeta eta theta. one two three four five six.";
        let b = "epsilon zeta eta theta. one two three four five six.";
        let found = runs(a, b, 4);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].original.start, 12);
    }

    #[test]
    fn repetitive_text_stays_cheap_and_whole() {
        let line = "the same line of text again and again\n";
        let text = line.repeat(5000);
        let found = runs(&text, &text, 4);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].words, 8 * 5000);
    }

    #[test]
    fn the_candidate_window_does_not_drift_along_repetitive_text() {
        // Each extension is one match; before the fix every line of this
        // text started a new diagonal (5,031 extensions of ~20k units).
        let text = "the same line of text again and again\n".repeat(5000);
        let texts = prepare(&text, &text);
        let input = texts.input(4);
        let extensions = seed_and_extend(&input, &Budget::new(None)).len();
        assert!(extensions <= 2 * MAX_CANDIDATES, "{extensions} extensions");
    }

    #[test]
    fn the_clock_cuts_the_search_short() {
        let text = "word ".repeat(20_000);
        let other: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        let texts = prepare(&text, &other);
        let input = texts.input(4);
        let budget = Budget::new(Some(0));
        assert!(find_runs(&input, &budget).is_empty());
        assert_eq!(budget.into_cut_short(), ["copied passages"]);
    }
}
