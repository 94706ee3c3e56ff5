//! What a purge walks, read from the declarations: each root table (rows
//! that expire) with the tree of tables whose rows go with it.

use crate::quote::ident;
use crate::render::postgres::column_type;
use crate::schema::{Retention, Schema, Table, TenantStep};

use super::error::PurgeError;

/// A table whose rows expire, and what goes with them.
#[derive(Debug)]
pub struct Root<'s> {
    pub table: &'s Table,
    /// The timestamp column rows expire by.
    pub column: &'s str,
    /// How long rows live unless a workspace says otherwise.
    pub days: u32,
    pub key: Key<'s>,
    /// Tables whose rows go with a root row.
    pub children: Vec<Child<'s>>,
    /// The joins from the root (`r`) to the table holding its tenant, and
    /// the tenant expression (`r.tenant_id`, `t1.tenant_id`).
    pub tenant_joins: String,
    pub tenant: String,
}

/// A table whose rows go with their parent's row.
#[derive(Debug)]
pub struct Child<'s> {
    pub table: &'s Table,
    /// The column that references the parent's key.
    pub column: &'s str,
    pub key: Key<'s>,
    pub children: Vec<Child<'s>>,
}

/// A table's one-column key: its name and SQL type (for array binds).
#[derive(Debug, Clone)]
pub struct Key<'s> {
    pub name: &'s str,
    pub sql_type: String,
}

/// The roots of a schema, each with its tree, in declaration order.
pub fn roots(schema: &Schema) -> Result<Vec<Root<'_>>, PurgeError> {
    schema
        .tables()
        .filter_map(|table| match &table.retention {
            Some(Retention::Expires { column, days }) => Some((table, column, *days)),
            _ => None,
        })
        .map(|(table, column, days)| {
            let (tenant_joins, tenant) = tenant_of_root(schema, table)?;
            Ok(Root {
                table,
                column,
                days,
                key: key(table)?,
                children: children(schema, table, 0)?,
                tenant_joins,
                tenant,
            })
        })
        .collect()
}

fn key(table: &Table) -> Result<Key<'_>, PurgeError> {
    let invalid = || PurgeError::Declaration {
        table: table.name.to_string(),
        reason: "a purged table needs a one-column primary key".into(),
    };
    let [name] = &*table.primary_key.columns else {
        return Err(invalid());
    };
    let column = table.column(name).ok_or_else(invalid)?;
    Ok(Key {
        name,
        sql_type: column_type(column.sql_type),
    })
}

/// The tables declaring `#[retention(with = ...)]` toward `parent`.
fn children<'s>(
    schema: &'s Schema,
    parent: &Table,
    depth: usize,
) -> Result<Vec<Child<'s>>, PurgeError> {
    if depth > 8 {
        return Err(PurgeError::Declaration {
            table: parent.name.to_string(),
            reason: "its `retention(with = ...)` tree is deeper than 8 levels (a cycle?)".into(),
        });
    }
    let mut out = Vec::new();
    for table in schema.tables() {
        let Some(Retention::With { column }) = &table.retention else {
            continue;
        };
        let relation = table
            .relations
            .iter()
            .find(|relation| relation.column == *column)
            .ok_or_else(|| PurgeError::Declaration {
                table: table.name.to_string(),
                reason: format!("`retention(with = {column})` names a column with no `references`"),
            })?;
        if relation.parent_table != parent.name {
            continue;
        }
        out.push(Child {
            table,
            column,
            key: key(table)?,
            children: children(schema, table, depth + 1)?,
        });
    }
    Ok(out)
}

/// The joins from a root row (`r`) to its tenant, by its `owner` chain.
/// Outer joins: a row whose parent is gone still expires, under the
/// default retention.
fn tenant_of_root(schema: &Schema, table: &Table) -> Result<(String, String), PurgeError> {
    let mut joins = String::new();
    let mut alias = "r".to_owned();
    for (n, step) in crate::schema::tenant_path(table, |name| schema.table(name)).enumerate() {
        match step {
            TenantStep::Tenant { column, .. } => {
                return Ok((joins, format!("{alias}.{}", ident(column))));
            }
            TenantStep::Via {
                column,
                parent,
                key,
                ..
            } => {
                let next = format!("t{}", n + 1);
                joins.push_str(&format!(
                    " LEFT JOIN {} {next} ON {next}.{} = {alias}.{}",
                    ident(&parent.name),
                    ident(key),
                    ident(column)
                ));
                alias = next;
            }
        }
    }
    Err(PurgeError::Declaration {
        table: table.name.to_string(),
        reason: "its rows lead to no workspace".into(),
    })
}

impl Root<'_> {
    /// Every table of the tree, root first, each with its depth.
    pub fn tables(&self) -> Vec<(&Table, usize)> {
        fn walk<'a>(children: &'a [Child<'a>], depth: usize, out: &mut Vec<(&'a Table, usize)>) {
            for child in children {
                out.push((child.table, depth));
                walk(&child.children, depth + 1, out);
            }
        }
        let mut out = vec![(self.table, 0)];
        walk(&self.children, 1, &mut out);
        out
    }
}
