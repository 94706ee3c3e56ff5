//! The credential permission domain's flow: an editor shares a tool credential with some
//! members only, an admin shares a model provider credential; the permissions are listed per
//! credential (Dify's `get_partial_member_list`), withdrawn, and are the workspace's own.

use dify_models::credential::*;
use dify_models::provider::ProviderCredential;
use dify_models::tool::{BuiltinToolProvider, NewBuiltinToolProvider};
use dify_schema::scope::{Editing, Privileged};
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn credentials_shared_with_partial_members() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (tool_id, permission_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let tool = scope.insert::<BuiltinToolProvider>(NewBuiltinToolProvider {
            user_id: acme.editor,
            provider: "langgenius/google/google".into(),
            ..samples::builtin_tool_provider()
        })?;
        let mut granted = Vec::new();
        for account in [acme.normal, acme.dataset_operator] {
            let permission = scope.insert::<CredentialPermission>(NewCredentialPermission {
                id: None,
                credential_id: tool.id().into(),
                credential_type: CredentialType::BuiltinToolProvider,
                account_id: account,
                has_permission: None,
            })?;
            assert!(permission.has_permission, "server default");
            granted.push(permission.id);
        }
        Ok::<_, Error>((tool.id, granted[1]))
    })
    .unwrap();

    // A provider credential is an admin's to create, and to share.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.admin,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Privileged>()?;
            let credential = scope.insert::<ProviderCredential>(samples::provider_credential())?;
            scope.insert::<CredentialPermission>(NewCredentialPermission {
                id: None,
                credential_id: credential.id().into(),
                credential_type: CredentialType::ProviderCredential,
                account_id: acme.editor,
                has_permission: None,
            })?;
            Ok(())
        },
    )
    .unwrap();

    // The tool's partial members, by credential and type; one is withdrawn.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let shared = scope
                .query::<CredentialPermission>()
                .filter(|p| {
                    p.credential_id
                        .eq(tool_id)
                        .and(p.credential_type.eq(CredentialType::BuiltinToolProvider))
                })
                .load()?;
            let mut members: Vec<_> = shared.iter().map(|p| p.account_id).collect();
            members.sort();
            let mut expected = vec![acme.normal, acme.dataset_operator];
            expected.sort();
            assert_eq!(members, expected);
            let permission = scope
                .lookup::<CredentialPermission>(permission_id)?
                .unwrap();
            assert!(scope.require::<Editing>()?.delete(permission.id())?);
            let left = scope
                .query::<CredentialPermission>()
                .filter(|p| p.credential_id.eq(tool_id))
                .load()?;
            assert_eq!(left.len(), 1);
            assert_eq!(left[0].account_id, acme.normal);
            assert_eq!(scope.count::<CredentialPermission>()?, 2);
            Ok(())
        },
    )
    .unwrap();

    // A normal member reads who may use a credential, and changes none of it.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            assert_eq!(scope.count::<CredentialPermission>()?, 2);
            assert!(scope.require::<Editing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope
                .lookup::<CredentialPermission>(permission_id)?
                .is_none());
            assert_eq!(scope.count::<CredentialPermission>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
