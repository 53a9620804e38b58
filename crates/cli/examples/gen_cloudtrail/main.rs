//! Generates a month of CloudTrail logs as CloudTrail delivers them to S3, for backtests and
//! throughput measurements: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`.
//! Deterministic (seeded); the output is never committed.
//!
//! `cargo run --release --example gen_cloudtrail -- OUT [--days 30] [--files-per-day 24]
//!  [--records-per-file 1000] [--seed 1] [--broken-every 0]`
//!
//! Days are days of November 2026 (at most 30). Each account and region gets `files-per-day`
//! files a day (one per hour of the day when 24), written by two threads.

mod records;

use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::path::{Path, PathBuf};

struct Options {
    out: PathBuf,
    days: u32,
    files_per_day: u32,
    records_per_file: usize,
    seed: u64,
    broken_every: u64,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: gen_cloudtrail OUT [--days N] [--files-per-day N] [--records-per-file N] [--seed N] [--broken-every N]")?;
    let mut options = Options {
        out: PathBuf::from(out),
        days: 30,
        files_per_day: 24,
        records_per_file: 1000,
        seed: 1,
        broken_every: 0,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number: u64 = value
            .parse()
            .map_err(|_| format!("{flag}: not a number: {value}"))?;
        match flag.as_str() {
            "--days" if (1..=30).contains(&number) => options.days = number as u32,
            "--files-per-day" if (1..=24).contains(&number) => {
                options.files_per_day = number as u32
            }
            "--records-per-file" => options.records_per_file = number as usize,
            "--seed" => options.seed = number,
            "--broken-every" => options.broken_every = number,
            _ => {
                return Err(format!(
                    "unknown option or value out of range: {flag} {value}"
                ));
            }
        }
    }
    Ok(options)
}

/// Writes the files of one (account, region, day); the seed depends only on them.
fn write_day(
    options: &Options,
    account_index: usize,
    region_index: usize,
    day: u32,
) -> std::io::Result<u64> {
    let account = records::ACCOUNTS[account_index];
    let region = records::REGIONS[region_index];
    let folder = options.out.join(format!(
        "AWSLogs/{account}/CloudTrail/{region}/2026/11/{day:02}"
    ));
    std::fs::create_dir_all(&folder)?;
    let seed = options.seed
        ^ ((account_index as u64) << 40)
        ^ ((region_index as u64) << 32)
        ^ u64::from(day);
    let mut rng = records::Rng::new(seed);
    let mut written = 0;
    for file in 0..options.files_per_day {
        let hour = file * 24 / options.files_per_day;
        let date = format!("2026-11-{day:02}");
        let text = records::log_file(
            &mut rng,
            account,
            region,
            &date,
            hour,
            options.records_per_file,
            options.broken_every,
        );
        let name = format!(
            "{account}_CloudTrail_{region}_202611{day:02}T{hour:02}00Z_{}.json.gz",
            rng.hex(16)
        );
        written += write_gzip(&folder.join(name), &text)?;
    }
    Ok(written)
}

fn write_gzip(path: &Path, text: &str) -> std::io::Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::new(6));
    encoder.write_all(text.as_bytes())?;
    let bytes = encoder.finish()?;
    std::fs::write(path, &bytes)?;
    Ok(bytes.len() as u64)
}

fn main() -> std::process::ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("gen_cloudtrail: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut jobs = Vec::new();
    for day in 1..=options.days {
        for account in 0..records::ACCOUNTS.len() {
            for region in 0..records::REGIONS.len() {
                jobs.push((account, region, day));
            }
        }
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let total = std::sync::atomic::AtomicU64::new(0);
    let failed = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| -> std::io::Result<()> {
                    loop {
                        let job = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(account, region, day)) = jobs.get(job) else {
                            return Ok(());
                        };
                        let written = write_day(&options, account, region, day)?;
                        total.fetch_add(written, std::sync::atomic::Ordering::Relaxed);
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join())
            .any(|r| !matches!(r, Ok(Ok(()))))
    });
    let files = jobs.len() as u64 * u64::from(options.files_per_day);
    eprintln!(
        "gen_cloudtrail: {files} files, {:.1} MB of .json.gz under {}",
        total.into_inner() as f64 / 1e6,
        options.out.display()
    );
    if failed {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
