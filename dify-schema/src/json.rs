//! Reading `json` and `jsonb` columns without serde_json's nesting limit.
//!
//! Diesel reads `json` with `serde_json::from_slice`, which refuses values
//! nested deeper than 128 levels. Dify's Python writes deeper ones happily
//! (a workflow graph, a tool's output), and one such row would make every
//! page that holds it fail. Generated rows read their JSON columns through
//! [`ReadJson`] and [`ReadNullableJson`] instead: the same PostgreSQL
//! types, parsed with the limit lifted and the parser's recursion on a
//! heap-grown stack (`serde_stacker`), so the depth is bounded only by
//! [`MAX_DEPTH`].
//!
//! [`MAX_DEPTH`] exists because a `serde_json::Value` is dropped, cloned
//! and printed recursively: a value tens of thousands of levels deep would
//! overflow the stack of the thread that drops it. Python's `json` stops
//! near 1,000 levels (its recursion limit), well inside the bound; a
//! deeper value is a typed error for its row, never an abort.

use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::sql_types::{Json, Jsonb, Nullable};
use serde::Deserialize;

/// The deepest JSON nesting a row may hold; see the module documentation.
pub const MAX_DEPTH: usize = 4096;

/// A JSON value nested deeper than [`MAX_DEPTH`].
#[derive(Debug, thiserror::Error)]
#[error("a JSON value nested deeper than {MAX_DEPTH} levels cannot be read")]
pub struct TooDeep;

/// Parses JSON text of any nesting up to [`MAX_DEPTH`].
pub fn parse(text: &[u8]) -> deserialize::Result<serde_json::Value> {
    if depth(text) > MAX_DEPTH {
        return Err(Box::new(TooDeep));
    }
    let mut json = serde_json::Deserializer::from_slice(text);
    json.disable_recursion_limit();
    let value = serde_json::Value::deserialize(serde_stacker::Deserializer::new(&mut json))?;
    json.end()?;
    Ok(value)
}

/// The deepest nesting of brackets outside strings; valid JSON is
/// assumed (the server checked it), so this only has to count.
fn depth(text: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &byte in text {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// jsonb's binary form: a version byte (1), then the text.
fn jsonb_text<'a>(value: &PgValue<'a>) -> deserialize::Result<&'a [u8]> {
    match value.as_bytes() {
        [1, text @ ..] => Ok(text),
        _ => Err("unsupported jsonb encoding version".into()),
    }
}

/// A `json`/`jsonb` column's value as a generated row reads it.
#[doc(hidden)]
#[derive(diesel::deserialize::FromSqlRow)]
pub struct ReadJson(pub serde_json::Value);

/// A nullable `json`/`jsonb` column's value as a generated row reads it.
#[doc(hidden)]
#[derive(diesel::deserialize::FromSqlRow)]
pub struct ReadNullableJson(pub Option<serde_json::Value>);

impl FromSql<Json, Pg> for ReadJson {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        parse(value.as_bytes()).map(ReadJson)
    }
}

impl FromSql<Jsonb, Pg> for ReadJson {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        parse(jsonb_text(&value)?).map(ReadJson)
    }
}

impl FromSql<Nullable<Json>, Pg> for ReadNullableJson {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        parse(value.as_bytes()).map(|value| ReadNullableJson(Some(value)))
    }

    fn from_nullable_sql(value: Option<PgValue<'_>>) -> deserialize::Result<Self> {
        match value {
            Some(value) => <Self as FromSql<Nullable<Json>, Pg>>::from_sql(value),
            None => Ok(ReadNullableJson(None)),
        }
    }
}

impl FromSql<Nullable<Jsonb>, Pg> for ReadNullableJson {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        parse(jsonb_text(&value)?).map(|value| ReadNullableJson(Some(value)))
    }

    fn from_nullable_sql(value: Option<PgValue<'_>>) -> deserialize::Result<Self> {
        match value {
            Some(value) => <Self as FromSql<Nullable<Jsonb>, Pg>>::from_sql(value),
            None => Ok(ReadNullableJson(None)),
        }
    }
}

// MySQL: MariaDB stores `json` as `longtext` and sends the text; MySQL 8
// sends its native `json` as text too.
impl FromSql<Json, diesel::mysql::Mysql> for ReadJson {
    fn from_sql(value: diesel::mysql::MysqlValue<'_>) -> deserialize::Result<Self> {
        parse(value.as_bytes()).map(ReadJson)
    }
}

impl FromSql<Nullable<Json>, diesel::mysql::Mysql> for ReadNullableJson {
    fn from_sql(value: diesel::mysql::MysqlValue<'_>) -> deserialize::Result<Self> {
        parse(value.as_bytes()).map(|value| ReadNullableJson(Some(value)))
    }

    fn from_nullable_sql(
        value: Option<diesel::mysql::MysqlValue<'_>>,
    ) -> deserialize::Result<Self> {
        match value {
            Some(value) => <Self as FromSql<Nullable<Json>, diesel::mysql::Mysql>>::from_sql(value),
            None => Ok(ReadNullableJson(None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!(
            "{}{{\"k\": \"[{{ \\\" \"}}{}",
            "[".repeat(levels - 1),
            "]".repeat(levels - 1)
        )
    }

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(depth(br#"{"a": "[[[{{", "b": [1, [2]]}"#), 3);
        assert_eq!(depth(br#""\"[""#), 0);
        assert_eq!(depth(nested(300).as_bytes()), 300);
    }

    #[test]
    fn deep_values_parse_up_to_the_bound_and_fail_typed_beyond() {
        let deep = parse(nested(MAX_DEPTH).as_bytes()).expect("parses");
        assert!(deep.is_array());
        let error = parse(nested(MAX_DEPTH + 1).as_bytes()).unwrap_err();
        assert!(error.downcast_ref::<TooDeep>().is_some(), "{error}");
    }
}
