//! A database Dify created, taken into the project's migrations: adopted
//! at its Alembic revision, migrated (row-level security on top), then
//! used through the scoped API by every domain's flow, while a role
//! standing in for Dify's Python services keeps full access.

use diesel::connection::SimpleConnection;
use dify_models::SCHEMA;
use dify_schema::introspect::{compare, live_tables};
use dify_schema::migrate::adopt::BOOKKEEPING;
use dify_schema::migrate::{adopt, dify_revision, AdoptError, Runner};
use dify_schema::rls;
use dify_tests::catalogue::Catalogue;
use dify_tests::{TestDatabase, TestRole, DIFY_REVISION};

use crate::fixtures::{adopted_database, on_databases_dify_created};

#[test]
fn a_database_dify_created_is_adopted_then_migrated_to_the_projects_schema() {
    let db = TestDatabase::dify_created();
    let mut conn = db.connect();
    let set = dify_models::migrations();
    let adopted = adopt(&mut conn, &set).unwrap();
    assert_eq!(adopted.revision, DIFY_REVISION);
    let marked = set.for_dify_revision(DIFY_REVISION).unwrap();
    assert_eq!(
        adopted.recorded.last().map(String::as_str),
        Some(marked.name.as_ref())
    );
    assert!(
        !adopted.pending.is_empty(),
        "row-level security is still to apply"
    );
    // Adopting again records nothing.
    assert!(adopt(&mut conn, &set).unwrap().recorded.is_empty());

    let applied = Runner::new(&mut conn, &set).run_pending(|_| {}).unwrap();
    assert_eq!(
        applied, adopted.pending,
        "migrate runs only the project's additions"
    );
    assert_eq!(
        dify_revision(&mut conn).unwrap().as_deref(),
        Some(DIFY_REVISION)
    );
    let drift = compare(&SCHEMA, &live_tables(&mut conn).unwrap(), &BOOKKEEPING);
    assert!(drift.is_empty(), "check is clean: {drift:?}");

    // Exactly the schema the migrations build from empty, row-level
    // security and its functions included.
    let fresh = TestDatabase::new();
    let mut fresh_conn = fresh.connect();
    Runner::new(&mut fresh_conn, &set)
        .run_pending(|_| {})
        .unwrap();
    let differences = Catalogue::read(&mut conn)
        .without(&BOOKKEEPING, &[])
        .differences(&Catalogue::read(&mut fresh_conn).without(&BOOKKEEPING, &[]));
    assert!(differences.is_empty(), "{}", differences.join("\n"));

    // The service role's start-up check passes on it.
    let service = TestRole::create(&db);
    assert_eq!(
        rls::verify(&mut service.connect(), &SCHEMA).unwrap(),
        vec![]
    );
}

/// Every domain's flow, on a database Dify created (adopted and migrated)
/// instead of one built by the project.
#[test]
fn every_domain_flow_runs_on_a_database_dify_created() {
    let flows: &[fn()] = &[
        crate::flow_account::an_owner_builds_a_team_of_every_role_and_manages_it,
        crate::flow_agent::a_roster_agent_with_versions_a_debug_chat_and_a_bound_workflow_node,
        crate::flow_app::an_app_with_its_config_site_and_api_token,
        crate::flow_comment::a_comment_with_a_reply_and_mentions_is_resolved,
        crate::flow_conversation::a_conversation_with_messages_feedback_annotations_and_agent_thoughts,
        crate::flow_credential::credentials_shared_with_partial_members,
        crate::flow_credit::a_trial_credit_pool_is_deducted_under_a_lock,
        crate::flow_dataset::a_dataset_whose_documents_move_through_the_indexing_states,
        crate::flow_file::an_upload_file_is_stored_used_and_deleted,
        crate::flow_human_input::a_form_delivered_by_email_answered_with_a_file,
        crate::flow_oauth_token::device_tokens_rotate_and_stay_out_of_every_scope,
        crate::flow_snippet::stars_on_apps_and_a_published_snippet,
        crate::flow_summary::a_chunk_summary_is_generated_indexed_and_disabled,
        crate::flow_tag::tags_bound_to_an_app_and_a_dataset,
        crate::flow_tool::tool_providers_of_every_kind_and_what_tools_leave_behind,
        crate::flow_trial::a_trial_app_tried_from_another_workspace,
        crate::flow_workflow::a_workflow_run_with_node_executions_an_app_log_and_its_status_moves,
        crate::flow_workspace_settings::an_admin_configures_providers_plugins_data_sources_and_triggers,
    ];
    on_databases_dify_created(|| {
        for flow in flows {
            flow();
        }
    });
    println!("{} flows ran on databases Dify created", flows.len());
}

/// A role standing in for Dify's Python services: granted `dify_trusted`,
/// it sets no tenant, and reads and writes every table as it did before
/// the project's row-level security.
#[test]
fn difys_own_role_reads_and_writes_every_table_as_before() {
    let (db, _conn) = adopted_database();
    let python = TestRole::create_as(&db, "python", "dify_trusted");
    let mut conn = python.connect();
    crate::every_table::fill_every_table_on(&mut conn, false);
    for table in SCHEMA.tables() {
        conn.batch_execute(&format!(
            "SELECT count(*) FROM {0}; DELETE FROM {0} WHERE false;",
            table.name
        ))
        .unwrap_or_else(|error| panic!("{}: {error}", table.name));
    }
}

/// What a newer Dify does to a database: `adopt` refuses it with every
/// difference, by table and column.
#[test]
fn adopt_refuses_a_database_that_differs_and_names_each_difference() {
    let db = TestDatabase::dify_created();
    let mut conn = db.connect();
    conn.batch_execute(
        "ALTER TABLE apps ADD COLUMN newer_flag boolean DEFAULT false NOT NULL; \
         CREATE TABLE newer_things (id uuid PRIMARY KEY); \
         ALTER TABLE apps ALTER COLUMN status SET DEFAULT 'draft';",
    )
    .unwrap();
    match adopt(&mut conn, &dify_models::migrations()) {
        Err(AdoptError::Differs { revision, drift }) => {
            assert_eq!(revision, DIFY_REVISION);
            let text = drift
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n");
            for expected in ["apps.newer_flag", "newer_things", "apps.status"] {
                assert!(text.contains(expected), "{expected} in:\n{text}");
            }
        }
        other => panic!("adopt must refuse a database that differs: {other:?}"),
    }
    // Nothing was recorded.
    let status = Runner::new(&mut conn, &dify_models::migrations())
        .status()
        .unwrap();
    assert!(status.iter().all(|migration| !migration.applied));

    // A revision the project does not know.
    conn.batch_execute(
        "ALTER TABLE apps DROP COLUMN newer_flag; DROP TABLE newer_things; \
         ALTER TABLE apps ALTER COLUMN status SET DEFAULT 'normal'::character varying; \
         UPDATE alembic_version SET version_num = 'ffffffffffff'",
    )
    .unwrap();
    assert!(matches!(
        adopt(&mut conn, &dify_models::migrations()),
        Err(AdoptError::UnknownRevision { found, .. }) if found == "ffffffffffff"
    ));
    // And a database Dify did not make.
    let empty = TestDatabase::new();
    assert!(matches!(
        adopt(&mut empty.connect(), &dify_models::migrations()),
        Err(AdoptError::NotDify)
    ));
}
