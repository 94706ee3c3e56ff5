SET LOCAL lock_timeout = '10s';

REVOKE ALL ON workflows FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflows;
DROP POLICY IF EXISTS dify_scope_insert ON workflows;
DROP POLICY IF EXISTS dify_scope_update ON workflows;
DROP POLICY IF EXISTS dify_scope_delete ON workflows;
DROP POLICY IF EXISTS dify_trusted_access ON workflows;
ALTER TABLE workflows NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflows DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_webhook_triggers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_webhook_triggers;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_webhook_triggers;
DROP POLICY IF EXISTS dify_scope_update ON workflow_webhook_triggers;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_webhook_triggers;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_webhook_triggers;
ALTER TABLE workflow_webhook_triggers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_webhook_triggers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_trigger_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_trigger_logs;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_trigger_logs;
DROP POLICY IF EXISTS dify_scope_update ON workflow_trigger_logs;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_trigger_logs;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_trigger_logs;
ALTER TABLE workflow_trigger_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_trigger_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_schedule_plans FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_schedule_plans;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_schedule_plans;
DROP POLICY IF EXISTS dify_scope_update ON workflow_schedule_plans;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_schedule_plans;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_schedule_plans;
ALTER TABLE workflow_schedule_plans NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_schedule_plans DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_runs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_runs;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_runs;
DROP POLICY IF EXISTS dify_scope_update ON workflow_runs;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_runs;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_runs;
ALTER TABLE workflow_runs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_runs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_plugin_triggers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_plugin_triggers;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_plugin_triggers;
DROP POLICY IF EXISTS dify_scope_update ON workflow_plugin_triggers;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_plugin_triggers;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_plugin_triggers;
ALTER TABLE workflow_plugin_triggers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_plugin_triggers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_pauses FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_pauses;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_pauses;
DROP POLICY IF EXISTS dify_scope_update ON workflow_pauses;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_pauses;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_pauses;
ALTER TABLE workflow_pauses NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_pauses DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_pause_reasons FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_pause_reasons;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_pause_reasons;
DROP POLICY IF EXISTS dify_scope_update ON workflow_pause_reasons;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_pause_reasons;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_pause_reasons;
ALTER TABLE workflow_pause_reasons NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_pause_reasons DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_node_executions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_node_executions;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_node_executions;
DROP POLICY IF EXISTS dify_scope_update ON workflow_node_executions;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_node_executions;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_node_executions;
ALTER TABLE workflow_node_executions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_node_executions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_node_execution_offload FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_node_execution_offload;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_node_execution_offload;
DROP POLICY IF EXISTS dify_scope_update ON workflow_node_execution_offload;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_node_execution_offload;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_node_execution_offload;
ALTER TABLE workflow_node_execution_offload NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_node_execution_offload DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_draft_variables FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_draft_variables;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_draft_variables;
DROP POLICY IF EXISTS dify_scope_update ON workflow_draft_variables;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_draft_variables;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_draft_variables;
ALTER TABLE workflow_draft_variables NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_draft_variables DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_draft_variable_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_draft_variable_files;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_draft_variable_files;
DROP POLICY IF EXISTS dify_scope_update ON workflow_draft_variable_files;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_draft_variable_files;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_draft_variable_files;
ALTER TABLE workflow_draft_variable_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_draft_variable_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_conversation_variables FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_conversation_variables;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_conversation_variables;
DROP POLICY IF EXISTS dify_scope_update ON workflow_conversation_variables;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_conversation_variables;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_conversation_variables;
ALTER TABLE workflow_conversation_variables NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_conversation_variables DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_comments FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_comments;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_comments;
DROP POLICY IF EXISTS dify_scope_update ON workflow_comments;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_comments;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_comments;
ALTER TABLE workflow_comments NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_comments DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_comment_replies FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_comment_replies;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_comment_replies;
DROP POLICY IF EXISTS dify_scope_update ON workflow_comment_replies;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_comment_replies;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_comment_replies;
ALTER TABLE workflow_comment_replies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_comment_replies DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_comment_mentions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_comment_mentions;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_comment_mentions;
DROP POLICY IF EXISTS dify_scope_update ON workflow_comment_mentions;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_comment_mentions;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_comment_mentions;
ALTER TABLE workflow_comment_mentions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_comment_mentions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_archive_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_archive_logs;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_archive_logs;
DROP POLICY IF EXISTS dify_scope_update ON workflow_archive_logs;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_archive_logs;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_archive_logs;
ALTER TABLE workflow_archive_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_archive_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_app_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_app_logs;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_app_logs;
DROP POLICY IF EXISTS dify_scope_update ON workflow_app_logs;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_app_logs;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_app_logs;
ALTER TABLE workflow_app_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_app_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON workflow_agent_node_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON workflow_agent_node_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON workflow_agent_node_bindings;
DROP POLICY IF EXISTS dify_scope_update ON workflow_agent_node_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON workflow_agent_node_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON workflow_agent_node_bindings;
ALTER TABLE workflow_agent_node_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE workflow_agent_node_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON whitelists FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON whitelists;
DROP POLICY IF EXISTS dify_scope_insert ON whitelists;
DROP POLICY IF EXISTS dify_scope_update ON whitelists;
DROP POLICY IF EXISTS dify_scope_delete ON whitelists;
DROP POLICY IF EXISTS dify_trusted_access ON whitelists;
ALTER TABLE whitelists NO FORCE ROW LEVEL SECURITY;
ALTER TABLE whitelists DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON upload_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON upload_files;
DROP POLICY IF EXISTS dify_scope_insert ON upload_files;
DROP POLICY IF EXISTS dify_scope_update ON upload_files;
DROP POLICY IF EXISTS dify_scope_delete ON upload_files;
DROP POLICY IF EXISTS dify_trusted_access ON upload_files;
ALTER TABLE upload_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE upload_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON trigger_subscriptions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON trigger_subscriptions;
DROP POLICY IF EXISTS dify_scope_insert ON trigger_subscriptions;
DROP POLICY IF EXISTS dify_scope_update ON trigger_subscriptions;
DROP POLICY IF EXISTS dify_scope_delete ON trigger_subscriptions;
DROP POLICY IF EXISTS dify_trusted_access ON trigger_subscriptions;
ALTER TABLE trigger_subscriptions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE trigger_subscriptions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON trigger_oauth_tenant_clients FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON trigger_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_insert ON trigger_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_update ON trigger_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_delete ON trigger_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_trusted_access ON trigger_oauth_tenant_clients;
ALTER TABLE trigger_oauth_tenant_clients NO FORCE ROW LEVEL SECURITY;
ALTER TABLE trigger_oauth_tenant_clients DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON trigger_oauth_system_clients FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON trigger_oauth_system_clients;
ALTER TABLE trigger_oauth_system_clients NO FORCE ROW LEVEL SECURITY;
ALTER TABLE trigger_oauth_system_clients DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON trial_apps FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON trial_apps;
DROP POLICY IF EXISTS dify_scope_insert ON trial_apps;
DROP POLICY IF EXISTS dify_scope_update ON trial_apps;
DROP POLICY IF EXISTS dify_scope_delete ON trial_apps;
DROP POLICY IF EXISTS dify_trusted_access ON trial_apps;
ALTER TABLE trial_apps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE trial_apps DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON trace_app_config FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON trace_app_config;
DROP POLICY IF EXISTS dify_scope_insert ON trace_app_config;
DROP POLICY IF EXISTS dify_scope_update ON trace_app_config;
DROP POLICY IF EXISTS dify_scope_delete ON trace_app_config;
DROP POLICY IF EXISTS dify_trusted_access ON trace_app_config;
ALTER TABLE trace_app_config NO FORCE ROW LEVEL SECURITY;
ALTER TABLE trace_app_config DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_workflow_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_workflow_providers;
DROP POLICY IF EXISTS dify_scope_insert ON tool_workflow_providers;
DROP POLICY IF EXISTS dify_scope_update ON tool_workflow_providers;
DROP POLICY IF EXISTS dify_scope_delete ON tool_workflow_providers;
DROP POLICY IF EXISTS dify_trusted_access ON tool_workflow_providers;
ALTER TABLE tool_workflow_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_workflow_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_published_apps FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_published_apps;
DROP POLICY IF EXISTS dify_scope_insert ON tool_published_apps;
DROP POLICY IF EXISTS dify_scope_update ON tool_published_apps;
DROP POLICY IF EXISTS dify_scope_delete ON tool_published_apps;
DROP POLICY IF EXISTS dify_trusted_access ON tool_published_apps;
ALTER TABLE tool_published_apps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_published_apps DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_oauth_tenant_clients FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_insert ON tool_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_update ON tool_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_scope_delete ON tool_oauth_tenant_clients;
DROP POLICY IF EXISTS dify_trusted_access ON tool_oauth_tenant_clients;
ALTER TABLE tool_oauth_tenant_clients NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_oauth_tenant_clients DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_oauth_system_clients FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON tool_oauth_system_clients;
ALTER TABLE tool_oauth_system_clients NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_oauth_system_clients DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_model_invokes FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_model_invokes;
DROP POLICY IF EXISTS dify_scope_insert ON tool_model_invokes;
DROP POLICY IF EXISTS dify_scope_update ON tool_model_invokes;
DROP POLICY IF EXISTS dify_scope_delete ON tool_model_invokes;
DROP POLICY IF EXISTS dify_trusted_access ON tool_model_invokes;
ALTER TABLE tool_model_invokes NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_model_invokes DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_mcp_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_mcp_providers;
DROP POLICY IF EXISTS dify_scope_insert ON tool_mcp_providers;
DROP POLICY IF EXISTS dify_scope_update ON tool_mcp_providers;
DROP POLICY IF EXISTS dify_scope_delete ON tool_mcp_providers;
DROP POLICY IF EXISTS dify_trusted_access ON tool_mcp_providers;
ALTER TABLE tool_mcp_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_mcp_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_label_bindings FROM dify_service, dify_trusted;


REVOKE ALL ON tool_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_files;
DROP POLICY IF EXISTS dify_scope_insert ON tool_files;
DROP POLICY IF EXISTS dify_scope_update ON tool_files;
DROP POLICY IF EXISTS dify_scope_delete ON tool_files;
DROP POLICY IF EXISTS dify_trusted_access ON tool_files;
ALTER TABLE tool_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_conversation_variables FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_conversation_variables;
DROP POLICY IF EXISTS dify_scope_insert ON tool_conversation_variables;
DROP POLICY IF EXISTS dify_scope_update ON tool_conversation_variables;
DROP POLICY IF EXISTS dify_scope_delete ON tool_conversation_variables;
DROP POLICY IF EXISTS dify_trusted_access ON tool_conversation_variables;
ALTER TABLE tool_conversation_variables NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_conversation_variables DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_builtin_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_builtin_providers;
DROP POLICY IF EXISTS dify_scope_insert ON tool_builtin_providers;
DROP POLICY IF EXISTS dify_scope_update ON tool_builtin_providers;
DROP POLICY IF EXISTS dify_scope_delete ON tool_builtin_providers;
DROP POLICY IF EXISTS dify_trusted_access ON tool_builtin_providers;
ALTER TABLE tool_builtin_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_builtin_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tool_api_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tool_api_providers;
DROP POLICY IF EXISTS dify_scope_insert ON tool_api_providers;
DROP POLICY IF EXISTS dify_scope_update ON tool_api_providers;
DROP POLICY IF EXISTS dify_scope_delete ON tool_api_providers;
DROP POLICY IF EXISTS dify_trusted_access ON tool_api_providers;
ALTER TABLE tool_api_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tool_api_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tidb_auth_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tidb_auth_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON tidb_auth_bindings;
DROP POLICY IF EXISTS dify_scope_update ON tidb_auth_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON tidb_auth_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON tidb_auth_bindings;
ALTER TABLE tidb_auth_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tidb_auth_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenants FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenants;
DROP POLICY IF EXISTS dify_trusted_access ON tenants;
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenants DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenant_preferred_model_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenant_preferred_model_providers;
DROP POLICY IF EXISTS dify_scope_insert ON tenant_preferred_model_providers;
DROP POLICY IF EXISTS dify_scope_update ON tenant_preferred_model_providers;
DROP POLICY IF EXISTS dify_scope_delete ON tenant_preferred_model_providers;
DROP POLICY IF EXISTS dify_trusted_access ON tenant_preferred_model_providers;
ALTER TABLE tenant_preferred_model_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_preferred_model_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenant_plugin_auto_upgrade_strategies FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenant_plugin_auto_upgrade_strategies;
DROP POLICY IF EXISTS dify_scope_insert ON tenant_plugin_auto_upgrade_strategies;
DROP POLICY IF EXISTS dify_scope_update ON tenant_plugin_auto_upgrade_strategies;
DROP POLICY IF EXISTS dify_scope_delete ON tenant_plugin_auto_upgrade_strategies;
DROP POLICY IF EXISTS dify_trusted_access ON tenant_plugin_auto_upgrade_strategies;
ALTER TABLE tenant_plugin_auto_upgrade_strategies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_plugin_auto_upgrade_strategies DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenant_default_models FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenant_default_models;
DROP POLICY IF EXISTS dify_scope_insert ON tenant_default_models;
DROP POLICY IF EXISTS dify_scope_update ON tenant_default_models;
DROP POLICY IF EXISTS dify_scope_delete ON tenant_default_models;
DROP POLICY IF EXISTS dify_trusted_access ON tenant_default_models;
ALTER TABLE tenant_default_models NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_default_models DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenant_credit_pools FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenant_credit_pools;
DROP POLICY IF EXISTS dify_scope_insert ON tenant_credit_pools;
DROP POLICY IF EXISTS dify_scope_update ON tenant_credit_pools;
DROP POLICY IF EXISTS dify_scope_delete ON tenant_credit_pools;
DROP POLICY IF EXISTS dify_trusted_access ON tenant_credit_pools;
ALTER TABLE tenant_credit_pools NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_credit_pools DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tenant_account_joins FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tenant_account_joins;
DROP POLICY IF EXISTS dify_scope_insert ON tenant_account_joins;
DROP POLICY IF EXISTS dify_scope_update ON tenant_account_joins;
DROP POLICY IF EXISTS dify_scope_delete ON tenant_account_joins;
DROP POLICY IF EXISTS dify_trusted_access ON tenant_account_joins;
ALTER TABLE tenant_account_joins NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_account_joins DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tags FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tags;
DROP POLICY IF EXISTS dify_scope_insert ON tags;
DROP POLICY IF EXISTS dify_scope_update ON tags;
DROP POLICY IF EXISTS dify_scope_delete ON tags;
DROP POLICY IF EXISTS dify_trusted_access ON tags;
ALTER TABLE tags NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tags DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON tag_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON tag_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON tag_bindings;
DROP POLICY IF EXISTS dify_scope_update ON tag_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON tag_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON tag_bindings;
ALTER TABLE tag_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tag_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON sites FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON sites;
DROP POLICY IF EXISTS dify_scope_insert ON sites;
DROP POLICY IF EXISTS dify_scope_update ON sites;
DROP POLICY IF EXISTS dify_scope_delete ON sites;
DROP POLICY IF EXISTS dify_trusted_access ON sites;
ALTER TABLE sites NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sites DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON segment_attachment_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON segment_attachment_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON segment_attachment_bindings;
DROP POLICY IF EXISTS dify_scope_update ON segment_attachment_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON segment_attachment_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON segment_attachment_bindings;
ALTER TABLE segment_attachment_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE segment_attachment_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON saved_messages FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON saved_messages;
DROP POLICY IF EXISTS dify_scope_insert ON saved_messages;
DROP POLICY IF EXISTS dify_scope_update ON saved_messages;
DROP POLICY IF EXISTS dify_scope_delete ON saved_messages;
DROP POLICY IF EXISTS dify_trusted_access ON saved_messages;
ALTER TABLE saved_messages NO FORCE ROW LEVEL SECURITY;
ALTER TABLE saved_messages DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON recommended_apps FROM dify_service, dify_trusted;


REVOKE ALL ON rate_limit_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON rate_limit_logs;
DROP POLICY IF EXISTS dify_scope_insert ON rate_limit_logs;
DROP POLICY IF EXISTS dify_scope_update ON rate_limit_logs;
DROP POLICY IF EXISTS dify_scope_delete ON rate_limit_logs;
DROP POLICY IF EXISTS dify_trusted_access ON rate_limit_logs;
ALTER TABLE rate_limit_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON providers;
DROP POLICY IF EXISTS dify_scope_insert ON providers;
DROP POLICY IF EXISTS dify_scope_update ON providers;
DROP POLICY IF EXISTS dify_scope_delete ON providers;
DROP POLICY IF EXISTS dify_trusted_access ON providers;
ALTER TABLE providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON provider_orders FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON provider_orders;
DROP POLICY IF EXISTS dify_scope_insert ON provider_orders;
DROP POLICY IF EXISTS dify_scope_update ON provider_orders;
DROP POLICY IF EXISTS dify_scope_delete ON provider_orders;
DROP POLICY IF EXISTS dify_trusted_access ON provider_orders;
ALTER TABLE provider_orders NO FORCE ROW LEVEL SECURITY;
ALTER TABLE provider_orders DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON provider_models FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON provider_models;
DROP POLICY IF EXISTS dify_scope_insert ON provider_models;
DROP POLICY IF EXISTS dify_scope_update ON provider_models;
DROP POLICY IF EXISTS dify_scope_delete ON provider_models;
DROP POLICY IF EXISTS dify_trusted_access ON provider_models;
ALTER TABLE provider_models NO FORCE ROW LEVEL SECURITY;
ALTER TABLE provider_models DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON provider_model_settings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON provider_model_settings;
DROP POLICY IF EXISTS dify_scope_insert ON provider_model_settings;
DROP POLICY IF EXISTS dify_scope_update ON provider_model_settings;
DROP POLICY IF EXISTS dify_scope_delete ON provider_model_settings;
DROP POLICY IF EXISTS dify_trusted_access ON provider_model_settings;
ALTER TABLE provider_model_settings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE provider_model_settings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON provider_model_credentials FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON provider_model_credentials;
DROP POLICY IF EXISTS dify_scope_insert ON provider_model_credentials;
DROP POLICY IF EXISTS dify_scope_update ON provider_model_credentials;
DROP POLICY IF EXISTS dify_scope_delete ON provider_model_credentials;
DROP POLICY IF EXISTS dify_trusted_access ON provider_model_credentials;
ALTER TABLE provider_model_credentials NO FORCE ROW LEVEL SECURITY;
ALTER TABLE provider_model_credentials DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON provider_credentials FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON provider_credentials;
DROP POLICY IF EXISTS dify_scope_insert ON provider_credentials;
DROP POLICY IF EXISTS dify_scope_update ON provider_credentials;
DROP POLICY IF EXISTS dify_scope_delete ON provider_credentials;
DROP POLICY IF EXISTS dify_trusted_access ON provider_credentials;
ALTER TABLE provider_credentials NO FORCE ROW LEVEL SECURITY;
ALTER TABLE provider_credentials DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON pipelines FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON pipelines;
DROP POLICY IF EXISTS dify_scope_insert ON pipelines;
DROP POLICY IF EXISTS dify_scope_update ON pipelines;
DROP POLICY IF EXISTS dify_scope_delete ON pipelines;
DROP POLICY IF EXISTS dify_trusted_access ON pipelines;
ALTER TABLE pipelines NO FORCE ROW LEVEL SECURITY;
ALTER TABLE pipelines DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON pipeline_recommended_plugins FROM dify_service, dify_trusted;


REVOKE ALL ON pipeline_customized_templates FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON pipeline_customized_templates;
DROP POLICY IF EXISTS dify_scope_insert ON pipeline_customized_templates;
DROP POLICY IF EXISTS dify_scope_update ON pipeline_customized_templates;
DROP POLICY IF EXISTS dify_scope_delete ON pipeline_customized_templates;
DROP POLICY IF EXISTS dify_trusted_access ON pipeline_customized_templates;
ALTER TABLE pipeline_customized_templates NO FORCE ROW LEVEL SECURITY;
ALTER TABLE pipeline_customized_templates DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON pipeline_built_in_templates FROM dify_service, dify_trusted;


REVOKE ALL ON pinned_conversations FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON pinned_conversations;
DROP POLICY IF EXISTS dify_scope_insert ON pinned_conversations;
DROP POLICY IF EXISTS dify_scope_update ON pinned_conversations;
DROP POLICY IF EXISTS dify_scope_delete ON pinned_conversations;
DROP POLICY IF EXISTS dify_trusted_access ON pinned_conversations;
ALTER TABLE pinned_conversations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE pinned_conversations DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON operation_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON operation_logs;
DROP POLICY IF EXISTS dify_scope_insert ON operation_logs;
DROP POLICY IF EXISTS dify_scope_update ON operation_logs;
DROP POLICY IF EXISTS dify_scope_delete ON operation_logs;
DROP POLICY IF EXISTS dify_trusted_access ON operation_logs;
ALTER TABLE operation_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE operation_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON oauth_provider_apps FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON oauth_provider_apps;
ALTER TABLE oauth_provider_apps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE oauth_provider_apps DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON oauth_access_tokens FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON oauth_access_tokens;
ALTER TABLE oauth_access_tokens NO FORCE ROW LEVEL SECURITY;
ALTER TABLE oauth_access_tokens DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON messages FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON messages;
DROP POLICY IF EXISTS dify_scope_insert ON messages;
DROP POLICY IF EXISTS dify_scope_update ON messages;
DROP POLICY IF EXISTS dify_scope_delete ON messages;
DROP POLICY IF EXISTS dify_trusted_access ON messages;
ALTER TABLE messages NO FORCE ROW LEVEL SECURITY;
ALTER TABLE messages DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON message_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON message_files;
DROP POLICY IF EXISTS dify_scope_insert ON message_files;
DROP POLICY IF EXISTS dify_scope_update ON message_files;
DROP POLICY IF EXISTS dify_scope_delete ON message_files;
DROP POLICY IF EXISTS dify_trusted_access ON message_files;
ALTER TABLE message_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE message_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON message_feedbacks FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON message_feedbacks;
DROP POLICY IF EXISTS dify_scope_insert ON message_feedbacks;
DROP POLICY IF EXISTS dify_scope_update ON message_feedbacks;
DROP POLICY IF EXISTS dify_scope_delete ON message_feedbacks;
DROP POLICY IF EXISTS dify_trusted_access ON message_feedbacks;
ALTER TABLE message_feedbacks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE message_feedbacks DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON message_chains FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON message_chains;
DROP POLICY IF EXISTS dify_scope_insert ON message_chains;
DROP POLICY IF EXISTS dify_scope_update ON message_chains;
DROP POLICY IF EXISTS dify_scope_delete ON message_chains;
DROP POLICY IF EXISTS dify_trusted_access ON message_chains;
ALTER TABLE message_chains NO FORCE ROW LEVEL SECURITY;
ALTER TABLE message_chains DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON message_annotations FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON message_annotations;
DROP POLICY IF EXISTS dify_scope_insert ON message_annotations;
DROP POLICY IF EXISTS dify_scope_update ON message_annotations;
DROP POLICY IF EXISTS dify_scope_delete ON message_annotations;
DROP POLICY IF EXISTS dify_trusted_access ON message_annotations;
ALTER TABLE message_annotations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE message_annotations DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON message_agent_thoughts FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON message_agent_thoughts;
DROP POLICY IF EXISTS dify_scope_insert ON message_agent_thoughts;
DROP POLICY IF EXISTS dify_scope_update ON message_agent_thoughts;
DROP POLICY IF EXISTS dify_scope_delete ON message_agent_thoughts;
DROP POLICY IF EXISTS dify_trusted_access ON message_agent_thoughts;
ALTER TABLE message_agent_thoughts NO FORCE ROW LEVEL SECURITY;
ALTER TABLE message_agent_thoughts DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON load_balancing_model_configs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON load_balancing_model_configs;
DROP POLICY IF EXISTS dify_scope_insert ON load_balancing_model_configs;
DROP POLICY IF EXISTS dify_scope_update ON load_balancing_model_configs;
DROP POLICY IF EXISTS dify_scope_delete ON load_balancing_model_configs;
DROP POLICY IF EXISTS dify_trusted_access ON load_balancing_model_configs;
ALTER TABLE load_balancing_model_configs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE load_balancing_model_configs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON invitation_codes FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON invitation_codes;
ALTER TABLE invitation_codes NO FORCE ROW LEVEL SECURITY;
ALTER TABLE invitation_codes DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON installed_apps FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON installed_apps;
DROP POLICY IF EXISTS dify_scope_insert ON installed_apps;
DROP POLICY IF EXISTS dify_scope_update ON installed_apps;
DROP POLICY IF EXISTS dify_scope_delete ON installed_apps;
DROP POLICY IF EXISTS dify_trusted_access ON installed_apps;
ALTER TABLE installed_apps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE installed_apps DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON human_input_forms FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON human_input_forms;
DROP POLICY IF EXISTS dify_scope_insert ON human_input_forms;
DROP POLICY IF EXISTS dify_scope_update ON human_input_forms;
DROP POLICY IF EXISTS dify_scope_delete ON human_input_forms;
DROP POLICY IF EXISTS dify_trusted_access ON human_input_forms;
ALTER TABLE human_input_forms NO FORCE ROW LEVEL SECURITY;
ALTER TABLE human_input_forms DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON human_input_form_upload_tokens FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON human_input_form_upload_tokens;
DROP POLICY IF EXISTS dify_scope_insert ON human_input_form_upload_tokens;
DROP POLICY IF EXISTS dify_scope_update ON human_input_form_upload_tokens;
DROP POLICY IF EXISTS dify_scope_delete ON human_input_form_upload_tokens;
DROP POLICY IF EXISTS dify_trusted_access ON human_input_form_upload_tokens;
ALTER TABLE human_input_form_upload_tokens NO FORCE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_upload_tokens DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON human_input_form_upload_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON human_input_form_upload_files;
DROP POLICY IF EXISTS dify_scope_insert ON human_input_form_upload_files;
DROP POLICY IF EXISTS dify_scope_update ON human_input_form_upload_files;
DROP POLICY IF EXISTS dify_scope_delete ON human_input_form_upload_files;
DROP POLICY IF EXISTS dify_trusted_access ON human_input_form_upload_files;
ALTER TABLE human_input_form_upload_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_upload_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON human_input_form_recipients FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON human_input_form_recipients;
DROP POLICY IF EXISTS dify_scope_insert ON human_input_form_recipients;
DROP POLICY IF EXISTS dify_scope_update ON human_input_form_recipients;
DROP POLICY IF EXISTS dify_scope_delete ON human_input_form_recipients;
DROP POLICY IF EXISTS dify_trusted_access ON human_input_form_recipients;
ALTER TABLE human_input_form_recipients NO FORCE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_recipients DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON human_input_form_deliveries FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON human_input_form_deliveries;
DROP POLICY IF EXISTS dify_scope_insert ON human_input_form_deliveries;
DROP POLICY IF EXISTS dify_scope_update ON human_input_form_deliveries;
DROP POLICY IF EXISTS dify_scope_delete ON human_input_form_deliveries;
DROP POLICY IF EXISTS dify_trusted_access ON human_input_form_deliveries;
ALTER TABLE human_input_form_deliveries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_deliveries DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON external_knowledge_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON external_knowledge_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON external_knowledge_bindings;
DROP POLICY IF EXISTS dify_scope_update ON external_knowledge_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON external_knowledge_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON external_knowledge_bindings;
ALTER TABLE external_knowledge_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE external_knowledge_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON external_knowledge_apis FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON external_knowledge_apis;
DROP POLICY IF EXISTS dify_scope_insert ON external_knowledge_apis;
DROP POLICY IF EXISTS dify_scope_update ON external_knowledge_apis;
DROP POLICY IF EXISTS dify_scope_delete ON external_knowledge_apis;
DROP POLICY IF EXISTS dify_trusted_access ON external_knowledge_apis;
ALTER TABLE external_knowledge_apis NO FORCE ROW LEVEL SECURITY;
ALTER TABLE external_knowledge_apis DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON exporle_banners FROM dify_service, dify_trusted;


REVOKE ALL ON execution_extra_contents FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON execution_extra_contents;
DROP POLICY IF EXISTS dify_scope_insert ON execution_extra_contents;
DROP POLICY IF EXISTS dify_scope_update ON execution_extra_contents;
DROP POLICY IF EXISTS dify_scope_delete ON execution_extra_contents;
DROP POLICY IF EXISTS dify_trusted_access ON execution_extra_contents;
ALTER TABLE execution_extra_contents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE execution_extra_contents DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON end_users FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON end_users;
DROP POLICY IF EXISTS dify_scope_insert ON end_users;
DROP POLICY IF EXISTS dify_scope_update ON end_users;
DROP POLICY IF EXISTS dify_scope_delete ON end_users;
DROP POLICY IF EXISTS dify_trusted_access ON end_users;
ALTER TABLE end_users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE end_users DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON embeddings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON embeddings;
ALTER TABLE embeddings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE embeddings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON documents FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON documents;
DROP POLICY IF EXISTS dify_scope_insert ON documents;
DROP POLICY IF EXISTS dify_scope_update ON documents;
DROP POLICY IF EXISTS dify_scope_delete ON documents;
DROP POLICY IF EXISTS dify_trusted_access ON documents;
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE documents DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON document_segments FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON document_segments;
DROP POLICY IF EXISTS dify_scope_insert ON document_segments;
DROP POLICY IF EXISTS dify_scope_update ON document_segments;
DROP POLICY IF EXISTS dify_scope_delete ON document_segments;
DROP POLICY IF EXISTS dify_trusted_access ON document_segments;
ALTER TABLE document_segments NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_segments DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON document_segment_summaries FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON document_segment_summaries;
DROP POLICY IF EXISTS dify_scope_insert ON document_segment_summaries;
DROP POLICY IF EXISTS dify_scope_update ON document_segment_summaries;
DROP POLICY IF EXISTS dify_scope_delete ON document_segment_summaries;
DROP POLICY IF EXISTS dify_trusted_access ON document_segment_summaries;
ALTER TABLE document_segment_summaries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_segment_summaries DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON document_pipeline_execution_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON document_pipeline_execution_logs;
DROP POLICY IF EXISTS dify_scope_insert ON document_pipeline_execution_logs;
DROP POLICY IF EXISTS dify_scope_update ON document_pipeline_execution_logs;
DROP POLICY IF EXISTS dify_scope_delete ON document_pipeline_execution_logs;
DROP POLICY IF EXISTS dify_trusted_access ON document_pipeline_execution_logs;
ALTER TABLE document_pipeline_execution_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_pipeline_execution_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dify_setups FROM dify_service, dify_trusted;


REVOKE ALL ON datasource_providers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON datasource_providers;
DROP POLICY IF EXISTS dify_scope_insert ON datasource_providers;
DROP POLICY IF EXISTS dify_scope_update ON datasource_providers;
DROP POLICY IF EXISTS dify_scope_delete ON datasource_providers;
DROP POLICY IF EXISTS dify_trusted_access ON datasource_providers;
ALTER TABLE datasource_providers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE datasource_providers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON datasource_oauth_tenant_params FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON datasource_oauth_tenant_params;
DROP POLICY IF EXISTS dify_scope_insert ON datasource_oauth_tenant_params;
DROP POLICY IF EXISTS dify_scope_update ON datasource_oauth_tenant_params;
DROP POLICY IF EXISTS dify_scope_delete ON datasource_oauth_tenant_params;
DROP POLICY IF EXISTS dify_trusted_access ON datasource_oauth_tenant_params;
ALTER TABLE datasource_oauth_tenant_params NO FORCE ROW LEVEL SECURITY;
ALTER TABLE datasource_oauth_tenant_params DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON datasource_oauth_params FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON datasource_oauth_params;
ALTER TABLE datasource_oauth_params NO FORCE ROW LEVEL SECURITY;
ALTER TABLE datasource_oauth_params DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON datasets FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON datasets;
DROP POLICY IF EXISTS dify_scope_insert ON datasets;
DROP POLICY IF EXISTS dify_scope_update ON datasets;
DROP POLICY IF EXISTS dify_scope_delete ON datasets;
DROP POLICY IF EXISTS dify_trusted_access ON datasets;
ALTER TABLE datasets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE datasets DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_retriever_resources FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_retriever_resources;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_retriever_resources;
DROP POLICY IF EXISTS dify_scope_update ON dataset_retriever_resources;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_retriever_resources;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_retriever_resources;
ALTER TABLE dataset_retriever_resources NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_retriever_resources DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_queries FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_queries;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_queries;
DROP POLICY IF EXISTS dify_scope_update ON dataset_queries;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_queries;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_queries;
ALTER TABLE dataset_queries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_queries DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_process_rules FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_process_rules;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_process_rules;
DROP POLICY IF EXISTS dify_scope_update ON dataset_process_rules;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_process_rules;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_process_rules;
ALTER TABLE dataset_process_rules NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_process_rules DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_permissions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_permissions;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_permissions;
DROP POLICY IF EXISTS dify_scope_update ON dataset_permissions;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_permissions;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_permissions;
ALTER TABLE dataset_permissions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_permissions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_metadatas FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_metadatas;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_metadatas;
DROP POLICY IF EXISTS dify_scope_update ON dataset_metadatas;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_metadatas;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_metadatas;
ALTER TABLE dataset_metadatas NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_metadatas DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_metadata_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_metadata_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_metadata_bindings;
DROP POLICY IF EXISTS dify_scope_update ON dataset_metadata_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_metadata_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_metadata_bindings;
ALTER TABLE dataset_metadata_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_metadata_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_keyword_tables FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_keyword_tables;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_keyword_tables;
DROP POLICY IF EXISTS dify_scope_update ON dataset_keyword_tables;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_keyword_tables;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_keyword_tables;
ALTER TABLE dataset_keyword_tables NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_keyword_tables DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON dataset_collection_bindings FROM dify_service, dify_trusted;


REVOKE ALL ON dataset_auto_disable_logs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON dataset_auto_disable_logs;
DROP POLICY IF EXISTS dify_scope_insert ON dataset_auto_disable_logs;
DROP POLICY IF EXISTS dify_scope_update ON dataset_auto_disable_logs;
DROP POLICY IF EXISTS dify_scope_delete ON dataset_auto_disable_logs;
DROP POLICY IF EXISTS dify_trusted_access ON dataset_auto_disable_logs;
ALTER TABLE dataset_auto_disable_logs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE dataset_auto_disable_logs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON data_source_oauth_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON data_source_oauth_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON data_source_oauth_bindings;
DROP POLICY IF EXISTS dify_scope_update ON data_source_oauth_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON data_source_oauth_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON data_source_oauth_bindings;
ALTER TABLE data_source_oauth_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE data_source_oauth_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON data_source_api_key_auth_bindings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON data_source_api_key_auth_bindings;
DROP POLICY IF EXISTS dify_scope_insert ON data_source_api_key_auth_bindings;
DROP POLICY IF EXISTS dify_scope_update ON data_source_api_key_auth_bindings;
DROP POLICY IF EXISTS dify_scope_delete ON data_source_api_key_auth_bindings;
DROP POLICY IF EXISTS dify_trusted_access ON data_source_api_key_auth_bindings;
ALTER TABLE data_source_api_key_auth_bindings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE data_source_api_key_auth_bindings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON customized_snippets FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON customized_snippets;
DROP POLICY IF EXISTS dify_scope_insert ON customized_snippets;
DROP POLICY IF EXISTS dify_scope_update ON customized_snippets;
DROP POLICY IF EXISTS dify_scope_delete ON customized_snippets;
DROP POLICY IF EXISTS dify_trusted_access ON customized_snippets;
ALTER TABLE customized_snippets NO FORCE ROW LEVEL SECURITY;
ALTER TABLE customized_snippets DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON credential_permissions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON credential_permissions;
DROP POLICY IF EXISTS dify_scope_insert ON credential_permissions;
DROP POLICY IF EXISTS dify_scope_update ON credential_permissions;
DROP POLICY IF EXISTS dify_scope_delete ON credential_permissions;
DROP POLICY IF EXISTS dify_trusted_access ON credential_permissions;
ALTER TABLE credential_permissions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE credential_permissions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON conversations FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON conversations;
DROP POLICY IF EXISTS dify_scope_insert ON conversations;
DROP POLICY IF EXISTS dify_scope_update ON conversations;
DROP POLICY IF EXISTS dify_scope_delete ON conversations;
DROP POLICY IF EXISTS dify_trusted_access ON conversations;
ALTER TABLE conversations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE conversations DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON child_chunks FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON child_chunks;
DROP POLICY IF EXISTS dify_scope_insert ON child_chunks;
DROP POLICY IF EXISTS dify_scope_update ON child_chunks;
DROP POLICY IF EXISTS dify_scope_delete ON child_chunks;
DROP POLICY IF EXISTS dify_trusted_access ON child_chunks;
ALTER TABLE child_chunks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE child_chunks DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON celery_tasksetmeta FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON celery_tasksetmeta;
ALTER TABLE celery_tasksetmeta NO FORCE ROW LEVEL SECURITY;
ALTER TABLE celery_tasksetmeta DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON celery_taskmeta FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON celery_taskmeta;
ALTER TABLE celery_taskmeta NO FORCE ROW LEVEL SECURITY;
ALTER TABLE celery_taskmeta DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON apps FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON apps;
DROP POLICY IF EXISTS dify_scope_insert ON apps;
DROP POLICY IF EXISTS dify_scope_update ON apps;
DROP POLICY IF EXISTS dify_scope_delete ON apps;
DROP POLICY IF EXISTS dify_trusted_access ON apps;
ALTER TABLE apps NO FORCE ROW LEVEL SECURITY;
ALTER TABLE apps DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_triggers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_triggers;
DROP POLICY IF EXISTS dify_scope_insert ON app_triggers;
DROP POLICY IF EXISTS dify_scope_update ON app_triggers;
DROP POLICY IF EXISTS dify_scope_delete ON app_triggers;
DROP POLICY IF EXISTS dify_trusted_access ON app_triggers;
ALTER TABLE app_triggers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_triggers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_stars FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_stars;
DROP POLICY IF EXISTS dify_scope_insert ON app_stars;
DROP POLICY IF EXISTS dify_scope_update ON app_stars;
DROP POLICY IF EXISTS dify_scope_delete ON app_stars;
DROP POLICY IF EXISTS dify_trusted_access ON app_stars;
ALTER TABLE app_stars NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_stars DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_model_configs FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_model_configs;
DROP POLICY IF EXISTS dify_scope_insert ON app_model_configs;
DROP POLICY IF EXISTS dify_scope_update ON app_model_configs;
DROP POLICY IF EXISTS dify_scope_delete ON app_model_configs;
DROP POLICY IF EXISTS dify_trusted_access ON app_model_configs;
ALTER TABLE app_model_configs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_model_configs DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_mcp_servers FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_mcp_servers;
DROP POLICY IF EXISTS dify_scope_insert ON app_mcp_servers;
DROP POLICY IF EXISTS dify_scope_update ON app_mcp_servers;
DROP POLICY IF EXISTS dify_scope_delete ON app_mcp_servers;
DROP POLICY IF EXISTS dify_trusted_access ON app_mcp_servers;
ALTER TABLE app_mcp_servers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_mcp_servers DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_dataset_joins FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_dataset_joins;
DROP POLICY IF EXISTS dify_scope_insert ON app_dataset_joins;
DROP POLICY IF EXISTS dify_scope_update ON app_dataset_joins;
DROP POLICY IF EXISTS dify_scope_delete ON app_dataset_joins;
DROP POLICY IF EXISTS dify_trusted_access ON app_dataset_joins;
ALTER TABLE app_dataset_joins NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_dataset_joins DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_annotation_settings FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_annotation_settings;
DROP POLICY IF EXISTS dify_scope_insert ON app_annotation_settings;
DROP POLICY IF EXISTS dify_scope_update ON app_annotation_settings;
DROP POLICY IF EXISTS dify_scope_delete ON app_annotation_settings;
DROP POLICY IF EXISTS dify_trusted_access ON app_annotation_settings;
ALTER TABLE app_annotation_settings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_annotation_settings DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON app_annotation_hit_histories FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON app_annotation_hit_histories;
DROP POLICY IF EXISTS dify_scope_insert ON app_annotation_hit_histories;
DROP POLICY IF EXISTS dify_scope_update ON app_annotation_hit_histories;
DROP POLICY IF EXISTS dify_scope_delete ON app_annotation_hit_histories;
DROP POLICY IF EXISTS dify_trusted_access ON app_annotation_hit_histories;
ALTER TABLE app_annotation_hit_histories NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_annotation_hit_histories DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON api_tokens FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON api_tokens;
DROP POLICY IF EXISTS dify_scope_insert ON api_tokens;
DROP POLICY IF EXISTS dify_scope_update ON api_tokens;
DROP POLICY IF EXISTS dify_scope_delete ON api_tokens;
DROP POLICY IF EXISTS dify_trusted_access ON api_tokens;
ALTER TABLE api_tokens NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_tokens DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON api_requests FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON api_requests;
DROP POLICY IF EXISTS dify_scope_insert ON api_requests;
DROP POLICY IF EXISTS dify_scope_update ON api_requests;
DROP POLICY IF EXISTS dify_scope_delete ON api_requests;
DROP POLICY IF EXISTS dify_trusted_access ON api_requests;
ALTER TABLE api_requests NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_requests DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON api_based_extensions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON api_based_extensions;
DROP POLICY IF EXISTS dify_scope_insert ON api_based_extensions;
DROP POLICY IF EXISTS dify_scope_update ON api_based_extensions;
DROP POLICY IF EXISTS dify_scope_delete ON api_based_extensions;
DROP POLICY IF EXISTS dify_trusted_access ON api_based_extensions;
ALTER TABLE api_based_extensions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_based_extensions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agents FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agents;
DROP POLICY IF EXISTS dify_scope_insert ON agents;
DROP POLICY IF EXISTS dify_scope_update ON agents;
DROP POLICY IF EXISTS dify_scope_delete ON agents;
DROP POLICY IF EXISTS dify_trusted_access ON agents;
ALTER TABLE agents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agents DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_runtime_sessions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_runtime_sessions;
DROP POLICY IF EXISTS dify_scope_insert ON agent_runtime_sessions;
DROP POLICY IF EXISTS dify_scope_update ON agent_runtime_sessions;
DROP POLICY IF EXISTS dify_scope_delete ON agent_runtime_sessions;
DROP POLICY IF EXISTS dify_trusted_access ON agent_runtime_sessions;
ALTER TABLE agent_runtime_sessions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_runtime_sessions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_drive_files FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_drive_files;
DROP POLICY IF EXISTS dify_scope_insert ON agent_drive_files;
DROP POLICY IF EXISTS dify_scope_update ON agent_drive_files;
DROP POLICY IF EXISTS dify_scope_delete ON agent_drive_files;
DROP POLICY IF EXISTS dify_trusted_access ON agent_drive_files;
ALTER TABLE agent_drive_files NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_drive_files DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_debug_conversations FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_debug_conversations;
DROP POLICY IF EXISTS dify_scope_insert ON agent_debug_conversations;
DROP POLICY IF EXISTS dify_scope_update ON agent_debug_conversations;
DROP POLICY IF EXISTS dify_scope_delete ON agent_debug_conversations;
DROP POLICY IF EXISTS dify_trusted_access ON agent_debug_conversations;
ALTER TABLE agent_debug_conversations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_debug_conversations DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_config_snapshots FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_config_snapshots;
DROP POLICY IF EXISTS dify_scope_insert ON agent_config_snapshots;
DROP POLICY IF EXISTS dify_scope_update ON agent_config_snapshots;
DROP POLICY IF EXISTS dify_scope_delete ON agent_config_snapshots;
DROP POLICY IF EXISTS dify_trusted_access ON agent_config_snapshots;
ALTER TABLE agent_config_snapshots NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_config_snapshots DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_config_revisions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_config_revisions;
DROP POLICY IF EXISTS dify_scope_insert ON agent_config_revisions;
DROP POLICY IF EXISTS dify_scope_update ON agent_config_revisions;
DROP POLICY IF EXISTS dify_scope_delete ON agent_config_revisions;
DROP POLICY IF EXISTS dify_trusted_access ON agent_config_revisions;
ALTER TABLE agent_config_revisions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_config_revisions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON agent_config_drafts FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON agent_config_drafts;
DROP POLICY IF EXISTS dify_scope_insert ON agent_config_drafts;
DROP POLICY IF EXISTS dify_scope_update ON agent_config_drafts;
DROP POLICY IF EXISTS dify_scope_delete ON agent_config_drafts;
DROP POLICY IF EXISTS dify_trusted_access ON agent_config_drafts;
ALTER TABLE agent_config_drafts NO FORCE ROW LEVEL SECURITY;
ALTER TABLE agent_config_drafts DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON accounts FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON accounts;
DROP POLICY IF EXISTS dify_trusted_access ON accounts;
ALTER TABLE accounts NO FORCE ROW LEVEL SECURITY;
ALTER TABLE accounts DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON account_trial_app_records FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON account_trial_app_records;
ALTER TABLE account_trial_app_records NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_trial_app_records DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON account_plugin_permissions FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_scope_read ON account_plugin_permissions;
DROP POLICY IF EXISTS dify_scope_insert ON account_plugin_permissions;
DROP POLICY IF EXISTS dify_scope_update ON account_plugin_permissions;
DROP POLICY IF EXISTS dify_scope_delete ON account_plugin_permissions;
DROP POLICY IF EXISTS dify_trusted_access ON account_plugin_permissions;
ALTER TABLE account_plugin_permissions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_plugin_permissions DISABLE ROW LEVEL SECURITY;


REVOKE ALL ON account_integrates FROM dify_service, dify_trusted;
DROP POLICY IF EXISTS dify_trusted_access ON account_integrates;
ALTER TABLE account_integrates NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_integrates DISABLE ROW LEVEL SECURITY;


DROP FUNCTION IF EXISTS dify_scope_enter(uuid, uuid);
DROP FUNCTION IF EXISTS dify_scope_role();
DROP FUNCTION IF EXISTS dify_scope_account();
DROP FUNCTION IF EXISTS dify_scope_tenant();
DROP FUNCTION IF EXISTS dify_scope_claims();
DROP FUNCTION IF EXISTS dify_scope_signature(text);
DROP TABLE IF EXISTS dify_scope_keys;

