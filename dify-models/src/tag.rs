//! Tags, and what they are bound to.

use dify_schema::prelude::*;

use crate::app::App;
use crate::dataset::Dataset;

/// `tags.type`: what a tag labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TagType {
    Knowledge,
    App,
}

/// Dify's `Tag` (`tags`).
///
/// Type in ('knowledge','app') (TAG_TYPE_LIST).
#[entity(table = "tags", owner = tenant, primary_key_name = "tag_pkey", write = dataset_editing)]
#[index(name = "tag_type_idx", columns(r#type))]
#[index(name = "tag_name_idx", columns(name))]
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(varchar(16))]
    pub r#type: TagType,
    #[column(varchar(255))]
    pub name: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `TagBinding` (`tag_bindings`).
#[entity(table = "tag_bindings", owner = tenant, primary_key_name = "tag_binding_pkey", write = dataset_editing)]
#[index(name = "tag_bind_target_id_idx", columns(target_id))]
#[index(name = "tag_bind_tag_id_idx", columns(tag_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct TagBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(uuid, references = Tag)]
    pub tag_id: Option<Uuid>,
    #[column(uuid, references = any(App, Dataset))]
    pub target_id: Option<Uuid>,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}
