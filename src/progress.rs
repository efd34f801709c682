//! How far a comparison is, for a reader waiting on a long one: the
//! [`Stage`] it is in, under a name a reader understands, and the share of
//! that stage done.
//!
//! The stages report at the checkpoints where they already look at the
//! clock ([`crate::budget`]), through the [`Progress`] the [`Budget`]
//! carries; without one (the command line, the library's one-call
//! functions) a report is a test of an `Option`. A [`Progress`] passes a
//! report on at most once an interval, never per word.
//!
//! [`Budget`]: crate::budget::Budget

use std::cell::Cell;
use std::time::Duration;

use web_time::Instant;

/// A stage of a comparison as a reader is told of it, in the order they
/// run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Stage {
    /// Stages 1–3 of both texts: words, keys, sentences.
    Reading,
    /// Stage 4: the copied runs.
    CopiedPassages,
    /// Stage 5: sentence pairs.
    SentencePairs,
    /// Stages 6–9: word diffs, verdicts, cleanup, character diffs.
    WordChanges,
    /// Stage 10: every word labelled, spans and statistics.
    Labelling,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Reading,
        Stage::CopiedPassages,
        Stage::SentencePairs,
        Stage::WordChanges,
        Stage::Labelling,
    ];

    /// The stage's name as the page shows it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Reading => "Reading the texts",
            Stage::CopiedPassages => "Finding copied passages",
            Stage::SentencePairs => "Pairing sentences",
            Stage::WordChanges => "Comparing words",
            Stage::Labelling => "Labelling the words",
        }
    }

    /// Its place among [`Stage::ALL`], counted from 1.
    pub fn step(self) -> u32 {
        self as u32 + 1
    }
}

/// Hands `observe` a stage and the share of it done (0 to 1), at most once
/// every `interval`: the first report that comes an interval after the
/// last one passed (or after the start) is passed on, the others dropped;
/// but once an interval has passed since the start, the first report of a
/// new stage is passed on at once (so a long stage is never shown under
/// the name of the one before; there are five). Within a stage the shares
/// passed on never go back.
pub struct Progress {
    observe: Box<dyn Fn(Stage, f64)>,
    interval: Duration,
    started: Instant,
    last: Cell<Instant>,
    stage: Cell<Stage>,
}

impl Progress {
    /// An observer that hears at most once every `interval`, from now on.
    pub fn new(interval: Duration, observe: impl Fn(Stage, f64) + 'static) -> Self {
        let now = Instant::now();
        Progress {
            observe: Box::new(observe),
            interval,
            started: now,
            last: Cell::new(now),
            stage: Cell::new(Stage::Reading),
        }
    }

    /// `done` of `total` of `stage` is done (a `total` of 0 counts as all
    /// done).
    #[inline(never)]
    pub fn report(&self, stage: Stage, done: usize, total: usize) {
        let now = Instant::now();
        let new_stage = stage != self.stage.get() && now - self.started >= self.interval;
        if now - self.last.get() < self.interval && !new_stage {
            return;
        }
        self.last.set(now);
        self.stage.set(stage);
        let share = if total == 0 {
            1.0
        } else {
            (done as f64 / total as f64).min(1.0)
        };
        (self.observe)(stage, share);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn the_stages_are_named_in_order() {
        let steps: Vec<u32> = Stage::ALL.iter().map(|s| s.step()).collect();
        assert_eq!(steps, [1, 2, 3, 4, 5]);
        assert!(Stage::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Stage::CopiedPassages.name(), "Finding copied passages");
    }

    #[test]
    fn reports_within_an_interval_of_the_last_are_dropped() {
        let heard = Rc::new(Cell::new(0));
        let counter = Rc::clone(&heard);
        let progress = Progress::new(Duration::from_secs(3600), move |_, _| {
            counter.set(counter.get() + 1)
        });
        for done in 0..1000 {
            progress.report(Stage::Reading, done, 1000);
        }
        assert_eq!(heard.get(), 0);

        // A new stage is heard at once, once an interval has passed since
        // the start, however recent the last report.
        let stages = Rc::new(std::cell::RefCell::new(Vec::new()));
        let kept = Rc::clone(&stages);
        let progress = Progress::new(Duration::from_millis(20), move |stage, _| {
            kept.borrow_mut().push(stage)
        });
        progress.report(Stage::CopiedPassages, 0, 1);
        std::thread::sleep(Duration::from_millis(25));
        progress.report(Stage::CopiedPassages, 1, 2);
        progress.report(Stage::CopiedPassages, 2, 2);
        progress.report(Stage::SentencePairs, 0, 1);
        progress.report(Stage::SentencePairs, 1, 2);
        assert_eq!(
            *stages.borrow(),
            [Stage::CopiedPassages, Stage::SentencePairs]
        );

        let shares = Rc::new(std::cell::RefCell::new(Vec::new()));
        let kept = Rc::clone(&shares);
        let progress = Progress::new(Duration::ZERO, move |stage, share| {
            kept.borrow_mut().push((stage, share))
        });
        progress.report(Stage::Reading, 1, 4);
        progress.report(Stage::Reading, 9, 4);
        progress.report(Stage::Labelling, 0, 0);
        assert_eq!(
            *shares.borrow(),
            [
                (Stage::Reading, 0.25),
                (Stage::Reading, 1.0),
                (Stage::Labelling, 1.0)
            ]
        );
    }
}
