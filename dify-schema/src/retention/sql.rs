//! The statements a purge sends, rendered from the plan. Every value is a
//! bind (text, cast where it is used), so one statement text serves every
//! batch and PostgreSQL plans it like the prepared statement it is.

use crate::quote::ident;

use super::plan::{Child, Root};

/// A bound value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bind {
    Text(String),
    TextArray(Vec<String>),
    Int(i64),
}

/// A statement and its binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl Statement {
    fn new() -> Self {
        Statement {
            sql: String::new(),
            binds: Vec::new(),
        }
    }

    /// Adds a bind and returns its placeholder.
    fn bind(&mut self, value: Bind) -> String {
        self.binds.push(value);
        format!("${}", self.binds.len())
    }

    /// The text with every bind written as a literal, for `EXPLAIN`.
    pub fn inlined(&self) -> String {
        let mut sql = self.sql.clone();
        // Highest first, so `$1` does not eat the start of `$12`.
        for (n, bind) in self.binds.iter().enumerate().rev() {
            let literal = match bind {
                Bind::Text(text) => crate::quote::string_literal(text),
                Bind::Int(n) => n.to_string(),
                Bind::TextArray(items) => format!(
                    "ARRAY[{}]::text[]",
                    items
                        .iter()
                        .map(|item| crate::quote::string_literal(item))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            sql = sql.replace(&format!("${}", n + 1), &literal);
        }
        sql
    }
}

/// When a root's rows expire: timestamps (text PostgreSQL reads, such as
/// `2026-11-05 00:00:00` or `-infinity`) before which rows are gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cuts {
    /// For workspaces without an override.
    pub default: String,
    /// The latest of all cuts: the bound of the index range a purge walks.
    pub latest: String,
    /// Per workspace (uuid text), its own cut.
    pub overrides: Vec<(String, String)>,
}

/// `FROM ... WHERE ...` of a root's expired rows (alias `r`).
fn expired(statement: &mut Statement, root: &Root, cuts: &Cuts) -> (String, String) {
    let column = format!("r.{}", ident(root.column));
    let mut from = format!("{} r{}", ident(&root.table.name), root.tenant_joins);
    let condition = if cuts.overrides.is_empty() {
        let default = statement.bind(Bind::Text(cuts.default.clone()));
        format!("{column} < {default}::timestamp")
    } else {
        let tenants = statement.bind(Bind::TextArray(
            cuts.overrides
                .iter()
                .map(|(tenant, _)| tenant.clone())
                .collect(),
        ));
        let times = statement.bind(Bind::TextArray(
            cuts.overrides.iter().map(|(_, cut)| cut.clone()).collect(),
        ));
        from.push_str(&format!(
            " LEFT JOIN unnest({tenants}::uuid[], {times}::timestamp[]) AS o(tenant, cut) ON o.tenant = {}",
            root.tenant
        ));
        let latest = statement.bind(Bind::Text(cuts.latest.clone()));
        let default = statement.bind(Bind::Text(cuts.default.clone()));
        // The first bound is the index range; the second is each row's own.
        format!(
            "{column} < {latest}::timestamp AND {column} < COALESCE(o.cut, {default}::timestamp)"
        )
    };
    (from, condition)
}

/// The next batch of a root's expired rows, in index order after the
/// cursor, locked: `id`, `at` (the timestamp as text) and `day`.
pub fn root_batch(root: &Root, cuts: &Cuts, cursor: Option<(&str, &str)>, limit: u32) -> Statement {
    let mut statement = Statement::new();
    let (from, mut condition) = expired(&mut statement, root, cuts);
    let column = format!("r.{}", ident(root.column));
    let key = format!("r.{}", ident(root.key.name));
    if let Some((at, id)) = cursor {
        let at = statement.bind(Bind::Text(at.to_owned()));
        let id = statement.bind(Bind::Text(id.to_owned()));
        condition.push_str(&format!(
            " AND ({column}, {key}) > ({at}::timestamp, {id}::{})",
            root.key.sql_type
        ));
    }
    let limit = statement.bind(Bind::Int(limit.into()));
    statement.sql = format!(
        "SELECT {key}::text AS id, {column}::text AS at, {column}::date::text AS day \
         FROM {from} WHERE {condition} ORDER BY {column}, {key} LIMIT {limit}::bigint FOR UPDATE OF r"
    );
    statement
}

/// The keys of a child's rows whose parent is one of `parents`.
pub fn child_keys(child: &Child, parent_type: &str, parents: Vec<String>) -> Statement {
    let mut statement = Statement::new();
    let parents = statement.bind(Bind::TextArray(parents));
    statement.sql = format!(
        "SELECT {}::text AS id FROM {} WHERE {} = ANY({parents}::{parent_type}[])",
        ident(child.key.name),
        ident(&child.table.name),
        ident(child.column),
    );
    statement
}

/// Deletes the rows of `table` whose `column` is one of `values`; with
/// `archive`, returns each row as JSON (`row`).
pub fn delete(
    table: &str,
    column: &str,
    sql_type: &str,
    values: Vec<String>,
    archive: bool,
) -> Statement {
    let mut statement = Statement::new();
    let values = statement.bind(Bind::TextArray(values));
    let returning = if archive {
        " RETURNING row_to_json(d)::text AS row"
    } else {
        ""
    };
    statement.sql = format!(
        "DELETE FROM {} AS d WHERE d.{} = ANY({values}::{sql_type}[]){returning}",
        ident(table),
        ident(column),
    );
    statement
}

/// How many rows of each table of the tree would go, per workspace:
/// one statement per table, root first (`tenant`, `n`).
pub fn counts(root: &Root, cuts: &Cuts) -> Vec<(String, Statement)> {
    fn walk(
        children: &[Child],
        parent_alias: &str,
        parent_key: &str,
        joins: &str,
        root: &Root,
        cuts: &Cuts,
        out: &mut Vec<(String, Statement)>,
    ) {
        for (n, child) in children.iter().enumerate() {
            let alias = format!("{parent_alias}_{n}");
            let joins = format!(
                "{joins} JOIN {} {alias} ON {alias}.{} = {parent_alias}.{}",
                ident(&child.table.name),
                ident(child.column),
                ident(parent_key)
            );
            out.push((child.table.name.to_string(), count(root, cuts, &joins)));
            walk(
                &child.children,
                &alias,
                child.key.name,
                &joins,
                root,
                cuts,
                out,
            );
        }
    }
    let mut out = vec![(root.table.name.to_string(), count(root, cuts, ""))];
    walk(&root.children, "r", root.key.name, "", root, cuts, &mut out);
    out
}

fn count(root: &Root, cuts: &Cuts, joins: &str) -> Statement {
    let mut statement = Statement::new();
    let (from, condition) = expired(&mut statement, root, cuts);
    statement.sql = format!(
        "SELECT {}::text AS tenant, count(*) AS n FROM {from}{joins} WHERE {condition} GROUP BY 1 ORDER BY 1",
        root.tenant
    );
    statement
}

/// Inserts an archive's rows (`$1`, a JSON array of `row_to_json`
/// objects) into `table`'s `columns`, skipping rows whose key is there.
pub fn restore(table: &str, columns: &[String]) -> String {
    let columns: Vec<String> = columns.iter().map(|column| ident(column)).collect();
    let columns = columns.join(", ");
    let name = ident(table);
    format!(
        "INSERT INTO {name} ({columns}) OVERRIDING SYSTEM VALUE SELECT {columns} \
         FROM json_populate_recordset(NULL::{name}, $1::json) ON CONFLICT DO NOTHING"
    )
}

/// Reads an archive batch back the way a restore would, inserting nothing:
/// a purge checks this before it deletes, so it never deletes rows its
/// archive could not restore.
pub fn restorable(table: &str) -> String {
    format!(
        "SELECT count(*) AS n FROM json_populate_recordset(NULL::{}, $1::json)",
        ident(table)
    )
}
