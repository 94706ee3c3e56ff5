SET LOCAL lock_timeout = '10s';

CREATE OR REPLACE FUNCTION uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $f$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                FROM 1 FOR 6),
            52, 1), 53, 1),
        'hex')::uuid
$f$;

CREATE OR REPLACE FUNCTION uuidv7_boundary(timestamptz) RETURNS uuid
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $f$
    SELECT encode(
        overlay('\x00000000000070008000000000000000'::bytea
            placing substring(int8send(floor(extract(epoch FROM $1) * 1000)::bigint) FROM 3)
            FROM 1 FOR 6),
        'hex')::uuid
$f$;

CREATE SEQUENCE invitation_codes_id_seq AS integer;

CREATE SEQUENCE task_id_sequence AS bigint;

CREATE SEQUENCE taskset_id_sequence AS bigint;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE account_integrates (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    account_id uuid NOT NULL,
    provider varchar(16) NOT NULL,
    open_id varchar(255) NOT NULL,
    encrypted_token varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT account_integrate_pkey PRIMARY KEY (id),
    CONSTRAINT unique_account_provider UNIQUE (account_id, provider),
    CONSTRAINT unique_provider_open_id UNIQUE (provider, open_id)
);

CREATE TABLE account_plugin_permissions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    install_permission varchar(16) DEFAULT 'everyone' NOT NULL,
    debug_permission varchar(16) DEFAULT 'noone' NOT NULL,
    CONSTRAINT account_plugin_permission_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tenant_plugin UNIQUE (tenant_id)
);

CREATE TABLE account_trial_app_records (
    id uuid NOT NULL,
    account_id uuid NOT NULL,
    app_id uuid NOT NULL,
    count integer NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT user_trial_app_pkey PRIMARY KEY (id),
    CONSTRAINT unique_account_trial_app_record UNIQUE (account_id, app_id)
);
CREATE INDEX account_trial_app_record_account_id_idx ON account_trial_app_records (account_id);
CREATE INDEX account_trial_app_record_app_id_idx ON account_trial_app_records (app_id);

CREATE TABLE accounts (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    email varchar(255) NOT NULL,
    password varchar(255),
    password_salt varchar(255),
    avatar varchar(255),
    interface_language varchar(255),
    interface_theme varchar(255),
    timezone varchar(255),
    last_login_at timestamp without time zone,
    last_login_ip varchar(255),
    last_active_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    status varchar(16) DEFAULT 'active' NOT NULL,
    initialized_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT account_pkey PRIMARY KEY (id)
);
CREATE INDEX account_email_idx ON accounts (email);

CREATE TABLE agent_config_drafts (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    agent_id uuid NOT NULL,
    draft_type varchar(32) NOT NULL,
    account_id uuid,
    draft_owner_key varchar(255) NOT NULL,
    base_snapshot_id uuid,
    config_snapshot text NOT NULL,
    created_by uuid,
    updated_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT agent_config_draft_pkey PRIMARY KEY (id),
    CONSTRAINT agent_config_draft_agent_type_account_unique UNIQUE (tenant_id, agent_id, draft_type, draft_owner_key)
);
CREATE INDEX agent_config_draft_base_snapshot_idx ON agent_config_drafts (tenant_id, base_snapshot_id);
CREATE INDEX agent_config_draft_tenant_agent_idx ON agent_config_drafts (tenant_id, agent_id);

CREATE TABLE agent_config_revisions (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    agent_id uuid NOT NULL,
    previous_snapshot_id uuid,
    current_snapshot_id uuid NOT NULL,
    revision integer NOT NULL,
    operation varchar(64) NOT NULL,
    summary text,
    version_note text,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT agent_config_revision_pkey PRIMARY KEY (id),
    CONSTRAINT agent_config_revision_agent_revision_unique UNIQUE (agent_id, revision)
);
CREATE INDEX agent_config_revision_tenant_agent_created_at_idx ON agent_config_revisions (tenant_id, agent_id, created_at);
CREATE INDEX agent_config_revision_tenant_current_snapshot_created_at_idx ON agent_config_revisions (tenant_id, current_snapshot_id, created_at);

CREATE TABLE agent_config_snapshots (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    agent_id uuid NOT NULL,
    version integer NOT NULL,
    config_snapshot text NOT NULL,
    summary text,
    version_note text,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT agent_config_snapshot_pkey PRIMARY KEY (id),
    CONSTRAINT agent_config_snapshot_agent_version_unique UNIQUE (agent_id, version)
);
CREATE INDEX agent_config_snapshot_tenant_agent_created_at_idx ON agent_config_snapshots (tenant_id, agent_id, created_at);
CREATE INDEX agent_config_snapshot_tenant_created_at_idx ON agent_config_snapshots (tenant_id, created_at);

CREATE TABLE agent_debug_conversations (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    agent_id uuid NOT NULL,
    app_id uuid NOT NULL,
    account_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT agent_debug_conversation_pkey PRIMARY KEY (id),
    CONSTRAINT agent_debug_conversation_agent_account_unique UNIQUE (tenant_id, agent_id, account_id)
);
CREATE INDEX agent_debug_conversation_account_idx ON agent_debug_conversations (tenant_id, account_id);
CREATE INDEX agent_debug_conversation_conversation_idx ON agent_debug_conversations (conversation_id);

CREATE TABLE agent_drive_files (
    tenant_id uuid NOT NULL,
    agent_id uuid NOT NULL,
    key varchar(512) NOT NULL,
    file_kind varchar(32) NOT NULL,
    file_id uuid NOT NULL,
    value_owned_by_drive boolean DEFAULT false NOT NULL,
    size bigint,
    hash varchar(255),
    mime_type varchar(255),
    created_by uuid,
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    is_skill boolean DEFAULT false NOT NULL,
    skill_metadata text,
    CONSTRAINT agent_drive_file_pkey PRIMARY KEY (id),
    CONSTRAINT agent_drive_file_scope_key_unique UNIQUE (tenant_id, agent_id, key)
);
CREATE INDEX agent_drive_files_tenant_agent_is_skill_key_idx ON agent_drive_files (tenant_id, agent_id, is_skill, key);

CREATE TABLE agent_runtime_sessions (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    owner_type varchar(32) NOT NULL,
    agent_id uuid NOT NULL,
    backend_run_id varchar(255),
    session_snapshot text NOT NULL,
    workflow_id uuid,
    workflow_run_id uuid,
    node_id varchar(255),
    node_execution_id varchar(255),
    binding_id uuid,
    agent_config_snapshot_id uuid,
    composition_layer_specs text NOT NULL,
    conversation_id uuid,
    status varchar(32) DEFAULT 'active' NOT NULL,
    cleaned_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    pending_form_id uuid,
    pending_tool_call_id varchar(255),
    CONSTRAINT agent_runtime_session_pkey PRIMARY KEY (id)
);
CREATE INDEX agent_runtime_session_backend_run_idx ON agent_runtime_sessions (backend_run_id);
CREATE INDEX agent_runtime_session_conversation_lookup_idx ON agent_runtime_sessions (tenant_id, conversation_id, status);
CREATE UNIQUE INDEX agent_runtime_session_conversation_scope_unique ON agent_runtime_sessions (tenant_id, conversation_id, agent_id, agent_config_snapshot_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX agent_runtime_session_workflow_lookup_idx ON agent_runtime_sessions (tenant_id, workflow_run_id, node_id, status);
CREATE UNIQUE INDEX agent_runtime_session_workflow_scope_unique ON agent_runtime_sessions (tenant_id, workflow_run_id, node_id, binding_id, agent_id) WHERE workflow_run_id IS NOT NULL;

CREATE TABLE agents (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text NOT NULL,
    icon_type varchar(32),
    icon varchar(255),
    icon_background varchar(255),
    agent_kind varchar(32) DEFAULT 'dify_agent' NOT NULL,
    scope varchar(32) NOT NULL,
    source varchar(32) NOT NULL,
    app_id uuid,
    workflow_id uuid,
    workflow_node_id varchar(255),
    active_config_snapshot_id uuid,
    status varchar(32) DEFAULT 'active' NOT NULL,
    roster_unique_name varchar(255) GENERATED ALWAYS AS (CASE WHEN scope::text = 'roster'::text AND status::text = 'active'::text THEN name ELSE NULL::character varying END) STORED,
    created_by uuid,
    updated_by uuid,
    archived_by uuid,
    archived_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    role varchar(255) NOT NULL,
    active_config_has_model boolean DEFAULT false NOT NULL,
    backing_app_id uuid,
    active_config_is_published boolean DEFAULT false NOT NULL,
    CONSTRAINT agent_pkey PRIMARY KEY (id),
    CONSTRAINT agents_tenant_id_key UNIQUE (tenant_id, roster_unique_name)
);
CREATE INDEX agent_active_config_snapshot_id_idx ON agents (active_config_snapshot_id);
CREATE INDEX agent_tenant_app_id_idx ON agents (tenant_id, app_id);
CREATE INDEX agent_tenant_backing_app_id_idx ON agents (tenant_id, backing_app_id);
CREATE INDEX agent_tenant_invitable_idx ON agents (tenant_id, scope, status, active_config_has_model, updated_at);
CREATE INDEX agent_tenant_scope_idx ON agents (tenant_id, scope);
CREATE INDEX agent_tenant_updated_at_idx ON agents (tenant_id, updated_at);
CREATE INDEX agent_tenant_workflow_id_idx ON agents (tenant_id, workflow_id);

CREATE TABLE api_based_extensions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    api_endpoint varchar(255) NOT NULL,
    api_key text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT api_based_extension_pkey PRIMARY KEY (id)
);
CREATE INDEX api_based_extension_tenant_idx ON api_based_extensions (tenant_id);

CREATE TABLE api_requests (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    api_token_id uuid NOT NULL,
    path varchar(255) NOT NULL,
    request text,
    response text,
    ip varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT api_request_pkey PRIMARY KEY (id)
);
CREATE INDEX api_request_token_idx ON api_requests (tenant_id, api_token_id);

CREATE TABLE api_tokens (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid,
    tenant_id uuid,
    type varchar(16) NOT NULL,
    token varchar(255) NOT NULL,
    last_used_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT api_token_pkey PRIMARY KEY (id)
);
CREATE INDEX api_token_app_id_type_idx ON api_tokens (app_id, type);
CREATE INDEX api_token_tenant_idx ON api_tokens (tenant_id, type);
CREATE INDEX api_token_token_idx ON api_tokens (token, type);

CREATE TABLE app_annotation_hit_histories (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    annotation_id uuid NOT NULL,
    source text NOT NULL,
    question text NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    score double precision DEFAULT 0 NOT NULL,
    message_id uuid NOT NULL,
    annotation_question text NOT NULL,
    annotation_content text NOT NULL,
    CONSTRAINT app_annotation_hit_histories_pkey PRIMARY KEY (id)
);
CREATE INDEX app_annotation_hit_histories_account_idx ON app_annotation_hit_histories (account_id);
CREATE INDEX app_annotation_hit_histories_annotation_idx ON app_annotation_hit_histories (annotation_id);
CREATE INDEX app_annotation_hit_histories_app_idx ON app_annotation_hit_histories (app_id);
CREATE INDEX app_annotation_hit_histories_message_idx ON app_annotation_hit_histories (message_id);

CREATE TABLE app_annotation_settings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    score_threshold double precision DEFAULT 0 NOT NULL,
    collection_binding_id uuid NOT NULL,
    created_user_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_user_id uuid NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT app_annotation_settings_pkey PRIMARY KEY (id)
);
CREATE INDEX app_annotation_settings_app_idx ON app_annotation_settings (app_id);

CREATE TABLE app_dataset_joins (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT app_dataset_join_pkey PRIMARY KEY (id)
);
CREATE INDEX app_dataset_join_app_dataset_idx ON app_dataset_joins (dataset_id, app_id);

CREATE TABLE app_mcp_servers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(255) NOT NULL,
    server_code varchar(255) NOT NULL,
    status varchar(255) DEFAULT 'normal' NOT NULL,
    parameters text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT app_mcp_server_pkey PRIMARY KEY (id),
    CONSTRAINT unique_app_mcp_server_tenant_app_id UNIQUE (tenant_id, app_id),
    CONSTRAINT unique_app_mcp_server_server_code UNIQUE (server_code)
);

CREATE TABLE app_model_configs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    provider varchar(255),
    model_id varchar(255),
    configs json,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    opening_statement text,
    suggested_questions text,
    suggested_questions_after_answer text,
    speech_to_text text,
    text_to_speech text,
    more_like_this text,
    model text,
    user_input_form text,
    dataset_query_variable varchar(255),
    pre_prompt text,
    agent_mode text,
    sensitive_word_avoidance text,
    retriever_resource text,
    prompt_type varchar(255) DEFAULT 'simple' NOT NULL,
    chat_prompt_config text,
    completion_prompt_config text,
    dataset_configs text,
    external_data_tools text,
    file_upload text,
    CONSTRAINT app_model_config_pkey PRIMARY KEY (id)
);
CREATE INDEX app_app_id_idx ON app_model_configs (app_id);

CREATE TABLE app_stars (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT app_star_pkey PRIMARY KEY (id),
    CONSTRAINT app_star_tenant_account_app_unique UNIQUE (tenant_id, account_id, app_id)
);
CREATE INDEX app_star_app_idx ON app_stars (app_id);
CREATE INDEX app_star_tenant_account_idx ON app_stars (tenant_id, account_id);

CREATE TABLE app_triggers (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    node_id varchar(64) NOT NULL,
    trigger_type varchar(50) NOT NULL,
    title varchar(255) NOT NULL,
    provider_name varchar(255) DEFAULT '',
    status varchar(50) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT app_trigger_pkey PRIMARY KEY (id)
);
CREATE INDEX app_trigger_tenant_app_idx ON app_triggers (tenant_id, app_id);

CREATE TABLE apps (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text DEFAULT ''::character varying NOT NULL,
    mode varchar(255) NOT NULL,
    icon_type varchar(255),
    icon varchar(255),
    icon_background varchar(255),
    app_model_config_id uuid,
    workflow_id uuid,
    status varchar(255) DEFAULT 'normal' NOT NULL,
    enable_site boolean NOT NULL,
    enable_api boolean NOT NULL,
    api_rpm integer DEFAULT 0 NOT NULL,
    api_rph integer DEFAULT 0 NOT NULL,
    is_demo boolean DEFAULT false NOT NULL,
    is_public boolean DEFAULT false NOT NULL,
    is_universal boolean DEFAULT false NOT NULL,
    tracing text,
    max_active_requests integer,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    use_icon_as_answer_icon boolean DEFAULT false NOT NULL,
    maintainer uuid,
    CONSTRAINT app_pkey PRIMARY KEY (id)
);
CREATE INDEX app_tenant_id_idx ON apps (tenant_id);
CREATE INDEX app_tenant_maintainer_idx ON apps (tenant_id, maintainer);

CREATE TABLE celery_taskmeta (
    id integer DEFAULT nextval('task_id_sequence'::regclass) NOT NULL,
    task_id varchar(155) NOT NULL,
    status varchar(50) NOT NULL,
    result bytea,
    date_done timestamp without time zone,
    traceback text,
    name varchar(155),
    args bytea,
    kwargs bytea,
    worker varchar(155),
    retries integer,
    queue varchar(155),
    CONSTRAINT celery_taskmeta_pkey PRIMARY KEY (id),
    CONSTRAINT celery_taskmeta_task_id_key UNIQUE (task_id)
);

CREATE TABLE celery_tasksetmeta (
    id integer DEFAULT nextval('taskset_id_sequence'::regclass) NOT NULL,
    taskset_id varchar(155) NOT NULL,
    result bytea,
    date_done timestamp without time zone,
    CONSTRAINT celery_tasksetmeta_pkey PRIMARY KEY (id),
    CONSTRAINT celery_tasksetmeta_taskset_id_key UNIQUE (taskset_id)
);

CREATE TABLE child_chunks (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    segment_id uuid NOT NULL,
    position integer NOT NULL,
    content text NOT NULL,
    word_count integer NOT NULL,
    index_node_id varchar(255),
    index_node_hash varchar(255),
    type varchar(255) DEFAULT 'automatic' NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    indexing_at timestamp without time zone,
    completed_at timestamp without time zone,
    error text,
    CONSTRAINT child_chunk_pkey PRIMARY KEY (id)
);
CREATE INDEX child_chunk_dataset_id_idx ON child_chunks (tenant_id, dataset_id, document_id, segment_id, index_node_id);
CREATE INDEX child_chunks_node_idx ON child_chunks (index_node_id, dataset_id);
CREATE INDEX child_chunks_segment_idx ON child_chunks (segment_id);

CREATE TABLE conversations (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    app_model_config_id uuid,
    model_provider varchar(255),
    override_model_configs text,
    model_id varchar(255),
    mode varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    summary text,
    inputs json NOT NULL,
    introduction text,
    system_instruction text,
    system_instruction_tokens integer DEFAULT 0 NOT NULL,
    status varchar(255) NOT NULL,
    invoke_from varchar(255),
    from_source varchar(255) NOT NULL,
    from_end_user_id uuid,
    from_account_id uuid,
    read_at timestamp without time zone,
    read_account_id uuid,
    dialogue_count integer DEFAULT 0 NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    is_deleted boolean DEFAULT false NOT NULL,
    CONSTRAINT conversation_pkey PRIMARY KEY (id)
);
CREATE INDEX conversation_app_created_at_idx ON conversations (app_id, created_at DESC) WHERE is_deleted IS false;
CREATE INDEX conversation_app_from_user_idx ON conversations (app_id, from_source, from_end_user_id);
CREATE INDEX conversation_app_updated_at_idx ON conversations (app_id, updated_at DESC) WHERE is_deleted IS false;

CREATE TABLE credential_permissions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    credential_id uuid NOT NULL,
    credential_type varchar(40) NOT NULL,
    account_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    has_permission boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT credential_permission_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_credential_permissions_account_id ON credential_permissions (account_id);
CREATE INDEX idx_credential_permissions_credential ON credential_permissions (credential_id, credential_type);
CREATE INDEX idx_credential_permissions_tenant_id ON credential_permissions (tenant_id);

CREATE TABLE customized_snippets (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text,
    type varchar(50) DEFAULT 'node' NOT NULL,
    workflow_id uuid,
    is_published boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    use_count integer DEFAULT 0 NOT NULL,
    icon_info jsonb,
    input_fields text,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT customized_snippet_pkey PRIMARY KEY (id)
);
CREATE INDEX customized_snippet_tenant_idx ON customized_snippets (tenant_id);

CREATE TABLE data_source_api_key_auth_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    category varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    credentials text,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    disabled boolean DEFAULT false,
    CONSTRAINT data_source_api_key_auth_binding_pkey PRIMARY KEY (id)
);
CREATE INDEX data_source_api_key_auth_binding_provider_idx ON data_source_api_key_auth_bindings (provider);
CREATE INDEX data_source_api_key_auth_binding_tenant_id_idx ON data_source_api_key_auth_bindings (tenant_id);

CREATE TABLE data_source_oauth_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    access_token varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    source_info jsonb NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    disabled boolean DEFAULT false,
    CONSTRAINT source_binding_pkey PRIMARY KEY (id)
);
CREATE INDEX source_binding_tenant_id_idx ON data_source_oauth_bindings (tenant_id);
CREATE INDEX source_info_idx ON data_source_oauth_bindings USING gin (source_info);

CREATE TABLE dataset_auto_disable_logs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    notified boolean DEFAULT false NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT dataset_auto_disable_log_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_auto_disable_log_created_atx ON dataset_auto_disable_logs (created_at);
CREATE INDEX dataset_auto_disable_log_dataset_idx ON dataset_auto_disable_logs (dataset_id);
CREATE INDEX dataset_auto_disable_log_tenant_idx ON dataset_auto_disable_logs (tenant_id);

CREATE TABLE dataset_collection_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    type varchar(40) DEFAULT 'dataset' NOT NULL,
    collection_name varchar(64) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT dataset_collection_bindings_pkey PRIMARY KEY (id)
);
CREATE INDEX provider_model_name_idx ON dataset_collection_bindings (provider_name, model_name);

CREATE TABLE dataset_keyword_tables (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    dataset_id uuid NOT NULL,
    keyword_table text NOT NULL,
    data_source_type varchar(255) DEFAULT 'database' NOT NULL,
    CONSTRAINT dataset_keyword_table_pkey PRIMARY KEY (id),
    CONSTRAINT dataset_keyword_tables_dataset_id_key UNIQUE (dataset_id)
);
CREATE INDEX dataset_keyword_table_dataset_id_idx ON dataset_keyword_tables (dataset_id);

CREATE TABLE dataset_metadata_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    metadata_id uuid NOT NULL,
    document_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    created_by uuid NOT NULL,
    CONSTRAINT dataset_metadata_binding_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_metadata_binding_dataset_idx ON dataset_metadata_bindings (dataset_id);
CREATE INDEX dataset_metadata_binding_document_idx ON dataset_metadata_bindings (document_id);
CREATE INDEX dataset_metadata_binding_metadata_idx ON dataset_metadata_bindings (metadata_id);
CREATE INDEX dataset_metadata_binding_tenant_idx ON dataset_metadata_bindings (tenant_id);

CREATE TABLE dataset_metadatas (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    created_by uuid NOT NULL,
    updated_by uuid,
    CONSTRAINT dataset_metadata_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_metadata_dataset_idx ON dataset_metadatas (dataset_id);
CREATE INDEX dataset_metadata_tenant_idx ON dataset_metadatas (tenant_id);

CREATE TABLE dataset_permissions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    dataset_id uuid NOT NULL,
    account_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    has_permission boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT dataset_permission_pkey PRIMARY KEY (id)
);
CREATE INDEX idx_dataset_permissions_account_id ON dataset_permissions (account_id);
CREATE INDEX idx_dataset_permissions_dataset_id ON dataset_permissions (dataset_id);
CREATE INDEX idx_dataset_permissions_tenant_id ON dataset_permissions (tenant_id);

CREATE TABLE dataset_process_rules (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    dataset_id uuid NOT NULL,
    mode varchar(255) DEFAULT 'automatic' NOT NULL,
    rules text,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT dataset_process_rule_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_process_rule_dataset_id_idx ON dataset_process_rules (dataset_id);

CREATE TABLE dataset_queries (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    dataset_id uuid NOT NULL,
    content text NOT NULL,
    source varchar(255) NOT NULL,
    source_app_id uuid,
    created_by_role varchar NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT dataset_query_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_query_dataset_id_idx ON dataset_queries (dataset_id);

CREATE TABLE dataset_retriever_resources (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    message_id uuid NOT NULL,
    position integer NOT NULL,
    dataset_id uuid NOT NULL,
    dataset_name text NOT NULL,
    document_id uuid,
    document_name text NOT NULL,
    data_source_type text,
    segment_id uuid,
    score double precision,
    content text NOT NULL,
    hit_count integer,
    word_count integer,
    segment_position integer,
    index_node_hash text,
    retriever_from text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT dataset_retriever_resource_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_retriever_resource_message_id_idx ON dataset_retriever_resources (message_id);

CREATE TABLE datasets (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text,
    provider varchar(255) DEFAULT 'vendor' NOT NULL,
    permission varchar(255) DEFAULT 'only_me' NOT NULL,
    data_source_type varchar(255),
    indexing_technique varchar(255),
    index_struct text,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    embedding_model varchar(255) DEFAULT 'text-embedding-ada-002',
    embedding_model_provider varchar(255) DEFAULT 'openai',
    keyword_number integer DEFAULT 10,
    collection_binding_id uuid,
    retrieval_model jsonb,
    built_in_field_enabled boolean DEFAULT false NOT NULL,
    icon_info jsonb,
    runtime_mode varchar(255) DEFAULT 'general',
    pipeline_id uuid,
    chunk_structure varchar(255),
    enable_api boolean DEFAULT true NOT NULL,
    is_multimodal boolean DEFAULT false NOT NULL,
    summary_index_setting jsonb,
    maintainer uuid,
    CONSTRAINT dataset_pkey PRIMARY KEY (id)
);
CREATE INDEX dataset_tenant_idx ON datasets (tenant_id);
CREATE INDEX dataset_tenant_maintainer_idx ON datasets (tenant_id, maintainer);
CREATE INDEX retrieval_model_idx ON datasets USING gin (retrieval_model);

CREATE TABLE datasource_oauth_params (
    id uuid DEFAULT uuidv7() NOT NULL,
    plugin_id varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    system_credentials jsonb NOT NULL,
    CONSTRAINT datasource_oauth_config_pkey PRIMARY KEY (id),
    CONSTRAINT datasource_oauth_config_datasource_id_provider_idx UNIQUE (plugin_id, provider)
);

CREATE TABLE datasource_oauth_tenant_params (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    provider varchar(255) NOT NULL,
    plugin_id varchar(255) NOT NULL,
    client_params jsonb NOT NULL,
    enabled boolean NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT datasource_oauth_tenant_config_pkey PRIMARY KEY (id),
    CONSTRAINT datasource_oauth_tenant_config_unique UNIQUE (tenant_id, plugin_id, provider)
);

CREATE TABLE datasource_providers (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    provider varchar(128) NOT NULL,
    plugin_id varchar(255) NOT NULL,
    auth_type varchar(255) NOT NULL,
    encrypted_credentials jsonb NOT NULL,
    avatar_url text,
    is_default boolean DEFAULT false NOT NULL,
    expires_at integer DEFAULT '-1'::integer NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    user_id uuid,
    visibility varchar(40) DEFAULT 'all_team_members' NOT NULL,
    CONSTRAINT datasource_provider_pkey PRIMARY KEY (id),
    CONSTRAINT datasource_provider_unique_name UNIQUE (tenant_id, plugin_id, provider, name)
);
CREATE INDEX datasource_provider_auth_type_provider_idx ON datasource_providers (tenant_id, plugin_id, provider);

CREATE TABLE dify_setups (
    version varchar(255) NOT NULL,
    setup_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT dify_setup_pkey PRIMARY KEY (version)
);

CREATE TABLE document_pipeline_execution_logs (
    id uuid DEFAULT uuidv7() NOT NULL,
    pipeline_id uuid NOT NULL,
    document_id uuid NOT NULL,
    datasource_type varchar(255) NOT NULL,
    datasource_info text NOT NULL,
    datasource_node_id varchar(255) NOT NULL,
    input_data json NOT NULL,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT document_pipeline_execution_log_pkey PRIMARY KEY (id)
);
CREATE INDEX document_pipeline_execution_logs_document_id_idx ON document_pipeline_execution_logs (document_id);

CREATE TABLE document_segment_summaries (
    id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    chunk_id uuid NOT NULL,
    summary_content text,
    summary_index_node_id varchar(255),
    summary_index_node_hash varchar(255),
    tokens integer,
    status varchar(32) DEFAULT 'generating' NOT NULL,
    error text,
    enabled boolean DEFAULT true NOT NULL,
    disabled_at timestamp without time zone,
    disabled_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT document_segment_summaries_pkey PRIMARY KEY (id)
);
CREATE INDEX document_segment_summaries_chunk_id_idx ON document_segment_summaries (chunk_id);
CREATE INDEX document_segment_summaries_dataset_id_idx ON document_segment_summaries (dataset_id);
CREATE INDEX document_segment_summaries_document_id_idx ON document_segment_summaries (document_id);
CREATE INDEX document_segment_summaries_status_idx ON document_segment_summaries (status);

CREATE TABLE document_segments (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    position integer NOT NULL,
    content text NOT NULL,
    answer text,
    word_count integer NOT NULL,
    tokens integer NOT NULL,
    keywords json,
    index_node_id varchar(255),
    index_node_hash varchar(255),
    hit_count integer NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    disabled_at timestamp without time zone,
    disabled_by uuid,
    status varchar(255) DEFAULT 'waiting' NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    indexing_at timestamp without time zone,
    completed_at timestamp without time zone,
    error text,
    stopped_at timestamp without time zone,
    CONSTRAINT document_segment_pkey PRIMARY KEY (id)
);
CREATE INDEX document_segment_dataset_id_idx ON document_segments (dataset_id);
CREATE INDEX document_segment_document_id_idx ON document_segments (document_id);
CREATE INDEX document_segment_node_dataset_idx ON document_segments (index_node_id, dataset_id);
CREATE INDEX document_segment_tenant_dataset_idx ON document_segments (dataset_id, tenant_id);
CREATE INDEX document_segment_tenant_document_idx ON document_segments (document_id, tenant_id);
CREATE INDEX document_segment_tenant_idx ON document_segments (tenant_id);

CREATE TABLE documents (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    position integer NOT NULL,
    data_source_type varchar(255) NOT NULL,
    data_source_info text,
    dataset_process_rule_id uuid,
    batch varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    created_from varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_api_request_id uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    processing_started_at timestamp without time zone,
    file_id text,
    word_count integer,
    parsing_completed_at timestamp without time zone,
    cleaning_completed_at timestamp without time zone,
    splitting_completed_at timestamp without time zone,
    tokens integer,
    indexing_latency double precision,
    completed_at timestamp without time zone,
    is_paused boolean DEFAULT false,
    paused_by uuid,
    paused_at timestamp without time zone,
    error text,
    stopped_at timestamp without time zone,
    indexing_status varchar(255) DEFAULT 'waiting' NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    disabled_at timestamp without time zone,
    disabled_by uuid,
    archived boolean DEFAULT false NOT NULL,
    archived_reason varchar(255),
    archived_by uuid,
    archived_at timestamp without time zone,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    doc_type varchar(40),
    doc_metadata jsonb,
    doc_form varchar(255) DEFAULT 'text_model' NOT NULL,
    doc_language varchar(255),
    need_summary boolean DEFAULT false NOT NULL,
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
CREATE INDEX document_dataset_id_idx ON documents (dataset_id);
CREATE INDEX document_is_paused_idx ON documents (is_paused);
CREATE INDEX document_metadata_idx ON documents USING gin (doc_metadata);
CREATE INDEX document_tenant_idx ON documents (tenant_id);

CREATE TABLE embeddings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    model_name varchar(255) DEFAULT 'text-embedding-ada-002' NOT NULL,
    hash varchar(64) NOT NULL,
    embedding bytea NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    provider_name varchar(255) DEFAULT '' NOT NULL,
    CONSTRAINT embedding_pkey PRIMARY KEY (id),
    CONSTRAINT embedding_hash_idx UNIQUE (model_name, hash, provider_name)
);
CREATE INDEX created_at_idx ON embeddings (created_at);

CREATE TABLE end_users (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid,
    type varchar(255) NOT NULL,
    external_user_id varchar(255),
    name varchar(255),
    is_anonymous boolean DEFAULT true NOT NULL,
    session_id varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT end_user_pkey PRIMARY KEY (id)
);
CREATE INDEX end_user_session_id_idx ON end_users (session_id, type);
CREATE INDEX end_user_tenant_session_id_idx ON end_users (tenant_id, session_id, type);

CREATE TABLE execution_extra_contents (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    type varchar(30) NOT NULL,
    workflow_run_id uuid NOT NULL,
    message_id uuid,
    form_id uuid,
    CONSTRAINT execution_extra_contents_pkey PRIMARY KEY (id)
);
CREATE INDEX execution_extra_contents_message_id_idx ON execution_extra_contents (message_id);
CREATE INDEX execution_extra_contents_workflow_run_id_idx ON execution_extra_contents (workflow_run_id);

CREATE TABLE exporle_banners (
    id uuid NOT NULL,
    content json NOT NULL,
    link varchar(255) NOT NULL,
    sort integer NOT NULL,
    status varchar(255) DEFAULT 'enabled' NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    language varchar(255) DEFAULT 'en-US' NOT NULL,
    CONSTRAINT exporler_banner_pkey PRIMARY KEY (id)
);

CREATE TABLE external_knowledge_apis (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(255) NOT NULL,
    tenant_id uuid NOT NULL,
    settings text,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT external_knowledge_apis_pkey PRIMARY KEY (id)
);
CREATE INDEX external_knowledge_apis_name_idx ON external_knowledge_apis (name);
CREATE INDEX external_knowledge_apis_tenant_idx ON external_knowledge_apis (tenant_id);

CREATE TABLE external_knowledge_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    external_knowledge_api_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    external_knowledge_id varchar(512) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT external_knowledge_bindings_pkey PRIMARY KEY (id)
);
CREATE INDEX external_knowledge_bindings_dataset_idx ON external_knowledge_bindings (dataset_id);
CREATE INDEX external_knowledge_bindings_external_knowledge_api_idx ON external_knowledge_bindings (external_knowledge_api_id);
CREATE INDEX external_knowledge_bindings_external_knowledge_idx ON external_knowledge_bindings (external_knowledge_id);
CREATE INDEX external_knowledge_bindings_tenant_idx ON external_knowledge_bindings (tenant_id);

CREATE TABLE human_input_form_deliveries (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    form_id uuid NOT NULL,
    delivery_method_type varchar(20) NOT NULL,
    delivery_config_id uuid,
    channel_payload text NOT NULL,
    CONSTRAINT human_input_form_deliveries_pkey PRIMARY KEY (id)
);
CREATE INDEX human_input_form_deliveries_form_id_idx ON human_input_form_deliveries (form_id);

CREATE TABLE human_input_form_recipients (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    form_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    recipient_type varchar(20) NOT NULL,
    recipient_payload text NOT NULL,
    access_token varchar(32) NOT NULL,
    CONSTRAINT human_input_form_recipients_pkey PRIMARY KEY (id),
    CONSTRAINT human_input_form_recipients_access_token_key UNIQUE (access_token)
);
CREATE INDEX human_input_form_recipients_delivery_id_idx ON human_input_form_recipients (delivery_id);
CREATE INDEX human_input_form_recipients_form_id_idx ON human_input_form_recipients (form_id);

CREATE TABLE human_input_form_upload_files (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    form_id uuid NOT NULL,
    upload_file_id uuid NOT NULL,
    upload_token_id uuid NOT NULL,
    CONSTRAINT human_input_form_upload_files_pkey PRIMARY KEY (id),
    CONSTRAINT human_input_form_upload_files_upload_file_id_key UNIQUE (upload_file_id)
);
CREATE INDEX human_input_form_upload_files_form_id_idx ON human_input_form_upload_files (form_id);
CREATE INDEX human_input_form_upload_files_upload_token_id_idx ON human_input_form_upload_files (upload_token_id);

CREATE TABLE human_input_form_upload_tokens (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    form_id uuid NOT NULL,
    recipient_id uuid NOT NULL,
    token varchar(255) NOT NULL,
    CONSTRAINT human_input_form_upload_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT human_input_form_upload_tokens_token_key UNIQUE (token)
);
CREATE INDEX human_input_form_upload_tokens_form_id_idx ON human_input_form_upload_tokens (form_id);

CREATE TABLE human_input_forms (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_run_id uuid,
    form_kind varchar(20) NOT NULL,
    node_id varchar(60) NOT NULL,
    form_definition text NOT NULL,
    rendered_content text NOT NULL,
    status varchar(20) NOT NULL,
    expiration_time timestamp without time zone NOT NULL,
    selected_action_id varchar(200),
    submitted_data text,
    submitted_at timestamp without time zone,
    submission_user_id uuid,
    submission_end_user_id uuid,
    completed_by_recipient_id uuid,
    conversation_id uuid,
    CONSTRAINT human_input_forms_pkey PRIMARY KEY (id)
);
CREATE INDEX human_input_forms_status_created_at_idx ON human_input_forms (status, created_at);
CREATE INDEX human_input_forms_status_expiration_time_idx ON human_input_forms (status, expiration_time);
CREATE INDEX human_input_forms_workflow_run_id_node_id_idx ON human_input_forms (workflow_run_id, node_id);

CREATE TABLE installed_apps (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    app_owner_tenant_id uuid NOT NULL,
    position integer NOT NULL,
    is_pinned boolean DEFAULT false NOT NULL,
    last_used_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT installed_app_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tenant_app UNIQUE (tenant_id, app_id)
);
CREATE INDEX installed_app_app_id_idx ON installed_apps (app_id);
CREATE INDEX installed_app_tenant_id_idx ON installed_apps (tenant_id);

CREATE TABLE invitation_codes (
    id integer DEFAULT nextval('invitation_codes_id_seq'::regclass) NOT NULL,
    batch varchar(255) NOT NULL,
    code varchar(32) NOT NULL,
    status varchar(16) DEFAULT 'unused' NOT NULL,
    used_at timestamp without time zone,
    used_by_tenant_id uuid,
    used_by_account_id uuid,
    deprecated_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT invitation_code_pkey PRIMARY KEY (id)
);
CREATE INDEX invitation_codes_batch_idx ON invitation_codes (batch);
CREATE INDEX invitation_codes_code_idx ON invitation_codes (code, status);

CREATE TABLE load_balancing_model_configs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    model_type varchar(40) NOT NULL,
    name varchar(255) NOT NULL,
    encrypted_config text,
    credential_id uuid,
    credential_source_type varchar(40),
    enabled boolean DEFAULT true NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT load_balancing_model_config_pkey PRIMARY KEY (id)
);
CREATE INDEX load_balancing_model_config_tenant_provider_model_idx ON load_balancing_model_configs (tenant_id, provider_name, model_type);

CREATE TABLE message_agent_thoughts (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    message_id uuid NOT NULL,
    message_chain_id uuid,
    position integer NOT NULL,
    thought text,
    tool text,
    tool_labels_str text DEFAULT '{}' NOT NULL,
    tool_meta_str text DEFAULT '{}' NOT NULL,
    tool_input text,
    observation text,
    tool_process_data text,
    message text,
    message_token integer,
    message_unit_price numeric,
    message_price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
    message_files text,
    answer text,
    answer_token integer,
    answer_unit_price numeric,
    answer_price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
    tokens integer,
    total_price numeric,
    currency varchar,
    latency double precision,
    created_by_role varchar NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT message_agent_thought_pkey PRIMARY KEY (id)
);
CREATE INDEX message_agent_thought_message_chain_id_idx ON message_agent_thoughts (message_chain_id);
CREATE INDEX message_agent_thought_message_id_idx ON message_agent_thoughts (message_id);

CREATE TABLE message_annotations (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    conversation_id uuid,
    message_id uuid,
    question text NOT NULL,
    content text NOT NULL,
    hit_count integer DEFAULT 0 NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT message_annotation_pkey PRIMARY KEY (id)
);
CREATE INDEX message_annotation_app_idx ON message_annotations (app_id);
CREATE INDEX message_annotation_conversation_idx ON message_annotations (conversation_id);
CREATE INDEX message_annotation_message_idx ON message_annotations (message_id);

CREATE TABLE message_chains (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    message_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    input text,
    output text,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT message_chain_pkey PRIMARY KEY (id)
);
CREATE INDEX message_chain_message_id_idx ON message_chains (message_id);

CREATE TABLE message_feedbacks (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    message_id uuid NOT NULL,
    rating varchar(255) NOT NULL,
    content text,
    from_source varchar(255) NOT NULL,
    from_end_user_id uuid,
    from_account_id uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT message_feedback_pkey PRIMARY KEY (id)
);
CREATE INDEX message_feedback_app_idx ON message_feedbacks (app_id);
CREATE INDEX message_feedback_conversation_idx ON message_feedbacks (conversation_id, from_source, rating);
CREATE INDEX message_feedback_message_idx ON message_feedbacks (message_id, from_source);

CREATE TABLE message_files (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    message_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    transfer_method varchar(255) NOT NULL,
    url text,
    belongs_to varchar(255),
    upload_file_id uuid,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT message_file_pkey PRIMARY KEY (id)
);
CREATE INDEX message_file_created_by_idx ON message_files (created_by);
CREATE INDEX message_file_message_idx ON message_files (message_id);

CREATE TABLE messages (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    model_provider varchar(255),
    model_id varchar(255),
    override_model_configs text,
    conversation_id uuid NOT NULL,
    inputs json NOT NULL,
    query text NOT NULL,
    message json NOT NULL,
    message_tokens integer DEFAULT 0 NOT NULL,
    message_unit_price numeric(10, 4) NOT NULL,
    message_price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
    answer text NOT NULL,
    answer_tokens integer DEFAULT 0 NOT NULL,
    answer_unit_price numeric(10, 4) NOT NULL,
    answer_price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
    parent_message_id uuid,
    provider_response_latency double precision DEFAULT 0 NOT NULL,
    total_price numeric(10, 7),
    currency varchar(255) NOT NULL,
    status varchar(255) DEFAULT 'normal' NOT NULL,
    error text,
    message_metadata text,
    invoke_from varchar(255),
    from_source varchar(255) NOT NULL,
    from_end_user_id uuid,
    from_account_id uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    agent_based boolean DEFAULT false NOT NULL,
    workflow_run_id uuid,
    app_mode varchar(255),
    CONSTRAINT message_pkey PRIMARY KEY (id)
);
CREATE INDEX message_account_idx ON messages (app_id, from_source, from_account_id);
CREATE INDEX message_app_id_idx ON messages (app_id, created_at);
CREATE INDEX message_app_mode_idx ON messages (app_mode);
CREATE INDEX message_conversation_id_idx ON messages (conversation_id);
CREATE INDEX message_created_at_id_idx ON messages (created_at, id);
CREATE INDEX message_end_user_idx ON messages (app_id, from_source, from_end_user_id);
CREATE INDEX message_workflow_run_id_idx ON messages (conversation_id, workflow_run_id);

CREATE TABLE oauth_access_tokens (
    id uuid DEFAULT uuidv7() NOT NULL,
    subject_email varchar(255) NOT NULL,
    subject_issuer varchar(255),
    account_id uuid,
    client_id varchar(64) NOT NULL,
    device_label varchar(255) NOT NULL,
    prefix varchar(8) NOT NULL,
    token_hash varchar(64),
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    last_used_at timestamp with time zone,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT oauth_access_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT oauth_access_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX idx_oauth_account ON oauth_access_tokens (account_id) WHERE revoked_at IS NULL AND account_id IS NOT NULL;
CREATE INDEX idx_oauth_client ON oauth_access_tokens (subject_email, client_id) WHERE revoked_at IS NULL;
CREATE INDEX idx_oauth_subject_email ON oauth_access_tokens (subject_email) WHERE revoked_at IS NULL;
CREATE INDEX idx_oauth_token_hash ON oauth_access_tokens (token_hash) WHERE revoked_at IS NULL;
CREATE UNIQUE INDEX uq_oauth_active_per_device ON oauth_access_tokens (subject_email, subject_issuer, client_id, device_label) WHERE revoked_at IS NULL;

CREATE TABLE oauth_provider_apps (
    id uuid DEFAULT uuidv7() NOT NULL,
    app_icon varchar(255) NOT NULL,
    app_label json DEFAULT '{}' NOT NULL,
    client_id varchar(255) NOT NULL,
    client_secret varchar(255) NOT NULL,
    redirect_uris json DEFAULT '[]' NOT NULL,
    scope varchar(255) DEFAULT 'read:name read:email read:avatar read:interface_language read:timezone' NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT oauth_provider_app_pkey PRIMARY KEY (id)
);
CREATE INDEX oauth_provider_app_client_id_idx ON oauth_provider_apps (client_id);

CREATE TABLE operation_logs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    account_id uuid NOT NULL,
    action varchar(255) NOT NULL,
    content json,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    created_ip varchar(255) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT operation_log_pkey PRIMARY KEY (id)
);
CREATE INDEX operation_log_account_action_idx ON operation_logs (tenant_id, account_id, action);

CREATE TABLE pinned_conversations (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    created_by_role varchar(255) DEFAULT 'end_user' NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT pinned_conversation_pkey PRIMARY KEY (id)
);
CREATE INDEX pinned_conversation_conversation_idx ON pinned_conversations (app_id, conversation_id, created_by_role, created_by);

CREATE TABLE pipeline_built_in_templates (
    id uuid DEFAULT uuidv7() NOT NULL,
    name varchar(255) NOT NULL,
    description text NOT NULL,
    chunk_structure varchar(255) NOT NULL,
    icon json NOT NULL,
    yaml_content text NOT NULL,
    copyright varchar(255) NOT NULL,
    privacy_policy varchar(255) NOT NULL,
    position integer NOT NULL,
    install_count integer NOT NULL,
    language varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pipeline_built_in_template_pkey PRIMARY KEY (id)
);

CREATE TABLE pipeline_customized_templates (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text NOT NULL,
    chunk_structure varchar(255) NOT NULL,
    icon json NOT NULL,
    position integer NOT NULL,
    yaml_content text NOT NULL,
    install_count integer NOT NULL,
    language varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    updated_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pipeline_customized_template_pkey PRIMARY KEY (id)
);
CREATE INDEX pipeline_customized_template_tenant_idx ON pipeline_customized_templates (tenant_id);

CREATE TABLE pipeline_recommended_plugins (
    id uuid DEFAULT uuidv7() NOT NULL,
    plugin_id text NOT NULL,
    provider_name text NOT NULL,
    type varchar(50) DEFAULT 'tool' NOT NULL,
    position integer NOT NULL,
    active boolean NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pipeline_recommended_plugin_pkey PRIMARY KEY (id)
);

CREATE TABLE pipelines (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    description text DEFAULT ''::character varying NOT NULL,
    workflow_id uuid,
    is_public boolean DEFAULT false NOT NULL,
    is_published boolean DEFAULT false NOT NULL,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pipeline_pkey PRIMARY KEY (id)
);

CREATE TABLE provider_credentials (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    credential_name varchar(255) NOT NULL,
    encrypted_config text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    user_id uuid,
    visibility varchar(40) DEFAULT 'all_team_members' NOT NULL,
    CONSTRAINT provider_credential_pkey PRIMARY KEY (id)
);
CREATE INDEX provider_credential_tenant_provider_idx ON provider_credentials (tenant_id, provider_name);

CREATE TABLE provider_model_credentials (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    model_type varchar(40) NOT NULL,
    credential_name varchar(255) NOT NULL,
    encrypted_config text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT provider_model_credential_pkey PRIMARY KEY (id)
);
CREATE INDEX provider_model_credential_tenant_provider_model_idx ON provider_model_credentials (tenant_id, provider_name, model_name, model_type);

CREATE TABLE provider_model_settings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    model_type varchar(40) NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    load_balancing_enabled boolean DEFAULT false NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT provider_model_setting_pkey PRIMARY KEY (id)
);
CREATE INDEX provider_model_setting_tenant_provider_model_idx ON provider_model_settings (tenant_id, provider_name, model_type);

CREATE TABLE provider_models (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    model_type varchar(40) NOT NULL,
    credential_id uuid,
    is_valid boolean DEFAULT false NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT provider_model_pkey PRIMARY KEY (id),
    CONSTRAINT unique_provider_model_name UNIQUE (tenant_id, provider_name, model_name, model_type)
);
CREATE INDEX provider_model_tenant_id_provider_idx ON provider_models (tenant_id, provider_name);

CREATE TABLE provider_orders (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    account_id uuid NOT NULL,
    payment_product_id varchar(191) NOT NULL,
    payment_id varchar(191),
    transaction_id varchar(191),
    quantity integer DEFAULT 1 NOT NULL,
    currency varchar(40),
    total_amount integer,
    payment_status varchar(40) DEFAULT 'wait_pay' NOT NULL,
    paid_at timestamp without time zone,
    pay_failed_at timestamp without time zone,
    refunded_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT provider_order_pkey PRIMARY KEY (id)
);
CREATE INDEX provider_order_tenant_provider_idx ON provider_orders (tenant_id, provider_name);

CREATE TABLE providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    provider_type varchar(40) DEFAULT 'custom' NOT NULL,
    is_valid boolean DEFAULT false NOT NULL,
    last_used timestamp without time zone,
    credential_id uuid,
    quota_type varchar(40) DEFAULT '',
    quota_limit bigint,
    quota_used bigint,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_provider_name_type_quota UNIQUE (tenant_id, provider_name, provider_type, quota_type)
);
CREATE INDEX provider_tenant_id_provider_idx ON providers (tenant_id, provider_name);

CREATE TABLE rate_limit_logs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    subscription_plan varchar(255) NOT NULL,
    operation varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT rate_limit_log_pkey PRIMARY KEY (id)
);
CREATE INDEX rate_limit_log_operation_idx ON rate_limit_logs (operation);
CREATE INDEX rate_limit_log_tenant_idx ON rate_limit_logs (tenant_id);

CREATE TABLE recommended_apps (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    description json NOT NULL,
    copyright varchar(255) NOT NULL,
    privacy_policy varchar(255) NOT NULL,
    custom_disclaimer text NOT NULL,
    category varchar(255) NOT NULL,
    position integer NOT NULL,
    is_listed boolean NOT NULL,
    install_count integer NOT NULL,
    language varchar(255) DEFAULT 'en-US' NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    categories json,
    is_learn_dify boolean DEFAULT false NOT NULL,
    is_cloud_only boolean DEFAULT false NOT NULL,
    CONSTRAINT recommended_app_pkey PRIMARY KEY (id)
);
CREATE INDEX recommended_app_app_id_idx ON recommended_apps (app_id);
CREATE INDEX recommended_app_is_listed_idx ON recommended_apps (is_listed, language);

CREATE TABLE saved_messages (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    message_id uuid NOT NULL,
    created_by_role varchar(255) DEFAULT 'end_user' NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT saved_message_pkey PRIMARY KEY (id)
);
CREATE INDEX saved_message_message_id_idx ON saved_messages (message_id);
CREATE INDEX saved_message_message_idx ON saved_messages (app_id, message_id, created_by_role, created_by);

CREATE TABLE segment_attachment_bindings (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    document_id uuid NOT NULL,
    segment_id uuid NOT NULL,
    attachment_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT segment_attachment_binding_pkey PRIMARY KEY (id)
);
CREATE INDEX segment_attachment_binding_attachment_idx ON segment_attachment_bindings (attachment_id);
CREATE INDEX segment_attachment_binding_tenant_dataset_document_segment_idx ON segment_attachment_bindings (tenant_id, dataset_id, document_id, segment_id);

CREATE TABLE sites (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    title varchar(255) NOT NULL,
    icon_type varchar(255),
    icon varchar(255),
    icon_background varchar(255),
    description text,
    default_language varchar(255) NOT NULL,
    chat_color_theme varchar(255),
    chat_color_theme_inverted boolean DEFAULT false NOT NULL,
    copyright varchar(255),
    privacy_policy varchar(255),
    show_workflow_steps boolean DEFAULT true NOT NULL,
    use_icon_as_answer_icon boolean DEFAULT false NOT NULL,
    custom_disclaimer text NOT NULL,
    customize_domain varchar(255),
    customize_token_strategy varchar(255) NOT NULL,
    prompt_public boolean DEFAULT false NOT NULL,
    status varchar(255) DEFAULT 'normal' NOT NULL,
    created_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    code varchar(255),
    input_placeholder varchar(255),
    CONSTRAINT site_pkey PRIMARY KEY (id)
);
CREATE INDEX site_app_id_idx ON sites (app_id);
CREATE INDEX site_code_idx ON sites (code, status);

CREATE TABLE tag_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid,
    tag_id uuid,
    target_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tag_binding_pkey PRIMARY KEY (id)
);
CREATE INDEX tag_bind_tag_id_idx ON tag_bindings (tag_id);
CREATE INDEX tag_bind_target_id_idx ON tag_bindings (target_id);

CREATE TABLE tags (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid,
    type varchar(16) NOT NULL,
    name varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tag_pkey PRIMARY KEY (id)
);
CREATE INDEX tag_name_idx ON tags (name);
CREATE INDEX tag_type_idx ON tags (type);

CREATE TABLE tenant_account_joins (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    account_id uuid NOT NULL,
    current boolean DEFAULT false NOT NULL,
    role varchar(16) DEFAULT 'normal' NOT NULL,
    invited_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    last_opened_at timestamp without time zone,
    CONSTRAINT tenant_account_join_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tenant_account_join UNIQUE (tenant_id, account_id)
);
CREATE INDEX tenant_account_join_account_id_idx ON tenant_account_joins (account_id);
CREATE INDEX tenant_account_join_tenant_id_idx ON tenant_account_joins (tenant_id);

CREATE TABLE tenant_credit_pools (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    pool_type varchar(40) DEFAULT 'trial' NOT NULL,
    quota_limit bigint NOT NULL,
    quota_used bigint NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT tenant_credit_pool_pkey PRIMARY KEY (id)
);
CREATE INDEX tenant_credit_pool_pool_type_idx ON tenant_credit_pools (pool_type);
CREATE INDEX tenant_credit_pool_tenant_id_idx ON tenant_credit_pools (tenant_id);

CREATE TABLE tenant_default_models (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    model_name varchar(255) NOT NULL,
    model_type varchar(40) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tenant_default_model_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tenant_default_model_type UNIQUE (tenant_id, model_type)
);
CREATE INDEX tenant_default_model_tenant_id_provider_type_idx ON tenant_default_models (tenant_id, provider_name, model_type);

CREATE TABLE tenant_plugin_auto_upgrade_strategies (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    strategy_setting varchar(16) DEFAULT 'fix_only' NOT NULL,
    upgrade_mode varchar(16) DEFAULT 'exclude' NOT NULL,
    exclude_plugins json NOT NULL,
    include_plugins json NOT NULL,
    upgrade_time_of_day integer NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    category varchar(32) DEFAULT 'tool' NOT NULL,
    CONSTRAINT tenant_plugin_auto_upgrade_strategy_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tenant_plugin_auto_upgrade_strategy UNIQUE (tenant_id, category)
);
CREATE INDEX idx_tenant_plugin_auto_upgrade_strategy_time ON tenant_plugin_auto_upgrade_strategies (upgrade_time_of_day);

CREATE TABLE tenant_preferred_model_providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    provider_name varchar(255) NOT NULL,
    preferred_provider_type varchar(40) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tenant_preferred_model_provider_pkey PRIMARY KEY (id)
);
CREATE INDEX tenant_preferred_model_provider_tenant_provider_idx ON tenant_preferred_model_providers (tenant_id, provider_name);

CREATE TABLE tenants (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    encrypt_public_key text,
    plan varchar(255) DEFAULT 'basic' NOT NULL,
    status varchar(255) DEFAULT 'normal' NOT NULL,
    custom_config text,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tenant_pkey PRIMARY KEY (id)
);

CREATE TABLE tidb_auth_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid,
    cluster_id varchar(255) NOT NULL,
    cluster_name varchar(255) NOT NULL,
    active boolean DEFAULT false NOT NULL,
    status varchar(255) DEFAULT 'CREATING' NOT NULL,
    account varchar(255) NOT NULL,
    password varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    qdrant_endpoint varchar(512),
    CONSTRAINT tidb_auth_bindings_pkey PRIMARY KEY (id)
);
CREATE INDEX tidb_auth_bindings_active_idx ON tidb_auth_bindings (active);
CREATE INDEX tidb_auth_bindings_created_at_idx ON tidb_auth_bindings (created_at);
CREATE INDEX tidb_auth_bindings_status_idx ON tidb_auth_bindings (status);
CREATE INDEX tidb_auth_bindings_tenant_idx ON tidb_auth_bindings (tenant_id);

CREATE TABLE tool_api_providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    icon varchar(255) NOT NULL,
    schema text NOT NULL,
    schema_type_str varchar(40) NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    description text NOT NULL,
    tools_str text NOT NULL,
    credentials_str text NOT NULL,
    privacy_policy varchar(255),
    custom_disclaimer text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tool_api_provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_api_tool_provider UNIQUE (name, tenant_id)
);

CREATE TABLE tool_builtin_providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(256) DEFAULT 'API KEY 1' NOT NULL,
    tenant_id uuid,
    user_id uuid NOT NULL,
    provider varchar(256) NOT NULL,
    encrypted_credentials text,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    is_default boolean DEFAULT false NOT NULL,
    credential_type varchar(32) DEFAULT 'api-key' NOT NULL,
    expires_at bigint DEFAULT '-1'::integer NOT NULL,
    visibility varchar(40) DEFAULT 'all_team_members' NOT NULL,
    CONSTRAINT tool_builtin_provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_builtin_tool_provider UNIQUE (tenant_id, provider, name)
);

CREATE TABLE tool_conversation_variables (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    variables_str text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tool_conversation_variables_pkey PRIMARY KEY (id)
);
CREATE INDEX conversation_id_idx ON tool_conversation_variables (conversation_id);
CREATE INDEX user_id_idx ON tool_conversation_variables (user_id);

CREATE TABLE tool_files (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    conversation_id uuid,
    file_key varchar(255) NOT NULL,
    mimetype varchar(255) NOT NULL,
    original_url varchar(2048),
    name varchar NOT NULL,
    size integer NOT NULL,
    CONSTRAINT tool_file_pkey PRIMARY KEY (id)
);
CREATE INDEX tool_file_conversation_id_idx ON tool_files (conversation_id);

CREATE TABLE tool_label_bindings (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tool_id varchar(64) NOT NULL,
    tool_type varchar(40) NOT NULL,
    label_name varchar(40) NOT NULL,
    CONSTRAINT tool_label_bind_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tool_label_bind UNIQUE (tool_id, label_name)
);

CREATE TABLE tool_mcp_providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(40) NOT NULL,
    server_identifier varchar(64) NOT NULL,
    server_url text NOT NULL,
    server_url_hash varchar(64) NOT NULL,
    icon varchar(255),
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    encrypted_credentials text,
    authed boolean NOT NULL,
    tools text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    timeout double precision DEFAULT 30 NOT NULL,
    sse_read_timeout double precision DEFAULT 300 NOT NULL,
    encrypted_headers text,
    identity_mode varchar(32) DEFAULT 'off' NOT NULL,
    CONSTRAINT tool_mcp_provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_mcp_provider_server_url UNIQUE (tenant_id, server_url_hash),
    CONSTRAINT unique_mcp_provider_name UNIQUE (tenant_id, name),
    CONSTRAINT unique_mcp_provider_server_identifier UNIQUE (tenant_id, server_identifier)
);

CREATE TABLE tool_model_invokes (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    provider varchar(255) NOT NULL,
    tool_type varchar(40) NOT NULL,
    tool_name varchar(128) NOT NULL,
    model_parameters text NOT NULL,
    prompt_messages text NOT NULL,
    model_response text NOT NULL,
    prompt_tokens integer DEFAULT 0 NOT NULL,
    answer_tokens integer DEFAULT 0 NOT NULL,
    answer_unit_price numeric(10, 4) NOT NULL,
    answer_price_unit numeric(10, 7) DEFAULT 0.001 NOT NULL,
    provider_response_latency double precision DEFAULT 0 NOT NULL,
    total_price numeric(10, 7),
    currency varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tool_model_invoke_pkey PRIMARY KEY (id)
);

CREATE TABLE tool_oauth_system_clients (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    plugin_id varchar(512) NOT NULL,
    provider varchar(255) NOT NULL,
    encrypted_oauth_params text NOT NULL,
    CONSTRAINT tool_oauth_system_client_pkey PRIMARY KEY (id),
    CONSTRAINT tool_oauth_system_client_plugin_id_provider_idx UNIQUE (plugin_id, provider)
);

CREATE TABLE tool_oauth_tenant_clients (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    plugin_id varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    encrypted_oauth_params text NOT NULL,
    CONSTRAINT tool_oauth_tenant_client_pkey PRIMARY KEY (id),
    CONSTRAINT unique_tool_oauth_tenant_client UNIQUE (tenant_id, plugin_id, provider)
);

CREATE TABLE tool_published_apps (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    user_id uuid NOT NULL,
    description text NOT NULL,
    llm_description text NOT NULL,
    query_description text NOT NULL,
    query_name varchar(40) NOT NULL,
    tool_name varchar(40) NOT NULL,
    author varchar(40) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT published_app_tool_pkey PRIMARY KEY (id),
    CONSTRAINT unique_published_app_tool UNIQUE (app_id, user_id)
);

CREATE TABLE tool_workflow_providers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    label varchar(255) DEFAULT '' NOT NULL,
    icon varchar(255) NOT NULL,
    app_id uuid NOT NULL,
    version varchar(255) DEFAULT '' NOT NULL,
    user_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    description text NOT NULL,
    parameter_configuration text DEFAULT '[]' NOT NULL,
    privacy_policy varchar(255) DEFAULT '',
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT tool_workflow_provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_workflow_tool_provider UNIQUE (name, tenant_id),
    CONSTRAINT unique_workflow_tool_provider_app_id UNIQUE (tenant_id, app_id)
);

CREATE TABLE trace_app_config (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    tracing_provider varchar(255),
    tracing_config json,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    CONSTRAINT trace_app_config_pkey PRIMARY KEY (id)
);
CREATE INDEX trace_app_config_app_id_idx ON trace_app_config (app_id);

CREATE TABLE trial_apps (
    id uuid NOT NULL,
    app_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    trial_limit integer NOT NULL,
    CONSTRAINT trial_app_pkey PRIMARY KEY (id),
    CONSTRAINT unique_trail_app_id UNIQUE (app_id)
);
CREATE INDEX trial_app_app_id_idx ON trial_apps (app_id);
CREATE INDEX trial_app_tenant_id_idx ON trial_apps (tenant_id);

CREATE TABLE trigger_oauth_system_clients (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    plugin_id varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    encrypted_oauth_params text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT trigger_oauth_system_client_pkey PRIMARY KEY (id),
    CONSTRAINT trigger_oauth_system_client_plugin_id_provider_idx UNIQUE (plugin_id, provider)
);

CREATE TABLE trigger_oauth_tenant_clients (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    plugin_id varchar(255) NOT NULL,
    provider varchar(255) NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    encrypted_oauth_params text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT trigger_oauth_tenant_client_pkey PRIMARY KEY (id),
    CONSTRAINT unique_trigger_oauth_tenant_client UNIQUE (tenant_id, plugin_id, provider)
);

CREATE TABLE trigger_subscriptions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    name varchar(255) NOT NULL,
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    provider_id varchar(255) NOT NULL,
    endpoint_id varchar(255) NOT NULL,
    parameters json NOT NULL,
    properties json NOT NULL,
    credentials json NOT NULL,
    credential_type varchar(50) NOT NULL,
    credential_expires_at integer NOT NULL,
    expires_at integer NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    visibility varchar(40) DEFAULT 'all_team_members' NOT NULL,
    CONSTRAINT trigger_provider_pkey PRIMARY KEY (id),
    CONSTRAINT unique_trigger_provider UNIQUE (tenant_id, provider_id, name)
);
CREATE UNIQUE INDEX idx_trigger_providers_endpoint ON trigger_subscriptions (endpoint_id);
CREATE INDEX idx_trigger_providers_tenant_endpoint ON trigger_subscriptions (tenant_id, endpoint_id);
CREATE INDEX idx_trigger_providers_tenant_provider ON trigger_subscriptions (tenant_id, provider_id);

CREATE TABLE upload_files (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    storage_type varchar(255) NOT NULL,
    key varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    size integer NOT NULL,
    extension varchar(255) NOT NULL,
    mime_type varchar(255),
    created_by_role varchar(255) DEFAULT 'account' NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    used boolean DEFAULT false NOT NULL,
    used_by uuid,
    used_at timestamp without time zone,
    hash varchar(255),
    source_url text DEFAULT ''::character varying NOT NULL,
    CONSTRAINT upload_file_pkey PRIMARY KEY (id)
);
CREATE INDEX upload_file_tenant_idx ON upload_files (tenant_id);

CREATE TABLE whitelists (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid,
    category varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT whitelists_pkey PRIMARY KEY (id)
);
CREATE INDEX whitelists_tenant_idx ON whitelists (tenant_id);

CREATE TABLE workflow_agent_node_bindings (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    node_id varchar(255) NOT NULL,
    binding_type varchar(32) NOT NULL,
    agent_id uuid,
    current_snapshot_id uuid,
    node_job_config text NOT NULL,
    created_by uuid,
    updated_by uuid,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    workflow_version varchar(255) NOT NULL,
    CONSTRAINT workflow_agent_node_binding_pkey PRIMARY KEY (id),
    CONSTRAINT workflow_agent_node_binding_node_version_unique UNIQUE (tenant_id, workflow_id, workflow_version, node_id)
);
CREATE INDEX workflow_agent_node_binding_agent_idx ON workflow_agent_node_bindings (tenant_id, agent_id);
CREATE INDEX workflow_agent_node_binding_app_idx ON workflow_agent_node_bindings (tenant_id, app_id);
CREATE INDEX workflow_agent_node_binding_current_snapshot_idx ON workflow_agent_node_bindings (tenant_id, current_snapshot_id);
CREATE INDEX workflow_agent_node_binding_workflow_version_idx ON workflow_agent_node_bindings (tenant_id, workflow_id, workflow_version);

CREATE TABLE workflow_app_logs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    workflow_run_id uuid NOT NULL,
    created_from varchar(255) NOT NULL,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    CONSTRAINT workflow_app_log_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_app_log_app_idx ON workflow_app_logs (tenant_id, app_id);
CREATE INDEX workflow_app_log_workflow_run_id_idx ON workflow_app_logs (workflow_run_id);

CREATE TABLE workflow_archive_logs (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    workflow_run_id uuid NOT NULL,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    log_id uuid,
    log_created_at timestamp without time zone,
    log_created_from varchar(255),
    run_version varchar(255) NOT NULL,
    run_status varchar(255) NOT NULL,
    run_triggered_from varchar(255) NOT NULL,
    run_error text,
    run_elapsed_time double precision DEFAULT 0 NOT NULL,
    run_total_tokens bigint DEFAULT 0 NOT NULL,
    run_total_steps integer DEFAULT 0,
    run_created_at timestamp without time zone NOT NULL,
    run_finished_at timestamp without time zone,
    run_exceptions_count integer DEFAULT 0,
    trigger_metadata text,
    archived_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow_archive_log_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_archive_log_app_idx ON workflow_archive_logs (tenant_id, app_id);
CREATE INDEX workflow_archive_log_run_created_at_idx ON workflow_archive_logs (run_created_at);
CREATE INDEX workflow_archive_log_workflow_run_id_idx ON workflow_archive_logs (workflow_run_id);

CREATE TABLE workflow_comment_mentions (
    id uuid NOT NULL,
    comment_id uuid NOT NULL,
    reply_id uuid,
    mentioned_user_id uuid NOT NULL,
    CONSTRAINT workflow_comment_mentions_pkey PRIMARY KEY (id)
);
CREATE INDEX comment_mentions_comment_idx ON workflow_comment_mentions (comment_id);
CREATE INDEX comment_mentions_reply_idx ON workflow_comment_mentions (reply_id);
CREATE INDEX comment_mentions_user_idx ON workflow_comment_mentions (mentioned_user_id);

CREATE TABLE workflow_comment_replies (
    id uuid NOT NULL,
    comment_id uuid NOT NULL,
    content text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow_comment_replies_pkey PRIMARY KEY (id)
);
CREATE INDEX comment_replies_comment_idx ON workflow_comment_replies (comment_id);
CREATE INDEX comment_replies_created_at_idx ON workflow_comment_replies (created_at);

CREATE TABLE workflow_comments (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    position_x double precision NOT NULL,
    position_y double precision NOT NULL,
    content text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    resolved boolean DEFAULT false NOT NULL,
    resolved_at timestamp without time zone,
    resolved_by uuid,
    CONSTRAINT workflow_comments_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_comments_app_idx ON workflow_comments (tenant_id, app_id);
CREATE INDEX workflow_comments_created_at_idx ON workflow_comments (created_at);

CREATE TABLE workflow_conversation_variables (
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    app_id uuid NOT NULL,
    data text NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow__conversation_variables_pkey PRIMARY KEY (id, conversation_id)
);
CREATE INDEX workflow_conversation_variables_app_id_idx ON workflow_conversation_variables (app_id);
CREATE INDEX workflow_conversation_variables_conversation_id_idx ON workflow_conversation_variables (conversation_id);
CREATE INDEX workflow_conversation_variables_created_at_idx ON workflow_conversation_variables (created_at);

CREATE TABLE workflow_draft_variable_files (
    id uuid DEFAULT uuidv7() NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    user_id uuid NOT NULL,
    upload_file_id uuid NOT NULL,
    size bigint NOT NULL,
    length integer,
    value_type varchar(20) NOT NULL,
    CONSTRAINT workflow_draft_variable_files_pkey PRIMARY KEY (id)
);

CREATE TABLE workflow_draft_variables (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    app_id uuid NOT NULL,
    last_edited_at timestamp without time zone,
    node_id varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(255) NOT NULL,
    selector varchar(255) NOT NULL,
    value_type varchar(20) NOT NULL,
    value text NOT NULL,
    visible boolean NOT NULL,
    editable boolean NOT NULL,
    node_execution_id uuid,
    file_id uuid,
    is_default_value boolean DEFAULT false NOT NULL,
    user_id uuid,
    CONSTRAINT workflow_draft_variables_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_draft_variable_file_id_idx ON workflow_draft_variables (file_id);
CREATE UNIQUE INDEX workflow_draft_variables_app_id_user_id_key ON workflow_draft_variables (app_id, user_id, node_id, name);

CREATE TABLE workflow_node_execution_offload (
    id uuid DEFAULT uuidv7() NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    node_execution_id uuid,
    type varchar(20) NOT NULL,
    file_id uuid NOT NULL,
    CONSTRAINT workflow_node_execution_offload_pkey PRIMARY KEY (id),
    CONSTRAINT workflow_node_execution_offload_node_execution_id_key UNIQUE (node_execution_id, type)
);

CREATE TABLE workflow_node_executions (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    triggered_from varchar(255) NOT NULL,
    workflow_run_id uuid,
    index integer NOT NULL,
    predecessor_node_id varchar(255),
    node_execution_id varchar(255),
    node_id varchar(255) NOT NULL,
    node_type varchar(255) NOT NULL,
    title varchar(255) NOT NULL,
    inputs text,
    process_data text,
    outputs text,
    status varchar(255) NOT NULL,
    error text,
    elapsed_time double precision DEFAULT 0 NOT NULL,
    execution_metadata text,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    finished_at timestamp without time zone,
    CONSTRAINT workflow_node_execution_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_node_execution_id_idx ON workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from, node_execution_id);
CREATE INDEX workflow_node_execution_node_run_idx ON workflow_node_executions (tenant_id, app_id, workflow_id, triggered_from, node_id);
CREATE INDEX workflow_node_execution_workflow_run_id_idx ON workflow_node_executions (workflow_run_id);
CREATE INDEX workflow_node_executions_tenant_id_idx ON workflow_node_executions (tenant_id, workflow_id, node_id, created_at DESC);

CREATE TABLE workflow_pause_reasons (
    id uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    pause_id uuid NOT NULL,
    type_ varchar(20) NOT NULL,
    form_id varchar(36) NOT NULL,
    message varchar(255) NOT NULL,
    node_id varchar(255) NOT NULL,
    CONSTRAINT workflow_pause_reasons_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_pause_reasons_pause_id_idx ON workflow_pause_reasons (pause_id);

CREATE TABLE workflow_pauses (
    id uuid DEFAULT uuidv7() NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    workflow_id uuid NOT NULL,
    workflow_run_id uuid NOT NULL,
    resumed_at timestamp without time zone,
    state_object_key varchar(255) NOT NULL,
    CONSTRAINT workflow_pauses_pkey PRIMARY KEY (id),
    CONSTRAINT workflow_pauses_workflow_run_id_key UNIQUE (workflow_run_id)
);

CREATE TABLE workflow_plugin_triggers (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    app_id uuid NOT NULL,
    node_id varchar(64) NOT NULL,
    tenant_id uuid NOT NULL,
    provider_id varchar(512) NOT NULL,
    event_name varchar(255) NOT NULL,
    subscription_id varchar(255) NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow_plugin_trigger_pkey PRIMARY KEY (id),
    CONSTRAINT uniq_app_node_subscription UNIQUE (app_id, node_id)
);
CREATE INDEX workflow_plugin_trigger_tenant_subscription_idx ON workflow_plugin_triggers (tenant_id, subscription_id, event_name);

CREATE TABLE workflow_runs (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    triggered_from varchar(255) NOT NULL,
    version varchar(255) NOT NULL,
    graph text,
    inputs text,
    status varchar(255) NOT NULL,
    outputs text,
    error text,
    elapsed_time double precision DEFAULT 0 NOT NULL,
    total_tokens bigint DEFAULT 0 NOT NULL,
    total_steps integer DEFAULT 0,
    created_by_role varchar(255) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    finished_at timestamp without time zone,
    exceptions_count integer DEFAULT 0,
    CONSTRAINT workflow_run_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_run_created_at_id_idx ON workflow_runs (created_at, id);
CREATE INDEX workflow_run_triggerd_from_idx ON workflow_runs (tenant_id, app_id, triggered_from);

CREATE TABLE workflow_schedule_plans (
    id uuid DEFAULT uuidv7() NOT NULL,
    app_id uuid NOT NULL,
    node_id varchar(64) NOT NULL,
    tenant_id uuid NOT NULL,
    cron_expression varchar(255) NOT NULL,
    timezone varchar(64) NOT NULL,
    next_run_at timestamp without time zone,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow_schedule_plan_pkey PRIMARY KEY (id),
    CONSTRAINT uniq_app_node UNIQUE (app_id, node_id)
);
CREATE INDEX workflow_schedule_plan_next_idx ON workflow_schedule_plans (next_run_at);

CREATE TABLE workflow_trigger_logs (
    id uuid DEFAULT uuidv7() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    workflow_id uuid NOT NULL,
    workflow_run_id uuid,
    root_node_id varchar(255),
    trigger_metadata text NOT NULL,
    trigger_type varchar(50) NOT NULL,
    trigger_data text NOT NULL,
    inputs text NOT NULL,
    outputs text,
    status varchar(50) NOT NULL,
    error text,
    queue_name varchar(100) NOT NULL,
    celery_task_id varchar(255),
    created_by_role varchar(255) NOT NULL,
    created_by varchar(255) NOT NULL,
    retry_count integer NOT NULL,
    elapsed_time double precision,
    total_tokens integer,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    triggered_at timestamp without time zone,
    finished_at timestamp without time zone,
    CONSTRAINT workflow_trigger_log_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_trigger_log_created_at_idx ON workflow_trigger_logs (created_at);
CREATE INDEX workflow_trigger_log_status_idx ON workflow_trigger_logs (status);
CREATE INDEX workflow_trigger_log_tenant_app_idx ON workflow_trigger_logs (tenant_id, app_id);
CREATE INDEX workflow_trigger_log_workflow_id_idx ON workflow_trigger_logs (workflow_id);
CREATE INDEX workflow_trigger_log_workflow_run_idx ON workflow_trigger_logs (workflow_run_id);

CREATE TABLE workflow_webhook_triggers (
    id uuid DEFAULT uuidv7() NOT NULL,
    app_id uuid NOT NULL,
    node_id varchar(64) NOT NULL,
    tenant_id uuid NOT NULL,
    webhook_id varchar(24) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT workflow_webhook_trigger_pkey PRIMARY KEY (id),
    CONSTRAINT uniq_node UNIQUE (app_id, node_id),
    CONSTRAINT uniq_webhook_id UNIQUE (webhook_id)
);
CREATE INDEX workflow_webhook_trigger_tenant_idx ON workflow_webhook_triggers (tenant_id);

CREATE TABLE workflows (
    id uuid DEFAULT uuid_generate_v4() NOT NULL,
    tenant_id uuid NOT NULL,
    app_id uuid NOT NULL,
    type varchar(255) NOT NULL,
    version varchar(255) NOT NULL,
    marked_name varchar DEFAULT '' NOT NULL,
    marked_comment varchar DEFAULT '' NOT NULL,
    graph text NOT NULL,
    features text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP(0) NOT NULL,
    updated_by uuid,
    updated_at timestamp without time zone NOT NULL,
    environment_variables text DEFAULT '{}' NOT NULL,
    conversation_variables text DEFAULT '{}' NOT NULL,
    rag_pipeline_variables text DEFAULT '{}' NOT NULL,
    kind varchar(255),
    CONSTRAINT workflow_pkey PRIMARY KEY (id)
);
CREATE INDEX workflow_version_idx ON workflows (tenant_id, app_id, version);

ALTER TABLE oauth_access_tokens ADD CONSTRAINT fk_oauth_access_tokens_account_id FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE SET NULL;

ALTER TABLE tool_published_apps ADD CONSTRAINT tool_published_apps_app_id_fkey FOREIGN KEY (app_id) REFERENCES apps(id);

ALTER TABLE workflow_comment_mentions ADD CONSTRAINT workflow_comment_mentions_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES workflow_comments(id) ON DELETE CASCADE;

ALTER TABLE workflow_comment_mentions ADD CONSTRAINT workflow_comment_mentions_reply_id_fkey FOREIGN KEY (reply_id) REFERENCES workflow_comment_replies(id) ON DELETE CASCADE;

ALTER TABLE workflow_comment_replies ADD CONSTRAINT workflow_comment_replies_comment_id_fkey FOREIGN KEY (comment_id) REFERENCES workflow_comments(id) ON DELETE CASCADE;

ALTER SEQUENCE invitation_codes_id_seq OWNED BY invitation_codes.id;
