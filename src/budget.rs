//! The time a comparison may spend.
//!
//! Stages ask [`Budget::expired`] at coarse intervals and, once it is, take
//! the cheaper path: what they produce stays a valid comparison, only a
//! coarser one, and the result says which stages were cut short.

use std::cell::RefCell;
use std::time::Duration;

use web_time::Instant;

/// A deadline and the notes of what was cut short because of it.
#[derive(Debug)]
pub struct Budget {
    deadline: Option<Instant>,
    cut_short: RefCell<Vec<&'static str>>,
}

impl Budget {
    /// A budget of `milliseconds` from now; `None` never expires.
    pub fn new(milliseconds: Option<u64>) -> Self {
        let deadline =
            milliseconds.and_then(|ms| Instant::now().checked_add(Duration::from_millis(ms)));
        Budget {
            deadline,
            cut_short: RefCell::new(Vec::new()),
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
