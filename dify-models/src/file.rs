//! Uploaded files.

use dify_schema::prelude::*;

use crate::enums::CreatorUserRole;

/// Dify's `UploadFile` (`upload_files`).
#[entity(table = "upload_files", owner = tenant, primary_key_name = "upload_file_pkey", write = member)]
#[index(name = "upload_file_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct UploadFile {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub storage_type: String,
    #[column(varchar(255))]
    pub key: String,
    #[column(varchar(255))]
    pub name: String,
    #[column(integer)]
    pub size: i32,
    #[column(varchar(255))]
    pub extension: String,
    #[column(varchar(255))]
    pub mime_type: Option<String>,
    #[column(varchar(255), default = "account")]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(boolean, default = false)]
    pub used: bool,
    #[column(uuid, no_reference = "the account or end user that used the file")]
    pub used_by: Option<Uuid>,
    #[column(timestamp)]
    pub used_at: Option<NaiveDateTime>,
    #[column(varchar(255))]
    pub hash: Option<String>,
    // Dify's migration gave this text column a varchar default.
    #[column(text, default = sql("''::character varying"))]
    pub source_url: String,
}
