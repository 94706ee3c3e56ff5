//! Attacks on the MySQL backend through the public scoped API, written by
//! a red team from the README and the rustdoc alone: reads and writes of
//! the other workspace by every route a raw uuid takes, swallowed
//! failures, deadlocks, panics inside savepoints, hostile strings and
//! limits. Each test asserts the safe behaviour. Three found that a panic
//! inside a savepoint left the savepoint open, so the scope's COMMIT
//! released it instead and `Ok` came back for nothing committed (fixed:
//! `savepoint` undoes itself on a panic, a MySQL scope refuses to commit
//! with a savepoint open and rolls back every level); one that an empty
//! `ne_all` matched nothing (fixed: an empty list is an empty subquery).

use diesel::RunQueryDsl;
use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_schema::mysql::MysqlConnection;
use dify_schema::scope::Editing;
use dify_schema::types::{NaiveDateTime, Uuid};
use dify_schema::{with_tenant, Error, Page};
use dify_tests::mysql::MysqlTestDatabase;

use crate::fixtures::{team, Team};
use crate::samples;

/// Dify's MySQL schema with two workspaces; `None` where there is no
/// MariaDB (the test then passes, having said why).
fn setup() -> Option<(MysqlTestDatabase, MysqlConnection, Team, Team)> {
    let db = MysqlTestDatabase::dify_created()?;
    let mut conn = db.connect();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");
    Some((db, conn, acme, globex))
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Raw count, outside any scope (a check of what was committed).
fn raw_count(conn: &mut MysqlConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
}

fn apps_named(conn: &mut MysqlConnection, name: &str) -> i64 {
    raw_count(
        conn,
        &format!("SELECT COUNT(*) AS n FROM apps WHERE name = BINARY '{name}'"),
    )
}

/// acme: an app, a conversation, a message and a message file.
struct Seeded {
    app: Uuid,
    conversation: Uuid,
    message: Uuid,
    file: Uuid,
}

fn seed(conn: &mut MysqlConnection, t: &Team, name: &str) -> Seeded {
    with_tenant(conn, t.tenant, t.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            name: name.into(),
            ..samples::app()
        })?;
        let conversation = scope.insert::<Conversation>(samples::conversation(app.id()))?;
        let message = scope.insert::<Message>(samples::message(app.id(), conversation.id()))?;
        let file = scope.insert::<MessageFile>(samples::message_file(message.id()))?;
        Ok::<_, Error>(Seeded {
            app: app.id,
            conversation: conversation.id,
            message: message.id,
            file: file.id,
        })
    })
    .unwrap()
}

// ATTACK: an update whose values equal the stored ones. MySQL reports
// "changed" rows, not "matched" rows, unless CLIENT_FOUND_ROWS is set; a
// library trusting the affected-row count would say the row is gone.
#[test]
fn rt_update_that_changes_nothing_still_finds_the_row() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let s = seed(&mut conn, &acme, "same");
    let (first, second, empty) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.lookup::<App>(s.app)?.unwrap();
        let changes = || AppChanges {
            name: Some("same".into()),
            ..Default::default()
        };
        let first = scope.update(app.id(), changes())?.is_some();
        let second = scope.update(app.id(), changes())?.is_some();
        let empty = scope.update(app.id(), AppChanges::default())?.is_some();
        Ok::<_, Error>((first, second, empty))
    })
    .unwrap();
    assert!(
        first,
        "update with unchanged value reported the row as gone"
    );
    assert!(second, "second identical update reported the row as gone");
    assert!(empty, "empty update reported the row as gone");
}

// ATTACK: accounts are global (not reachable from a scope at all: the
// Account entity has no ScopedAccess on MySQL, checked by the compiler);
// memberships (tenant_account_joins) of the other workspace, by the raw
// uuid of an account of that workspace.
#[test]
fn rt_memberships_of_another_workspace_are_invisible() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    with_tenant(&mut conn, globex.tenant, globex.normal, |scope| {
        assert_eq!(
            scope.count::<TenantAccountJoin>()?,
            5,
            "memberships counted across workspaces"
        );
        let n = scope
            .query::<TenantAccountJoin>()
            .filter(|j| j.account_id.eq_any([acme.owner, acme.admin, acme.editor]))
            .count()?;
        assert_eq!(n, 0, "acme's memberships read by account id");
        let all = scope.list::<TenantAccountJoin>(Page::first(100))?;
        assert!(all.iter().all(|j| j.tenant_id == globex.tenant));
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: raw uuids of the other workspace's via-owned rows (messages →
// apps; message_files → messages → apps) everywhere a uuid is accepted.
#[test]
fn rt_foreign_via_owned_rows_by_raw_uuid() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    let a = seed(&mut conn, &acme, "acme app");
    let _g = seed(&mut conn, &globex, "globex app");
    with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
        assert!(scope.lookup::<App>(a.app)?.is_none());
        assert!(scope.lookup::<Conversation>(a.conversation)?.is_none());
        assert!(scope.lookup::<Message>(a.message)?.is_none());
        assert!(scope.lookup::<MessageFile>(a.file)?.is_none());
        assert!(scope.lookup_many::<MessageFile>(&[a.file])?.is_empty());
        assert_eq!(scope.count::<MessageFile>()?, 1);
        assert_eq!(scope.count::<Message>()?, 1);
        let n = scope
            .query::<Message>()
            .filter(|m| m.app_id.eq(a.app))
            .count()?;
        assert_eq!(n, 0, "messages of acme's app read by filter");
        let n = scope
            .query::<MessageFile>()
            .filter(|f| f.message_id.eq(a.message).or(f.id.eq(a.file)))
            .count()?;
        assert_eq!(n, 0, "message files of acme read by filter");
        let n = scope
            .query::<Message>()
            .filter(|m| m.id.eq_any([a.message]))
            .join(|m| m.app_id)
            .load()?
            .len();
        assert_eq!(n, 0, "join reached acme");
        let joined = scope.query::<Message>().join(|m| m.app_id).load()?;
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].1.name, "globex app");
        let n = scope
            .query::<MessageFile>()
            .join(|f| f.message_id)
            .filter_joined::<Message, _>(|m| m.app_id.eq(a.app))
            .count()?;
        assert_eq!(n, 0);
        let sub = scope.subquery::<Message>().select(|m| m.app_id);
        let n = scope.query::<App>().filter(|x| x.id.is_in(sub)).count()?;
        assert_eq!(n, 1, "subquery: only globex's own app");
        let scope = scope.require::<Editing>()?;
        assert!(scope
            .query::<App>()
            .filter(|x| x.id.eq(a.app))
            .for_update()
            .first()?
            .is_none());
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: insert_or_ignore / insert with a client-chosen id equal to the
// other workspace's row: must not return, overwrite or re-own it.
#[test]
fn rt_client_id_of_foreign_row() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    let a = seed(&mut conn, &acme, "acme app");
    let r = with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let ignored = scope.insert_or_ignore::<App>(NewApp {
            id: Some(a.app),
            name: "stolen".into(),
            ..samples::app()
        })?;
        if let Some(row) = &ignored {
            assert_ne!(
                row.tenant_id, acme.tenant,
                "insert_or_ignore returned acme's row"
            );
        }
        assert!(
            ignored.is_none(),
            "insert_or_ignore reported a write on a taken id"
        );
        Ok::<_, Error>(())
    });
    assert!(r.is_ok(), "{r:?}");
    let r = with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let row = scope.insert::<App>(NewApp {
            id: Some(a.app),
            name: "stolen".into(),
            ..samples::app()
        })?;
        assert_ne!(row.tenant_id, acme.tenant, "insert returned acme's row");
        Ok::<_, Error>(())
    });
    assert!(r.is_err(), "insert with a taken id committed: {r:?}");
    assert_eq!(apps_named(&mut conn, "stolen"), 0);
    assert_eq!(apps_named(&mut conn, "acme app"), 1);
}

// ATTACK: a statement fails, the closure swallows the error and goes on
// writing, then returns Ok. MySQL keeps the transaction going.
#[test]
fn rt_swallowed_failure_outside_savepoint() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let a = scope.insert::<App>(NewApp {
            name: "before".into(),
            ..samples::app()
        })?;
        let dup = scope.insert::<App>(NewApp {
            id: Some(a.id),
            name: "dup".into(),
            ..samples::app()
        });
        assert!(dup.is_err());
        let _ = scope.insert::<App>(NewApp {
            name: "after".into(),
            ..samples::app()
        });
        Ok::<_, Error>(())
    });
    assert!(matches!(r, Err(Error::RolledBack { .. })), "{r:?}");
    assert_eq!(apps_named(&mut conn, "before"), 0, "half write committed");
    assert_eq!(
        apps_named(&mut conn, "after"),
        0,
        "write after failure committed"
    );
}

// ATTACK: savepoints, nested, with swallowed errors inside.
#[test]
fn rt_nested_savepoints() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let a = scope.insert::<App>(NewApp {
            name: "outer-kept".into(),
            ..samples::app()
        })?;
        let aid = a.id;
        // A failed insert in a savepoint, error swallowed by the caller.
        let dup = scope.savepoint(|s| {
            s.insert::<App>(NewApp {
                id: Some(aid),
                ..samples::app()
            })
        });
        assert!(dup.is_err());
        // Outer savepoint keeps C, inner fails and is dropped.
        let outer = scope.savepoint(|s| {
            s.insert::<App>(NewApp {
                name: "sp-kept".into(),
                ..samples::app()
            })?;
            let inner = s.savepoint(|s2| {
                s2.insert::<App>(NewApp {
                    name: "inner-undone".into(),
                    ..samples::app()
                })?;
                Err::<(), Error>(Error::InvalidQuery("inner fails".into()))
            });
            assert!(inner.is_err());
            Ok::<_, Error>(())
        });
        assert!(outer.is_ok(), "{outer:?}");
        // Outer savepoint fails after an inner one succeeded: both undone.
        let outer2 = scope.savepoint(|s| {
            s.insert::<App>(NewApp {
                name: "sp2-undone".into(),
                ..samples::app()
            })?;
            s.savepoint(|s2| {
                s2.insert::<App>(NewApp {
                    name: "inner2-undone".into(),
                    ..samples::app()
                })
            })?;
            Err::<(), Error>(Error::InvalidQuery("outer fails".into()))
        });
        assert!(outer2.is_err());
        // A savepoint whose closure swallows a failed statement and goes on.
        let swallow = scope.savepoint(|s| {
            let _ = s.insert::<App>(NewApp {
                id: Some(aid),
                ..samples::app()
            });
            let _ = s.insert::<App>(NewApp {
                name: "swallowed-undone".into(),
                ..samples::app()
            });
            Ok::<_, Error>(())
        });
        assert!(
            matches!(swallow, Err(Error::RolledBack { .. })),
            "{swallow:?}"
        );
        scope.insert::<App>(NewApp {
            name: "tail-kept".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(r.is_ok(), "{r:?}");
    for kept in ["outer-kept", "sp-kept", "tail-kept"] {
        assert_eq!(apps_named(&mut conn, kept), 1, "{kept} lost");
    }
    for undone in [
        "inner-undone",
        "sp2-undone",
        "inner2-undone",
        "swallowed-undone",
    ] {
        assert_eq!(apps_named(&mut conn, undone), 0, "{undone} committed");
    }
}

// ATTACK: a deadlock inside a savepoint. InnoDB rolls back the whole
// transaction on a deadlock; if the scope then goes on, later statements
// run in autocommit and the scope can report Ok with its first writes lost.
#[test]
fn rt_deadlock_inside_savepoint() {
    let Some((db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let x = seed(&mut conn, &acme, "X").app;
    let y = seed(&mut conn, &acme, "Y").app;
    let barrier = std::sync::Barrier::new(2);
    let results: Vec<Result<(), Error>> = std::thread::scope(|ts| {
        let handles: Vec<_> = (0..2)
            .map(|i| {
                let barrier = &barrier;
                let db = &db;
                ts.spawn(move || {
                    let mut c = db.connect();
                    let (first, second) = if i == 0 { (x, y) } else { (y, x) };
                    with_tenant(&mut c, acme.tenant, acme.editor, |scope| {
                        let scope = scope.require::<Editing>()?;
                        scope.insert::<App>(NewApp {
                            name: format!("before-{i}"),
                            ..samples::app()
                        })?;
                        let f = scope.lookup::<App>(first)?.unwrap();
                        let s2 = scope.lookup::<App>(second)?.unwrap();
                        let locked = scope.savepoint(|s| {
                            s.lock(f.id())?;
                            barrier.wait();
                            s.lock(s2.id())?;
                            Ok::<_, Error>(())
                        });
                        eprintln!("thread {i}: savepoint {locked:?}");
                        // The error is swallowed: "work that may fail goes in a savepoint".
                        let _ = scope.insert::<App>(NewApp {
                            name: format!("after-{i}"),
                            ..samples::app()
                        });
                        Ok::<_, Error>(())
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    eprintln!("{results:?}");
    for (i, r) in results.iter().enumerate() {
        let before = apps_named(&mut conn, &format!("before-{i}"));
        let after = apps_named(&mut conn, &format!("after-{i}"));
        match r {
            Ok(()) => {
                assert_eq!(before, 1, "thread {i}: Ok but its first write is lost");
                assert_eq!(after, 1, "thread {i}: Ok but its last write is lost");
            }
            Err(e) => {
                assert_eq!(
                    before + after,
                    0,
                    "thread {i}: Err({e:?}) but before={before} after={after} committed"
                );
            }
        }
    }
}

// ATTACK: a deadlock outside any savepoint, closure swallowing it.
#[test]
fn rt_deadlock_swallowed_outside_savepoint() {
    let Some((db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let x = seed(&mut conn, &acme, "X").app;
    let y = seed(&mut conn, &acme, "Y").app;
    let barrier = std::sync::Barrier::new(2);
    let results: Vec<Result<(), Error>> = std::thread::scope(|ts| {
        let handles: Vec<_> = (0..2)
            .map(|i| {
                let barrier = &barrier;
                let db = &db;
                ts.spawn(move || {
                    let mut c = db.connect();
                    let (first, second) = if i == 0 { (x, y) } else { (y, x) };
                    with_tenant(&mut c, acme.tenant, acme.editor, |scope| {
                        let scope = scope.require::<Editing>()?;
                        scope.insert::<App>(NewApp {
                            name: format!("before-{i}"),
                            ..samples::app()
                        })?;
                        let f = scope.lookup::<App>(first)?.unwrap();
                        let s2 = scope.lookup::<App>(second)?.unwrap();
                        scope.lock(f.id())?;
                        barrier.wait();
                        let _ = scope.lock(s2.id());
                        let _ = scope.insert::<App>(NewApp {
                            name: format!("after-{i}"),
                            ..samples::app()
                        });
                        Ok::<_, Error>(())
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    eprintln!("{results:?}");
    for (i, r) in results.iter().enumerate() {
        let before = apps_named(&mut conn, &format!("before-{i}"));
        let after = apps_named(&mut conn, &format!("after-{i}"));
        match r {
            Ok(()) => assert_eq!((before, after), (1, 1), "thread {i}: Ok but writes lost"),
            Err(e) => assert_eq!(
                before + after,
                0,
                "thread {i}: Err({e:?}) but something committed"
            ),
        }
    }
}

// ATTACK: a panic mid-scope, then reusing the connection. MySQL's
// START TRANSACTION implicitly commits an open transaction: a scope left
// open by the panic would be committed by the next scope.
#[test]
fn rt_panic_then_reuse_connection() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: "panicked".into(),
                ..samples::app()
            })?;
            panic!("boom");
            #[allow(unreachable_code)]
            Ok::<_, Error>(())
        });
    }));
    assert!(caught.is_err());
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "next".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(r.is_ok(), "{r:?}");
    assert_eq!(
        apps_named(&mut conn, "panicked"),
        0,
        "panicked scope's write committed"
    );
    assert_eq!(apps_named(&mut conn, "next"), 1);
    // Closure error after a write: nothing committed, connection still fine.
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "errored".into(),
            ..samples::app()
        })?;
        Err::<(), Error>(Error::InvalidQuery("caller fails".into()))
    });
    assert!(r.is_err());
    assert_eq!(
        apps_named(&mut conn, "errored"),
        0,
        "errored scope's write committed"
    );
}

// ATTACK: empty eq_any / ne_all lists and empty lookup_many (MySQL has no
// `IN ()`).
#[test]
fn rt_empty_lists() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    seed(&mut conn, &acme, "one");
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        assert!(scope.lookup_many::<App>(&[])?.is_empty());
        assert!(scope.lookup_many::<Message>(&[])?.is_empty());
        let none: Vec<Uuid> = vec![];
        let eq_any = scope.query::<App>().filter(|a| a.id.eq_any(none.clone())).count()?;
        let ne_all = scope.query::<App>().filter(|a| a.id.ne_all(none.clone())).count()?;
        let not_eq_any = scope.query::<Message>().filter(|m| m.app_id.eq_any(none.clone()).not()).count()?;
        let names: Vec<String> = vec![];
        let or_eq_any = scope.query::<App>().filter(|a| a.name.eq_any(names.clone()).or(a.name.eq("one"))).count()?;
        let ne_all_names = scope.query::<App>().filter(|a| a.name.ne_all(names.clone())).count()?;
        assert_eq!(
            (eq_any, ne_all, not_eq_any, or_eq_any, ne_all_names),
            (0, 1, 1, 1, 1),
            "(eq_any([]), ne_all([]), not(eq_any([])), eq_any([]) or eq, ne_all([]) on text) counts with one row"
        );
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: hostile strings in inserts and filters: quotes, backslashes,
// LIKE metacharacters, NUL bytes, 4-byte unicode, a trailing escape.
#[test]
fn rt_hostile_strings_round_trip_and_filter() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    let names = [
        "O'Brien \"x\" `y`",
        "back\\slash\\",
        "100% _under_",
        "nul\0byte",
        "emoji 😀 𝔘𝔫𝔦",
        "'; DROP TABLE apps; --",
        "\\",
        "%",
    ];
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        for name in names {
            let app = scope.insert::<App>(NewApp {
                name: name.into(),
                description: Some(name.into()),
                ..samples::app()
            })?;
            assert_eq!(app.name, name, "round trip on insert");
        }
        Ok::<_, Error>(())
    })
    .unwrap();
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        for name in names {
            let n = scope.query::<App>().filter(|a| a.name.eq(name)).count()?;
            assert_eq!(n, 1, "eq({name:?})");
            let r = scope.query::<App>().filter(|a| a.name.like(name)).count();
            assert!(r.is_ok(), "like({name:?}) failed: {r:?}");
            let r = scope
                .query::<App>()
                .filter(|a| a.description.ilike(name))
                .count();
            assert!(r.is_ok(), "ilike({name:?}) failed: {r:?}");
        }
        // A pattern ending in the escape character.
        let r = scope
            .query::<App>()
            .filter(|a| a.name.like("back\\"))
            .load();
        assert!(r.is_ok(), "{:?}", r.err());
        Ok::<_, Error>(())
    })
    .unwrap();
    // The other workspace: a match-everything pattern finds nothing.
    with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
        let n = scope
            .query::<App>()
            .filter(|a| a.name.like("%").or(a.name.ilike("%%")))
            .count()?;
        assert_eq!(n, 0);
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: MySQL's utf8mb4_general_ci collation: `=` ignores case, accents
// and trailing spaces. README: "LIKE is LIKE BINARY"; `eq` should be as
// exact as on PostgreSQL (the same declarations serve both).
#[test]
fn rt_like_counts_case_and_eq_follows_the_collation() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    seed(&mut conn, &acme, "Bot");
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let like_lower = scope
            .query::<App>()
            .filter(|a| a.name.like("bot"))
            .count()?;
        assert_eq!(like_lower, 0, "like is documented case-sensitive");
        let ilike = scope
            .query::<App>()
            .filter(|a| a.name.ilike("bot"))
            .count()?;
        assert_eq!(ilike, 1, "ilike ignores case");
        // `eq` and `ne` compare as the column's collation does, as Dify's
        // own queries do on MySQL: utf8mb4_general_ci ignores case, accents
        // and trailing spaces (the README says so). Pinned here so that a
        // change of it is seen.
        let eq_space = scope.query::<App>().filter(|a| a.name.eq("Bot ")).count()?;
        let eq_case = scope.query::<App>().filter(|a| a.name.eq("BOT")).count()?;
        let eq_accent = scope.query::<App>().filter(|a| a.name.eq("Bót")).count()?;
        let ne_case = scope.query::<App>().filter(|a| a.name.ne("bot")).count()?;
        assert_eq!(
            (eq_space, eq_case, eq_accent, ne_case),
            (1, 1, 1, 0),
            "(eq(\"Bot \"), eq(\"BOT\"), eq(\"Bót\"), ne(\"bot\")) counts on a row named \"Bot\""
        );
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: over-long values: a typed error, and never a silently cut write.
#[test]
fn rt_overlong_values() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "x".repeat(256),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(matches!(r, Err(Error::ValueTooLong { .. })), "{r:?}");
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "é".repeat(255),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(r.is_ok(), "255 two-byte chars fit varchar(255): {r:?}");
    // description is `text` (65,535 bytes on MySQL): 70,000 bytes.
    let long = "d".repeat(70_000);
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            name: "long".into(),
            description: Some(long.clone()),
            ..samples::app()
        })?;
        Ok::<_, Error>(app.description.len())
    });
    match r {
        Ok(len) => {
            assert_eq!(len, 70_000, "Ok but the stored text was cut");
            let stored = raw_count(
                &mut conn,
                "SELECT CAST(LENGTH(description) AS SIGNED) AS n FROM apps WHERE name = 'long'",
            );
            assert_eq!(stored, 70_000, "Ok but the stored text was cut");
        }
        Err(e) => assert_eq!(apps_named(&mut conn, "long"), 0, "Err({e:?}) but committed"),
    }
    // A filter value far longer than the column.
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let huge = "z".repeat(1_000_000);
        let r = scope
            .query::<App>()
            .filter(|a| a.name.eq(huge.as_str()))
            .count();
        assert!(matches!(r, Ok(0)) || r.is_err(), "{r:?}");
        Ok::<_, Error>(())
    })
    .ok();
}

// ATTACK: timestamps with fractions, out of MySQL's datetime range, and
// in cursors; huge limits and offsets; uuids that do not exist.
#[test]
fn rt_timestamps_limits_and_missing_ids() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let s = seed(&mut conn, &acme, "ts");
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap();
    // A fraction: truncated, as documented.
    let read_at = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.lookup::<App>(s.app)?.unwrap();
        let c = scope.insert::<Conversation>(NewConversation {
            read_at: Some(at("2026-01-01 10:00:00.999999")),
            ..samples::conversation(app.id())
        })?;
        Ok::<_, Error>(c.read_at)
    })
    .unwrap();
    assert_eq!(read_at, Some(at("2026-01-01 10:00:00")));
    // Out of range: a typed error, not a panic, nothing committed.
    for bad in [
        "10000-01-01 00:00:00",
        "-0001-01-01 00:00:00",
        "0000-01-01 00:00:00",
    ] {
        let Ok(t) = NaiveDateTime::parse_from_str(bad, "%Y-%m-%d %H:%M:%S") else {
            continue;
        };
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            let app = scope.lookup::<App>(s.app)?.unwrap();
            let c = scope.insert::<Conversation>(NewConversation {
                read_at: Some(t),
                name: format!("bad {bad}"),
                ..samples::conversation(app.id())
            })?;
            Ok::<_, Error>(c.read_at)
        });
        if let Ok(back) = r {
            assert_eq!(back, Some(t), "{bad}: Ok but stored as {back:?}");
        }
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            scope
                .query::<Conversation>()
                .filter(|c| c.read_at.gt(t).or(c.created_at.lt(t)))
                .count()
        });
        assert!(r.is_ok() || r.is_err());
        let far = dify_schema::page::Cursor {
            created_at: Some(t),
            id: Uuid::nil(),
        };
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let app = scope.lookup::<App>(s.app)?.unwrap();
            scope
                .children::<Conversation, _>(app.id(), Page::after(far, 10))
                .map(|v| v.len())
        });
        assert!(r.is_ok() || r.is_err());
    }
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let r = scope.query::<App>().limit(i64::MAX).offset(i64::MAX).load();
        assert!(
            matches!(&r, Ok(v) if v.is_empty()) || r.is_err(),
            "{:?}",
            r.map(|v| v.len())
        );
        Ok::<_, Error>(())
    })
    .ok();
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let r = scope.list::<App>(Page {
            after: None,
            offset: i64::MAX,
            limit: i64::MAX,
        });
        assert!(matches!(&r, Ok(v) if v.is_empty()) || r.is_err());
        Ok::<_, Error>(())
    })
    .ok();
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        assert!(scope.lookup::<App>(Uuid::new_v4())?.is_none());
        assert!(scope.lookup::<App>(Uuid::nil())?.is_none());
        assert!(scope.lookup::<App>(Uuid::max())?.is_none());
        assert!(scope
            .lookup_many::<Message>(&[Uuid::new_v4(); 3])?
            .is_empty());
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: entering another workspace with an account that is not its
// member, or a tenant that does not exist.
#[test]
fn rt_entry_with_foreign_account() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, globex.owner, |scope| {
        scope.count::<App>()
    });
    assert!(matches!(r, Err(Error::NotMember { .. })), "{r:?}");
    let r = with_tenant(&mut conn, Uuid::new_v4(), globex.owner, |scope| {
        scope.count::<App>()
    });
    assert!(matches!(r, Err(Error::NotMember { .. })), "{r:?}");
}

// ATTACK: soft-deleted rows: hidden from lookup, count and lists, and an
// id read before the soft delete cannot bring it back or update it.
#[test]
fn rt_soft_deleted_rows() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let s = seed(&mut conn, &acme, "soft");
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let c = scope.lookup::<Conversation>(s.conversation)?.unwrap();
        assert!(scope.soft_delete(c.id())?);
        assert!(
            !scope.soft_delete(c.id())?,
            "soft-deleting twice reported a write"
        );
        assert!(scope.find(c.id())?.is_none());
        assert_eq!(scope.count::<Conversation>()?, 0);
        assert!(scope.list::<Conversation>(Page::first(10))?.is_empty());
        assert!(scope
            .lookup_many::<Conversation>(&[s.conversation])?
            .is_empty());
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: bulk inserts with one bad row: nothing written, typed error.
#[test]
fn rt_bulk_insert_one_bad_row() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let forms = vec![
            NewApp {
                name: "bulk-ok-1".into(),
                ..samples::app()
            },
            NewApp {
                name: "y".repeat(300),
                ..samples::app()
            },
            NewApp {
                name: "bulk-ok-2".into(),
                ..samples::app()
            },
        ];
        scope.insert_many::<App>(forms)?;
        Ok::<_, Error>(())
    });
    assert!(r.is_err(), "{r:?}");
    assert_eq!(apps_named(&mut conn, "bulk-ok-1"), 0);
    let id = Uuid::new_v4();
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let forms = vec![
            NewApp {
                id: Some(id),
                name: "bulk-dup-1".into(),
                ..samples::app()
            },
            NewApp {
                id: Some(id),
                name: "bulk-dup-2".into(),
                ..samples::app()
            },
        ];
        let _ = scope.bulk_insert::<App>(forms);
        scope.insert::<App>(NewApp {
            name: "bulk-after".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(r.is_err(), "swallowed bulk failure then Ok: {r:?}");
    assert_eq!(
        apps_named(&mut conn, "bulk-dup-1"),
        0,
        "half of a failed bulk insert committed"
    );
    assert_eq!(apps_named(&mut conn, "bulk-after"), 0);
}

// ATTACK: insert_or_ignore: a duplicate is ignored and the scope commits
// the rest; an error that is not a duplicate (an over-long value) is not
// swallowed as "already there".
#[test]
fn rt_insert_or_ignore_outcomes() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let id = Uuid::new_v4();
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            id: Some(id),
            name: "ioi-first".into(),
            ..samples::app()
        })?;
        let again = scope.insert_or_ignore::<App>(NewApp {
            id: Some(id),
            name: "ioi-dup".into(),
            ..samples::app()
        })?;
        assert!(again.is_none());
        scope.insert::<App>(NewApp {
            name: "ioi-after".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    assert!(r.is_ok(), "{r:?}");
    assert_eq!(apps_named(&mut conn, "ioi-first"), 1);
    assert_eq!(apps_named(&mut conn, "ioi-after"), 1);
    assert_eq!(apps_named(&mut conn, "ioi-dup"), 0);
    // The over-long value is refused with a typed error; the caller
    // swallows it. Whatever with_tenant reports must match what is stored.
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "ioi2-before".into(),
            ..samples::app()
        })?;
        let long = scope.insert_or_ignore::<App>(NewApp {
            name: "w".repeat(300),
            ..samples::app()
        });
        assert!(
            matches!(long, Err(Error::ValueTooLong { .. })),
            "over-long value: {long:?}"
        );
        Ok::<_, Error>(())
    });
    let before = apps_named(&mut conn, "ioi2-before");
    let cut = raw_count(
        &mut conn,
        "SELECT COUNT(*) AS n FROM apps WHERE name LIKE 'www%'",
    );
    assert_eq!(cut, 0, "a cut over-long value was stored");
    match &r {
        Ok(()) => assert_eq!(before, 1, "Ok but the scope's write is lost"),
        Err(e) => assert_eq!(before, 0, "Err({e:?}) but the scope's write committed"),
    }
    eprintln!("insert_or_ignore over-long, swallowed: with_tenant = {r:?}");
}

// ATTACK: what a write reports against what is stored: a fractional
// timestamp and trailing spaces through update, 4-byte unicode at the
// varchar limit.
#[test]
fn rt_reported_row_matches_stored_row() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let s = seed(&mut conn, &acme, "rep");
    let at = NaiveDateTime::parse_from_str("2030-06-01 23:59:59.999999", "%Y-%m-%d %H:%M:%S%.f")
        .unwrap();
    let reported = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let c = scope.lookup::<Conversation>(s.conversation)?.unwrap();
        let updated = scope
            .update(
                c.id(),
                ConversationChanges {
                    read_at: Some(Some(at)),
                    name: Some("trail  ".into()),
                    ..Default::default()
                },
            )?
            .expect("row is there");
        let app = scope.lookup::<App>(s.app)?.unwrap();
        let app = scope
            .update(
                app.id(),
                AppChanges {
                    name: Some("rep ".into()),
                    ..Default::default()
                },
            )?
            .expect("row is there");
        Ok::<_, Error>((updated.read_at, updated.name.clone(), app.name.clone()))
    })
    .unwrap();
    let stored = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let c = scope.lookup::<Conversation>(s.conversation)?.unwrap();
        let a = scope.lookup::<App>(s.app)?.unwrap();
        Ok::<_, Error>((c.read_at, c.name.clone(), a.name.clone()))
    })
    .unwrap();
    assert_eq!(
        reported, stored,
        "update reported one row, the database holds another"
    );
    assert_eq!(stored.1, "trail  ", "trailing spaces lost");
    // 255 four-byte characters fit varchar(255) in utf8mb4; 256 do not.
    for (n, fits) in [(255usize, true), (256, false)] {
        let name = "😀".repeat(n);
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                name: name.clone(),
                ..samples::app()
            })?;
            Ok::<_, Error>(app.name.clone())
        });
        match r {
            Ok(back) => {
                assert!(fits, "{n} emoji accepted into varchar(255)");
                assert_eq!(back, name, "{n} emoji: reported name differs");
            }
            Err(e) => assert!(!fits, "{n} emoji refused: {e:?}"),
        }
    }
}

// ATTACK: empty insert_many / bulk_insert, zero limits.
#[test]
fn rt_empty_inserts_and_zero_limits() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    seed(&mut conn, &acme, "one");
    with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let many = scope.require::<Editing>()?.insert_many::<App>(vec![])?;
        assert!(many.is_empty());
        let bulk = scope.require::<Editing>()?.bulk_insert::<App>(vec![])?;
        assert_eq!(bulk, 0);
        assert!(scope.list::<App>(Page::first(0))?.is_empty());
        assert!(scope.query::<App>().limit(0).load()?.is_empty());
        Ok::<_, Error>(())
    })
    .unwrap();
}

// ATTACK: a statement failed in the scope (outside a savepoint), the error
// is swallowed, and the closure then opens a savepoint that succeeds.
#[test]
fn rt_savepoint_after_swallowed_failure() {
    let Some((_db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let a = scope.insert::<App>(NewApp {
            name: "sf-before".into(),
            ..samples::app()
        })?;
        let aid = a.id;
        let _ = scope.insert::<App>(NewApp {
            id: Some(aid),
            ..samples::app()
        });
        let sp = scope.savepoint(|s| {
            s.insert::<App>(NewApp {
                name: "sf-in-sp".into(),
                ..samples::app()
            })
            .map(|_| ())
        });
        eprintln!("savepoint after failure: {sp:?}");
        Ok::<_, Error>(())
    });
    assert!(r.is_err(), "{r:?}");
    assert_eq!(apps_named(&mut conn, "sf-before"), 0);
    assert_eq!(apps_named(&mut conn, "sf-in-sp"), 0);
}

// ATTACK: a panic inside a savepoint, caught by the closure with
// catch_unwind; the closure goes on and returns Ok. The savepoint was
// neither released nor rolled back by the closure: is the panicked work
// committed, or is the scope's COMMIT only a RELEASE (work not committed
// though with_tenant says Ok)? Checked from a second connection.
#[test]
fn rt_panic_inside_savepoint_caught() {
    let Some((db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let mut other = db.connect();
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "ps-outer".into(),
            ..samples::app()
        })?;
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            scope.savepoint(|s| {
                s.insert::<App>(NewApp {
                    name: "ps-panicked".into(),
                    ..samples::app()
                })?;
                if true {
                    panic!("boom in savepoint");
                }
                Ok::<_, Error>(())
            })
        }));
        assert!(caught.is_err());
        let after = scope.insert::<App>(NewApp {
            name: "ps-after".into(),
            ..samples::app()
        });
        eprintln!(
            "insert after caught panic: {:?}",
            after.as_ref().map(|a| a.id)
        );
        Ok::<_, Error>(())
    });
    eprintln!("with_tenant after caught panic in savepoint: {r:?}");
    let mut holes: Vec<String> = Vec::new();
    let outer = apps_named(&mut other, "ps-outer");
    let panicked = apps_named(&mut other, "ps-panicked");
    let after = apps_named(&mut other, "ps-after");
    if panicked != 0 {
        holes.push(format!(
            "the panicked savepoint's write is committed (with_tenant: {r:?})"
        ));
    }
    match &r {
        Ok(()) if (outer, after) != (1, 1) => holes.push(format!(
            "with_tenant Ok but committed (ps-outer, ps-after) = ({outer}, {after}), seen from another connection"
        )),
        Err(e) if outer + after != 0 => holes.push(format!("Err({e:?}) but part committed")),
        _ => {}
    }
    // The connection is reused: a later scope must not commit leftovers.
    let r2 = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "ps-next".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    let (outer2, panicked2, after2, next2) = (
        apps_named(&mut other, "ps-outer"),
        apps_named(&mut other, "ps-panicked"),
        apps_named(&mut other, "ps-after"),
        apps_named(&mut other, "ps-next"),
    );
    eprintln!("next scope: {r2:?}; committed now (outer, panicked, after, next) = ({outer2}, {panicked2}, {after2}, {next2})");
    if panicked2 != 0 {
        holes.push(format!("after the next scope on the same connection ({r2:?}), the panicked savepoint's write is committed"));
    }
    if r2.is_ok() && next2 != 1 {
        holes.push(format!(
            "next scope Ok but its write is not committed (ps-next = {next2})"
        ));
    }
    if r2.is_err() && next2 != 0 {
        holes.push(format!("next scope {r2:?} but its write committed"));
    }
    drop(conn);
    let (outer3, panicked3, after3, next3) = (
        apps_named(&mut other, "ps-outer"),
        apps_named(&mut other, "ps-panicked"),
        apps_named(&mut other, "ps-after"),
        apps_named(&mut other, "ps-next"),
    );
    eprintln!("after the connection closed (outer, panicked, after, next) = ({outer3}, {panicked3}, {after3}, {next3})");
    assert!(holes.is_empty(), "{holes:#?}");
}

// ATTACK: the same caught panic in a savepoint on a pooled connection (a
// pool of one): the connection goes back to the pool, and the next
// request, of ANOTHER workspace, runs its scope on it. Is that workspace's
// reported-committed work kept, and does it see the first one's rows?
#[test]
fn rt_panic_inside_savepoint_caught_pooled() {
    let Some((db, mut other, acme, globex)) = setup() else {
        return;
    };
    let pool = dify_schema::mysql::pool(db.url(), 1).expect("the pool opens");
    let acme_app = {
        let mut conn = pool.get().unwrap();
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(NewApp {
                name: "pp-acme".into(),
                ..samples::app()
            })?;
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                scope.savepoint(|s| {
                    s.insert::<App>(NewApp {
                        name: "pp-panicked".into(),
                        ..samples::app()
                    })?;
                    if true {
                        panic!("boom in savepoint");
                    }
                    Ok::<_, Error>(())
                })
            }));
            Ok::<_, Error>(app.id)
        });
        eprintln!("acme scope: {r:?}");
        r.ok()
    };
    let mut holes: Vec<String> = Vec::new();
    if acme_app.is_some() && apps_named(&mut other, "pp-acme") != 1 {
        holes.push("acme: with_tenant Ok but pp-acme is not committed".into());
    }
    {
        let mut conn = pool.get().unwrap();
        let r = with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
            if let Some(id) = acme_app {
                if scope.lookup::<App>(id)?.is_some() {
                    return Ok::<_, Error>(Some("globex read acme's app"));
                }
            }
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: "pp-globex".into(),
                ..samples::app()
            })?;
            Ok::<_, Error>(None)
        });
        eprintln!("globex scope on the same pooled connection: {r:?}");
        match r {
            Ok(Some(crossing)) => holes.push(crossing.into()),
            Ok(None) if apps_named(&mut other, "pp-globex") != 1 => holes.push(
                "globex (another workspace, next user of the pooled connection): with_tenant Ok but pp-globex is not committed".into(),
            ),
            _ => {}
        }
    }
    drop(pool);
    eprintln!(
        "after the pool closed: pp-acme {}, pp-panicked {}, pp-globex {}",
        apps_named(&mut other, "pp-acme"),
        apps_named(&mut other, "pp-panicked"),
        apps_named(&mut other, "pp-globex")
    );
    assert!(holes.is_empty(), "{holes:#?}");
}

// ATTACK: a panic inside a savepoint that is NOT caught in the closure
// (it unwinds through with_tenant and is caught by the caller), then the
// connection is reused: the panicked scope must not be committed, and the
// next scope's Ok must mean committed.
#[test]
fn rt_uncaught_panic_inside_savepoint_then_reuse() {
    let Some((db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let mut other = db.connect();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: "up-outer".into(),
                ..samples::app()
            })?;
            scope.savepoint(|s| {
                s.insert::<App>(NewApp {
                    name: "up-in-sp".into(),
                    ..samples::app()
                })?;
                if true {
                    panic!("boom");
                }
                Ok::<_, Error>(())
            })
        });
    }));
    assert!(caught.is_err());
    // Three later scopes on the same connection, each reported Ok.
    let mut reported = Vec::new();
    for k in 0..3 {
        let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: format!("up-next-{k}"),
                ..samples::app()
            })?;
            Ok::<_, Error>(())
        });
        reported.push(r.is_ok());
    }
    let committed: Vec<i64> = (0..3)
        .map(|k| apps_named(&mut other, &format!("up-next-{k}")))
        .collect();
    let got = (
        apps_named(&mut other, "up-outer"),
        apps_named(&mut other, "up-in-sp"),
    );
    drop(conn);
    let after_close: Vec<i64> = (0..3)
        .map(|k| apps_named(&mut other, &format!("up-next-{k}")))
        .collect();
    eprintln!("reported Ok {reported:?}; committed {committed:?}; after the connection closed {after_close:?}");
    assert_eq!(
        got,
        (0, 0),
        "(up-outer, up-in-sp) of the panicked scope committed"
    );
    for k in 0..3 {
        if reported[k] {
            assert_eq!(committed[k], 1, "later scope #{k} on the same connection: with_tenant Ok but not committed (committed {committed:?}, after the connection closed {after_close:?})");
        }
    }
}

// ATTACK: the uncaught savepoint panic on a pooled connection (pool of
// one): the next request, of another workspace, on that connection.
#[test]
fn rt_uncaught_panic_inside_savepoint_pooled() {
    let Some((db, mut other, acme, globex)) = setup() else {
        return;
    };
    let pool = dify_schema::mysql::pool(db.url(), 1).expect("the pool opens");
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut conn = pool.get().unwrap();
        let _ = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: "upp-acme".into(),
                ..samples::app()
            })?;
            scope.savepoint(|s| {
                s.insert::<App>(NewApp {
                    name: "upp-in-sp".into(),
                    ..samples::app()
                })?;
                if true {
                    panic!("boom");
                }
                Ok::<_, Error>(())
            })
        });
    }));
    assert!(caught.is_err());
    let r = {
        let mut conn = pool.get().unwrap();
        with_tenant(&mut conn, globex.tenant, globex.editor, |scope| {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(NewApp {
                name: "upp-globex".into(),
                ..samples::app()
            })?;
            Ok::<_, Error>(())
        })
    };
    let got = (
        apps_named(&mut other, "upp-acme"),
        apps_named(&mut other, "upp-in-sp"),
        apps_named(&mut other, "upp-globex"),
    );
    eprintln!(
        "globex on the pooled connection: {r:?}; (upp-acme, upp-in-sp, upp-globex) = {got:?}"
    );
    assert_eq!((got.0, got.1), (0, 0), "the panicked scope committed");
    if r.is_ok() {
        assert_eq!(
            got.2, 1,
            "another workspace's scope on the pooled connection: with_tenant Ok but not committed"
        );
    }
}

// ATTACK (contrast): a panic caught inside the closure but outside any
// savepoint; the scope goes on and returns Ok.
#[test]
fn rt_panic_caught_outside_savepoint() {
    let Some((db, mut conn, acme, _globex)) = setup() else {
        return;
    };
    let mut other = db.connect();
    let r = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        scope.insert::<App>(NewApp {
            name: "pc-before".into(),
            ..samples::app()
        })?;
        let caught =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(), Error> {
                scope.insert::<App>(NewApp {
                    name: "pc-in".into(),
                    ..samples::app()
                })?;
                panic!("boom");
            }));
        assert!(caught.is_err());
        scope.insert::<App>(NewApp {
            name: "pc-after".into(),
            ..samples::app()
        })?;
        Ok::<_, Error>(())
    });
    let got = (
        apps_named(&mut other, "pc-before"),
        apps_named(&mut other, "pc-in"),
        apps_named(&mut other, "pc-after"),
    );
    match r {
        Ok(()) => assert_eq!(
            (got.0, got.2),
            (1, 1),
            "Ok but (pc-before, pc-in, pc-after) = {got:?}"
        ),
        Err(e) => assert_eq!(got, (0, 0, 0), "Err({e:?}) but {got:?} committed"),
    }
}

// ATTACK: after the caught savepoint panic leaves acme's transaction open
// on a bare connection, a scope of ANOTHER workspace on that connection:
// does it read acme's rows (committed or not)?
#[test]
fn rt_other_workspace_after_savepoint_panic_on_bare_connection() {
    let Some((_db, mut conn, acme, globex)) = setup() else {
        return;
    };
    let s = seed(&mut conn, &acme, "bare-seeded");
    let fresh = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(NewApp {
            name: "bare-acme".into(),
            ..samples::app()
        })?;
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            scope.savepoint(|sp| {
                sp.insert::<App>(NewApp {
                    name: "bare-panicked".into(),
                    ..samples::app()
                })?;
                if true {
                    panic!("boom");
                }
                Ok::<_, Error>(())
            })
        }));
        Ok::<_, Error>(app.id)
    })
    .unwrap();
    let seen = with_tenant(&mut conn, globex.tenant, globex.normal, |scope| {
        Ok::<_, Error>((
            scope.lookup::<App>(fresh)?.is_some(),
            scope.lookup::<App>(s.app)?.is_some(),
            scope.lookup::<Message>(s.message)?.is_some(),
            scope.count::<App>()?,
            scope
                .query::<App>()
                .filter(|a| a.name.like("bare%"))
                .count()?,
        ))
    });
    assert!(
        matches!(seen, Ok((false, false, false, 0, 0)) | Err(_)),
        "globex saw acme's rows: {seen:?}"
    );
}
