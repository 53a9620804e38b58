//! `eventpen-fuzz [--seconds N] [--budget-ms N] [--seed N] [--corpus DIR] [--artifacts DIR] [TARGET…]`
//!
//! Runs each named target (all when none is named) for N seconds after its seeds, prints one
//! line per target (executions, crashes, slow cases) and exits non-zero if any failed.

use eventpen_fuzz::runner::{Options, quiet_panics, run};
use eventpen_fuzz::targets::ALL;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    match parse(std::env::args().skip(1).collect()) {
        Ok((options, names)) => fuzz(&options, &names),
        Err(message) => {
            eprintln!("eventpen-fuzz: {message}");
            ExitCode::from(2)
        }
    }
}

fn fuzz(options: &Options, names: &[String]) -> ExitCode {
    quiet_panics();
    let mut failed = false;
    for target in ALL
        .iter()
        .filter(|t| names.is_empty() || names.iter().any(|n| n == t.name))
    {
        let report = run(target, options);
        println!(
            "fuzz {}: {} executions, {} crashes, {} slow (budget {} ms), pool {}, {:.0} s",
            target.name,
            report.executions,
            report.crashes,
            report.slow,
            options.budget.as_millis(),
            report.pool,
            options.duration.as_secs_f64()
        );
        for failure in &report.failures {
            let saved = failure
                .saved
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let detail: String = failure.detail.chars().take(400).collect();
            println!("  {} {}: {}", failure.kind, saved, detail);
        }
        failed |= report.crashes > 0 || report.slow > 0;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(args: Vec<String>) -> Result<(Options, Vec<String>), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut options = Options {
        duration: Duration::from_secs(10),
        budget: Duration::from_millis(10),
        seed: 1,
        corpus: root.join("corpus"),
        artifacts: root.join("artifacts"),
    };
    let mut names = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or(format!("{flag} needs a value"));
        let number = |text: String, flag: &str| {
            text.parse::<u64>()
                .map_err(|_| format!("{flag} takes a whole number, not {text:?}"))
        };
        match arg.as_str() {
            "--seconds" => {
                options.duration = Duration::from_secs(number(value("--seconds")?, "--seconds")?)
            }
            "--budget-ms" => {
                options.budget =
                    Duration::from_millis(number(value("--budget-ms")?, "--budget-ms")?)
            }
            "--seed" => options.seed = number(value("--seed")?, "--seed")?,
            "--corpus" => options.corpus = PathBuf::from(value("--corpus")?),
            "--artifacts" => options.artifacts = PathBuf::from(value("--artifacts")?),
            name if ALL.iter().any(|t| t.name == name) => names.push(name.to_string()),
            other => {
                let known: Vec<&str> = ALL.iter().map(|t| t.name).collect();
                return Err(format!(
                    "unknown argument {other:?} (targets: {})",
                    known.join(", ")
                ));
            }
        }
    }
    Ok((options, names))
}
