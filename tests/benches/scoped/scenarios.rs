//! The scenarios of issue 6. Each runs our scoped API and its baselines
//! interleaved, in two modes:
//!
//! * **in one scope**: many operations inside one `with_tenant` (the
//!   baselines inside one transaction), timing the operations only. This
//!   is the accessor's own cost against the same statement by hand.
//! * **one op per scope**: every operation enters its own scope (BEGIN,
//!   the tenant/role statement, the statements, COMMIT), against the same
//!   statements by hand in autocommit, by hand inside a transaction that
//!   also sends the scope's enter statement, and SQLAlchemy's ORM with a
//!   Session per operation.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, QueryResult, RunQueryDsl};
use dify_models::app::App;
use dify_models::conversation::{Conversation, Message};
use dify_models::dataset::{Dataset, Document, DocumentSegment};
use dify_schema::scope::DatasetEditing;
use dify_schema::{with_tenant, Cursor, Error, Page, Row};
use uuid::Uuid;

use super::data::{BenchDatabase, Samples};
use super::forms;
use super::hand::{self, Prepared};
use super::harness::{measure, report, Ratio, Variant};
use super::python::Python;

pub struct Ctx<'a> {
    pub db: &'a BenchDatabase,
    pub samples: &'a Samples,
    pub ops: usize,
    pub rounds: usize,
    pub bulk_rows: usize,
    pub bulk_rounds: usize,
    pub python: Option<&'a RefCell<Python>>,
}

impl Ctx<'_> {
    fn conn(&self) -> PgConnection {
        self.db.connect()
    }

    fn client(&self) -> (postgres::Client, Prepared) {
        let mut client = self.db.client();
        let prepared = Prepared::new(&mut client).expect("prepare the baselines");
        (client, prepared)
    }
}

const PAGE: i64 = 20;
const INSERTED_QUERY: &str = "bench insert: where is my invoice?";

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// Diesel inside one transaction, timing only what `f` does inside it.
fn diesel_in_txn(conn: &mut PgConnection, f: impl FnOnce(&mut PgConnection)) -> Duration {
    let mut elapsed = Duration::ZERO;
    conn.transaction(|c| -> QueryResult<()> {
        elapsed = timed(|| f(c));
        Ok(())
    })
    .unwrap();
    elapsed
}

/// The postgres crate inside one transaction, timing only `f`.
fn pg_in_txn(
    client: &mut postgres::Client,
    f: impl FnOnce(&mut postgres::Transaction<'_>),
) -> Duration {
    let mut tx = client.transaction().unwrap();
    let elapsed = timed(|| f(&mut tx));
    tx.commit().unwrap();
    elapsed
}

// ---------------------------------------------------------------- find

pub fn find_by_id(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    // In one scope.
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    // The same Diesel query over libpq's default sslmode (TLS when the
    // server offers it): what a plain `postgres://` URL costs.
    let tls_url = cx.db.url.replace("sslmode=disable", "sslmode=prefer");
    let mut c4 = (tls_url != cx.db.url)
        .then(|| diesel::PgConnection::establish(&tls_url).expect("connect with sslmode=prefer"));
    let mut variants = vec![
        Variant::new("scoped lookup::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(scope.lookup::<Message>(m.id)?.expect("sampled message"));
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(
                        hand::diesel_find_message(c, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }),
        Variant::new("postgres (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(
                        hand::pg_find_message(tx, &q3, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }),
    ];
    if let Some(mut c4) = c4.take() {
        variants.push(Variant::new("diesel (hand-written), TLS", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c4, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    black_box(
                        hand::diesel_find_message(c, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }));
    }
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "find a message by id, in one scope",
        ops,
        &series,
        &["scoped lookup::<Message>"],
    ));

    // The simplest accessor: a tenant-owned row by id and tenant_id.
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut variants = vec![
        Variant::new("scoped lookup::<App>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for i in 0..ops {
                    black_box(scope.lookup::<App>(t.apps[i % t.apps.len()])?.expect("app"));
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::diesel_find_app(c, t.tenant, app).unwrap().unwrap());
                }
            })
        }),
        Variant::new("postgres (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::pg_find_app(tx, &q3, t.tenant, app).unwrap().unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "find an app by id, in one scope",
        ops,
        &series,
        &["scoped lookup::<App>"],
    ));

    // One operation per scope.
    let mixed = &s.mixed_messages;
    let pick = move |round: usize, i: usize| {
        let (t, m) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], m)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let (mut p4, q4) = cx.client();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            Ok(scope.lookup::<Message>(m.id)?.map(Row::into_inner))
                        })
                        .unwrap();
                    black_box(row.expect("sampled message"));
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    black_box(
                        hand::diesel_find_message(&mut c2, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row = c3
                        .transaction(|c| {
                            black_box(hand::enter(c, t.tenant, t.owner)?.role);
                            hand::diesel_find_message(c, t.tenant, m.id)
                        })
                        .unwrap();
                    black_box(row.unwrap());
                }
            })
        }),
        Variant::new("postgres (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    black_box(
                        hand::pg_find_message(&mut p4, &q4, t.tenant, m.id)
                            .unwrap()
                            .unwrap(),
                    );
                }
            })
        }),
    ];
    if let Some(python) = cx.python {
        variants.push(Variant::new(
            "sqlalchemy ORM (session per op)",
            move |round| python.borrow_mut().run("find", round, ops),
        ));
    }
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "find a message by id, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));
    ratios
}

// ---------------------------------------------------------------- list

pub fn list_conversations(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut variants = vec![
        Variant::new("scoped children::<Conversation>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut apps = Vec::new();
                for app in &t.apps {
                    apps.push(scope.lookup::<App>(*app)?.expect("app"));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let app = &apps[i % apps.len()];
                    let page = scope.children::<Conversation, _>(app.id(), Page::first(PAGE))?;
                    black_box(page);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::diesel_app_conversations(c, app, PAGE).unwrap());
                }
            })
        }),
        Variant::new("postgres (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for i in 0..ops {
                    let app = t.apps[i % t.apps.len()];
                    black_box(hand::pg_app_conversations(tx, &q3, app, PAGE).unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "list a page (20) of an app's conversations, in one scope",
        ops,
        &series,
        &["scoped children::<Conversation>"],
    ));

    // One per scope: check the app against the tenant, then list.
    let mixed = &s.mixed_apps;
    let pick = move |round: usize, i: usize| {
        let (t, a) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], *a)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let (mut p4, q4) = cx.client();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let page =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            let app = scope.lookup::<App>(app)?.expect("app");
                            let page =
                                scope.children::<Conversation, _>(app.id(), Page::first(PAGE))?;
                            Ok(page.into_iter().map(Row::into_inner).collect::<Vec<_>>())
                        })
                        .unwrap();
                    black_box(page);
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let app = hand::diesel_find_app(&mut c2, t.tenant, app)
                        .unwrap()
                        .unwrap();
                    black_box(hand::diesel_app_conversations(&mut c2, app.id, PAGE).unwrap());
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let page = c3
                        .transaction(|c| {
                            black_box(hand::enter(c, t.tenant, t.owner)?.role);
                            let app = hand::diesel_find_app(c, t.tenant, app)?.unwrap();
                            hand::diesel_app_conversations(c, app.id, PAGE)
                        })
                        .unwrap();
                    black_box(page);
                }
            })
        }),
        Variant::new("postgres (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, app) = pick(round, i);
                    let app = hand::pg_find_app(&mut p4, &q4, t.tenant, app)
                        .unwrap()
                        .unwrap();
                    black_box(hand::pg_app_conversations(&mut p4, &q4, app.id, PAGE).unwrap());
                }
            })
        }),
    ];
    if let Some(python) = cx.python {
        variants.push(Variant::new(
            "sqlalchemy ORM (session per op)",
            move |round| python.borrow_mut().run("list", round, ops),
        ));
    }
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "check an app and list a page of its conversations, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));
    ratios
}

// ------------------------------------------------------- keyset messages

pub fn keyset_messages(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut variants = vec![
        Variant::new("scoped children::<Message> after", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut apps = Vec::new();
                for m in &t.messages {
                    apps.push(scope.lookup::<App>(m.app)?.expect("app"));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let k = i % t.messages.len();
                    let m = &t.messages[k];
                    let cursor = Cursor {
                        created_at: Some(m.created_at),
                        id: m.id,
                    };
                    let page =
                        scope.children::<Message, _>(apps[k].id(), Page::after(cursor, PAGE))?;
                    black_box(page);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    let page = hand::diesel_app_messages_after(c, m.app, m.created_at, m.id, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
        Variant::new("postgres (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for i in 0..ops {
                    let m = &t.messages[i % t.messages.len()];
                    let page =
                        hand::pg_app_messages_after(tx, &q3, m.app, m.created_at, m.id, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "keyset page (20) of an app's messages after a cursor, in one scope",
        ops,
        &series,
        &["scoped children::<Message> after"],
    ));

    let mixed = &s.mixed_messages;
    let pick = move |round: usize, i: usize| {
        let (t, m) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], m)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut c4 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let page =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            let app = scope.lookup::<App>(m.app)?.expect("app");
                            let cursor = Cursor {
                                created_at: Some(m.created_at),
                                id: m.id,
                            };
                            let page = scope
                                .children::<Message, _>(app.id(), Page::after(cursor, PAGE))?;
                            Ok(page.into_iter().map(Row::into_inner).collect::<Vec<_>>())
                        })
                        .unwrap();
                    black_box(page);
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let app = hand::diesel_find_app(&mut c2, t.tenant, m.app)
                        .unwrap()
                        .unwrap();
                    let page =
                        hand::diesel_app_messages_after(&mut c2, app.id, m.created_at, m.id, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let page = c4
                        .transaction(|c| {
                            black_box(hand::enter(c, t.tenant, t.owner)?.role);
                            let app = hand::diesel_find_app(c, t.tenant, m.app)?.unwrap();
                            hand::diesel_app_messages_after(c, app.id, m.created_at, m.id, PAGE)
                        })
                        .unwrap();
                    black_box(page);
                }
            })
        }),
        Variant::new("postgres (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let app = hand::pg_find_app(&mut p3, &q3, t.tenant, m.app)
                        .unwrap()
                        .unwrap();
                    let page =
                        hand::pg_app_messages_after(&mut p3, &q3, app.id, m.created_at, m.id, PAGE);
                    black_box(page.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "check an app and keyset-page its messages, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));
    ratios
}

// ---------------------------------------------------------------- insert

pub fn insert_message(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let ops = cx.ops;
    let nt = s.tenants.len();
    let mut ratios = Vec::new();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut variants = vec![
        Variant::new("scoped insert::<Message>", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let mut parents = Vec::new();
                for (app, conversation) in t.conversations.iter().take(20) {
                    let app = scope.lookup::<App>(*app)?.expect("app");
                    let conversation = scope
                        .lookup::<Conversation>(*conversation)?
                        .expect("conversation");
                    parents.push((app, conversation));
                }
                let start = Instant::now();
                for i in 0..ops {
                    let (app, conversation) = &parents[i % parents.len()];
                    let new = forms::new_message(app.id(), conversation.id(), INSERTED_QUERY);
                    black_box(scope.insert::<Message>(new)?);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for i in 0..ops {
                    let (app, conversation) = t.conversations[i % t.conversations.len().min(20)];
                    let new = hand::NewMessageRow::sample(app, conversation, INSERTED_QUERY);
                    black_box(hand::diesel_insert_message(c, &new).unwrap());
                }
            })
        }),
        Variant::new("postgres (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for i in 0..ops {
                    let (app, conversation) = t.conversations[i % t.conversations.len().min(20)];
                    let row = hand::pg_insert_message(
                        tx,
                        &q3.insert_message,
                        app,
                        conversation,
                        INSERTED_QUERY,
                    );
                    black_box(row.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "insert a message, in one scope",
        ops,
        &series,
        &["scoped insert::<Message>"],
    ));

    // One per scope: check the app and the conversation, insert, commit.
    let mixed = &s.mixed_messages;
    let pick = move |round: usize, i: usize| {
        let (t, m) = &mixed[(round * ops + i) % mixed.len()];
        (&s.tenants[*t], m)
    };
    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let (mut p4, q4) = cx.client();
    let mut variants = vec![
        Variant::new("scoped (with_tenant per op)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row =
                        with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<_, Error> {
                            let app = scope.lookup::<App>(m.app)?.expect("app");
                            let conversation = scope
                                .lookup::<Conversation>(m.conversation)?
                                .expect("conversation");
                            let new =
                                forms::new_message(app.id(), conversation.id(), INSERTED_QUERY);
                            Ok(scope.insert::<Message>(new)?.into_inner())
                        })
                        .unwrap();
                    black_box(row);
                }
            })
        }),
        Variant::new("diesel (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let app = hand::diesel_find_app(&mut c2, t.tenant, m.app)
                        .unwrap()
                        .unwrap();
                    let conversation =
                        hand::diesel_find_conversation(&mut c2, t.tenant, m.conversation)
                            .unwrap()
                            .unwrap();
                    let new = hand::NewMessageRow::sample(app.id, conversation.id, INSERTED_QUERY);
                    black_box(hand::diesel_insert_message(&mut c2, &new).unwrap());
                }
            })
        }),
        Variant::new("diesel (txn + enter, as a scope)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let row = c3
                        .transaction(|c| {
                            black_box(hand::enter(c, t.tenant, t.owner)?.role);
                            let app = hand::diesel_find_app(c, t.tenant, m.app)?.unwrap();
                            let conversation =
                                hand::diesel_find_conversation(c, t.tenant, m.conversation)?
                                    .unwrap();
                            let new = hand::NewMessageRow::sample(
                                app.id,
                                conversation.id,
                                INSERTED_QUERY,
                            );
                            hand::diesel_insert_message(c, &new)
                        })
                        .unwrap();
                    black_box(row);
                }
            })
        }),
        Variant::new("postgres (autocommit)", move |round| {
            timed(|| {
                for i in 0..ops {
                    let (t, m) = pick(round, i);
                    let app = hand::pg_find_app(&mut p4, &q4, t.tenant, m.app)
                        .unwrap()
                        .unwrap();
                    let conversation =
                        hand::pg_find_conversation(&mut p4, &q4, t.tenant, m.conversation)
                            .unwrap()
                            .unwrap();
                    let row = hand::pg_insert_message(
                        &mut p4,
                        &q4.insert_message,
                        app.id,
                        conversation.id,
                        INSERTED_QUERY,
                    );
                    black_box(row.unwrap());
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    ratios.extend(report(
        "check app and conversation, insert a message, one op per scope",
        ops,
        &series,
        &["scoped (with_tenant per op)"],
    ));

    // Keep the data set as loaded for the scenarios after this one.
    let mut conn = cx.conn();
    diesel::sql_query(format!(
        "DELETE FROM messages WHERE query = '{INSERTED_QUERY}'"
    ))
    .execute(&mut conn)
    .unwrap();
    ratios
}

// ------------------------------------------------------------------ bulk

pub fn bulk_segments(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    let rows = cx.bulk_rows;
    let nt = s.tenants.len();
    let base = super::BULK_POSITION;
    let target = move |round: usize| {
        let t = &s.tenants[round % nt];
        let (dataset, document) = t.documents[0];
        (t, dataset, document)
    };
    let cleanup = move |conn: &mut PgConnection, document: Uuid| {
        diesel::sql_query(format!(
            "DELETE FROM document_segments WHERE document_id = '{document}' AND position >= {base}"
        ))
        .execute(conn)
        .unwrap();
    };

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let mut c3 = cx.conn();
    let (mut p4, _) = cx.client();
    let mut c5 = cx.conn();
    // One statement per 10,000 rows, with the rows returned
    // (`insert_many`) or only their count (`bulk_insert`).
    let scoped_bulk = move |name: &'static str, mut conn: PgConnection, count_only: bool| {
        Variant::new(name, move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                with_tenant(&mut conn, t.tenant, t.owner, |scope| -> Result<(), Error> {
                    let dataset = scope.lookup::<Dataset>(dataset)?.expect("dataset");
                    let document = scope.lookup::<Document>(document)?.expect("document");
                    let scope = scope.require::<DatasetEditing>()?;
                    let news: Vec<_> = (0..rows)
                        .map(|i| forms::new_segment(dataset.id(), document.id(), base + i as i32))
                        .collect();
                    if count_only {
                        black_box(scope.bulk_insert::<DocumentSegment>(news)?);
                    } else {
                        black_box(scope.insert_many::<DocumentSegment>(news)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut conn, document);
            elapsed
        })
    };
    let mut variants = vec![
        scoped_bulk("scoped bulk_insert (one scope)", cx.conn(), true),
        scoped_bulk("scoped insert_many (one scope)", cx.conn(), false),
        Variant::new("scoped insert loop (one scope)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                    let dataset = scope.lookup::<Dataset>(dataset)?.expect("dataset");
                    let document = scope.lookup::<Document>(document)?.expect("document");
                    let scope = scope.require::<DatasetEditing>()?;
                    for i in 0..rows {
                        let new = forms::new_segment(dataset.id(), document.id(), base + i as i32);
                        black_box(scope.insert::<DocumentSegment>(new)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c1, document);
            elapsed
        }),
        Variant::new("diesel insert loop (txn)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                c2.transaction(|c| -> QueryResult<()> {
                    for i in 0..rows {
                        let new = hand::NewSegmentRow::sample(
                            t.tenant,
                            dataset,
                            document,
                            t.owner,
                            base + i as i32,
                        );
                        black_box(hand::diesel_insert_segment(c, &new)?);
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c2, document);
            elapsed
        }),
        Variant::new("diesel multi-row INSERT x1000 (txn)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                c3.transaction(|c| -> QueryResult<()> {
                    let mut batch = Vec::with_capacity(1000);
                    for i in 0..rows {
                        batch.push(hand::NewSegmentRow::sample(
                            t.tenant,
                            dataset,
                            document,
                            t.owner,
                            base + i as i32,
                        ));
                        if batch.len() == 1000 || i + 1 == rows {
                            hand::diesel_insert_segments(c, &batch)?;
                            batch.clear();
                        }
                    }
                    Ok(())
                })
                .unwrap()
            });
            cleanup(&mut c3, document);
            elapsed
        }),
        Variant::new("postgres COPY (txn)", move |round| {
            let (t, dataset, document) = target(round);
            let elapsed = timed(|| {
                let mut tx = p4.transaction().unwrap();
                let mut writer = tx.copy_in(hand::sql::COPY_SEGMENTS).unwrap();
                let mut buffer = String::with_capacity(1 << 16);
                for i in 0..rows {
                    writeln!(
                        buffer,
                        "{}\t{}\t{dataset}\t{document}\t{}\t{}\t64\t80\t0\t{}\t{}",
                        Uuid::new_v4(),
                        t.tenant,
                        base + i as i32,
                        super::SEGMENT_CONTENT,
                        t.owner,
                        t.owner
                    )
                    .unwrap();
                    if buffer.len() > 60_000 {
                        writer.write_all(buffer.as_bytes()).unwrap();
                        buffer.clear();
                    }
                }
                writer.write_all(buffer.as_bytes()).unwrap();
                writer.finish().unwrap();
                tx.commit().unwrap();
            });
            cleanup(&mut c5, document);
            elapsed
        }),
    ];
    let series = measure(rows, cx.bulk_rounds, &mut variants);
    drop(variants);
    let ratios = report(
        &format!("bulk insert of {rows} segments (whole transaction timed; ops/s = rows/s)"),
        rows,
        &series,
        &[
            "scoped bulk_insert (one scope)",
            "scoped insert_many (one scope)",
            "scoped insert loop (one scope)",
        ],
    );
    let target_rows = 50_000.0;
    for s in &series {
        let rate = 1.0 / s.median();
        println!(
            "  {:<38} {:>9.0} rows/s  (target 50,000 rows/s: {})",
            s.name,
            rate,
            if rate >= target_rows { "met" } else { "missed" }
        );
    }
    ratios
}

// ------------------------------------------------------------------ join

pub fn join(cx: &Ctx<'_>) -> Vec<Ratio> {
    let s = cx.samples;
    // A join is heavier than a point read: fewer per round.
    let ops = (cx.ops / 4).max(10);
    let nt = s.tenants.len();

    let mut c1 = cx.conn();
    let mut c2 = cx.conn();
    let (mut p3, q3) = cx.client();
    let mut c4 = cx.conn();
    let mut variants = vec![
        Variant::new("scoped list + lookup_many (3 queries)", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c4, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for _ in 0..ops {
                    let page = scope.list::<Message>(Page::first(PAGE))?;
                    let mut conversation_ids: Vec<Uuid> =
                        page.iter().map(|m| m.conversation_id).collect();
                    conversation_ids.sort_unstable();
                    conversation_ids.dedup();
                    let mut app_ids: Vec<Uuid> = page.iter().map(|m| m.app_id).collect();
                    app_ids.sort_unstable();
                    app_ids.dedup();
                    let conversations = scope.lookup_many::<Conversation>(&conversation_ids)?;
                    let apps = scope.lookup_many::<App>(&app_ids)?;
                    let out: Vec<_> = page
                        .iter()
                        .map(|m| {
                            let conversation = conversations
                                .iter()
                                .find(|c| c.id == m.conversation_id)
                                .expect("conversation");
                            let app = apps.iter().find(|a| a.id == m.app_id).expect("app");
                            (
                                m.id,
                                m.query.clone(),
                                conversation.name.clone(),
                                app.name.clone(),
                            )
                        })
                        .collect();
                    black_box(out);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("scoped list + lookups (N+1, no join)", move |round| {
            let t = &s.tenants[round % nt];
            let mut elapsed = Duration::ZERO;
            with_tenant(&mut c1, t.tenant, t.owner, |scope| -> Result<(), Error> {
                let start = Instant::now();
                for _ in 0..ops {
                    let page = scope.list::<Message>(Page::first(PAGE))?;
                    let mut names: Vec<(Uuid, String)> = Vec::new();
                    let mut out = Vec::with_capacity(page.len());
                    for m in &page {
                        let conversation = scope
                            .lookup::<Conversation>(m.conversation_id)?
                            .expect("conversation");
                        let app_name = match names.iter().find(|(id, _)| *id == m.app_id) {
                            Some((_, name)) => name.clone(),
                            None => {
                                let app = scope.find(m.parent::<App>())?.expect("app");
                                names.push((app.id, app.name.clone()));
                                app.name.clone()
                            }
                        };
                        out.push((m.id, m.query.clone(), conversation.name.clone(), app_name));
                    }
                    black_box(out);
                }
                elapsed = start.elapsed();
                Ok(())
            })
            .unwrap();
            elapsed
        }),
        Variant::new("diesel join (hand-written)", move |round| {
            let t = &s.tenants[round % nt];
            diesel_in_txn(&mut c2, |c| {
                for _ in 0..ops {
                    black_box(hand::diesel_join(c, t.tenant, PAGE).unwrap());
                }
            })
        }),
        Variant::new("postgres join (prepared)", move |round| {
            let t = &s.tenants[round % nt];
            pg_in_txn(&mut p3, |tx| {
                for _ in 0..ops {
                    let rows = tx.query(&q3.join, &[&t.tenant, &PAGE]).unwrap();
                    let out: Vec<(Uuid, String, String, String)> = rows
                        .iter()
                        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                        .collect();
                    black_box(out);
                }
            })
        }),
    ];
    let series = measure(ops, cx.rounds, &mut variants);
    drop(variants);
    println!();
    println!(
        "(The scoped API has no SQL join: its rows are the same result built from \
         list::<Message> and the parents loaded by lookup_many, one query per parent \
         table, or by a lookup per row.)"
    );
    report(
        "messages joined to conversation and app for a tenant, page of 20, in one scope",
        ops,
        &series,
        &[
            "scoped list + lookup_many (3 queries)",
            "scoped list + lookups (N+1, no join)",
        ],
    )
}
