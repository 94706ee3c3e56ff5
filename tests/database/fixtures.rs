//! Look-alike workspaces: the same names, apps, conversations and
//! documents in each, so a query that loses its tenant predicate returns
//! the other workspace's rows and a test sees it; and the builders the
//! domain flows share (a workspace with a member of every role).

use diesel::connection::SimpleConnection;
use diesel::PgConnection;
use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_models::SCHEMA;
use dify_schema::render::postgres;
use dify_schema::system::{bypass_tenant_isolation, SystemAccess};
use dify_schema::types::{BigDecimal, Uuid};
use dify_schema::StringEnum;
use dify_tests::TestDatabase;
use serde_json::json;

/// The raw ids of one seeded workspace.
#[derive(Debug, Clone, Copy)]
pub struct Workspace {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub editor: Uuid,
    pub normal: Uuid,
    pub dataset_operator: Uuid,
    pub app: Uuid,
    pub conversation: Uuid,
    pub message: Uuid,
    pub dataset: Uuid,
    pub document: Uuid,
    pub segment: Uuid,
    pub join: Uuid,
}

/// A fresh database with the schema applied.
pub fn database_with_schema() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new();
    let mut conn = db.connect();
    conn.batch_execute(&postgres::create_schema(&SCHEMA))
        .unwrap();
    (db, conn)
}

/// Two workspaces with identical contents.
pub fn two_workspaces(conn: &mut PgConnection) -> (Workspace, Workspace) {
    let mut system = bypass_tenant_isolation(conn, "test fixtures");
    (seed(&mut system), seed(&mut system))
}

/// A new account (accounts are global: one may belong to several workspaces).
pub fn account(system: &mut SystemAccess<'_>, name: &str) -> Uuid {
    let account: Account = system
        .insert(
            None,
            None,
            NewAccount {
                id: None,
                name: name.into(),
                email: format!("{name}@example.com"),
                password: None,
                password_salt: None,
                avatar: None,
                interface_language: None,
                interface_theme: None,
                timezone: None,
                last_login_at: None,
                last_login_ip: None,
                last_active_at: None,
                status: None,
                initialized_at: None,
            },
        )
        .unwrap();
    account.id
}

/// Makes `account` a member of `tenant` with `role`; the join's id.
pub fn member(
    system: &mut SystemAccess<'_>,
    tenant: Uuid,
    account: Uuid,
    role: TenantAccountRole,
) -> Uuid {
    let join: TenantAccountJoin = system
        .insert(
            Some(tenant),
            None,
            NewTenantAccountJoin {
                id: None,
                account_id: account,
                current: Some(true),
                role: Some(role),
                invited_by: None,
            },
        )
        .unwrap();
    join.id
}

/// A new workspace (tenant) with nothing in it.
pub fn tenant(system: &mut SystemAccess<'_>, name: &str) -> Uuid {
    let tenant: Tenant = system
        .insert(
            None,
            None,
            NewTenant {
                id: None,
                name: name.into(),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )
        .unwrap();
    tenant.id
}

/// The accounts of a workspace with one member of each of Dify's roles.
#[derive(Debug, Clone, Copy)]
pub struct Team {
    pub tenant: Uuid,
    pub owner: Uuid,
    pub admin: Uuid,
    pub editor: Uuid,
    pub normal: Uuid,
    pub dataset_operator: Uuid,
}

/// A workspace named `name` with an owner, an admin, an editor, a normal
/// member and a dataset operator.
pub fn team(conn: &mut PgConnection, name: &str) -> Team {
    let mut system = bypass_tenant_isolation(conn, "test fixtures");
    let tenant = tenant(&mut system, name);
    let mut join = |role: TenantAccountRole| {
        let account = account(&mut system, &format!("{name}-{}", role.as_str()));
        member(&mut system, tenant, account, role);
        account
    };
    Team {
        tenant,
        owner: join(TenantAccountRole::Owner),
        admin: join(TenantAccountRole::Admin),
        editor: join(TenantAccountRole::Editor),
        normal: join(TenantAccountRole::Normal),
        dataset_operator: join(TenantAccountRole::DatasetOperator),
    }
}

/// One workspace: members of four roles, an app with a conversation and a
/// message, a dataset with a document and a segment.
pub fn seed(system: &mut SystemAccess<'_>) -> Workspace {
    let tenant: Tenant = system
        .insert(
            None,
            None,
            NewTenant {
                id: None,
                name: "Acme".into(),
                encrypt_public_key: None,
                plan: None,
                status: None,
                custom_config: None,
            },
        )
        .unwrap();
    let owner = account(system, "owner");
    let editor = account(system, "editor");
    let normal = account(system, "normal");
    let dataset_operator = account(system, "operator");
    let join = member(system, tenant.id, owner, TenantAccountRole::Owner);
    member(system, tenant.id, editor, TenantAccountRole::Editor);
    member(system, tenant.id, normal, TenantAccountRole::Normal);
    member(
        system,
        tenant.id,
        dataset_operator,
        TenantAccountRole::DatasetOperator,
    );

    let app: App = system
        .insert(Some(tenant.id), Some(owner), new_app("Support bot"))
        .unwrap();
    let app_ref = system.trust::<App>(app.id);
    let conversation: Conversation = system
        .insert(None, None, new_conversation(app_ref, "Refund"))
        .unwrap();
    let conversation_ref = system.trust::<Conversation>(conversation.id);
    let message: Message = system
        .insert(
            None,
            None,
            new_message(app_ref, conversation_ref, "Where is my refund?"),
        )
        .unwrap();
    let dataset: Dataset = system
        .insert(Some(tenant.id), Some(owner), new_dataset("Handbook"))
        .unwrap();
    let dataset_ref = system.trust::<Dataset>(dataset.id);
    let document: Document = system
        .insert(
            Some(tenant.id),
            Some(owner),
            new_document(dataset_ref, "handbook.pdf"),
        )
        .unwrap();
    let document_ref = system.trust::<Document>(document.id);
    let segment: DocumentSegment = system
        .insert(
            Some(tenant.id),
            Some(owner),
            new_segment(dataset_ref, document_ref, "Refunds take five days."),
        )
        .unwrap();
    Workspace {
        tenant: tenant.id,
        owner,
        editor,
        normal,
        dataset_operator,
        app: app.id,
        conversation: conversation.id,
        message: message.id,
        dataset: dataset.id,
        document: document.id,
        segment: segment.id,
        join,
    }
}

pub fn new_app<'t>(name: &str) -> NewApp<'t> {
    NewApp {
        id: None,
        name: name.into(),
        description: None,
        mode: AppMode::AdvancedChat,
        icon_type: None,
        icon: None,
        icon_background: None,
        app_model_config_id: None,
        workflow_id: None,
        status: None,
        enable_site: true,
        enable_api: true,
        api_rpm: None,
        api_rph: None,
        is_demo: None,
        is_public: None,
        is_universal: None,
        tracing: None,
        max_active_requests: None,
        use_icon_as_answer_icon: None,
    }
}

pub fn new_conversation<'t>(app: dify_schema::Id<'t, App>, name: &str) -> NewConversation<'t> {
    NewConversation {
        id: None,
        app_id: app,
        app_model_config_id: None,
        model_provider: None,
        override_model_configs: None,
        model_id: None,
        mode: AppMode::Chat,
        name: name.into(),
        summary: None,
        inputs: json!({}),
        introduction: None,
        system_instruction: None,
        system_instruction_tokens: None,
        status: ConversationStatus::Normal,
        invoke_from: None,
        from_source: ConversationFromSource::Api,
        from_end_user_id: None,
        from_account_id: None,
        read_at: None,
        read_account_id: None,
        dialogue_count: 0,
    }
}

pub fn new_message<'t>(
    app: dify_schema::Id<'t, App>,
    conversation: dify_schema::Id<'t, Conversation>,
    query: &str,
) -> NewMessage<'t> {
    NewMessage {
        id: None,
        app_id: app,
        model_provider: None,
        model_id: None,
        override_model_configs: None,
        conversation_id: conversation,
        inputs: json!({}),
        query: query.into(),
        message: json!([]),
        message_tokens: None,
        message_unit_price: BigDecimal::from(0),
        message_price_unit: None,
        answer: "On its way.".into(),
        answer_tokens: None,
        answer_unit_price: BigDecimal::from(0),
        answer_price_unit: None,
        parent_message_id: None,
        provider_response_latency: None,
        total_price: None,
        currency: "USD".into(),
        status: None,
        error: None,
        message_metadata: None,
        invoke_from: None,
        from_source: "api".into(),
        from_end_user_id: None,
        from_account_id: None,
        agent_based: None,
        workflow_run_id: None,
        app_mode: None,
    }
}

pub fn new_dataset<'t>(name: &str) -> NewDataset<'t> {
    NewDataset {
        id: None,
        name: name.into(),
        description: None,
        provider: None,
        permission: None,
        data_source_type: None,
        indexing_technique: None,
        index_struct: None,
        embedding_model: None,
        embedding_model_provider: None,
        keyword_number: None,
        collection_binding_id: None,
        retrieval_model: None,
        built_in_field_enabled: None,
        icon_info: None,
        runtime_mode: None,
        pipeline_id: None,
        chunk_structure: None,
        enable_api: None,
        is_multimodal: None,
    }
}

pub fn new_document<'t>(dataset: dify_schema::Id<'t, Dataset>, name: &str) -> NewDocument<'t> {
    NewDocument {
        id: None,
        dataset_id: dataset,
        position: 1,
        data_source_type: DataSourceType::UploadFile,
        data_source_info: None,
        dataset_process_rule_id: None,
        batch: "b1".into(),
        name: name.into(),
        created_from: DocumentCreatedFrom::Web,
        created_api_request_id: None,
        processing_started_at: None,
        file_id: None,
        word_count: None,
        parsing_completed_at: None,
        cleaning_completed_at: None,
        splitting_completed_at: None,
        tokens: None,
        indexing_latency: None,
        completed_at: None,
        is_paused: None,
        paused_by: None,
        paused_at: None,
        error: None,
        stopped_at: None,
        indexing_status: None,
        enabled: None,
        disabled_at: None,
        disabled_by: None,
        archived: None,
        archived_reason: None,
        archived_by: None,
        archived_at: None,
        doc_type: None,
        doc_metadata: None,
        doc_form: None,
        doc_language: None,
    }
}

pub fn new_segment<'t>(
    dataset: dify_schema::Id<'t, Dataset>,
    document: dify_schema::Id<'t, Document>,
    content: &str,
) -> NewDocumentSegment<'t> {
    NewDocumentSegment {
        id: None,
        dataset_id: dataset,
        document_id: document,
        position: 1,
        content: content.into(),
        answer: None,
        word_count: 4,
        tokens: 6,
        keywords: None,
        index_node_id: None,
        index_node_hash: None,
        hit_count: 0,
        enabled: None,
        disabled_at: None,
        disabled_by: None,
        status: None,
        indexing_at: None,
        completed_at: None,
        error: None,
        stopped_at: None,
    }
}
