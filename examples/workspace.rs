//! Members and roles: who is in the workspace, what each of Dify's roles
//! may do (capabilities checked with `scope.require::<...>()`), an admin
//! inviting a member, and a role change that only the owner may make.
//!
//! Run with `cargo run --example workspace`.

mod support;

use diesel::PgConnection;
use dify_models::account::*;
use dify_models::members;
use dify_schema::scope::{DatasetEditing, Editing, Owner, Privileged};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Page};
use support::Result;
use support::Workspace;

fn main() -> Result<()> {
    let mut example = support::setup("workspace")?;
    let (conn, acme) = (&mut example.conn, example.acme);

    // Every member may read the member list.
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        let joins = scope.list::<TenantAccountJoin>(Page::first(10))?;
        let roles: Vec<String> = joins.iter().map(|join| join.role.to_string()).collect();
        println!("Acme has {} members: {}", joins.len(), roles.join(", "));
        Ok(())
    })?;

    // What each role may do: `require` checks the role once and upgrades
    // the scope's capability, which the writes then need at compile time.
    for account in [
        acme.owner,
        acme.admin,
        acme.editor,
        acme.normal,
        acme.dataset_operator,
    ] {
        with_tenant(conn, acme.tenant, account, |scope| -> Result<()> {
            println!(
                "  {:<16} privileged: {:<5}  editing: {:<5}  dataset editing: {}",
                scope.role().to_string(),
                scope.require::<Privileged>().is_ok(),
                scope.require::<Editing>().is_ok(),
                scope.require::<DatasetEditing>().is_ok()
            );
            Ok(())
        })?;
    }

    // Changing a member's role is the owner's alone (Dify's
    // `check_member_permission`): the admin is refused, the owner is not.
    match set_role(conn, acme, acme.admin, TenantAccountRole::Editor) {
        Err(error) => println!("the admin making the normal member an editor: refused ({error})"),
        Ok(_) => unreachable!("only the owner changes roles"),
    }
    let role = set_role(conn, acme, acme.owner, TenantAccountRole::Editor)?;
    println!("the owner making the normal member an editor: allowed, now {role}");
    with_tenant(conn, acme.tenant, acme.normal, |scope| -> Result<()> {
        scope.require::<Editing>()?;
        println!(
            "the former normal member enters as {} and may edit apps",
            scope.role()
        );
        Ok(())
    })?;
    Ok(())
}

/// `actor` gives the normal member `role`; refused unless `actor` is the
/// owner.
fn set_role(
    conn: &mut PgConnection,
    acme: Workspace,
    actor: Uuid,
    role: TenantAccountRole,
) -> Result<TenantAccountRole> {
    with_tenant(conn, acme.tenant, actor, |scope| {
        let scope = scope.require::<Owner>()?;
        let join = members::change_role(scope, acme.normal, role)?;
        Ok(join.role)
    })
}
