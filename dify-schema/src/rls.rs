//! Row-level security from the same declarations: the wall behind the
//! types, which no statement of the service can talk its way around.
//!
//! # The tenant a policy trusts
//!
//! Policies compare a row's tenant with `dify_scope_tenant()`, and that
//! value can only come from the scope's entry, `dify_scope_enter(tenant,
//! account)`: a `SECURITY DEFINER` function that reads the account's
//! membership, refuses a second entry in the same transaction, and records
//! `tenant:account:role` in the transaction-local setting `dify.scope`
//! together with a keyed hash (SHA-256 over two secret keys in
//! `dify_scope_keys`, which only the schema's owner can read) of those
//! claims, the backend's pid and the transaction's start. Any statement may
//! still `set_config('dify.scope', ...)`, `SET` or `RESET` it, but without
//! the keys it cannot produce a value that verifies, and a value copied from
//! another transaction or session does not verify in this one: a forged,
//! stale or re-pointed setting reads as "no tenant", which fails closed.
//!
//! # Roles
//!
//! * `dify_service`: what the Rust service's login role is granted. It has
//!   the table privileges a scope needs and is subject to every policy.
//! * `dify_trusted`: full access through a permissive `dify_trusted_access`
//!   policy on each protected table. The role that runs the migrations is
//!   made a member (it owns the tables, and `FORCE` would otherwise shut it
//!   out too); so are the roles Dify's Python services connect as
//!   (`dify-db trust <role>`), which set no tenant; and so is the role of
//!   system jobs (`system::bypass_tenant_isolation`).
//!
//! # What each table gets
//!
//! A tenant-owned table: `ENABLE` and `FORCE ROW LEVEL SECURITY`; a read
//! policy (the row's tenant, directly or up the parent chain, is the
//! scope's); insert, update and delete policies that also require the
//! scope's role to have the capability the entity declares; the trusted
//! policy; and `SELECT, INSERT, UPDATE, DELETE` for `dify_service`. A global
//! table follows its `visible = ...`: `all` is readable by every scope, and
//! `none` and `rows(...)` get the same policies (nothing, or the rows the
//! condition admits, for reading; no writes). Every setting is read once per
//! statement (`(SELECT dify_scope_tenant())` is an init plan), so the
//! conditions stay index conditions.
//!
//! All of it is part of the generated migrations ([`support_sql`] once,
//! [`table_security`] per table), diffed like indexes; [`verify`] is the
//! start-up check that it is in force on the live database.

use diesel::sql_types::{Bool, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use sha2::{Digest, Sha256};

use crate::error::Result;
pub use crate::error::RlsProblem;
use crate::quote::{ident, string_literal};
use crate::schema::{tenant_path, Capability, Schema, Security, Table, TenantStep, Visibility};

/// The group role the Rust service's login role is granted.
pub const SERVICE_ROLE: &str = "dify_service";
/// The group role with full access: migrations, Dify's Python services,
/// system jobs.
pub const TRUSTED_ROLE: &str = "dify_trusted";
/// The setting the scope's entry writes its signed claims to.
pub const SCOPE_SETTING: &str = "dify.scope";
/// The function a scope enters through.
pub const ENTER_FUNCTION: &str = "dify_scope_enter";
/// The table of secret keys that sign the claims.
pub const KEYS_TABLE: &str = "dify_scope_keys";

/// The policy names, each on every protected table that needs it.
pub const READ_POLICY: &str = "dify_scope_read";
pub const INSERT_POLICY: &str = "dify_scope_insert";
pub const UPDATE_POLICY: &str = "dify_scope_update";
pub const DELETE_POLICY: &str = "dify_scope_delete";
pub const TRUSTED_POLICY: &str = "dify_trusted_access";

/// The scope's tenant, read once per statement.
const TENANT: &str = "(SELECT dify_scope_tenant())";
/// The scope's role, read once per statement.
const ROLE: &str = "(SELECT dify_scope_role())";

/// The roles, the keys and the functions the policies rely on. Idempotent:
/// roles and keys are created when missing, functions replaced, so the
/// same text both installs and upgrades them.
pub const SUPPORT_SQL: &str = r#"-- Row-level security support (dify-schema): roles, keys, scope functions.
DO $$
BEGIN
    CREATE ROLE dify_trusted NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
    CREATE ROLE dify_service NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- The role that runs the migrations owns the tables; FORCE would shut it
-- out too, so it is trusted (a superuser is already).
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'dify_trusted', 'MEMBER') THEN
        EXECUTE format('GRANT dify_trusted TO %I', current_user);
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS dify_scope_keys (
    inner_key bytea NOT NULL,
    outer_key bytea NOT NULL
);
REVOKE ALL ON dify_scope_keys FROM PUBLIC;
INSERT INTO dify_scope_keys (inner_key, outer_key)
SELECT uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()),
       uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
WHERE NOT EXISTS (SELECT FROM dify_scope_keys);

-- The keyed hash of a scope's claims, bound to this backend and this
-- transaction.
CREATE OR REPLACE FUNCTION dify_scope_signature(claims text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED AS $f$
    SELECT encode(sha256(k.outer_key || sha256(k.inner_key || convert_to(
        claims || ':' || pg_backend_pid() || ':' || extract(epoch FROM transaction_timestamp()),
        'UTF8'))), 'hex')
    FROM dify_scope_keys k
$f$;
REVOKE ALL ON FUNCTION dify_scope_signature(text) FROM PUBLIC;

-- The verified claims of this transaction's scope (tenant, account,
-- role), or NULL: nothing set, or a value that was not signed for this
-- transaction.
CREATE OR REPLACE FUNCTION dify_scope_claims() RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED AS $f$
DECLARE
    setting text := current_setting('dify.scope', true);
    parts text[];
BEGIN
    IF setting IS NULL OR setting = '' THEN
        RETURN NULL;
    END IF;
    parts := string_to_array(setting, ':');
    IF coalesce(array_length(parts, 1), 0) <> 4 THEN
        RETURN NULL;
    END IF;
    IF dify_scope_signature(parts[1] || ':' || parts[2] || ':' || parts[3]) IS DISTINCT FROM parts[4] THEN
        RETURN NULL;
    END IF;
    RETURN parts[1:3];
END
$f$;

CREATE OR REPLACE FUNCTION dify_scope_tenant() RETURNS uuid
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[1]::uuid $f$;

CREATE OR REPLACE FUNCTION dify_scope_account() RETURNS uuid
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[2]::uuid $f$;

CREATE OR REPLACE FUNCTION dify_scope_role() RETURNS text
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[3] $f$;

-- A scope's entry: the account's role in the tenant (NULL for a
-- non-member), and the signed claims in this transaction's setting. A
-- second entry in the same transaction is refused, so a scope cannot be
-- re-pointed or nested; so is an entry into a transaction the scope did
-- not begin (its BEGIN records the moment in dify.begun), which it would
-- otherwise join and end.
CREATE OR REPLACE FUNCTION dify_scope_enter(tenant uuid, account uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $f$
DECLARE
    member_role text;
    claims text;
    begun text := current_setting('dify.begun', true);
BEGIN
    IF begun IS NULL OR begun = '' OR begun::timestamptz <> transaction_timestamp() THEN
        RAISE EXCEPTION 'the connection was already inside a transaction; a scope begins its own'
            USING ERRCODE = '25001';
    END IF;
    IF dify_scope_claims() IS NOT NULL THEN
        RAISE EXCEPTION 'a tenant scope is already open in this transaction'
            USING ERRCODE = '25001';
    END IF;
    IF NOT EXISTS (SELECT FROM dify_scope_keys) THEN
        RAISE EXCEPTION 'dify_scope_keys is empty: apply the migrations again';
    END IF;
    SELECT j.role::text INTO member_role
    FROM tenant_account_joins j
    WHERE j.tenant_id = tenant AND j.account_id = account;
    IF member_role IS NULL THEN
        RETURN NULL;
    END IF;
    claims := tenant::text || ':' || account::text || ':' || member_role;
    PERFORM set_config('dify.scope', claims || ':' || dify_scope_signature(claims), true);
    RETURN member_role;
END
$f$;

-- These functions resolve names (tables, and types such as uuid) in the
-- schema they were made in and pg_catalog, never in a caller's temporary
-- schema.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION dify_scope_signature(text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_claims() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_enter(uuid, uuid) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_tenant() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_account() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_role() SET search_path = pg_catalog, %I, pg_temp', current_schema());
END $$;
"#;

/// What removes [`SUPPORT_SQL`]'s objects (the roles stay: they belong to
/// the cluster, and other databases may use them).
pub const DROP_SUPPORT_SQL: &str = "DROP FUNCTION IF EXISTS dify_scope_enter(uuid, uuid);
DROP FUNCTION IF EXISTS dify_scope_role();
DROP FUNCTION IF EXISTS dify_scope_account();
DROP FUNCTION IF EXISTS dify_scope_tenant();
DROP FUNCTION IF EXISTS dify_scope_claims();
DROP FUNCTION IF EXISTS dify_scope_signature(text);
DROP TABLE IF EXISTS dify_scope_keys;
";

/// The version of [`SUPPORT_SQL`] that [`verify`] expects, recorded as a
/// comment on the entry function.
pub fn support_version() -> String {
    hash(SUPPORT_SQL)
}

/// The support objects and their version comment, as one migration step.
pub fn support_migration() -> String {
    format!(
        "{SUPPORT_SQL}COMMENT ON FUNCTION dify_scope_enter(uuid, uuid) IS {};\n",
        string_literal(&format!("dify-schema {}", support_version()))
    )
}

/// The whole of row-level security for a schema: the support objects,
/// then every table's policies, sorted by table name. What the generated
/// migrations install, as one script (tests apply it to a database built
/// from the DDL alone).
pub fn policies(schema: &Schema) -> String {
    let mut out = support_migration();
    for table in schema.sorted_tables() {
        out.push('\n');
        out.push_str(&table_security(schema, table));
    }
    out
}

/// The SQL that installs row-level security's support objects for this
/// schema, when it has row-level security: this crate's, or the SQL a
/// snapshot recorded.
pub fn support_for(schema: &Schema) -> Option<String> {
    match schema.security() {
        Security::None => None,
        Security::Current => Some(support_migration()),
        Security::Recorded(sql) => Some(sql.to_string()),
    }
}

/// The row-level security of one table of this schema ([`table_security`]),
/// empty when the schema has none.
pub fn security_for(schema: &Schema, table: &Table) -> String {
    match schema.security() {
        Security::None => String::new(),
        _ => table_security(schema, table),
    }
}

/// What [`policies`] installs on one table: a global table that every
/// scope may read (`visible = all`) gets only `SELECT` for the service.
pub fn table_security(schema: &Schema, table: &Table) -> String {
    let name = ident(&table.name);
    // A trusted role need not own the tables (Dify's services may connect
    // as another role than the one that migrated).
    let trusted = format!("GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {TRUSTED_ROLE};\n");
    let Some(policies) = table_policies(schema, table) else {
        return format!("{trusted}GRANT SELECT ON {name} TO {SERVICE_ROLE};\n");
    };
    let mut out = format!(
        "ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\n\
         ALTER TABLE {name} FORCE ROW LEVEL SECURITY;\n{trusted}"
    );
    for policy in &policies {
        out.push_str(&policy.create(&name));
        out.push_str(&format!(
            "COMMENT ON POLICY {} ON {name} IS {};\n",
            policy.name,
            string_literal(&format!("dify-schema {}", policy.version(&name)))
        ));
    }
    let privileges = if table.ownership.is_tenant_owned() {
        "SELECT, INSERT, UPDATE, DELETE"
    } else {
        "SELECT"
    };
    if !matches!(table.visibility, Visibility::None) {
        out.push_str(&format!(
            "GRANT {privileges} ON {name} TO {SERVICE_ROLE};\n"
        ));
    }
    out
}

/// What removes [`table_security`] from a table.
pub fn drop_table_security(schema: &Schema, table: &Table) -> String {
    let name = ident(&table.name);
    let mut out = format!("REVOKE ALL ON {name} FROM {SERVICE_ROLE}, {TRUSTED_ROLE};\n");
    if let Some(policies) = table_policies(schema, table) {
        for policy in &policies {
            out.push_str(&format!(
                "DROP POLICY IF EXISTS {} ON {name};\n",
                policy.name
            ));
        }
        out.push_str(&format!(
            "ALTER TABLE {name} NO FORCE ROW LEVEL SECURITY;\n\
             ALTER TABLE {name} DISABLE ROW LEVEL SECURITY;\n"
        ));
    }
    out
}

/// One policy as rendered.
struct Policy {
    name: &'static str,
    command: &'static str,
    role: Option<&'static str>,
    using: Option<String>,
    check: Option<String>,
}

impl Policy {
    fn create(&self, table: &str) -> String {
        let mut out = format!("CREATE POLICY {} ON {table}", self.name);
        if self.command != "ALL" {
            out.push_str(&format!(" FOR {}", self.command));
        }
        if let Some(role) = self.role {
            out.push_str(&format!(" TO {role}"));
        }
        if let Some(using) = &self.using {
            out.push_str(&format!(" USING ({using})"));
        }
        if let Some(check) = &self.check {
            out.push_str(&format!(" WITH CHECK ({check})"));
        }
        out.push_str(";\n");
        out
    }

    /// A hash of the policy's SQL, recorded as its comment: [`verify`]
    /// compares it, so a policy changed by hand is reported.
    fn version(&self, table: &str) -> String {
        hash(&self.create(table))
    }
}

/// The policies of a protected table, or `None` for `visible = all`.
fn table_policies(schema: &Schema, table: &Table) -> Option<Vec<Policy>> {
    let trusted = Policy {
        name: TRUSTED_POLICY,
        command: "ALL",
        role: Some(TRUSTED_ROLE),
        using: Some("true".into()),
        check: Some("true".into()),
    };
    let read = |condition: String| Policy {
        name: READ_POLICY,
        command: "SELECT",
        role: None,
        using: Some(condition),
        check: None,
    };
    let policies = match &table.visibility {
        Visibility::All => return None,
        Visibility::None => vec![trusted],
        Visibility::Rows(condition) => {
            vec![read(condition.replace("{tenant}", TENANT)), trusted]
        }
        Visibility::Tenant => {
            let condition = tenant_condition(schema, table)?;
            let with_role = |capability: Capability| match role_condition(capability) {
                None => condition.clone(),
                Some(role) => format!("{condition} AND {role}"),
            };
            // An insert may set only the values its form can hold
            // (`insert_as`): an admin invites, but never an owner.
            let mut create = with_role(table.create_capability());
            for column in table.columns.iter() {
                if let Some(values) = &column.insert_values {
                    create.push_str(&format!(
                        " AND {}.{} = ANY ({}::text[])",
                        ident(&table.name),
                        ident(&column.name),
                        string_literal(&format!("{{{}}}", values.join(",")))
                    ));
                }
            }
            let write = with_role(table.write_capability);
            vec![
                read(condition.clone()),
                Policy {
                    name: INSERT_POLICY,
                    command: "INSERT",
                    role: None,
                    using: None,
                    check: Some(create),
                },
                Policy {
                    name: UPDATE_POLICY,
                    command: "UPDATE",
                    role: None,
                    using: Some(write.clone()),
                    check: Some(write.clone()),
                },
                Policy {
                    name: DELETE_POLICY,
                    command: "DELETE",
                    role: None,
                    using: Some(write),
                    check: None,
                },
                trusted,
            ]
        }
    };
    Some(policies)
}

/// `(SELECT dify_scope_role()) = ANY ('{owner,admin}')`, or `None` when
/// every member has the capability.
fn role_condition(capability: Capability) -> Option<String> {
    if capability == Capability::Member {
        return None;
    }
    Some(format!(
        "{ROLE} = ANY ({}::text[])",
        string_literal(&format!("{{{}}}", capability.roles().join(",")))
    ))
}

/// The condition a row of `table` must meet: `tenant_id = <the scope's
/// tenant>`, or `app_id IN (SELECT apps.id FROM apps WHERE <apps'
/// condition>)` up the parent chain. `None` for a global table.
pub fn tenant_condition(schema: &Schema, table: &Table) -> Option<String> {
    let mut condition = String::new();
    let mut closing = String::new();
    for step in tenant_path(table, |name| schema.table(name)) {
        match step {
            TenantStep::Tenant { table, column } => {
                condition.push_str(&format!(
                    "{}.{} = {TENANT}",
                    ident(&table.name),
                    ident(column)
                ));
                condition.push_str(&closing);
                return Some(condition);
            }
            TenantStep::Via {
                table,
                column,
                parent,
                key,
            } => {
                condition.push_str(&format!(
                    "{}.{} IN (SELECT {}.{} FROM {} WHERE ",
                    ident(&table.name),
                    ident(column),
                    ident(&parent.name),
                    ident(key),
                    ident(&parent.name)
                ));
                closing.push(')');
            }
        }
    }
    // The path ended before a tenant column: a global table.
    None
}

fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl std::fmt::Display for RlsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RlsProblem::Superuser { role } => write!(f, "role `{role}` is a superuser, so row-level security does not apply to it; connect as an application role"),
            RlsProblem::BypassRls { role } => write!(f, "role `{role}` has BYPASSRLS; connect as a role without it (ALTER ROLE {role} NOBYPASSRLS)"),
            RlsProblem::Trusted { role } => write!(f, "role `{role}` is a member of `{TRUSTED_ROLE}`, which sees every workspace; the service connects as a role granted only `{SERVICE_ROLE}`"),
            RlsProblem::NotService { role } => write!(f, "role `{role}` is not a member of `{SERVICE_ROLE}`; GRANT {SERVICE_ROLE} TO {role}"),
            RlsProblem::OwnsTable { role, table } => write!(f, "role `{role}` owns `{table}` and could turn its row-level security off; connect as a role that owns nothing"),
            RlsProblem::MissingEntry { found: None } => write!(f, "the database has no `{ENTER_FUNCTION}`: apply the migrations"),
            RlsProblem::MissingEntry { found: Some(found) } => write!(f, "`{ENTER_FUNCTION}` is `{found}`, not `dify-schema {}`: apply the migrations", support_version()),
            RlsProblem::NotEnabled { table } => write!(f, "row-level security is not enabled on `{table}`"),
            RlsProblem::NotForced { table } => write!(f, "row-level security on `{table}` is not FORCEd, so its owner bypasses it"),
            RlsProblem::Policy { table, policy } => write!(f, "policy `{policy}` on `{table}` is missing or not the one the declarations generate"),
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
    #[diesel(sql_type = Bool)]
    trusted: bool,
    #[diesel(sql_type = Bool)]
    service: bool,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    entry: Option<String>,
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
    owned: bool,
}

#[derive(QueryableByName)]
struct PolicyRow {
    #[diesel(sql_type = Text)]
    table: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    comment: Option<String>,
}

/// The start-up check, run as the service's own role: row-level security
/// is in force on every protected table with exactly the policies the
/// declarations generate, the entry function is there in its version, and
/// the connected role is subject to all of it (not a superuser, not
/// `BYPASSRLS`, not trusted, not the owner of a table, and a member of
/// `dify_service`). An empty list means all is well.
pub fn verify(conn: &mut PgConnection, schema: &Schema) -> Result<Vec<RlsProblem>> {
    let mut problems = Vec::new();
    let role: RoleRow = diesel::sql_query(format!(
        "SELECT r.rolname::text AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass, \
                (EXISTS (SELECT FROM pg_roles WHERE rolname = '{TRUSTED_ROLE}') \
                 AND pg_has_role(current_user, '{TRUSTED_ROLE}', 'MEMBER')) AS trusted, \
                (EXISTS (SELECT FROM pg_roles WHERE rolname = '{SERVICE_ROLE}') \
                 AND pg_has_role(current_user, '{SERVICE_ROLE}', 'MEMBER')) AS service, \
                (SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p \
                 WHERE p.proname = '{ENTER_FUNCTION}' AND p.pronamespace = current_schema()::regnamespace) AS entry \
         FROM pg_roles r WHERE r.rolname = current_user"
    ))
    .get_result(conn)?;
    let name = role.role.clone();
    if role.superuser {
        problems.push(RlsProblem::Superuser { role: name.clone() });
    }
    if role.bypass {
        problems.push(RlsProblem::BypassRls { role: name.clone() });
    }
    if role.trusted {
        problems.push(RlsProblem::Trusted { role: name.clone() });
    }
    if !role.service && !role.superuser {
        problems.push(RlsProblem::NotService { role: name.clone() });
    }
    let expected_entry = format!("dify-schema {}", support_version());
    if role.entry.as_deref() != Some(expected_entry.as_str()) {
        problems.push(RlsProblem::MissingEntry { found: role.entry });
    }

    let tables: Vec<TableRow> = diesel::sql_query(
        "SELECT c.relname::text AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced, \
                pg_has_role(current_user, c.relowner, 'MEMBER') AS owned \
         FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
    )
    .load(conn)?;
    let policies: Vec<PolicyRow> = diesel::sql_query(
        "SELECT c.relname::text AS table, p.polname::text AS name, \
                obj_description(p.oid, 'pg_policy') AS comment \
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid \
         WHERE c.relnamespace = current_schema()::regnamespace",
    )
    .load(conn)?;
    for table in schema.sorted_tables() {
        let Some(expected) = table_policies(schema, table) else {
            continue;
        };
        let found = tables.iter().find(|row| row.name == table.name);
        let table_name = table.name.to_string();
        match found {
            None => problems.push(RlsProblem::NotEnabled {
                table: table_name.clone(),
            }),
            Some(row) => {
                if row.owned && !role.superuser {
                    problems.push(RlsProblem::OwnsTable {
                        role: name.clone(),
                        table: table_name.clone(),
                    });
                }
                if !row.enabled {
                    problems.push(RlsProblem::NotEnabled {
                        table: table_name.clone(),
                    });
                } else if !row.forced {
                    problems.push(RlsProblem::NotForced {
                        table: table_name.clone(),
                    });
                }
            }
        }
        let quoted = ident(&table.name);
        for policy in &expected {
            let version = format!("dify-schema {}", policy.version(&quoted));
            let present = policies.iter().any(|row| {
                row.table == table.name
                    && row.name == policy.name
                    && row.comment.as_deref() == Some(version.as_str())
            });
            if !present {
                problems.push(RlsProblem::Policy {
                    table: table_name.clone(),
                    policy: policy.name.to_string(),
                });
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

/// The statement that makes `role` trusted: Dify's Python services (which
/// set no tenant) and system jobs keep full access to protected tables.
pub fn trust_role(role: &str) -> String {
    format!("GRANT {TRUSTED_ROLE} TO {};", ident(role))
}

/// The statement that makes `role` a service role, subject to the policies.
pub fn grant_service_role(role: &str) -> String {
    format!("GRANT {SERVICE_ROLE} TO {};", ident(role))
}
