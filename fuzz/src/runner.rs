//! The loop: run the seeds, then mutate corpus entries until the time is up; catch panics,
//! time every call, keep inputs the target calls interesting, save what failed.

use crate::mutate::mutate;
use crate::rng::Rng;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The time budget applies to inputs under this size (the "under 10 KB").
pub const BUDGET_INPUT_LIMIT: usize = 10 * 1024;

/// How many generated inputs the in-memory pool keeps besides the seeds.
const MAX_POOL: usize = 2000;

/// What a target says about an input that did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Reached deep code (a valid pattern, events read, a link opened): worth mutating further.
    Interesting,
    /// Stopped early (a syntax error, say).
    Boring,
}

/// A fuzz target: a name, a function that panics when an invariant breaks, and tokens the
/// mutator inserts.
pub struct Target {
    /// The name used on the command line and as the corpus folder.
    pub name: &'static str,
    /// Runs one input.
    pub run: fn(&[u8]) -> Verdict,
    /// Tokens worth inserting (operators, keys, magic bytes).
    pub dictionary: &'static [&'static [u8]],
}

/// How one run is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long to mutate after the seeds (0 = seeds only).
    pub duration: Duration,
    /// Calls slower than this on inputs under [`BUDGET_INPUT_LIMIT`] are slow cases.
    pub budget: Duration,
    /// The random seed (runs are reproducible for a given seed and corpus).
    pub seed: u64,
    /// Where `<target>/` seed folders are.
    pub corpus: PathBuf,
    /// Where failing inputs are written (`<target>/crash-<hash>`, `slow-<hash>`).
    pub artifacts: PathBuf,
}

/// One failure: what happened, on which input.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `crash` or `slow`.
    pub kind: &'static str,
    /// The panic message, or the time taken.
    pub detail: String,
    /// Where the input was saved.
    pub saved: Option<PathBuf>,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Calls made (seeds included; re-timings of a slow call not counted).
    pub executions: u64,
    /// Calls that panicked.
    pub crashes: u64,
    /// Calls over the budget (confirmed by re-running).
    pub slow: u64,
    /// The slowest confirmed call on an input under the limit.
    pub slowest: Duration,
    /// Inputs kept as interesting (seeds included).
    pub pool: usize,
    /// The first failures of each kind and message (at most 20).
    pub failures: Vec<Failure>,
}

/// The message of the last panic on this process, captured by the hook from [`quiet_panics`].
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Replace the panic hook with one that records the message instead of printing it: a fuzz
/// run panics on purpose thousands of times.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = format!("{place}: {message}");
        }
    }));
}

/// Run one call; `Err` holds the panic message.
fn call(target: &Target, input: &[u8]) -> (Result<Verdict, String>, Duration) {
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(input)));
    let elapsed = start.elapsed();
    let outcome = outcome.map_err(|_| {
        LAST_PANIC
            .lock()
            .map(|m| m.clone())
            .unwrap_or_else(|_| "panic".into())
    });
    (outcome, elapsed)
}

/// Seeds of a target: every file in `corpus/<name>/`, sorted by name (an empty seed if none).
pub fn seeds(corpus: &Path, name: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus.join(name))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut seeds: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    if seeds.is_empty() {
        seeds.push(Vec::new());
    }
    seeds
}

/// Run `target` as `options` say.
pub fn run(target: &Target, options: &Options) -> Report {
    let mut report = Report::default();
    let mut rng = Rng::new(options.seed);
    let mut pool = seeds(&options.corpus, target.name);
    let seed_count = pool.len();
    for input in &pool {
        execute(target, input, options, &mut report);
    }
    let deadline = Instant::now() + options.duration;
    while Instant::now() < deadline {
        for _ in 0..64 {
            let parent = rng.below(pool.len());
            let other = rng.below(pool.len());
            let input = mutate(&mut rng, &pool[parent], &pool[other], target.dictionary);
            if execute(target, &input, options, &mut report) == Some(Verdict::Interesting) {
                if pool.len() < seed_count + MAX_POOL {
                    pool.push(input);
                } else {
                    let replaced = seed_count + rng.below(MAX_POOL);
                    pool[replaced] = input;
                }
            }
        }
    }
    report.pool = pool.len();
    report
}

/// One input: call, classify, record. `None` when it failed.
fn execute(
    target: &Target,
    input: &[u8],
    options: &Options,
    report: &mut Report,
) -> Option<Verdict> {
    report.executions += 1;
    let (outcome, mut elapsed) = call(target, input);
    let verdict = match outcome {
        Ok(verdict) => verdict,
        Err(message) => {
            report.crashes += 1;
            record(report, options, target.name, "crash", message, input);
            return None;
        }
    };
    if input.len() < BUDGET_INPUT_LIMIT && elapsed > options.budget {
        // The machine is shared: a slow call counts only if it is slow every time, including
        // after short pauses that let other processes' bursts pass.
        for _ in 0..4 {
            std::thread::sleep(Duration::from_millis(25));
            elapsed = elapsed.min(call(target, input).1);
        }
        if elapsed > options.budget {
            report.slow += 1;
            report.slowest = report.slowest.max(elapsed);
            let detail = format!(
                "{:.1} ms on {} bytes",
                elapsed.as_secs_f64() * 1e3,
                input.len()
            );
            record(report, options, target.name, "slow", detail, input);
            return None;
        }
    }
    Some(verdict)
}

/// Save the input and remember the failure (once per message, at most 20).
fn record(
    report: &mut Report,
    options: &Options,
    name: &str,
    kind: &'static str,
    detail: String,
    input: &[u8],
) {
    let key = |f: &Failure| {
        (
            f.kind,
            f.detail.split(" on ").next().unwrap_or("").to_string(),
        )
    };
    let failure = Failure {
        kind,
        detail,
        saved: save(&options.artifacts.join(name), kind, input),
    };
    if report.failures.len() < 20 && !report.failures.iter().any(|f| key(f) == key(&failure)) {
        report.failures.push(failure);
    }
}

/// Write a failing input as `<kind>-<hash>`; the path, if writing worked.
fn save(dir: &Path, kind: &str, input: &[u8]) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(format!("{kind}-{:016x}", fnv1a(input)));
    std::fs::write(&path, input).ok()?;
    Some(path)
}

/// FNV-1a: a stable name for an input's bytes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
