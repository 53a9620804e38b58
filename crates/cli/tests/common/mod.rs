//! Running the built `eventpen` binary from the CLI tests: the one place that spawns it, feeds
//! its standard input from a thread (so a large input can never deadlock against a full output
//! pipe) and collects what it did.
#![allow(dead_code)] // each test file uses the part it needs

pub mod logs;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What a run printed and returned.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output (the CLI writes UTF-8 only).
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Run `eventpen SUBCOMMAND ARGS…` in `dir`, with `stdin` as its standard input.
pub fn run_in(dir: &Path, subcommand: &str, args: &[&str], stdin: &[u8]) -> Outcome {
    run_with_env(dir, subcommand, args, stdin, &[])
}

/// [`run_in`] with extra environment variables (e.g. `RAYON_NUM_THREADS`).
pub fn run_with_env(
    dir: &Path,
    subcommand: &str,
    args: &[&str],
    stdin: &[u8],
    env: &[(&str, &str)],
) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eventpen"))
        .envs(env.iter().copied())
        .arg(subcommand)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the eventpen binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&stdin));
    let output = child
        .wait_with_output()
        .expect("the eventpen binary finishes");
    // The binary may exit before reading all of stdin (a usage error): that is not a failure.
    let _ = feeder.join();
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}
