//! The fuzz targets, one file each.

pub mod byte_path;
pub mod export;
pub mod ingest;
pub mod pattern;
pub mod share;

use crate::runner::Target;

/// Every target, in the order `make fuzz` runs them.
pub const ALL: &[Target] = &[
    Target {
        name: "pattern",
        run: pattern::run,
        dictionary: pattern::DICTIONARY,
    },
    Target {
        name: "byte_path",
        run: byte_path::run,
        dictionary: byte_path::DICTIONARY,
    },
    Target {
        name: "ingest",
        run: ingest::run,
        dictionary: ingest::DICTIONARY,
    },
    Target {
        name: "export",
        run: export::run,
        dictionary: export::DICTIONARY,
    },
    Target {
        name: "share",
        run: share::run,
        dictionary: share::DICTIONARY,
    },
];
