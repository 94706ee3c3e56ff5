//! The Rust types that hold column values.

pub use bigdecimal::BigDecimal;
pub use chrono::NaiveDateTime;

/// A `timestamptz` value.
pub type UtcDateTime = chrono::DateTime<chrono::Utc>;
pub use uuid::Uuid;

/// A `json` or `jsonb` value.
pub type Json = serde_json::Value;
