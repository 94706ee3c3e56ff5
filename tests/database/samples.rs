//! Minimal insert forms, one per entity: the required columns filled with
//! plain values, every column with a default (or NULL) left to the
//! database. Tests override what matters with struct update syntax:
//! `NewSite { title: "Help".into(), ..samples::site(app.id()) }`.
//!
//! Written from the declarations by a script; keep it in step with them
//! (a new required column is a compile error here).

#![allow(dead_code)]

use dify_models::account::*;
use dify_models::agent::*;
use dify_models::app::*;
use dify_models::comment::*;
use dify_models::conversation::*;
use dify_models::credential::*;
use dify_models::credit::*;
use dify_models::dataset::*;
use dify_models::datasource::*;
use dify_models::enums::*;
use dify_models::execution_content::*;
use dify_models::file::*;
use dify_models::human_input::*;
use dify_models::oauth::*;
use dify_models::oauth_token::*;
use dify_models::plugin::*;
use dify_models::provider::*;
use dify_models::snippet::*;
use dify_models::summary::*;
use dify_models::system::*;
use dify_models::tag::*;
use dify_models::tool::*;
use dify_models::trial::*;
use dify_models::trigger::*;
use dify_models::workflow::*;
use dify_schema::types::{BigDecimal, NaiveDateTime, Uuid};
use dify_schema::Ref;
use serde_json::json;

/// The time samples use: 2026-11-25 12:00:00.
pub fn noon() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-25 12:00:00", "%Y-%m-%d %H:%M:%S").unwrap()
}

pub fn account() -> NewAccount {
    NewAccount {
        id: None,
        name: "name".into(),
        email: "email".into(),
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
    }
}

pub fn account_integrate<'t>(account: Ref<'t, Account>) -> NewAccountIntegrate<'t> {
    NewAccountIntegrate {
        id: None,
        account_id: account,
        provider: "provider".into(),
        open_id: "open_id".into(),
        encrypted_token: "encrypted_token".into(),
    }
}

pub fn invitation_code<'t>() -> NewInvitationCode<'t> {
    NewInvitationCode {
        id: Some(1),
        batch: "batch".into(),
        code: "code".into(),
        status: None,
        used_at: None,
        used_by_tenant_id: None,
        used_by_account_id: None,
        deprecated_at: None,
    }
}

pub fn operation_log<'t>(account: Ref<'t, Account>) -> NewOperationLog<'t> {
    NewOperationLog {
        id: None,
        account_id: account,
        action: "action".into(),
        content: None,
        created_ip: "created_ip".into(),
    }
}

pub fn tenant() -> NewTenant {
    NewTenant {
        id: None,
        name: "name".into(),
        encrypt_public_key: None,
        plan: None,
        status: None,
        custom_config: None,
    }
}

pub fn tenant_account_join<'t>(account: Ref<'t, Account>) -> NewTenantAccountJoin<'t> {
    NewTenantAccountJoin {
        last_opened_at: None,
        id: None,
        account_id: account,
        current: None,
        role: None,
        invited_by: None,
    }
}

pub fn api_based_extension() -> NewAPIBasedExtension {
    NewAPIBasedExtension {
        id: None,
        name: "name".into(),
        api_endpoint: "api_endpoint".into(),
        api_key: "api_key".into(),
    }
}

pub fn api_request<'t>(api_token: Ref<'t, ApiToken>) -> NewApiRequest<'t> {
    NewApiRequest {
        id: None,
        api_token_id: api_token,
        path: "path".into(),
        request: None,
        response: None,
        ip: "ip".into(),
    }
}

pub fn api_token<'t>() -> NewApiToken<'t> {
    NewApiToken {
        id: None,
        app_id: None,
        r#type: ApiTokenType::App,
        token: "token".into(),
        last_used_at: None,
    }
}

pub fn app<'t>() -> NewApp<'t> {
    NewApp {
        maintainer: None,
        id: None,
        name: "name".into(),
        description: None,
        mode: AppMode::Completion,
        icon_type: None,
        icon: None,
        icon_background: None,
        app_model_config_id: None,
        workflow_id: None,
        status: None,
        enable_site: false,
        enable_api: false,
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

pub fn app_mcp_server<'t>(app: Ref<'t, App>) -> NewAppMCPServer<'t> {
    NewAppMCPServer {
        id: None,
        app_id: app,
        name: "name".into(),
        description: "description".into(),
        server_code: "server_code".into(),
        status: None,
        parameters: "parameters".into(),
    }
}

pub fn app_model_config<'t>(app: Ref<'t, App>) -> NewAppModelConfig<'t> {
    NewAppModelConfig {
        id: None,
        app_id: app,
        provider: None,
        model_id: None,
        configs: None,
        opening_statement: None,
        suggested_questions: None,
        suggested_questions_after_answer: None,
        speech_to_text: None,
        text_to_speech: None,
        more_like_this: None,
        model: None,
        user_input_form: None,
        dataset_query_variable: None,
        pre_prompt: None,
        agent_mode: None,
        sensitive_word_avoidance: None,
        retriever_resource: None,
        prompt_type: None,
        chat_prompt_config: None,
        completion_prompt_config: None,
        dataset_configs: None,
        external_data_tools: None,
        file_upload: None,
    }
}

pub fn installed_app() -> NewInstalledApp {
    NewInstalledApp {
        id: None,
        app_id: Uuid::new_v4(),
        app_owner_tenant_id: Uuid::new_v4(),
        position: 1,
        is_pinned: None,
        last_used_at: None,
    }
}

pub fn recommended_app<'t>(app: Ref<'t, App>) -> NewRecommendedApp<'t> {
    NewRecommendedApp {
        categories: None,
        is_cloud_only: None,
        is_learn_dify: None,
        id: None,
        app_id: app,
        description: json!({}),
        copyright: "copyright".into(),
        privacy_policy: "privacy_policy".into(),
        custom_disclaimer: "custom_disclaimer".into(),
        category: "category".into(),
        position: 1,
        is_listed: false,
        install_count: 1,
        language: None,
    }
}

pub fn site<'t>(app: Ref<'t, App>) -> NewSite<'t> {
    NewSite {
        input_placeholder: None,
        id: None,
        app_id: app,
        title: "title".into(),
        icon_type: None,
        icon: None,
        icon_background: None,
        description: None,
        default_language: "default_language".into(),
        chat_color_theme: None,
        chat_color_theme_inverted: None,
        copyright: None,
        privacy_policy: None,
        show_workflow_steps: None,
        use_icon_as_answer_icon: None,
        custom_disclaimer: "custom_disclaimer".into(),
        customize_domain: None,
        customize_token_strategy: CustomizeTokenStrategy::Must,
        prompt_public: None,
        status: None,
        code: None,
    }
}

pub fn trace_app_config<'t>(app: Ref<'t, App>) -> NewTraceAppConfig<'t> {
    NewTraceAppConfig {
        id: None,
        app_id: app,
        tracing_provider: None,
        tracing_config: None,
        is_active: None,
    }
}

pub fn app_annotation_hit_history<'t>(
    app: Ref<'t, App>,
    annotation: Ref<'t, MessageAnnotation>,
    account: Ref<'t, Account>,
    message: Ref<'t, Message>,
) -> NewAppAnnotationHitHistory<'t> {
    NewAppAnnotationHitHistory {
        id: None,
        app_id: app,
        annotation_id: annotation,
        source: "source".into(),
        question: "question".into(),
        account_id: account,
        score: None,
        message_id: message,
        annotation_question: "annotation_question".into(),
        annotation_content: "annotation_content".into(),
    }
}

pub fn app_annotation_setting<'t>(
    app: Ref<'t, App>,
    collection_binding: Ref<'t, DatasetCollectionBinding>,
) -> NewAppAnnotationSetting<'t> {
    NewAppAnnotationSetting {
        id: None,
        app_id: app,
        score_threshold: None,
        collection_binding_id: collection_binding,
        created_user_id: Uuid::new_v4(),
        updated_user_id: Uuid::new_v4(),
    }
}

pub fn conversation<'t>(app: Ref<'t, App>) -> NewConversation<'t> {
    NewConversation {
        id: None,
        app_id: app,
        app_model_config_id: None,
        model_provider: None,
        override_model_configs: None,
        model_id: None,
        mode: AppMode::Completion,
        name: "name".into(),
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
        dialogue_count: Some(1),
    }
}

pub fn dataset_retriever_resource<'t>(
    message: Ref<'t, Message>,
    dataset: Ref<'t, Dataset>,
) -> NewDatasetRetrieverResource<'t> {
    NewDatasetRetrieverResource {
        id: None,
        message_id: message,
        position: 1,
        dataset_id: dataset,
        dataset_name: "dataset_name".into(),
        document_id: None,
        document_name: "document_name".into(),
        data_source_type: None,
        segment_id: None,
        score: None,
        content: "content".into(),
        hit_count: None,
        word_count: None,
        segment_position: None,
        index_node_hash: None,
        retriever_from: "retriever_from".into(),
        created_by: Uuid::new_v4(),
    }
}

pub fn end_user<'t>() -> NewEndUser<'t> {
    NewEndUser {
        id: None,
        app_id: None,
        r#type: "type".into(),
        external_user_id: None,
        name: None,
        is_anonymous: None,
        session_id: "session_id".into(),
    }
}

pub fn message<'t>(app: Ref<'t, App>, conversation: Ref<'t, Conversation>) -> NewMessage<'t> {
    NewMessage {
        id: None,
        app_id: app,
        model_provider: None,
        model_id: None,
        override_model_configs: None,
        conversation_id: conversation,
        inputs: json!({}),
        query: "query".into(),
        message: json!({}),
        message_tokens: None,
        message_unit_price: BigDecimal::from(1),
        message_price_unit: None,
        answer: "answer".into(),
        answer_tokens: None,
        answer_unit_price: BigDecimal::from(1),
        answer_price_unit: None,
        parent_message_id: None,
        provider_response_latency: None,
        total_price: None,
        currency: "currency".into(),
        status: None,
        error: None,
        message_metadata: None,
        invoke_from: None,
        from_source: "from_source".into(),
        from_end_user_id: None,
        from_account_id: None,
        agent_based: None,
        workflow_run_id: None,
        app_mode: None,
    }
}

pub fn message_agent_thought<'t>(message: Ref<'t, Message>) -> NewMessageAgentThought<'t> {
    NewMessageAgentThought {
        id: None,
        message_id: message,
        message_chain_id: None,
        position: 1,
        thought: None,
        tool: None,
        tool_labels_str: None,
        tool_meta_str: None,
        tool_input: None,
        observation: None,
        tool_process_data: None,
        message: None,
        message_token: None,
        message_unit_price: None,
        message_price_unit: None,
        message_files: None,
        answer: None,
        answer_token: None,
        answer_unit_price: None,
        answer_price_unit: None,
        tokens: None,
        total_price: None,
        currency: None,
        latency: None,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
    }
}

pub fn message_annotation<'t>(
    app: Ref<'t, App>,
    account: Ref<'t, Account>,
) -> NewMessageAnnotation<'t> {
    NewMessageAnnotation {
        id: None,
        app_id: app,
        conversation_id: None,
        message_id: None,
        question: "question".into(),
        content: "content".into(),
        hit_count: None,
        account_id: account,
    }
}

pub fn message_chain<'t>(message: Ref<'t, Message>) -> NewMessageChain<'t> {
    NewMessageChain {
        id: None,
        message_id: message,
        r#type: MessageChainType::System,
        input: None,
        output: None,
    }
}

pub fn message_feedback<'t>(
    app: Ref<'t, App>,
    conversation: Ref<'t, Conversation>,
    message: Ref<'t, Message>,
) -> NewMessageFeedback<'t> {
    NewMessageFeedback {
        id: None,
        app_id: app,
        conversation_id: conversation,
        message_id: message,
        rating: FeedbackRating::Like,
        content: None,
        from_source: FeedbackFromSource::User,
        from_end_user_id: None,
        from_account_id: None,
    }
}

pub fn message_file<'t>(message: Ref<'t, Message>) -> NewMessageFile<'t> {
    NewMessageFile {
        id: None,
        message_id: message,
        r#type: "type".into(),
        transfer_method: "transfer_method".into(),
        url: None,
        belongs_to: None,
        upload_file_id: None,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
    }
}

pub fn pinned_conversation<'t>(
    app: Ref<'t, App>,
    conversation: Ref<'t, Conversation>,
) -> NewPinnedConversation<'t> {
    NewPinnedConversation {
        id: None,
        app_id: app,
        conversation_id: conversation,
        created_by_role: None,
        created_by: Uuid::new_v4(),
    }
}

pub fn saved_message<'t>(app: Ref<'t, App>, message: Ref<'t, Message>) -> NewSavedMessage<'t> {
    NewSavedMessage {
        id: None,
        app_id: app,
        message_id: message,
        created_by_role: None,
        created_by: Uuid::new_v4(),
    }
}

pub fn app_dataset_join<'t>(app: Ref<'t, App>, dataset: Ref<'t, Dataset>) -> NewAppDatasetJoin<'t> {
    NewAppDatasetJoin {
        id: None,
        app_id: app,
        dataset_id: dataset,
    }
}

pub fn child_chunk<'t>(
    dataset: Ref<'t, Dataset>,
    document: Ref<'t, Document>,
    segment: Ref<'t, DocumentSegment>,
) -> NewChildChunk<'t> {
    NewChildChunk {
        id: None,
        dataset_id: dataset,
        document_id: document,
        segment_id: segment,
        position: 1,
        content: "content".into(),
        word_count: 1,
        index_node_id: None,
        index_node_hash: None,
        r#type: None,
        indexing_at: None,
        completed_at: None,
        error: None,
    }
}

pub fn dataset<'t>() -> NewDataset<'t> {
    NewDataset {
        maintainer: None,
        summary_index_setting: None,
        id: None,
        name: "name".into(),
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

pub fn dataset_auto_disable_log<'t>(
    dataset: Ref<'t, Dataset>,
    document: Ref<'t, Document>,
) -> NewDatasetAutoDisableLog<'t> {
    NewDatasetAutoDisableLog {
        id: None,
        dataset_id: dataset,
        document_id: document,
        notified: None,
    }
}

pub fn dataset_collection_binding() -> NewDatasetCollectionBinding {
    NewDatasetCollectionBinding {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        r#type: None,
        collection_name: "collection_name".into(),
    }
}

pub fn dataset_keyword_table<'t>(dataset: Ref<'t, Dataset>) -> NewDatasetKeywordTable<'t> {
    NewDatasetKeywordTable {
        id: None,
        dataset_id: dataset,
        keyword_table: "keyword_table".into(),
        data_source_type: None,
    }
}

pub fn dataset_metadata<'t>(dataset: Ref<'t, Dataset>) -> NewDatasetMetadata<'t> {
    NewDatasetMetadata {
        id: None,
        dataset_id: dataset,
        r#type: DatasetMetadataType::String,
        name: "name".into(),
    }
}

pub fn dataset_metadata_binding<'t>(
    dataset: Ref<'t, Dataset>,
    metadata: Ref<'t, DatasetMetadata>,
    document: Ref<'t, Document>,
) -> NewDatasetMetadataBinding<'t> {
    NewDatasetMetadataBinding {
        id: None,
        dataset_id: dataset,
        metadata_id: metadata,
        document_id: document,
    }
}

pub fn dataset_permission<'t>(
    dataset: Ref<'t, Dataset>,
    account: Ref<'t, Account>,
) -> NewDatasetPermission<'t> {
    NewDatasetPermission {
        id: None,
        dataset_id: dataset,
        account_id: account,
        has_permission: None,
    }
}

pub fn dataset_process_rule<'t>(dataset: Ref<'t, Dataset>) -> NewDatasetProcessRule<'t> {
    NewDatasetProcessRule {
        id: None,
        dataset_id: dataset,
        mode: None,
        rules: None,
    }
}

pub fn dataset_query<'t>(dataset: Ref<'t, Dataset>) -> NewDatasetQuery<'t> {
    NewDatasetQuery {
        id: None,
        dataset_id: dataset,
        content: "content".into(),
        source: DatasetQuerySource::HitTesting,
        source_app_id: None,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
    }
}

pub fn document<'t>(dataset: Ref<'t, Dataset>) -> NewDocument<'t> {
    NewDocument {
        need_summary: None,
        id: None,
        dataset_id: dataset,
        position: 1,
        data_source_type: DataSourceType::UploadFile,
        data_source_info: None,
        dataset_process_rule_id: None,
        batch: "batch".into(),
        name: "name".into(),
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

pub fn document_pipeline_execution_log<'t>(
    pipeline: Ref<'t, Pipeline>,
    document: Ref<'t, Document>,
) -> NewDocumentPipelineExecutionLog<'t> {
    NewDocumentPipelineExecutionLog {
        id: None,
        pipeline_id: pipeline,
        document_id: document,
        datasource_type: "datasource_type".into(),
        datasource_info: "datasource_info".into(),
        datasource_node_id: "datasource_node_id".into(),
        input_data: json!({}),
        created_by: None,
    }
}

pub fn document_segment<'t>(
    dataset: Ref<'t, Dataset>,
    document: Ref<'t, Document>,
) -> NewDocumentSegment<'t> {
    NewDocumentSegment {
        id: None,
        dataset_id: dataset,
        document_id: document,
        position: 1,
        content: "content".into(),
        answer: None,
        word_count: 1,
        tokens: 1,
        keywords: None,
        index_node_id: None,
        index_node_hash: None,
        hit_count: 1,
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

pub fn embedding() -> NewEmbedding {
    NewEmbedding {
        id: None,
        model_name: None,
        hash: "hash".into(),
        embedding: vec![1, 2, 3],
        provider_name: None,
    }
}

pub fn external_knowledge_apis() -> NewExternalKnowledgeApis {
    NewExternalKnowledgeApis {
        id: None,
        name: "name".into(),
        description: "description".into(),
        settings: None,
    }
}

pub fn external_knowledge_bindings<'t>(
    external_knowledge_api: Ref<'t, ExternalKnowledgeApis>,
    dataset: Ref<'t, Dataset>,
) -> NewExternalKnowledgeBindings<'t> {
    NewExternalKnowledgeBindings {
        id: None,
        external_knowledge_api_id: external_knowledge_api,
        dataset_id: dataset,
        external_knowledge_id: "external_knowledge_id".into(),
    }
}

pub fn pipeline<'t>() -> NewPipeline<'t> {
    NewPipeline {
        id: None,
        name: "name".into(),
        description: Some("description".into()),
        workflow_id: None,
        is_public: None,
        is_published: None,
    }
}

pub fn pipeline_built_in_template() -> NewPipelineBuiltInTemplate {
    NewPipelineBuiltInTemplate {
        id: None,
        name: "name".into(),
        description: "description".into(),
        chunk_structure: "chunk_structure".into(),
        icon: json!({}),
        yaml_content: "yaml_content".into(),
        copyright: "copyright".into(),
        privacy_policy: "privacy_policy".into(),
        position: 1,
        install_count: 1,
        language: "language".into(),
    }
}

pub fn pipeline_customized_template() -> NewPipelineCustomizedTemplate {
    NewPipelineCustomizedTemplate {
        id: None,
        name: "name".into(),
        description: "description".into(),
        chunk_structure: "chunk_structure".into(),
        icon: json!({}),
        position: 1,
        yaml_content: "yaml_content".into(),
        install_count: 1,
        language: "language".into(),
    }
}

pub fn pipeline_recommended_plugin() -> NewPipelineRecommendedPlugin {
    NewPipelineRecommendedPlugin {
        id: None,
        plugin_id: "plugin_id".into(),
        provider_name: "provider_name".into(),
        r#type: None,
        position: 1,
        active: false,
    }
}

pub fn rate_limit_log() -> NewRateLimitLog {
    NewRateLimitLog {
        id: None,
        subscription_plan: "subscription_plan".into(),
        operation: "operation".into(),
    }
}

pub fn segment_attachment_binding<'t>(
    dataset: Ref<'t, Dataset>,
    document: Ref<'t, Document>,
    segment: Ref<'t, DocumentSegment>,
    attachment: Ref<'t, UploadFile>,
) -> NewSegmentAttachmentBinding<'t> {
    NewSegmentAttachmentBinding {
        id: None,
        dataset_id: dataset,
        document_id: document,
        segment_id: segment,
        attachment_id: attachment,
    }
}

pub fn tidb_auth_binding() -> NewTidbAuthBinding {
    NewTidbAuthBinding {
        qdrant_endpoint: None,
        id: None,
        cluster_id: "cluster_id".into(),
        cluster_name: "cluster_name".into(),
        active: None,
        status: None,
        account: "account".into(),
        password: "password".into(),
    }
}

pub fn whitelist() -> NewWhitelist {
    NewWhitelist {
        id: None,
        category: "category".into(),
    }
}

pub fn conversation_variable<'t>(
    conversation: Ref<'t, Conversation>,
    app: Ref<'t, App>,
) -> NewConversationVariable<'t> {
    NewConversationVariable {
        id: Uuid::new_v4(),
        conversation_id: conversation,
        app_id: app,
        data: "data".into(),
    }
}

pub fn workflow<'t>(app: Ref<'t, App>) -> NewWorkflow<'t> {
    NewWorkflow {
        kind: None,
        id: None,
        app_id: app.into(),
        r#type: WorkflowType::Workflow,
        version: "version".into(),
        marked_name: None,
        marked_comment: None,
        graph: "graph".into(),
        features: "features".into(),
        environment_variables: Some("environment_variables".into()),
        conversation_variables: Some("conversation_variables".into()),
        rag_pipeline_variables: Some("rag_pipeline_variables".into()),
    }
}

pub fn workflow_app_log<'t>(
    app: Ref<'t, App>,
    workflow: Ref<'t, Workflow>,
    workflow_run: Ref<'t, WorkflowRun>,
) -> NewWorkflowAppLog<'t> {
    NewWorkflowAppLog {
        id: None,
        app_id: app,
        workflow_id: workflow,
        workflow_run_id: workflow_run,
        created_from: WorkflowAppLogCreatedFrom::ServiceApi,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
    }
}

pub fn workflow_archive_log<'t>(
    app: Ref<'t, App>,
    workflow: Ref<'t, Workflow>,
) -> NewWorkflowArchiveLog<'t> {
    NewWorkflowArchiveLog {
        id: None,
        app_id: app,
        workflow_id: workflow,
        workflow_run_id: Uuid::new_v4(),
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
        log_id: None,
        log_created_at: None,
        log_created_from: None,
        run_version: "run_version".into(),
        run_status: "run_status".into(),
        run_triggered_from: "run_triggered_from".into(),
        run_error: None,
        run_elapsed_time: None,
        run_total_tokens: None,
        run_total_steps: None,
        run_created_at: noon(),
        run_finished_at: None,
        run_exceptions_count: None,
        trigger_metadata: None,
        archived_at: None,
    }
}

pub fn workflow_draft_variable<'t>(app: Ref<'t, App>) -> NewWorkflowDraftVariable<'t> {
    NewWorkflowDraftVariable {
        user_id: None,
        id: None,
        app_id: app,
        last_edited_at: None,
        node_id: "node_id".into(),
        name: "name".into(),
        description: "description".into(),
        selector: "selector".into(),
        value_type: VariableSegmentType::Number,
        value: "value".into(),
        visible: false,
        editable: false,
        node_execution_id: None,
        file_id: None,
        is_default_value: Some(false),
    }
}

pub fn workflow_draft_variable_file<'t>(
    app: Ref<'t, App>,
    upload_file: Ref<'t, UploadFile>,
) -> NewWorkflowDraftVariableFile<'t> {
    NewWorkflowDraftVariableFile {
        id: None,
        app_id: app,
        user_id: Uuid::new_v4(),
        upload_file_id: upload_file,
        size: 1,
        length: None,
        value_type: VariableSegmentType::Number,
    }
}

pub fn workflow_node_execution_model<'t>(
    app: Ref<'t, App>,
    workflow: Ref<'t, Workflow>,
) -> NewWorkflowNodeExecutionModel<'t> {
    NewWorkflowNodeExecutionModel {
        id: None,
        app_id: app,
        workflow_id: workflow,
        triggered_from: WorkflowNodeExecutionTriggeredFrom::SingleStep,
        workflow_run_id: None,
        index: 1,
        predecessor_node_id: None,
        node_execution_id: None,
        node_id: "node_id".into(),
        node_type: "node_type".into(),
        title: "title".into(),
        inputs: None,
        process_data: None,
        outputs: None,
        status: "status".into(),
        error: None,
        elapsed_time: None,
        execution_metadata: None,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
        finished_at: None,
    }
}

pub fn workflow_node_execution_offload<'t>(
    app: Ref<'t, App>,
    file: Ref<'t, UploadFile>,
) -> NewWorkflowNodeExecutionOffload<'t> {
    NewWorkflowNodeExecutionOffload {
        id: None,
        app_id: app,
        node_execution_id: None,
        r#type: ExecutionOffLoadType::Inputs,
        file_id: file,
    }
}

pub fn workflow_pause<'t>(
    workflow: Ref<'t, Workflow>,
    workflow_run: Ref<'t, WorkflowRun>,
) -> NewWorkflowPause<'t> {
    NewWorkflowPause {
        id: None,
        workflow_id: workflow,
        workflow_run_id: workflow_run,
        resumed_at: None,
        state_object_key: "state_object_key".into(),
    }
}

pub fn workflow_pause_reason<'t>(pause: Ref<'t, WorkflowPause>) -> NewWorkflowPauseReason<'t> {
    NewWorkflowPauseReason {
        id: None,
        pause_id: pause,
        type_: PauseReasonType::HumanInputRequired,
        form_id: "form_id".into(),
        message: "message".into(),
        node_id: "node_id".into(),
    }
}

pub fn workflow_run<'t>(app: Ref<'t, App>, workflow: Ref<'t, Workflow>) -> NewWorkflowRun<'t> {
    NewWorkflowRun {
        id: None,
        app_id: app,
        workflow_id: workflow,
        r#type: WorkflowType::Workflow,
        triggered_from: WorkflowRunTriggeredFrom::Debugging,
        version: "version".into(),
        graph: None,
        inputs: None,
        status: WorkflowExecutionStatus::Scheduled,
        outputs: None,
        error: None,
        elapsed_time: None,
        total_tokens: None,
        total_steps: None,
        created_by_role: CreatorUserRole::Account,
        created_by: Uuid::new_v4(),
        finished_at: None,
        exceptions_count: None,
    }
}

pub fn api_tool_provider<'t>() -> NewApiToolProvider<'t> {
    NewApiToolProvider {
        id: None,
        name: "name".into(),
        icon: "icon".into(),
        schema: "schema".into(),
        schema_type_str: "schema_type_str".into(),
        user_id: Uuid::new_v4(),
        description: "description".into(),
        tools_str: "tools_str".into(),
        credentials_str: "credentials_str".into(),
        privacy_policy: None,
        custom_disclaimer: "custom_disclaimer".into(),
    }
}

pub fn builtin_tool_provider<'t>() -> NewBuiltinToolProvider<'t> {
    NewBuiltinToolProvider {
        visibility: None,
        id: None,
        name: None,
        user_id: Uuid::new_v4(),
        provider: "provider".into(),
        encrypted_credentials: None,
        is_default: None,
        credential_type: None,
        expires_at: None,
    }
}

pub fn deprecated_published_app_tool<'t>(app: Ref<'t, App>) -> NewDeprecatedPublishedAppTool<'t> {
    NewDeprecatedPublishedAppTool {
        id: None,
        app_id: app,
        user_id: Uuid::new_v4(),
        description: "description".into(),
        llm_description: "llm_description".into(),
        query_description: "query_description".into(),
        query_name: "query_name".into(),
        tool_name: "tool_name".into(),
        author: "author".into(),
    }
}

pub fn mcp_tool_provider<'t>() -> NewMCPToolProvider<'t> {
    NewMCPToolProvider {
        identity_mode: None,
        id: None,
        name: "name".into(),
        server_identifier: "server_identifier".into(),
        server_url: "server_url".into(),
        server_url_hash: "server_url_hash".into(),
        icon: None,
        user_id: Uuid::new_v4(),
        encrypted_credentials: None,
        authed: false,
        tools: "tools".into(),
        timeout: None,
        sse_read_timeout: None,
        encrypted_headers: None,
    }
}

pub fn tool_conversation_variables<'t>(
    conversation: Ref<'t, Conversation>,
) -> NewToolConversationVariables<'t> {
    NewToolConversationVariables {
        id: None,
        user_id: Uuid::new_v4(),
        conversation_id: conversation,
        variables_str: "variables_str".into(),
    }
}

pub fn tool_file<'t>() -> NewToolFile<'t> {
    NewToolFile {
        id: None,
        user_id: Uuid::new_v4(),
        conversation_id: None,
        file_key: "file_key".into(),
        mimetype: "mimetype".into(),
        original_url: None,
        name: "name".into(),
        size: 1,
    }
}

pub fn tool_label_binding() -> NewToolLabelBinding {
    NewToolLabelBinding {
        id: None,
        tool_id: "tool_id".into(),
        tool_type: "tool_type".into(),
        label_name: "label_name".into(),
    }
}

pub fn tool_model_invoke() -> NewToolModelInvoke {
    NewToolModelInvoke {
        id: None,
        user_id: Uuid::new_v4(),
        provider: "provider".into(),
        tool_type: "tool_type".into(),
        tool_name: "tool_name".into(),
        model_parameters: "model_parameters".into(),
        prompt_messages: "prompt_messages".into(),
        model_response: "model_response".into(),
        prompt_tokens: None,
        answer_tokens: None,
        answer_unit_price: BigDecimal::from(1),
        answer_price_unit: None,
        provider_response_latency: None,
        total_price: None,
        currency: "currency".into(),
    }
}

pub fn tool_oauth_system_client() -> NewToolOAuthSystemClient {
    NewToolOAuthSystemClient {
        id: None,
        plugin_id: "plugin_id".into(),
        provider: "provider".into(),
        encrypted_oauth_params: "encrypted_oauth_params".into(),
    }
}

pub fn tool_oauth_tenant_client() -> NewToolOAuthTenantClient {
    NewToolOAuthTenantClient {
        id: None,
        plugin_id: "plugin_id".into(),
        provider: "provider".into(),
        enabled: None,
        encrypted_oauth_params: "encrypted_oauth_params".into(),
    }
}

pub fn workflow_tool_provider<'t>(app: Ref<'t, App>) -> NewWorkflowToolProvider<'t> {
    NewWorkflowToolProvider {
        id: None,
        name: "name".into(),
        label: None,
        icon: "icon".into(),
        app_id: app,
        version: None,
        user_id: Uuid::new_v4(),
        description: "description".into(),
        parameter_configuration: Some("parameter_configuration".into()),
        privacy_policy: None,
    }
}

pub fn upload_file() -> NewUploadFile {
    NewUploadFile {
        id: None,
        storage_type: "storage_type".into(),
        key: "key".into(),
        name: "name".into(),
        size: 1,
        extension: "extension".into(),
        mime_type: None,
        created_by_role: None,
        created_by: Uuid::new_v4(),
        used: None,
        used_by: None,
        used_at: None,
        hash: None,
        source_url: Some("source_url".into()),
    }
}

pub fn tag() -> NewTag {
    NewTag {
        id: None,
        r#type: TagType::Knowledge,
        name: "name".into(),
    }
}

pub fn tag_binding<'t>() -> NewTagBinding<'t> {
    NewTagBinding {
        id: None,
        tag_id: None,
        target_id: None,
    }
}

pub fn load_balancing_model_config<'t>() -> NewLoadBalancingModelConfig<'t> {
    NewLoadBalancingModelConfig {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        model_type: "model_type".into(),
        name: "name".into(),
        encrypted_config: None,
        credential_id: None,
        credential_source_type: None,
        enabled: None,
    }
}

pub fn provider<'t>() -> NewProvider<'t> {
    NewProvider {
        id: None,
        provider_name: "provider_name".into(),
        provider_type: None,
        is_valid: None,
        last_used: None,
        credential_id: None,
        quota_type: None,
        quota_limit: None,
        quota_used: None,
    }
}

pub fn provider_credential<'t>() -> NewProviderCredential<'t> {
    NewProviderCredential {
        user_id: None,
        visibility: None,
        id: None,
        provider_name: "provider_name".into(),
        credential_name: "credential_name".into(),
        encrypted_config: "encrypted_config".into(),
    }
}

pub fn provider_model<'t>() -> NewProviderModel<'t> {
    NewProviderModel {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        model_type: "model_type".into(),
        credential_id: None,
        is_valid: None,
    }
}

pub fn provider_model_credential() -> NewProviderModelCredential {
    NewProviderModelCredential {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        model_type: "model_type".into(),
        credential_name: "credential_name".into(),
        encrypted_config: "encrypted_config".into(),
    }
}

pub fn provider_model_setting() -> NewProviderModelSetting {
    NewProviderModelSetting {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        model_type: "model_type".into(),
        enabled: None,
        load_balancing_enabled: None,
    }
}

pub fn provider_order<'t>(account: Ref<'t, Account>) -> NewProviderOrder<'t> {
    NewProviderOrder {
        id: None,
        provider_name: "provider_name".into(),
        account_id: account,
        payment_product_id: "payment_product_id".into(),
        payment_id: None,
        transaction_id: None,
        quantity: None,
        currency: None,
        total_amount: None,
        payment_status: None,
        paid_at: None,
        pay_failed_at: None,
        refunded_at: None,
    }
}

pub fn tenant_default_model() -> NewTenantDefaultModel {
    NewTenantDefaultModel {
        id: None,
        provider_name: "provider_name".into(),
        model_name: "model_name".into(),
        model_type: "model_type".into(),
    }
}

pub fn tenant_preferred_model_provider() -> NewTenantPreferredModelProvider {
    NewTenantPreferredModelProvider {
        id: None,
        provider_name: "provider_name".into(),
        preferred_provider_type: ProviderType::Custom,
    }
}

pub fn app_trigger<'t>(app: Ref<'t, App>) -> NewAppTrigger<'t> {
    NewAppTrigger {
        id: None,
        app_id: app,
        node_id: "node_id".into(),
        trigger_type: AppTriggerType::TriggerWebhook,
        title: "title".into(),
        provider_name: None,
        status: AppTriggerStatus::Enabled,
        updated_at: None,
    }
}

pub fn trigger_oauth_system_client() -> NewTriggerOAuthSystemClient {
    NewTriggerOAuthSystemClient {
        id: None,
        plugin_id: "plugin_id".into(),
        provider: "provider".into(),
        encrypted_oauth_params: "encrypted_oauth_params".into(),
    }
}

pub fn trigger_oauth_tenant_client() -> NewTriggerOAuthTenantClient {
    NewTriggerOAuthTenantClient {
        id: None,
        plugin_id: "plugin_id".into(),
        provider: "provider".into(),
        enabled: None,
        encrypted_oauth_params: "encrypted_oauth_params".into(),
    }
}

pub fn trigger_subscription<'t>() -> NewTriggerSubscription<'t> {
    NewTriggerSubscription {
        visibility: None,
        id: None,
        name: "name".into(),
        user_id: Uuid::new_v4(),
        provider_id: "provider_id".into(),
        endpoint_id: "endpoint_id".into(),
        parameters: json!({}),
        properties: json!({}),
        credentials: json!({}),
        credential_type: "credential_type".into(),
        credential_expires_at: 1,
        expires_at: 1,
    }
}

pub fn workflow_plugin_trigger<'t>(app: Ref<'t, App>) -> NewWorkflowPluginTrigger<'t> {
    NewWorkflowPluginTrigger {
        id: None,
        app_id: app,
        node_id: "node_id".into(),
        provider_id: "provider_id".into(),
        event_name: "event_name".into(),
        subscription_id: "subscription_id".into(),
    }
}

pub fn workflow_schedule_plan<'t>(app: Ref<'t, App>) -> NewWorkflowSchedulePlan<'t> {
    NewWorkflowSchedulePlan {
        id: None,
        app_id: app,
        node_id: "node_id".into(),
        cron_expression: "cron_expression".into(),
        timezone: "timezone".into(),
        next_run_at: None,
    }
}

pub fn workflow_trigger_log<'t>(
    app: Ref<'t, App>,
    workflow: Ref<'t, Workflow>,
) -> NewWorkflowTriggerLog<'t> {
    NewWorkflowTriggerLog {
        id: None,
        app_id: app,
        workflow_id: workflow,
        workflow_run_id: None,
        root_node_id: None,
        trigger_metadata: "trigger_metadata".into(),
        trigger_type: AppTriggerType::TriggerWebhook,
        trigger_data: "trigger_data".into(),
        inputs: "inputs".into(),
        outputs: None,
        status: WorkflowTriggerStatus::Pending,
        error: None,
        queue_name: "queue_name".into(),
        celery_task_id: None,
        created_by_role: CreatorUserRole::Account,
        created_by: "created_by".into(),
        retry_count: 1,
        elapsed_time: None,
        total_tokens: None,
        triggered_at: None,
        finished_at: None,
    }
}

pub fn workflow_webhook_trigger<'t>(app: Ref<'t, App>) -> NewWorkflowWebhookTrigger<'t> {
    NewWorkflowWebhookTrigger {
        id: None,
        app_id: app,
        node_id: "node_id".into(),
        webhook_id: "webhook_id".into(),
    }
}

pub fn data_source_api_key_auth_binding() -> NewDataSourceApiKeyAuthBinding {
    NewDataSourceApiKeyAuthBinding {
        id: None,
        category: "category".into(),
        provider: "provider".into(),
        credentials: None,
        disabled: None,
    }
}

pub fn data_source_oauth_binding() -> NewDataSourceOauthBinding {
    NewDataSourceOauthBinding {
        id: None,
        access_token: "access_token".into(),
        provider: "provider".into(),
        source_info: json!({}),
        disabled: None,
    }
}

pub fn datasource_oauth_param_config() -> NewDatasourceOauthParamConfig {
    NewDatasourceOauthParamConfig {
        id: None,
        plugin_id: "plugin_id".into(),
        provider: "provider".into(),
        system_credentials: json!({}),
    }
}

pub fn datasource_oauth_tenant_param_config() -> NewDatasourceOauthTenantParamConfig {
    NewDatasourceOauthTenantParamConfig {
        id: None,
        provider: "provider".into(),
        plugin_id: "plugin_id".into(),
        client_params: json!({}),
        enabled: false,
    }
}

pub fn datasource_provider<'t>() -> NewDatasourceProvider<'t> {
    NewDatasourceProvider {
        user_id: None,
        visibility: None,
        id: None,
        name: "name".into(),
        provider: "provider".into(),
        plugin_id: "plugin_id".into(),
        auth_type: "auth_type".into(),
        encrypted_credentials: json!({}),
        avatar_url: None,
        is_default: None,
        expires_at: None,
    }
}

pub fn tenant_plugin_auto_upgrade_strategy() -> NewTenantPluginAutoUpgradeStrategy {
    NewTenantPluginAutoUpgradeStrategy {
        category: None,
        id: None,
        strategy_setting: None,
        upgrade_mode: None,
        exclude_plugins: json!({}),
        include_plugins: json!({}),
        upgrade_time_of_day: 1,
    }
}

pub fn tenant_plugin_permission() -> NewTenantPluginPermission {
    NewTenantPluginPermission {
        id: None,
        install_permission: None,
        debug_permission: None,
    }
}

pub fn oauth_provider_app() -> NewOAuthProviderApp {
    NewOAuthProviderApp {
        id: None,
        app_icon: "app_icon".into(),
        app_label: None,
        client_id: "client_id".into(),
        client_secret: "client_secret".into(),
        redirect_uris: None,
        scope: None,
    }
}

pub fn celery_task() -> NewCeleryTask {
    NewCeleryTask {
        id: Some(1),
        task_id: "task_id".into(),
        status: "status".into(),
        result: None,
        date_done: None,
        traceback: None,
        name: None,
        args: None,
        kwargs: None,
        worker: None,
        retries: None,
        queue: None,
    }
}

pub fn celery_task_set() -> NewCeleryTaskSet {
    NewCeleryTaskSet {
        id: Some(1),
        taskset_id: "taskset_id".into(),
        result: None,
        date_done: None,
    }
}

pub fn dify_setup() -> NewDifySetup {
    NewDifySetup {
        version: "version".into(),
        setup_at: None,
    }
}

pub fn agent<'t>() -> NewAgent<'t> {
    NewAgent {
        id: None,
        name: "name".into(),
        description: "description".into(),
        icon_type: None,
        icon: None,
        icon_background: None,
        agent_kind: None,
        scope: AgentScope::Roster,
        source: AgentSource::Roster,
        app_id: None,
        workflow_id: None,
        workflow_node_id: None,
        active_config_snapshot_id: None,
        status: None,
        archived_by: None,
        archived_at: None,
        role: "role".into(),
        active_config_has_model: None,
        backing_app_id: None,
        active_config_is_published: None,
    }
}

pub fn agent_config_draft<'t>(agent: Ref<'t, Agent>) -> NewAgentConfigDraft<'t> {
    NewAgentConfigDraft {
        id: None,
        agent_id: agent,
        draft_type: AgentConfigDraftType::Draft,
        account_id: None,
        draft_owner_key: "draft_owner_key".into(),
        base_snapshot_id: None,
        config_snapshot: "config_snapshot".into(),
    }
}

pub fn agent_config_revision<'t>(
    agent: Ref<'t, Agent>,
    current_snapshot: Ref<'t, AgentConfigSnapshot>,
) -> NewAgentConfigRevision<'t> {
    NewAgentConfigRevision {
        id: None,
        agent_id: agent,
        previous_snapshot_id: None,
        current_snapshot_id: current_snapshot,
        revision: 1,
        operation: AgentConfigRevisionOperation::CreateVersion,
        summary: None,
        version_note: None,
    }
}

pub fn agent_config_snapshot<'t>(agent: Ref<'t, Agent>) -> NewAgentConfigSnapshot<'t> {
    NewAgentConfigSnapshot {
        id: None,
        agent_id: agent,
        version: 1,
        config_snapshot: "config_snapshot".into(),
        summary: None,
        version_note: None,
    }
}

pub fn agent_debug_conversation<'t>(
    agent: Ref<'t, Agent>,
    app: Ref<'t, App>,
    account: Ref<'t, Account>,
    conversation: Ref<'t, Conversation>,
) -> NewAgentDebugConversation<'t> {
    NewAgentDebugConversation {
        id: None,
        agent_id: agent,
        app_id: app,
        account_id: account,
        conversation_id: conversation,
    }
}

pub fn agent_drive_file<'t>(
    agent: Ref<'t, Agent>,
    file: Ref<'t, UploadFile>,
) -> NewAgentDriveFile<'t> {
    NewAgentDriveFile {
        agent_id: agent,
        key: "key".into(),
        file_kind: AgentDriveFileKind::UploadFile,
        file_id: file.into(),
        value_owned_by_drive: None,
        size: None,
        hash: None,
        mime_type: None,
        created_by: None,
        id: None,
        is_skill: None,
        skill_metadata: None,
    }
}

pub fn agent_runtime_session<'t>(
    app: Ref<'t, App>,
    agent: Ref<'t, Agent>,
) -> NewAgentRuntimeSession<'t> {
    NewAgentRuntimeSession {
        id: None,
        app_id: app,
        owner_type: AgentRuntimeSessionOwnerType::Conversation,
        agent_id: agent,
        backend_run_id: None,
        session_snapshot: "session_snapshot".into(),
        workflow_id: None,
        workflow_run_id: None,
        node_id: None,
        node_execution_id: None,
        binding_id: None,
        agent_config_snapshot_id: None,
        composition_layer_specs: "composition_layer_specs".into(),
        conversation_id: None,
        status: None,
        cleaned_at: None,
        pending_form_id: None,
        pending_tool_call_id: None,
    }
}

pub fn workflow_agent_node_binding<'t>(
    app: Ref<'t, App>,
    workflow: Ref<'t, Workflow>,
) -> NewWorkflowAgentNodeBinding<'t> {
    NewWorkflowAgentNodeBinding {
        id: None,
        app_id: app,
        workflow_id: workflow,
        node_id: "node_id".into(),
        binding_type: WorkflowAgentBindingType::RosterAgent,
        agent_id: None,
        current_snapshot_id: None,
        node_job_config: "node_job_config".into(),
        workflow_version: "workflow_version".into(),
    }
}

pub fn execution_extra_content<'t>(
    workflow_run: Ref<'t, WorkflowRun>,
) -> NewExecutionExtraContent<'t> {
    NewExecutionExtraContent {
        id: None,
        r#type: ExecutionContentType::HumanInputResult,
        workflow_run_id: workflow_run,
        message_id: None,
        form_id: None,
    }
}

pub fn human_input_delivery<'t>(form: Ref<'t, HumanInputForm>) -> NewHumanInputDelivery<'t> {
    NewHumanInputDelivery {
        id: None,
        form_id: form,
        delivery_method_type: DeliveryMethodType::Webapp,
        delivery_config_id: None,
        channel_payload: "channel_payload".into(),
    }
}

pub fn human_input_form<'t>(app: Ref<'t, App>) -> NewHumanInputForm<'t> {
    NewHumanInputForm {
        id: None,
        app_id: app,
        workflow_run_id: None,
        form_kind: HumanInputFormKind::Runtime,
        node_id: "node_id".into(),
        form_definition: "form_definition".into(),
        rendered_content: "rendered_content".into(),
        status: HumanInputFormStatus::Waiting,
        expiration_time: noon(),
        selected_action_id: None,
        submitted_data: None,
        submitted_at: None,
        submission_user_id: None,
        submission_end_user_id: None,
        completed_by_recipient_id: None,
        conversation_id: None,
    }
}

pub fn human_input_form_recipient<'t>(
    form: Ref<'t, HumanInputForm>,
    delivery: Ref<'t, HumanInputDelivery>,
) -> NewHumanInputFormRecipient<'t> {
    NewHumanInputFormRecipient {
        id: None,
        form_id: form,
        delivery_id: delivery,
        recipient_type: RecipientType::EmailMember,
        recipient_payload: "recipient_payload".into(),
        access_token: "access_token".into(),
    }
}

pub fn human_input_form_upload_file<'t>(
    app: Ref<'t, App>,
    form: Ref<'t, HumanInputForm>,
    upload_file: Ref<'t, UploadFile>,
    upload_token: Ref<'t, HumanInputFormUploadToken>,
) -> NewHumanInputFormUploadFile<'t> {
    NewHumanInputFormUploadFile {
        id: None,
        app_id: app,
        form_id: form,
        upload_file_id: upload_file,
        upload_token_id: upload_token,
    }
}

pub fn human_input_form_upload_token<'t>(
    app: Ref<'t, App>,
    form: Ref<'t, HumanInputForm>,
    recipient: Ref<'t, HumanInputFormRecipient>,
) -> NewHumanInputFormUploadToken<'t> {
    NewHumanInputFormUploadToken {
        id: None,
        app_id: app,
        form_id: form,
        recipient_id: recipient,
        token: "token".into(),
    }
}

pub fn workflow_comment<'t>(app: Ref<'t, App>) -> NewWorkflowComment<'t> {
    NewWorkflowComment {
        id: None,
        app_id: app,
        position_x: 0.0,
        position_y: 0.0,
        content: "content".into(),
        resolved: None,
        resolved_at: None,
        resolved_by: None,
    }
}

pub fn workflow_comment_mention<'t>(
    comment: Ref<'t, WorkflowComment>,
    mentioned_user: Ref<'t, Account>,
) -> NewWorkflowCommentMention<'t> {
    NewWorkflowCommentMention {
        id: None,
        comment_id: comment,
        reply_id: None,
        mentioned_user_id: mentioned_user,
    }
}

pub fn workflow_comment_reply<'t>(
    comment: Ref<'t, WorkflowComment>,
) -> NewWorkflowCommentReply<'t> {
    NewWorkflowCommentReply {
        id: None,
        comment_id: comment,
        content: "content".into(),
    }
}

pub fn account_trial_app_record<'t>(
    account: Ref<'t, Account>,
    app: Ref<'t, App>,
) -> NewAccountTrialAppRecord<'t> {
    NewAccountTrialAppRecord {
        id: None,
        account_id: account,
        app_id: app,
        count: 1,
    }
}

pub fn exporle_banner() -> NewExporleBanner {
    NewExporleBanner {
        id: None,
        content: json!({}),
        link: "link".into(),
        sort: 1,
        status: None,
        language: None,
    }
}

pub fn trial_app<'t>(app: Ref<'t, App>) -> NewTrialApp<'t> {
    NewTrialApp {
        id: None,
        app_id: app,
        trial_limit: 1,
    }
}

pub fn tenant_credit_pool() -> NewTenantCreditPool {
    NewTenantCreditPool {
        id: None,
        pool_type: None,
        quota_limit: 1,
        quota_used: 0,
    }
}

pub fn oauth_access_token<'t>() -> NewOAuthAccessToken<'t> {
    NewOAuthAccessToken {
        id: None,
        subject_email: "subject_email".into(),
        subject_issuer: None,
        account_id: None,
        client_id: "client_id".into(),
        device_label: "device_label".into(),
        prefix: "prefix".into(),
        token_hash: None,
        last_used_at: None,
        expires_at: noon().and_utc(),
        revoked_at: None,
    }
}

pub fn credential_permission<'t>(
    credential: Ref<'t, BuiltinToolProvider>,
    account: Ref<'t, Account>,
) -> NewCredentialPermission<'t> {
    NewCredentialPermission {
        id: None,
        credential_id: credential.into(),
        credential_type: CredentialType::BuiltinToolProvider,
        account_id: account,
        has_permission: None,
    }
}

pub fn app_star<'t>(app: Ref<'t, App>, account: Ref<'t, Account>) -> NewAppStar<'t> {
    NewAppStar {
        id: None,
        app_id: app,
        account_id: account,
    }
}

pub fn customized_snippet<'t>() -> NewCustomizedSnippet<'t> {
    NewCustomizedSnippet {
        id: None,
        name: "name".into(),
        description: None,
        r#type: None,
        workflow_id: None,
        is_published: None,
        version: None,
        use_count: None,
        icon_info: None,
        input_fields: None,
    }
}

pub fn document_segment_summary<'t>(
    dataset: Ref<'t, Dataset>,
    document: Ref<'t, Document>,
    chunk: Ref<'t, DocumentSegment>,
) -> NewDocumentSegmentSummary<'t> {
    NewDocumentSegmentSummary {
        id: None,
        dataset_id: dataset,
        document_id: document,
        chunk_id: chunk,
        summary_content: None,
        summary_index_node_id: None,
        summary_index_node_hash: None,
        tokens: None,
        status: None,
        error: None,
        enabled: None,
        disabled_at: None,
        disabled_by: None,
    }
}
