//! Two MySQL catalogues, value by value: every difference as a
//! [`MysqlDrift`] naming its table and what differs.

use std::collections::BTreeMap;
use std::fmt;

use super::{MysqlCatalogue, MysqlColumnInfo, MysqlIndexInfo, MysqlTable};

/// One way the live catalogue differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MysqlDrift {
    MissingTable(String),
    ExtraTable(String),
    /// A table option (engine, collation). The order of the columns is not
    /// compared, as on PostgreSQL: the declarations list them in the
    /// models' order, Dify's databases in the order its migrations added
    /// them.
    Table {
        table: String,
        what: &'static str,
        expected: String,
        live: String,
    },
    MissingColumn {
        table: String,
        column: String,
    },
    ExtraColumn {
        table: String,
        column: String,
    },
    Column {
        table: String,
        column: String,
        what: &'static str,
        expected: String,
        live: String,
    },
    MissingIndex {
        table: String,
        index: String,
    },
    ExtraIndex {
        table: String,
        index: String,
    },
    Index {
        table: String,
        index: String,
        expected: String,
        live: String,
    },
    /// A foreign key or a check constraint, missing, extra or different.
    Constraint {
        table: String,
        kind: &'static str,
        name: String,
        expected: Option<String>,
        live: Option<String>,
    },
}

impl fmt::Display for MysqlDrift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MysqlDrift::MissingTable(table) => write!(f, "table `{table}` is missing"),
            MysqlDrift::ExtraTable(table) => write!(f, "table `{table}` is not declared"),
            MysqlDrift::Table {
                table,
                what,
                expected,
                live,
            } => write!(f, "table `{table}`: {what} is {live}, expected {expected}"),
            MysqlDrift::MissingColumn { table, column } => {
                write!(f, "column `{table}.{column}` is missing")
            }
            MysqlDrift::ExtraColumn { table, column } => {
                write!(f, "column `{table}.{column}` is not declared")
            }
            MysqlDrift::Column {
                table,
                column,
                what,
                expected,
                live,
            } => write!(
                f,
                "column `{table}.{column}`: {what} is {live}, expected {expected}"
            ),
            MysqlDrift::MissingIndex { table, index } => {
                write!(f, "index `{index}` on `{table}` is missing")
            }
            MysqlDrift::ExtraIndex { table, index } => {
                write!(f, "index `{index}` on `{table}` is not declared")
            }
            MysqlDrift::Index {
                table,
                index,
                expected,
                live,
            } => write!(
                f,
                "index `{index}` on `{table}` is {live}, expected {expected}"
            ),
            MysqlDrift::Constraint {
                table,
                kind,
                name,
                expected,
                live,
            } => match (expected, live) {
                (Some(_), None) => write!(f, "{kind} `{name}` on `{table}` is missing"),
                (None, Some(_)) => write!(f, "{kind} `{name}` on `{table}` is not declared"),
                (expected, live) => write!(
                    f,
                    "{kind} `{name}` on `{table}` is {}, expected {}",
                    live.as_deref().unwrap_or("-"),
                    expected.as_deref().unwrap_or("-")
                ),
            },
        }
    }
}

/// Every difference of `live` from `expected`; tables named in `ignore`
/// (bookkeeping) are left out on both sides.
pub fn compare(
    expected: &MysqlCatalogue,
    live: &MysqlCatalogue,
    ignore: &[&str],
) -> Vec<MysqlDrift> {
    let mut drift = Vec::new();
    let kept = |name: &&String| !ignore.contains(&name.as_str());
    for (name, table) in expected.tables.iter().filter(|(n, _)| kept(n)) {
        match live.tables.get(name) {
            None => drift.push(MysqlDrift::MissingTable(name.clone())),
            Some(found) => compare_table(name, table, found, &mut drift),
        }
    }
    for name in live.tables.keys().filter(kept) {
        if !expected.tables.contains_key(name) {
            drift.push(MysqlDrift::ExtraTable(name.clone()));
        }
    }
    drift
}

fn compare_table(
    name: &str,
    expected: &MysqlTable,
    live: &MysqlTable,
    drift: &mut Vec<MysqlDrift>,
) {
    let table = || name.to_owned();
    for (what, a, b) in [
        ("engine", &expected.engine, &live.engine),
        ("collation", &expected.collation, &live.collation),
    ] {
        if a != b {
            drift.push(MysqlDrift::Table {
                table: table(),
                what,
                expected: a.clone(),
                live: b.clone(),
            });
        }
    }
    let live_columns: BTreeMap<&str, &MysqlColumnInfo> =
        live.columns.iter().map(|c| (c.name.as_str(), c)).collect();
    for column in &expected.columns {
        match live_columns.get(column.name.as_str()) {
            None => drift.push(MysqlDrift::MissingColumn {
                table: table(),
                column: column.name.clone(),
            }),
            Some(found) => compare_column(name, column, found, drift),
        }
    }
    for column in &live.columns {
        if !expected.columns.iter().any(|c| c.name == column.name) {
            drift.push(MysqlDrift::ExtraColumn {
                table: table(),
                column: column.name.clone(),
            });
        }
    }
    for (index, declared) in &expected.indexes {
        match live.indexes.get(index) {
            None => drift.push(MysqlDrift::MissingIndex {
                table: table(),
                index: index.clone(),
            }),
            Some(found) if found != declared => drift.push(MysqlDrift::Index {
                table: table(),
                index: index.clone(),
                expected: describe_index(declared),
                live: describe_index(found),
            }),
            Some(_) => {}
        }
    }
    for index in live.indexes.keys() {
        if !expected.indexes.contains_key(index) {
            drift.push(MysqlDrift::ExtraIndex {
                table: table(),
                index: index.clone(),
            });
        }
    }
    let foreign_key = |key: &super::MysqlForeignKey| {
        format!(
            "({}) REFERENCES {} ({}) ON DELETE {} ON UPDATE {}",
            key.columns.join(", "),
            key.referenced_table,
            key.referenced_columns.join(", "),
            key.on_delete,
            key.on_update
        )
    };
    compare_named(
        name,
        "foreign key",
        &expected.foreign_keys,
        &live.foreign_keys,
        foreign_key,
        drift,
    );
    compare_named(
        name,
        "check constraint",
        &expected.checks,
        &live.checks,
        |clause| clause.clone(),
        drift,
    );
}

fn compare_column(
    table: &str,
    expected: &MysqlColumnInfo,
    live: &MysqlColumnInfo,
    drift: &mut Vec<MysqlDrift>,
) {
    let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".into());
    let bool_text = |nullable: bool| if nullable { "NULL" } else { "NOT NULL" }.to_owned();
    let checks: [(&'static str, String, String); 6] = [
        (
            "the type",
            expected.column_type.clone(),
            live.column_type.clone(),
        ),
        (
            "nullability",
            bool_text(expected.nullable),
            bool_text(live.nullable),
        ),
        ("the default", show(&expected.default), show(&live.default)),
        (
            "EXTRA",
            format!("'{}'", expected.extra),
            format!("'{}'", live.extra),
        ),
        (
            "the collation",
            show(&expected.collation),
            show(&live.collation),
        ),
        (
            "the generation expression",
            show(&expected.generation),
            show(&live.generation),
        ),
    ];
    for (what, a, b) in checks {
        if a != b {
            drift.push(MysqlDrift::Column {
                table: table.to_owned(),
                column: expected.name.clone(),
                what,
                expected: a,
                live: b,
            });
        }
    }
}

fn describe_index(index: &MysqlIndexInfo) -> String {
    let columns: Vec<String> = index
        .columns
        .iter()
        .map(|part| {
            let mut out = part.column.clone();
            if let Some(prefix) = part.prefix {
                out.push_str(&format!("({prefix})"));
            }
            if part.descending {
                out.push_str(" DESC");
            }
            out
        })
        .collect();
    format!(
        "{}({})",
        if index.unique { "UNIQUE " } else { "" },
        columns.join(", ")
    )
}

fn compare_named<T: PartialEq>(
    table: &str,
    kind: &'static str,
    expected: &BTreeMap<String, T>,
    live: &BTreeMap<String, T>,
    describe: impl Fn(&T) -> String,
    drift: &mut Vec<MysqlDrift>,
) {
    for (name, value) in expected {
        let found = live.get(name);
        if found != Some(value) {
            drift.push(MysqlDrift::Constraint {
                table: table.to_owned(),
                kind,
                name: name.clone(),
                expected: Some(describe(value)),
                live: found.map(&describe),
            });
        }
    }
    for (name, value) in live {
        if !expected.contains_key(name) {
            drift.push(MysqlDrift::Constraint {
                table: table.to_owned(),
                kind,
                name: name.clone(),
                expected: None,
                live: Some(describe(value)),
            });
        }
    }
}
