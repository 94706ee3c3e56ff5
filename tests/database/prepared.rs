//! The scope's statements are prepared once per connection and reused: the
//! entry statement, reads, a single-row insert and a bulk insert. A
//! statement whose SQL changed with its values (Diesel's insert writes
//! `DEFAULT` for each `None`), or a `sql_query`, would never show up in
//! `pg_prepared_statements`, and would be parsed and planned on every call.

use diesel::sql_types::Text;
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use dify_models::app::*;
use dify_models::conversation::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, new_app, new_conversation, two_workspaces, Workspace};

#[derive(QueryableByName)]
struct Prepared {
    #[diesel(sql_type = Text)]
    statement: String,
}

fn prepared(conn: &mut PgConnection) -> Vec<String> {
    let mut statements: Vec<String> =
        diesel::sql_query("SELECT statement FROM pg_prepared_statements ORDER BY statement")
            .load::<Prepared>(conn)
            .unwrap()
            .into_iter()
            .map(|row| row.statement)
            .collect();
    statements.sort();
    statements
}

/// One scope's worth of work; the names and row counts differ per call,
/// the statements must not.
fn work(conn: &mut PgConnection, workspace: &Workspace, rows: usize) {
    with_tenant(
        conn,
        workspace.tenant,
        workspace.owner,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(new_app(&format!("app {rows}")))?;
            let conversations = (0..rows)
                .map(|n| new_conversation(app.id(), &format!("chat {n}")))
                .collect();
            let inserted = scope.insert_many::<Conversation>(conversations)?;
            assert_eq!(inserted.len(), rows);
            let conversations = (0..rows)
                .map(|n| new_conversation(app.id(), &format!("loaded {n}")))
                .collect();
            assert_eq!(scope.bulk_insert::<Conversation>(conversations)?, rows);
            scope
                .lookup::<App>(workspace.app)?
                .expect("the workspace's app");
            let found =
                scope.lookup_many::<Conversation>(&[workspace.conversation, app.id().get()])?;
            assert_eq!(found.len(), 1, "the app's id is no conversation's");
            Ok(())
        },
    )
    .unwrap();
}

#[test]
fn scope_statements_are_prepared_once_and_reused() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);

    work(&mut conn, &a, 1);
    let after_first = prepared(&mut conn);
    let count = |prefix: &str, part: &str| {
        after_first
            .iter()
            .filter(|s| s.starts_with(prefix) && s.contains(part))
            .count()
    };
    let entry = "SELECT dify_scope_enter(";
    assert_eq!(count(entry, ""), 1, "{after_first:#?}");
    assert_eq!(
        count("INSERT INTO apps ", " VALUES ("),
        1,
        "{after_first:#?}"
    );
    assert_eq!(count("SELECT ", " = ANY($1)"), 1, "{after_first:#?}");
    // The fixtures inserted one conversation row on this connection too:
    // the single-row statement, and the scope's two bulk `unnest`
    // statements (returning the rows, and returning only a count).
    assert_eq!(
        count("INSERT INTO conversations ", " VALUES ("),
        1,
        "{after_first:#?}"
    );
    assert_eq!(
        count("INSERT INTO conversations ", " FROM unnest("),
        2,
        "{after_first:#?}"
    );

    // Another tenant, other values, other batch sizes (and a bulk insert
    // over the statement's chunk size): not one new statement.
    work(&mut conn, &b, 3);
    work(
        &mut conn,
        &a,
        dify_schema::insert::BULK_ROWS_PER_STATEMENT + 7,
    );
    assert_eq!(prepared(&mut conn), after_first);
}
