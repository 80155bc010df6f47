//! The progress shown on standard error while documents are read, drawn
//! only when standard error is a terminal and `--quiet` was not given.
//! When the size of the inputs is known up front (files and folders), a
//! bar of the bytes read with the rate, the time left, the documents read
//! and the inputs skipped; otherwise (standard input) a spinner with the
//! counts. The library never draws anything; this is the program's.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Show no progress (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A progress display for reading documents: a bar over `total_bytes`
/// when it is known, a spinner otherwise; hidden when quiet or when
/// standard error is not a terminal. Messages printed while it is drawn
/// go through [`Reading::suspend`] so they do not tear it.
pub struct Reading {
    bar: ProgressBar,
    /// Whether the bar counts bytes (the position) or documents.
    by_bytes: bool,
    documents: u64,
    skipped: u64,
}

impl Reading {
    /// The display for inputs of `total_bytes` bytes (`None`: unknown).
    pub fn new(total_bytes: Option<u64>) -> Self {
        let hidden = QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal();
        let target = if hidden {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let (bar, by_bytes) = match total_bytes {
            Some(total) if total > 0 => {
                let bar = ProgressBar::with_draw_target(Some(total), target);
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:30} {decimal_bytes}/{decimal_total_bytes} read, {decimal_bytes_per_sec}, {eta} left, {msg}",
                    )
                    .expect("a valid template"),
                );
                (bar, true)
            }
            _ => {
                let bar = ProgressBar::with_draw_target(None, target);
                bar.set_style(
                    ProgressStyle::with_template("{spinner} reading documents: {msg}, {elapsed}")
                        .expect("a valid template"),
                );
                (bar, false)
            }
        };
        let reading = Reading {
            bar,
            by_bytes,
            documents: 0,
            skipped: 0,
        };
        reading.show_counts();
        if !hidden {
            reading.bar.enable_steady_tick(Duration::from_millis(120));
        }
        reading
    }

    fn show_counts(&self) {
        let skipped = match self.skipped {
            0 => String::new(),
            n => format!(", {n} skipped"),
        };
        self.bar
            .set_message(format!("{} documents{skipped}", indicatif::HumanCount(self.documents)));
    }

    /// One document read; `bytes_read` is how far into the inputs.
    pub fn document(&mut self, bytes_read: u64) {
        self.documents += 1;
        self.moved(bytes_read);
    }

    /// One input skipped; `bytes_read` is how far into the inputs.
    pub fn skipped(&mut self, bytes_read: u64) {
        self.skipped += 1;
        self.moved(bytes_read);
    }

    fn moved(&self, bytes_read: u64) {
        if self.by_bytes {
            self.bar.set_position(bytes_read);
        }
        // the message is cheap to set but not free: not on every document
        if self.documents % 256 == 0 || self.skipped > 0 {
            self.show_counts();
        }
    }

    /// Run `f` (which prints to standard error) with the display cleared.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clear the display: reading is done.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
