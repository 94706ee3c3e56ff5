CREATE TABLE `account_integrates` (
  `id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `provider` varchar(16) NOT NULL,
  `open_id` varchar(255) NOT NULL,
  `encrypted_token` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_account_provider` (`account_id`, `provider`),
  UNIQUE KEY `unique_provider_open_id` (`provider`, `open_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `account_plugin_permissions` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `install_permission` varchar(16) NOT NULL DEFAULT 'everyone',
  `debug_permission` varchar(16) NOT NULL DEFAULT 'noone',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tenant_plugin` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `account_trial_app_records` (
  `id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `count` int NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_account_trial_app_record` (`account_id`, `app_id`),
  KEY `account_trial_app_record_account_id_idx` (`account_id`),
  KEY `account_trial_app_record_app_id_idx` (`app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `accounts` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `email` varchar(255) NOT NULL,
  `password` varchar(255),
  `password_salt` varchar(255),
  `avatar` varchar(255),
  `interface_language` varchar(255),
  `interface_theme` varchar(255),
  `timezone` varchar(255),
  `last_login_at` datetime,
  `last_login_ip` varchar(255),
  `last_active_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `status` varchar(16) NOT NULL DEFAULT 'active',
  `initialized_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `account_email_idx` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_config_drafts` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `draft_type` varchar(32) NOT NULL,
  `account_id` char(36),
  `draft_owner_key` varchar(255) NOT NULL,
  `base_snapshot_id` char(36),
  `config_snapshot` longtext NOT NULL,
  `created_by` char(36),
  `updated_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agent_config_draft_agent_type_account_unique` (`tenant_id`, `agent_id`, `draft_type`, `draft_owner_key`),
  KEY `agent_config_draft_base_snapshot_idx` (`tenant_id`, `base_snapshot_id`),
  KEY `agent_config_draft_tenant_agent_idx` (`tenant_id`, `agent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_config_revisions` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `previous_snapshot_id` char(36),
  `current_snapshot_id` char(36) NOT NULL,
  `revision` int NOT NULL,
  `operation` varchar(64) NOT NULL,
  `summary` longtext,
  `version_note` longtext,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agent_config_revision_agent_revision_unique` (`agent_id`, `revision`),
  KEY `agent_config_revision_tenant_agent_created_at_idx` (`tenant_id`, `agent_id`, `created_at`),
  KEY `agent_config_revision_tenant_current_snapshot_created_at_idx` (`tenant_id`, `current_snapshot_id`, `created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_config_snapshots` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `version` int NOT NULL,
  `config_snapshot` longtext NOT NULL,
  `summary` longtext,
  `version_note` longtext,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agent_config_snapshot_agent_version_unique` (`agent_id`, `version`),
  KEY `agent_config_snapshot_tenant_agent_created_at_idx` (`tenant_id`, `agent_id`, `created_at`),
  KEY `agent_config_snapshot_tenant_created_at_idx` (`tenant_id`, `created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_debug_conversations` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `conversation_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agent_debug_conversation_agent_account_unique` (`tenant_id`, `agent_id`, `account_id`),
  KEY `agent_debug_conversation_account_idx` (`tenant_id`, `account_id`),
  KEY `agent_debug_conversation_conversation_idx` (`conversation_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_drive_files` (
  `tenant_id` char(36) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `key` varchar(512) NOT NULL,
  `file_kind` varchar(32) NOT NULL,
  `file_id` char(36) NOT NULL,
  `value_owned_by_drive` tinyint(1) NOT NULL DEFAULT 0,
  `size` bigint,
  `hash` varchar(255),
  `mime_type` varchar(255),
  `created_by` char(36),
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `is_skill` tinyint(1) NOT NULL DEFAULT 0,
  `skill_metadata` longtext,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agent_drive_file_scope_key_unique` (`tenant_id`, `agent_id`, `key`),
  KEY `agent_drive_files_tenant_agent_is_skill_key_idx` (`tenant_id`, `agent_id`, `is_skill`, `key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agent_runtime_sessions` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `owner_type` varchar(32) NOT NULL,
  `agent_id` char(36) NOT NULL,
  `backend_run_id` varchar(255),
  `session_snapshot` longtext NOT NULL,
  `workflow_id` char(36),
  `workflow_run_id` char(36),
  `node_id` varchar(255),
  `node_execution_id` varchar(255),
  `binding_id` char(36),
  `agent_config_snapshot_id` char(36),
  `composition_layer_specs` longtext NOT NULL,
  `conversation_id` char(36),
  `status` varchar(32) NOT NULL DEFAULT 'active',
  `cleaned_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `pending_form_id` char(36),
  `pending_tool_call_id` varchar(255),
  PRIMARY KEY (`id`),
  KEY `agent_runtime_session_backend_run_idx` (`backend_run_id`),
  KEY `agent_runtime_session_conversation_lookup_idx` (`tenant_id`, `conversation_id`, `status`),
  UNIQUE KEY `agent_runtime_session_conversation_scope_unique` (`tenant_id`, `conversation_id`, `agent_id`, `agent_config_snapshot_id`),
  KEY `agent_runtime_session_workflow_lookup_idx` (`tenant_id`, `workflow_run_id`, `node_id`, `status`),
  UNIQUE KEY `agent_runtime_session_workflow_scope_unique` (`tenant_id`, `workflow_run_id`, `node_id`, `binding_id`, `agent_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `agents` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `icon_type` varchar(32),
  `icon` varchar(255),
  `icon_background` varchar(255),
  `agent_kind` varchar(32) NOT NULL DEFAULT 'dify_agent',
  `scope` varchar(32) NOT NULL,
  `source` varchar(32) NOT NULL,
  `app_id` char(36),
  `workflow_id` char(36),
  `workflow_node_id` varchar(255),
  `active_config_snapshot_id` char(36),
  `status` varchar(32) NOT NULL DEFAULT 'active',
  `roster_unique_name` varchar(255) GENERATED ALWAYS AS (case when `scope` = 'roster' and `status` = 'active' then `name` else NULL end) VIRTUAL,
  `created_by` char(36),
  `updated_by` char(36),
  `archived_by` char(36),
  `archived_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `role` varchar(255) NOT NULL,
  `active_config_has_model` tinyint(1) NOT NULL DEFAULT 0,
  `backing_app_id` char(36),
  `active_config_is_published` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `agents_tenant_id_key` (`tenant_id`, `roster_unique_name`),
  KEY `agent_active_config_snapshot_id_idx` (`active_config_snapshot_id`),
  KEY `agent_tenant_app_id_idx` (`tenant_id`, `app_id`),
  KEY `agent_tenant_backing_app_id_idx` (`tenant_id`, `backing_app_id`),
  KEY `agent_tenant_invitable_idx` (`tenant_id`, `scope`, `status`, `active_config_has_model`, `updated_at`),
  KEY `agent_tenant_scope_idx` (`tenant_id`, `scope`),
  KEY `agent_tenant_updated_at_idx` (`tenant_id`, `updated_at`),
  KEY `agent_tenant_workflow_id_idx` (`tenant_id`, `workflow_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `api_based_extensions` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `api_endpoint` varchar(255) NOT NULL,
  `api_key` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `api_based_extension_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `api_requests` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `api_token_id` char(36) NOT NULL,
  `path` varchar(255) NOT NULL,
  `request` longtext,
  `response` longtext,
  `ip` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `api_request_token_idx` (`tenant_id`, `api_token_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `api_tokens` (
  `id` char(36) NOT NULL,
  `app_id` char(36),
  `tenant_id` char(36),
  `type` varchar(16) NOT NULL,
  `token` varchar(255) NOT NULL,
  `last_used_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `api_token_app_id_type_idx` (`app_id`, `type`),
  KEY `api_token_tenant_idx` (`tenant_id`, `type`),
  KEY `api_token_token_idx` (`token`, `type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_annotation_hit_histories` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `annotation_id` char(36) NOT NULL,
  `source` longtext NOT NULL,
  `question` longtext NOT NULL,
  `account_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `score` float NOT NULL DEFAULT 0,
  `message_id` char(36) NOT NULL,
  `annotation_question` longtext NOT NULL,
  `annotation_content` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `app_annotation_hit_histories_account_idx` (`account_id`),
  KEY `app_annotation_hit_histories_annotation_idx` (`annotation_id`),
  KEY `app_annotation_hit_histories_app_idx` (`app_id`),
  KEY `app_annotation_hit_histories_message_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_annotation_settings` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `score_threshold` float NOT NULL DEFAULT 0,
  `collection_binding_id` char(36) NOT NULL,
  `created_user_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_user_id` char(36) NOT NULL,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `app_annotation_settings_app_idx` (`app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_dataset_joins` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `app_dataset_join_app_dataset_idx` (`dataset_id`, `app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_mcp_servers` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `server_code` varchar(255) NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'normal',
  `parameters` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_app_mcp_server_tenant_app_id` (`tenant_id`, `app_id`),
  UNIQUE KEY `unique_app_mcp_server_server_code` (`server_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_model_configs` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `provider` varchar(255),
  `model_id` varchar(255),
  `configs` json,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `opening_statement` longtext,
  `suggested_questions` longtext,
  `suggested_questions_after_answer` longtext,
  `speech_to_text` longtext,
  `text_to_speech` longtext,
  `more_like_this` longtext,
  `model` longtext,
  `user_input_form` longtext,
  `dataset_query_variable` varchar(255),
  `pre_prompt` longtext,
  `agent_mode` longtext,
  `sensitive_word_avoidance` longtext,
  `retriever_resource` longtext,
  `prompt_type` varchar(255) NOT NULL DEFAULT 'simple',
  `chat_prompt_config` longtext,
  `completion_prompt_config` longtext,
  `dataset_configs` longtext,
  `external_data_tools` longtext,
  `file_upload` longtext,
  PRIMARY KEY (`id`),
  KEY `app_app_id_idx` (`app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_stars` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `app_star_tenant_account_app_unique` (`tenant_id`, `account_id`, `app_id`),
  KEY `app_star_app_idx` (`app_id`),
  KEY `app_star_tenant_account_idx` (`tenant_id`, `account_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `app_triggers` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `node_id` varchar(64) NOT NULL,
  `trigger_type` varchar(50) NOT NULL,
  `title` varchar(255) NOT NULL,
  `provider_name` varchar(255) DEFAULT '',
  `status` varchar(50) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  KEY `app_trigger_tenant_app_idx` (`tenant_id`, `app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `apps` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `mode` varchar(255) NOT NULL,
  `icon_type` varchar(255),
  `icon` varchar(255),
  `icon_background` varchar(255),
  `app_model_config_id` char(36),
  `workflow_id` char(36),
  `status` varchar(255) NOT NULL DEFAULT 'normal',
  `enable_site` tinyint(1) NOT NULL,
  `enable_api` tinyint(1) NOT NULL,
  `api_rpm` int NOT NULL DEFAULT 0,
  `api_rph` int NOT NULL DEFAULT 0,
  `is_demo` tinyint(1) NOT NULL DEFAULT 0,
  `is_public` tinyint(1) NOT NULL DEFAULT 0,
  `is_universal` tinyint(1) NOT NULL DEFAULT 0,
  `tracing` longtext,
  `max_active_requests` int,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `use_icon_as_answer_icon` tinyint(1) NOT NULL DEFAULT 0,
  `maintainer` char(36),
  PRIMARY KEY (`id`),
  KEY `app_tenant_id_idx` (`tenant_id`),
  KEY `app_tenant_maintainer_idx` (`tenant_id`, `maintainer`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `celery_taskmeta` (
  `id` int NOT NULL AUTO_INCREMENT,
  `task_id` varchar(155) NOT NULL,
  `status` varchar(50) NOT NULL,
  `result` longblob,
  `date_done` datetime,
  `traceback` longtext,
  `name` varchar(155),
  `args` longblob,
  `kwargs` longblob,
  `worker` varchar(155),
  `retries` int,
  `queue` varchar(155),
  PRIMARY KEY (`id`),
  UNIQUE KEY `task_id` (`task_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `celery_tasksetmeta` (
  `id` int NOT NULL AUTO_INCREMENT,
  `taskset_id` varchar(155) NOT NULL,
  `result` longblob,
  `date_done` datetime,
  PRIMARY KEY (`id`),
  UNIQUE KEY `taskset_id` (`taskset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `child_chunks` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `segment_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `content` longtext NOT NULL,
  `word_count` int NOT NULL,
  `index_node_id` varchar(255),
  `index_node_hash` varchar(255),
  `type` varchar(255) NOT NULL DEFAULT 'automatic',
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `indexing_at` datetime,
  `completed_at` datetime,
  `error` longtext,
  PRIMARY KEY (`id`),
  KEY `child_chunk_dataset_id_idx` (`tenant_id`, `dataset_id`, `document_id`, `segment_id`, `index_node_id`),
  KEY `child_chunks_node_idx` (`index_node_id`, `dataset_id`),
  KEY `child_chunks_segment_idx` (`segment_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `conversations` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `app_model_config_id` char(36),
  `model_provider` varchar(255),
  `override_model_configs` longtext,
  `model_id` varchar(255),
  `mode` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `summary` longtext,
  `inputs` json NOT NULL,
  `introduction` longtext,
  `system_instruction` longtext,
  `system_instruction_tokens` int NOT NULL DEFAULT 0,
  `status` varchar(255) NOT NULL,
  `invoke_from` varchar(255),
  `from_source` varchar(255) NOT NULL,
  `from_end_user_id` char(36),
  `from_account_id` char(36),
  `read_at` datetime,
  `read_account_id` char(36),
  `dialogue_count` int NOT NULL DEFAULT 0,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `is_deleted` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `conversation_app_created_at_idx` (`app_id`, `created_at` DESC),
  KEY `conversation_app_from_user_idx` (`app_id`, `from_source`, `from_end_user_id`),
  KEY `conversation_app_updated_at_idx` (`app_id`, `updated_at` DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `credential_permissions` (
  `id` char(36) NOT NULL,
  `credential_id` char(36) NOT NULL,
  `credential_type` varchar(40) NOT NULL,
  `account_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `has_permission` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_credential_permissions_account_id` (`account_id`),
  KEY `idx_credential_permissions_credential` (`credential_id`, `credential_type`),
  KEY `idx_credential_permissions_tenant_id` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `customized_snippets` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `type` varchar(50) NOT NULL DEFAULT 'node',
  `workflow_id` char(36),
  `is_published` tinyint(1) NOT NULL DEFAULT 0,
  `version` int NOT NULL DEFAULT 1,
  `use_count` int NOT NULL DEFAULT 0,
  `icon_info` json,
  `input_fields` longtext,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `customized_snippet_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `data_source_api_key_auth_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `category` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `credentials` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `disabled` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `data_source_api_key_auth_binding_provider_idx` (`provider`),
  KEY `data_source_api_key_auth_binding_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `data_source_oauth_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `access_token` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `source_info` json NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `disabled` tinyint(1) DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `source_binding_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_auto_disable_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `notified` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `dataset_auto_disable_log_created_atx` (`created_at`),
  KEY `dataset_auto_disable_log_dataset_idx` (`dataset_id`),
  KEY `dataset_auto_disable_log_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_collection_bindings` (
  `id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `type` varchar(40) NOT NULL DEFAULT 'dataset',
  `collection_name` varchar(64) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `provider_model_name_idx` (`provider_name`, `model_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_keyword_tables` (
  `id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `keyword_table` longtext NOT NULL,
  `data_source_type` varchar(255) NOT NULL DEFAULT 'database',
  PRIMARY KEY (`id`),
  UNIQUE KEY `dataset_id` (`dataset_id`),
  KEY `dataset_keyword_table_dataset_id_idx` (`dataset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_metadata_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `metadata_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `created_by` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `dataset_metadata_binding_dataset_idx` (`dataset_id`),
  KEY `dataset_metadata_binding_document_idx` (`document_id`),
  KEY `dataset_metadata_binding_metadata_idx` (`metadata_id`),
  KEY `dataset_metadata_binding_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_metadatas` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `type` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `created_by` char(36) NOT NULL,
  `updated_by` char(36),
  PRIMARY KEY (`id`),
  KEY `dataset_metadata_dataset_idx` (`dataset_id`),
  KEY `dataset_metadata_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_permissions` (
  `id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `has_permission` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx_dataset_permissions_account_id` (`account_id`),
  KEY `idx_dataset_permissions_dataset_id` (`dataset_id`),
  KEY `idx_dataset_permissions_tenant_id` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_process_rules` (
  `id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `mode` varchar(255) NOT NULL DEFAULT 'automatic',
  `rules` longtext,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `dataset_process_rule_dataset_id_idx` (`dataset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_queries` (
  `id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `content` longtext NOT NULL,
  `source` varchar(255) NOT NULL,
  `source_app_id` char(36),
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `dataset_query_dataset_id_idx` (`dataset_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dataset_retriever_resources` (
  `id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `dataset_name` longtext NOT NULL,
  `document_id` char(36),
  `document_name` longtext NOT NULL,
  `data_source_type` longtext,
  `segment_id` char(36),
  `score` float,
  `content` longtext NOT NULL,
  `hit_count` int,
  `word_count` int,
  `segment_position` int,
  `index_node_hash` longtext,
  `retriever_from` longtext NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `dataset_retriever_resource_message_id_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `datasets` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext,
  `provider` varchar(255) NOT NULL DEFAULT 'vendor',
  `permission` varchar(255) NOT NULL DEFAULT 'only_me',
  `data_source_type` varchar(255),
  `indexing_technique` varchar(255),
  `index_struct` longtext,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `embedding_model` varchar(255) DEFAULT 'text-embedding-ada-002',
  `embedding_model_provider` varchar(255) DEFAULT 'openai',
  `keyword_number` int DEFAULT 10,
  `collection_binding_id` char(36),
  `retrieval_model` json,
  `built_in_field_enabled` tinyint(1) NOT NULL DEFAULT 0,
  `icon_info` json,
  `runtime_mode` varchar(255) DEFAULT 'general',
  `pipeline_id` char(36),
  `chunk_structure` varchar(255),
  `enable_api` tinyint(1) NOT NULL DEFAULT 1,
  `is_multimodal` tinyint(1) NOT NULL DEFAULT 0,
  `summary_index_setting` json,
  `maintainer` char(36),
  PRIMARY KEY (`id`),
  KEY `dataset_tenant_idx` (`tenant_id`),
  KEY `dataset_tenant_maintainer_idx` (`tenant_id`, `maintainer`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `datasource_oauth_params` (
  `id` char(36) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `system_credentials` json NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `datasource_oauth_config_datasource_id_provider_idx` (`plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `datasource_oauth_tenant_params` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `client_params` json NOT NULL,
  `enabled` tinyint(1) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `datasource_oauth_tenant_config_unique` (`tenant_id`, `plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `datasource_providers` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `provider` varchar(128) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `auth_type` varchar(255) NOT NULL,
  `encrypted_credentials` json NOT NULL,
  `avatar_url` longtext,
  `is_default` tinyint(1) NOT NULL DEFAULT 0,
  `expires_at` int NOT NULL DEFAULT -1,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `user_id` char(36),
  `visibility` varchar(40) NOT NULL DEFAULT 'all_team_members',
  PRIMARY KEY (`id`),
  UNIQUE KEY `datasource_provider_unique_name` (`tenant_id`, `plugin_id`, `provider`, `name`),
  KEY `datasource_provider_auth_type_provider_idx` (`tenant_id`, `plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `dify_setups` (
  `version` varchar(255) NOT NULL,
  `setup_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `document_pipeline_execution_logs` (
  `id` char(36) NOT NULL,
  `pipeline_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `datasource_type` varchar(255) NOT NULL,
  `datasource_info` longtext NOT NULL,
  `datasource_node_id` varchar(255) NOT NULL,
  `input_data` json NOT NULL,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `document_pipeline_execution_logs_document_id_idx` (`document_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `document_segment_summaries` (
  `id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `chunk_id` char(36) NOT NULL,
  `summary_content` longtext,
  `summary_index_node_id` varchar(255),
  `summary_index_node_hash` varchar(255),
  `tokens` int,
  `status` varchar(32) NOT NULL DEFAULT 'generating',
  `error` longtext,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `disabled_at` datetime,
  `disabled_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `document_segment_summaries_chunk_id_idx` (`chunk_id`),
  KEY `document_segment_summaries_dataset_id_idx` (`dataset_id`),
  KEY `document_segment_summaries_document_id_idx` (`document_id`),
  KEY `document_segment_summaries_status_idx` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `document_segments` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `content` longtext NOT NULL,
  `answer` longtext,
  `word_count` int NOT NULL,
  `tokens` int NOT NULL,
  `keywords` json,
  `index_node_id` varchar(255),
  `index_node_hash` varchar(255),
  `hit_count` int NOT NULL,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `disabled_at` datetime,
  `disabled_by` char(36),
  `status` varchar(255) NOT NULL DEFAULT 'waiting',
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `indexing_at` datetime,
  `completed_at` datetime,
  `error` longtext,
  `stopped_at` datetime,
  PRIMARY KEY (`id`),
  KEY `document_segment_dataset_id_idx` (`dataset_id`),
  KEY `document_segment_document_id_idx` (`document_id`),
  KEY `document_segment_node_dataset_idx` (`index_node_id`, `dataset_id`),
  KEY `document_segment_tenant_dataset_idx` (`dataset_id`, `tenant_id`),
  KEY `document_segment_tenant_document_idx` (`document_id`, `tenant_id`),
  KEY `document_segment_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `documents` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `data_source_type` varchar(255) NOT NULL,
  `data_source_info` longtext,
  `dataset_process_rule_id` char(36),
  `batch` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `created_from` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_api_request_id` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `processing_started_at` datetime,
  `file_id` longtext,
  `word_count` int,
  `parsing_completed_at` datetime,
  `cleaning_completed_at` datetime,
  `splitting_completed_at` datetime,
  `tokens` int,
  `indexing_latency` float,
  `completed_at` datetime,
  `is_paused` tinyint(1) DEFAULT 0,
  `paused_by` char(36),
  `paused_at` datetime,
  `error` longtext,
  `stopped_at` datetime,
  `indexing_status` varchar(255) NOT NULL DEFAULT 'waiting',
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `disabled_at` datetime,
  `disabled_by` char(36),
  `archived` tinyint(1) NOT NULL DEFAULT 0,
  `archived_reason` varchar(255),
  `archived_by` char(36),
  `archived_at` datetime,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `doc_type` varchar(40),
  `doc_metadata` json,
  `doc_form` varchar(255) NOT NULL DEFAULT 'text_model',
  `doc_language` varchar(255),
  `need_summary` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `document_dataset_id_idx` (`dataset_id`),
  KEY `document_is_paused_idx` (`is_paused`),
  KEY `document_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `embeddings` (
  `id` char(36) NOT NULL,
  `model_name` varchar(255) NOT NULL DEFAULT 'text-embedding-ada-002',
  `hash` varchar(64) NOT NULL,
  `embedding` longblob NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `provider_name` varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `embedding_hash_idx` (`model_name`, `hash`, `provider_name`),
  KEY `created_at_idx` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `end_users` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36),
  `type` varchar(255) NOT NULL,
  `external_user_id` varchar(255),
  `name` varchar(255),
  `is_anonymous` tinyint(1) NOT NULL DEFAULT 1,
  `session_id` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `end_user_session_id_idx` (`session_id`, `type`),
  KEY `end_user_tenant_session_id_idx` (`tenant_id`, `session_id`, `type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `execution_extra_contents` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `type` varchar(30) NOT NULL,
  `workflow_run_id` char(36) NOT NULL,
  `message_id` char(36),
  `form_id` char(36),
  PRIMARY KEY (`id`),
  KEY `execution_extra_contents_message_id_idx` (`message_id`),
  KEY `execution_extra_contents_workflow_run_id_idx` (`workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `exporle_banners` (
  `id` char(36) NOT NULL,
  `content` json NOT NULL,
  `link` varchar(255) NOT NULL,
  `sort` int NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'enabled',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `language` varchar(255) NOT NULL DEFAULT 'en-US',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `external_knowledge_apis` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `settings` longtext,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `external_knowledge_apis_name_idx` (`name`),
  KEY `external_knowledge_apis_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `external_knowledge_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `external_knowledge_api_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `external_knowledge_id` varchar(512) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `external_knowledge_bindings_dataset_idx` (`dataset_id`),
  KEY `external_knowledge_bindings_external_knowledge_api_idx` (`external_knowledge_api_id`),
  KEY `external_knowledge_bindings_external_knowledge_idx` (`external_knowledge_id`),
  KEY `external_knowledge_bindings_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `human_input_form_deliveries` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `form_id` char(36) NOT NULL,
  `delivery_method_type` varchar(20) NOT NULL,
  `delivery_config_id` char(36),
  `channel_payload` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `human_input_form_deliveries_form_id_idx` (`form_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `human_input_form_recipients` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `form_id` char(36) NOT NULL,
  `delivery_id` char(36) NOT NULL,
  `recipient_type` varchar(20) NOT NULL,
  `recipient_payload` text NOT NULL,
  `access_token` varchar(32) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `human_input_form_recipients_access_token_key` (`access_token`),
  KEY `human_input_form_recipients_delivery_id_idx` (`delivery_id`),
  KEY `human_input_form_recipients_form_id_idx` (`form_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `human_input_form_upload_files` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `form_id` char(36) NOT NULL,
  `upload_file_id` char(36) NOT NULL,
  `upload_token_id` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `human_input_form_upload_files_upload_file_id_key` (`upload_file_id`),
  KEY `human_input_form_upload_files_form_id_idx` (`form_id`),
  KEY `human_input_form_upload_files_upload_token_id_idx` (`upload_token_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `human_input_form_upload_tokens` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `form_id` char(36) NOT NULL,
  `recipient_id` char(36) NOT NULL,
  `token` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `human_input_form_upload_tokens_token_key` (`token`),
  KEY `human_input_form_upload_tokens_form_id_idx` (`form_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `human_input_forms` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_run_id` char(36),
  `form_kind` varchar(20) NOT NULL,
  `node_id` varchar(60) NOT NULL,
  `form_definition` text NOT NULL,
  `rendered_content` text NOT NULL,
  `status` varchar(20) NOT NULL,
  `expiration_time` datetime NOT NULL,
  `selected_action_id` varchar(200),
  `submitted_data` text,
  `submitted_at` datetime,
  `submission_user_id` char(36),
  `submission_end_user_id` char(36),
  `completed_by_recipient_id` char(36),
  `conversation_id` char(36),
  PRIMARY KEY (`id`),
  KEY `human_input_forms_status_created_at_idx` (`status`, `created_at`),
  KEY `human_input_forms_status_expiration_time_idx` (`status`, `expiration_time`),
  KEY `human_input_forms_workflow_run_id_node_id_idx` (`workflow_run_id`, `node_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `installed_apps` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `app_owner_tenant_id` char(36) NOT NULL,
  `position` int NOT NULL,
  `is_pinned` tinyint(1) NOT NULL DEFAULT 0,
  `last_used_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tenant_app` (`tenant_id`, `app_id`),
  KEY `installed_app_app_id_idx` (`app_id`),
  KEY `installed_app_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `invitation_codes` (
  `id` int NOT NULL AUTO_INCREMENT,
  `batch` varchar(255) NOT NULL,
  `code` varchar(32) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'unused',
  `used_at` datetime,
  `used_by_tenant_id` char(36),
  `used_by_account_id` char(36),
  `deprecated_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `invitation_codes_batch_idx` (`batch`),
  KEY `invitation_codes_code_idx` (`code`, `status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `load_balancing_model_configs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `model_type` varchar(40) NOT NULL,
  `name` varchar(255) NOT NULL,
  `encrypted_config` longtext,
  `credential_id` char(36),
  `credential_source_type` varchar(40),
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `load_balancing_model_config_tenant_provider_model_idx` (`tenant_id`, `provider_name`, `model_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `message_agent_thoughts` (
  `id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `message_chain_id` char(36),
  `position` int NOT NULL,
  `thought` longtext,
  `tool` longtext,
  `tool_labels_str` longtext NOT NULL,
  `tool_meta_str` longtext NOT NULL,
  `tool_input` longtext,
  `observation` longtext,
  `tool_process_data` longtext,
  `message` longtext,
  `message_token` int,
  `message_unit_price` decimal(10,0),
  `message_price_unit` decimal(10,7) NOT NULL DEFAULT 0.001,
  `message_files` longtext,
  `answer` longtext,
  `answer_token` int,
  `answer_unit_price` decimal(10,0),
  `answer_price_unit` decimal(10,7) NOT NULL DEFAULT 0.001,
  `tokens` int,
  `total_price` decimal(10,0),
  `currency` varchar(255),
  `latency` float,
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `message_agent_thought_message_chain_id_idx` (`message_chain_id`),
  KEY `message_agent_thought_message_id_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `message_annotations` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `conversation_id` char(36),
  `message_id` char(36),
  `question` text NOT NULL,
  `content` longtext NOT NULL,
  `hit_count` int NOT NULL DEFAULT 0,
  `account_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `message_annotation_app_idx` (`app_id`),
  KEY `message_annotation_conversation_idx` (`conversation_id`),
  KEY `message_annotation_message_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `message_chains` (
  `id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `type` varchar(255) NOT NULL,
  `input` longtext,
  `output` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `message_chain_message_id_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `message_feedbacks` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `conversation_id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `rating` varchar(255) NOT NULL,
  `content` longtext,
  `from_source` varchar(255) NOT NULL,
  `from_end_user_id` char(36),
  `from_account_id` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `message_feedback_app_idx` (`app_id`),
  KEY `message_feedback_conversation_idx` (`conversation_id`, `from_source`, `rating`),
  KEY `message_feedback_message_idx` (`message_id`, `from_source`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `message_files` (
  `id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `type` varchar(255) NOT NULL,
  `transfer_method` varchar(255) NOT NULL,
  `url` longtext,
  `belongs_to` varchar(255),
  `upload_file_id` char(36),
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `message_file_created_by_idx` (`created_by`),
  KEY `message_file_message_idx` (`message_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `messages` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `model_provider` varchar(255),
  `model_id` varchar(255),
  `override_model_configs` longtext,
  `conversation_id` char(36) NOT NULL,
  `inputs` json NOT NULL,
  `query` longtext NOT NULL,
  `message` json NOT NULL,
  `message_tokens` int NOT NULL DEFAULT 0,
  `message_unit_price` decimal(10,4) NOT NULL,
  `message_price_unit` decimal(10,7) NOT NULL DEFAULT 0.001,
  `answer` longtext NOT NULL,
  `answer_tokens` int NOT NULL DEFAULT 0,
  `answer_unit_price` decimal(10,4) NOT NULL,
  `answer_price_unit` decimal(10,7) NOT NULL DEFAULT 0.001,
  `parent_message_id` char(36),
  `provider_response_latency` float NOT NULL DEFAULT 0,
  `total_price` decimal(10,7),
  `currency` varchar(255) NOT NULL,
  `status` varchar(255) NOT NULL DEFAULT 'normal',
  `error` longtext,
  `message_metadata` longtext,
  `invoke_from` varchar(255),
  `from_source` varchar(255) NOT NULL,
  `from_end_user_id` char(36),
  `from_account_id` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `agent_based` tinyint(1) NOT NULL DEFAULT 0,
  `workflow_run_id` char(36),
  `app_mode` varchar(255),
  PRIMARY KEY (`id`),
  KEY `message_account_idx` (`app_id`, `from_source`, `from_account_id`),
  KEY `message_app_id_idx` (`app_id`, `created_at`),
  KEY `message_app_mode_idx` (`app_mode`),
  KEY `message_conversation_id_idx` (`conversation_id`),
  KEY `message_created_at_id_idx` (`created_at`, `id`),
  KEY `message_end_user_idx` (`app_id`, `from_source`, `from_end_user_id`),
  KEY `message_workflow_run_id_idx` (`conversation_id`, `workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `oauth_access_tokens` (
  `id` char(36) NOT NULL,
  `subject_email` varchar(255) NOT NULL,
  `subject_issuer` varchar(255),
  `account_id` char(36),
  `client_id` varchar(64) NOT NULL,
  `device_label` varchar(255) NOT NULL,
  `prefix` varchar(8) NOT NULL,
  `token_hash` varchar(64),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `last_used_at` datetime,
  `expires_at` datetime NOT NULL,
  `revoked_at` datetime,
  PRIMARY KEY (`id`),
  UNIQUE KEY `token_hash` (`token_hash`),
  KEY `idx_oauth_account` (`account_id`),
  KEY `idx_oauth_client` (`subject_email`, `client_id`),
  KEY `idx_oauth_subject_email` (`subject_email`),
  KEY `idx_oauth_token_hash` (`token_hash`),
  UNIQUE KEY `uq_oauth_active_per_device` (`subject_email`(191), `subject_issuer`(191), `client_id`, `device_label`(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `oauth_provider_apps` (
  `id` char(36) NOT NULL,
  `app_icon` varchar(255) NOT NULL,
  `app_label` json NOT NULL,
  `client_id` varchar(255) NOT NULL,
  `client_secret` varchar(255) NOT NULL,
  `redirect_uris` json NOT NULL,
  `scope` varchar(255) NOT NULL DEFAULT 'read:name read:email read:avatar read:interface_language read:timezone',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `oauth_provider_app_client_id_idx` (`client_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `operation_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `action` varchar(255) NOT NULL,
  `content` json,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `created_ip` varchar(255) NOT NULL,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `operation_log_account_action_idx` (`tenant_id`, `account_id`, `action`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `pinned_conversations` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `conversation_id` char(36) NOT NULL,
  `created_by_role` varchar(255) NOT NULL DEFAULT 'end_user',
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `pinned_conversation_conversation_idx` (`app_id`, `conversation_id`, `created_by_role`, `created_by`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `pipeline_built_in_templates` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `chunk_structure` varchar(255) NOT NULL,
  `icon` json NOT NULL,
  `yaml_content` longtext NOT NULL,
  `copyright` varchar(255) NOT NULL,
  `privacy_policy` varchar(255) NOT NULL,
  `position` int NOT NULL,
  `install_count` int NOT NULL,
  `language` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `pipeline_customized_templates` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `chunk_structure` varchar(255) NOT NULL,
  `icon` json NOT NULL,
  `position` int NOT NULL,
  `yaml_content` longtext NOT NULL,
  `install_count` int NOT NULL,
  `language` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `updated_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `pipeline_customized_template_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `pipeline_recommended_plugins` (
  `id` char(36) NOT NULL,
  `plugin_id` longtext NOT NULL,
  `provider_name` longtext NOT NULL,
  `type` varchar(50) NOT NULL DEFAULT 'tool',
  `position` int NOT NULL,
  `active` tinyint(1) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `pipelines` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` longtext NOT NULL,
  `workflow_id` char(36),
  `is_public` tinyint(1) NOT NULL DEFAULT 0,
  `is_published` tinyint(1) NOT NULL DEFAULT 0,
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `provider_credentials` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `credential_name` varchar(255) NOT NULL,
  `encrypted_config` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `user_id` char(36),
  `visibility` varchar(40) NOT NULL DEFAULT 'all_team_members',
  PRIMARY KEY (`id`),
  KEY `provider_credential_tenant_provider_idx` (`tenant_id`, `provider_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `provider_model_credentials` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `model_type` varchar(40) NOT NULL,
  `credential_name` varchar(255) NOT NULL,
  `encrypted_config` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `provider_model_credential_tenant_provider_model_idx` (`tenant_id`, `provider_name`, `model_name`, `model_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `provider_model_settings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `model_type` varchar(40) NOT NULL,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `load_balancing_enabled` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `provider_model_setting_tenant_provider_model_idx` (`tenant_id`, `provider_name`, `model_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `provider_models` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `model_type` varchar(40) NOT NULL,
  `credential_id` char(36),
  `is_valid` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_provider_model_name` (`tenant_id`, `provider_name`, `model_name`, `model_type`),
  KEY `provider_model_tenant_id_provider_idx` (`tenant_id`, `provider_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `provider_orders` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `account_id` char(36) NOT NULL,
  `payment_product_id` varchar(191) NOT NULL,
  `payment_id` varchar(191),
  `transaction_id` varchar(191),
  `quantity` int NOT NULL DEFAULT 1,
  `currency` varchar(40),
  `total_amount` int,
  `payment_status` varchar(40) NOT NULL DEFAULT 'wait_pay',
  `paid_at` datetime,
  `pay_failed_at` datetime,
  `refunded_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `provider_order_tenant_provider_idx` (`tenant_id`, `provider_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `providers` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `provider_type` varchar(40) NOT NULL DEFAULT 'custom',
  `is_valid` tinyint(1) NOT NULL DEFAULT 0,
  `last_used` datetime,
  `credential_id` char(36),
  `quota_type` varchar(40) DEFAULT '',
  `quota_limit` bigint,
  `quota_used` bigint,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_provider_name_type_quota` (`tenant_id`, `provider_name`, `provider_type`, `quota_type`),
  KEY `provider_tenant_id_provider_idx` (`tenant_id`, `provider_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `rate_limit_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `subscription_plan` varchar(255) NOT NULL,
  `operation` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `rate_limit_log_operation_idx` (`operation`),
  KEY `rate_limit_log_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `recommended_apps` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `description` json NOT NULL,
  `copyright` varchar(255) NOT NULL,
  `privacy_policy` varchar(255) NOT NULL,
  `custom_disclaimer` longtext NOT NULL,
  `category` varchar(255) NOT NULL,
  `position` int NOT NULL,
  `is_listed` tinyint(1) NOT NULL,
  `install_count` int NOT NULL,
  `language` varchar(255) NOT NULL DEFAULT 'en-US',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `categories` json,
  `is_learn_dify` tinyint(1) NOT NULL DEFAULT 0,
  `is_cloud_only` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `recommended_app_app_id_idx` (`app_id`),
  KEY `recommended_app_is_listed_idx` (`is_listed`, `language`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `saved_messages` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `message_id` char(36) NOT NULL,
  `created_by_role` varchar(255) NOT NULL DEFAULT 'end_user',
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `saved_message_message_id_idx` (`message_id`),
  KEY `saved_message_message_idx` (`app_id`, `message_id`, `created_by_role`, `created_by`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `segment_attachment_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `dataset_id` char(36) NOT NULL,
  `document_id` char(36) NOT NULL,
  `segment_id` char(36) NOT NULL,
  `attachment_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `segment_attachment_binding_attachment_idx` (`attachment_id`),
  KEY `segment_attachment_binding_tenant_dataset_document_segment_idx` (`tenant_id`, `dataset_id`, `document_id`, `segment_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `sites` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `title` varchar(255) NOT NULL,
  `icon_type` varchar(255),
  `icon` varchar(255),
  `icon_background` varchar(255),
  `description` longtext,
  `default_language` varchar(255) NOT NULL,
  `chat_color_theme` varchar(255),
  `chat_color_theme_inverted` tinyint(1) NOT NULL DEFAULT 0,
  `copyright` varchar(255),
  `privacy_policy` varchar(255),
  `show_workflow_steps` tinyint(1) NOT NULL DEFAULT 1,
  `use_icon_as_answer_icon` tinyint(1) NOT NULL DEFAULT 0,
  `custom_disclaimer` longtext NOT NULL,
  `customize_domain` varchar(255),
  `customize_token_strategy` varchar(255) NOT NULL,
  `prompt_public` tinyint(1) NOT NULL DEFAULT 0,
  `status` varchar(255) NOT NULL DEFAULT 'normal',
  `created_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `code` varchar(255),
  `input_placeholder` varchar(255),
  PRIMARY KEY (`id`),
  KEY `site_app_id_idx` (`app_id`),
  KEY `site_code_idx` (`code`, `status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tag_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36),
  `tag_id` char(36),
  `target_id` char(36),
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `tag_bind_tag_id_idx` (`tag_id`),
  KEY `tag_bind_target_id_idx` (`target_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tags` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36),
  `type` varchar(16) NOT NULL,
  `name` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `tag_name_idx` (`name`),
  KEY `tag_type_idx` (`type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant_account_joins` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `account_id` char(36) NOT NULL,
  `current` tinyint(1) NOT NULL DEFAULT 0,
  `role` varchar(16) NOT NULL DEFAULT 'normal',
  `invited_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `last_opened_at` datetime,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tenant_account_join` (`tenant_id`, `account_id`),
  KEY `tenant_account_join_account_id_idx` (`account_id`),
  KEY `tenant_account_join_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant_credit_pools` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `pool_type` varchar(40) NOT NULL DEFAULT 'trial',
  `quota_limit` bigint NOT NULL,
  `quota_used` bigint NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `tenant_credit_pool_pool_type_idx` (`pool_type`),
  KEY `tenant_credit_pool_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant_default_models` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `model_name` varchar(255) NOT NULL,
  `model_type` varchar(40) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tenant_default_model_type` (`tenant_id`, `model_type`),
  KEY `tenant_default_model_tenant_id_provider_type_idx` (`tenant_id`, `provider_name`, `model_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant_plugin_auto_upgrade_strategies` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `strategy_setting` varchar(16) NOT NULL DEFAULT 'fix_only',
  `upgrade_mode` varchar(16) NOT NULL DEFAULT 'exclude',
  `exclude_plugins` json NOT NULL,
  `include_plugins` json NOT NULL,
  `upgrade_time_of_day` int NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `category` varchar(32) NOT NULL DEFAULT 'tool',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tenant_plugin_auto_upgrade_strategy` (`tenant_id`, `category`),
  KEY `idx_tenant_plugin_auto_upgrade_strategy_time` (`upgrade_time_of_day`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenant_preferred_model_providers` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_name` varchar(255) NOT NULL,
  `preferred_provider_type` varchar(40) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `tenant_preferred_model_provider_tenant_provider_idx` (`tenant_id`, `provider_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tenants` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `encrypt_public_key` longtext,
  `plan` varchar(255) NOT NULL DEFAULT 'basic',
  `status` varchar(255) NOT NULL DEFAULT 'normal',
  `custom_config` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tidb_auth_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36),
  `cluster_id` varchar(255) NOT NULL,
  `cluster_name` varchar(255) NOT NULL,
  `active` tinyint(1) NOT NULL DEFAULT 0,
  `status` varchar(255) NOT NULL DEFAULT 'CREATING',
  `account` varchar(255) NOT NULL,
  `password` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `qdrant_endpoint` varchar(512),
  PRIMARY KEY (`id`),
  KEY `tidb_auth_bindings_active_idx` (`active`),
  KEY `tidb_auth_bindings_created_at_idx` (`created_at`),
  KEY `tidb_auth_bindings_status_idx` (`status`),
  KEY `tidb_auth_bindings_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_api_providers` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `icon` varchar(255) NOT NULL,
  `schema` longtext NOT NULL,
  `schema_type_str` varchar(40) NOT NULL,
  `user_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `description` longtext NOT NULL,
  `tools_str` longtext NOT NULL,
  `credentials_str` longtext NOT NULL,
  `privacy_policy` varchar(255),
  `custom_disclaimer` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_api_tool_provider` (`name`, `tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_builtin_providers` (
  `id` char(36) NOT NULL,
  `name` varchar(256) NOT NULL DEFAULT 'API KEY 1',
  `tenant_id` char(36),
  `user_id` char(36) NOT NULL,
  `provider` varchar(256) NOT NULL,
  `encrypted_credentials` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `is_default` tinyint(1) NOT NULL DEFAULT 0,
  `credential_type` varchar(32) NOT NULL DEFAULT 'api-key',
  `expires_at` bigint NOT NULL DEFAULT -1,
  `visibility` varchar(40) NOT NULL DEFAULT 'all_team_members',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_builtin_tool_provider` (`tenant_id`, `provider`, `name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_conversation_variables` (
  `id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `conversation_id` char(36) NOT NULL,
  `variables_str` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `conversation_id_idx` (`conversation_id`),
  KEY `user_id_idx` (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_files` (
  `id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `conversation_id` char(36),
  `file_key` varchar(255) NOT NULL,
  `mimetype` varchar(255) NOT NULL,
  `original_url` varchar(2048),
  `name` varchar(255) NOT NULL,
  `size` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `tool_file_conversation_id_idx` (`conversation_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_label_bindings` (
  `id` char(36) NOT NULL,
  `tool_id` varchar(64) NOT NULL,
  `tool_type` varchar(40) NOT NULL,
  `label_name` varchar(40) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tool_label_bind` (`tool_id`, `label_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_mcp_providers` (
  `id` char(36) NOT NULL,
  `name` varchar(40) NOT NULL,
  `server_identifier` varchar(64) NOT NULL,
  `server_url` longtext NOT NULL,
  `server_url_hash` varchar(64) NOT NULL,
  `icon` varchar(255),
  `tenant_id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `encrypted_credentials` longtext,
  `authed` tinyint(1) NOT NULL,
  `tools` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `timeout` float NOT NULL DEFAULT 30,
  `sse_read_timeout` float NOT NULL DEFAULT 300,
  `encrypted_headers` longtext,
  `identity_mode` varchar(32) NOT NULL DEFAULT 'off',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_mcp_provider_server_url` (`tenant_id`, `server_url_hash`),
  UNIQUE KEY `unique_mcp_provider_name` (`tenant_id`, `name`),
  UNIQUE KEY `unique_mcp_provider_server_identifier` (`tenant_id`, `server_identifier`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_model_invokes` (
  `id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `tool_type` varchar(40) NOT NULL,
  `tool_name` varchar(128) NOT NULL,
  `model_parameters` longtext NOT NULL,
  `prompt_messages` longtext NOT NULL,
  `model_response` longtext NOT NULL,
  `prompt_tokens` int NOT NULL DEFAULT 0,
  `answer_tokens` int NOT NULL DEFAULT 0,
  `answer_unit_price` decimal(10,4) NOT NULL,
  `answer_price_unit` decimal(10,7) NOT NULL DEFAULT 0.001,
  `provider_response_latency` float NOT NULL DEFAULT 0,
  `total_price` decimal(10,7),
  `currency` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_oauth_system_clients` (
  `id` char(36) NOT NULL,
  `plugin_id` varchar(512) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `encrypted_oauth_params` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tool_oauth_system_client_plugin_id_provider_idx` (`plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_oauth_tenant_clients` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `encrypted_oauth_params` longtext NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_tool_oauth_tenant_client` (`tenant_id`, `plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_published_apps` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `description` longtext NOT NULL,
  `llm_description` longtext NOT NULL,
  `query_description` longtext NOT NULL,
  `query_name` varchar(40) NOT NULL,
  `tool_name` varchar(40) NOT NULL,
  `author` varchar(40) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_published_app_tool` (`app_id`, `user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `tool_workflow_providers` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `label` varchar(255) NOT NULL DEFAULT '',
  `icon` varchar(255) NOT NULL,
  `app_id` char(36) NOT NULL,
  `version` varchar(255) NOT NULL DEFAULT '',
  `user_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `description` longtext NOT NULL,
  `parameter_configuration` longtext NOT NULL,
  `privacy_policy` varchar(255) DEFAULT '',
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_workflow_tool_provider` (`name`, `tenant_id`),
  UNIQUE KEY `unique_workflow_tool_provider_app_id` (`tenant_id`, `app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `trace_app_config` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `tracing_provider` varchar(255),
  `tracing_config` json,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `is_active` tinyint(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `trace_app_config_app_id_idx` (`app_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `trial_apps` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `trial_limit` int NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_trail_app_id` (`app_id`),
  KEY `trial_app_app_id_idx` (`app_id`),
  KEY `trial_app_tenant_id_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `trigger_oauth_system_clients` (
  `id` char(36) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `encrypted_oauth_params` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `trigger_oauth_system_client_plugin_id_provider_idx` (`plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `trigger_oauth_tenant_clients` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `plugin_id` varchar(255) NOT NULL,
  `provider` varchar(255) NOT NULL,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `encrypted_oauth_params` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_trigger_oauth_tenant_client` (`tenant_id`, `plugin_id`, `provider`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `trigger_subscriptions` (
  `id` char(36) NOT NULL,
  `name` varchar(255) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `provider_id` varchar(255) NOT NULL,
  `endpoint_id` varchar(255) NOT NULL,
  `parameters` json NOT NULL,
  `properties` json NOT NULL,
  `credentials` json NOT NULL,
  `credential_type` varchar(50) NOT NULL,
  `credential_expires_at` int NOT NULL,
  `expires_at` int NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `visibility` varchar(40) NOT NULL DEFAULT 'all_team_members',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_trigger_provider` (`tenant_id`, `provider_id`, `name`),
  UNIQUE KEY `idx_trigger_providers_endpoint` (`endpoint_id`),
  KEY `idx_trigger_providers_tenant_endpoint` (`tenant_id`, `endpoint_id`),
  KEY `idx_trigger_providers_tenant_provider` (`tenant_id`, `provider_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `upload_files` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `storage_type` varchar(255) NOT NULL,
  `key` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `size` int NOT NULL,
  `extension` varchar(255) NOT NULL,
  `mime_type` varchar(255),
  `created_by_role` varchar(255) NOT NULL DEFAULT 'account',
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `used` tinyint(1) NOT NULL DEFAULT 0,
  `used_by` char(36),
  `used_at` datetime,
  `hash` varchar(255),
  `source_url` longtext NOT NULL,
  PRIMARY KEY (`id`),
  KEY `upload_file_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `whitelists` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36),
  `category` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `whitelists_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_agent_node_bindings` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `node_id` varchar(255) NOT NULL,
  `binding_type` varchar(32) NOT NULL,
  `agent_id` char(36),
  `current_snapshot_id` char(36),
  `node_job_config` longtext NOT NULL,
  `created_by` char(36),
  `updated_by` char(36),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `workflow_version` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `workflow_agent_node_binding_node_version_unique` (`tenant_id`, `workflow_id`, `workflow_version`, `node_id`),
  KEY `workflow_agent_node_binding_agent_idx` (`tenant_id`, `agent_id`),
  KEY `workflow_agent_node_binding_app_idx` (`tenant_id`, `app_id`),
  KEY `workflow_agent_node_binding_current_snapshot_idx` (`tenant_id`, `current_snapshot_id`),
  KEY `workflow_agent_node_binding_workflow_version_idx` (`tenant_id`, `workflow_id`, `workflow_version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_app_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `workflow_run_id` char(36) NOT NULL,
  `created_from` varchar(255) NOT NULL,
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `workflow_app_log_app_idx` (`tenant_id`, `app_id`),
  KEY `workflow_app_log_workflow_run_id_idx` (`workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_archive_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `workflow_run_id` char(36) NOT NULL,
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `log_id` char(36),
  `log_created_at` datetime,
  `log_created_from` varchar(255),
  `run_version` varchar(255) NOT NULL,
  `run_status` varchar(255) NOT NULL,
  `run_triggered_from` varchar(255) NOT NULL,
  `run_error` longtext,
  `run_elapsed_time` float NOT NULL DEFAULT 0,
  `run_total_tokens` bigint NOT NULL DEFAULT 0,
  `run_total_steps` int DEFAULT 0,
  `run_created_at` datetime NOT NULL,
  `run_finished_at` datetime,
  `run_exceptions_count` int DEFAULT 0,
  `trigger_metadata` longtext,
  `archived_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `workflow_archive_log_app_idx` (`tenant_id`, `app_id`),
  KEY `workflow_archive_log_run_created_at_idx` (`run_created_at`),
  KEY `workflow_archive_log_workflow_run_id_idx` (`workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_comment_mentions` (
  `id` char(36) NOT NULL,
  `comment_id` char(36) NOT NULL,
  `reply_id` char(36),
  `mentioned_user_id` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `comment_mentions_comment_idx` (`comment_id`),
  KEY `comment_mentions_reply_idx` (`reply_id`),
  KEY `comment_mentions_user_idx` (`mentioned_user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_comment_replies` (
  `id` char(36) NOT NULL,
  `comment_id` char(36) NOT NULL,
  `content` text NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `comment_replies_comment_idx` (`comment_id`),
  KEY `comment_replies_created_at_idx` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_comments` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `position_x` float NOT NULL,
  `position_y` float NOT NULL,
  `content` text NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `resolved` tinyint(1) NOT NULL DEFAULT 0,
  `resolved_at` datetime,
  `resolved_by` char(36),
  PRIMARY KEY (`id`),
  KEY `workflow_comments_app_idx` (`tenant_id`, `app_id`),
  KEY `workflow_comments_created_at_idx` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_conversation_variables` (
  `id` char(36) NOT NULL,
  `conversation_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `data` longtext NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`, `conversation_id`),
  KEY `workflow_conversation_variables_app_id_idx` (`app_id`),
  KEY `workflow_conversation_variables_conversation_id_idx` (`conversation_id`),
  KEY `workflow_conversation_variables_created_at_idx` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_draft_variable_files` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `user_id` char(36) NOT NULL,
  `upload_file_id` char(36) NOT NULL,
  `size` bigint NOT NULL,
  `length` int,
  `value_type` varchar(20) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_draft_variables` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `app_id` char(36) NOT NULL,
  `last_edited_at` datetime,
  `node_id` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `selector` varchar(255) NOT NULL,
  `value_type` varchar(20) NOT NULL,
  `value` longtext NOT NULL,
  `visible` tinyint(1) NOT NULL,
  `editable` tinyint(1) NOT NULL,
  `node_execution_id` char(36),
  `file_id` char(36),
  `is_default_value` tinyint(1) NOT NULL DEFAULT 0,
  `user_id` char(36),
  PRIMARY KEY (`id`),
  KEY `workflow_draft_variable_file_id_idx` (`file_id`),
  UNIQUE KEY `workflow_draft_variables_app_id_user_id_key` (`app_id`, `user_id`, `node_id`, `name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_node_execution_offload` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `node_execution_id` char(36),
  `type` varchar(20) NOT NULL,
  `file_id` char(36) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `workflow_node_execution_offload_node_execution_id_key` (`node_execution_id`, `type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_node_executions` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `triggered_from` varchar(255) NOT NULL,
  `workflow_run_id` char(36),
  `index` int NOT NULL,
  `predecessor_node_id` varchar(255),
  `node_execution_id` varchar(255),
  `node_id` varchar(255) NOT NULL,
  `node_type` varchar(255) NOT NULL,
  `title` varchar(255) NOT NULL,
  `inputs` longtext,
  `process_data` longtext,
  `outputs` longtext,
  `status` varchar(255) NOT NULL,
  `error` longtext,
  `elapsed_time` float NOT NULL DEFAULT 0,
  `execution_metadata` longtext,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `finished_at` datetime,
  PRIMARY KEY (`id`),
  KEY `workflow_node_execution_id_idx` (`tenant_id`, `app_id`, `workflow_id`, `triggered_from`, `node_execution_id`),
  KEY `workflow_node_execution_node_run_idx` (`tenant_id`, `app_id`, `workflow_id`, `triggered_from`, `node_id`),
  KEY `workflow_node_execution_workflow_run_id_idx` (`workflow_run_id`),
  KEY `workflow_node_executions_tenant_id_idx` (`tenant_id`, `workflow_id`, `node_id`, `created_at` DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_pause_reasons` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `pause_id` char(36) NOT NULL,
  `type_` varchar(20) NOT NULL,
  `form_id` varchar(36) NOT NULL,
  `message` varchar(255) NOT NULL,
  `node_id` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `workflow_pause_reasons_pause_id_idx` (`pause_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_pauses` (
  `id` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `workflow_id` char(36) NOT NULL,
  `workflow_run_id` char(36) NOT NULL,
  `resumed_at` datetime,
  `state_object_key` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `workflow_pauses_workflow_run_id_key` (`workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_plugin_triggers` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `node_id` varchar(64) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `provider_id` varchar(512) NOT NULL,
  `event_name` varchar(255) NOT NULL,
  `subscription_id` varchar(255) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uniq_app_node_subscription` (`app_id`, `node_id`),
  KEY `workflow_plugin_trigger_tenant_subscription_idx` (`tenant_id`, `subscription_id`, `event_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_runs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `type` varchar(255) NOT NULL,
  `triggered_from` varchar(255) NOT NULL,
  `version` varchar(255) NOT NULL,
  `graph` longtext,
  `inputs` longtext,
  `status` varchar(255) NOT NULL,
  `outputs` longtext,
  `error` longtext,
  `elapsed_time` float NOT NULL DEFAULT 0,
  `total_tokens` bigint NOT NULL DEFAULT 0,
  `total_steps` int DEFAULT 0,
  `created_by_role` varchar(255) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `finished_at` datetime,
  `exceptions_count` int DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `workflow_run_created_at_id_idx` (`created_at`, `id`),
  KEY `workflow_run_triggerd_from_idx` (`tenant_id`, `app_id`, `triggered_from`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_schedule_plans` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `node_id` varchar(64) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `cron_expression` varchar(255) NOT NULL,
  `timezone` varchar(64) NOT NULL,
  `next_run_at` datetime,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uniq_app_node` (`app_id`, `node_id`),
  KEY `workflow_schedule_plan_next_idx` (`next_run_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_trigger_logs` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `workflow_id` char(36) NOT NULL,
  `workflow_run_id` char(36),
  `root_node_id` varchar(255),
  `trigger_metadata` longtext NOT NULL,
  `trigger_type` varchar(50) NOT NULL,
  `trigger_data` longtext NOT NULL,
  `inputs` longtext NOT NULL,
  `outputs` longtext,
  `status` varchar(50) NOT NULL,
  `error` longtext,
  `queue_name` varchar(100) NOT NULL,
  `celery_task_id` varchar(255),
  `created_by_role` varchar(255) NOT NULL,
  `created_by` varchar(255) NOT NULL,
  `retry_count` int NOT NULL,
  `elapsed_time` float,
  `total_tokens` int,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `triggered_at` datetime,
  `finished_at` datetime,
  PRIMARY KEY (`id`),
  KEY `workflow_trigger_log_created_at_idx` (`created_at`),
  KEY `workflow_trigger_log_status_idx` (`status`),
  KEY `workflow_trigger_log_tenant_app_idx` (`tenant_id`, `app_id`),
  KEY `workflow_trigger_log_workflow_id_idx` (`workflow_id`),
  KEY `workflow_trigger_log_workflow_run_idx` (`workflow_run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflow_webhook_triggers` (
  `id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `node_id` varchar(64) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `webhook_id` varchar(24) NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uniq_node` (`app_id`, `node_id`),
  UNIQUE KEY `uniq_webhook_id` (`webhook_id`),
  KEY `workflow_webhook_trigger_tenant_idx` (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE `workflows` (
  `id` char(36) NOT NULL,
  `tenant_id` char(36) NOT NULL,
  `app_id` char(36) NOT NULL,
  `type` varchar(255) NOT NULL,
  `version` varchar(255) NOT NULL,
  `marked_name` varchar(255) NOT NULL DEFAULT '',
  `marked_comment` varchar(255) NOT NULL DEFAULT '',
  `graph` longtext NOT NULL,
  `features` longtext NOT NULL,
  `created_by` char(36) NOT NULL,
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `updated_by` char(36),
  `updated_at` datetime NOT NULL,
  `environment_variables` longtext NOT NULL,
  `conversation_variables` longtext NOT NULL,
  `rag_pipeline_variables` longtext NOT NULL,
  `kind` varchar(255),
  PRIMARY KEY (`id`),
  KEY `workflow_version_idx` (`tenant_id`, `app_id`, `version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

ALTER TABLE `oauth_access_tokens` ADD CONSTRAINT `fk_oauth_access_tokens_account_id` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE SET NULL;

ALTER TABLE `tool_published_apps` ADD CONSTRAINT `tool_published_apps_ibfk_1` FOREIGN KEY (`app_id`) REFERENCES `apps` (`id`);

ALTER TABLE `workflow_comment_mentions` ADD CONSTRAINT `workflow_comment_mentions_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `workflow_comments` (`id`) ON DELETE CASCADE;

ALTER TABLE `workflow_comment_mentions` ADD CONSTRAINT `workflow_comment_mentions_reply_id_fkey` FOREIGN KEY (`reply_id`) REFERENCES `workflow_comment_replies` (`id`) ON DELETE CASCADE;

ALTER TABLE `workflow_comment_replies` ADD CONSTRAINT `workflow_comment_replies_comment_id_fkey` FOREIGN KEY (`comment_id`) REFERENCES `workflow_comments` (`id`) ON DELETE CASCADE;
