//! The SQL the scoped accessors send, captured from the connection and
//! kept as a reviewed snapshot, so the tenant predicate of each query is
//! visible in review.

use std::sync::{Arc, Mutex};

use diesel::connection::{Connection, InstrumentationEvent};
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, new_app, new_conversation, two_workspaces};

#[test]
fn the_sql_of_representative_accessors() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);

    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = log.clone();
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            // Binds (uuids, times) change from run to run; the SQL does not.
            let text = query.to_string();
            let sql = text.split(" -- binds:").next().unwrap_or(&text).to_owned();
            sink.lock().unwrap().push(sql);
        }
    });

    let mut steps: Vec<(String, usize)> = Vec::new();
    let mut mark = |name: &str, log: &Arc<Mutex<Vec<String>>>| {
        steps.push((name.to_owned(), log.lock().unwrap().len()))
    };

    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        mark(
            "enter the scope (BEGIN + tenant setting and role in one statement)",
            &log,
        );
        let app = scope.lookup::<App>(a.app)?.unwrap();
        mark("lookup an app (tenant-owned)", &log);
        let conversation = scope.lookup::<Conversation>(a.conversation)?.unwrap();
        mark("lookup a conversation (via app)", &log);
        scope.find(conversation.id())?;
        mark("find a conversation by branded id", &log);
        scope.lookup_many::<Conversation>(&[a.conversation, b.conversation])?;
        mark("lookup many conversations (via app) at once", &log);
        scope.list::<Message>(Page::first(20))?;
        mark("list messages (via app), first page", &log);
        let cursor = dify_schema::OrderKey::cursor(&*conversation);
        scope.children::<Conversation, _>(app.id(), Page::after(cursor, 20))?;
        mark("children of a branded app, keyset page", &log);
        scope.count::<Document>()?;
        mark("count documents", &log);
        let scope = scope.require::<Editing>()?;
        let new = scope.insert::<App>(new_app("New"))?;
        mark("insert an app", &log);
        scope.insert::<Conversation>(new_conversation(new.id(), "Hi"))?;
        mark("insert a conversation under a branded app", &log);
        scope.insert_many::<Conversation>(vec![
            new_conversation(new.id(), "One"),
            new_conversation(new.id(), "Two"),
        ])?;
        mark("insert two conversations in one statement", &log);
        scope.update(
            app.id(),
            AppChanges {
                name: Some("Renamed".into()),
                ..Default::default()
            },
        )?;
        mark("update an app", &log);
        scope.soft_delete(conversation.id())?;
        mark("soft-delete a conversation", &log);
        let segment = scope.lookup::<DocumentSegment>(a.segment)?.unwrap();
        scope.delete(segment.id())?;
        mark("lookup and delete a segment", &log);
        Ok(())
    })
    .unwrap();
    mark("leave the scope", &log);

    let log = log.lock().unwrap();
    let mut out = String::new();
    let mut start = 0;
    for (name, end) in &steps {
        out.push_str(&format!("-- {name}\n"));
        for sql in &log[start..*end] {
            out.push_str(sql);
            out.push_str(";\n");
        }
        out.push('\n');
        start = *end;
    }
    insta::assert_snapshot!("scoped_accessors.sql", out);
}
