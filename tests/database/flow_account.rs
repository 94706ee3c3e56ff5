//! The account domain's flow: a workspace with an owner who brings in a
//! member of each role, what each role may then do, membership changes as
//! Dify's `TenantService` allows them (an admin invites, only the owner
//! re-roles, removes and hands over the workspace), the operation log, and
//! the global rows around accounts (login bindings, invitation codes).

use dify_models::account::*;
use dify_models::members::{self, MembershipError};
use dify_schema::scope::{DatasetEditing, Editing, Owner, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error, Page, Role, StringEnum};
use serde_json::json;

use crate::fixtures::{account, database_with_schema, member, tenant};
use crate::samples;

#[test]
pub(crate) fn an_owner_builds_a_team_of_every_role_and_manages_it() {
    let (_db, mut conn) = database_with_schema();
    let mut system = bypass_tenant_isolation(&mut conn, "test setup");
    let acme = tenant(&mut system, "Acme");
    let owner = account(&mut system, "owner");
    member(&mut system, acme, owner, TenantAccountRole::Owner);
    let admin = account(&mut system, "admin");
    let editor = account(&mut system, "editor");
    let normal = account(&mut system, "normal");
    let operator = account(&mut system, "operator");

    // The owner invites the admin, the admin the others (Dify lets owners
    // and admins add members), and the invitations are logged.
    with_tenant(
        &mut conn,
        acme,
        owner,
        |scope| -> Result<(), MembershipError> {
            assert_eq!(scope.role(), Role::Owner);
            let scope = scope.require::<Privileged>()?;
            let join = members::add_member(scope, admin, InvitedRole::Admin)?;
            assert_eq!(join.invited_by, Some(owner));
            Ok(())
        },
    )
    .unwrap();
    with_tenant(&mut conn, acme, admin, |scope| -> Result<(), Error> {
        let scope = scope.require::<Privileged>()?;
        for (account, role) in [
            (editor, InvitedRole::Editor),
            (normal, InvitedRole::Normal),
            (operator, InvitedRole::DatasetOperator),
        ] {
            let join = members::add_member(scope, account, role).unwrap();
            assert_eq!(join.tenant_id, acme, "the scope fills in the tenant");
            assert_eq!(join.invited_by, Some(admin));
            assert!(!join.current, "server default");
            scope.insert::<OperationLog>(NewOperationLog {
                action: "invite_member".into(),
                content: Some(json!({"account": account, "role": role.as_str()})),
                created_ip: "203.0.113.7".into(),
                ..samples::operation_log(admin)
            })?;
        }
        // The same account twice: Dify's AccountAlreadyInTenantError.
        assert!(matches!(
            members::add_member(scope, normal, InvitedRole::Editor),
            Err(MembershipError::AlreadyAMember(account)) if account == normal
        ));
        assert_eq!(scope.count::<TenantAccountJoin>()?, 5);
        assert_eq!(scope.list::<OperationLog>(Page::first(10))?.len(), 3);
        Ok(())
    })
    .unwrap();

    // Each member enters with its role, and the role gives Dify's capabilities.
    let expected = [
        (owner, Role::Owner, true, true, true),
        (admin, Role::Admin, true, true, true),
        (editor, Role::Editor, false, true, true),
        (normal, Role::Normal, false, false, false),
        (operator, Role::DatasetOperator, false, false, true),
    ];
    for (account, role, privileged, editing, dataset_editing) in expected {
        with_tenant(&mut conn, acme, account, |scope| -> Result<(), Error> {
            assert_eq!(scope.role(), role);
            assert_eq!(
                scope.require::<Privileged>().is_ok(),
                privileged,
                "{role:?}"
            );
            assert_eq!(scope.require::<Editing>().is_ok(), editing, "{role:?}");
            assert_eq!(
                scope.require::<DatasetEditing>().is_ok(),
                dataset_editing,
                "{role:?}"
            );
            // Everyone may read the member list.
            assert_eq!(scope.count::<TenantAccountJoin>()?, 5);
            Ok(())
        })
        .unwrap();
    }

    // A normal member may not manage members: a typed refusal.
    let refused = with_tenant(&mut conn, acme, normal, |scope| -> Result<(), Error> {
        scope.require::<Privileged>()?;
        Ok(())
    });
    assert!(
        matches!(
            refused,
            Err(Error::Forbidden {
                need: "Privileged",
                role: Role::Normal
            })
        ),
        "{refused:?}"
    );

    // Changing or removing a member is the owner's alone: the admin is
    // refused at run time (and `members::change_role` on an admin's scope
    // does not compile: it takes a `Scope<Owner>`).
    let refused = with_tenant(&mut conn, acme, admin, |scope| -> Result<(), Error> {
        scope.require::<Owner>()?;
        Ok(())
    });
    assert!(
        matches!(
            refused,
            Err(Error::Forbidden {
                need: "Owner",
                role: Role::Admin
            })
        ),
        "{refused:?}"
    );

    // The owner promotes the editor, removes the normal member, and is
    // refused what Dify refuses.
    with_tenant(
        &mut conn,
        acme,
        owner,
        |scope| -> Result<(), MembershipError> {
            let scope = scope.require::<Owner>()?;
            let promoted = members::change_role(scope, editor, TenantAccountRole::Admin)?;
            assert_eq!(promoted.role, TenantAccountRole::Admin);
            assert!(matches!(
                members::change_role(scope, editor, TenantAccountRole::Admin),
                Err(MembershipError::RoleAlreadyAssigned)
            ));
            assert!(matches!(
                members::change_role(scope, owner, TenantAccountRole::Admin),
                Err(MembershipError::CannotOperateSelf)
            ));
            assert!(matches!(
                members::remove_member(scope, owner),
                Err(MembershipError::CannotOperateSelf)
            ));
            members::remove_member(scope, normal)?;
            assert!(matches!(
                members::remove_member(scope, normal),
                Err(MembershipError::NotAMember(account)) if account == normal
            ));
            Ok(())
        },
    )
    .unwrap();
    with_tenant(&mut conn, acme, editor, |scope| -> Result<(), Error> {
        assert_eq!(scope.role(), Role::Admin, "the promotion holds");
        Ok(())
    })
    .unwrap();

    // The owner hands the workspace to the admin and becomes an admin:
    // one owner at all times.
    with_tenant(
        &mut conn,
        acme,
        owner,
        |scope| -> Result<(), MembershipError> {
            let scope = scope.require::<Owner>()?;
            let new_owner = members::transfer_ownership(scope, admin)?;
            assert_eq!(new_owner.role, TenantAccountRole::Owner);
            let owners = scope
                .query::<TenantAccountJoin>()
                .filter(|join| join.role.eq(TenantAccountRole::Owner))
                .load()?;
            assert_eq!(owners.len(), 1);
            assert_eq!(owners[0].account_id, admin);
            Ok(())
        },
    )
    .unwrap();
    with_tenant(&mut conn, acme, owner, |scope| -> Result<(), Error> {
        assert_eq!(scope.role(), Role::Admin, "the former owner is an admin");
        assert!(scope.require::<Owner>().is_err());
        Ok(())
    })
    .unwrap();
    let removed = with_tenant(&mut conn, acme, normal, |_| -> Result<(), Error> { Ok(()) });
    assert!(
        matches!(removed, Err(Error::NotMember { .. })),
        "{removed:?}"
    );

    // Global rows: a GitHub login of the owner, and an invitation code used
    // by this workspace (the code itself belongs to no workspace).
    let mut system = bypass_tenant_isolation(&mut conn, "test checks");
    let login: AccountIntegrate = system
        .insert(
            None,
            None,
            NewAccountIntegrate {
                provider: "github".into(),
                open_id: "4242".into(),
                ..samples::account_integrate(owner)
            },
        )
        .unwrap();
    assert_eq!(login.account_id, owner);
    let code: InvitationCode = system
        .insert(
            None,
            None,
            NewInvitationCode {
                id: Some(1),
                code: "WELCOME-2026".into(),
                status: Some("used".into()),
                used_by_tenant_id: Some(acme),
                used_by_account_id: Some(owner),
                ..samples::invitation_code()
            },
        )
        .unwrap();
    assert_eq!(code.used_by_tenant_id, Some(acme));
    let fresh: InvitationCode = system
        .insert(
            None,
            None,
            NewInvitationCode {
                id: Some(2),
                ..samples::invitation_code()
            },
        )
        .unwrap();
    assert_eq!(fresh.status, "unused", "server default");
    let accounts: Vec<Account> = system.list().unwrap();
    assert_eq!(accounts.len(), 5);
    assert!(accounts.iter().all(|a| a.status == AccountStatus::Active));
}
