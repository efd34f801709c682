//! The time a comparison may spend.
//!
//! Stages ask [`Budget::expired`] at coarse intervals and, once it is, take
//! the cheaper path: what they produce stays a valid comparison, only a
//! coarser one, and the result says which stages were cut short.
//!
//! The stages that search (copied passages, sentence pairs, word changes,
//! character changes) can take any time; everything else (reading the
//! texts, labelling, the JSON model, the reports, the page's arrays) is
//! linear in the input and runs whatever the clock says. So the searching
//! stages stop early enough to leave that work its time: the deadline is
//! the budget less [`TAIL_MS_PER_MB`] for each MB of input (at most half the
//! budget, see [`search_ms`]). With the default 5 s, a whole run then ends
//! within the budget plus a second on the worst inputs known
//! (`node bench/worst.mjs`, bench/README.md).
//!
//! The budget also carries the comparison's [`Progress`], if anyone
//! listens: the checkpoints that look at the clock say how far they are
//! ([`Budget::report`]).

use std::cell::RefCell;
use std::time::Duration;

use web_time::Instant;

use crate::progress::{Progress, Stage};

/// Milliseconds kept back from the searching stages per MB (2^20 bytes) of
/// the two texts, for the linear work after them. Measured on the worst
/// inputs of `bench/worst.mjs` with the deadline passed before the search
/// began: that work took at most 0.13 s a MB natively (250,000 sentences
/// in one paragraph written as pretty JSON, 13.5 MB in all: 1.8 s) and
/// 0.09 s a MB in WebAssembly (the same pair, to its typed arrays).
pub const TAIL_MS_PER_MB: u64 = 100;

/// The time the searching stages of a comparison may take, in milliseconds,
/// out of a budget of `budget_ms` for texts of `input_bytes` in all.
pub fn search_ms(budget_ms: u64, input_bytes: usize) -> u64 {
    let tail = (input_bytes as u64).saturating_mul(TAIL_MS_PER_MB) >> 20;
    budget_ms - tail.min(budget_ms / 2)
}

/// Pairs between reports of [`Stage::WordChanges`]: a pair's diff takes
/// microseconds, a look at the clock about one.
const PAIRS_A_REPORT: usize = 64;

/// A deadline and the notes of what was cut short because of it; and who
/// hears how far the comparison is.
pub struct Budget {
    deadline: Option<Instant>,
    cut_short: RefCell<Vec<&'static str>>,
    progress: Option<Progress>,
}

impl std::fmt::Debug for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Budget")
            .field("deadline", &self.deadline)
            .field("cut_short", &self.cut_short)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Budget {
    /// A budget of `milliseconds` from now; `None` never expires.
    pub fn new(milliseconds: Option<u64>) -> Self {
        let deadline =
            milliseconds.and_then(|ms| Instant::now().checked_add(Duration::from_millis(ms)));
        Budget {
            deadline,
            cut_short: RefCell::new(Vec::new()),
            progress: None,
        }
    }

    /// The same budget, its stages reporting to `progress` (if any).
    pub fn with_progress(self, progress: Option<Progress>) -> Self {
        Budget { progress, ..self }
    }

    /// Tells the progress, if any, that `done` of `total` of `stage` is done.
    /// Out of line, as [`Budget::expired`].
    #[inline(never)]
    pub fn report(&self, stage: Stage, done: usize, total: usize) {
        if let Some(progress) = &self.progress {
            progress.report(stage, done, total);
        }
    }

    /// Whether the time is up.
    ///
    /// Not inlined, nor is [`Budget::cut_short`]: each is called from a
    /// dozen places, and inlined copies cost 0.4 KB of the gzipped
    /// WebAssembly build.
    #[inline(never)]
    pub fn expired(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| Instant::now() >= deadline)
    }

    /// The deadline, for `similar`, whose diffs fall back to an approximation
    /// when it passes.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Records that `stage` settled for a coarser answer.
    #[inline(never)]
    pub fn cut_short(&self, stage: &'static str) {
        let mut stages = self.cut_short.borrow_mut();
        if !stages.contains(&stage) {
            stages.push(stage);
        }
    }

    /// The stages that settled for a coarser answer, in the order they did.
    pub fn into_cut_short(self) -> Vec<&'static str> {
        self.cut_short.into_inner()
    }

    /// Tells the progress, if any, that pass `pass` over the pairs of
    /// [`Stage::WordChanges`] (0: word diffs, 1: verdicts, 2: cleanup, 3:
    /// fragments, 4: character diffs; each a fifth of the stage) is at
    /// pair `i` of `pairs`, every `PAIRS_A_REPORT` (64) pairs.
    #[inline(never)]
    pub fn report_pair(&self, i: usize, pairs: usize, pass: usize) {
        if i.is_multiple_of(PAIRS_A_REPORT) {
            self.report(Stage::WordChanges, pass * pairs + i, 5 * pairs);
        }
    }

    /// A clock for a loop of `stage` whose steps are too cheap to look at
    /// the time each: see [`Clock`].
    pub fn clock(&self, stage: &'static str, interval: u32) -> Clock<'_> {
        Clock {
            budget: self,
            stage,
            interval: interval.max(1),
            steps: 0,
            up: false,
        }
    }
}

/// Looks at the time every `interval` steps of a loop; once it is up, it
/// stays up and the budget notes that the stage was cut short.
#[derive(Debug)]
pub struct Clock<'b> {
    budget: &'b Budget,
    stage: &'static str,
    interval: u32,
    steps: u32,
    up: bool,
}

impl Clock<'_> {
    /// Counts a step; whether the time is up (as of the last look).
    pub fn time_is_up(&mut self) -> bool {
        if !self.up {
            self.steps += 1;
            if self.steps.is_multiple_of(self.interval) && self.budget.expired() {
                self.budget.cut_short(self.stage);
                self.up = true;
            }
        }
        self.up
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_leaves_time_for_the_work_after_it() {
        const MB: usize = 1 << 20;
        assert_eq!(search_ms(5000, 0), 5000);
        assert_eq!(search_ms(5000, 16 * MB), 3400);
        // Never more than half the budget is kept back.
        assert_eq!(search_ms(1000, 16 * MB), 500);
        assert_eq!(search_ms(0, 16 * MB), 0);
    }

    #[test]
    fn a_clock_looks_every_interval_and_stays_up() {
        let budget = Budget::new(Some(0));
        let mut clock = budget.clock("sentence pairs", 3);
        let looks: Vec<bool> = (0..5).map(|_| clock.time_is_up()).collect();
        assert_eq!(looks, [false, false, true, true, true]);
        assert_eq!(budget.into_cut_short(), ["sentence pairs"]);

        let unlimited = Budget::new(None);
        let mut clock = unlimited.clock("character changes", 1);
        assert!((0..100).all(|_| !clock.time_is_up()));
        assert!(unlimited.into_cut_short().is_empty());
    }
}
