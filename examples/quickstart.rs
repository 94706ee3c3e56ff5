//! The quickstart: a database, two workspaces, and the scoped API.
//!
//! Run with `cargo run --example quickstart`. With `DATABASE_URL` set (a
//! server where this user may create a database) it works in a throwaway
//! database there, on PostgreSQL, or on MySQL/MariaDB for a `mysql://`
//! URL; without it, it starts a throwaway PostgreSQL server from the local
//! installation. Either is removed at the end.

// Shared with the tests, which also restart and crash it.
#[allow(dead_code)]
#[path = "../tests/support/throwaway.rs"]
mod throwaway_postgres;

use diesel::{Connection, PgConnection, RunQueryDsl};
use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_models::enums::CreatorUserRole;
use dify_models::state::move_workflow_run;
use dify_models::workflow::*;
use dify_models::SCHEMA;
use dify_schema::dialect::{Dialect, DialectConnection};
use dify_schema::migrate::mysql::MysqlRunner;
use dify_schema::migrate::{Event, Runner};
use dify_schema::persist::Persist;
use dify_schema::pool::ScopeConnection;
use dify_schema::scope::{BelongsTo, DatasetEditing, Editing, Loads, ScopeDialect, ScopedAccess};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::{BigDecimal, Uuid};
use dify_schema::{with_tenant, Error, Page};
use serde_json::json;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() {
    if let Err(error) = run() {
        eprintln!("quickstart failed: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if dify_schema::mysql::is_mysql_url(&url) => run_on_mysql(&url),
        _ => run_on_postgres(),
    }
}

/// Dify's second backend: a `mysql://` `DATABASE_URL` (a server where this
/// user may create a database) runs the same tour there.
fn run_on_mysql(server: &str) -> Result<()> {
    let mut admin = dify_schema::mysql::connect(server).map_err(|error| {
        format!(
            "cannot reach MySQL at {server}: {error}\n\
             Start it, or set DATABASE_URL to a server where you may create a database."
        )
    })?;
    let name = format!("dify_quickstart_{}", std::process::id());
    diesel::sql_query(format!(
        "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
    ))
    .execute(&mut admin)?;
    println!("created database {name} on MySQL");
    let scheme_end = server.find("://").map_or(0, |at| at + 3);
    let url = match server[scheme_end..].find('/') {
        Some(slash) => format!("{}/{name}", &server[..scheme_end + slash]),
        None => format!("{server}/{name}"),
    };
    let outcome = dify_schema::mysql::connect(&url)
        .map_err(Into::into)
        .and_then(|mut conn| {
            let start = dify_schema::mysql::start_up_check(&mut conn)?;
            println!("{}", start.notice());
            tour(&mut conn, migrate_mysql)
        });
    diesel::sql_query(format!("DROP DATABASE `{name}`")).execute(&mut admin)?;
    println!("dropped database {name}");
    outcome
}

/// MySQL's runner: locked with `GET_LOCK`, checksummed, resumable.
fn migrate_mysql(conn: &mut dify_schema::mysql::MysqlConnection) -> Result<usize> {
    let migrations = dify_models::mysql_migrations();
    let applied = MysqlRunner::new(conn, &migrations).run_pending(|event| {
        if let Event::Applying { index, total, name } = event {
            println!("migrating [{}/{total}] {name}", index + 1);
        }
    })?;
    Ok(applied.len())
}

fn run_on_postgres() -> Result<()> {
    let (server, _throwaway) = match std::env::var("DATABASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            println!("DATABASE_URL is not set: starting a throwaway PostgreSQL server");
            let throwaway = throwaway_postgres::ThrowawayPostgres::start()?;
            (throwaway.url(), Some(throwaway))
        }
    };
    let mut admin = PgConnection::establish(&server).map_err(|error| {
        format!(
            "cannot reach PostgreSQL at {server}: {error}\n\
             Start it, or set DATABASE_URL to a server where you may create a database."
        )
    })?;
    let name = format!("dify_quickstart_{}", std::process::id());
    diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
    println!("created database {name}");
    let url = match server.rfind('/') {
        Some(slash) => format!("{}/{name}", &server[..slash]),
        None => format!("{server}/{name}"),
    };
    let outcome = PgConnection::establish(&url)
        .map_err(Into::into)
        .and_then(|mut conn| tour(&mut conn, migrate_postgres));
    diesel::sql_query(format!("DROP DATABASE {name} WITH (FORCE)")).execute(&mut admin)?;
    println!("dropped database {name}");
    outcome
}

/// The same runner a service uses at start-up: locked, transactional,
/// checksummed.
fn migrate_postgres(conn: &mut PgConnection) -> Result<usize> {
    let migrations = dify_models::migrations();
    let applied = Runner::new(conn, &migrations).run_pending(|event| {
        if let Event::Applying { index, total, name } = event {
            println!("migrating [{}/{total}] {name}", index + 1);
        }
    })?;
    Ok(applied.len())
}

/// The tour, on PostgreSQL or MySQL: the same code, the dialect taken from
/// the connection. What it needs of each entity on that dialect is listed
/// once, here; a service written for one backend names none of it.
fn tour<Conn, D>(conn: &mut Conn, migrate: fn(&mut Conn) -> Result<usize>) -> Result<()>
where
    Conn: ScopeConnection<Dialect = D> + DialectConnection<Dialect = D>,
    D: ScopeDialect<Conn = Conn>,
    Tenant: Persist<D>,
    Account: Persist<D>,
    TenantAccountJoin: Persist<D>,
    App: ScopedAccess<D>,
    Conversation: ScopedAccess<D>,
    Message: ScopedAccess<D> + BelongsTo<App, D>,
    Workflow: ScopedAccess<D>,
    WorkflowRun: Loads<D>,
    Dataset: ScopedAccess<D>,
    Document: ScopedAccess<D>,
    DocumentSegment: ScopedAccess<D>,
{
    let applied = migrate(conn)?;
    println!(
        "applied {applied} migration(s) on {}: {} tables",
        D::NAME,
        SCHEMA.tables().len()
    );

    // Creating workspaces and memberships is system work (Dify does it at
    // sign-up), so it goes through the one, greppable escape hatch.
    let (acme, globex) = {
        let mut system = bypass_tenant_isolation(conn, "quickstart: create workspaces");
        (
            workspace(&mut system, "Acme")?,
            workspace(&mut system, "Globex")?,
        )
    };

    // Everything else happens inside a tenant scope.
    let acme_app = with_tenant(
        conn,
        acme.tenant,
        acme.owner,
        |scope| -> std::result::Result<Uuid, Error> {
            println!("\nin workspace Acme as {:?}", scope.role());
            let editing = scope.require::<Editing>()?;
            let app = editing.insert::<App>(NewApp {
                maintainer: None,
                id: None,
                name: "Support bot".into(),
                description: Some("Answers refund questions".into()),
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
            })?;
            println!("  app {} ({})", app.name, app.id);

            let conversation = editing.insert::<Conversation>(NewConversation {
                id: None,
                app_id: app.id(),
                app_model_config_id: None,
                model_provider: Some("openai".into()),
                override_model_configs: None,
                model_id: Some("gpt-4o".into()),
                mode: AppMode::AdvancedChat,
                name: "Where is my refund?".into(),
                summary: None,
                inputs: json!({"order": 42}),
                introduction: None,
                system_instruction: None,
                system_instruction_tokens: None,
                status: ConversationStatus::Normal,
                invoke_from: Some(InvokeFrom::WebApp),
                from_source: ConversationFromSource::Api,
                from_end_user_id: None,
                from_account_id: Some(acme.owner),
                read_at: None,
                read_account_id: None,
                dialogue_count: Some(0),
            })?;
            for (query, answer) in [
                ("Where is my refund?", "On its way."),
                ("When?", "Within five days."),
            ] {
                editing.insert::<Message>(NewMessage {
                    id: None,
                    app_id: app.id(),
                    model_provider: None,
                    model_id: None,
                    override_model_configs: None,
                    conversation_id: conversation.id(),
                    inputs: json!({}),
                    query: query.into(),
                    message: json!([{"role": "user", "text": query}]),
                    message_tokens: Some(5),
                    message_unit_price: BigDecimal::from(0),
                    message_price_unit: None,
                    answer: answer.into(),
                    answer_tokens: Some(4),
                    answer_unit_price: BigDecimal::from(0),
                    answer_price_unit: None,
                    parent_message_id: None,
                    provider_response_latency: Some(0.4),
                    total_price: None,
                    currency: "USD".into(),
                    status: None,
                    error: None,
                    message_metadata: None,
                    invoke_from: None,
                    from_source: "api".into(),
                    from_end_user_id: None,
                    from_account_id: Some(acme.owner),
                    agent_based: None,
                    workflow_run_id: None,
                    app_mode: Some("advanced-chat".into()),
                })?;
            }
            let messages = editing.children::<Message, _>(app.id(), Page::first(10))?;
            println!(
                "  conversation \"{}\" with {} messages",
                conversation.name,
                messages.len()
            );
            Ok(app.id)
        },
    )?;

    // A workflow and a run that moves through Dify's run states.
    with_tenant(conn, acme.tenant, acme.owner, |scope| -> Result<()> {
        // The app's uuid was returned from another scope: checked again here.
        let app = scope.lookup::<App>(acme_app)?.ok_or("the app is gone")?;
        let editing = scope.require::<Editing>()?;
        let workflow = editing.insert::<Workflow>(NewWorkflow {
            kind: None,
            id: None,
            app_id: app.id().into(),
            r#type: WorkflowType::Workflow,
            version: "draft".into(),
            marked_name: None,
            marked_comment: None,
            graph: r#"{"nodes": [], "edges": []}"#.into(),
            features: "{}".into(),
            environment_variables: Some("[]".into()),
            conversation_variables: Some("[]".into()),
            rag_pipeline_variables: Some("[]".into()),
        })?;
        let run = editing.insert::<WorkflowRun>(NewWorkflowRun {
            id: None,
            app_id: app.id(),
            workflow_id: workflow.id(),
            r#type: WorkflowType::Workflow,
            triggered_from: WorkflowRunTriggeredFrom::Debugging,
            version: "draft".into(),
            graph: None,
            inputs: Some(r#"{"order": 42}"#.into()),
            status: WorkflowExecutionStatus::Running,
            outputs: None,
            error: None,
            elapsed_time: None,
            total_tokens: None,
            total_steps: None,
            created_by_role: CreatorUserRole::Account,
            created_by: acme.owner,
            finished_at: None,
            exceptions_count: None,
        })?;
        let done = move_workflow_run(editing, run.id(), WorkflowExecutionStatus::Succeeded)?;
        println!("\n  workflow run {}: running -> {}", done.id, done.status);
        match move_workflow_run(editing, run.id(), WorkflowExecutionStatus::Running) {
            Err(error) => println!("  restarting a finished run: refused ({error})"),
            Ok(_) => unreachable!("succeeded is final"),
        }
        Ok(())
    })?;

    // A dataset operator may edit knowledge bases, not apps.
    with_tenant(
        conn,
        acme.tenant,
        acme.dataset_operator,
        |scope| -> std::result::Result<(), Error> {
            println!("\nin workspace Acme as {:?}", scope.role());
            let datasets = scope.require::<DatasetEditing>()?;
            let dataset = datasets.insert::<Dataset>(NewDataset {
                maintainer: None,
                summary_index_setting: None,
                id: None,
                name: "Handbook".into(),
                description: None,
                provider: None,
                permission: Some(DatasetPermissionEnum::AllTeamMembers),
                data_source_type: Some(DataSourceType::UploadFile),
                indexing_technique: Some(IndexingTechnique::HighQuality),
                index_struct: None,
                embedding_model: None,
                embedding_model_provider: None,
                keyword_number: None,
                collection_binding_id: None,
                retrieval_model: Some(json!({"search_method": "semantic_search", "top_k": 4})),
                built_in_field_enabled: None,
                icon_info: None,
                runtime_mode: None,
                pipeline_id: None,
                chunk_structure: None,
                enable_api: None,
                is_multimodal: None,
            })?;
            let document = datasets.insert::<Document>(NewDocument {
                need_summary: None,
                id: None,
                dataset_id: dataset.id(),
                position: 1,
                data_source_type: DataSourceType::UploadFile,
                data_source_info: None,
                dataset_process_rule_id: None,
                batch: "quickstart".into(),
                name: "refunds.md".into(),
                created_from: DocumentCreatedFrom::Web,
                created_api_request_id: None,
                processing_started_at: None,
                file_id: None,
                word_count: Some(9),
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
                indexing_status: Some(IndexingStatus::Completed),
                enabled: None,
                disabled_at: None,
                disabled_by: None,
                archived: None,
                archived_reason: None,
                archived_by: None,
                archived_at: None,
                doc_type: None,
                doc_metadata: Some(json!({"team": "support"})),
                doc_form: None,
                doc_language: Some("English".into()),
            })?;
            for (position, content) in [
                "Refunds take five days.",
                "Contact support for late refunds.",
            ]
            .iter()
            .enumerate()
            {
                datasets.insert::<DocumentSegment>(NewDocumentSegment {
                    id: None,
                    dataset_id: dataset.id(),
                    document_id: document.id(),
                    position: position as i32 + 1,
                    content: (*content).into(),
                    answer: None,
                    word_count: content.split_whitespace().count() as i32,
                    tokens: 8,
                    keywords: Some(json!(["refund"])),
                    index_node_id: None,
                    index_node_hash: None,
                    hit_count: 0,
                    enabled: None,
                    disabled_at: None,
                    disabled_by: None,
                    status: Some(SegmentStatus::Completed),
                    indexing_at: None,
                    completed_at: None,
                    error: None,
                    stopped_at: None,
                })?;
            }
            println!(
                "  knowledge base \"{}\": {} document, {} segments",
                dataset.name,
                datasets.count::<Document>()?,
                datasets.count::<DocumentSegment>()?
            );
            match datasets.require::<Editing>() {
                Err(error) => println!("  editing apps as a dataset operator: refused ({error})"),
                Ok(_) => unreachable!("a dataset operator cannot edit apps"),
            }
            Ok(())
        },
    )?;

    // The other workspace cannot reach any of it.
    with_tenant(
        conn,
        globex.tenant,
        globex.owner,
        |scope| -> std::result::Result<(), Error> {
            println!("\nin workspace Globex as {:?}", scope.role());
            let found = scope.lookup::<App>(acme_app)?;
            println!(
                "  looking up Acme's app {acme_app}: {}",
                if found.is_some() {
                    "FOUND (a leak!)"
                } else {
                    "not found"
                }
            );
            println!(
                "  Globex sees {} apps, {} conversations, {} datasets",
                scope.count::<App>()?,
                scope.count::<Conversation>()?,
                scope.count::<Dataset>()?
            );
            Ok(())
        },
    )?;

    // And an account that is not a member cannot enter at all.
    match with_tenant(
        conn,
        acme.tenant,
        globex.owner,
        |_| -> std::result::Result<(), Error> { Ok(()) },
    ) {
        Err(error) => println!("\nGlobex's owner entering Acme: refused ({error})"),
        Ok(()) => unreachable!("not a member"),
    }
    Ok(())
}

struct Workspace {
    tenant: Uuid,
    owner: Uuid,
    dataset_operator: Uuid,
}

fn workspace<D: Dialect>(
    system: &mut dify_schema::system::SystemAccess<'_, D>,
    name: &str,
) -> Result<Workspace>
where
    Tenant: Persist<D>,
    Account: Persist<D>,
    TenantAccountJoin: Persist<D>,
{
    let tenant: Tenant = system.insert(
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
    )?;
    let mut members = Vec::new();
    for (role, person) in [
        (TenantAccountRole::Owner, "owner"),
        (TenantAccountRole::Editor, "editor"),
        (TenantAccountRole::Normal, "member"),
        (TenantAccountRole::DatasetOperator, "librarian"),
    ] {
        let account: Account = system.insert(
            None,
            None,
            NewAccount {
                id: None,
                name: format!("{name} {person}"),
                email: format!("{person}@{}.example", name.to_lowercase()),
                password: None,
                password_salt: None,
                avatar: None,
                interface_language: Some("en-US".into()),
                interface_theme: None,
                timezone: None,
                last_login_at: None,
                last_login_ip: None,
                last_active_at: None,
                status: None,
                initialized_at: None,
            },
        )?;
        match InvitedRole::try_from(role) {
            // A workspace's first member, its owner, comes with it.
            Err(_owner) => {
                dify_models::members::create_workspace_owner(system, tenant.id, account.id)?;
            }
            Ok(role) => {
                system.insert::<TenantAccountJoin>(
                    Some(tenant.id),
                    None,
                    NewTenantAccountJoin {
                        last_opened_at: None,
                        id: None,
                        account_id: account.id,
                        current: Some(true),
                        role: Some(role),
                        invited_by: None,
                    },
                )?;
            }
        }
        members.push(account.id);
    }
    println!("workspace {name}: owner, editor, member and dataset operator");
    Ok(Workspace {
        tenant: tenant.id,
        owner: members[0],
        dataset_operator: members[3],
    })
}
