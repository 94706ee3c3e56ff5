//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/updating_a_membership_as_an_admin.rs`):
//! Memberships are `write = owner`: the generic `update` of a membership
//! needs the `Owner` capability too, so an admin cannot demote the owner
//! or promote themself through it.

use dify_models::account::{TenantAccountJoin, TenantAccountJoinChanges, TenantAccountRole};
use dify_schema::scope::Privileged;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn promote_myself(tenant: Uuid, admin: Uuid, my_join: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, admin, |scope| {
        let scope = scope.require::<Privileged>()?;
        let Some(join) = scope.lookup::<TenantAccountJoin>(my_join)? else {
            return Ok(());
        };
        scope.update(
            join.id(),
            TenantAccountJoinChanges {
                role: Some(TenantAccountRole::Owner),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

fn main() {}
