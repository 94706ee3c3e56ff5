//! Reading never fails on values Dify's Python can write, and one row that
//! cannot be read does not hide the others: JSON nested deeper than
//! serde_json's default limit of 128 reads back; a string enum value this
//! build does not know, a `NaN` numeric and an infinite timestamp are each
//! a typed error in their row's place in `list_each`, `children_each` and
//! `load_each`, while `list` (all or nothing) says which. An insert that
//! reports an error has written nothing.

use diesel::connection::SimpleConnection;
use diesel::PgConnection;
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message, NewMessage};
use dify_schema::json::MAX_DEPTH;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error, Page};
use serde_json::{json, Value};

use crate::fixtures::{database_with_schema, new_message, two_workspaces, Workspace};

/// Arrays nested `levels` deep around a string.
fn nested(levels: usize) -> Value {
    let mut value = json!("the bottom");
    for _ in 0..levels {
        value = Value::Array(vec![value]);
    }
    value
}

/// Messages of workspace A's app: the seeded one, one fine, one
/// with JSON 1,000 levels deep (written through the scope), and three that
/// Dify's Python could leave behind (written raw).
fn messages_dify_may_write(conn: &mut PgConnection, a: &Workspace) {
    with_tenant(conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let app = scope.lookup::<App>(a.app)?.expect("the app").id();
        let conversation = scope
            .lookup::<Conversation>(a.conversation)?
            .expect("the conversation")
            .id();
        let scope = scope.require::<Editing>()?;
        for query in ["fine", "unknown status", "nan price", "infinite time"] {
            scope.insert::<Message>(new_message(app, conversation, query))?;
        }
        let deep = scope.insert::<Message>(NewMessage {
            message: nested(1000),
            ..new_message(app, conversation, "deep json")
        })?;
        assert_eq!(
            deep.message,
            nested(1000),
            "deep JSON reads back as written"
        );
        Ok(())
    })
    .unwrap();
    conn.batch_execute(
        "UPDATE messages SET status = 'a_status_of_a_newer_dify' WHERE query = 'unknown status'; \
         UPDATE messages SET message_unit_price = 'NaN' WHERE query = 'nan price'; \
         UPDATE messages SET created_at = 'infinity' WHERE query = 'infinite time';",
    )
    .unwrap();
}

/// How many rows came back and what the failures were, by kind.
fn sorted<T>(rows: Vec<Result<T, Error>>) -> (usize, Vec<String>) {
    let good = rows.iter().filter(|row| row.is_ok()).count();
    let mut bad: Vec<String> = rows
        .into_iter()
        .filter_map(Result::err)
        .map(|error| match error {
            Error::UnknownEnumValue { column, .. } => {
                format!("unknown enum value in {}", column.unwrap_or_default())
            }
            Error::Unreadable { column, reason } => {
                format!("unreadable {}: {reason}", column.unwrap_or_default())
            }
            other => format!("other: {other}"),
        })
        .collect();
    bad.sort();
    (good, bad)
}

#[test]
fn one_row_that_cannot_be_read_does_not_hide_the_others() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    messages_dify_may_write(&mut conn, &a);
    let expected_bad = vec![
        "unknown enum value in status".to_owned(),
        "unreadable created_at: Tried to deserialize a timestamp that is too large for Chrono"
            .to_owned(),
        "unreadable message_unit_price: NaN is not (yet) supported in BigDecimal".to_owned(),
    ];

    with_tenant(
        &mut conn,
        a.tenant,
        a.normal,
        |scope| -> Result<(), Error> {
            let app = scope.lookup::<App>(a.app)?.expect("the app").id();

            // All or nothing: the page fails, and says why.
            assert!(scope.children::<Message, _>(app, Page::first(50)).is_err());
            assert!(scope.list::<Message>(Page::first(50)).is_err());

            // Each row on its own: the seeded message, "fine" and "deep json"
            // are there; the three others are typed errors in their place.
            let each = scope.children_each::<Message, _>(app, Page::first(50))?;
            assert_eq!(sorted(each), (3, expected_bad.clone()));
            let each = scope.list_each::<Message>(Page::first(50))?;
            assert_eq!(sorted(each), (3, expected_bad.clone()));
            let each = scope.query::<Message>().load_each()?;
            assert_eq!(sorted(each), (3, expected_bad.clone()));
            // Joined rows too.
            let each = scope
                .query::<Message>()
                .join(|m| m.conversation_id)
                .load_each()?;
            assert_eq!(sorted(each), (3, expected_bad.clone()));

            // The failed reads did not spoil the scope: a statement after them
            // runs, and the scope commits.
            assert_eq!(scope.count::<Message>()?, 6);
            Ok(())
        },
    )
    .expect("the scope commits after the failed reads");
}

/// An insert whose returned row cannot be read (JSON beyond the bound)
/// was written by the server; the scope will not commit it, even when the
/// closure ignores the error, and in a savepoint it is undone while the
/// rest commits.
#[test]
fn an_insert_that_reports_an_error_has_written_nothing() {
    // The value is built, written and dropped on a thread with room for
    // its depth (serde_json serialises and drops recursively).
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let (_db, mut conn) = database_with_schema();
            let (a, _) = two_workspaces(&mut conn);
            let too_deep = nested(MAX_DEPTH + 1);
            let insert_too_deep = |conn: &mut PgConnection, use_savepoint: bool| {
                with_tenant(conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
                    let app = scope.lookup::<App>(a.app)?.expect("the app").id();
                    let conversation = scope
                        .lookup::<Conversation>(a.conversation)?
                        .expect("the conversation")
                        .id();
                    let scope = scope.require::<Editing>()?;
                    scope.insert::<Message>(new_message(app, conversation, "kept"))?;
                    let new = NewMessage {
                        message: too_deep.clone(),
                        ..new_message(app, conversation, "too deep")
                    };
                    let result = if use_savepoint {
                        scope.savepoint(|s| s.insert::<Message>(new).map(|_| ()))
                    } else {
                        scope.insert::<Message>(new).map(|_| ())
                    };
                    assert!(result.is_err(), "the insert reports the row it cannot read");
                    Ok(())
                })
            };
            let ignored = insert_too_deep(&mut conn, false);
            assert!(
                matches!(&ignored, Err(Error::RolledBack { first_failure }) if first_failure.contains("read back")),
                "{ignored:?}"
            );
            assert_eq!(count_queries(&mut conn, "too deep"), 0);
            assert_eq!(count_queries(&mut conn, "kept"), 0);

            insert_too_deep(&mut conn, true).expect("the rest of the scope commits");
            assert_eq!(count_queries(&mut conn, "too deep"), 0);
            assert_eq!(count_queries(&mut conn, "kept"), 1);
        })
        .unwrap()
        .join()
        .unwrap();
}

fn count_queries(conn: &mut PgConnection, query: &str) -> i64 {
    use diesel::sql_types::BigInt;
    use diesel::{QueryableByName, RunQueryDsl};
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    diesel::sql_query(format!(
        "SELECT count(*) AS n FROM messages WHERE query = '{query}'"
    ))
    .get_result::<Count>(conn)
    .unwrap()
    .n
}
