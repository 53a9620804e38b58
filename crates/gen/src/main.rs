//! `eventpen-gen`: writes a generated trail, for benchmarks and scale tests.
//!
//! ```sh
//! eventpen-gen --events 100000 --format cloudtrail > trail.json
//! eventpen-gen --megabytes 1024 --format eventbridge-jsonl -o events.jsonl
//! ```
use clap::{Parser, ValueEnum};
use eventpen_gen::{DEFAULT_SEED, Trail};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// What a record averages, for sizing a trail given in megabytes.
const MEAN_RECORD_BYTES: u64 = 1_450;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One CloudTrail log file: {"Records": [...]}.
    Cloudtrail,
    /// CloudTrail records, one per line.
    Jsonl,
    /// EventBridge events (envelope + record under `detail`), one per line.
    EventbridgeJsonl,
}

/// Writes generated CloudTrail-shaped events (deterministic for a seed).
#[derive(Parser)]
#[command(name = "eventpen-gen")]
struct Args {
    /// How many records.
    #[arg(long, conflicts_with = "megabytes")]
    events: Option<usize>,
    /// About how many megabytes (MiB) to write, instead of a count.
    #[arg(long)]
    megabytes: Option<u64>,
    /// The output shape.
    #[arg(long, value_enum, default_value = "cloudtrail")]
    format: Format,
    /// The seed (the same seed and size give the same bytes).
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Write here instead of standard output.
    #[arg(short, long)]
    out: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let count = match (args.events, args.megabytes) {
        (Some(n), _) => n,
        (None, Some(mb)) => (mb * 1024 * 1024 / MEAN_RECORD_BYTES) as usize,
        (None, None) => 1_000,
    };
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("eventpen-gen: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    match write_trail(&mut out, Trail::new(args.seed, count), args.format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eventpen-gen: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_trail(out: &mut impl Write, trail: Trail, format: Format) -> std::io::Result<()> {
    const BATCH: usize = 1_000;
    if matches!(format, Format::Cloudtrail) {
        out.write_all(b"{\"Records\":[")?;
    }
    let mut start = 0;
    while start < trail.len() {
        let end = (start + BATCH).min(trail.len());
        let lines = match format {
            Format::EventbridgeJsonl => trail.eventbridge_events(start..end),
            _ => (start..end).map(|i| trail.record(i)).collect(),
        };
        for (offset, value) in lines.iter().enumerate() {
            if matches!(format, Format::Cloudtrail) && start + offset > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut *out, value)?;
            if !matches!(format, Format::Cloudtrail) {
                out.write_all(b"\n")?;
            }
        }
        start = end;
    }
    if matches!(format, Format::Cloudtrail) {
        out.write_all(b"]}\n")?;
    }
    out.flush()
}
