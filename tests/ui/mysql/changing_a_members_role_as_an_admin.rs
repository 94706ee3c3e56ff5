//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/changing_a_members_role_as_an_admin.rs`):
//! Only the owner changes a member's role (Dify's `check_member_permission`
//! allows `update` to the owner alone): an admin's `Privileged` scope does
//! not compile `members::change_role`, which takes a `Scope<Owner>`.

use dify_models::account::TenantAccountRole;
use dify_models::members::{self, MembershipError};
use dify_schema::scope::Privileged;
use dify_schema::types::Uuid;
use dify_schema::with_tenant;

fn demote_the_owner(tenant: Uuid, admin: Uuid, owner: Uuid) -> Result<(), MembershipError> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, admin, |scope| {
        let scope = scope.require::<Privileged>()?;
        members::change_role(scope, owner, TenantAccountRole::Normal)?;
        Ok(())
    })
}

fn main() {}
