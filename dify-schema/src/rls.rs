//! Row-level security from the same declarations: defence in depth under
//! the compile-time scopes, for raw SQL and for anything that gets around
//! the types.
//!
//! Every tenant-owned table gets `ENABLE` and `FORCE ROW LEVEL SECURITY`
//! and one policy, `dify_tenant_isolation`, whose `USING` and `WITH CHECK`
//! compare the row's tenant (directly, or through the parent chain) with the
//! transaction-local setting `app.tenant_id` that [`crate::with_tenant`]
//! sets. With no tenant set the setting reads as `''` (or NULL), `nullif`
//! turns both into NULL, and the policy matches no row: it fails closed.
//!
//! The policies are a separate script ([`policies`]), not part of the schema
//! DDL: Dify's own Python services do not set `app.tenant_id`, so a
//! database they share must either leave RLS off or give them a role with
//! `BYPASSRLS`. [`verify`] is the start-up check.

use diesel::sql_types::{Bool, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use crate::error::Result;
use crate::render::postgres::ident;
use crate::schema::{Ownership, Schema, Table};
use crate::scope::TENANT_SETTING;

/// The policy name on every tenant-owned table.
pub const POLICY: &str = "dify_tenant_isolation";

/// The SQL that installs row-level security on every tenant-owned table,
/// sorted by table name. Idempotent: policies are dropped and re-created.
pub fn policies(schema: &Schema) -> String {
    let mut out = String::new();
    for table in schema.sorted_tables() {
        let Some(condition) = tenant_condition(schema, table) else {
            continue;
        };
        let name = ident(table.name);
        out.push_str(&format!(
            "ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\n\
             ALTER TABLE {name} FORCE ROW LEVEL SECURITY;\n\
             DROP POLICY IF EXISTS {POLICY} ON {name};\n\
             CREATE POLICY {POLICY} ON {name} USING ({condition}) WITH CHECK ({condition});\n\n"
        ));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The SQL that removes what [`policies`] installs.
pub fn drop_policies(schema: &Schema) -> String {
    let mut out = String::new();
    for table in schema.sorted_tables() {
        if tenant_condition(schema, table).is_none() {
            continue;
        }
        let name = ident(table.name);
        out.push_str(&format!(
            "DROP POLICY IF EXISTS {POLICY} ON {name};\n\
             ALTER TABLE {name} NO FORCE ROW LEVEL SECURITY;\n\
             ALTER TABLE {name} DISABLE ROW LEVEL SECURITY;\n"
        ));
    }
    out
}

/// The condition a row of `table` must meet: `tenant_id = <setting>`, or
/// `app_id IN (SELECT apps.id FROM apps WHERE <apps' condition>)` up the
/// parent chain. `None` for a global table.
pub fn tenant_condition(schema: &Schema, table: &Table) -> Option<String> {
    let setting = format!("nullif(current_setting('{TENANT_SETTING}', true), '')::uuid");
    let mut condition = String::new();
    let mut closing = String::new();
    let mut current = table;
    // A cycle cannot be declared (a via parent is checked to be tenant-owned,
    // and the chain ends at a tenant column), but stay finite regardless.
    for _ in 0..16 {
        match current.ownership {
            Ownership::Global => return None,
            Ownership::Tenant { column } => {
                condition.push_str(&format!(
                    "{}.{} = {setting}",
                    ident(current.name),
                    ident(column)
                ));
                condition.push_str(&closing);
                return Some(condition);
            }
            Ownership::Via {
                column,
                parent_table,
            } => {
                let parent = schema.table(parent_table)?;
                let key = parent.primary_key.columns.first()?;
                condition.push_str(&format!(
                    "{}.{} IN (SELECT {}.{} FROM {} WHERE ",
                    ident(current.name),
                    ident(column),
                    ident(parent.name),
                    ident(key),
                    ident(parent.name)
                ));
                closing.push(')');
                current = parent;
            }
        }
    }
    None
}

/// What the start-up check found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RlsProblem {
    /// The connected role is a superuser: row-level security does not apply to it.
    Superuser { role: String },
    /// The connected role has `BYPASSRLS`.
    BypassRls { role: String },
    /// Row-level security is not enabled on a tenant-owned table.
    NotEnabled { table: String },
    /// Enabled but not forced, so the table's owner bypasses it.
    NotForced { table: String },
    /// The table has no `dify_tenant_isolation` policy.
    MissingPolicy { table: String },
}

impl std::fmt::Display for RlsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RlsProblem::Superuser { role } => write!(f, "role `{role}` is a superuser, so row-level security does not apply to it; connect as an application role"),
            RlsProblem::BypassRls { role } => write!(f, "role `{role}` has BYPASSRLS; connect as a role without it (ALTER ROLE {role} NOBYPASSRLS)"),
            RlsProblem::NotEnabled { table } => write!(f, "row-level security is not enabled on tenant-owned table `{table}`"),
            RlsProblem::NotForced { table } => write!(f, "row-level security on `{table}` is not FORCEd, so its owner bypasses it"),
            RlsProblem::MissingPolicy { table } => write!(f, "tenant-owned table `{table}` has no `{POLICY}` policy"),
        }
    }
}

#[derive(QueryableByName)]
struct RoleRow {
    #[diesel(sql_type = Text)]
    role: String,
    #[diesel(sql_type = Bool)]
    superuser: bool,
    #[diesel(sql_type = Bool)]
    bypass: bool,
}

#[derive(QueryableByName)]
struct TableRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    enabled: bool,
    #[diesel(sql_type = Bool)]
    forced: bool,
    #[diesel(sql_type = Bool)]
    has_policy: bool,
}

/// The start-up check: every tenant-owned table has its policy, enabled
/// and forced, and the connected role is subject to it. An empty list
/// means all is well.
pub fn verify(conn: &mut PgConnection, schema: &Schema) -> Result<Vec<RlsProblem>> {
    let mut problems = Vec::new();
    let role: RoleRow = diesel::sql_query(
        "SELECT rolname::text AS role, rolsuper AS superuser, rolbypassrls AS bypass \
         FROM pg_roles WHERE rolname = current_user",
    )
    .get_result(conn)?;
    if role.superuser {
        problems.push(RlsProblem::Superuser {
            role: role.role.clone(),
        });
    } else if role.bypass {
        problems.push(RlsProblem::BypassRls {
            role: role.role.clone(),
        });
    }
    let tables: Vec<TableRow> = diesel::sql_query(format!(
        "SELECT c.relname::text AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced, \
                EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = '{POLICY}') AS has_policy \
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind = 'r'"
    ))
    .load(conn)?;
    for table in schema.sorted_tables() {
        if !table.ownership.is_tenant_owned() {
            continue;
        }
        let name = table.name.to_owned();
        match tables.iter().find(|row| row.name == table.name) {
            None => problems.push(RlsProblem::NotEnabled { table: name }),
            Some(row) => {
                if !row.enabled {
                    problems.push(RlsProblem::NotEnabled {
                        table: name.clone(),
                    });
                } else if !row.forced {
                    problems.push(RlsProblem::NotForced {
                        table: name.clone(),
                    });
                }
                if !row.has_policy {
                    problems.push(RlsProblem::MissingPolicy { table: name });
                }
            }
        }
    }
    Ok(problems)
}

/// [`verify`] as a start-up gate: an error listing every problem, or `Ok`.
pub fn ensure(conn: &mut PgConnection, schema: &Schema) -> Result<()> {
    let problems = verify(conn, schema)?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(crate::Error::RowLevelSecurity(problems))
    }
}
