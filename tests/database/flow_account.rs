//! The account domain's flow: a workspace with an owner who brings in a
//! member of each role, what each role may then do, a promotion, a
//! removal, the operation log, and the global rows around accounts
//! (login bindings, invitation codes).

use dify_models::account::*;
use dify_schema::scope::{DatasetEditing, Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error, Page, Role, StringEnum};
use serde_json::json;

use crate::fixtures::{account, database_with_schema, member, tenant};
use crate::samples;

#[test]
fn an_owner_builds_a_team_of_every_role_and_manages_it() {
    let (_db, mut conn) = database_with_schema();
    let mut system = bypass_tenant_isolation(&mut conn, "test setup");
    let acme = tenant(&mut system, "Acme");
    let owner = account(&mut system, "owner");
    member(&mut system, acme, owner, TenantAccountRole::Owner);
    let admin = account(&mut system, "admin");
    let editor = account(&mut system, "editor");
    let normal = account(&mut system, "normal");
    let operator = account(&mut system, "operator");

    // The owner invites the others, and the invitations are logged.
    with_tenant(&mut conn, acme, owner, |scope| -> Result<(), Error> {
        assert_eq!(scope.role(), Role::Owner);
        let scope = scope.require::<Privileged>()?;
        for (account, role) in [
            (admin, TenantAccountRole::Admin),
            (editor, TenantAccountRole::Editor),
            (normal, TenantAccountRole::Normal),
            (operator, TenantAccountRole::DatasetOperator),
        ] {
            let join = scope.insert::<TenantAccountJoin>(NewTenantAccountJoin {
                role: Some(role),
                invited_by: Some(owner),
                ..samples::tenant_account_join(account)
            })?;
            assert_eq!(join.tenant_id, acme, "the scope fills in the tenant");
            assert!(!join.current, "server default");
            scope.insert::<OperationLog>(NewOperationLog {
                action: "invite_member".into(),
                content: Some(json!({"account": account, "role": role.as_str()})),
                created_ip: "203.0.113.7".into(),
                ..samples::operation_log(owner)
            })?;
        }
        assert_eq!(scope.count::<TenantAccountJoin>()?, 5);
        assert_eq!(scope.list::<OperationLog>(Page::first(10))?.len(), 4);
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

    // The admin promotes the editor to admin, removes the normal member,
    // and cannot add the same account twice (Dify's unique join).
    with_tenant(&mut conn, acme, admin, |scope| -> Result<(), Error> {
        let scope = scope.require::<Privileged>()?;
        let joins = scope.list::<TenantAccountJoin>(Page::first(10))?;
        let editor_join = joins.iter().find(|j| j.account_id == editor).unwrap();
        let promoted = scope
            .update(
                editor_join.id(),
                TenantAccountJoinChanges {
                    role: Some(TenantAccountRole::Admin),
                    ..Default::default()
                },
            )?
            .expect("the join is there");
        assert_eq!(promoted.role, TenantAccountRole::Admin);
        let normal_join = joins.iter().find(|j| j.account_id == normal).unwrap();
        assert!(scope.delete(normal_join.id())?);
        Ok(())
    })
    .unwrap();
    let duplicate = with_tenant(&mut conn, acme, owner, |scope| -> Result<(), Error> {
        scope
            .require::<Privileged>()?
            .insert::<TenantAccountJoin>(samples::tenant_account_join(operator))?;
        Ok(())
    });
    match duplicate {
        Err(Error::Database(error)) => assert!(
            error.to_string().contains("unique_tenant_account_join"),
            "{error}"
        ),
        other => panic!("a second join of the same account must fail, got {other:?}"),
    }
    with_tenant(&mut conn, acme, editor, |scope| -> Result<(), Error> {
        assert_eq!(scope.role(), Role::Admin, "the promotion holds");
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
                id: 1,
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
                id: 2,
                ..samples::invitation_code()
            },
        )
        .unwrap();
    assert_eq!(fresh.status, "unused", "server default");
    let accounts: Vec<Account> = system.list().unwrap();
    assert_eq!(accounts.len(), 5);
    assert!(accounts.iter().all(|a| a.status == AccountStatus::Active));
}
