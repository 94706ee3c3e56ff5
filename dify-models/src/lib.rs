//! Dify's entities, declared once in the dify-schema DSL, one module per domain.
//!
//! Every table of the database Dify's own Alembic migrations build (head `c3d4e5f6a7b8`:
//! `tests/reference/dify_upstream_schema.sql`, 133 tables) is declared here, with its columns,
//! types, defaults, keys, indexes, sequences and functions exactly as those migrations make them,
//! and the ownership, enums and relations Dify's model files give them.

pub mod account;
pub mod agent;
pub mod app;
pub mod comment;
pub mod conversation;
pub mod credential;
pub mod credit;
pub mod dataset;
pub mod datasource;
pub mod enums;
pub mod execution_content;
pub mod file;
pub mod human_input;
pub mod members;
pub mod oauth;
pub mod oauth_token;
pub mod plugin;
pub mod provider;
pub mod snippet;
pub mod state;
pub mod summary;
pub mod system;
pub mod tag;
pub mod tool;
pub mod trial;
pub mod trigger;
pub mod workflow;

dify_schema::schema! {
    /// Every table of Dify's schema declared in this crate.
    pub static SCHEMA = [
        account::Account,
        account::Tenant,
        account::TenantAccountJoin,
        account::AccountIntegrate,
        account::InvitationCode,
        account::OperationLog,
        app::App,
        app::AppModelConfig,
        app::Site,
        app::ApiToken,
        app::InstalledApp,
        app::RecommendedApp,
        app::AppMCPServer,
        app::ApiRequest,
        app::TraceAppConfig,
        app::APIBasedExtension,
        conversation::Conversation,
        conversation::Message,
        conversation::MessageFeedback,
        conversation::MessageFile,
        conversation::MessageAnnotation,
        conversation::AppAnnotationHitHistory,
        conversation::AppAnnotationSetting,
        conversation::MessageChain,
        conversation::MessageAgentThought,
        conversation::DatasetRetrieverResource,
        conversation::SavedMessage,
        conversation::PinnedConversation,
        conversation::EndUser,
        dataset::Dataset,
        dataset::DatasetProcessRule,
        dataset::Document,
        dataset::DocumentSegment,
        dataset::ChildChunk,
        dataset::AppDatasetJoin,
        dataset::DatasetQuery,
        dataset::DatasetKeywordTable,
        dataset::Embedding,
        dataset::DatasetCollectionBinding,
        dataset::TidbAuthBinding,
        dataset::Whitelist,
        dataset::DatasetPermission,
        dataset::ExternalKnowledgeApis,
        dataset::ExternalKnowledgeBindings,
        dataset::DatasetAutoDisableLog,
        dataset::RateLimitLog,
        dataset::DatasetMetadata,
        dataset::DatasetMetadataBinding,
        dataset::Pipeline,
        dataset::PipelineBuiltInTemplate,
        dataset::PipelineCustomizedTemplate,
        dataset::DocumentPipelineExecutionLog,
        dataset::PipelineRecommendedPlugin,
        dataset::SegmentAttachmentBinding,
        workflow::Workflow,
        workflow::WorkflowRun,
        workflow::WorkflowNodeExecutionModel,
        workflow::WorkflowNodeExecutionOffload,
        workflow::WorkflowAppLog,
        workflow::WorkflowArchiveLog,
        workflow::ConversationVariable,
        workflow::WorkflowDraftVariable,
        workflow::WorkflowDraftVariableFile,
        workflow::WorkflowPause,
        workflow::WorkflowPauseReason,
        tool::BuiltinToolProvider,
        tool::ApiToolProvider,
        tool::WorkflowToolProvider,
        tool::MCPToolProvider,
        tool::ToolOAuthSystemClient,
        tool::ToolOAuthTenantClient,
        tool::ToolLabelBinding,
        tool::ToolModelInvoke,
        tool::ToolConversationVariables,
        tool::DeprecatedPublishedAppTool,
        tool::ToolFile,
        file::UploadFile,
        tag::Tag,
        tag::TagBinding,
        provider::Provider,
        provider::ProviderModel,
        provider::ProviderCredential,
        provider::ProviderModelCredential,
        provider::ProviderModelSetting,
        provider::LoadBalancingModelConfig,
        provider::TenantDefaultModel,
        provider::TenantPreferredModelProvider,
        provider::ProviderOrder,
        trigger::TriggerSubscription,
        trigger::TriggerOAuthSystemClient,
        trigger::TriggerOAuthTenantClient,
        trigger::WorkflowTriggerLog,
        trigger::WorkflowWebhookTrigger,
        trigger::WorkflowPluginTrigger,
        trigger::AppTrigger,
        trigger::WorkflowSchedulePlan,
        datasource::DataSourceOauthBinding,
        datasource::DataSourceApiKeyAuthBinding,
        datasource::DatasourceProvider,
        datasource::DatasourceOauthParamConfig,
        datasource::DatasourceOauthTenantParamConfig,
        plugin::TenantPluginPermission,
        plugin::TenantPluginAutoUpgradeStrategy,
        oauth::OAuthProviderApp,
        system::DifySetup,
        system::CeleryTask,
        system::CeleryTaskSet,
        agent::Agent,
        agent::AgentConfigSnapshot,
        agent::AgentConfigRevision,
        agent::AgentConfigDraft,
        agent::AgentDebugConversation,
        agent::AgentRuntimeSession,
        agent::AgentDriveFile,
        agent::WorkflowAgentNodeBinding,
        execution_content::ExecutionExtraContent,
        human_input::HumanInputForm,
        human_input::HumanInputDelivery,
        human_input::HumanInputFormRecipient,
        human_input::HumanInputFormUploadToken,
        human_input::HumanInputFormUploadFile,
        comment::WorkflowComment,
        comment::WorkflowCommentReply,
        comment::WorkflowCommentMention,
        trial::TrialApp,
        trial::AccountTrialAppRecord,
        trial::ExporleBanner,
        credit::TenantCreditPool,
        oauth_token::OAuthAccessToken,
        credential::CredentialPermission,
        snippet::AppStar,
        snippet::CustomizedSnippet,
        summary::DocumentSegmentSummary,
    ];
}

/// The migrations in `migrations/`, compiled in.
pub fn migrations() -> dify_schema::migrate::MigrationSet {
    dify_schema::embed_migrations!("../migrations")
}

/// The MySQL migrations in `migrations-mysql/`, compiled in.
pub fn mysql_migrations() -> dify_schema::migrate::MigrationSet {
    dify_schema::embed_migrations!("../migrations-mysql")
}
