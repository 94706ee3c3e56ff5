//! Who else may use a credential that its creator shares with some members only.

use dify_schema::prelude::*;

use crate::account::Account;
use crate::datasource::DatasourceProvider;
use crate::provider::ProviderCredential;
use crate::tool::BuiltinToolProvider;
use crate::trigger::TriggerSubscription;

/// `credential_permissions.credential_type`: Dify's `CredentialType` of
/// `models/credential_permission.py`, which table `credential_id` points into (not the
/// `api-key`/`oauth2` kind of a tool credential).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum CredentialType {
    TriggerSubscription,
    BuiltinToolProvider,
    DatasourceProvider,
    ProviderCredential,
}

/// Dify's `CredentialPermission` (`credential_permissions`).
///
/// A member with access to a credential shared with "partial members"; mirrors
/// `dataset_permissions` for every kind of credential, told apart by `credential_type`.
#[entity(table = "credential_permissions", owner = tenant, primary_key_name = "credential_permission_pkey")]
#[index(
    name = "idx_credential_permissions_credential",
    columns(credential_id, credential_type)
)]
#[index(name = "idx_credential_permissions_account_id", columns(account_id))]
#[index(name = "idx_credential_permissions_tenant_id", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct CredentialPermission {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(
        uuid,
        references = any(
            TriggerSubscription,
            BuiltinToolProvider,
            DatasourceProvider,
            ProviderCredential
        )
    )]
    pub credential_id: Uuid,
    #[column(varchar(40))]
    pub credential_type: CredentialType,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(boolean, default = true)]
    pub has_permission: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}
