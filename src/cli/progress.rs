//! The progress shown on standard error while documents are read: a
//! spinner with the count of documents read and the time taken, drawn
//! only when standard error is a terminal and `--quiet` was not given.
//! The library never draws anything; this is the program's.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// Show no progress (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A progress display for reading documents; hidden when quiet or when
/// standard error is not a terminal. Messages printed while it is drawn
/// go through [`ProgressBar::suspend`] so they do not tear it.
pub fn reading() -> ProgressBar {
    if QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} reading documents: {human_pos} read, {elapsed}")
            .expect("a valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
