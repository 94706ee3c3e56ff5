ALTER TABLE `workflow_comment_replies` DROP FOREIGN KEY `workflow_comment_replies_comment_id_fkey`;

ALTER TABLE `workflow_comment_mentions` DROP FOREIGN KEY `workflow_comment_mentions_reply_id_fkey`;

ALTER TABLE `workflow_comment_mentions` DROP FOREIGN KEY `workflow_comment_mentions_comment_id_fkey`;

ALTER TABLE `tool_published_apps` DROP FOREIGN KEY `tool_published_apps_ibfk_1`;

ALTER TABLE `oauth_access_tokens` DROP FOREIGN KEY `fk_oauth_access_tokens_account_id`;

DROP TABLE `workflows`;

DROP TABLE `workflow_webhook_triggers`;

DROP TABLE `workflow_trigger_logs`;

DROP TABLE `workflow_schedule_plans`;

DROP TABLE `workflow_runs`;

DROP TABLE `workflow_plugin_triggers`;

DROP TABLE `workflow_pauses`;

DROP TABLE `workflow_pause_reasons`;

DROP TABLE `workflow_node_executions`;

DROP TABLE `workflow_node_execution_offload`;

DROP TABLE `workflow_draft_variables`;

DROP TABLE `workflow_draft_variable_files`;

DROP TABLE `workflow_conversation_variables`;

DROP TABLE `workflow_comments`;

DROP TABLE `workflow_comment_replies`;

DROP TABLE `workflow_comment_mentions`;

DROP TABLE `workflow_archive_logs`;

DROP TABLE `workflow_app_logs`;

DROP TABLE `workflow_agent_node_bindings`;

DROP TABLE `whitelists`;

DROP TABLE `upload_files`;

DROP TABLE `trigger_subscriptions`;

DROP TABLE `trigger_oauth_tenant_clients`;

DROP TABLE `trigger_oauth_system_clients`;

DROP TABLE `trial_apps`;

DROP TABLE `trace_app_config`;

DROP TABLE `tool_workflow_providers`;

DROP TABLE `tool_published_apps`;

DROP TABLE `tool_oauth_tenant_clients`;

DROP TABLE `tool_oauth_system_clients`;

DROP TABLE `tool_model_invokes`;

DROP TABLE `tool_mcp_providers`;

DROP TABLE `tool_label_bindings`;

DROP TABLE `tool_files`;

DROP TABLE `tool_conversation_variables`;

DROP TABLE `tool_builtin_providers`;

DROP TABLE `tool_api_providers`;

DROP TABLE `tidb_auth_bindings`;

DROP TABLE `tenants`;

DROP TABLE `tenant_preferred_model_providers`;

DROP TABLE `tenant_plugin_auto_upgrade_strategies`;

DROP TABLE `tenant_default_models`;

DROP TABLE `tenant_credit_pools`;

DROP TABLE `tenant_account_joins`;

DROP TABLE `tags`;

DROP TABLE `tag_bindings`;

DROP TABLE `sites`;

DROP TABLE `segment_attachment_bindings`;

DROP TABLE `saved_messages`;

DROP TABLE `recommended_apps`;

DROP TABLE `rate_limit_logs`;

DROP TABLE `providers`;

DROP TABLE `provider_orders`;

DROP TABLE `provider_models`;

DROP TABLE `provider_model_settings`;

DROP TABLE `provider_model_credentials`;

DROP TABLE `provider_credentials`;

DROP TABLE `pipelines`;

DROP TABLE `pipeline_recommended_plugins`;

DROP TABLE `pipeline_customized_templates`;

DROP TABLE `pipeline_built_in_templates`;

DROP TABLE `pinned_conversations`;

DROP TABLE `operation_logs`;

DROP TABLE `oauth_provider_apps`;

DROP TABLE `oauth_access_tokens`;

DROP TABLE `messages`;

DROP TABLE `message_files`;

DROP TABLE `message_feedbacks`;

DROP TABLE `message_chains`;

DROP TABLE `message_annotations`;

DROP TABLE `message_agent_thoughts`;

DROP TABLE `load_balancing_model_configs`;

DROP TABLE `invitation_codes`;

DROP TABLE `installed_apps`;

DROP TABLE `human_input_forms`;

DROP TABLE `human_input_form_upload_tokens`;

DROP TABLE `human_input_form_upload_files`;

DROP TABLE `human_input_form_recipients`;

DROP TABLE `human_input_form_deliveries`;

DROP TABLE `external_knowledge_bindings`;

DROP TABLE `external_knowledge_apis`;

DROP TABLE `exporle_banners`;

DROP TABLE `execution_extra_contents`;

DROP TABLE `end_users`;

DROP TABLE `embeddings`;

DROP TABLE `documents`;

DROP TABLE `document_segments`;

DROP TABLE `document_segment_summaries`;

DROP TABLE `document_pipeline_execution_logs`;

DROP TABLE `dify_setups`;

DROP TABLE `datasource_providers`;

DROP TABLE `datasource_oauth_tenant_params`;

DROP TABLE `datasource_oauth_params`;

DROP TABLE `datasets`;

DROP TABLE `dataset_retriever_resources`;

DROP TABLE `dataset_queries`;

DROP TABLE `dataset_process_rules`;

DROP TABLE `dataset_permissions`;

DROP TABLE `dataset_metadatas`;

DROP TABLE `dataset_metadata_bindings`;

DROP TABLE `dataset_keyword_tables`;

DROP TABLE `dataset_collection_bindings`;

DROP TABLE `dataset_auto_disable_logs`;

DROP TABLE `data_source_oauth_bindings`;

DROP TABLE `data_source_api_key_auth_bindings`;

DROP TABLE `customized_snippets`;

DROP TABLE `credential_permissions`;

DROP TABLE `conversations`;

DROP TABLE `child_chunks`;

DROP TABLE `celery_tasksetmeta`;

DROP TABLE `celery_taskmeta`;

DROP TABLE `apps`;

DROP TABLE `app_triggers`;

DROP TABLE `app_stars`;

DROP TABLE `app_model_configs`;

DROP TABLE `app_mcp_servers`;

DROP TABLE `app_dataset_joins`;

DROP TABLE `app_annotation_settings`;

DROP TABLE `app_annotation_hit_histories`;

DROP TABLE `api_tokens`;

DROP TABLE `api_requests`;

DROP TABLE `api_based_extensions`;

DROP TABLE `agents`;

DROP TABLE `agent_runtime_sessions`;

DROP TABLE `agent_drive_files`;

DROP TABLE `agent_debug_conversations`;

DROP TABLE `agent_config_snapshots`;

DROP TABLE `agent_config_revisions`;

DROP TABLE `agent_config_drafts`;

DROP TABLE `accounts`;

DROP TABLE `account_trial_app_records`;

DROP TABLE `account_plugin_permissions`;

DROP TABLE `account_integrates`;
