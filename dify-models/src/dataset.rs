//! Knowledge bases (datasets): documents, segments and child chunks, processing rules, metadata,
//! keyword tables, embeddings, external knowledge, and RAG pipelines.

use dify_schema::prelude::*;

use crate::account::{Account, Tenant};
use crate::app::{ApiRequest, App};
use crate::enums::CreatorUserRole;
use crate::file::UploadFile;
use crate::workflow::Workflow;

/// Who may see a knowledge base (`datasets.permission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetPermissionEnum {
    OnlyMe,
    AllTeamMembers,
    PartialMembers,
}

/// `datasets.indexing_technique` (Dify's `Dataset.INDEXING_TECHNIQUE_LIST`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum IndexingTechnique {
    HighQuality,
    Economy,
}

/// `datasets.provider` (Dify's `Dataset.PROVIDER_LIST`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetProvider {
    Vendor,
    External,
}

/// `dataset_process_rules.mode` (also Dify's `DatasetProcessRule.MODES`, the same values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum ProcessRuleMode {
    Automatic,
    Custom,
    Hierarchical,
}

/// `documents.data_source_type`, `datasets.data_source_type` (Dify's `Document.DATA_SOURCES` is the first three values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DataSourceType {
    UploadFile,
    NotionImport,
    WebsiteCrawl,
    LocalFile,
    OnlineDocument,
}

/// `documents.indexing_status`: a state machine, see [`IndexingStatus::can_move_to`].
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

/// `documents.created_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DocumentCreatedFrom {
    Web,
    Api,
    #[value = "rag-pipeline"]
    RagPipeline,
}

/// `documents.doc_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DocumentDocType {
    Book,
    WebPage,
    Paper,
    SocialMediaPost,
    WikipediaEntry,
    PersonalDocument,
    BusinessDocument,
    ImChatLog,
    SyncedFromNotion,
    SyncedFromGithub,
    Others,
}

/// `document_segments.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum SegmentStatus {
    Waiting,
    Indexing,
    Completed,
    Error,
    Paused,
    ReSegment,
}

/// `child_chunks.type`: how a child chunk was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum SegmentType {
    Automatic,
    Customized,
}

/// `dataset_metadatas.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetMetadataType {
    String,
    Number,
    Time,
}

/// `datasets.runtime_mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetRuntimeMode {
    General,
    RagPipeline,
}

/// `dataset_collection_bindings.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum CollectionBindingType {
    Dataset,
    Annotation,
}

/// `dataset_queries.source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum DatasetQuerySource {
    HitTesting,
    App,
}

/// `tidb_auth_bindings.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum TidbAuthBindingStatus {
    #[value = "CREATING"]
    Creating,
    #[value = "ACTIVE"]
    Active,
}

/// Status of a segment summary (Dify's newer segment-summary table, which the catalogue does not have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum SummaryStatus {
    NotStarted,
    Generating,
    Completed,
    Error,
    Timeout,
}

/// Dify's `Dataset` (`datasets`).
///
/// indexing_technique in (high_quality, economy, NULL); provider in (vendor, external); retrieval_model/icon_info are AdjustedJSON -> jsonb on PostgreSQL; GIN index only created on PostgreSQL.
#[entity(table = "datasets", owner = tenant, primary_key_name = "dataset_pkey", write = dataset_editing)]
#[index(name = "dataset_tenant_idx", columns(tenant_id))]
#[index(name = "dataset_tenant_maintainer_idx", columns(tenant_id, maintainer))]
#[index(name = "retrieval_model_idx", columns(retrieval_model), using = gin, mysql = "skip")]
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Tenant)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: Option<String>,
    #[column(varchar(255), default = "vendor")]
    pub provider: DatasetProvider,
    #[column(varchar(255), default = "only_me")]
    pub permission: DatasetPermissionEnum,
    #[column(varchar(255))]
    pub data_source_type: Option<DataSourceType>,
    #[column(varchar(255))]
    pub indexing_technique: Option<IndexingTechnique>,
    #[column(text)]
    pub index_struct: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(255), default = "text-embedding-ada-002")]
    pub embedding_model: Option<String>,
    #[column(varchar(255), default = "openai")]
    pub embedding_model_provider: Option<String>,
    #[column(integer, default = 10)]
    pub keyword_number: Option<i32>,
    #[column(uuid, references = DatasetCollectionBinding)]
    pub collection_binding_id: Option<Uuid>,
    #[column(jsonb)]
    pub retrieval_model: Option<Json>,
    #[column(boolean, default = false)]
    pub built_in_field_enabled: bool,
    #[column(jsonb)]
    pub icon_info: Option<Json>,
    #[column(varchar(255), default = "general")]
    pub runtime_mode: Option<DatasetRuntimeMode>,
    #[column(uuid, references = Pipeline)]
    pub pipeline_id: Option<Uuid>,
    #[column(varchar(255))]
    pub chunk_structure: Option<String>,
    #[column(boolean, default = true)]
    pub enable_api: bool,
    #[column(boolean, default = false)]
    pub is_multimodal: bool,
    #[column(jsonb)]
    pub summary_index_setting: Option<Json>,
    /// The account that looks after the knowledge base.
    #[column(uuid, references = Account, join = false)]
    pub maintainer: Option<Uuid>,
}

/// Dify's `DatasetProcessRule` (`dataset_process_rules`).
///
/// Mode in (automatic, custom, hierarchical); rules is JSON as text.
#[entity(table = "dataset_process_rules", owner = via(dataset_id), primary_key_name = "dataset_process_rule_pkey", write = dataset_editing)]
#[index(name = "dataset_process_rule_dataset_id_idx", columns(dataset_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetProcessRule {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(varchar(255), default = "automatic")]
    pub mode: ProcessRuleMode,
    #[column(text)]
    pub rules: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `Document` (`documents`).
///
/// indexing_status: waiting/parsing/cleaning/splitting/indexing/completed/error (+paused via is_paused); archived/enabled act as soft-disable flags; data_source_type in (upload_file, notion_import, website_crawl).
#[entity(table = "documents", owner = tenant, primary_key_name = "document_pkey", write = dataset_editing)]
#[index(name = "document_dataset_id_idx", columns(dataset_id))]
#[index(name = "document_is_paused_idx", columns(is_paused))]
#[index(name = "document_tenant_idx", columns(tenant_id))]
#[index(name = "document_metadata_idx", columns(doc_metadata), using = gin, mysql = "skip")]
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(varchar(255))]
    pub data_source_type: DataSourceType,
    #[column(text)]
    pub data_source_info: Option<String>,
    #[column(uuid, references = DatasetProcessRule)]
    pub dataset_process_rule_id: Option<Uuid>,
    #[column(varchar(255))]
    pub batch: String,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub created_from: DocumentCreatedFrom,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(uuid, references = ApiRequest)]
    pub created_api_request_id: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
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
    #[column(uuid, references = Account, join = false)]
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
    #[column(uuid, references = Account, join = false)]
    pub disabled_by: Option<Uuid>,
    #[column(boolean, default = false)]
    pub archived: bool,
    #[column(varchar(255))]
    pub archived_reason: Option<String>,
    #[column(uuid, references = Account, join = false)]
    pub archived_by: Option<Uuid>,
    #[column(timestamp)]
    pub archived_at: Option<NaiveDateTime>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(varchar(40))]
    pub doc_type: Option<DocumentDocType>,
    #[column(jsonb)]
    pub doc_metadata: Option<Json>,
    #[column(varchar(255), default = "text_model")]
    pub doc_form: String,
    #[column(varchar(255))]
    pub doc_language: Option<String>,
    #[column(boolean, default = false)]
    pub need_summary: bool,
}

/// Dify's `DocumentSegment` (`document_segments`).
///
/// Status values seen: waiting, indexing, completed, error.
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
    #[column(uuid, primary_key, default = uuid_generate_v4())]
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
    #[column(uuid, references = Account, join = false)]
    pub disabled_by: Option<Uuid>,
    #[column(varchar(255), default = "waiting")]
    pub status: SegmentStatus,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
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

/// Dify's `ChildChunk` (`child_chunks`).
#[entity(table = "child_chunks", owner = tenant, primary_key_name = "child_chunk_pkey", write = dataset_editing)]
#[index(
    name = "child_chunk_dataset_id_idx",
    columns(tenant_id, dataset_id, document_id, segment_id, index_node_id)
)]
#[index(name = "child_chunks_node_idx", columns(index_node_id, dataset_id))]
#[index(name = "child_chunks_segment_idx", columns(segment_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct ChildChunk {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(uuid, references = DocumentSegment)]
    pub segment_id: Uuid,
    #[column(integer)]
    pub position: i32,
    #[column(text)]
    pub content: String,
    #[column(integer)]
    pub word_count: i32,
    #[column(varchar(255))]
    pub index_node_id: Option<String>,
    #[column(varchar(255))]
    pub index_node_hash: Option<String>,
    #[column(varchar(255), default = "automatic")]
    pub r#type: SegmentType,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(timestamp)]
    pub indexing_at: Option<NaiveDateTime>,
    #[column(timestamp)]
    pub completed_at: Option<NaiveDateTime>,
    #[column(text)]
    pub error: Option<String>,
}

/// Dify's `AppDatasetJoin` (`app_dataset_joins`).
#[entity(table = "app_dataset_joins", owner = via(app_id), primary_key_name = "app_dataset_join_pkey")]
#[index(name = "app_dataset_join_app_dataset_idx", columns(dataset_id, app_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct AppDatasetJoin {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = App)]
    pub app_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `DatasetQuery` (`dataset_queries`).
#[entity(table = "dataset_queries", owner = via(dataset_id), primary_key_name = "dataset_query_pkey", write = member)]
#[index(name = "dataset_query_dataset_id_idx", columns(dataset_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetQuery {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(text)]
    pub content: String,
    #[column(varchar(255))]
    pub source: DatasetQuerySource,
    #[column(uuid, references = App)]
    pub source_app_id: Option<Uuid>,
    #[column(varchar(unbounded))]
    pub created_by_role: CreatorUserRole,
    #[column(
        uuid,
        no_reference = "an account or an end user, told apart by created_by_role"
    )]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `DatasetKeywordTable` (`dataset_keyword_tables`).
///
/// dataset_id declared unique=True (constraint name from naming convention); data_source_type database|file.
#[entity(table = "dataset_keyword_tables", owner = via(dataset_id), primary_key_name = "dataset_keyword_table_pkey", write = dataset_editing)]
#[index(name = "dataset_keyword_table_dataset_id_idx", columns(dataset_id))]
#[unique(
    name = "dataset_keyword_tables_dataset_id_key",
    columns(dataset_id),
    mysql_name = "dataset_id"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetKeywordTable {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(text)]
    pub keyword_table: String,
    #[column(varchar(255), default = "database")]
    pub data_source_type: String,
}

/// Dify's `Embedding` (`embeddings`).
///
/// Embedding cache shared across tenants; embedding is a pickled float list (BinaryData -> bytea).
#[entity(table = "embeddings", owner = global, visible = none, primary_key_name = "embedding_pkey")]
#[index(name = "created_at_idx", columns(created_at))]
#[unique(name = "embedding_hash_idx", columns(model_name, hash, provider_name))]
#[derive(Debug, Clone, PartialEq)]
pub struct Embedding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255), default = "text-embedding-ada-002")]
    pub model_name: String,
    #[column(varchar(64))]
    pub hash: String,
    #[column(bytea)]
    pub embedding: Vec<u8>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(varchar(255), default = "")]
    pub provider_name: String,
}

/// Dify's `DatasetCollectionBinding` (`dataset_collection_bindings`).
#[entity(table = "dataset_collection_bindings", owner = global, visible = all)]
#[index(name = "provider_model_name_idx", columns(provider_name, model_name))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetCollectionBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub provider_name: String,
    #[column(varchar(255))]
    pub model_name: String,
    #[column(varchar(40), default = "dataset")]
    pub r#type: CollectionBindingType,
    #[column(varchar(64))]
    pub collection_name: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `TidbAuthBinding` (`tidb_auth_bindings`).
///
/// tenant_id nullable (pool of pre-created clusters).
#[entity(table = "tidb_auth_bindings", owner = tenant, write = privileged)]
#[index(name = "tidb_auth_bindings_tenant_idx", columns(tenant_id))]
#[index(name = "tidb_auth_bindings_active_idx", columns(active))]
#[index(name = "tidb_auth_bindings_created_at_idx", columns(created_at))]
#[index(name = "tidb_auth_bindings_status_idx", columns(status))]
#[derive(Debug, Clone, PartialEq)]
pub struct TidbAuthBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(varchar(255))]
    pub cluster_id: String,
    #[column(varchar(255))]
    pub cluster_name: String,
    #[column(boolean, default = false)]
    pub active: bool,
    #[column(varchar(255), default = "CREATING")]
    pub status: TidbAuthBindingStatus,
    #[column(varchar(255))]
    pub account: String,
    #[column(varchar(255))]
    pub password: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(varchar(512))]
    pub qdrant_endpoint: Option<String>,
}

/// Dify's `Whitelist` (`whitelists`).
#[entity(table = "whitelists", owner = tenant, write = privileged)]
#[index(name = "whitelists_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct Whitelist {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Option<Uuid>,
    #[column(varchar(255))]
    pub category: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `DatasetPermission` (`dataset_permissions`).
#[entity(table = "dataset_permissions", owner = tenant, primary_key_name = "dataset_permission_pkey", write = dataset_editing)]
#[index(name = "idx_dataset_permissions_dataset_id", columns(dataset_id))]
#[index(name = "idx_dataset_permissions_account_id", columns(account_id))]
#[index(name = "idx_dataset_permissions_tenant_id", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetPermission {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(boolean, default = true)]
    pub has_permission: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `ExternalKnowledgeApis` (`external_knowledge_apis`).
#[entity(table = "external_knowledge_apis", owner = tenant, write = dataset_editing)]
#[index(name = "external_knowledge_apis_tenant_idx", columns(tenant_id))]
#[index(name = "external_knowledge_apis_name_idx", columns(name))]
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalKnowledgeApis {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255))]
    pub description: String,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(text)]
    pub settings: Option<String>,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `ExternalKnowledgeBindings` (`external_knowledge_bindings`).
#[entity(table = "external_knowledge_bindings", owner = tenant, write = dataset_editing)]
#[index(name = "external_knowledge_bindings_tenant_idx", columns(tenant_id))]
#[index(name = "external_knowledge_bindings_dataset_idx", columns(dataset_id))]
#[index(
    name = "external_knowledge_bindings_external_knowledge_idx",
    columns(external_knowledge_id)
)]
#[index(
    name = "external_knowledge_bindings_external_knowledge_api_idx",
    columns(external_knowledge_api_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalKnowledgeBindings {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = ExternalKnowledgeApis)]
    pub external_knowledge_api_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(varchar(512))]
    pub external_knowledge_id: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `DatasetAutoDisableLog` (`dataset_auto_disable_logs`).
#[entity(table = "dataset_auto_disable_logs", owner = tenant, primary_key_name = "dataset_auto_disable_log_pkey", write = member)]
#[index(name = "dataset_auto_disable_log_tenant_idx", columns(tenant_id))]
#[index(name = "dataset_auto_disable_log_dataset_idx", columns(dataset_id))]
#[index(name = "dataset_auto_disable_log_created_atx", columns(created_at))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetAutoDisableLog {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(boolean, default = false)]
    pub notified: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `RateLimitLog` (`rate_limit_logs`).
#[entity(table = "rate_limit_logs", owner = tenant, primary_key_name = "rate_limit_log_pkey", write = member)]
#[index(name = "rate_limit_log_tenant_idx", columns(tenant_id))]
#[index(name = "rate_limit_log_operation_idx", columns(operation))]
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimitLog {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub subscription_plan: String,
    #[column(varchar(255))]
    pub operation: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `DatasetMetadata` (`dataset_metadatas`).
///
/// Type in (string, number, time).
#[entity(table = "dataset_metadatas", owner = tenant, primary_key_name = "dataset_metadata_pkey", write = dataset_editing)]
#[index(name = "dataset_metadata_tenant_idx", columns(tenant_id))]
#[index(name = "dataset_metadata_dataset_idx", columns(dataset_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetMetadata {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(varchar(255))]
    pub r#type: DatasetMetadataType,
    #[column(varchar(255))]
    pub name: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP(0), audit = updated_at)]
    pub updated_at: NaiveDateTime,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
}

/// Dify's `DatasetMetadataBinding` (`dataset_metadata_bindings`).
#[entity(table = "dataset_metadata_bindings", owner = tenant, primary_key_name = "dataset_metadata_binding_pkey", write = dataset_editing)]
#[index(name = "dataset_metadata_binding_tenant_idx", columns(tenant_id))]
#[index(name = "dataset_metadata_binding_dataset_idx", columns(dataset_id))]
#[index(name = "dataset_metadata_binding_metadata_idx", columns(metadata_id))]
#[index(name = "dataset_metadata_binding_document_idx", columns(document_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetMetadataBinding {
    #[column(uuid, primary_key, default = uuid_generate_v4())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = DatasetMetadata)]
    pub metadata_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
}

/// Dify's `Pipeline` (`pipelines`).
///
/// RAG pipeline; datasets.pipeline_id points here; workflows with type rag-pipeline use app_id = pipeline id.
#[entity(table = "pipelines", owner = tenant, primary_key_name = "pipeline_pkey", write = dataset_editing)]
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    // Dify's migration gave this text column a varchar default.
    #[column(text, default = sql("''::character varying"))]
    pub description: String,
    #[column(uuid, references = Workflow)]
    pub workflow_id: Option<Uuid>,
    #[column(boolean, default = false)]
    pub is_public: bool,
    #[column(boolean, default = false)]
    pub is_published: bool,
    #[column(uuid, audit = created_by)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `PipelineBuiltInTemplate` (`pipeline_built_in_templates`).
#[entity(table = "pipeline_built_in_templates", owner = global, visible = all, primary_key_name = "pipeline_built_in_template_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineBuiltInTemplate {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: String,
    #[column(varchar(255))]
    pub chunk_structure: String,
    #[column(json)]
    pub icon: Json,
    #[column(text)]
    pub yaml_content: String,
    #[column(varchar(255))]
    pub copyright: String,
    #[column(varchar(255))]
    pub privacy_policy: String,
    #[column(integer)]
    pub position: i32,
    #[column(integer)]
    pub install_count: i32,
    #[column(varchar(255))]
    pub language: String,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `PipelineCustomizedTemplate` (`pipeline_customized_templates`).
#[entity(table = "pipeline_customized_templates", owner = tenant, primary_key_name = "pipeline_customized_template_pkey", write = dataset_editing)]
#[index(name = "pipeline_customized_template_tenant_idx", columns(tenant_id))]
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineCustomizedTemplate {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(text)]
    pub description: String,
    #[column(varchar(255))]
    pub chunk_structure: String,
    #[column(json)]
    pub icon: Json,
    #[column(integer)]
    pub position: i32,
    #[column(text)]
    pub yaml_content: String,
    #[column(integer)]
    pub install_count: i32,
    #[column(varchar(255))]
    pub language: String,
    #[column(uuid, audit = created_by)]
    pub created_by: Uuid,
    #[column(uuid, audit = updated_by)]
    pub updated_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `DocumentPipelineExecutionLog` (`document_pipeline_execution_logs`).
#[entity(table = "document_pipeline_execution_logs", owner = via(document_id), primary_key_name = "document_pipeline_execution_log_pkey", write = dataset_editing)]
#[index(
    name = "document_pipeline_execution_logs_document_id_idx",
    columns(document_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPipelineExecutionLog {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(uuid, references = Pipeline)]
    pub pipeline_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(varchar(255))]
    pub datasource_type: String,
    #[column(text)]
    pub datasource_info: String,
    #[column(varchar(255))]
    pub datasource_node_id: String,
    #[column(json)]
    pub input_data: Json,
    #[column(uuid, references = Account, join = false)]
    pub created_by: Option<Uuid>,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}

/// Dify's `PipelineRecommendedPlugin` (`pipeline_recommended_plugins`).
#[entity(table = "pipeline_recommended_plugins", owner = global, visible = all, primary_key_name = "pipeline_recommended_plugin_pkey")]
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineRecommendedPlugin {
    #[column(uuid, primary_key, default = uuidv7())]
    pub id: Uuid,
    #[column(text)]
    pub plugin_id: String,
    #[column(text)]
    pub provider_name: String,
    #[column(varchar(50), default = "tool")]
    pub r#type: String,
    #[column(integer)]
    pub position: i32,
    #[column(boolean)]
    pub active: bool,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = updated_at)]
    pub updated_at: NaiveDateTime,
}

/// Dify's `SegmentAttachmentBinding` (`segment_attachment_bindings`).
///
/// Multimodal knowledge: links segments to upload_files (attachment_id).
#[entity(table = "segment_attachment_bindings", owner = tenant, primary_key_name = "segment_attachment_binding_pkey", write = dataset_editing)]
#[index(
    name = "segment_attachment_binding_tenant_dataset_document_segment_idx",
    columns(tenant_id, dataset_id, document_id, segment_id)
)]
#[index(
    name = "segment_attachment_binding_attachment_idx",
    columns(attachment_id)
)]
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentAttachmentBinding {
    #[column(uuid, primary_key, client_default = uuid7)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, references = Dataset)]
    pub dataset_id: Uuid,
    #[column(uuid, references = Document)]
    pub document_id: Uuid,
    #[column(uuid, references = DocumentSegment)]
    pub segment_id: Uuid,
    #[column(uuid, references = UploadFile)]
    pub attachment_id: Uuid,
    #[column(timestamp, default = CURRENT_TIMESTAMP, audit = created_at)]
    pub created_at: NaiveDateTime,
}
