//! One component per file. Components get data and `on<verb>` callbacks; they hold only view state.
pub mod header;
