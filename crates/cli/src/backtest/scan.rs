//! Reading the files: one stream per file, files spread over cores, tallies merged in order.

use super::files::LogFile;
use super::tally::{Keep, Sample, Tally, Unreadable, is_read_only};
use eventpen_ingest::{Severity, Streamed, stream_input};
use eventpen_pattern::Pattern;
use indicatif::ProgressBar;
use rayon::prelude::*;
use std::fs::File;
use std::io;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};

/// What every file is read with.
pub struct Settings<'a> {
    /// The compiled pattern.
    pub pattern: &'a Pattern,
    /// Count per hour instead of per day.
    pub by_hour: bool,
    /// Whether read-only events reach the rule (state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS).
    pub all_management_events: bool,
    /// How many samples and problems to keep.
    pub keep: Keep,
    /// Set by Ctrl+C: stop reading, keep what was counted.
    pub interrupted: &'a AtomicBool,
}

/// Reads every file (in parallel) and merges the tallies in file order.
pub fn scan_all(files: &[LogFile], settings: &Settings<'_>, progress: &ProgressBar) -> Tally {
    files
        .par_iter()
        .map(|file| {
            let tally = scan_file(file, settings);
            progress.inc(file.size);
            tally
        })
        .reduce(Tally::default, |earlier, later| {
            earlier.merge(later, settings.keep)
        })
}

/// Reads one file to its end, to a problem that ends it, or to Ctrl+C.
fn scan_file(file: &LogFile, settings: &Settings<'_>) -> Tally {
    let mut tally = Tally::default();
    if settings.interrupted.load(Ordering::Relaxed) {
        return tally;
    }
    let name = if file.path.as_os_str() == "-" {
        String::from("<stdin>")
    } else {
        file.path.display().to_string()
    };
    let mut sink = |item: Streamed| {
        if settings.interrupted.load(Ordering::Relaxed) {
            return ControlFlow::Break(());
        }
        match item {
            Streamed::Event(streamed) => {
                tally.records += 1;
                let event = &streamed.event;
                if settings.pattern.matches(event) {
                    let read_only = is_read_only(event);
                    tally.read_only_matches += u64::from(read_only);
                    if settings.all_management_events || !read_only {
                        tally.count_match(event, settings.by_hour);
                        if tally.samples.len() < settings.keep.samples {
                            tally.samples.push(Sample {
                                file: name.clone(),
                                path: streamed.path.unwrap_or_default(),
                                event: streamed.event,
                            });
                        }
                    }
                }
            }
            Streamed::Problem(problem) if problem.severity == Severity::Error => {
                tally.unreadable_count += 1;
                if tally.unreadable.len() < settings.keep.problems {
                    tally.unreadable.push(Unreadable {
                        text: problem.to_string(),
                    });
                }
            }
            Streamed::Problem(_) => {}
        }
        ControlFlow::Continue(())
    };
    let summary = if file.path.as_os_str() == "-" {
        stream_input(&name, io::stdin().lock(), &mut sink)
    } else {
        match File::open(&file.path) {
            Ok(opened) => stream_input(&name, opened, &mut sink),
            Err(error) => {
                tally.unreadable_count += 1;
                tally.unreadable.push(Unreadable {
                    text: format!("{name}: cannot read: {error}"),
                });
                return tally;
            }
        }
    };
    tally.text_bytes = summary.text_bytes;
    if !summary.stopped {
        tally.files = 1;
        tally.stored_bytes = file.size;
    }
    tally
}
