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
}
