//! Inputs are measured while they are read: a file over the limit is refused from its size
//! before a byte is read, standard input is read up to the limit and no further, and a
//! `--batch` line over its cap is answered with an error without stopping the batch.
//! `eventpen events` streams events of any total size, but an input that is not events (here
//! 600 MB of zero bytes) is read whole and so still stops at 50 MiB.

mod common;

use common::run_in;
use std::fs::File;

/// A sparse file of `len` bytes (no disk space used) in a fresh temporary directory.
fn sparse_file(name: &str, len: u64) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("eventpen-size-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = File::create(dir.join(name)).expect("temporary file");
    file.set_len(len).expect("sparse file");
    dir
}

/// Subcommand, arguments, stdin, exit code, the start of stderr.
type Case<'a> = (&'a str, &'a [&'a str], &'a [u8], i32, &'a str);

#[test]
fn oversized_inputs_are_refused_with_the_limit_named() {
    let dir = sparse_file("huge.json", 600 * 1024 * 1024);
    let stdin = vec![b' '; 51 * 1024 * 1024];
    #[rustfmt::skip]
    let cases: &[Case] = &[
        // subcommand, arguments, stdin, exit code, stderr start
        ("events", &["huge.json"], b"", 2, "huge.json: not read: larger than 50 MiB, the most EventPen reads of an input that is not JSON Lines, a JSON array or a CloudTrail log file"),
        ("events", &["-"], &stdin, 2, "<stdin>: not read: larger than 50 MiB"),
        ("match", &["--pattern", "huge.json", "x.json"], b"", 2, "eventpen match: huge.json: larger than 1 MiB"),
        ("export", &["--pattern", "huge.json"], b"", 1, "eventpen export: cannot read huge.json: larger than 1 MiB"),
        ("test-event-pattern", &["--event-pattern", "{}", "--event", "file://huge.json"], b"", 252, "\nError parsing parameter '--event': Unable to load paramfile file://huge.json: larger than 500 MiB"),
    ];
    for (subcommand, args, stdin, code, stderr) in cases {
        let outcome = run_in(&dir, subcommand, args, stdin);
        assert_eq!(
            outcome.code, *code,
            "{subcommand} {args:?}: {}",
            outcome.stderr
        );
        assert!(
            outcome.stderr.starts_with(stderr),
            "{subcommand} {args:?}: {}",
            outcome.stderr
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
