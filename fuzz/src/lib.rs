//! EventPen's fuzz suite on stable Rust: no sanitizer runtime, no nightly.
//!
//! A small mutational loop ([`runner`], [`mutate`]) feeds each [target](targets) bytes derived
//! from a committed seed corpus (`fuzz/corpus/<target>/`); targets use the `arbitrary` crate
//! to turn bytes into structured values. Every call runs under `catch_unwind` and a clock:
//! a panic is a crash, a call over the budget (10 ms by default) on an input under 10 KB is a
//! slow case; both are saved under `fuzz/artifacts/<target>/` and make the run fail.
//!
//! Built with the `fuzz` profile (optimised, with overflow checks and debug assertions):
//! `make fuzz` runs every target for minutes, `scripts/test.sh` for 10 seconds each.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod mutate;
pub mod rng;
pub mod runner;
pub mod targets;
