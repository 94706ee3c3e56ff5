//! The domains through the scoped API on MySQL, on a database as Dify's
//! MySQL migrations built it (`tests/reference/dify_upstream_mysql_schema.sql`
//! restored, then adopted and migrated): workspaces made through the system path, then apps,
//! conversations and messages, a knowledge base and a workflow run written
//! and read in scopes, with another workspace that sees none of it. MySQL
//! has no row-level security: everything here is the typed API's doing.

use chrono::Timelike;
use diesel::RunQueryDsl;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_models::workflow::*;
use dify_schema::mysql::MysqlConnection;
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::{with_tenant, Error, Page, Role};
use dify_tests::mysql::MysqlTestDatabase;
use serde_json::json;
use uuid::Uuid;

use crate::fixtures::{team, Team};
use crate::samples;

/// A MariaDB database as Dify's MySQL migrations created it, adopted into
/// the project's migrations (and migrated: nothing is left to do), with two
/// workspaces of every role; `None` where there is no MariaDB.
fn dify_created() -> Option<(MysqlTestDatabase, MysqlConnection, Team, Team)> {
    let db = MysqlTestDatabase::dify_created()?;
    let mut conn = db.connect();
    let set = dify_models::mysql_migrations();
    let adopted = dify_schema::migrate::mysql::adopt(&mut conn, &set, None)
        .unwrap_or_else(|error| panic!("Dify's MySQL database is adopted: {error}"));
    assert!(adopted.pending.is_empty(), "{:?}", adopted.pending);
    let applied = dify_schema::migrate::mysql::MysqlRunner::new(&mut conn, &set)
        .run_pending(|_| {})
        .expect("migrate runs on the adopted database");
    assert!(applied.is_empty(), "nothing left to migrate: {applied:?}");
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");
    Some((db, conn, acme, globex))
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn rows(conn: &mut MysqlConnection, table: &str) -> i64 {
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM `{table}`"))
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

#[test]
fn apps_conversations_and_messages_stay_in_their_workspace() {
    let Some((_db, mut conn, acme, globex)) = dify_created() else {
        return;
    };

    let (app_id, conversation_id, message_ids) =
        with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                name: "Support bot".into(),
                mode: AppMode::Chat,
                ..samples::app()
            })?;
            assert_eq!(app.tenant_id, acme.tenant);
            assert_eq!(app.created_by, Some(acme.editor), "audit: the actor");
            assert_eq!(app.status, AppStatus::Normal, "server default, typed");
            assert_eq!(app.description, "", "Dify's default, filled on MySQL");

            let config = scope.insert::<AppModelConfig>(NewAppModelConfig {
                configs: Some(json!({"temperature": 0.2, "nested": {"deep": [1, 2, 3]}})),
                ..samples::app_model_config(app.id())
            })?;
            assert_eq!(
                config.configs,
                Some(json!({"temperature": 0.2, "nested": {"deep": [1, 2, 3]}}))
            );
            let app = scope
                .update(
                    app.id(),
                    AppChanges {
                        app_model_config_id: Some(Some(config.id())),
                        description: Some("Answers questions".into()),
                        ..Default::default()
                    },
                )?
                .expect("the app is there");
            assert_eq!(app.description, "Answers questions");
            assert_eq!(app.app_model_config_id, Some(config.id));
            assert_eq!(app.updated_by, Some(acme.editor));

            let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
            let mut messages = Vec::new();
            for query in ["one", "two", "three"] {
                let message = scope.insert::<Message>(NewMessage {
                    query: query.into(),
                    ..samples::message(app.id(), conversation.id())
                })?;
                messages.push(message.id);
            }
            let message = scope.lookup::<Message>(messages[0])?.unwrap();
            let file = scope.insert::<MessageFile>(samples::message_file(message.id()))?;
            // Two levels up to the tenant: message_files → messages → apps.
            let files = scope.children::<MessageFile, _>(message.id(), Page::first(10))?;
            assert_eq!(files.len(), 1);
            assert_eq!(files[0].id, file.id);
            Ok::<_, Error>((app.id, conversation.id, messages))
        })
        .unwrap();

    // Keyset pages of an app's messages, in (created_at, id) order.
    with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        assert_eq!(scope.count::<Message>()?, 3);
        let first = scope.children::<Message, _>(app.id(), Page::first(2))?;
        assert_eq!(first.len(), 2);
        let cursor = dify_schema::OrderKey::cursor(&**first.last().unwrap());
        let rest = scope.children::<Message, _>(app.id(), Page::after(cursor, 2))?;
        assert_eq!(rest.len(), 1);
        let mut seen: Vec<_> = first.iter().chain(&rest).map(|m| m.id).collect();
        seen.sort();
        let mut expected = message_ids.clone();
        expected.sort();
        assert_eq!(seen, expected, "every message once across the pages");
        let found = scope.lookup_many::<Message>(&message_ids)?;
        assert_eq!(found.len(), 3);
        Ok::<_, Error>(())
    })
    .unwrap();

    // The other workspace: nothing of acme's, whatever ids it is given.
    with_tenant(&mut conn, globex.tenant, globex.owner, |scope| {
        assert!(scope.lookup::<App>(app_id)?.is_none());
        assert!(scope.lookup::<Conversation>(conversation_id)?.is_none());
        assert!(scope.lookup::<Message>(message_ids[0])?.is_none());
        assert!(scope.lookup_many::<Message>(&message_ids)?.is_empty());
        assert_eq!(scope.count::<App>()?, 0);
        assert_eq!(scope.count::<Message>()?, 0);
        assert!(scope.list::<App>(Page::first(50))?.is_empty());
        Ok::<_, Error>(())
    })
    .unwrap();

    // A plain member may not edit an app; the member's writes are its own.
    let refused = with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        scope.require::<Editing>().map(|_| ())
    });
    assert!(
        matches!(
            refused,
            Err(Error::Forbidden {
                role: Role::Normal,
                ..
            })
        ),
        "{refused:?}"
    );

    // Soft delete hides the conversation; delete removes a message.
    with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let conversation = scope.lookup::<Conversation>(conversation_id)?.unwrap();
        assert!(scope.soft_delete(conversation.id())?);
        assert!(scope.lookup::<Conversation>(conversation_id)?.is_none());
        assert_eq!(scope.count::<Conversation>()?, 0);
        let message = scope.lookup::<Message>(message_ids[2])?.unwrap();
        assert!(scope.delete(message.id())?);
        assert!(!scope.delete(message.id())?, "gone already");
        Ok::<_, Error>(())
    })
    .unwrap();
    assert_eq!(
        rows(&mut conn, "conversations"),
        1,
        "soft-deleted, still stored"
    );
    assert_eq!(rows(&mut conn, "messages"), 2);
}

#[test]
fn a_knowledge_base_and_a_workflow_run_on_mysql() {
    let Some((_db, mut conn, acme, globex)) = dify_created() else {
        return;
    };
    let (dataset_id, segment_id, run_id) =
        with_tenant(&mut conn, acme.tenant, acme.owner, |scope| {
            let scope = scope.require::<DatasetEditing>()?;
            let dataset = scope.insert::<Dataset>(samples::dataset())?;
            let document = scope.insert::<Document>(samples::document(dataset.id()))?;
            let segment = scope.insert::<DocumentSegment>(NewDocumentSegment {
                content: "Refunds take five days.".into(),
                ..samples::document_segment(dataset.id(), document.id())
            })?;
            assert_eq!(segment.tenant_id, acme.tenant);

            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                mode: AppMode::Workflow,
                ..samples::app()
            })?;
            let workflow = scope.insert::<Workflow>(samples::workflow(app.id()))?;
            let run = scope.insert::<WorkflowRun>(NewWorkflowRun {
                inputs: Some("{\"q\": \"refund\"}".into()),
                ..samples::workflow_run(app.id(), workflow.id())
            })?;
            let execution =
                scope.insert::<WorkflowNodeExecutionModel>(NewWorkflowNodeExecutionModel {
                    workflow_run_id: Some(run.id()),
                    ..samples::workflow_node_execution_model(app.id(), workflow.id())
                })?;
            assert_eq!(execution.workflow_run_id, Some(run.id));
            let finished = samples::noon() + chrono::Duration::microseconds(123_456);
            let run = scope
                .update(
                    run.id(),
                    WorkflowRunChanges {
                        status: Some(WorkflowExecutionStatus::Succeeded),
                        finished_at: Some(Some(finished)),
                        ..Default::default()
                    },
                )?
                .unwrap();
            assert_eq!(run.status, WorkflowExecutionStatus::Succeeded);
            let stored = run.finished_at.unwrap();
            assert_eq!(stored.nanosecond(), 0, "datetime holds whole seconds");
            assert_eq!(stored, dify_schema::mysql::whole_seconds(finished));
            Ok::<_, Error>((dataset.id, segment.id, run.id))
        })
        .unwrap();

    with_tenant(&mut conn, globex.tenant, globex.owner, |scope| {
        assert!(scope.lookup::<Dataset>(dataset_id)?.is_none());
        assert!(scope.lookup::<DocumentSegment>(segment_id)?.is_none());
        assert!(scope.lookup::<WorkflowRun>(run_id)?.is_none());
        assert_eq!(scope.count::<WorkflowNodeExecutionModel>()?, 0);
        Ok::<_, Error>(())
    })
    .unwrap();
}

#[test]
fn a_failed_statement_rolls_the_whole_scope_back_on_mysql() {
    let Some((_db, mut conn, acme, _)) = dify_created() else {
        return;
    };
    let taken = Uuid::new_v4();
    // A statement fails (a duplicate key) and the closure goes on: MySQL
    // would keep the transaction, and commit the first app with it; the
    // scope refuses and rolls all of it back.
    let result = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            id: Some(taken),
            ..samples::app()
        })?;
        let duplicate = scope.insert::<App>(NewApp {
            id: Some(taken),
            ..samples::app()
        });
        assert!(duplicate.is_err());
        let after = scope.count::<App>();
        assert!(
            matches!(after, Err(Error::RolledBack { .. })),
            "nothing is sent after a failure: {after:?}"
        );
        Ok::<_, Error>(())
    });
    assert!(
        matches!(result, Err(Error::RolledBack { .. })),
        "{result:?}"
    );
    assert_eq!(
        rows(&mut conn, "apps"),
        0,
        "nothing of the scope was committed"
    );

    // In a savepoint, the failure is undone and the rest commits.
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            id: Some(taken),
            ..samples::app()
        })?;
        let again = scope.savepoint(|scope| {
            scope.insert::<App>(NewApp {
                id: Some(taken),
                ..samples::app()
            })
        });
        assert!(again.is_err());
        assert_eq!(scope.count::<App>()?, 1);
        Ok::<_, Error>(())
    })
    .unwrap();
    assert_eq!(rows(&mut conn, "apps"), 1);

    // insert_or_ignore: a duplicate writes nothing and the scope goes on.
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let ignored = scope.insert_or_ignore::<App>(NewApp {
            id: Some(taken),
            ..samples::app()
        })?;
        assert!(ignored.is_none());
        let fresh = scope.insert_or_ignore::<App>(samples::app())?;
        assert!(fresh.is_some());
        Ok::<_, Error>(())
    })
    .unwrap();
    assert_eq!(rows(&mut conn, "apps"), 2);
}

#[test]
fn composable_queries_keep_the_tenant_on_mysql() {
    let Some((_db, mut conn, acme, globex)) = dify_created() else {
        return;
    };
    // The same names in both workspaces: a query that lost its tenant
    // predicate would return the other's rows.
    let mut apps = Vec::new();
    for team in [&acme, &globex] {
        let ids = with_tenant(&mut conn, team.tenant, team.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            let mut ids = Vec::new();
            for name in ["Alpha bot", "beta bot", "Gamma"] {
                let app = scope.insert::<App>(NewApp {
                    name: name.into(),
                    mode: AppMode::Chat,
                    ..samples::app()
                })?;
                let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
                scope.insert::<Message>(samples::message(app.id(), conversation.id()))?;
                ids.push(app.id);
            }
            Ok::<_, Error>(ids)
        })
        .unwrap();
        apps.push(ids);
    }
    let (acme_apps, globex_apps) = (&apps[0], &apps[1]);

    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let bots = scope
            .query::<App>()
            .filter(|a| a.name.ilike("%BOT"))
            .order_by(|a| a.name.asc())
            .load()?;
        assert_eq!(
            bots.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
            ["Alpha bot", "beta bot"],
            "ILIKE ignores case, and only this workspace's rows"
        );
        let exact = scope
            .query::<App>()
            .filter(|a| a.name.like("alpha%"))
            .count()?;
        assert_eq!(exact, 0, "LIKE counts case, as on PostgreSQL");

        // A list of ids, the other workspace's among them.
        let mixed: Vec<_> = acme_apps.iter().chain(globex_apps).copied().collect();
        let found = scope
            .query::<App>()
            .filter(|a| a.id.eq_any(mixed.clone()))
            .count()?;
        assert_eq!(found, 3);
        let none = scope
            .query::<App>()
            .filter(|a| a.id.eq_any(Vec::<Uuid>::new()))
            .count()?;
        assert_eq!(none, 0, "an empty list holds for no row");
        let skipped = scope
            .query::<App>()
            .order_by(|a| a.name.asc())
            .offset(1)
            .load()?;
        assert_eq!(skipped.len(), 2, "an offset without a limit");

        // A join keeps each side's tenant predicate; a subquery its own.
        let pairs = scope
            .query::<Message>()
            .join(|m| m.conversation_id)
            .filter_joined::<Conversation, _>(|c| c.from_source.eq(ConversationFromSource::Api))
            .load()?;
        assert_eq!(pairs.len(), 3);
        assert!(pairs
            .iter()
            .all(|(message, conversation)| message.conversation_id == conversation.id));
        let gamma = scope
            .subquery::<App>()
            .filter(|a| a.name.eq("Gamma"))
            .select(|a| a.id);
        let gamma_conversations = scope
            .query::<Conversation>()
            .filter(|c| c.app_id.is_in(gamma))
            .load()?;
        assert_eq!(gamma_conversations.len(), 1);
        assert!(acme_apps.contains(&gamma_conversations[0].app_id));

        // A lock reads what a read reads, of this workspace only.
        let app = scope.lookup::<App>(acme_apps[0])?.unwrap();
        let scope = scope.require::<Editing>()?;
        assert!(scope.lock::<App>(app.id())?.is_some());
        Ok::<_, Error>(())
    })
    .unwrap();
}

/// A MySQL scope reads what is committed now, as PostgreSQL's does (READ
/// COMMITTED): once another connection deletes an app, the scope's next
/// read no longer finds its messages, as its next write cannot reach them.
/// Under MySQL's default REPEATABLE READ the read would still find them in
/// its snapshot while a delete found nothing (the random run saw that).
#[test]
fn a_scope_reads_what_is_committed_now() {
    let Some((db, mut conn, acme, _)) = dify_created() else {
        return;
    };
    let (app_id, message_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(samples::app())?;
        let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
        let message = scope.insert::<Message>(samples::message(app.id(), conversation.id()))?;
        Ok::<_, Error>((app.id, message.id))
    })
    .unwrap();
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        assert!(scope.lookup::<Message>(message_id)?.is_some());
        let mut other = db.connect();
        diesel::sql_query(format!("DELETE FROM apps WHERE id = '{app_id}'"))
            .execute(&mut other)
            .unwrap();
        assert!(
            scope.lookup::<Message>(message_id)?.is_none(),
            "the app is gone, so is the message's way to the tenant"
        );
        Ok::<_, Error>(())
    })
    .unwrap();
}
