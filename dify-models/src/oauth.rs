//! Dify's own OAuth provider applications (Dify Cloud).

use dify_schema::prelude::*;

/// Dify's `OAuthProviderApp` (`oauth_provider_apps`).
///
/// Dify Cloud only; globally shared.
#[entity(table = "oauth_provider_apps", owner = global, visible = none, primary_key_name = "oauth_provider_app_pkey")]
#[index(name = "oauth_provider_app_client_id_idx", columns(client_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct OAuthProviderApp {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub app_icon: String,
    #[column(json, default = "{}")]
    pub app_label: Json,
    #[column(varchar(255))]
    pub client_id: String,
    #[column(varchar(255))]
    pub client_secret: String,
    #[column(json, default = "[]")]
    pub redirect_uris: Json,
    #[column(
        varchar(255),
        default = "read:name read:email read:avatar read:interface_language read:timezone"
    )]
    pub scope: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}
