//! `#[retention(...)]` and `#[partition(...)]`: what a purge and the
//! partitioned layout need from a declaration, checked where it is written.
//!
//! A purge walks a root table in `(timestamp, key)` order and finds each
//! child by the column that references its parent, in small batches; both
//! walks need an index, so a declaration without one does not compile
//! (the database test `retention::every_purge_statement_uses_an_index`
//! checks with EXPLAIN that PostgreSQL uses them).

use syn::Ident;

/// Finds a column by name, reporting at the name when there is none
/// (`validate`'s `ColumnNames::find`).
pub type Find<'a> = &'a dyn Fn(&mut Ctxt, &Ident, &str) -> Option<usize>;

use crate::ctxt::Ctxt;
use crate::ir::{Column, Index, Ownership, PrimaryKey, Retention, UniqueConstraint};
use crate::parse::{PartitionDecl, RetentionDecl};

#[allow(clippy::too_many_arguments)]
pub fn retention(
    cx: &mut Ctxt,
    decl: RetentionDecl,
    columns: &[Column],
    find: Find,
    primary_key: Option<&PrimaryKey>,
    indexes: &[Index],
    unique_constraints: &[UniqueConstraint],
    ownership: Option<&Ownership>,
) -> Option<Retention> {
    if matches!(ownership, Some(Ownership::Global)) {
        cx.error_at(
            decl.attribute.span(),
            "retention runs per workspace: a global entity cannot declare it",
        );
        return None;
    }
    match (decl.on, decl.days, decl.with) {
        (Some(on), Some(days), None) => {
            let column = timestamp_column(cx, &on, columns, find, "`retention(on = ...)`")?;
            let days = match days.base10_parse::<u32>() {
                Ok(days) if days > 0 => days,
                _ => {
                    cx.error_at(days.span(), "`days` is a whole number of days, at least 1");
                    return None;
                }
            };
            let key = primary_key?.columns.clone();
            let wanted: Vec<usize> = std::iter::once(column).chain(key).collect();
            let ordered = indexes.iter().any(|index| {
                index.predicate.is_none()
                    && index.columns.len() >= wanted.len()
                    && index
                        .columns
                        .iter()
                        .zip(&wanted)
                        .all(|((c, desc), w)| c == w && !desc)
            });
            if !ordered {
                let names: Vec<_> = wanted.iter().map(|i| columns[*i].name.as_str()).collect();
                cx.error_at(
                    on.span(),
                    format!(
                        "a purge walks expired rows in ({}) order, in batches: declare `#[index(name = \"...\", columns({}))]`",
                        names.join(", "),
                        names.join(", ")
                    ),
                );
                return None;
            }
            Some(Retention::Expires { column, days })
        }
        (None, None, Some(with)) => {
            let column = find(cx, &with, "`retention(with = ...)`")?;
            if columns[column].relation.is_none() {
                cx.error_at(
                    with.span(),
                    format!(
                        "`retention(with = {with})` needs the column to say whose row it is: `#[column(uuid, references = Parent)]`"
                    ),
                );
                return None;
            }
            let leads = |first: Option<&usize>| first == Some(&column);
            let indexed = indexes.iter().any(|index| {
                index.predicate.is_none() && leads(index.columns.first().map(|(c, _)| c))
            }) || unique_constraints
                .iter()
                .any(|unique| leads(unique.columns.first()));
            if !indexed {
                cx.error_at(
                    with.span(),
                    format!(
                        "a purge finds these rows by `{with}`: declare an index that starts with it, `#[index(name = \"...\", columns({with}))]`"
                    ),
                );
                return None;
            }
            Some(Retention::With { column })
        }
        _ => {
            cx.error_at(
                decl.attribute.span(),
                "write `#[retention(on = created_at, days = 30)]` (the rows expire) or `#[retention(with = workflow_run_id)]` (they go with the row it references)",
            );
            None
        }
    }
}

pub fn partition(
    cx: &mut Ctxt,
    decl: PartitionDecl,
    columns: &[Column],
    find: Find,
    unique_constraints: &[UniqueConstraint],
) -> Option<usize> {
    let Some(by) = decl.by else {
        cx.error_at(
            decl.attribute.span(),
            "write `#[partition(by = created_at, interval = month)]`",
        );
        return None;
    };
    match &decl.interval {
        Some(interval) if interval == "month" => {}
        Some(interval) => {
            cx.error_at(
                interval.span(),
                "partitions are monthly: write `interval = month`",
            );
            return None;
        }
        None => {
            cx.error_at(
                decl.attribute.span(),
                "say the interval: `#[partition(by = created_at, interval = month)]`",
            );
            return None;
        }
    }
    let column = timestamp_column(cx, &by, columns, find, "`partition(by = ...)`")?;
    // PostgreSQL needs the partition column in every unique constraint;
    // the primary key gets it added (see `render::postgres`), a declared
    // constraint must say it.
    for unique in unique_constraints {
        if !unique.columns.contains(&column) {
            cx.error_at(
                unique.name_span,
                format!(
                    "a partitioned table's unique constraints must include `{}`, the partition column",
                    columns[column].name
                ),
            );
        }
    }
    Some(column)
}

fn timestamp_column(
    cx: &mut Ctxt,
    ident: &Ident,
    columns: &[Column],
    find: Find,
    what: &str,
) -> Option<usize> {
    let column = find(cx, ident, what)?;
    if !columns[column].sql_type.is_time() || columns[column].nullable {
        cx.error_at(
            ident.span(),
            format!("{what} names a NOT NULL timestamp column (`created_at: NaiveDateTime`)"),
        );
        return None;
    }
    Some(column)
}
