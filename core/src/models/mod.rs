//! Typed requests and answers of every method, read tolerantly and written exactly.
//!
//! Every answer field is optional (servers omit fields, and future releases add and
//! change them, guide 2.2); a value of an unexpected shape reads as `None` instead of
//! failing the call; numbers and booleans sent as strings are accepted; unknown fields
//! are kept in `extra` and written back by a later put; unknown enum values are kept as
//! `Unknown(..)`. Where the guide and real servers spell a field two ways, both are
//! read and the guide's spelling is written. Requests carry only the fields set.

#[macro_use]
mod common;
mod changedata;
mod cloud;
mod documents;
mod endpoints;
mod kinetic;
mod servers;
mod tables;
mod tasks;
mod veeam;

pub use changedata::*;
pub use cloud::*;
pub use common::*;
pub use documents::*;
pub use endpoints::*;
pub use kinetic::*;
pub use servers::*;
pub use tables::*;
pub use tasks::*;
pub use veeam::*;

#[cfg(test)]
pub(crate) mod tests;
