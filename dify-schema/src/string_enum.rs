//! String enums stored as varchar (Dify's `EnumText`).
//!
//! `#[derive(StringEnum)]` implements [`StringEnum`] and Diesel's `ToSql` /
//! `FromSql` for `Text` (PostgreSQL's varchar and text are one type to
//! Diesel). A value read from the database that the enum does not know is
//! an [`UnknownEnumValue`] error, never a panic: Dify adds values over time,
//! and an older service must be able to say what it found.

use std::fmt;

/// A Rust enum whose variants are stored as fixed strings.
pub trait StringEnum: Sized + Copy + 'static {
    /// The Rust name of the enum, e.g. `AppMode`.
    const NAME: &'static str;
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// Every stored value, in declaration order.
    const VALUES: &'static [&'static str];
    /// The same values as the schema IR holds them (a column's
    /// `schema::EnumInfo`); `#[derive(StringEnum)]` writes both.
    #[doc(hidden)]
    const IR_VALUES: &'static [std::borrow::Cow<'static, str>];

    /// The stored value of this variant.
    fn as_str(&self) -> &'static str;

    /// The variant stored as `value`, or an error that names the enum and the value.
    fn from_db_str(value: &str) -> Result<Self, UnknownEnumValue> {
        Self::ALL
            .iter()
            .zip(Self::VALUES)
            .find(|(_, stored)| **stored == value)
            .map(|(variant, _)| *variant)
            .ok_or_else(|| UnknownEnumValue {
                enum_name: Self::NAME,
                value: value.to_owned(),
            })
    }
}

/// A stored value that the enum does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    /// The Rust enum that was read, e.g. `AppMode`.
    pub enum_name: &'static str,
    /// What the database held.
    pub value: String,
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the database holds `{}`, which is not a value of `{}`",
            self.value, self.enum_name
        )
    }
}

impl std::error::Error for UnknownEnumValue {}

/// Fails to compile, with a message naming the column's type, when a
/// varchar or text column is held by a type that is not a string enum.
#[doc(hidden)]
pub const fn assert_string_enum<T: StringEnumColumn>() {}

/// The bound behind [`assert_string_enum`], with the message a schema author sees.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a varchar or text column",
    label = "this type is neither `String` nor a string enum",
    note = "use `String`, or derive a string enum: `#[derive(Clone, Copy, StringEnum)] enum {Self} {{ ... }}`"
)]
pub trait StringEnumColumn: Sized {
    const NAME: &'static str;
    const VALUES: &'static [&'static str];
    const IR_VALUES: &'static [std::borrow::Cow<'static, str>];
    fn to_db_str(self) -> &'static str;
    fn from_db_string(value: &str) -> Result<Self, UnknownEnumValue>;
}

impl<T: StringEnum> StringEnumColumn for T {
    const NAME: &'static str = T::NAME;
    const VALUES: &'static [&'static str] = T::VALUES;
    const IR_VALUES: &'static [std::borrow::Cow<'static, str>] = T::IR_VALUES;
    fn to_db_str(self) -> &'static str {
        self.as_str()
    }
    fn from_db_string(value: &str) -> Result<Self, UnknownEnumValue> {
        T::from_db_str(value)
    }
}

/// Converts a column's text to its enum while a row is read; an unknown
/// value becomes a deserialization error, which [`crate::Error`] turns
/// into `UnknownEnumValue` with the column's name.
#[doc(hidden)]
pub fn enum_from_row<T: StringEnumColumn>(
    column: &'static str,
    value: &str,
) -> diesel::deserialize::Result<T> {
    T::from_db_string(value).map_err(|value| {
        Box::new(UnknownEnumInColumn { column, value }) as Box<dyn std::error::Error + Send + Sync>
    })
}

/// An [`UnknownEnumValue`] and the column it was read from.
#[doc(hidden)]
#[derive(Debug)]
pub struct UnknownEnumInColumn {
    pub column: &'static str,
    pub value: UnknownEnumValue,
}

impl fmt::Display for UnknownEnumInColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column `{}`: {}", self.column, self.value)
    }
}

impl std::error::Error for UnknownEnumInColumn {}

/// The length in characters of the longest value, for the compile-time
/// check that every value of an enum fits its varchar column.
#[doc(hidden)]
pub const fn max_len(values: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < values.len() {
        // Count characters, not bytes: varchar(n) limits characters.
        let bytes = values[i].as_bytes();
        let mut chars = 0;
        let mut j = 0;
        while j < bytes.len() {
            if bytes[j] & 0xC0 != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        if chars > longest {
            longest = chars;
        }
        i += 1;
    }
    longest
}
