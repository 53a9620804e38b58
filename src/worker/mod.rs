//! The evaluation core in a Web Worker: the protocol (pure), the worker side that runs the
//! `Session`, the page side that talks to it, and the App's hooks that keep both in step.
pub mod client;
pub mod host;
pub mod idb;
pub mod inputs;
pub mod protocol;
mod reader;
mod warm_up;
pub mod wiring;
