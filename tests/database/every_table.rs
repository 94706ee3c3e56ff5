//! A row in every declared table: each one is inserted from its minimal
//! sample form (so every server default, enum default and client default
//! runs), read back by its key and compared; at the end the tables written
//! must be exactly the tables of `SCHEMA`, so a new entity needs a line here.

use std::fmt::Debug;

use dify_models::account::*;
use dify_models::agent::*;
use dify_models::app::*;
use dify_models::comment::*;
use dify_models::conversation::*;
use dify_models::credential::*;
use dify_models::credit::*;
use dify_models::dataset::*;
use dify_models::datasource::*;
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
use dify_models::SCHEMA;
use dify_schema::__private::Persist;
use dify_schema::schema::Ownership;
use dify_schema::system::{bypass_tenant_isolation, SystemAccess};
use dify_schema::types::Uuid;

use crate::fixtures::database_with_schema;
use crate::samples;

struct Cx {
    tenant: Uuid,
    account: Uuid,
    written: Vec<&'static str>,
    /// Insert through the bulk statement (`INSERT ... SELECT FROM
    /// unnest(...)`, one array per column) instead of the single-row one.
    bulk: bool,
}

/// Inserts `new`, reads the row back by its key and checks both agree.
fn put<'c, E>(system: &mut SystemAccess<'c>, cx: &mut Cx, new: E::New<'c>) -> E
where
    E: Persist + PartialEq + Debug,
{
    let table = E::TABLE_NAME;
    let tenant = match E::TABLE.ownership {
        Ownership::Tenant { .. } => Some(cx.tenant),
        _ => None,
    };
    let inserted = if cx.bulk {
        system
            .insert_many(tenant, Some(cx.account), vec![new])
            .map(|mut rows| {
                assert_eq!(rows.len(), 1, "{table}: one row in, one row back");
                rows.remove(0)
            })
    } else {
        system.insert(tenant, Some(cx.account), new)
    };
    let row: E = inserted.unwrap_or_else(|error| panic!("inserting into {table}: {error}"));
    let found: E = system
        .find(row.key())
        .unwrap_or_else(|error| panic!("reading {table}: {error}"))
        .unwrap_or_else(|| panic!("the {table} row just inserted is not found"));
    assert_eq!(found, row, "{table} did not round-trip");
    cx.written.push(table);
    row
}

#[test]
fn every_table_takes_a_row_and_gives_it_back() {
    fill_every_table(false);
}

/// The same rows through the bulk statement: every column type bound as
/// an array, every server default reached through `COALESCE`.
#[test]
fn every_table_takes_a_row_through_the_bulk_insert() {
    fill_every_table(true);
}

fn fill_every_table(bulk: bool) {
    let (_db, mut conn) = database_with_schema();
    fill_every_table_on(&mut conn, bulk);
}

/// Inserts one row into every declared table of the database behind
/// `conn` (made with the schema), reads each back and checks that the
/// tables written are exactly those of `SCHEMA`.
pub fn fill_every_table_on(conn: &mut diesel::PgConnection, bulk: bool) {
    let mut system = bypass_tenant_isolation(conn, "every-table test");
    let mut cx = Cx {
        tenant: Uuid::nil(),
        account: Uuid::nil(),
        written: Vec::new(),
        bulk,
    };
    let tenant: Tenant = put(&mut system, &mut cx, samples::tenant());
    cx.tenant = tenant.id;
    let account: Account = put(&mut system, &mut cx, samples::account());
    cx.account = account.id;
    let new = samples::account_integrate(account.id);
    let _account_integrate: AccountIntegrate = put(&mut system, &mut cx, new);
    let new = samples::invitation_code();
    let _invitation_code: InvitationCode = put(&mut system, &mut cx, new);
    let new = samples::operation_log(account.id);
    let _operation_log: OperationLog = put(&mut system, &mut cx, new);
    let new = samples::tenant_account_join(account.id);
    let _tenant_account_join: TenantAccountJoin = put(&mut system, &mut cx, new);
    let new = samples::api_based_extension();
    let _api_based_extension: APIBasedExtension = put(&mut system, &mut cx, new);
    let new = samples::api_token();
    let api_token: ApiToken = put(&mut system, &mut cx, new);
    let new = samples::api_request(system.trust::<ApiToken>(api_token.id));
    let _api_request: ApiRequest = put(&mut system, &mut cx, new);
    let new = samples::app();
    let app: App = put(&mut system, &mut cx, new);
    let new = samples::app_mcp_server(system.trust::<App>(app.id));
    let _app_mcp_server: AppMCPServer = put(&mut system, &mut cx, new);
    let new = samples::app_model_config(system.trust::<App>(app.id));
    let _app_model_config: AppModelConfig = put(&mut system, &mut cx, new);
    let new = samples::installed_app();
    let _installed_app: InstalledApp = put(&mut system, &mut cx, new);
    let new = samples::recommended_app(system.trust::<App>(app.id));
    let _recommended_app: RecommendedApp = put(&mut system, &mut cx, new);
    let new = samples::site(system.trust::<App>(app.id));
    let _site: Site = put(&mut system, &mut cx, new);
    let new = samples::trace_app_config(system.trust::<App>(app.id));
    let _trace_app_config: TraceAppConfig = put(&mut system, &mut cx, new);
    let new = samples::message_annotation(system.trust::<App>(app.id), account.id);
    let message_annotation: MessageAnnotation = put(&mut system, &mut cx, new);
    let new = samples::conversation(system.trust::<App>(app.id));
    let conversation: Conversation = put(&mut system, &mut cx, new);
    let new = samples::message(
        system.trust::<App>(app.id),
        system.trust::<Conversation>(conversation.id),
    );
    let message: Message = put(&mut system, &mut cx, new);
    let new = samples::app_annotation_hit_history(
        system.trust::<App>(app.id),
        system.trust::<MessageAnnotation>(message_annotation.id),
        account.id,
        system.trust::<Message>(message.id),
    );
    let _app_annotation_hit_history: AppAnnotationHitHistory = put(&mut system, &mut cx, new);
    let new = samples::dataset_collection_binding();
    let dataset_collection_binding: DatasetCollectionBinding = put(&mut system, &mut cx, new);
    let new =
        samples::app_annotation_setting(system.trust::<App>(app.id), dataset_collection_binding.id);
    let _app_annotation_setting: AppAnnotationSetting = put(&mut system, &mut cx, new);
    let new = samples::dataset();
    let dataset: Dataset = put(&mut system, &mut cx, new);
    let new = samples::dataset_retriever_resource(
        system.trust::<Message>(message.id),
        system.trust::<Dataset>(dataset.id),
    );
    let _dataset_retriever_resource: DatasetRetrieverResource = put(&mut system, &mut cx, new);
    let new = samples::end_user();
    let _end_user: EndUser = put(&mut system, &mut cx, new);
    let new = samples::message_agent_thought(system.trust::<Message>(message.id));
    let _message_agent_thought: MessageAgentThought = put(&mut system, &mut cx, new);
    let new = samples::message_chain(system.trust::<Message>(message.id));
    let _message_chain: MessageChain = put(&mut system, &mut cx, new);
    let new = samples::message_feedback(
        system.trust::<App>(app.id),
        system.trust::<Conversation>(conversation.id),
        system.trust::<Message>(message.id),
    );
    let _message_feedback: MessageFeedback = put(&mut system, &mut cx, new);
    let new = samples::message_file(system.trust::<Message>(message.id));
    let _message_file: MessageFile = put(&mut system, &mut cx, new);
    let new = samples::pinned_conversation(
        system.trust::<App>(app.id),
        system.trust::<Conversation>(conversation.id),
    );
    let _pinned_conversation: PinnedConversation = put(&mut system, &mut cx, new);
    let new = samples::saved_message(
        system.trust::<App>(app.id),
        system.trust::<Message>(message.id),
    );
    let _saved_message: SavedMessage = put(&mut system, &mut cx, new);
    let new = samples::app_dataset_join(
        system.trust::<App>(app.id),
        system.trust::<Dataset>(dataset.id),
    );
    let _app_dataset_join: AppDatasetJoin = put(&mut system, &mut cx, new);
    let new = samples::document(system.trust::<Dataset>(dataset.id));
    let document: Document = put(&mut system, &mut cx, new);
    let new = samples::document_segment(
        system.trust::<Dataset>(dataset.id),
        system.trust::<Document>(document.id),
    );
    let document_segment: DocumentSegment = put(&mut system, &mut cx, new);
    let new = samples::child_chunk(
        system.trust::<Dataset>(dataset.id),
        system.trust::<Document>(document.id),
        system.trust::<DocumentSegment>(document_segment.id),
    );
    let _child_chunk: ChildChunk = put(&mut system, &mut cx, new);
    let new = samples::dataset_auto_disable_log(
        system.trust::<Dataset>(dataset.id),
        system.trust::<Document>(document.id),
    );
    let _dataset_auto_disable_log: DatasetAutoDisableLog = put(&mut system, &mut cx, new);
    let new = samples::dataset_keyword_table(system.trust::<Dataset>(dataset.id));
    let _dataset_keyword_table: DatasetKeywordTable = put(&mut system, &mut cx, new);
    let new = samples::dataset_metadata(system.trust::<Dataset>(dataset.id));
    let dataset_metadata: DatasetMetadata = put(&mut system, &mut cx, new);
    let new = samples::dataset_metadata_binding(
        system.trust::<Dataset>(dataset.id),
        system.trust::<DatasetMetadata>(dataset_metadata.id),
        system.trust::<Document>(document.id),
    );
    let _dataset_metadata_binding: DatasetMetadataBinding = put(&mut system, &mut cx, new);
    let new = samples::dataset_permission(system.trust::<Dataset>(dataset.id), account.id);
    let _dataset_permission: DatasetPermission = put(&mut system, &mut cx, new);
    let new = samples::dataset_process_rule(system.trust::<Dataset>(dataset.id));
    let _dataset_process_rule: DatasetProcessRule = put(&mut system, &mut cx, new);
    let new = samples::dataset_query(system.trust::<Dataset>(dataset.id));
    let _dataset_query: DatasetQuery = put(&mut system, &mut cx, new);
    let new = samples::pipeline();
    let pipeline: Pipeline = put(&mut system, &mut cx, new);
    let new = samples::document_pipeline_execution_log(
        system.trust::<Pipeline>(pipeline.id),
        system.trust::<Document>(document.id),
    );
    let _document_pipeline_execution_log: DocumentPipelineExecutionLog =
        put(&mut system, &mut cx, new);
    let new = samples::embedding();
    let _embedding: Embedding = put(&mut system, &mut cx, new);
    let new = samples::external_knowledge_apis();
    let external_knowledge_apis: ExternalKnowledgeApis = put(&mut system, &mut cx, new);
    let new = samples::external_knowledge_bindings(
        system.trust::<ExternalKnowledgeApis>(external_knowledge_apis.id),
        system.trust::<Dataset>(dataset.id),
    );
    let _external_knowledge_bindings: ExternalKnowledgeBindings = put(&mut system, &mut cx, new);
    let new = samples::pipeline_built_in_template();
    let _pipeline_built_in_template: PipelineBuiltInTemplate = put(&mut system, &mut cx, new);
    let new = samples::pipeline_customized_template();
    let _pipeline_customized_template: PipelineCustomizedTemplate = put(&mut system, &mut cx, new);
    let new = samples::pipeline_recommended_plugin();
    let _pipeline_recommended_plugin: PipelineRecommendedPlugin = put(&mut system, &mut cx, new);
    let new = samples::rate_limit_log();
    let _rate_limit_log: RateLimitLog = put(&mut system, &mut cx, new);
    let new = samples::upload_file();
    let upload_file: UploadFile = put(&mut system, &mut cx, new);
    let new = samples::segment_attachment_binding(
        system.trust::<Dataset>(dataset.id),
        system.trust::<Document>(document.id),
        system.trust::<DocumentSegment>(document_segment.id),
        system.trust::<UploadFile>(upload_file.id),
    );
    let _segment_attachment_binding: SegmentAttachmentBinding = put(&mut system, &mut cx, new);
    let new = samples::tidb_auth_binding();
    let _tidb_auth_binding: TidbAuthBinding = put(&mut system, &mut cx, new);
    let new = samples::whitelist();
    let _whitelist: Whitelist = put(&mut system, &mut cx, new);
    let new = samples::conversation_variable(
        system.trust::<Conversation>(conversation.id),
        system.trust::<App>(app.id),
    );
    let _conversation_variable: ConversationVariable = put(&mut system, &mut cx, new);
    let new = samples::workflow(system.trust::<App>(app.id));
    let workflow: Workflow = put(&mut system, &mut cx, new);
    let new = samples::workflow_run(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
    );
    let workflow_run: WorkflowRun = put(&mut system, &mut cx, new);
    let new = samples::workflow_app_log(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
        system.trust::<WorkflowRun>(workflow_run.id),
    );
    let _workflow_app_log: WorkflowAppLog = put(&mut system, &mut cx, new);
    let new = samples::workflow_archive_log(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
    );
    let _workflow_archive_log: WorkflowArchiveLog = put(&mut system, &mut cx, new);
    let new = samples::workflow_draft_variable(system.trust::<App>(app.id));
    let _workflow_draft_variable: WorkflowDraftVariable = put(&mut system, &mut cx, new);
    let new = samples::workflow_draft_variable_file(
        system.trust::<App>(app.id),
        system.trust::<UploadFile>(upload_file.id),
    );
    let _workflow_draft_variable_file: WorkflowDraftVariableFile = put(&mut system, &mut cx, new);
    let new = samples::workflow_node_execution_model(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
    );
    let _workflow_node_execution_model: WorkflowNodeExecutionModel = put(&mut system, &mut cx, new);
    let new = samples::workflow_node_execution_offload(
        system.trust::<App>(app.id),
        system.trust::<UploadFile>(upload_file.id),
    );
    let _workflow_node_execution_offload: WorkflowNodeExecutionOffload =
        put(&mut system, &mut cx, new);
    let new = samples::workflow_pause(
        system.trust::<Workflow>(workflow.id),
        system.trust::<WorkflowRun>(workflow_run.id),
    );
    let workflow_pause: WorkflowPause = put(&mut system, &mut cx, new);
    let new = samples::workflow_pause_reason(system.trust::<WorkflowPause>(workflow_pause.id));
    let _workflow_pause_reason: WorkflowPauseReason = put(&mut system, &mut cx, new);
    let new = samples::api_tool_provider();
    let _api_tool_provider: ApiToolProvider = put(&mut system, &mut cx, new);
    let new = samples::builtin_tool_provider();
    let builtin_tool_provider: BuiltinToolProvider = put(&mut system, &mut cx, new);
    let new = samples::deprecated_published_app_tool(system.trust::<App>(app.id));
    let _deprecated_published_app_tool: DeprecatedPublishedAppTool = put(&mut system, &mut cx, new);
    let new = samples::mcp_tool_provider();
    let _mcp_tool_provider: MCPToolProvider = put(&mut system, &mut cx, new);
    let new = samples::tool_conversation_variables(system.trust::<Conversation>(conversation.id));
    let _tool_conversation_variables: ToolConversationVariables = put(&mut system, &mut cx, new);
    let new = samples::tool_file();
    let _tool_file: ToolFile = put(&mut system, &mut cx, new);
    let new = samples::tool_label_binding();
    let _tool_label_binding: ToolLabelBinding = put(&mut system, &mut cx, new);
    let new = samples::tool_model_invoke();
    let _tool_model_invoke: ToolModelInvoke = put(&mut system, &mut cx, new);
    let new = samples::tool_oauth_system_client();
    let _tool_oauth_system_client: ToolOAuthSystemClient = put(&mut system, &mut cx, new);
    let new = samples::tool_oauth_tenant_client();
    let _tool_oauth_tenant_client: ToolOAuthTenantClient = put(&mut system, &mut cx, new);
    let new = samples::workflow_tool_provider(system.trust::<App>(app.id));
    let _workflow_tool_provider: WorkflowToolProvider = put(&mut system, &mut cx, new);
    let new = samples::tag();
    let _tag: Tag = put(&mut system, &mut cx, new);
    let new = samples::tag_binding();
    let _tag_binding: TagBinding = put(&mut system, &mut cx, new);
    let new = samples::load_balancing_model_config();
    let _load_balancing_model_config: LoadBalancingModelConfig = put(&mut system, &mut cx, new);
    let new = samples::provider();
    let _provider: Provider = put(&mut system, &mut cx, new);
    let new = samples::provider_credential();
    let _provider_credential: ProviderCredential = put(&mut system, &mut cx, new);
    let new = samples::provider_model();
    let _provider_model: ProviderModel = put(&mut system, &mut cx, new);
    let new = samples::provider_model_credential();
    let _provider_model_credential: ProviderModelCredential = put(&mut system, &mut cx, new);
    let new = samples::provider_model_setting();
    let _provider_model_setting: ProviderModelSetting = put(&mut system, &mut cx, new);
    let new = samples::provider_order(account.id);
    let _provider_order: ProviderOrder = put(&mut system, &mut cx, new);
    let new = samples::tenant_default_model();
    let _tenant_default_model: TenantDefaultModel = put(&mut system, &mut cx, new);
    let new = samples::tenant_preferred_model_provider();
    let _tenant_preferred_model_provider: TenantPreferredModelProvider =
        put(&mut system, &mut cx, new);
    let new = samples::app_trigger(system.trust::<App>(app.id));
    let _app_trigger: AppTrigger = put(&mut system, &mut cx, new);
    let new = samples::trigger_oauth_system_client();
    let _trigger_oauth_system_client: TriggerOAuthSystemClient = put(&mut system, &mut cx, new);
    let new = samples::trigger_oauth_tenant_client();
    let _trigger_oauth_tenant_client: TriggerOAuthTenantClient = put(&mut system, &mut cx, new);
    let new = samples::trigger_subscription();
    let _trigger_subscription: TriggerSubscription = put(&mut system, &mut cx, new);
    let new = samples::workflow_plugin_trigger(system.trust::<App>(app.id));
    let _workflow_plugin_trigger: WorkflowPluginTrigger = put(&mut system, &mut cx, new);
    let new = samples::workflow_schedule_plan(system.trust::<App>(app.id));
    let _workflow_schedule_plan: WorkflowSchedulePlan = put(&mut system, &mut cx, new);
    let new = samples::workflow_trigger_log(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
    );
    let _workflow_trigger_log: WorkflowTriggerLog = put(&mut system, &mut cx, new);
    let new = samples::workflow_webhook_trigger(system.trust::<App>(app.id));
    let _workflow_webhook_trigger: WorkflowWebhookTrigger = put(&mut system, &mut cx, new);
    let new = samples::data_source_api_key_auth_binding();
    let _data_source_api_key_auth_binding: DataSourceApiKeyAuthBinding =
        put(&mut system, &mut cx, new);
    let new = samples::data_source_oauth_binding();
    let _data_source_oauth_binding: DataSourceOauthBinding = put(&mut system, &mut cx, new);
    let new = samples::datasource_oauth_param_config();
    let _datasource_oauth_param_config: DatasourceOauthParamConfig = put(&mut system, &mut cx, new);
    let new = samples::datasource_oauth_tenant_param_config();
    let _datasource_oauth_tenant_param_config: DatasourceOauthTenantParamConfig =
        put(&mut system, &mut cx, new);
    let new = samples::datasource_provider();
    let _datasource_provider: DatasourceProvider = put(&mut system, &mut cx, new);
    let new = samples::tenant_plugin_auto_upgrade_strategy();
    let _tenant_plugin_auto_upgrade_strategy: TenantPluginAutoUpgradeStrategy =
        put(&mut system, &mut cx, new);
    let new = samples::tenant_plugin_permission();
    let _tenant_plugin_permission: TenantPluginPermission = put(&mut system, &mut cx, new);
    let new = samples::oauth_provider_app();
    let _oauth_provider_app: OAuthProviderApp = put(&mut system, &mut cx, new);
    let new = samples::celery_task();
    let _celery_task: CeleryTask = put(&mut system, &mut cx, new);
    let new = samples::celery_task_set();
    let _celery_task_set: CeleryTaskSet = put(&mut system, &mut cx, new);
    let new = samples::dify_setup();
    let _dify_setup: DifySetup = put(&mut system, &mut cx, new);
    let new = samples::agent();
    let agent: Agent = put(&mut system, &mut cx, new);
    let new = samples::agent_config_snapshot(system.trust::<Agent>(agent.id));
    let agent_config_snapshot: AgentConfigSnapshot = put(&mut system, &mut cx, new);
    let new = samples::agent_config_revision(
        system.trust::<Agent>(agent.id),
        system.trust::<AgentConfigSnapshot>(agent_config_snapshot.id),
    );
    let _agent_config_revision: AgentConfigRevision = put(&mut system, &mut cx, new);
    let new = samples::agent_config_draft(system.trust::<Agent>(agent.id));
    let _agent_config_draft: AgentConfigDraft = put(&mut system, &mut cx, new);
    let new = samples::agent_debug_conversation(
        system.trust::<Agent>(agent.id),
        system.trust::<App>(app.id),
        account.id,
        system.trust::<Conversation>(conversation.id),
    );
    let _agent_debug_conversation: AgentDebugConversation = put(&mut system, &mut cx, new);
    let new = samples::agent_runtime_session(
        system.trust::<App>(app.id),
        system.trust::<Agent>(agent.id),
    );
    let _agent_runtime_session: AgentRuntimeSession = put(&mut system, &mut cx, new);
    let new = samples::agent_drive_file(
        system.trust::<Agent>(agent.id),
        system.trust::<UploadFile>(upload_file.id),
    );
    let _agent_drive_file: AgentDriveFile = put(&mut system, &mut cx, new);
    let new = samples::workflow_agent_node_binding(
        system.trust::<App>(app.id),
        system.trust::<Workflow>(workflow.id),
    );
    let _workflow_agent_node_binding: WorkflowAgentNodeBinding = put(&mut system, &mut cx, new);
    let new = samples::execution_extra_content(system.trust::<WorkflowRun>(workflow_run.id));
    let _execution_extra_content: ExecutionExtraContent = put(&mut system, &mut cx, new);
    let new = samples::human_input_form(system.trust::<App>(app.id));
    let human_input_form: HumanInputForm = put(&mut system, &mut cx, new);
    let new = samples::human_input_delivery(system.trust::<HumanInputForm>(human_input_form.id));
    let human_input_delivery: HumanInputDelivery = put(&mut system, &mut cx, new);
    let new = samples::human_input_form_recipient(
        system.trust::<HumanInputForm>(human_input_form.id),
        system.trust::<HumanInputDelivery>(human_input_delivery.id),
    );
    let human_input_form_recipient: HumanInputFormRecipient = put(&mut system, &mut cx, new);
    let new = samples::human_input_form_upload_token(
        system.trust::<App>(app.id),
        system.trust::<HumanInputForm>(human_input_form.id),
        system.trust::<HumanInputFormRecipient>(human_input_form_recipient.id),
    );
    let human_input_form_upload_token: HumanInputFormUploadToken = put(&mut system, &mut cx, new);
    let new = samples::human_input_form_upload_file(
        system.trust::<App>(app.id),
        system.trust::<HumanInputForm>(human_input_form.id),
        system.trust::<UploadFile>(upload_file.id),
        system.trust::<HumanInputFormUploadToken>(human_input_form_upload_token.id),
    );
    let _human_input_form_upload_file: HumanInputFormUploadFile = put(&mut system, &mut cx, new);
    let new = samples::workflow_comment(system.trust::<App>(app.id));
    let workflow_comment: WorkflowComment = put(&mut system, &mut cx, new);
    let new = samples::workflow_comment_reply(system.trust::<WorkflowComment>(workflow_comment.id));
    let _workflow_comment_reply: WorkflowCommentReply = put(&mut system, &mut cx, new);
    let new = samples::workflow_comment_mention(
        system.trust::<WorkflowComment>(workflow_comment.id),
        account.id,
    );
    let _workflow_comment_mention: WorkflowCommentMention = put(&mut system, &mut cx, new);
    let new = samples::trial_app(system.trust::<App>(app.id));
    let _trial_app: TrialApp = put(&mut system, &mut cx, new);
    let new = samples::account_trial_app_record(account.id, system.trust::<App>(app.id));
    let _account_trial_app_record: AccountTrialAppRecord = put(&mut system, &mut cx, new);
    let new = samples::exporle_banner();
    let _exporle_banner: ExporleBanner = put(&mut system, &mut cx, new);
    let new = samples::tenant_credit_pool();
    let _tenant_credit_pool: TenantCreditPool = put(&mut system, &mut cx, new);
    let new = samples::oauth_access_token();
    let _oauth_access_token: OAuthAccessToken = put(&mut system, &mut cx, new);
    let new = samples::credential_permission(
        system.trust::<BuiltinToolProvider>(builtin_tool_provider.id),
        account.id,
    );
    let _credential_permission: CredentialPermission = put(&mut system, &mut cx, new);
    let new = samples::app_star(system.trust::<App>(app.id), account.id);
    let _app_star: AppStar = put(&mut system, &mut cx, new);
    let new = samples::customized_snippet();
    let _customized_snippet: CustomizedSnippet = put(&mut system, &mut cx, new);
    let new = samples::document_segment_summary(
        system.trust::<Dataset>(dataset.id),
        system.trust::<Document>(document.id),
        system.trust::<DocumentSegment>(document_segment.id),
    );
    let _document_segment_summary: DocumentSegmentSummary = put(&mut system, &mut cx, new);

    let mut written = cx.written.clone();
    written.sort_unstable();
    written.dedup();
    assert_eq!(written.len(), cx.written.len(), "a table was written twice");
    let mut declared: Vec<&str> = SCHEMA.tables().map(|table| &*table.name).collect();
    declared.sort_unstable();
    assert_eq!(written, declared, "every declared table gets a row here");
    println!(
        "every table: {} tables written ({}) and read back",
        written.len(),
        if bulk {
            "bulk statement"
        } else {
            "single-row statement"
        }
    );
}
