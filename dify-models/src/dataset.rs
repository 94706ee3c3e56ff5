//! Knowledge bases (datasets), their documents and segments.

use dify_schema::prelude::*;

use crate::account::Tenant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetPermission {
    OnlyMe,
    AllTeamMembers,
    PartialMembers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum IndexingStatus {
    Waiting,
    Parsing,
    Cleaning,
    Splitting,
    Indexing,
    Paused,
    Completed,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum SegmentStatus {
    Waiting,
    Indexing,
    Completed,
    Error,
    Paused,
    ReSegment,
}

#[entity(table = "datasets", owner = tenant, primary_key_name = "dataset_pkey", write = dataset_editing)]
#[index(name = "dataset_tenant_idx", columns(tenant_id))]
#[index(name = "retrieval_model_idx", columns(retrieval_model), using = gin)]
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: Option<String>,
    #[column(varchar(255), default = "vendor")]
    pub provider: String,
    #[column(varchar(255), default = "only_me")]
    pub permission: DatasetPermission,
    #[column(varchar(255))]
    pub data_source_type: Option<String>,
    #[column(varchar(255))]
    pub indexing_technique: Option<String>,
    #[column(text)]
    pub index_struct: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(255))]
    pub embedding_model: Option<String>,
    #[column(varchar(255))]
    pub embedding_model_provider: Option<String>,
    #[column(integer, default = 10)]
    pub keyword_number: Option<i32>,
    #[column(uuid)]
    pub collection_binding_id: Option<Uuid>,
    #[column(jsonb)]
    pub retrieval_model: Option<Json>,
    #[column(boolean, default = false)]
    pub built_in_field_enabled: bool,
    #[column(jsonb)]
    pub icon_info: Option<Json>,
    #[column(varchar(255), default = "general")]
    pub runtime_mode: Option<String>,
    #[column(uuid)]
    pub pipeline_id: Option<Uuid>,
    #[column(varchar(255))]
    pub chunk_structure: Option<String>,
    #[column(boolean, default = true)]
    pub enable_api: bool,
    #[column(boolean, default = false)]
    pub is_multimodal: bool,
}

#[entity(table = "documents", owner = tenant, primary_key_name = "document_pkey", write = dataset_editing)]
#[index(name = "document_dataset_id_idx", columns(dataset_id))]
#[index(name = "document_is_paused_idx", columns(is_paused))]
#[index(name = "document_tenant_idx", columns(tenant_id))]
#[index(name = "document_metadata_idx", columns(doc_metadata), using = gin)]
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(varchar(255))]
    pub data_source_type: String,
    #[column(text)]
    pub data_source_info: Option<String>,
    #[column(uuid)]
    pub dataset_process_rule_id: Option<Uuid>,
    #[column(varchar(255))]
    pub batch: String,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub created_from: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(uuid)]
    pub created_api_request_id: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp)]
    pub processing_started_at: Option<NaiveDateTime>,
    #[column(text)]
    pub file_id: Option<String>,
    #[column(integer)]
    pub word_count: Option<i32>,
    #[column(timestamp)]
    pub parsing_completed_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub cleaning_completed_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub splitting_completed_at: Option<NaiveDateTime>,
    #[column(integer)]
    pub tokens: Option<i32>,
    #[column(float)]
    pub indexing_latency: Option<f64>,
    #[column(timestamp)]
    pub completed_at: Option<NaiveDateTime>,
    #[column(boolean, default = false)]
    pub is_paused: Option<bool>,
    #[column(uuid)]
    pub paused_by: Option<Uuid>,
    #[column(timestamp)]
    pub paused_at: Option<NaiveDateTime>,
    #[column(text)]
    pub error: Option<String>,
    #[column(timestamp)]
    pub stopped_at: Option<NaiveDateTime>,
    #[column(varchar(255), default = "waiting")]
    pub indexing_status: IndexingStatus,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(timestamp)]
    pub disabled_at: Option<NaiveDateTime>,
    #[column(uuid)]
    pub disabled_by: Option<Uuid>,
    #[column(boolean, default = false)]
    pub archived: bool,
    #[column(varchar(255))]
    pub archived_reason: Option<String>,
    #[column(uuid)]
    pub archived_by: Option<Uuid>,
    #[column(timestamp)]
    pub archived_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(40))]
    pub doc_type: Option<String>,
    #[column(jsonb)]
    pub doc_metadata: Option<Json>,
    #[column(varchar(255), default = "text_model")]
    pub doc_form: String,
    #[column(varchar(255))]
    pub doc_language: Option<String>,
}

#[entity(table = "document_segments", owner = tenant, primary_key_name = "document_segment_pkey", write = dataset_editing)]
#[index(name = "document_segment_dataset_id_idx", columns(dataset_id))]
#[index(name = "document_segment_document_id_idx", columns(document_id))]
#[index(
    name = "document_segment_tenant_dataset_idx",
    columns(dataset_id, tenant_id)
)]
#[index(
    name = "document_segment_tenant_document_idx",
    columns(document_id, tenant_id)
)]
#[index(
    name = "document_segment_node_dataset_idx",
    columns(index_node_id, dataset_id)
)]
#[index(name = "document_segment_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSegment {
    #[column(uuid, primary_key, client_default = uuid4)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(text)]
    pub content: String,
    #[column(text)]
    pub answer: Option<String>,
    #[column(integer)]
    pub word_count: i32,
    #[column(integer)]
    pub tokens: i32,
    #[column(json)]
    pub keywords: Option<Json>,
    #[column(varchar(255))]
    pub index_node_id: Option<String>,
    #[column(varchar(255))]
    pub index_node_hash: Option<String>,
    #[column(integer)]
    pub hit_count: i32,
    #[column(boolean, default = true)]
    pub enabled: bool,
    #[column(timestamp)]
    pub disabled_at: Option<NaiveDateTime>,
    #[column(uuid)]
    pub disabled_by: Option<Uuid>,
    #[column(varchar(255), default = "waiting")]
    pub status: SegmentStatus,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(timestamp)]
    pub indexing_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub completed_at: Option<NaiveDateTime>,
    #[column(text)]
    pub error: Option<String>,
    #[column(timestamp)]
    pub stopped_at: Option<NaiveDateTime>,
}
