//! Streaming inputs of any size through all cores: read in chunks on one thread, split into
//! records, work on batches of records in rayon's pool, write the results in input order.
//! Shared by `eventpen match` and `eventpen events`.

mod bytes;
pub mod convert;
pub mod pipeline;
pub mod read;
mod split;

pub use bytes::Position;
pub use split::Container;
