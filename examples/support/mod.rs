//! What every domain example starts from: a fresh database with Dify's
//! migrations applied and one workspace, Acme, with a member of each role
//! ([`Example::workspace`] adds another, for the examples that show what one
//! workspace cannot see of another's). Dropping the [`Example`] drops the
//! database (and stops the throwaway server, when there is one).
//!
//! With `DATABASE_URL` set (a server where this user may create a
//! database) the database is created there; otherwise on a throwaway
//! server started from the local PostgreSQL installation.

// Each example uses some of the members, none all of them.
#![allow(dead_code)]

// Shared with the tests, which also restart and crash it.
#[allow(dead_code)]
#[path = "../../tests/support/throwaway.rs"]
mod throwaway_postgres;

use diesel::{Connection, PgConnection, RunQueryDsl};
use dify_models::account::*;
use dify_schema::migrate::Runner;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::StringEnum;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The workspace and its members, one account per role.
#[derive(Debug, Clone, Copy)]
pub struct Workspace {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub admin: Uuid,
    pub editor: Uuid,
    pub normal: Uuid,
    pub dataset_operator: Uuid,
}

/// An example's connection and workspace; the database goes with it.
pub struct Example {
    pub conn: PgConnection,
    pub acme: Workspace,
    _database: Database,
}

/// A database named `dify_example_<example>_<pid>`, with the migrations
/// applied and the Acme workspace in it.
pub fn setup(example: &str) -> Result<Example> {
    let (server, throwaway) = match std::env::var("DATABASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            println!("DATABASE_URL is not set: starting a throwaway PostgreSQL server");
            let throwaway = throwaway_postgres::ThrowawayPostgres::start()?;
            (throwaway.url(), Some(throwaway))
        }
    };
    let mut admin = PgConnection::establish(&server)
        .map_err(|error| format!("cannot reach PostgreSQL at {server}: {error}"))?;
    let name = format!("dify_example_{example}_{}", std::process::id());
    diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
    let database = Database {
        admin,
        name,
        _server: throwaway,
    };
    let url = match server.rfind('/') {
        Some(slash) => format!("{}/{}", &server[..slash], database.name),
        None => format!("{server}/{}", database.name),
    };
    let mut conn = PgConnection::establish(&url)?;
    let applied = Runner::new(&mut conn, &dify_models::migrations()).run_pending(|_| {})?;

    // Sign-up is system work, outside any tenant scope.
    let acme = workspace(&mut conn, "Acme")?;
    println!(
        "database {}: {} migration(s) applied; workspace Acme: owner, admin, editor, normal, dataset_operator",
        database.name,
        applied.len()
    );
    Ok(Example {
        conn,
        acme,
        _database: database,
    })
}

impl Example {
    /// Another workspace beside Acme, with a member of each role, for the
    /// examples that show one workspace seeing nothing of another's.
    pub fn workspace(&mut self, name: &str) -> Result<Workspace> {
        let workspace = workspace(&mut self.conn, name)?;
        println!("workspace {name}: owner, admin, editor, normal, dataset_operator");
        Ok(workspace)
    }
}

/// A workspace named `name` and one member of each role, made through the
/// system escape hatch as Dify's sign-up does; emails are
/// `<role>@<name>.example`.
fn workspace(conn: &mut PgConnection, name: &str) -> Result<Workspace> {
    let mut system = bypass_tenant_isolation(conn, "example setup: a workspace and its members");
    let tenant: Tenant = system.insert(
        None,
        None,
        NewTenant {
            id: None,
            name: name.into(),
            encrypt_public_key: None,
            plan: None,
            status: None,
            custom_config: None,
        },
    )?;
    let mut member = |role: TenantAccountRole| -> Result<Uuid> {
        let account: Account = system.insert(
            None,
            None,
            NewAccount {
                id: None,
                name: format!("{name} {}", role.as_str()),
                email: format!("{}@{}.example", role.as_str(), name.to_lowercase()),
                password: None,
                password_salt: None,
                avatar: None,
                interface_language: Some("en-US".into()),
                interface_theme: None,
                timezone: None,
                last_login_at: None,
                last_login_ip: None,
                last_active_at: None,
                status: None,
                initialized_at: None,
            },
        )?;
        match InvitedRole::try_from(role) {
            // The first member, made with the workspace.
            Err(_owner) => {
                dify_models::members::create_workspace_owner(&mut system, tenant.id, account.id)?;
            }
            Ok(role) => {
                system.insert::<TenantAccountJoin>(
                    Some(tenant.id),
                    None,
                    NewTenantAccountJoin {
                        last_opened_at: None,
                        id: None,
                        account_id: account.id,
                        current: Some(true),
                        role: Some(role),
                        invited_by: None,
                    },
                )?;
            }
        }
        Ok(account.id)
    };
    Ok(Workspace {
        tenant: tenant.id,
        owner: member(TenantAccountRole::Owner)?,
        admin: member(TenantAccountRole::Admin)?,
        editor: member(TenantAccountRole::Editor)?,
        normal: member(TenantAccountRole::Normal)?,
        dataset_operator: member(TenantAccountRole::DatasetOperator)?,
    })
}

/// Drops the database on drop; the throwaway server, if any, stops after.
struct Database {
    admin: PgConnection,
    name: String,
    _server: Option<throwaway_postgres::ThrowawayPostgres>,
}

impl Drop for Database {
    fn drop(&mut self) {
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        match diesel::sql_query(drop).execute(&mut self.admin) {
            Ok(_) => println!("dropped database {}", self.name),
            Err(error) => eprintln!("could not drop database {}: {error}", self.name),
        }
    }
}

/// Prints what another workspace's lookup of one of Acme's rows found:
/// nothing, or a leak.
pub fn report_lookup(what: &str, found: bool) {
    let outcome = if found {
        "FOUND (a leak!)"
    } else {
        "not found"
    };
    println!("  looking up Acme's {what}: {outcome}");
}
