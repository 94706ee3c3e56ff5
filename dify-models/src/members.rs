//! Membership: who may add, re-role and remove a workspace's members, as
//! Dify's `TenantService` decides it.
//!
//! | operation | who (Dify's `check_member_permission`) | refused when |
//! | --- | --- | --- |
//! | [`add_member`] (invite) | owner or admin (`Privileged`) | the role is `owner`; already a member |
//! | [`change_role`] | the owner (`Owner`) | the operator themself; not a member; the same role |
//! | [`transfer_ownership`] | the owner (`Owner`) | as `change_role`; the old owner becomes an admin |
//! | [`remove_member`] | the owner (`Owner`) | the operator themself; not a member |
//!
//! The capability is in the scope's type, so an admin's `change_role` does
//! not compile (`scope.require::<Owner>()?` checks at run time). The rules
//! hold below these functions too: `tenant_account_joins` is
//! `write = owner, create = privileged`, so the scope's generic `update` and
//! `delete` of a membership need `Owner`; its insert form takes an
//! [`InvitedRole`], which has no owner; and row-level security checks the
//! same on the database. A workspace's first owner is made by the system
//! path that creates the workspace ([`create_workspace_owner`]).

use diesel::connection::SimpleConnection;
use dify_schema::dialect::Dialect;
use dify_schema::persist::Persist;
use dify_schema::scope::{Allows, Owner, Privileged, Scope};
use dify_schema::system::SystemAccess;
use dify_schema::types::Uuid;
use dify_schema::{Error, Row};

use crate::account::{
    InvitedRole, NewTenantAccountJoin, TenantAccountJoin, TenantAccountJoinChanges,
    TenantAccountRole,
};

/// Why a membership operation was refused; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum MembershipError {
    /// Dify's `CannotOperateSelfError`.
    #[error("a member cannot change or remove themself")]
    CannotOperateSelf,
    /// Dify's `MemberNotInTenantError`.
    #[error("account {0} is not a member of this workspace")]
    NotAMember(Uuid),
    /// The account already is a member (Dify's `AccountAlreadyInTenantError`).
    #[error("account {0} already is a member of this workspace")]
    AlreadyAMember(Uuid),
    /// Dify's `RoleAlreadyAssignedError`.
    #[error("the member already has this role")]
    RoleAlreadyAssigned,
    #[error(transparent)]
    Database(#[from] Error),
}

impl From<diesel::result::Error> for MembershipError {
    fn from(error: diesel::result::Error) -> Self {
        MembershipError::Database(error.into())
    }
}

/// Adds `account` to the scope's workspace with `role` (never owner: an
/// [`InvitedRole`] has none), recording who invited them. Owner or admin.
pub fn add_member<'t, C: Allows<Privileged>>(
    scope: &mut Scope<'t, C>,
    account: Uuid,
    role: InvitedRole,
) -> Result<Row<'t, TenantAccountJoin>, MembershipError> {
    if membership(scope, account)?.is_some() {
        return Err(MembershipError::AlreadyAMember(account));
    }
    let invited_by = scope.account_id();
    Ok(scope.insert::<TenantAccountJoin>(NewTenantAccountJoin {
        id: None,
        account_id: account,
        current: None,
        role: Some(role),
        invited_by: Some(invited_by),
        last_opened_at: None,
    })?)
}

/// Gives `member` another role; to `owner`, this is
/// [`transfer_ownership`]. The owner only.
pub fn change_role<'t>(
    scope: &mut Scope<'t, Owner>,
    member: Uuid,
    role: TenantAccountRole,
) -> Result<Row<'t, TenantAccountJoin>, MembershipError> {
    let join = other_member(scope, member)?;
    if join.role == role {
        return Err(MembershipError::RoleAlreadyAssigned);
    }
    if role == TenantAccountRole::Owner {
        // Dify's `update_member_role`: the current owner becomes an admin.
        let operator = scope.account_id();
        if let Some(owner) = membership(scope, operator)? {
            set_role(scope, &owner, TenantAccountRole::Admin)?;
        }
    }
    set_role(scope, &join, role)
}

/// Hands the workspace to `member`, who becomes its owner; the operator
/// (the owner until now) becomes an admin. The owner only.
pub fn transfer_ownership<'t>(
    scope: &mut Scope<'t, Owner>,
    member: Uuid,
) -> Result<Row<'t, TenantAccountJoin>, MembershipError> {
    change_role(scope, member, TenantAccountRole::Owner)
}

/// Removes `member` from the workspace. The owner only.
pub fn remove_member(scope: &mut Scope<'_, Owner>, member: Uuid) -> Result<(), MembershipError> {
    let join = other_member(scope, member)?;
    scope.delete(join.id())?;
    Ok(())
}

/// Makes `account` the owner of the new workspace `tenant`: the system
/// path of workspace creation (Dify's `create_owner_tenant_if_not_exist`),
/// since no scope exists before the workspace has a member.
pub fn create_workspace_owner<D: Dialect>(
    system: &mut SystemAccess<'_, D>,
    tenant: Uuid,
    account: Uuid,
) -> Result<TenantAccountJoin, Error>
where
    TenantAccountJoin: Persist<D>,
{
    let join = system.insert::<TenantAccountJoin>(
        Some(tenant),
        None,
        NewTenantAccountJoin {
            id: None,
            account_id: account,
            current: Some(true),
            role: Some(InvitedRole::Admin),
            invited_by: None,
            last_opened_at: None,
        },
    )?;
    // The insert form cannot say `owner` (on purpose); system work may.
    // The uuid is written as a literal (hex and hyphens only), which both
    // dialects read, PostgreSQL as a uuid and MySQL as its `char(36)`.
    system.connection().batch_execute(&format!(
        "UPDATE tenant_account_joins SET role = 'owner' WHERE id = '{}'",
        join.id.hyphenated()
    ))?;
    Ok(TenantAccountJoin {
        role: TenantAccountRole::Owner,
        ..join
    })
}

/// The membership of `account` in the scope's workspace.
fn membership<'t, C: dify_schema::scope::Capability>(
    scope: &mut Scope<'t, C>,
    account: Uuid,
) -> Result<Option<Row<'t, TenantAccountJoin>>, Error> {
    scope
        .query::<TenantAccountJoin>()
        .filter(|join| join.account_id.eq(account))
        .first()
}

/// The membership of `member`, who is not the operator.
fn other_member<'t>(
    scope: &mut Scope<'t, Owner>,
    member: Uuid,
) -> Result<Row<'t, TenantAccountJoin>, MembershipError> {
    if member == scope.account_id() {
        return Err(MembershipError::CannotOperateSelf);
    }
    membership(scope, member)?.ok_or(MembershipError::NotAMember(member))
}

fn set_role<'t>(
    scope: &mut Scope<'t, Owner>,
    join: &Row<'t, TenantAccountJoin>,
    role: TenantAccountRole,
) -> Result<Row<'t, TenantAccountJoin>, MembershipError> {
    let changes = TenantAccountJoinChanges {
        role: Some(role),
        ..Default::default()
    };
    scope
        .update(join.id(), changes)?
        .ok_or(MembershipError::NotAMember(join.account_id))
}
