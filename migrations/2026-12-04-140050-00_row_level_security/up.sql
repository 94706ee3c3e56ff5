SET LOCAL lock_timeout = '10s';

-- Row-level security support (dify-schema): roles, keys, scope functions.
DO $$
BEGIN
    CREATE ROLE dify_trusted NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
    CREATE ROLE dify_service NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- The role that runs the migrations owns the tables; FORCE would shut it
-- out too, so it is trusted (a superuser is already).
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'dify_trusted', 'MEMBER') THEN
        EXECUTE format('GRANT dify_trusted TO %I', current_user);
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS dify_scope_keys (
    inner_key bytea NOT NULL,
    outer_key bytea NOT NULL
);
REVOKE ALL ON dify_scope_keys FROM PUBLIC;
INSERT INTO dify_scope_keys (inner_key, outer_key)
SELECT uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()),
       uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
WHERE NOT EXISTS (SELECT FROM dify_scope_keys);

-- The keyed hash of a scope's claims, bound to this backend and this
-- transaction.
CREATE OR REPLACE FUNCTION dify_scope_signature(claims text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED AS $f$
    SELECT encode(sha256(k.outer_key || sha256(k.inner_key || convert_to(
        claims || ':' || pg_backend_pid() || ':' || extract(epoch FROM transaction_timestamp()),
        'UTF8'))), 'hex')
    FROM dify_scope_keys k
$f$;
REVOKE ALL ON FUNCTION dify_scope_signature(text) FROM PUBLIC;

-- The verified claims of this transaction's scope (tenant, account,
-- role), or NULL: nothing set, or a value that was not signed for this
-- transaction.
CREATE OR REPLACE FUNCTION dify_scope_claims() RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL RESTRICTED AS $f$
DECLARE
    setting text := current_setting('dify.scope', true);
    parts text[];
BEGIN
    IF setting IS NULL OR setting = '' THEN
        RETURN NULL;
    END IF;
    parts := string_to_array(setting, ':');
    IF coalesce(array_length(parts, 1), 0) <> 4 THEN
        RETURN NULL;
    END IF;
    IF dify_scope_signature(parts[1] || ':' || parts[2] || ':' || parts[3]) IS DISTINCT FROM parts[4] THEN
        RETURN NULL;
    END IF;
    RETURN parts[1:3];
END
$f$;

CREATE OR REPLACE FUNCTION dify_scope_tenant() RETURNS uuid
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[1]::uuid $f$;

CREATE OR REPLACE FUNCTION dify_scope_account() RETURNS uuid
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[2]::uuid $f$;

CREATE OR REPLACE FUNCTION dify_scope_role() RETURNS text
LANGUAGE sql STABLE PARALLEL RESTRICTED AS $f$ SELECT (dify_scope_claims())[3] $f$;

-- A scope's entry: the account's role in the tenant (NULL for a
-- non-member), and the signed claims in this transaction's setting. A
-- second entry in the same transaction is refused, so a scope cannot be
-- re-pointed or nested; so is an entry into a transaction the scope did
-- not begin (its BEGIN records the moment in dify.begun), which it would
-- otherwise join and end.
CREATE OR REPLACE FUNCTION dify_scope_enter(tenant uuid, account uuid) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $f$
DECLARE
    member_role text;
    claims text;
    begun text := current_setting('dify.begun', true);
BEGIN
    IF begun IS NULL OR begun = '' OR begun::timestamptz <> transaction_timestamp() THEN
        RAISE EXCEPTION 'the connection was already inside a transaction; a scope begins its own'
            USING ERRCODE = '25001';
    END IF;
    IF dify_scope_claims() IS NOT NULL THEN
        RAISE EXCEPTION 'a tenant scope is already open in this transaction'
            USING ERRCODE = '25001';
    END IF;
    IF NOT EXISTS (SELECT FROM dify_scope_keys) THEN
        RAISE EXCEPTION 'dify_scope_keys is empty: apply the migrations again';
    END IF;
    SELECT j.role::text INTO member_role
    FROM tenant_account_joins j
    WHERE j.tenant_id = tenant AND j.account_id = account;
    IF member_role IS NULL THEN
        RETURN NULL;
    END IF;
    claims := tenant::text || ':' || account::text || ':' || member_role;
    PERFORM set_config('dify.scope', claims || ':' || dify_scope_signature(claims), true);
    RETURN member_role;
END
$f$;

-- These functions resolve names (tables, and types such as uuid) in the
-- schema they were made in and pg_catalog, never in a caller's temporary
-- schema.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION dify_scope_signature(text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_claims() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_enter(uuid, uuid) SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_tenant() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_account() SET search_path = pg_catalog, %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION dify_scope_role() SET search_path = pg_catalog, %I, pg_temp', current_schema());
END $$;
COMMENT ON FUNCTION dify_scope_enter(uuid, uuid) IS 'dify-schema eb9646f424dfc8d1';


ALTER TABLE account_integrates ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_integrates FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON account_integrates TO dify_trusted;
CREATE POLICY dify_trusted_access ON account_integrates TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON account_integrates IS 'dify-schema 123bc8e16353c3d9';


ALTER TABLE account_plugin_permissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_plugin_permissions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON account_plugin_permissions TO dify_trusted;
CREATE POLICY dify_scope_read ON account_plugin_permissions FOR SELECT USING (account_plugin_permissions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON account_plugin_permissions IS 'dify-schema 8a3901b15584404b';
CREATE POLICY dify_scope_insert ON account_plugin_permissions FOR INSERT WITH CHECK (account_plugin_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON account_plugin_permissions IS 'dify-schema ee4e0fc00d262aab';
CREATE POLICY dify_scope_update ON account_plugin_permissions FOR UPDATE USING (account_plugin_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (account_plugin_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON account_plugin_permissions IS 'dify-schema 79c8f0e3bd997509';
CREATE POLICY dify_scope_delete ON account_plugin_permissions FOR DELETE USING (account_plugin_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON account_plugin_permissions IS 'dify-schema 434420721c353bb4';
CREATE POLICY dify_trusted_access ON account_plugin_permissions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON account_plugin_permissions IS 'dify-schema 0b89dda3c719aff9';
GRANT SELECT, INSERT, UPDATE, DELETE ON account_plugin_permissions TO dify_service;


ALTER TABLE account_trial_app_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_trial_app_records FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON account_trial_app_records TO dify_trusted;
CREATE POLICY dify_trusted_access ON account_trial_app_records TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON account_trial_app_records IS 'dify-schema 14a10d086993e670';


ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON accounts TO dify_trusted;
CREATE POLICY dify_scope_read ON accounts FOR SELECT USING (id IN (SELECT account_id FROM tenant_account_joins WHERE tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON accounts IS 'dify-schema 2ba1a2d85cf66677';
CREATE POLICY dify_trusted_access ON accounts TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON accounts IS 'dify-schema a384bd0194f0b9e7';
GRANT SELECT ON accounts TO dify_service;


ALTER TABLE agent_config_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_config_drafts FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_drafts TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_config_drafts FOR SELECT USING (agent_config_drafts.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_config_drafts IS 'dify-schema 724e0b3f95c3f398';
CREATE POLICY dify_scope_insert ON agent_config_drafts FOR INSERT WITH CHECK (agent_config_drafts.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON agent_config_drafts IS 'dify-schema 07ea5b25119d82c0';
CREATE POLICY dify_scope_update ON agent_config_drafts FOR UPDATE USING (agent_config_drafts.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (agent_config_drafts.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON agent_config_drafts IS 'dify-schema 59254078aea50b70';
CREATE POLICY dify_scope_delete ON agent_config_drafts FOR DELETE USING (agent_config_drafts.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON agent_config_drafts IS 'dify-schema 0133b991a71bb3e9';
CREATE POLICY dify_trusted_access ON agent_config_drafts TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_config_drafts IS 'dify-schema e94acec733effc31';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_drafts TO dify_service;


ALTER TABLE agent_config_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_config_revisions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_revisions TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_config_revisions FOR SELECT USING (agent_config_revisions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_config_revisions IS 'dify-schema 7cfea5c519b2b361';
CREATE POLICY dify_scope_insert ON agent_config_revisions FOR INSERT WITH CHECK (agent_config_revisions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON agent_config_revisions IS 'dify-schema c7d719315f8d742f';
CREATE POLICY dify_scope_update ON agent_config_revisions FOR UPDATE USING (agent_config_revisions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (agent_config_revisions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON agent_config_revisions IS 'dify-schema f8f43c34c598bb1f';
CREATE POLICY dify_scope_delete ON agent_config_revisions FOR DELETE USING (agent_config_revisions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON agent_config_revisions IS 'dify-schema 43abd427a203628a';
CREATE POLICY dify_trusted_access ON agent_config_revisions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_config_revisions IS 'dify-schema 340f132027da2c12';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_revisions TO dify_service;


ALTER TABLE agent_config_snapshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_config_snapshots FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_snapshots TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_config_snapshots FOR SELECT USING (agent_config_snapshots.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_config_snapshots IS 'dify-schema b86c41865b5f1e64';
CREATE POLICY dify_scope_insert ON agent_config_snapshots FOR INSERT WITH CHECK (agent_config_snapshots.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON agent_config_snapshots IS 'dify-schema f93c5f76b9602a38';
CREATE POLICY dify_scope_update ON agent_config_snapshots FOR UPDATE USING (agent_config_snapshots.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (agent_config_snapshots.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON agent_config_snapshots IS 'dify-schema 0b6e4259905dc295';
CREATE POLICY dify_scope_delete ON agent_config_snapshots FOR DELETE USING (agent_config_snapshots.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON agent_config_snapshots IS 'dify-schema 119cb958865331f0';
CREATE POLICY dify_trusted_access ON agent_config_snapshots TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_config_snapshots IS 'dify-schema 85211e85ba0417a3';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_config_snapshots TO dify_service;


ALTER TABLE agent_debug_conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_debug_conversations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_debug_conversations TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_debug_conversations FOR SELECT USING (agent_debug_conversations.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_debug_conversations IS 'dify-schema 3c3950f58bc6628c';
CREATE POLICY dify_scope_insert ON agent_debug_conversations FOR INSERT WITH CHECK (agent_debug_conversations.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON agent_debug_conversations IS 'dify-schema 81dfd79e9f4173aa';
CREATE POLICY dify_scope_update ON agent_debug_conversations FOR UPDATE USING (agent_debug_conversations.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (agent_debug_conversations.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON agent_debug_conversations IS 'dify-schema ad29cd40be738d3b';
CREATE POLICY dify_scope_delete ON agent_debug_conversations FOR DELETE USING (agent_debug_conversations.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON agent_debug_conversations IS 'dify-schema 329bd8493cc0f043';
CREATE POLICY dify_trusted_access ON agent_debug_conversations TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_debug_conversations IS 'dify-schema 19aa9cee8ce7691f';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_debug_conversations TO dify_service;


ALTER TABLE agent_drive_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_drive_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_drive_files TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_drive_files FOR SELECT USING (agent_drive_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_drive_files IS 'dify-schema da1d4d94055ab276';
CREATE POLICY dify_scope_insert ON agent_drive_files FOR INSERT WITH CHECK (agent_drive_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON agent_drive_files IS 'dify-schema 098ff50903a1da14';
CREATE POLICY dify_scope_update ON agent_drive_files FOR UPDATE USING (agent_drive_files.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (agent_drive_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON agent_drive_files IS 'dify-schema bfe378b0bc754126';
CREATE POLICY dify_scope_delete ON agent_drive_files FOR DELETE USING (agent_drive_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON agent_drive_files IS 'dify-schema 6a4d80ba6b160725';
CREATE POLICY dify_trusted_access ON agent_drive_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_drive_files IS 'dify-schema 8154e88503155430';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_drive_files TO dify_service;


ALTER TABLE agent_runtime_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_runtime_sessions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_runtime_sessions TO dify_trusted;
CREATE POLICY dify_scope_read ON agent_runtime_sessions FOR SELECT USING (agent_runtime_sessions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agent_runtime_sessions IS 'dify-schema 0db19188a04dcbe7';
CREATE POLICY dify_scope_insert ON agent_runtime_sessions FOR INSERT WITH CHECK (agent_runtime_sessions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON agent_runtime_sessions IS 'dify-schema 4eecf50ab24fdc52';
CREATE POLICY dify_scope_update ON agent_runtime_sessions FOR UPDATE USING (agent_runtime_sessions.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (agent_runtime_sessions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON agent_runtime_sessions IS 'dify-schema 230333c682fad9d8';
CREATE POLICY dify_scope_delete ON agent_runtime_sessions FOR DELETE USING (agent_runtime_sessions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON agent_runtime_sessions IS 'dify-schema 63182632ebbd05a2';
CREATE POLICY dify_trusted_access ON agent_runtime_sessions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agent_runtime_sessions IS 'dify-schema 3871bde4e4d582c6';
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_runtime_sessions TO dify_service;


ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
ALTER TABLE agents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON agents TO dify_trusted;
CREATE POLICY dify_scope_read ON agents FOR SELECT USING (agents.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON agents IS 'dify-schema 86dc010749ad1eeb';
CREATE POLICY dify_scope_insert ON agents FOR INSERT WITH CHECK (agents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON agents IS 'dify-schema 01e62cac902047c5';
CREATE POLICY dify_scope_update ON agents FOR UPDATE USING (agents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (agents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON agents IS 'dify-schema 3f8419a3ec4f17fa';
CREATE POLICY dify_scope_delete ON agents FOR DELETE USING (agents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON agents IS 'dify-schema 718d69477f80f04d';
CREATE POLICY dify_trusted_access ON agents TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON agents IS 'dify-schema 84e29e60328829fa';
GRANT SELECT, INSERT, UPDATE, DELETE ON agents TO dify_service;


ALTER TABLE api_based_extensions ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_based_extensions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_based_extensions TO dify_trusted;
CREATE POLICY dify_scope_read ON api_based_extensions FOR SELECT USING (api_based_extensions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON api_based_extensions IS 'dify-schema 2f95040fccfa09f8';
CREATE POLICY dify_scope_insert ON api_based_extensions FOR INSERT WITH CHECK (api_based_extensions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON api_based_extensions IS 'dify-schema f7db011a8249086f';
CREATE POLICY dify_scope_update ON api_based_extensions FOR UPDATE USING (api_based_extensions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (api_based_extensions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON api_based_extensions IS 'dify-schema bc4f4445272551ff';
CREATE POLICY dify_scope_delete ON api_based_extensions FOR DELETE USING (api_based_extensions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON api_based_extensions IS 'dify-schema ff48aeec0c77c622';
CREATE POLICY dify_trusted_access ON api_based_extensions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON api_based_extensions IS 'dify-schema dabdc5b65e83338d';
GRANT SELECT, INSERT, UPDATE, DELETE ON api_based_extensions TO dify_service;


ALTER TABLE api_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_requests FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_requests TO dify_trusted;
CREATE POLICY dify_scope_read ON api_requests FOR SELECT USING (api_requests.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON api_requests IS 'dify-schema 2cef97eaddf42748';
CREATE POLICY dify_scope_insert ON api_requests FOR INSERT WITH CHECK (api_requests.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON api_requests IS 'dify-schema 42284ea55b238b4d';
CREATE POLICY dify_scope_update ON api_requests FOR UPDATE USING (api_requests.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (api_requests.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON api_requests IS 'dify-schema b51b3e65fda934b2';
CREATE POLICY dify_scope_delete ON api_requests FOR DELETE USING (api_requests.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON api_requests IS 'dify-schema f6c7e2d7fce91fb9';
CREATE POLICY dify_trusted_access ON api_requests TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON api_requests IS 'dify-schema ccd749984fdfb695';
GRANT SELECT, INSERT, UPDATE, DELETE ON api_requests TO dify_service;


ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO dify_trusted;
CREATE POLICY dify_scope_read ON api_tokens FOR SELECT USING (api_tokens.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON api_tokens IS 'dify-schema 07abcd364e639a25';
CREATE POLICY dify_scope_insert ON api_tokens FOR INSERT WITH CHECK (api_tokens.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON api_tokens IS 'dify-schema 2d39519da779c283';
CREATE POLICY dify_scope_update ON api_tokens FOR UPDATE USING (api_tokens.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (api_tokens.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON api_tokens IS 'dify-schema e8dd9750cdee87da';
CREATE POLICY dify_scope_delete ON api_tokens FOR DELETE USING (api_tokens.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON api_tokens IS 'dify-schema 6f3bc676b209a681';
CREATE POLICY dify_trusted_access ON api_tokens TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON api_tokens IS 'dify-schema 6c70f95f6620af4a';
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO dify_service;


ALTER TABLE app_annotation_hit_histories ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_annotation_hit_histories FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_annotation_hit_histories TO dify_trusted;
CREATE POLICY dify_scope_read ON app_annotation_hit_histories FOR SELECT USING (app_annotation_hit_histories.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON app_annotation_hit_histories IS 'dify-schema 99a491c1da5c39bc';
CREATE POLICY dify_scope_insert ON app_annotation_hit_histories FOR INSERT WITH CHECK (app_annotation_hit_histories.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON app_annotation_hit_histories IS 'dify-schema a92325aa72287716';
CREATE POLICY dify_scope_update ON app_annotation_hit_histories FOR UPDATE USING (app_annotation_hit_histories.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (app_annotation_hit_histories.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON app_annotation_hit_histories IS 'dify-schema f3a1536b19372b63';
CREATE POLICY dify_scope_delete ON app_annotation_hit_histories FOR DELETE USING (app_annotation_hit_histories.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON app_annotation_hit_histories IS 'dify-schema 5fea3c282ea15661';
CREATE POLICY dify_trusted_access ON app_annotation_hit_histories TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_annotation_hit_histories IS 'dify-schema 9b8d175f59e9019e';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_annotation_hit_histories TO dify_service;


ALTER TABLE app_annotation_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_annotation_settings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_annotation_settings TO dify_trusted;
CREATE POLICY dify_scope_read ON app_annotation_settings FOR SELECT USING (app_annotation_settings.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON app_annotation_settings IS 'dify-schema db66601d95daa345';
CREATE POLICY dify_scope_insert ON app_annotation_settings FOR INSERT WITH CHECK (app_annotation_settings.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON app_annotation_settings IS 'dify-schema 876aaef1fa308d0e';
CREATE POLICY dify_scope_update ON app_annotation_settings FOR UPDATE USING (app_annotation_settings.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (app_annotation_settings.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON app_annotation_settings IS 'dify-schema ed559a97f7fa8f7a';
CREATE POLICY dify_scope_delete ON app_annotation_settings FOR DELETE USING (app_annotation_settings.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON app_annotation_settings IS 'dify-schema e941b2807a1d3680';
CREATE POLICY dify_trusted_access ON app_annotation_settings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_annotation_settings IS 'dify-schema e9a45fe445d3f29d';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_annotation_settings TO dify_service;


ALTER TABLE app_dataset_joins ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_dataset_joins FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_dataset_joins TO dify_trusted;
CREATE POLICY dify_scope_read ON app_dataset_joins FOR SELECT USING (app_dataset_joins.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON app_dataset_joins IS 'dify-schema 460060827f521f45';
CREATE POLICY dify_scope_insert ON app_dataset_joins FOR INSERT WITH CHECK (app_dataset_joins.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON app_dataset_joins IS 'dify-schema ba8f722dd3a263bc';
CREATE POLICY dify_scope_update ON app_dataset_joins FOR UPDATE USING (app_dataset_joins.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (app_dataset_joins.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON app_dataset_joins IS 'dify-schema aba4e35c4cc26cb3';
CREATE POLICY dify_scope_delete ON app_dataset_joins FOR DELETE USING (app_dataset_joins.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON app_dataset_joins IS 'dify-schema aeb5dcf42b76ca53';
CREATE POLICY dify_trusted_access ON app_dataset_joins TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_dataset_joins IS 'dify-schema 160dcc7147f7e0e8';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_dataset_joins TO dify_service;


ALTER TABLE app_mcp_servers ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_mcp_servers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_mcp_servers TO dify_trusted;
CREATE POLICY dify_scope_read ON app_mcp_servers FOR SELECT USING (app_mcp_servers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON app_mcp_servers IS 'dify-schema ec1f5219a73b5422';
CREATE POLICY dify_scope_insert ON app_mcp_servers FOR INSERT WITH CHECK (app_mcp_servers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON app_mcp_servers IS 'dify-schema 05f72aac96de369a';
CREATE POLICY dify_scope_update ON app_mcp_servers FOR UPDATE USING (app_mcp_servers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (app_mcp_servers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON app_mcp_servers IS 'dify-schema 633e8c8994996751';
CREATE POLICY dify_scope_delete ON app_mcp_servers FOR DELETE USING (app_mcp_servers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON app_mcp_servers IS 'dify-schema 968f595d58af8f10';
CREATE POLICY dify_trusted_access ON app_mcp_servers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_mcp_servers IS 'dify-schema aeb8df99d127800b';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_mcp_servers TO dify_service;


ALTER TABLE app_model_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_model_configs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_model_configs TO dify_trusted;
CREATE POLICY dify_scope_read ON app_model_configs FOR SELECT USING (app_model_configs.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON app_model_configs IS 'dify-schema 11bbfe39a9f726d7';
CREATE POLICY dify_scope_insert ON app_model_configs FOR INSERT WITH CHECK (app_model_configs.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON app_model_configs IS 'dify-schema 3fc2081123ded6c5';
CREATE POLICY dify_scope_update ON app_model_configs FOR UPDATE USING (app_model_configs.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (app_model_configs.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON app_model_configs IS 'dify-schema e7e99d24ecd21e8f';
CREATE POLICY dify_scope_delete ON app_model_configs FOR DELETE USING (app_model_configs.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON app_model_configs IS 'dify-schema 17a81b3bcf502a51';
CREATE POLICY dify_trusted_access ON app_model_configs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_model_configs IS 'dify-schema 9e38bef5b842b11a';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_model_configs TO dify_service;


ALTER TABLE app_stars ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_stars FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_stars TO dify_trusted;
CREATE POLICY dify_scope_read ON app_stars FOR SELECT USING (app_stars.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON app_stars IS 'dify-schema 64b2ada7f3100e68';
CREATE POLICY dify_scope_insert ON app_stars FOR INSERT WITH CHECK (app_stars.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON app_stars IS 'dify-schema 94b68e5b0a0346da';
CREATE POLICY dify_scope_update ON app_stars FOR UPDATE USING (app_stars.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (app_stars.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON app_stars IS 'dify-schema 21cfb34be8807392';
CREATE POLICY dify_scope_delete ON app_stars FOR DELETE USING (app_stars.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON app_stars IS 'dify-schema 5302df0037d4a4ed';
CREATE POLICY dify_trusted_access ON app_stars TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_stars IS 'dify-schema 6cdb6a9267b9c047';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_stars TO dify_service;


ALTER TABLE app_triggers ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_triggers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON app_triggers TO dify_trusted;
CREATE POLICY dify_scope_read ON app_triggers FOR SELECT USING (app_triggers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON app_triggers IS 'dify-schema 45fe917c9ce4be85';
CREATE POLICY dify_scope_insert ON app_triggers FOR INSERT WITH CHECK (app_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON app_triggers IS 'dify-schema 15bfad36c21ffc9c';
CREATE POLICY dify_scope_update ON app_triggers FOR UPDATE USING (app_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (app_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON app_triggers IS 'dify-schema 20dff76e13b8436c';
CREATE POLICY dify_scope_delete ON app_triggers FOR DELETE USING (app_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON app_triggers IS 'dify-schema 356f73be0db6cf9b';
CREATE POLICY dify_trusted_access ON app_triggers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON app_triggers IS 'dify-schema f197435f71e5ad47';
GRANT SELECT, INSERT, UPDATE, DELETE ON app_triggers TO dify_service;


ALTER TABLE apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE apps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON apps TO dify_trusted;
CREATE POLICY dify_scope_read ON apps FOR SELECT USING (apps.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON apps IS 'dify-schema bf8160044686b37b';
CREATE POLICY dify_scope_insert ON apps FOR INSERT WITH CHECK (apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON apps IS 'dify-schema e95a93c716580d19';
CREATE POLICY dify_scope_update ON apps FOR UPDATE USING (apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON apps IS 'dify-schema e89f510cb63bed54';
CREATE POLICY dify_scope_delete ON apps FOR DELETE USING (apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON apps IS 'dify-schema 01673e3232701f6a';
CREATE POLICY dify_trusted_access ON apps TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON apps IS 'dify-schema eda12f45552f3cb0';
GRANT SELECT, INSERT, UPDATE, DELETE ON apps TO dify_service;


ALTER TABLE celery_taskmeta ENABLE ROW LEVEL SECURITY;
ALTER TABLE celery_taskmeta FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON celery_taskmeta TO dify_trusted;
CREATE POLICY dify_trusted_access ON celery_taskmeta TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON celery_taskmeta IS 'dify-schema 32d28f66a1a9a3de';


ALTER TABLE celery_tasksetmeta ENABLE ROW LEVEL SECURITY;
ALTER TABLE celery_tasksetmeta FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON celery_tasksetmeta TO dify_trusted;
CREATE POLICY dify_trusted_access ON celery_tasksetmeta TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON celery_tasksetmeta IS 'dify-schema e45bbae901d0915f';


ALTER TABLE child_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_chunks FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON child_chunks TO dify_trusted;
CREATE POLICY dify_scope_read ON child_chunks FOR SELECT USING (child_chunks.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON child_chunks IS 'dify-schema a6ac5422115859bb';
CREATE POLICY dify_scope_insert ON child_chunks FOR INSERT WITH CHECK (child_chunks.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON child_chunks IS 'dify-schema dcb63cc34f86f4b5';
CREATE POLICY dify_scope_update ON child_chunks FOR UPDATE USING (child_chunks.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (child_chunks.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON child_chunks IS 'dify-schema eedd09b6120cf6c7';
CREATE POLICY dify_scope_delete ON child_chunks FOR DELETE USING (child_chunks.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON child_chunks IS 'dify-schema bbdaa428acdb332d';
CREATE POLICY dify_trusted_access ON child_chunks TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON child_chunks IS 'dify-schema ec86990bd0396b0c';
GRANT SELECT, INSERT, UPDATE, DELETE ON child_chunks TO dify_service;


ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON conversations TO dify_trusted;
CREATE POLICY dify_scope_read ON conversations FOR SELECT USING (conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON conversations IS 'dify-schema e7405783f0d7630f';
CREATE POLICY dify_scope_insert ON conversations FOR INSERT WITH CHECK (conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON conversations IS 'dify-schema 9e164bccfe29ef4d';
CREATE POLICY dify_scope_update ON conversations FOR UPDATE USING (conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON conversations IS 'dify-schema 371fe7cfd2074096';
CREATE POLICY dify_scope_delete ON conversations FOR DELETE USING (conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON conversations IS 'dify-schema 73fcf7292749fa46';
CREATE POLICY dify_trusted_access ON conversations TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON conversations IS 'dify-schema d61b6e738b85726c';
GRANT SELECT, INSERT, UPDATE, DELETE ON conversations TO dify_service;


ALTER TABLE credential_permissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE credential_permissions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON credential_permissions TO dify_trusted;
CREATE POLICY dify_scope_read ON credential_permissions FOR SELECT USING (credential_permissions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON credential_permissions IS 'dify-schema 3b0e47f7941a997b';
CREATE POLICY dify_scope_insert ON credential_permissions FOR INSERT WITH CHECK (credential_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON credential_permissions IS 'dify-schema dfbb58aa31ec6d85';
CREATE POLICY dify_scope_update ON credential_permissions FOR UPDATE USING (credential_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (credential_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON credential_permissions IS 'dify-schema b80a4ab5a4e855d1';
CREATE POLICY dify_scope_delete ON credential_permissions FOR DELETE USING (credential_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON credential_permissions IS 'dify-schema e4d059c57d4a1cf0';
CREATE POLICY dify_trusted_access ON credential_permissions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON credential_permissions IS 'dify-schema b03e2d0951d1c8a3';
GRANT SELECT, INSERT, UPDATE, DELETE ON credential_permissions TO dify_service;


ALTER TABLE customized_snippets ENABLE ROW LEVEL SECURITY;
ALTER TABLE customized_snippets FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON customized_snippets TO dify_trusted;
CREATE POLICY dify_scope_read ON customized_snippets FOR SELECT USING (customized_snippets.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON customized_snippets IS 'dify-schema 33591bebf44348d3';
CREATE POLICY dify_scope_insert ON customized_snippets FOR INSERT WITH CHECK (customized_snippets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON customized_snippets IS 'dify-schema 58d0a032a6833212';
CREATE POLICY dify_scope_update ON customized_snippets FOR UPDATE USING (customized_snippets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (customized_snippets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON customized_snippets IS 'dify-schema cc83ce918681343d';
CREATE POLICY dify_scope_delete ON customized_snippets FOR DELETE USING (customized_snippets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON customized_snippets IS 'dify-schema ff3e4534f50b62b2';
CREATE POLICY dify_trusted_access ON customized_snippets TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON customized_snippets IS 'dify-schema 9fb4aac4816c3246';
GRANT SELECT, INSERT, UPDATE, DELETE ON customized_snippets TO dify_service;


ALTER TABLE data_source_api_key_auth_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_source_api_key_auth_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON data_source_api_key_auth_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON data_source_api_key_auth_bindings FOR SELECT USING (data_source_api_key_auth_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON data_source_api_key_auth_bindings IS 'dify-schema e9f4b2f6a7a3e57c';
CREATE POLICY dify_scope_insert ON data_source_api_key_auth_bindings FOR INSERT WITH CHECK (data_source_api_key_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON data_source_api_key_auth_bindings IS 'dify-schema f9ad664a7bc1d984';
CREATE POLICY dify_scope_update ON data_source_api_key_auth_bindings FOR UPDATE USING (data_source_api_key_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (data_source_api_key_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON data_source_api_key_auth_bindings IS 'dify-schema 602e3ef10ac28882';
CREATE POLICY dify_scope_delete ON data_source_api_key_auth_bindings FOR DELETE USING (data_source_api_key_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON data_source_api_key_auth_bindings IS 'dify-schema a858fc764ee2298c';
CREATE POLICY dify_trusted_access ON data_source_api_key_auth_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON data_source_api_key_auth_bindings IS 'dify-schema 47a7598141089956';
GRANT SELECT, INSERT, UPDATE, DELETE ON data_source_api_key_auth_bindings TO dify_service;


ALTER TABLE data_source_oauth_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_source_oauth_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON data_source_oauth_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON data_source_oauth_bindings FOR SELECT USING (data_source_oauth_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON data_source_oauth_bindings IS 'dify-schema 4f400c475b0d812c';
CREATE POLICY dify_scope_insert ON data_source_oauth_bindings FOR INSERT WITH CHECK (data_source_oauth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON data_source_oauth_bindings IS 'dify-schema 5c4fa0b1fe7e7036';
CREATE POLICY dify_scope_update ON data_source_oauth_bindings FOR UPDATE USING (data_source_oauth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (data_source_oauth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON data_source_oauth_bindings IS 'dify-schema af191d4ecc7f2ee6';
CREATE POLICY dify_scope_delete ON data_source_oauth_bindings FOR DELETE USING (data_source_oauth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON data_source_oauth_bindings IS 'dify-schema 2d4201db690b4ec9';
CREATE POLICY dify_trusted_access ON data_source_oauth_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON data_source_oauth_bindings IS 'dify-schema d9136a8e11ed9195';
GRANT SELECT, INSERT, UPDATE, DELETE ON data_source_oauth_bindings TO dify_service;


ALTER TABLE dataset_auto_disable_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_auto_disable_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_auto_disable_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_auto_disable_logs FOR SELECT USING (dataset_auto_disable_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON dataset_auto_disable_logs IS 'dify-schema 39ae1fb1c65c4d24';
CREATE POLICY dify_scope_insert ON dataset_auto_disable_logs FOR INSERT WITH CHECK (dataset_auto_disable_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON dataset_auto_disable_logs IS 'dify-schema f7c73d242ae1add0';
CREATE POLICY dify_scope_update ON dataset_auto_disable_logs FOR UPDATE USING (dataset_auto_disable_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (dataset_auto_disable_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON dataset_auto_disable_logs IS 'dify-schema b6db3f39dc923da8';
CREATE POLICY dify_scope_delete ON dataset_auto_disable_logs FOR DELETE USING (dataset_auto_disable_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON dataset_auto_disable_logs IS 'dify-schema 4ebc5ce746877309';
CREATE POLICY dify_trusted_access ON dataset_auto_disable_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_auto_disable_logs IS 'dify-schema 79647fb99bfb3c77';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_auto_disable_logs TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_collection_bindings TO dify_trusted;
GRANT SELECT ON dataset_collection_bindings TO dify_service;


ALTER TABLE dataset_keyword_tables ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_keyword_tables FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_keyword_tables TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_keyword_tables FOR SELECT USING (dataset_keyword_tables.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON dataset_keyword_tables IS 'dify-schema 4e23bb2e10f946a6';
CREATE POLICY dify_scope_insert ON dataset_keyword_tables FOR INSERT WITH CHECK (dataset_keyword_tables.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON dataset_keyword_tables IS 'dify-schema 61e8b8fd70f6ed07';
CREATE POLICY dify_scope_update ON dataset_keyword_tables FOR UPDATE USING (dataset_keyword_tables.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (dataset_keyword_tables.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON dataset_keyword_tables IS 'dify-schema e3409f4587727ff6';
CREATE POLICY dify_scope_delete ON dataset_keyword_tables FOR DELETE USING (dataset_keyword_tables.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON dataset_keyword_tables IS 'dify-schema 13bc9c7b5ce67c82';
CREATE POLICY dify_trusted_access ON dataset_keyword_tables TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_keyword_tables IS 'dify-schema bde7a855cc9cec19';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_keyword_tables TO dify_service;


ALTER TABLE dataset_metadata_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_metadata_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_metadata_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_metadata_bindings FOR SELECT USING (dataset_metadata_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON dataset_metadata_bindings IS 'dify-schema 1c8dba3587f95687';
CREATE POLICY dify_scope_insert ON dataset_metadata_bindings FOR INSERT WITH CHECK (dataset_metadata_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON dataset_metadata_bindings IS 'dify-schema 68bf7c36b15c51d5';
CREATE POLICY dify_scope_update ON dataset_metadata_bindings FOR UPDATE USING (dataset_metadata_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (dataset_metadata_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON dataset_metadata_bindings IS 'dify-schema c1bfcdee14e89315';
CREATE POLICY dify_scope_delete ON dataset_metadata_bindings FOR DELETE USING (dataset_metadata_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON dataset_metadata_bindings IS 'dify-schema 714ffc20a7b992f3';
CREATE POLICY dify_trusted_access ON dataset_metadata_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_metadata_bindings IS 'dify-schema fe360376dafc8c9e';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_metadata_bindings TO dify_service;


ALTER TABLE dataset_metadatas ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_metadatas FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_metadatas TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_metadatas FOR SELECT USING (dataset_metadatas.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON dataset_metadatas IS 'dify-schema 5635e2835dd92433';
CREATE POLICY dify_scope_insert ON dataset_metadatas FOR INSERT WITH CHECK (dataset_metadatas.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON dataset_metadatas IS 'dify-schema ab5414c7ed97b4b4';
CREATE POLICY dify_scope_update ON dataset_metadatas FOR UPDATE USING (dataset_metadatas.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (dataset_metadatas.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON dataset_metadatas IS 'dify-schema 724d350bdecde431';
CREATE POLICY dify_scope_delete ON dataset_metadatas FOR DELETE USING (dataset_metadatas.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON dataset_metadatas IS 'dify-schema b6727839d17fd9d9';
CREATE POLICY dify_trusted_access ON dataset_metadatas TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_metadatas IS 'dify-schema da19a28d08275eae';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_metadatas TO dify_service;


ALTER TABLE dataset_permissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_permissions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_permissions TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_permissions FOR SELECT USING (dataset_permissions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON dataset_permissions IS 'dify-schema ff13fafd505ab6c2';
CREATE POLICY dify_scope_insert ON dataset_permissions FOR INSERT WITH CHECK (dataset_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON dataset_permissions IS 'dify-schema 60669acc7f2a4695';
CREATE POLICY dify_scope_update ON dataset_permissions FOR UPDATE USING (dataset_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (dataset_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON dataset_permissions IS 'dify-schema 84592bfcbbde37f5';
CREATE POLICY dify_scope_delete ON dataset_permissions FOR DELETE USING (dataset_permissions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON dataset_permissions IS 'dify-schema 8a9c7c323d633708';
CREATE POLICY dify_trusted_access ON dataset_permissions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_permissions IS 'dify-schema 1b5d3a60e186355c';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_permissions TO dify_service;


ALTER TABLE dataset_process_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_process_rules FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_process_rules TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_process_rules FOR SELECT USING (dataset_process_rules.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON dataset_process_rules IS 'dify-schema 5b19f334b2ac517c';
CREATE POLICY dify_scope_insert ON dataset_process_rules FOR INSERT WITH CHECK (dataset_process_rules.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON dataset_process_rules IS 'dify-schema 915915a64bc9cf1e';
CREATE POLICY dify_scope_update ON dataset_process_rules FOR UPDATE USING (dataset_process_rules.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (dataset_process_rules.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON dataset_process_rules IS 'dify-schema e8e4869d544a0bb3';
CREATE POLICY dify_scope_delete ON dataset_process_rules FOR DELETE USING (dataset_process_rules.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON dataset_process_rules IS 'dify-schema a6c1a8724cf9ef13';
CREATE POLICY dify_trusted_access ON dataset_process_rules TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_process_rules IS 'dify-schema 6d4ea14976c4a6de';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_process_rules TO dify_service;


ALTER TABLE dataset_queries ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_queries FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_queries TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_queries FOR SELECT USING (dataset_queries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON dataset_queries IS 'dify-schema dad7ac3d9727b679';
CREATE POLICY dify_scope_insert ON dataset_queries FOR INSERT WITH CHECK (dataset_queries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON dataset_queries IS 'dify-schema aa94ac7220de61ac';
CREATE POLICY dify_scope_update ON dataset_queries FOR UPDATE USING (dataset_queries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (dataset_queries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON dataset_queries IS 'dify-schema d466e6853a71b1c1';
CREATE POLICY dify_scope_delete ON dataset_queries FOR DELETE USING (dataset_queries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON dataset_queries IS 'dify-schema 20fe7d324761ecc8';
CREATE POLICY dify_trusted_access ON dataset_queries TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_queries IS 'dify-schema 508e792822535ed2';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_queries TO dify_service;


ALTER TABLE dataset_retriever_resources ENABLE ROW LEVEL SECURITY;
ALTER TABLE dataset_retriever_resources FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_retriever_resources TO dify_trusted;
CREATE POLICY dify_scope_read ON dataset_retriever_resources FOR SELECT USING (dataset_retriever_resources.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_read ON dataset_retriever_resources IS 'dify-schema f0f9692cea4075c8';
CREATE POLICY dify_scope_insert ON dataset_retriever_resources FOR INSERT WITH CHECK (dataset_retriever_resources.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_insert ON dataset_retriever_resources IS 'dify-schema 3192194f01e6704d';
CREATE POLICY dify_scope_update ON dataset_retriever_resources FOR UPDATE USING (dataset_retriever_resources.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())))) WITH CHECK (dataset_retriever_resources.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_update ON dataset_retriever_resources IS 'dify-schema f43c5f0db9f3271b';
CREATE POLICY dify_scope_delete ON dataset_retriever_resources FOR DELETE USING (dataset_retriever_resources.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_delete ON dataset_retriever_resources IS 'dify-schema 3ef1230dbf052944';
CREATE POLICY dify_trusted_access ON dataset_retriever_resources TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON dataset_retriever_resources IS 'dify-schema 5a5395851c5cbef1';
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_retriever_resources TO dify_service;


ALTER TABLE datasets ENABLE ROW LEVEL SECURITY;
ALTER TABLE datasets FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON datasets TO dify_trusted;
CREATE POLICY dify_scope_read ON datasets FOR SELECT USING (datasets.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON datasets IS 'dify-schema 3a30cf69d27de59d';
CREATE POLICY dify_scope_insert ON datasets FOR INSERT WITH CHECK (datasets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON datasets IS 'dify-schema d894d9f44c418c4e';
CREATE POLICY dify_scope_update ON datasets FOR UPDATE USING (datasets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (datasets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON datasets IS 'dify-schema 5a390809f3a79b84';
CREATE POLICY dify_scope_delete ON datasets FOR DELETE USING (datasets.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON datasets IS 'dify-schema 5d645d46541ce2b7';
CREATE POLICY dify_trusted_access ON datasets TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON datasets IS 'dify-schema 1f94e4d15ec6f79c';
GRANT SELECT, INSERT, UPDATE, DELETE ON datasets TO dify_service;


ALTER TABLE datasource_oauth_params ENABLE ROW LEVEL SECURITY;
ALTER TABLE datasource_oauth_params FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON datasource_oauth_params TO dify_trusted;
CREATE POLICY dify_trusted_access ON datasource_oauth_params TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON datasource_oauth_params IS 'dify-schema 93166279e2385db8';


ALTER TABLE datasource_oauth_tenant_params ENABLE ROW LEVEL SECURITY;
ALTER TABLE datasource_oauth_tenant_params FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON datasource_oauth_tenant_params TO dify_trusted;
CREATE POLICY dify_scope_read ON datasource_oauth_tenant_params FOR SELECT USING (datasource_oauth_tenant_params.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON datasource_oauth_tenant_params IS 'dify-schema 4c01d41e5a8f21f2';
CREATE POLICY dify_scope_insert ON datasource_oauth_tenant_params FOR INSERT WITH CHECK (datasource_oauth_tenant_params.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON datasource_oauth_tenant_params IS 'dify-schema 51dd0b6a08e6e7a4';
CREATE POLICY dify_scope_update ON datasource_oauth_tenant_params FOR UPDATE USING (datasource_oauth_tenant_params.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (datasource_oauth_tenant_params.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON datasource_oauth_tenant_params IS 'dify-schema c1592aa65b514d18';
CREATE POLICY dify_scope_delete ON datasource_oauth_tenant_params FOR DELETE USING (datasource_oauth_tenant_params.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON datasource_oauth_tenant_params IS 'dify-schema f06954ca509b9d11';
CREATE POLICY dify_trusted_access ON datasource_oauth_tenant_params TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON datasource_oauth_tenant_params IS 'dify-schema 8bbca6bf408357fb';
GRANT SELECT, INSERT, UPDATE, DELETE ON datasource_oauth_tenant_params TO dify_service;


ALTER TABLE datasource_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE datasource_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON datasource_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON datasource_providers FOR SELECT USING (datasource_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON datasource_providers IS 'dify-schema 042dca2bca358684';
CREATE POLICY dify_scope_insert ON datasource_providers FOR INSERT WITH CHECK (datasource_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON datasource_providers IS 'dify-schema d86a5eec95b0fcae';
CREATE POLICY dify_scope_update ON datasource_providers FOR UPDATE USING (datasource_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (datasource_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON datasource_providers IS 'dify-schema 700cb5845f3e48f9';
CREATE POLICY dify_scope_delete ON datasource_providers FOR DELETE USING (datasource_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON datasource_providers IS 'dify-schema 1e06fcb74cad2c72';
CREATE POLICY dify_trusted_access ON datasource_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON datasource_providers IS 'dify-schema 11caf395928a4c5b';
GRANT SELECT, INSERT, UPDATE, DELETE ON datasource_providers TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON dify_setups TO dify_trusted;
GRANT SELECT ON dify_setups TO dify_service;


ALTER TABLE document_pipeline_execution_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_pipeline_execution_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON document_pipeline_execution_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON document_pipeline_execution_logs FOR SELECT USING (document_pipeline_execution_logs.document_id IN (SELECT documents.id FROM documents WHERE documents.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON document_pipeline_execution_logs IS 'dify-schema 2772bc1fb786cd5e';
CREATE POLICY dify_scope_insert ON document_pipeline_execution_logs FOR INSERT WITH CHECK (document_pipeline_execution_logs.document_id IN (SELECT documents.id FROM documents WHERE documents.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON document_pipeline_execution_logs IS 'dify-schema 5bd054ff8bf49e10';
CREATE POLICY dify_scope_update ON document_pipeline_execution_logs FOR UPDATE USING (document_pipeline_execution_logs.document_id IN (SELECT documents.id FROM documents WHERE documents.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (document_pipeline_execution_logs.document_id IN (SELECT documents.id FROM documents WHERE documents.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON document_pipeline_execution_logs IS 'dify-schema e866fad37c908758';
CREATE POLICY dify_scope_delete ON document_pipeline_execution_logs FOR DELETE USING (document_pipeline_execution_logs.document_id IN (SELECT documents.id FROM documents WHERE documents.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON document_pipeline_execution_logs IS 'dify-schema afd3bf3db3ff0243';
CREATE POLICY dify_trusted_access ON document_pipeline_execution_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON document_pipeline_execution_logs IS 'dify-schema cb2eca649c080a1e';
GRANT SELECT, INSERT, UPDATE, DELETE ON document_pipeline_execution_logs TO dify_service;


ALTER TABLE document_segment_summaries ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_segment_summaries FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON document_segment_summaries TO dify_trusted;
CREATE POLICY dify_scope_read ON document_segment_summaries FOR SELECT USING (document_segment_summaries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON document_segment_summaries IS 'dify-schema 09f4e874d784ac40';
CREATE POLICY dify_scope_insert ON document_segment_summaries FOR INSERT WITH CHECK (document_segment_summaries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON document_segment_summaries IS 'dify-schema 5f9307afe2570b1f';
CREATE POLICY dify_scope_update ON document_segment_summaries FOR UPDATE USING (document_segment_summaries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (document_segment_summaries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON document_segment_summaries IS 'dify-schema 832e8bf364680f17';
CREATE POLICY dify_scope_delete ON document_segment_summaries FOR DELETE USING (document_segment_summaries.dataset_id IN (SELECT datasets.id FROM datasets WHERE datasets.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON document_segment_summaries IS 'dify-schema 3713652c80867681';
CREATE POLICY dify_trusted_access ON document_segment_summaries TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON document_segment_summaries IS 'dify-schema e3411e2038df94d9';
GRANT SELECT, INSERT, UPDATE, DELETE ON document_segment_summaries TO dify_service;


ALTER TABLE document_segments ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_segments FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON document_segments TO dify_trusted;
CREATE POLICY dify_scope_read ON document_segments FOR SELECT USING (document_segments.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON document_segments IS 'dify-schema fdfcc5dd06839011';
CREATE POLICY dify_scope_insert ON document_segments FOR INSERT WITH CHECK (document_segments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON document_segments IS 'dify-schema 1e73f4996b280132';
CREATE POLICY dify_scope_update ON document_segments FOR UPDATE USING (document_segments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (document_segments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON document_segments IS 'dify-schema 21fc1e64a0360794';
CREATE POLICY dify_scope_delete ON document_segments FOR DELETE USING (document_segments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON document_segments IS 'dify-schema 2788b2f0c1082e44';
CREATE POLICY dify_trusted_access ON document_segments TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON document_segments IS 'dify-schema 7fe54366ee8fd1f1';
GRANT SELECT, INSERT, UPDATE, DELETE ON document_segments TO dify_service;


ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO dify_trusted;
CREATE POLICY dify_scope_read ON documents FOR SELECT USING (documents.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON documents IS 'dify-schema 2cd90a0203c0b87d';
CREATE POLICY dify_scope_insert ON documents FOR INSERT WITH CHECK (documents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON documents IS 'dify-schema ebb04772f7e8d639';
CREATE POLICY dify_scope_update ON documents FOR UPDATE USING (documents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (documents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON documents IS 'dify-schema 12f768f663eef8fc';
CREATE POLICY dify_scope_delete ON documents FOR DELETE USING (documents.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON documents IS 'dify-schema e1280984e89e2129';
CREATE POLICY dify_trusted_access ON documents TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON documents IS 'dify-schema 37548fb3f042d338';
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO dify_service;


ALTER TABLE embeddings ENABLE ROW LEVEL SECURITY;
ALTER TABLE embeddings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON embeddings TO dify_trusted;
CREATE POLICY dify_trusted_access ON embeddings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON embeddings IS 'dify-schema 93815cf87c25fb3a';


ALTER TABLE end_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE end_users FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON end_users TO dify_trusted;
CREATE POLICY dify_scope_read ON end_users FOR SELECT USING (end_users.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON end_users IS 'dify-schema 18f1f1a39616c410';
CREATE POLICY dify_scope_insert ON end_users FOR INSERT WITH CHECK (end_users.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON end_users IS 'dify-schema fbdac7beb2d67ea5';
CREATE POLICY dify_scope_update ON end_users FOR UPDATE USING (end_users.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (end_users.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON end_users IS 'dify-schema d5ee73e79994b498';
CREATE POLICY dify_scope_delete ON end_users FOR DELETE USING (end_users.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON end_users IS 'dify-schema 71630ab481851a36';
CREATE POLICY dify_trusted_access ON end_users TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON end_users IS 'dify-schema 3429445863a94550';
GRANT SELECT, INSERT, UPDATE, DELETE ON end_users TO dify_service;


ALTER TABLE execution_extra_contents ENABLE ROW LEVEL SECURITY;
ALTER TABLE execution_extra_contents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON execution_extra_contents TO dify_trusted;
CREATE POLICY dify_scope_read ON execution_extra_contents FOR SELECT USING (execution_extra_contents.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON execution_extra_contents IS 'dify-schema e24dfbd2d3231b50';
CREATE POLICY dify_scope_insert ON execution_extra_contents FOR INSERT WITH CHECK (execution_extra_contents.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON execution_extra_contents IS 'dify-schema b34480631ef188e2';
CREATE POLICY dify_scope_update ON execution_extra_contents FOR UPDATE USING (execution_extra_contents.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (execution_extra_contents.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON execution_extra_contents IS 'dify-schema e9ec161bb5e2bfe0';
CREATE POLICY dify_scope_delete ON execution_extra_contents FOR DELETE USING (execution_extra_contents.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON execution_extra_contents IS 'dify-schema 2247e8f519b47fd1';
CREATE POLICY dify_trusted_access ON execution_extra_contents TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON execution_extra_contents IS 'dify-schema 678eb1ac15ded642';
GRANT SELECT, INSERT, UPDATE, DELETE ON execution_extra_contents TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON exporle_banners TO dify_trusted;
GRANT SELECT ON exporle_banners TO dify_service;


ALTER TABLE external_knowledge_apis ENABLE ROW LEVEL SECURITY;
ALTER TABLE external_knowledge_apis FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON external_knowledge_apis TO dify_trusted;
CREATE POLICY dify_scope_read ON external_knowledge_apis FOR SELECT USING (external_knowledge_apis.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON external_knowledge_apis IS 'dify-schema c303c137b00ce1d2';
CREATE POLICY dify_scope_insert ON external_knowledge_apis FOR INSERT WITH CHECK (external_knowledge_apis.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON external_knowledge_apis IS 'dify-schema 778fd95b2a8e6c4f';
CREATE POLICY dify_scope_update ON external_knowledge_apis FOR UPDATE USING (external_knowledge_apis.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (external_knowledge_apis.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON external_knowledge_apis IS 'dify-schema 18644a2e71b19c8d';
CREATE POLICY dify_scope_delete ON external_knowledge_apis FOR DELETE USING (external_knowledge_apis.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON external_knowledge_apis IS 'dify-schema c265280cb8c11f38';
CREATE POLICY dify_trusted_access ON external_knowledge_apis TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON external_knowledge_apis IS 'dify-schema cd9e162b0e23296b';
GRANT SELECT, INSERT, UPDATE, DELETE ON external_knowledge_apis TO dify_service;


ALTER TABLE external_knowledge_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE external_knowledge_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON external_knowledge_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON external_knowledge_bindings FOR SELECT USING (external_knowledge_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON external_knowledge_bindings IS 'dify-schema 0a0649ac4cd392a2';
CREATE POLICY dify_scope_insert ON external_knowledge_bindings FOR INSERT WITH CHECK (external_knowledge_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON external_knowledge_bindings IS 'dify-schema 2a6f33691b606099';
CREATE POLICY dify_scope_update ON external_knowledge_bindings FOR UPDATE USING (external_knowledge_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (external_knowledge_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON external_knowledge_bindings IS 'dify-schema f9428e6271529431';
CREATE POLICY dify_scope_delete ON external_knowledge_bindings FOR DELETE USING (external_knowledge_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON external_knowledge_bindings IS 'dify-schema aadb34bbb1249636';
CREATE POLICY dify_trusted_access ON external_knowledge_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON external_knowledge_bindings IS 'dify-schema 79d8c233b88c48fd';
GRANT SELECT, INSERT, UPDATE, DELETE ON external_knowledge_bindings TO dify_service;


ALTER TABLE human_input_form_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_deliveries FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_deliveries TO dify_trusted;
CREATE POLICY dify_scope_read ON human_input_form_deliveries FOR SELECT USING (human_input_form_deliveries.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON human_input_form_deliveries IS 'dify-schema 2be7351debb6dae5';
CREATE POLICY dify_scope_insert ON human_input_form_deliveries FOR INSERT WITH CHECK (human_input_form_deliveries.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON human_input_form_deliveries IS 'dify-schema 7ac8844069d39606';
CREATE POLICY dify_scope_update ON human_input_form_deliveries FOR UPDATE USING (human_input_form_deliveries.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (human_input_form_deliveries.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON human_input_form_deliveries IS 'dify-schema c290a343dd17bfb2';
CREATE POLICY dify_scope_delete ON human_input_form_deliveries FOR DELETE USING (human_input_form_deliveries.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON human_input_form_deliveries IS 'dify-schema c03c6c856f9e0816';
CREATE POLICY dify_trusted_access ON human_input_form_deliveries TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON human_input_form_deliveries IS 'dify-schema 26dc94250c5d2854';
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_deliveries TO dify_service;


ALTER TABLE human_input_form_recipients ENABLE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_recipients FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_recipients TO dify_trusted;
CREATE POLICY dify_scope_read ON human_input_form_recipients FOR SELECT USING (human_input_form_recipients.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON human_input_form_recipients IS 'dify-schema 6c34171e5f0f1dea';
CREATE POLICY dify_scope_insert ON human_input_form_recipients FOR INSERT WITH CHECK (human_input_form_recipients.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON human_input_form_recipients IS 'dify-schema 8067d0834c5ea405';
CREATE POLICY dify_scope_update ON human_input_form_recipients FOR UPDATE USING (human_input_form_recipients.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (human_input_form_recipients.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON human_input_form_recipients IS 'dify-schema 2c3676bdf192cff1';
CREATE POLICY dify_scope_delete ON human_input_form_recipients FOR DELETE USING (human_input_form_recipients.form_id IN (SELECT human_input_forms.id FROM human_input_forms WHERE human_input_forms.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON human_input_form_recipients IS 'dify-schema c4397a5fce3dd069';
CREATE POLICY dify_trusted_access ON human_input_form_recipients TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON human_input_form_recipients IS 'dify-schema 3b99daa9265fafa9';
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_recipients TO dify_service;


ALTER TABLE human_input_form_upload_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_upload_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_upload_files TO dify_trusted;
CREATE POLICY dify_scope_read ON human_input_form_upload_files FOR SELECT USING (human_input_form_upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON human_input_form_upload_files IS 'dify-schema a4c97116a0a4d443';
CREATE POLICY dify_scope_insert ON human_input_form_upload_files FOR INSERT WITH CHECK (human_input_form_upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON human_input_form_upload_files IS 'dify-schema 5db90b545480030c';
CREATE POLICY dify_scope_update ON human_input_form_upload_files FOR UPDATE USING (human_input_form_upload_files.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (human_input_form_upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON human_input_form_upload_files IS 'dify-schema bca39f542042a61b';
CREATE POLICY dify_scope_delete ON human_input_form_upload_files FOR DELETE USING (human_input_form_upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON human_input_form_upload_files IS 'dify-schema d74d9019023594f0';
CREATE POLICY dify_trusted_access ON human_input_form_upload_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON human_input_form_upload_files IS 'dify-schema bd2b45fe661d439d';
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_upload_files TO dify_service;


ALTER TABLE human_input_form_upload_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE human_input_form_upload_tokens FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_upload_tokens TO dify_trusted;
CREATE POLICY dify_scope_read ON human_input_form_upload_tokens FOR SELECT USING (human_input_form_upload_tokens.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON human_input_form_upload_tokens IS 'dify-schema b8fdc84a6a5b4392';
CREATE POLICY dify_scope_insert ON human_input_form_upload_tokens FOR INSERT WITH CHECK (human_input_form_upload_tokens.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON human_input_form_upload_tokens IS 'dify-schema d7d4a372d74d8966';
CREATE POLICY dify_scope_update ON human_input_form_upload_tokens FOR UPDATE USING (human_input_form_upload_tokens.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (human_input_form_upload_tokens.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON human_input_form_upload_tokens IS 'dify-schema 41c4fee167f29a47';
CREATE POLICY dify_scope_delete ON human_input_form_upload_tokens FOR DELETE USING (human_input_form_upload_tokens.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON human_input_form_upload_tokens IS 'dify-schema 2a6a76eeec0f4dfc';
CREATE POLICY dify_trusted_access ON human_input_form_upload_tokens TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON human_input_form_upload_tokens IS 'dify-schema f5ba283ea88333be';
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_form_upload_tokens TO dify_service;


ALTER TABLE human_input_forms ENABLE ROW LEVEL SECURITY;
ALTER TABLE human_input_forms FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_forms TO dify_trusted;
CREATE POLICY dify_scope_read ON human_input_forms FOR SELECT USING (human_input_forms.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON human_input_forms IS 'dify-schema dbf536cad343760c';
CREATE POLICY dify_scope_insert ON human_input_forms FOR INSERT WITH CHECK (human_input_forms.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON human_input_forms IS 'dify-schema 4dd5facb48bca590';
CREATE POLICY dify_scope_update ON human_input_forms FOR UPDATE USING (human_input_forms.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (human_input_forms.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON human_input_forms IS 'dify-schema c883cff157f9e2a5';
CREATE POLICY dify_scope_delete ON human_input_forms FOR DELETE USING (human_input_forms.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON human_input_forms IS 'dify-schema ed3ab7074cf5dca9';
CREATE POLICY dify_trusted_access ON human_input_forms TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON human_input_forms IS 'dify-schema 918ce8d0c3da25bf';
GRANT SELECT, INSERT, UPDATE, DELETE ON human_input_forms TO dify_service;


ALTER TABLE installed_apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE installed_apps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON installed_apps TO dify_trusted;
CREATE POLICY dify_scope_read ON installed_apps FOR SELECT USING (installed_apps.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON installed_apps IS 'dify-schema 25a429efcf9a313f';
CREATE POLICY dify_scope_insert ON installed_apps FOR INSERT WITH CHECK (installed_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON installed_apps IS 'dify-schema 07007f6d77df00f4';
CREATE POLICY dify_scope_update ON installed_apps FOR UPDATE USING (installed_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (installed_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON installed_apps IS 'dify-schema 210e8ae25fccbdb2';
CREATE POLICY dify_scope_delete ON installed_apps FOR DELETE USING (installed_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON installed_apps IS 'dify-schema c703e20246721c06';
CREATE POLICY dify_trusted_access ON installed_apps TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON installed_apps IS 'dify-schema 61ec903be95abca2';
GRANT SELECT, INSERT, UPDATE, DELETE ON installed_apps TO dify_service;


ALTER TABLE invitation_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation_codes FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON invitation_codes TO dify_trusted;
CREATE POLICY dify_trusted_access ON invitation_codes TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON invitation_codes IS 'dify-schema 1ca3c235860474d5';


ALTER TABLE load_balancing_model_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE load_balancing_model_configs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON load_balancing_model_configs TO dify_trusted;
CREATE POLICY dify_scope_read ON load_balancing_model_configs FOR SELECT USING (load_balancing_model_configs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON load_balancing_model_configs IS 'dify-schema 992f831758b8cb98';
CREATE POLICY dify_scope_insert ON load_balancing_model_configs FOR INSERT WITH CHECK (load_balancing_model_configs.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON load_balancing_model_configs IS 'dify-schema 3dea341eefb5689e';
CREATE POLICY dify_scope_update ON load_balancing_model_configs FOR UPDATE USING (load_balancing_model_configs.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (load_balancing_model_configs.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON load_balancing_model_configs IS 'dify-schema 7d10b7603f831139';
CREATE POLICY dify_scope_delete ON load_balancing_model_configs FOR DELETE USING (load_balancing_model_configs.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON load_balancing_model_configs IS 'dify-schema e4f5a749ab36c2fc';
CREATE POLICY dify_trusted_access ON load_balancing_model_configs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON load_balancing_model_configs IS 'dify-schema e275f838900c70e6';
GRANT SELECT, INSERT, UPDATE, DELETE ON load_balancing_model_configs TO dify_service;


ALTER TABLE message_agent_thoughts ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_agent_thoughts FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON message_agent_thoughts TO dify_trusted;
CREATE POLICY dify_scope_read ON message_agent_thoughts FOR SELECT USING (message_agent_thoughts.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_read ON message_agent_thoughts IS 'dify-schema aa9beb92b1f9c3f5';
CREATE POLICY dify_scope_insert ON message_agent_thoughts FOR INSERT WITH CHECK (message_agent_thoughts.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_insert ON message_agent_thoughts IS 'dify-schema c9c65be4dce9b7cb';
CREATE POLICY dify_scope_update ON message_agent_thoughts FOR UPDATE USING (message_agent_thoughts.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())))) WITH CHECK (message_agent_thoughts.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_update ON message_agent_thoughts IS 'dify-schema 7ea2a28eea401ba5';
CREATE POLICY dify_scope_delete ON message_agent_thoughts FOR DELETE USING (message_agent_thoughts.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_delete ON message_agent_thoughts IS 'dify-schema 279d994ae8766c63';
CREATE POLICY dify_trusted_access ON message_agent_thoughts TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON message_agent_thoughts IS 'dify-schema 4359496f87175213';
GRANT SELECT, INSERT, UPDATE, DELETE ON message_agent_thoughts TO dify_service;


ALTER TABLE message_annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_annotations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON message_annotations TO dify_trusted;
CREATE POLICY dify_scope_read ON message_annotations FOR SELECT USING (message_annotations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON message_annotations IS 'dify-schema 38b7795f4ebe3481';
CREATE POLICY dify_scope_insert ON message_annotations FOR INSERT WITH CHECK (message_annotations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON message_annotations IS 'dify-schema ca476bd177991a0e';
CREATE POLICY dify_scope_update ON message_annotations FOR UPDATE USING (message_annotations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (message_annotations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON message_annotations IS 'dify-schema 3028c80b270d93e1';
CREATE POLICY dify_scope_delete ON message_annotations FOR DELETE USING (message_annotations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON message_annotations IS 'dify-schema 9778e6d847aff2a4';
CREATE POLICY dify_trusted_access ON message_annotations TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON message_annotations IS 'dify-schema 20b3b6d4a9d346d3';
GRANT SELECT, INSERT, UPDATE, DELETE ON message_annotations TO dify_service;


ALTER TABLE message_chains ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_chains FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON message_chains TO dify_trusted;
CREATE POLICY dify_scope_read ON message_chains FOR SELECT USING (message_chains.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_read ON message_chains IS 'dify-schema 619b78c183bcf6e6';
CREATE POLICY dify_scope_insert ON message_chains FOR INSERT WITH CHECK (message_chains.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_insert ON message_chains IS 'dify-schema c813c4166d47b4ee';
CREATE POLICY dify_scope_update ON message_chains FOR UPDATE USING (message_chains.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())))) WITH CHECK (message_chains.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_update ON message_chains IS 'dify-schema 266116303fdec98e';
CREATE POLICY dify_scope_delete ON message_chains FOR DELETE USING (message_chains.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_delete ON message_chains IS 'dify-schema 54eedada64ec581e';
CREATE POLICY dify_trusted_access ON message_chains TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON message_chains IS 'dify-schema 51a0f4dccdebc3a2';
GRANT SELECT, INSERT, UPDATE, DELETE ON message_chains TO dify_service;


ALTER TABLE message_feedbacks ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_feedbacks FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON message_feedbacks TO dify_trusted;
CREATE POLICY dify_scope_read ON message_feedbacks FOR SELECT USING (message_feedbacks.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON message_feedbacks IS 'dify-schema e35a528664b6ab89';
CREATE POLICY dify_scope_insert ON message_feedbacks FOR INSERT WITH CHECK (message_feedbacks.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON message_feedbacks IS 'dify-schema 97dc17da3667b172';
CREATE POLICY dify_scope_update ON message_feedbacks FOR UPDATE USING (message_feedbacks.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (message_feedbacks.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON message_feedbacks IS 'dify-schema 80e41036d591a8bf';
CREATE POLICY dify_scope_delete ON message_feedbacks FOR DELETE USING (message_feedbacks.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON message_feedbacks IS 'dify-schema b96e570e3ac64ff1';
CREATE POLICY dify_trusted_access ON message_feedbacks TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON message_feedbacks IS 'dify-schema b752b6eae4a85dcb';
GRANT SELECT, INSERT, UPDATE, DELETE ON message_feedbacks TO dify_service;


ALTER TABLE message_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON message_files TO dify_trusted;
CREATE POLICY dify_scope_read ON message_files FOR SELECT USING (message_files.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_read ON message_files IS 'dify-schema 6a3e4c9a49dd0685';
CREATE POLICY dify_scope_insert ON message_files FOR INSERT WITH CHECK (message_files.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_insert ON message_files IS 'dify-schema f9fcf93c9806d814';
CREATE POLICY dify_scope_update ON message_files FOR UPDATE USING (message_files.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())))) WITH CHECK (message_files.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_update ON message_files IS 'dify-schema a5eefd08ffa744cb';
CREATE POLICY dify_scope_delete ON message_files FOR DELETE USING (message_files.message_id IN (SELECT messages.id FROM messages WHERE messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_delete ON message_files IS 'dify-schema 29409b44c21d6806';
CREATE POLICY dify_trusted_access ON message_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON message_files IS 'dify-schema c52ebf591577d4b6';
GRANT SELECT, INSERT, UPDATE, DELETE ON message_files TO dify_service;


ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON messages TO dify_trusted;
CREATE POLICY dify_scope_read ON messages FOR SELECT USING (messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON messages IS 'dify-schema 58238bf1f46719ea';
CREATE POLICY dify_scope_insert ON messages FOR INSERT WITH CHECK (messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON messages IS 'dify-schema 3882ece7a301d260';
CREATE POLICY dify_scope_update ON messages FOR UPDATE USING (messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON messages IS 'dify-schema 5c086eaba1326450';
CREATE POLICY dify_scope_delete ON messages FOR DELETE USING (messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON messages IS 'dify-schema f39368ecd2880804';
CREATE POLICY dify_trusted_access ON messages TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON messages IS 'dify-schema 424eea2174e553d3';
GRANT SELECT, INSERT, UPDATE, DELETE ON messages TO dify_service;


ALTER TABLE oauth_access_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_access_tokens FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_access_tokens TO dify_trusted;
CREATE POLICY dify_trusted_access ON oauth_access_tokens TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON oauth_access_tokens IS 'dify-schema a7b24d2f8248a728';


ALTER TABLE oauth_provider_apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_provider_apps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_provider_apps TO dify_trusted;
CREATE POLICY dify_trusted_access ON oauth_provider_apps TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON oauth_provider_apps IS 'dify-schema 8037515c96a35101';


ALTER TABLE operation_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE operation_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON operation_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON operation_logs FOR SELECT USING (operation_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON operation_logs IS 'dify-schema 8659cdf0905001ba';
CREATE POLICY dify_scope_insert ON operation_logs FOR INSERT WITH CHECK (operation_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON operation_logs IS 'dify-schema c4c8b2e467e7b528';
CREATE POLICY dify_scope_update ON operation_logs FOR UPDATE USING (operation_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (operation_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON operation_logs IS 'dify-schema e4ae5366c2b1b0b8';
CREATE POLICY dify_scope_delete ON operation_logs FOR DELETE USING (operation_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON operation_logs IS 'dify-schema e680777b6c291865';
CREATE POLICY dify_trusted_access ON operation_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON operation_logs IS 'dify-schema 82d7777537227545';
GRANT SELECT, INSERT, UPDATE, DELETE ON operation_logs TO dify_service;


ALTER TABLE pinned_conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE pinned_conversations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON pinned_conversations TO dify_trusted;
CREATE POLICY dify_scope_read ON pinned_conversations FOR SELECT USING (pinned_conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON pinned_conversations IS 'dify-schema b75bb1b963e73309';
CREATE POLICY dify_scope_insert ON pinned_conversations FOR INSERT WITH CHECK (pinned_conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON pinned_conversations IS 'dify-schema 1813eb4e05f81084';
CREATE POLICY dify_scope_update ON pinned_conversations FOR UPDATE USING (pinned_conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (pinned_conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON pinned_conversations IS 'dify-schema cd1290a08a11c738';
CREATE POLICY dify_scope_delete ON pinned_conversations FOR DELETE USING (pinned_conversations.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON pinned_conversations IS 'dify-schema e864ea7bf7a59204';
CREATE POLICY dify_trusted_access ON pinned_conversations TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON pinned_conversations IS 'dify-schema d980fd0646e3adb9';
GRANT SELECT, INSERT, UPDATE, DELETE ON pinned_conversations TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_built_in_templates TO dify_trusted;
GRANT SELECT ON pipeline_built_in_templates TO dify_service;


ALTER TABLE pipeline_customized_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE pipeline_customized_templates FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_customized_templates TO dify_trusted;
CREATE POLICY dify_scope_read ON pipeline_customized_templates FOR SELECT USING (pipeline_customized_templates.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON pipeline_customized_templates IS 'dify-schema 97a3a4eef2c644cf';
CREATE POLICY dify_scope_insert ON pipeline_customized_templates FOR INSERT WITH CHECK (pipeline_customized_templates.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON pipeline_customized_templates IS 'dify-schema b12ecd840079b4e9';
CREATE POLICY dify_scope_update ON pipeline_customized_templates FOR UPDATE USING (pipeline_customized_templates.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (pipeline_customized_templates.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON pipeline_customized_templates IS 'dify-schema c0c04b85d293fa44';
CREATE POLICY dify_scope_delete ON pipeline_customized_templates FOR DELETE USING (pipeline_customized_templates.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON pipeline_customized_templates IS 'dify-schema 73a70a0990204a53';
CREATE POLICY dify_trusted_access ON pipeline_customized_templates TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON pipeline_customized_templates IS 'dify-schema 4f103c3a14c16395';
GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_customized_templates TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON pipeline_recommended_plugins TO dify_trusted;
GRANT SELECT ON pipeline_recommended_plugins TO dify_service;


ALTER TABLE pipelines ENABLE ROW LEVEL SECURITY;
ALTER TABLE pipelines FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON pipelines TO dify_trusted;
CREATE POLICY dify_scope_read ON pipelines FOR SELECT USING (pipelines.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON pipelines IS 'dify-schema f6caa0e5496ac64e';
CREATE POLICY dify_scope_insert ON pipelines FOR INSERT WITH CHECK (pipelines.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON pipelines IS 'dify-schema f4798f93a72092c8';
CREATE POLICY dify_scope_update ON pipelines FOR UPDATE USING (pipelines.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (pipelines.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON pipelines IS 'dify-schema 0a8821af53a428c2';
CREATE POLICY dify_scope_delete ON pipelines FOR DELETE USING (pipelines.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON pipelines IS 'dify-schema ddd77f692f7888f1';
CREATE POLICY dify_trusted_access ON pipelines TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON pipelines IS 'dify-schema 7c9e059ce32dd4be';
GRANT SELECT, INSERT, UPDATE, DELETE ON pipelines TO dify_service;


ALTER TABLE provider_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_credentials FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_credentials TO dify_trusted;
CREATE POLICY dify_scope_read ON provider_credentials FOR SELECT USING (provider_credentials.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON provider_credentials IS 'dify-schema b3e99852e7b72803';
CREATE POLICY dify_scope_insert ON provider_credentials FOR INSERT WITH CHECK (provider_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON provider_credentials IS 'dify-schema cf4d444f0626ad6e';
CREATE POLICY dify_scope_update ON provider_credentials FOR UPDATE USING (provider_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (provider_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON provider_credentials IS 'dify-schema db9aeef3bcdfea99';
CREATE POLICY dify_scope_delete ON provider_credentials FOR DELETE USING (provider_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON provider_credentials IS 'dify-schema 54b1d9432ff828c7';
CREATE POLICY dify_trusted_access ON provider_credentials TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON provider_credentials IS 'dify-schema 827e377e9dc568c6';
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_credentials TO dify_service;


ALTER TABLE provider_model_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_model_credentials FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_model_credentials TO dify_trusted;
CREATE POLICY dify_scope_read ON provider_model_credentials FOR SELECT USING (provider_model_credentials.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON provider_model_credentials IS 'dify-schema f7b80738b90c3372';
CREATE POLICY dify_scope_insert ON provider_model_credentials FOR INSERT WITH CHECK (provider_model_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON provider_model_credentials IS 'dify-schema ea7f7049eeb40b60';
CREATE POLICY dify_scope_update ON provider_model_credentials FOR UPDATE USING (provider_model_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (provider_model_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON provider_model_credentials IS 'dify-schema 4541142f63b8fd8d';
CREATE POLICY dify_scope_delete ON provider_model_credentials FOR DELETE USING (provider_model_credentials.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON provider_model_credentials IS 'dify-schema c01e875b0516cd9f';
CREATE POLICY dify_trusted_access ON provider_model_credentials TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON provider_model_credentials IS 'dify-schema b51082bf71c53c2c';
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_model_credentials TO dify_service;


ALTER TABLE provider_model_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_model_settings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_model_settings TO dify_trusted;
CREATE POLICY dify_scope_read ON provider_model_settings FOR SELECT USING (provider_model_settings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON provider_model_settings IS 'dify-schema f19b740c28963c7c';
CREATE POLICY dify_scope_insert ON provider_model_settings FOR INSERT WITH CHECK (provider_model_settings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON provider_model_settings IS 'dify-schema e922fd9e118de8a7';
CREATE POLICY dify_scope_update ON provider_model_settings FOR UPDATE USING (provider_model_settings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (provider_model_settings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON provider_model_settings IS 'dify-schema c5ae18cc10167d37';
CREATE POLICY dify_scope_delete ON provider_model_settings FOR DELETE USING (provider_model_settings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON provider_model_settings IS 'dify-schema 5b04adb332b1cddc';
CREATE POLICY dify_trusted_access ON provider_model_settings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON provider_model_settings IS 'dify-schema 400dc669a0a207e6';
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_model_settings TO dify_service;


ALTER TABLE provider_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_models FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_models TO dify_trusted;
CREATE POLICY dify_scope_read ON provider_models FOR SELECT USING (provider_models.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON provider_models IS 'dify-schema 976208c73bec808b';
CREATE POLICY dify_scope_insert ON provider_models FOR INSERT WITH CHECK (provider_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON provider_models IS 'dify-schema 046c8e99ba7d091f';
CREATE POLICY dify_scope_update ON provider_models FOR UPDATE USING (provider_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (provider_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON provider_models IS 'dify-schema a96e0425c4402df9';
CREATE POLICY dify_scope_delete ON provider_models FOR DELETE USING (provider_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON provider_models IS 'dify-schema 5b9d6fd0e744466c';
CREATE POLICY dify_trusted_access ON provider_models TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON provider_models IS 'dify-schema 89b1de69b48bf9df';
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_models TO dify_service;


ALTER TABLE provider_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_orders FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_orders TO dify_trusted;
CREATE POLICY dify_scope_read ON provider_orders FOR SELECT USING (provider_orders.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON provider_orders IS 'dify-schema 4610b884a85005b9';
CREATE POLICY dify_scope_insert ON provider_orders FOR INSERT WITH CHECK (provider_orders.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON provider_orders IS 'dify-schema 2df76cda86c371ca';
CREATE POLICY dify_scope_update ON provider_orders FOR UPDATE USING (provider_orders.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (provider_orders.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON provider_orders IS 'dify-schema a371a5698969b4ff';
CREATE POLICY dify_scope_delete ON provider_orders FOR DELETE USING (provider_orders.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON provider_orders IS 'dify-schema d66bee9250082a9c';
CREATE POLICY dify_trusted_access ON provider_orders TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON provider_orders IS 'dify-schema 363952e5ccb6c477';
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_orders TO dify_service;


ALTER TABLE providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON providers TO dify_trusted;
CREATE POLICY dify_scope_read ON providers FOR SELECT USING (providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON providers IS 'dify-schema 236e3dd5dfa81a35';
CREATE POLICY dify_scope_insert ON providers FOR INSERT WITH CHECK (providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON providers IS 'dify-schema 4adf351f62f42990';
CREATE POLICY dify_scope_update ON providers FOR UPDATE USING (providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON providers IS 'dify-schema 00a4a1c6c509ef58';
CREATE POLICY dify_scope_delete ON providers FOR DELETE USING (providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON providers IS 'dify-schema 393ab8a982e386f3';
CREATE POLICY dify_trusted_access ON providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON providers IS 'dify-schema 8f665f2814db188e';
GRANT SELECT, INSERT, UPDATE, DELETE ON providers TO dify_service;


ALTER TABLE rate_limit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON rate_limit_logs FOR SELECT USING (rate_limit_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON rate_limit_logs IS 'dify-schema e2667cec9bd378f3';
CREATE POLICY dify_scope_insert ON rate_limit_logs FOR INSERT WITH CHECK (rate_limit_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON rate_limit_logs IS 'dify-schema b5a3f2b2be2bdc4d';
CREATE POLICY dify_scope_update ON rate_limit_logs FOR UPDATE USING (rate_limit_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (rate_limit_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON rate_limit_logs IS 'dify-schema 3d7b0ad26cd0aa04';
CREATE POLICY dify_scope_delete ON rate_limit_logs FOR DELETE USING (rate_limit_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON rate_limit_logs IS 'dify-schema 1b15a84a2f365ed4';
CREATE POLICY dify_trusted_access ON rate_limit_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON rate_limit_logs IS 'dify-schema f3ae82dfe76ed70a';
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_logs TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON recommended_apps TO dify_trusted;
GRANT SELECT ON recommended_apps TO dify_service;


ALTER TABLE saved_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_messages FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_messages TO dify_trusted;
CREATE POLICY dify_scope_read ON saved_messages FOR SELECT USING (saved_messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON saved_messages IS 'dify-schema 75416d75f2dce4b6';
CREATE POLICY dify_scope_insert ON saved_messages FOR INSERT WITH CHECK (saved_messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON saved_messages IS 'dify-schema 88266ec3c91f53c1';
CREATE POLICY dify_scope_update ON saved_messages FOR UPDATE USING (saved_messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (saved_messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON saved_messages IS 'dify-schema 2034035897740e04';
CREATE POLICY dify_scope_delete ON saved_messages FOR DELETE USING (saved_messages.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON saved_messages IS 'dify-schema 19babc74fd8bc4e2';
CREATE POLICY dify_trusted_access ON saved_messages TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON saved_messages IS 'dify-schema 9666b2dd4ac16de9';
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_messages TO dify_service;


ALTER TABLE segment_attachment_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE segment_attachment_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON segment_attachment_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON segment_attachment_bindings FOR SELECT USING (segment_attachment_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON segment_attachment_bindings IS 'dify-schema 4b0c7e88a0d1313b';
CREATE POLICY dify_scope_insert ON segment_attachment_bindings FOR INSERT WITH CHECK (segment_attachment_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON segment_attachment_bindings IS 'dify-schema 180a463291b641ba';
CREATE POLICY dify_scope_update ON segment_attachment_bindings FOR UPDATE USING (segment_attachment_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (segment_attachment_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON segment_attachment_bindings IS 'dify-schema 39fa60132c238e90';
CREATE POLICY dify_scope_delete ON segment_attachment_bindings FOR DELETE USING (segment_attachment_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON segment_attachment_bindings IS 'dify-schema 1c2d6520d038d1d6';
CREATE POLICY dify_trusted_access ON segment_attachment_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON segment_attachment_bindings IS 'dify-schema 6af7e2b7a956f42d';
GRANT SELECT, INSERT, UPDATE, DELETE ON segment_attachment_bindings TO dify_service;


ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE sites FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON sites TO dify_trusted;
CREATE POLICY dify_scope_read ON sites FOR SELECT USING (sites.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON sites IS 'dify-schema 8e446b268491b3dc';
CREATE POLICY dify_scope_insert ON sites FOR INSERT WITH CHECK (sites.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON sites IS 'dify-schema 0b1401113ff384d4';
CREATE POLICY dify_scope_update ON sites FOR UPDATE USING (sites.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (sites.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON sites IS 'dify-schema 792c6163198845a8';
CREATE POLICY dify_scope_delete ON sites FOR DELETE USING (sites.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON sites IS 'dify-schema d251ddef3e4b67cb';
CREATE POLICY dify_trusted_access ON sites TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON sites IS 'dify-schema 05ef7695c38cbb36';
GRANT SELECT, INSERT, UPDATE, DELETE ON sites TO dify_service;


ALTER TABLE tag_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tag_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tag_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON tag_bindings FOR SELECT USING (tag_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tag_bindings IS 'dify-schema 7c7120d24ba5c72a';
CREATE POLICY dify_scope_insert ON tag_bindings FOR INSERT WITH CHECK (tag_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tag_bindings IS 'dify-schema 4bdb8d414fc4f44f';
CREATE POLICY dify_scope_update ON tag_bindings FOR UPDATE USING (tag_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (tag_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON tag_bindings IS 'dify-schema ba9c3297d557e434';
CREATE POLICY dify_scope_delete ON tag_bindings FOR DELETE USING (tag_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tag_bindings IS 'dify-schema da89e78b6c44e50d';
CREATE POLICY dify_trusted_access ON tag_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tag_bindings IS 'dify-schema 74ed1c3e48ccfcdf';
GRANT SELECT, INSERT, UPDATE, DELETE ON tag_bindings TO dify_service;


ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE tags FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tags TO dify_trusted;
CREATE POLICY dify_scope_read ON tags FOR SELECT USING (tags.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tags IS 'dify-schema 3ad683596176d446';
CREATE POLICY dify_scope_insert ON tags FOR INSERT WITH CHECK (tags.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tags IS 'dify-schema ffbd519feed7ba60';
CREATE POLICY dify_scope_update ON tags FOR UPDATE USING (tags.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[])) WITH CHECK (tags.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_update ON tags IS 'dify-schema 80a98b68aa7a9a5e';
CREATE POLICY dify_scope_delete ON tags FOR DELETE USING (tags.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tags IS 'dify-schema fc631befa1095c82';
CREATE POLICY dify_trusted_access ON tags TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tags IS 'dify-schema f09bcd8e12ad2d05';
GRANT SELECT, INSERT, UPDATE, DELETE ON tags TO dify_service;


ALTER TABLE tenant_account_joins ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_account_joins FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_account_joins TO dify_trusted;
CREATE POLICY dify_scope_read ON tenant_account_joins FOR SELECT USING (tenant_account_joins.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenant_account_joins IS 'dify-schema baf914fbc31ede0b';
CREATE POLICY dify_scope_insert ON tenant_account_joins FOR INSERT WITH CHECK (tenant_account_joins.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]) AND tenant_account_joins.role = ANY ('{admin,editor,normal,dataset_operator}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tenant_account_joins IS 'dify-schema 4ec9ac1006be1b94';
CREATE POLICY dify_scope_update ON tenant_account_joins FOR UPDATE USING (tenant_account_joins.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner}'::text[])) WITH CHECK (tenant_account_joins.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner}'::text[]));
COMMENT ON POLICY dify_scope_update ON tenant_account_joins IS 'dify-schema ef80bc31c5135e7a';
CREATE POLICY dify_scope_delete ON tenant_account_joins FOR DELETE USING (tenant_account_joins.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tenant_account_joins IS 'dify-schema 2ca6961128f90cf2';
CREATE POLICY dify_trusted_access ON tenant_account_joins TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenant_account_joins IS 'dify-schema 0131f5462584bfad';
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_account_joins TO dify_service;


ALTER TABLE tenant_credit_pools ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_credit_pools FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_credit_pools TO dify_trusted;
CREATE POLICY dify_scope_read ON tenant_credit_pools FOR SELECT USING (tenant_credit_pools.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenant_credit_pools IS 'dify-schema 51ca2ad9ab39fa9f';
CREATE POLICY dify_scope_insert ON tenant_credit_pools FOR INSERT WITH CHECK (tenant_credit_pools.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tenant_credit_pools IS 'dify-schema 6ef8445859514bfc';
CREATE POLICY dify_scope_update ON tenant_credit_pools FOR UPDATE USING (tenant_credit_pools.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tenant_credit_pools.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tenant_credit_pools IS 'dify-schema 76f1cadfc8d2a2c0';
CREATE POLICY dify_scope_delete ON tenant_credit_pools FOR DELETE USING (tenant_credit_pools.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tenant_credit_pools IS 'dify-schema 4940db0f0b71d964';
CREATE POLICY dify_trusted_access ON tenant_credit_pools TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenant_credit_pools IS 'dify-schema caa717f1d7f8585f';
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_credit_pools TO dify_service;


ALTER TABLE tenant_default_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_default_models FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_default_models TO dify_trusted;
CREATE POLICY dify_scope_read ON tenant_default_models FOR SELECT USING (tenant_default_models.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenant_default_models IS 'dify-schema 661e3a4167686a98';
CREATE POLICY dify_scope_insert ON tenant_default_models FOR INSERT WITH CHECK (tenant_default_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tenant_default_models IS 'dify-schema 2bbbfdc644f6c11b';
CREATE POLICY dify_scope_update ON tenant_default_models FOR UPDATE USING (tenant_default_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tenant_default_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tenant_default_models IS 'dify-schema ccbd09f40edb5883';
CREATE POLICY dify_scope_delete ON tenant_default_models FOR DELETE USING (tenant_default_models.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tenant_default_models IS 'dify-schema 4dcff51e8ef48325';
CREATE POLICY dify_trusted_access ON tenant_default_models TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenant_default_models IS 'dify-schema 1a201679396732c1';
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_default_models TO dify_service;


ALTER TABLE tenant_plugin_auto_upgrade_strategies ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_plugin_auto_upgrade_strategies FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_plugin_auto_upgrade_strategies TO dify_trusted;
CREATE POLICY dify_scope_read ON tenant_plugin_auto_upgrade_strategies FOR SELECT USING (tenant_plugin_auto_upgrade_strategies.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenant_plugin_auto_upgrade_strategies IS 'dify-schema 5db868c9fea4c9ff';
CREATE POLICY dify_scope_insert ON tenant_plugin_auto_upgrade_strategies FOR INSERT WITH CHECK (tenant_plugin_auto_upgrade_strategies.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tenant_plugin_auto_upgrade_strategies IS 'dify-schema 7aba612c327ed5bd';
CREATE POLICY dify_scope_update ON tenant_plugin_auto_upgrade_strategies FOR UPDATE USING (tenant_plugin_auto_upgrade_strategies.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tenant_plugin_auto_upgrade_strategies.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tenant_plugin_auto_upgrade_strategies IS 'dify-schema b36d6f85c7ebfc5f';
CREATE POLICY dify_scope_delete ON tenant_plugin_auto_upgrade_strategies FOR DELETE USING (tenant_plugin_auto_upgrade_strategies.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tenant_plugin_auto_upgrade_strategies IS 'dify-schema 86e392014162bbf3';
CREATE POLICY dify_trusted_access ON tenant_plugin_auto_upgrade_strategies TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenant_plugin_auto_upgrade_strategies IS 'dify-schema b3fb520649779560';
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_plugin_auto_upgrade_strategies TO dify_service;


ALTER TABLE tenant_preferred_model_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_preferred_model_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_preferred_model_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON tenant_preferred_model_providers FOR SELECT USING (tenant_preferred_model_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenant_preferred_model_providers IS 'dify-schema 41e1ff00bbcb9618';
CREATE POLICY dify_scope_insert ON tenant_preferred_model_providers FOR INSERT WITH CHECK (tenant_preferred_model_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tenant_preferred_model_providers IS 'dify-schema 14c47f18fece166a';
CREATE POLICY dify_scope_update ON tenant_preferred_model_providers FOR UPDATE USING (tenant_preferred_model_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tenant_preferred_model_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tenant_preferred_model_providers IS 'dify-schema 40623f677fac641a';
CREATE POLICY dify_scope_delete ON tenant_preferred_model_providers FOR DELETE USING (tenant_preferred_model_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tenant_preferred_model_providers IS 'dify-schema 14ef8303b02a3cc1';
CREATE POLICY dify_trusted_access ON tenant_preferred_model_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenant_preferred_model_providers IS 'dify-schema 13513c18c0749342';
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_preferred_model_providers TO dify_service;


ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants TO dify_trusted;
CREATE POLICY dify_scope_read ON tenants FOR SELECT USING (id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tenants IS 'dify-schema 02004898dee059ec';
CREATE POLICY dify_trusted_access ON tenants TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tenants IS 'dify-schema 33281c20a63db91b';
GRANT SELECT ON tenants TO dify_service;


ALTER TABLE tidb_auth_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tidb_auth_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tidb_auth_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON tidb_auth_bindings FOR SELECT USING (tidb_auth_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tidb_auth_bindings IS 'dify-schema 270a052bf90c5943';
CREATE POLICY dify_scope_insert ON tidb_auth_bindings FOR INSERT WITH CHECK (tidb_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tidb_auth_bindings IS 'dify-schema e81bc02d1bfe00b5';
CREATE POLICY dify_scope_update ON tidb_auth_bindings FOR UPDATE USING (tidb_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tidb_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tidb_auth_bindings IS 'dify-schema e3281d2bbe60129b';
CREATE POLICY dify_scope_delete ON tidb_auth_bindings FOR DELETE USING (tidb_auth_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tidb_auth_bindings IS 'dify-schema 54f5274ee80a19dc';
CREATE POLICY dify_trusted_access ON tidb_auth_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tidb_auth_bindings IS 'dify-schema 061168d50b4b6e45';
GRANT SELECT, INSERT, UPDATE, DELETE ON tidb_auth_bindings TO dify_service;


ALTER TABLE tool_api_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_api_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_api_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_api_providers FOR SELECT USING (tool_api_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_api_providers IS 'dify-schema 7a536c01859ecf3c';
CREATE POLICY dify_scope_insert ON tool_api_providers FOR INSERT WITH CHECK (tool_api_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_api_providers IS 'dify-schema 8d0a5046ac24b10e';
CREATE POLICY dify_scope_update ON tool_api_providers FOR UPDATE USING (tool_api_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (tool_api_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_api_providers IS 'dify-schema 8df58073b3f1a5ef';
CREATE POLICY dify_scope_delete ON tool_api_providers FOR DELETE USING (tool_api_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_api_providers IS 'dify-schema f5b485a5b7de7442';
CREATE POLICY dify_trusted_access ON tool_api_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_api_providers IS 'dify-schema 151904dea59d3be6';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_api_providers TO dify_service;


ALTER TABLE tool_builtin_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_builtin_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_builtin_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_builtin_providers FOR SELECT USING (tool_builtin_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_builtin_providers IS 'dify-schema 7029389904242800';
CREATE POLICY dify_scope_insert ON tool_builtin_providers FOR INSERT WITH CHECK (tool_builtin_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_builtin_providers IS 'dify-schema 31d835f27bb785d1';
CREATE POLICY dify_scope_update ON tool_builtin_providers FOR UPDATE USING (tool_builtin_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (tool_builtin_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_builtin_providers IS 'dify-schema 532169b6ee1e54e2';
CREATE POLICY dify_scope_delete ON tool_builtin_providers FOR DELETE USING (tool_builtin_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_builtin_providers IS 'dify-schema 603926e8072aaf9a';
CREATE POLICY dify_trusted_access ON tool_builtin_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_builtin_providers IS 'dify-schema 5007d9363d9dcc16';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_builtin_providers TO dify_service;


ALTER TABLE tool_conversation_variables ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_conversation_variables FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_conversation_variables TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_conversation_variables FOR SELECT USING (tool_conversation_variables.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_conversation_variables IS 'dify-schema 5ec218c55383c55d';
CREATE POLICY dify_scope_insert ON tool_conversation_variables FOR INSERT WITH CHECK (tool_conversation_variables.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON tool_conversation_variables IS 'dify-schema 4a897bda6e7e88b2';
CREATE POLICY dify_scope_update ON tool_conversation_variables FOR UPDATE USING (tool_conversation_variables.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (tool_conversation_variables.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON tool_conversation_variables IS 'dify-schema 6bea600e951d3632';
CREATE POLICY dify_scope_delete ON tool_conversation_variables FOR DELETE USING (tool_conversation_variables.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON tool_conversation_variables IS 'dify-schema 9e35bf0bac022d1a';
CREATE POLICY dify_trusted_access ON tool_conversation_variables TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_conversation_variables IS 'dify-schema 9f6a9f909a11a3da';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_conversation_variables TO dify_service;


ALTER TABLE tool_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_files TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_files FOR SELECT USING (tool_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_files IS 'dify-schema e98192aada44ad8c';
CREATE POLICY dify_scope_insert ON tool_files FOR INSERT WITH CHECK (tool_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON tool_files IS 'dify-schema 815d1d8f4aa183db';
CREATE POLICY dify_scope_update ON tool_files FOR UPDATE USING (tool_files.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (tool_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON tool_files IS 'dify-schema e70e02dec8d0407f';
CREATE POLICY dify_scope_delete ON tool_files FOR DELETE USING (tool_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON tool_files IS 'dify-schema af62a2a8c9f96706';
CREATE POLICY dify_trusted_access ON tool_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_files IS 'dify-schema b1627eb014374131';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_files TO dify_service;


GRANT SELECT, INSERT, UPDATE, DELETE ON tool_label_bindings TO dify_trusted;
GRANT SELECT ON tool_label_bindings TO dify_service;


ALTER TABLE tool_mcp_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_mcp_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_mcp_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_mcp_providers FOR SELECT USING (tool_mcp_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_mcp_providers IS 'dify-schema 82abaeeacef57f59';
CREATE POLICY dify_scope_insert ON tool_mcp_providers FOR INSERT WITH CHECK (tool_mcp_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_mcp_providers IS 'dify-schema 562c87b938378c3d';
CREATE POLICY dify_scope_update ON tool_mcp_providers FOR UPDATE USING (tool_mcp_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (tool_mcp_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_mcp_providers IS 'dify-schema b937edc07fc7e5aa';
CREATE POLICY dify_scope_delete ON tool_mcp_providers FOR DELETE USING (tool_mcp_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_mcp_providers IS 'dify-schema 1ffd535ae93e8611';
CREATE POLICY dify_trusted_access ON tool_mcp_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_mcp_providers IS 'dify-schema 313bfb52c68d3def';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_mcp_providers TO dify_service;


ALTER TABLE tool_model_invokes ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_model_invokes FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_model_invokes TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_model_invokes FOR SELECT USING (tool_model_invokes.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_model_invokes IS 'dify-schema c505a3d370ced78b';
CREATE POLICY dify_scope_insert ON tool_model_invokes FOR INSERT WITH CHECK (tool_model_invokes.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON tool_model_invokes IS 'dify-schema ed4338819a880c29';
CREATE POLICY dify_scope_update ON tool_model_invokes FOR UPDATE USING (tool_model_invokes.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (tool_model_invokes.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON tool_model_invokes IS 'dify-schema c8ccfb35e1d217b8';
CREATE POLICY dify_scope_delete ON tool_model_invokes FOR DELETE USING (tool_model_invokes.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON tool_model_invokes IS 'dify-schema f777ddd310966cbb';
CREATE POLICY dify_trusted_access ON tool_model_invokes TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_model_invokes IS 'dify-schema 3612d33844cd08a8';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_model_invokes TO dify_service;


ALTER TABLE tool_oauth_system_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_oauth_system_clients FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_oauth_system_clients TO dify_trusted;
CREATE POLICY dify_trusted_access ON tool_oauth_system_clients TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_oauth_system_clients IS 'dify-schema 24afe32a68b170dc';


ALTER TABLE tool_oauth_tenant_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_oauth_tenant_clients FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_oauth_tenant_clients TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_oauth_tenant_clients FOR SELECT USING (tool_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_oauth_tenant_clients IS 'dify-schema 81c3ccc8c4a34a2b';
CREATE POLICY dify_scope_insert ON tool_oauth_tenant_clients FOR INSERT WITH CHECK (tool_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_oauth_tenant_clients IS 'dify-schema 5b79c3965c7e5b7f';
CREATE POLICY dify_scope_update ON tool_oauth_tenant_clients FOR UPDATE USING (tool_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (tool_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_oauth_tenant_clients IS 'dify-schema 6bdbb049a7f78520';
CREATE POLICY dify_scope_delete ON tool_oauth_tenant_clients FOR DELETE USING (tool_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_oauth_tenant_clients IS 'dify-schema c018b0a7b0f612ba';
CREATE POLICY dify_trusted_access ON tool_oauth_tenant_clients TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_oauth_tenant_clients IS 'dify-schema 0b3102fc7f3f1127';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_oauth_tenant_clients TO dify_service;


ALTER TABLE tool_published_apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_published_apps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_published_apps TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_published_apps FOR SELECT USING (tool_published_apps.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON tool_published_apps IS 'dify-schema 075a14c6e3f955fe';
CREATE POLICY dify_scope_insert ON tool_published_apps FOR INSERT WITH CHECK (tool_published_apps.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_published_apps IS 'dify-schema 0930b4ad00b419b1';
CREATE POLICY dify_scope_update ON tool_published_apps FOR UPDATE USING (tool_published_apps.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (tool_published_apps.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_published_apps IS 'dify-schema 1b59cdd6e7f00fa1';
CREATE POLICY dify_scope_delete ON tool_published_apps FOR DELETE USING (tool_published_apps.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_published_apps IS 'dify-schema 04725c9d9a4f3453';
CREATE POLICY dify_trusted_access ON tool_published_apps TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_published_apps IS 'dify-schema 71e910d22ed0df7b';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_published_apps TO dify_service;


ALTER TABLE tool_workflow_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE tool_workflow_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_workflow_providers TO dify_trusted;
CREATE POLICY dify_scope_read ON tool_workflow_providers FOR SELECT USING (tool_workflow_providers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON tool_workflow_providers IS 'dify-schema 2e8c08b79fcdf90c';
CREATE POLICY dify_scope_insert ON tool_workflow_providers FOR INSERT WITH CHECK (tool_workflow_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON tool_workflow_providers IS 'dify-schema 9ddbe20a4a7ed68a';
CREATE POLICY dify_scope_update ON tool_workflow_providers FOR UPDATE USING (tool_workflow_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (tool_workflow_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON tool_workflow_providers IS 'dify-schema c0cc9430948d262c';
CREATE POLICY dify_scope_delete ON tool_workflow_providers FOR DELETE USING (tool_workflow_providers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON tool_workflow_providers IS 'dify-schema b51765eddee56b0d';
CREATE POLICY dify_trusted_access ON tool_workflow_providers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON tool_workflow_providers IS 'dify-schema e9125e2f7a9d1e34';
GRANT SELECT, INSERT, UPDATE, DELETE ON tool_workflow_providers TO dify_service;


ALTER TABLE trace_app_config ENABLE ROW LEVEL SECURITY;
ALTER TABLE trace_app_config FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON trace_app_config TO dify_trusted;
CREATE POLICY dify_scope_read ON trace_app_config FOR SELECT USING (trace_app_config.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON trace_app_config IS 'dify-schema 99bd01cdd1b2f84c';
CREATE POLICY dify_scope_insert ON trace_app_config FOR INSERT WITH CHECK (trace_app_config.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON trace_app_config IS 'dify-schema 8f906c6d89da3aaa';
CREATE POLICY dify_scope_update ON trace_app_config FOR UPDATE USING (trace_app_config.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (trace_app_config.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON trace_app_config IS 'dify-schema c072113a370abce7';
CREATE POLICY dify_scope_delete ON trace_app_config FOR DELETE USING (trace_app_config.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON trace_app_config IS 'dify-schema 4b5a942e428f5a6b';
CREATE POLICY dify_trusted_access ON trace_app_config TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON trace_app_config IS 'dify-schema 607520e1125270cf';
GRANT SELECT, INSERT, UPDATE, DELETE ON trace_app_config TO dify_service;


ALTER TABLE trial_apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE trial_apps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON trial_apps TO dify_trusted;
CREATE POLICY dify_scope_read ON trial_apps FOR SELECT USING (trial_apps.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON trial_apps IS 'dify-schema 99f9e8c06cd01ea6';
CREATE POLICY dify_scope_insert ON trial_apps FOR INSERT WITH CHECK (trial_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON trial_apps IS 'dify-schema 3e96e53bf9a10096';
CREATE POLICY dify_scope_update ON trial_apps FOR UPDATE USING (trial_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (trial_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON trial_apps IS 'dify-schema 762d95ffdbeb13dd';
CREATE POLICY dify_scope_delete ON trial_apps FOR DELETE USING (trial_apps.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON trial_apps IS 'dify-schema f282cc52caf95ea6';
CREATE POLICY dify_trusted_access ON trial_apps TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON trial_apps IS 'dify-schema 395124c810e598f1';
GRANT SELECT, INSERT, UPDATE, DELETE ON trial_apps TO dify_service;


ALTER TABLE trigger_oauth_system_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE trigger_oauth_system_clients FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON trigger_oauth_system_clients TO dify_trusted;
CREATE POLICY dify_trusted_access ON trigger_oauth_system_clients TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON trigger_oauth_system_clients IS 'dify-schema 6d854c2a255049af';


ALTER TABLE trigger_oauth_tenant_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE trigger_oauth_tenant_clients FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON trigger_oauth_tenant_clients TO dify_trusted;
CREATE POLICY dify_scope_read ON trigger_oauth_tenant_clients FOR SELECT USING (trigger_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON trigger_oauth_tenant_clients IS 'dify-schema 2b8dcb65f2238e4f';
CREATE POLICY dify_scope_insert ON trigger_oauth_tenant_clients FOR INSERT WITH CHECK (trigger_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON trigger_oauth_tenant_clients IS 'dify-schema a880c7101bf42a92';
CREATE POLICY dify_scope_update ON trigger_oauth_tenant_clients FOR UPDATE USING (trigger_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (trigger_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON trigger_oauth_tenant_clients IS 'dify-schema 1ae685439c045c4b';
CREATE POLICY dify_scope_delete ON trigger_oauth_tenant_clients FOR DELETE USING (trigger_oauth_tenant_clients.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON trigger_oauth_tenant_clients IS 'dify-schema f0ea8b7f5797e8f6';
CREATE POLICY dify_trusted_access ON trigger_oauth_tenant_clients TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON trigger_oauth_tenant_clients IS 'dify-schema 176eb3028fc2e2de';
GRANT SELECT, INSERT, UPDATE, DELETE ON trigger_oauth_tenant_clients TO dify_service;


ALTER TABLE trigger_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE trigger_subscriptions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON trigger_subscriptions TO dify_trusted;
CREATE POLICY dify_scope_read ON trigger_subscriptions FOR SELECT USING (trigger_subscriptions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON trigger_subscriptions IS 'dify-schema f498fe03f639c75f';
CREATE POLICY dify_scope_insert ON trigger_subscriptions FOR INSERT WITH CHECK (trigger_subscriptions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON trigger_subscriptions IS 'dify-schema 8a5c3f7a7b584753';
CREATE POLICY dify_scope_update ON trigger_subscriptions FOR UPDATE USING (trigger_subscriptions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (trigger_subscriptions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON trigger_subscriptions IS 'dify-schema 7f03953d36773bbb';
CREATE POLICY dify_scope_delete ON trigger_subscriptions FOR DELETE USING (trigger_subscriptions.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON trigger_subscriptions IS 'dify-schema e051673d972f6771';
CREATE POLICY dify_trusted_access ON trigger_subscriptions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON trigger_subscriptions IS 'dify-schema 570e3883acd206ab';
GRANT SELECT, INSERT, UPDATE, DELETE ON trigger_subscriptions TO dify_service;


ALTER TABLE upload_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE upload_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON upload_files TO dify_trusted;
CREATE POLICY dify_scope_read ON upload_files FOR SELECT USING (upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON upload_files IS 'dify-schema aadec37ba6684ab9';
CREATE POLICY dify_scope_insert ON upload_files FOR INSERT WITH CHECK (upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON upload_files IS 'dify-schema 41ec4052728b2d85';
CREATE POLICY dify_scope_update ON upload_files FOR UPDATE USING (upload_files.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON upload_files IS 'dify-schema 10ea675594bff99b';
CREATE POLICY dify_scope_delete ON upload_files FOR DELETE USING (upload_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON upload_files IS 'dify-schema 2a6bde41d61e9e69';
CREATE POLICY dify_trusted_access ON upload_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON upload_files IS 'dify-schema 284fea0287f5fb58';
GRANT SELECT, INSERT, UPDATE, DELETE ON upload_files TO dify_service;


ALTER TABLE whitelists ENABLE ROW LEVEL SECURITY;
ALTER TABLE whitelists FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON whitelists TO dify_trusted;
CREATE POLICY dify_scope_read ON whitelists FOR SELECT USING (whitelists.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON whitelists IS 'dify-schema 303282c2a88a4e95';
CREATE POLICY dify_scope_insert ON whitelists FOR INSERT WITH CHECK (whitelists.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_insert ON whitelists IS 'dify-schema 1461f7c9c498bec4';
CREATE POLICY dify_scope_update ON whitelists FOR UPDATE USING (whitelists.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[])) WITH CHECK (whitelists.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_update ON whitelists IS 'dify-schema 1154940ef34d9f49';
CREATE POLICY dify_scope_delete ON whitelists FOR DELETE USING (whitelists.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin}'::text[]));
COMMENT ON POLICY dify_scope_delete ON whitelists IS 'dify-schema ba680706a01b15d0';
CREATE POLICY dify_trusted_access ON whitelists TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON whitelists IS 'dify-schema 26534b08621a9270';
GRANT SELECT, INSERT, UPDATE, DELETE ON whitelists TO dify_service;


ALTER TABLE workflow_agent_node_bindings ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_agent_node_bindings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_agent_node_bindings TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_agent_node_bindings FOR SELECT USING (workflow_agent_node_bindings.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_agent_node_bindings IS 'dify-schema cbd9b798a186c743';
CREATE POLICY dify_scope_insert ON workflow_agent_node_bindings FOR INSERT WITH CHECK (workflow_agent_node_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_agent_node_bindings IS 'dify-schema ad706664ca9350c2';
CREATE POLICY dify_scope_update ON workflow_agent_node_bindings FOR UPDATE USING (workflow_agent_node_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_agent_node_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_agent_node_bindings IS 'dify-schema 57218fa396b9e3ae';
CREATE POLICY dify_scope_delete ON workflow_agent_node_bindings FOR DELETE USING (workflow_agent_node_bindings.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_agent_node_bindings IS 'dify-schema 9e93d00abe6ae22a';
CREATE POLICY dify_trusted_access ON workflow_agent_node_bindings TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_agent_node_bindings IS 'dify-schema 95b2f43f3eec0208';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_agent_node_bindings TO dify_service;


ALTER TABLE workflow_app_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_app_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_app_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_app_logs FOR SELECT USING (workflow_app_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_app_logs IS 'dify-schema d81dee55f639f296';
CREATE POLICY dify_scope_insert ON workflow_app_logs FOR INSERT WITH CHECK (workflow_app_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_app_logs IS 'dify-schema 134fb709665e92eb';
CREATE POLICY dify_scope_update ON workflow_app_logs FOR UPDATE USING (workflow_app_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_app_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_app_logs IS 'dify-schema 1bcdefe45c187445';
CREATE POLICY dify_scope_delete ON workflow_app_logs FOR DELETE USING (workflow_app_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_app_logs IS 'dify-schema 47a6e61808c0c683';
CREATE POLICY dify_trusted_access ON workflow_app_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_app_logs IS 'dify-schema 7514151b821daa83';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_app_logs TO dify_service;


ALTER TABLE workflow_archive_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_archive_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_archive_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_archive_logs FOR SELECT USING (workflow_archive_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_archive_logs IS 'dify-schema dd31aa88c0c61b3f';
CREATE POLICY dify_scope_insert ON workflow_archive_logs FOR INSERT WITH CHECK (workflow_archive_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_archive_logs IS 'dify-schema ff7b98b54b4aaae8';
CREATE POLICY dify_scope_update ON workflow_archive_logs FOR UPDATE USING (workflow_archive_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_archive_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_archive_logs IS 'dify-schema 97485da2651357de';
CREATE POLICY dify_scope_delete ON workflow_archive_logs FOR DELETE USING (workflow_archive_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_archive_logs IS 'dify-schema 9fb0832d575963ea';
CREATE POLICY dify_trusted_access ON workflow_archive_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_archive_logs IS 'dify-schema 368c521c61f3eb7a';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_archive_logs TO dify_service;


ALTER TABLE workflow_comment_mentions ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_comment_mentions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comment_mentions TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_comment_mentions FOR SELECT USING (workflow_comment_mentions.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON workflow_comment_mentions IS 'dify-schema 1884350a536505f5';
CREATE POLICY dify_scope_insert ON workflow_comment_mentions FOR INSERT WITH CHECK (workflow_comment_mentions.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_comment_mentions IS 'dify-schema fab5a5058e17dfbd';
CREATE POLICY dify_scope_update ON workflow_comment_mentions FOR UPDATE USING (workflow_comment_mentions.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_comment_mentions.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_comment_mentions IS 'dify-schema db845eeb3887f9ec';
CREATE POLICY dify_scope_delete ON workflow_comment_mentions FOR DELETE USING (workflow_comment_mentions.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_comment_mentions IS 'dify-schema 7b5a3b801cd8ea4c';
CREATE POLICY dify_trusted_access ON workflow_comment_mentions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_comment_mentions IS 'dify-schema a1ea298d70aae45c';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comment_mentions TO dify_service;


ALTER TABLE workflow_comment_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_comment_replies FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comment_replies TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_comment_replies FOR SELECT USING (workflow_comment_replies.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON workflow_comment_replies IS 'dify-schema f0f8e8f7635d0b55';
CREATE POLICY dify_scope_insert ON workflow_comment_replies FOR INSERT WITH CHECK (workflow_comment_replies.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_comment_replies IS 'dify-schema 391d3bc168992a82';
CREATE POLICY dify_scope_update ON workflow_comment_replies FOR UPDATE USING (workflow_comment_replies.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_comment_replies.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_comment_replies IS 'dify-schema 95bbc7b09edf03bd';
CREATE POLICY dify_scope_delete ON workflow_comment_replies FOR DELETE USING (workflow_comment_replies.comment_id IN (SELECT workflow_comments.id FROM workflow_comments WHERE workflow_comments.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_comment_replies IS 'dify-schema b14c5c39fa4d42c0';
CREATE POLICY dify_trusted_access ON workflow_comment_replies TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_comment_replies IS 'dify-schema d5044d1e730e6967';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comment_replies TO dify_service;


ALTER TABLE workflow_comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_comments FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comments TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_comments FOR SELECT USING (workflow_comments.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_comments IS 'dify-schema c80e7d87edf2c70c';
CREATE POLICY dify_scope_insert ON workflow_comments FOR INSERT WITH CHECK (workflow_comments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_comments IS 'dify-schema da01ec1071e94b1b';
CREATE POLICY dify_scope_update ON workflow_comments FOR UPDATE USING (workflow_comments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_comments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_comments IS 'dify-schema bacdd93af8a0f93f';
CREATE POLICY dify_scope_delete ON workflow_comments FOR DELETE USING (workflow_comments.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_comments IS 'dify-schema 4e8b98f5b6f40430';
CREATE POLICY dify_trusted_access ON workflow_comments TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_comments IS 'dify-schema bf050ec64aeb6b52';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_comments TO dify_service;


ALTER TABLE workflow_conversation_variables ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_conversation_variables FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_conversation_variables TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_conversation_variables FOR SELECT USING (workflow_conversation_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON workflow_conversation_variables IS 'dify-schema 0d23cb3b60adddfc';
CREATE POLICY dify_scope_insert ON workflow_conversation_variables FOR INSERT WITH CHECK (workflow_conversation_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON workflow_conversation_variables IS 'dify-schema 3fc8767a80a23e19';
CREATE POLICY dify_scope_update ON workflow_conversation_variables FOR UPDATE USING (workflow_conversation_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (workflow_conversation_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON workflow_conversation_variables IS 'dify-schema edabb4273d580d7f';
CREATE POLICY dify_scope_delete ON workflow_conversation_variables FOR DELETE USING (workflow_conversation_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON workflow_conversation_variables IS 'dify-schema 7bb720ec6d6c85e9';
CREATE POLICY dify_trusted_access ON workflow_conversation_variables TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_conversation_variables IS 'dify-schema df68b07b0bd464ec';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_conversation_variables TO dify_service;


ALTER TABLE workflow_draft_variable_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_draft_variable_files FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_draft_variable_files TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_draft_variable_files FOR SELECT USING (workflow_draft_variable_files.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_draft_variable_files IS 'dify-schema 70f9a005ec4dd9f9';
CREATE POLICY dify_scope_insert ON workflow_draft_variable_files FOR INSERT WITH CHECK (workflow_draft_variable_files.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_draft_variable_files IS 'dify-schema 35d8a1e9eb31e4a4';
CREATE POLICY dify_scope_update ON workflow_draft_variable_files FOR UPDATE USING (workflow_draft_variable_files.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_draft_variable_files.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_draft_variable_files IS 'dify-schema b222f1c845a292ac';
CREATE POLICY dify_scope_delete ON workflow_draft_variable_files FOR DELETE USING (workflow_draft_variable_files.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_draft_variable_files IS 'dify-schema d7dd71cb80692be1';
CREATE POLICY dify_trusted_access ON workflow_draft_variable_files TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_draft_variable_files IS 'dify-schema a8bd83bed4f9d780';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_draft_variable_files TO dify_service;


ALTER TABLE workflow_draft_variables ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_draft_variables FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_draft_variables TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_draft_variables FOR SELECT USING (workflow_draft_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON workflow_draft_variables IS 'dify-schema 4769ca1686a99ee6';
CREATE POLICY dify_scope_insert ON workflow_draft_variables FOR INSERT WITH CHECK (workflow_draft_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_draft_variables IS 'dify-schema 157cd668e83dd30b';
CREATE POLICY dify_scope_update ON workflow_draft_variables FOR UPDATE USING (workflow_draft_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_draft_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_draft_variables IS 'dify-schema 2b92809558347bf5';
CREATE POLICY dify_scope_delete ON workflow_draft_variables FOR DELETE USING (workflow_draft_variables.app_id IN (SELECT apps.id FROM apps WHERE apps.tenant_id = (SELECT dify_scope_tenant())) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_draft_variables IS 'dify-schema 08936c211f5f3b54';
CREATE POLICY dify_trusted_access ON workflow_draft_variables TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_draft_variables IS 'dify-schema 99f4421120136a76';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_draft_variables TO dify_service;


ALTER TABLE workflow_node_execution_offload ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_node_execution_offload FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_node_execution_offload TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_node_execution_offload FOR SELECT USING (workflow_node_execution_offload.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_node_execution_offload IS 'dify-schema ece82403b9fdeb3a';
CREATE POLICY dify_scope_insert ON workflow_node_execution_offload FOR INSERT WITH CHECK (workflow_node_execution_offload.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_node_execution_offload IS 'dify-schema 43dbca692358163d';
CREATE POLICY dify_scope_update ON workflow_node_execution_offload FOR UPDATE USING (workflow_node_execution_offload.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_node_execution_offload.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_node_execution_offload IS 'dify-schema ee5206a51a9ffc1f';
CREATE POLICY dify_scope_delete ON workflow_node_execution_offload FOR DELETE USING (workflow_node_execution_offload.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_node_execution_offload IS 'dify-schema 86d10157581495a5';
CREATE POLICY dify_trusted_access ON workflow_node_execution_offload TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_node_execution_offload IS 'dify-schema fe6b7ab2a61d1754';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_node_execution_offload TO dify_service;


ALTER TABLE workflow_node_executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_node_executions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_node_executions TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_node_executions FOR SELECT USING (workflow_node_executions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_node_executions IS 'dify-schema f26da1fc8bc505c1';
CREATE POLICY dify_scope_insert ON workflow_node_executions FOR INSERT WITH CHECK (workflow_node_executions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_node_executions IS 'dify-schema 01015f228f7e7490';
CREATE POLICY dify_scope_update ON workflow_node_executions FOR UPDATE USING (workflow_node_executions.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_node_executions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_node_executions IS 'dify-schema be54c5f3f644bb61';
CREATE POLICY dify_scope_delete ON workflow_node_executions FOR DELETE USING (workflow_node_executions.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_node_executions IS 'dify-schema 5f425c1c63887112';
CREATE POLICY dify_trusted_access ON workflow_node_executions TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_node_executions IS 'dify-schema d29ae2de51e1d633';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_node_executions TO dify_service;


ALTER TABLE workflow_pause_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_pause_reasons FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_pause_reasons TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_pause_reasons FOR SELECT USING (workflow_pause_reasons.pause_id IN (SELECT workflow_pauses.id FROM workflow_pauses WHERE workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_read ON workflow_pause_reasons IS 'dify-schema d2df51e89f5091ed';
CREATE POLICY dify_scope_insert ON workflow_pause_reasons FOR INSERT WITH CHECK (workflow_pause_reasons.pause_id IN (SELECT workflow_pauses.id FROM workflow_pauses WHERE workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_insert ON workflow_pause_reasons IS 'dify-schema f76a019ea2ec84d7';
CREATE POLICY dify_scope_update ON workflow_pause_reasons FOR UPDATE USING (workflow_pause_reasons.pause_id IN (SELECT workflow_pauses.id FROM workflow_pauses WHERE workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())))) WITH CHECK (workflow_pause_reasons.pause_id IN (SELECT workflow_pauses.id FROM workflow_pauses WHERE workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_update ON workflow_pause_reasons IS 'dify-schema 1ea6e3692994d3de';
CREATE POLICY dify_scope_delete ON workflow_pause_reasons FOR DELETE USING (workflow_pause_reasons.pause_id IN (SELECT workflow_pauses.id FROM workflow_pauses WHERE workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))));
COMMENT ON POLICY dify_scope_delete ON workflow_pause_reasons IS 'dify-schema 6f58d83555330314';
CREATE POLICY dify_trusted_access ON workflow_pause_reasons TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_pause_reasons IS 'dify-schema eea90ec5ff5a0b41';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_pause_reasons TO dify_service;


ALTER TABLE workflow_pauses ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_pauses FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_pauses TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_pauses FOR SELECT USING (workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_read ON workflow_pauses IS 'dify-schema 099621717b337de6';
CREATE POLICY dify_scope_insert ON workflow_pauses FOR INSERT WITH CHECK (workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_insert ON workflow_pauses IS 'dify-schema 55e07715b4965787';
CREATE POLICY dify_scope_update ON workflow_pauses FOR UPDATE USING (workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant()))) WITH CHECK (workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_update ON workflow_pauses IS 'dify-schema adb7873cc581ec97';
CREATE POLICY dify_scope_delete ON workflow_pauses FOR DELETE USING (workflow_pauses.workflow_run_id IN (SELECT workflow_runs.id FROM workflow_runs WHERE workflow_runs.tenant_id = (SELECT dify_scope_tenant())));
COMMENT ON POLICY dify_scope_delete ON workflow_pauses IS 'dify-schema 2598373a66d59196';
CREATE POLICY dify_trusted_access ON workflow_pauses TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_pauses IS 'dify-schema e6ad249e7f9b3916';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_pauses TO dify_service;


ALTER TABLE workflow_plugin_triggers ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_plugin_triggers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_plugin_triggers TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_plugin_triggers FOR SELECT USING (workflow_plugin_triggers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_plugin_triggers IS 'dify-schema e12b258d78ec94f2';
CREATE POLICY dify_scope_insert ON workflow_plugin_triggers FOR INSERT WITH CHECK (workflow_plugin_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_plugin_triggers IS 'dify-schema 75484471a38fd12f';
CREATE POLICY dify_scope_update ON workflow_plugin_triggers FOR UPDATE USING (workflow_plugin_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_plugin_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_plugin_triggers IS 'dify-schema 8253c1f0093ff010';
CREATE POLICY dify_scope_delete ON workflow_plugin_triggers FOR DELETE USING (workflow_plugin_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_plugin_triggers IS 'dify-schema 8f09bdb9a035ddf7';
CREATE POLICY dify_trusted_access ON workflow_plugin_triggers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_plugin_triggers IS 'dify-schema 91d6028abe88b359';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_plugin_triggers TO dify_service;


ALTER TABLE workflow_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_runs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_runs TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_runs FOR SELECT USING (workflow_runs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_runs IS 'dify-schema 96c1eab6a9f96838';
CREATE POLICY dify_scope_insert ON workflow_runs FOR INSERT WITH CHECK (workflow_runs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_runs IS 'dify-schema 76545f636bac3fa4';
CREATE POLICY dify_scope_update ON workflow_runs FOR UPDATE USING (workflow_runs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_runs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_runs IS 'dify-schema 5ee1678a29699eed';
CREATE POLICY dify_scope_delete ON workflow_runs FOR DELETE USING (workflow_runs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_runs IS 'dify-schema 481235e35c229101';
CREATE POLICY dify_trusted_access ON workflow_runs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_runs IS 'dify-schema 587487b7acaaafd4';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_runs TO dify_service;


ALTER TABLE workflow_schedule_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_schedule_plans FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_schedule_plans TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_schedule_plans FOR SELECT USING (workflow_schedule_plans.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_schedule_plans IS 'dify-schema 3ca2dea26d5fdab7';
CREATE POLICY dify_scope_insert ON workflow_schedule_plans FOR INSERT WITH CHECK (workflow_schedule_plans.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_schedule_plans IS 'dify-schema 96f96aadd0cd5b6b';
CREATE POLICY dify_scope_update ON workflow_schedule_plans FOR UPDATE USING (workflow_schedule_plans.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_schedule_plans.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_schedule_plans IS 'dify-schema 50d1c2a6a419bb0a';
CREATE POLICY dify_scope_delete ON workflow_schedule_plans FOR DELETE USING (workflow_schedule_plans.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_schedule_plans IS 'dify-schema ebd18d95aaee83a1';
CREATE POLICY dify_trusted_access ON workflow_schedule_plans TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_schedule_plans IS 'dify-schema ea75dd7339c4bb09';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_schedule_plans TO dify_service;


ALTER TABLE workflow_trigger_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_trigger_logs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_trigger_logs TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_trigger_logs FOR SELECT USING (workflow_trigger_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_trigger_logs IS 'dify-schema 8f4bf202426c0b05';
CREATE POLICY dify_scope_insert ON workflow_trigger_logs FOR INSERT WITH CHECK (workflow_trigger_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_insert ON workflow_trigger_logs IS 'dify-schema baada4e3806d85e6';
CREATE POLICY dify_scope_update ON workflow_trigger_logs FOR UPDATE USING (workflow_trigger_logs.tenant_id = (SELECT dify_scope_tenant())) WITH CHECK (workflow_trigger_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_update ON workflow_trigger_logs IS 'dify-schema 0f31eaf8302d7efb';
CREATE POLICY dify_scope_delete ON workflow_trigger_logs FOR DELETE USING (workflow_trigger_logs.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_delete ON workflow_trigger_logs IS 'dify-schema a776840b725ee0cd';
CREATE POLICY dify_trusted_access ON workflow_trigger_logs TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_trigger_logs IS 'dify-schema b8867c19836e86a9';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_trigger_logs TO dify_service;


ALTER TABLE workflow_webhook_triggers ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_webhook_triggers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_webhook_triggers TO dify_trusted;
CREATE POLICY dify_scope_read ON workflow_webhook_triggers FOR SELECT USING (workflow_webhook_triggers.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflow_webhook_triggers IS 'dify-schema 5c3aac9c366c1d81';
CREATE POLICY dify_scope_insert ON workflow_webhook_triggers FOR INSERT WITH CHECK (workflow_webhook_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflow_webhook_triggers IS 'dify-schema b9535ba722577bd3';
CREATE POLICY dify_scope_update ON workflow_webhook_triggers FOR UPDATE USING (workflow_webhook_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflow_webhook_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflow_webhook_triggers IS 'dify-schema fcf07f7417dd1850';
CREATE POLICY dify_scope_delete ON workflow_webhook_triggers FOR DELETE USING (workflow_webhook_triggers.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflow_webhook_triggers IS 'dify-schema a8bf3a02959d2e3e';
CREATE POLICY dify_trusted_access ON workflow_webhook_triggers TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflow_webhook_triggers IS 'dify-schema a31a9e2e1a143690';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_webhook_triggers TO dify_service;


ALTER TABLE workflows ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflows FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflows TO dify_trusted;
CREATE POLICY dify_scope_read ON workflows FOR SELECT USING (workflows.tenant_id = (SELECT dify_scope_tenant()));
COMMENT ON POLICY dify_scope_read ON workflows IS 'dify-schema a69a35c2f56cc847';
CREATE POLICY dify_scope_insert ON workflows FOR INSERT WITH CHECK (workflows.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_insert ON workflows IS 'dify-schema 07a67084b3a39147';
CREATE POLICY dify_scope_update ON workflows FOR UPDATE USING (workflows.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[])) WITH CHECK (workflows.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_update ON workflows IS 'dify-schema 6973b065956db665';
CREATE POLICY dify_scope_delete ON workflows FOR DELETE USING (workflows.tenant_id = (SELECT dify_scope_tenant()) AND (SELECT dify_scope_role()) = ANY ('{owner,admin,editor}'::text[]));
COMMENT ON POLICY dify_scope_delete ON workflows IS 'dify-schema f81fc7fd95b44438';
CREATE POLICY dify_trusted_access ON workflows TO dify_trusted USING (true) WITH CHECK (true);
COMMENT ON POLICY dify_trusted_access ON workflows IS 'dify-schema c6f89bf1a2adc333';
GRANT SELECT, INSERT, UPDATE, DELETE ON workflows TO dify_service;

