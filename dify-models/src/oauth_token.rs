//! Bearer tokens of Dify's device-flow OAuth (a CLI or device signed in as an account, or as an
//! externally verified SSO subject).

use dify_schema::prelude::*;

use crate::account::Account;

/// Dify's `OAuthAccessToken` (`oauth_access_tokens`).
///
/// With `account_id` set the token is a Dify account's (`subject_issuer` is the
/// `dify:account` sentinel); without, an external SSO subject's (enterprise only). Only the hash
/// of the token is kept; a revoked token keeps its row, and the partial indexes cover live
/// ones only. Its times are `timestamp with time zone`, unlike Dify's older tables.
#[entity(table = "oauth_access_tokens", owner = global, visible = none)]
#[index(
    name = "idx_oauth_account",
    columns(account_id),
    where = "revoked_at IS NULL AND account_id IS NOT NULL",
    mysql = "whole"
)]
#[index(
    name = "idx_oauth_client",
    columns(subject_email, client_id),
    where = "revoked_at IS NULL",
    mysql = "whole"
)]
#[index(
    name = "idx_oauth_subject_email",
    columns(subject_email),
    where = "revoked_at IS NULL",
    mysql = "whole"
)]
#[index(
    name = "idx_oauth_token_hash",
    columns(token_hash),
    where = "revoked_at IS NULL",
    mysql = "whole"
)]
#[index(
    name = "uq_oauth_active_per_device",
    columns(subject_email, subject_issuer, client_id, device_label),
    unique,
    where = "revoked_at IS NULL",
    mysql = "whole",
    mysql_prefix(subject_email = 191, subject_issuer = 191, device_label = 191)
)]
#[unique(
    name = "oauth_access_tokens_token_hash_key",
    columns(token_hash),
    mysql_name = "token_hash"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct OAuthAccessToken {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub subject_email: String,
    #[column(varchar(255))]
    pub subject_issuer: Option<String>,
    #[column(
        uuid,
        references = Account,
        foreign_key = "fk_oauth_access_tokens_account_id",
        on_delete = set_null
    )]
    pub account_id: Option<Uuid>,
    #[column(varchar(64))]
    pub client_id: String,
    #[column(varchar(255))]
    pub device_label: String,
    #[column(varchar(8))]
    pub prefix: String,
    #[column(varchar(64))]
    pub token_hash: Option<String>,
    #[column(timestamptz, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: UtcDateTime,
    #[column(timestamptz)]
    pub last_used_at: Option<UtcDateTime>,
    #[column(timestamptz)]
    pub expires_at: UtcDateTime,
    #[column(timestamptz)]
    pub revoked_at: Option<UtcDateTime>,
}
