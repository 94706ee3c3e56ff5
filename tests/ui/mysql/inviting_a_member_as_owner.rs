//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/inviting_a_member_as_owner.rs`):
//! No one is invited as owner (Dify's `is_non_owner_role`): the insert
//! form's role is an `InvitedRole`, which has no owner, so an admin cannot
//! add a second owner that would then demote the first.

use dify_models::account::{NewTenantAccountJoin, TenantAccountJoin, TenantAccountRole};
use dify_schema::scope::Privileged;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn add_an_owner(tenant: Uuid, admin: Uuid, accomplice: Uuid) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, admin, |scope| {
        let scope = scope.require::<Privileged>()?;
        scope.insert::<TenantAccountJoin>(NewTenantAccountJoin {
            id: None,
            account_id: accomplice,
            current: None,
            role: Some(TenantAccountRole::Owner),
            invited_by: None,
            last_opened_at: None,
        })?;
        Ok(())
    })
}

fn main() {}
