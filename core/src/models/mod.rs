//! Typed requests and answers of every method, read tolerantly and written exactly.
//!
//! Every answer field is optional (servers omit fields, and future releases add and
//! change them, guide 2.2); a value of an unexpected shape reads as `None` instead of
//! failing the call; numbers and booleans sent as strings are accepted; unknown fields
//! are kept in `extra` and sent back by a later put; unknown enum values are kept as
//! `Unknown(..)`. Where the guide and real servers spell a field two ways, both are read.

#[macro_use]
mod common;

pub use common::*;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Reads any optional field leniently: the value as it is, else a string holding a
/// number or boolean, else a number or boolean as text; anything else is `None`.
pub(crate) fn lenient_field<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    if let Ok(t) = T::deserialize(&v) {
        return Ok(Some(t));
    }
    let alt = match &v {
        Value::String(s) => serde_json::from_str::<Value>(s.trim())
            .ok()
            .filter(|x| x.is_number() || x.is_boolean()),
        Value::Number(_) | Value::Bool(_) => Some(Value::String(v.to_string())),
        _ => None,
    };
    Ok(alt.and_then(|a| T::deserialize(&a).ok()))
}

/// Declares an answer or request model: every field optional and lenient, unknown
/// fields kept in `extra`. Fields after `; list` are vectors that read anything but an
/// array as empty.
macro_rules! model {
    ($(#[$m:meta])* $name:ident {
        $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)?
        $(; list $( $(#[$lm:meta])* $lfield:ident : $lty:ty ),* $(,)? )?
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $(
                $(#[$fm])*
                #[serde(default, deserialize_with = "crate::models::lenient_field", skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            $($(
                $(#[$lm])*
                #[serde(default, deserialize_with = "crate::models::lenient::vec")]
                pub $lfield: Vec<$lty>,
            )*)?
            /// Fields this SDK does not know, kept and sent back as they came.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }
    };
}

mod types;
pub use types::*;
