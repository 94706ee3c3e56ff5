//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/changing_a_members_role_as_an_editor.rs`):
//! Memberships are `write = privileged`: an editor (`Editing`) may edit
//! apps but not change anyone's role; that needs `Privileged` (owner or
//! admin).

use dify_models::account::{TenantAccountJoin, TenantAccountJoinChanges, TenantAccountRole};
use dify_schema::scope::Editing;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn promote(tenant: Uuid, account: Uuid, raw_join: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let scope = scope.require::<Editing>()?;
        let Some(join) = scope.lookup::<TenantAccountJoin>(raw_join)? else {
            return Ok(());
        };
        scope.update(
            join.id(),
            TenantAccountJoinChanges {
                role: Some(TenantAccountRole::Admin),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

fn main() {}
