//! Two workspaces with look-alike data: every scoped accessor of every
//! tenant-owned and via-owned entity, pointed at the other workspace's ids,
//! returns nothing and changes nothing.

use dify_models::account::*;
use dify_models::app::*;
use dify_models::conversation::*;
use dify_models::dataset::*;
use dify_schema::scope::{DatasetEditing, Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Page, Role};

use crate::fixtures::{database_with_schema, new_app, new_conversation, two_workspaces, Workspace};

/// Every row of every table, as text, for "nothing changed" checks.
fn everything(conn: &mut diesel::PgConnection) -> Vec<String> {
    let mut system = bypass_tenant_isolation(conn, "test snapshot");
    let mut rows = Vec::new();
    macro_rules! dump {
        ($($entity:ty),*) => {$(
            rows.extend(system.list::<$entity>().unwrap().iter().map(|row| format!("{row:?}")));
        )*};
    }
    dump!(
        Tenant,
        Account,
        TenantAccountJoin,
        App,
        Conversation,
        Message,
        Dataset,
        Document,
        DocumentSegment
    );
    rows
}

fn ids<E: dify_schema::Entity<Key = Uuid>>(rows: &[dify_schema::Row<'_, E>]) -> Vec<Uuid> {
    rows.iter().map(|row| row.key()).collect()
}

#[test]
fn the_other_workspaces_ids_find_nothing_and_lists_hold_only_the_own_rows() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    let before = everything(&mut conn);

    with_tenant(&mut conn, b.tenant, b.owner, |scope| -> Result<(), Error> {
        // lookup is the one entry point that takes a raw uuid.
        assert!(scope.lookup::<TenantAccountJoin>(a.join)?.is_none());
        assert!(scope.lookup::<App>(a.app)?.is_none());
        assert!(scope.lookup::<Conversation>(a.conversation)?.is_none());
        assert!(scope.lookup::<Message>(a.message)?.is_none());
        assert!(scope.lookup::<Dataset>(a.dataset)?.is_none());
        assert!(scope.lookup::<Document>(a.document)?.is_none());
        assert!(scope.lookup::<DocumentSegment>(a.segment)?.is_none());

        // The same lookups with B's own ids find B's rows.
        assert!(scope.lookup::<TenantAccountJoin>(b.join)?.is_some());
        let app = scope.lookup::<App>(b.app)?.expect("own app");
        let conversation = scope
            .lookup::<Conversation>(b.conversation)?
            .expect("own conversation");
        let dataset = scope.lookup::<Dataset>(b.dataset)?.expect("own dataset");
        let document = scope.lookup::<Document>(b.document)?.expect("own document");
        assert!(scope.lookup::<Message>(b.message)?.is_some());
        assert!(scope.lookup::<DocumentSegment>(b.segment)?.is_some());

        // find by a branded id carries the predicate too.
        assert_eq!(scope.find(app.id())?.map(|row| row.id), Some(b.app));

        // Many uuids at once, A's mixed with B's: only B's rows come back,
        // for a tenant-owned table and for via chains of one and two steps.
        assert_eq!(
            ids(&scope.lookup_many::<App>(&[a.app, b.app])?),
            vec![b.app]
        );
        assert_eq!(
            ids(&scope.lookup_many::<Conversation>(&[b.conversation, a.conversation])?),
            vec![b.conversation]
        );
        assert_eq!(
            ids(&scope.lookup_many::<Message>(&[a.message, b.message, a.message])?),
            vec![b.message]
        );
        assert!(scope
            .lookup_many::<DocumentSegment>(&[a.segment])?
            .is_empty());
        assert!(scope.lookup_many::<App>(&[])?.is_empty());

        // Lists and counts hold only B's rows.
        let page = Page::first(100);
        assert_eq!(scope.list::<TenantAccountJoin>(page)?.len(), 4);
        assert_eq!(ids(&scope.list::<App>(page)?), vec![b.app]);
        assert_eq!(
            ids(&scope.list::<Conversation>(page)?),
            vec![b.conversation]
        );
        assert_eq!(ids(&scope.list::<Message>(page)?), vec![b.message]);
        assert_eq!(ids(&scope.list::<Dataset>(page)?), vec![b.dataset]);
        assert_eq!(ids(&scope.list::<Document>(page)?), vec![b.document]);
        assert_eq!(ids(&scope.list::<DocumentSegment>(page)?), vec![b.segment]);
        assert_eq!(scope.count::<TenantAccountJoin>()?, 4);
        assert_eq!(scope.count::<App>()?, 1);
        assert_eq!(scope.count::<Conversation>()?, 1);
        assert_eq!(scope.count::<Message>()?, 1);
        assert_eq!(scope.count::<Dataset>()?, 1);
        assert_eq!(scope.count::<Document>()?, 1);
        assert_eq!(scope.count::<DocumentSegment>()?, 1);

        // Children of a branded parent: only that parent's.
        assert_eq!(
            ids(&scope.children::<Conversation, _>(app.id(), page)?),
            vec![b.conversation]
        );
        assert_eq!(
            ids(&scope.children::<Message, _>(app.id(), page)?),
            vec![b.message]
        );
        assert_eq!(conversation.parent::<App>(), app.id());

        // B's writes touch B's rows only.
        let scope = scope.require::<Editing>()?;
        scope.update(
            app.id(),
            AppChanges {
                name: Some("Renamed".into()),
                ..Default::default()
            },
        )?;
        scope.update(
            dataset.id(),
            DatasetChanges {
                name: Some("Renamed".into()),
                ..Default::default()
            },
        )?;
        assert!(scope.soft_delete(conversation.id())?);
        assert!(scope.delete(document.id())?);
        Ok(())
    })
    .unwrap();

    let after = everything(&mut conn);
    let untouched = |rows: &[String], workspace: &Workspace| -> Vec<String> {
        let owned = [
            workspace.tenant,
            workspace.app,
            workspace.conversation,
            workspace.message,
            workspace.dataset,
            workspace.document,
            workspace.segment,
        ];
        rows.iter()
            .filter(|row| owned.iter().any(|id| row.contains(&id.to_string())))
            .cloned()
            .collect()
    };
    assert_eq!(
        untouched(&after, &a),
        untouched(&before, &a),
        "workspace A changed"
    );
    assert_ne!(
        untouched(&after, &b),
        untouched(&before, &b),
        "B's own writes should show"
    );
}

#[test]
fn an_account_that_is_not_a_member_cannot_enter_the_scope() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    let mut ran = false;
    let result = with_tenant(
        &mut conn,
        a.tenant,
        b.owner,
        |_scope| -> Result<(), Error> {
            ran = true;
            Ok(())
        },
    );
    assert!(
        matches!(result, Err(Error::NotMember { tenant, account }) if tenant == a.tenant && account == b.owner)
    );
    assert!(!ran, "the closure must not run for a non-member");
}

#[test]
fn capabilities_follow_difys_role_predicates() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let cases = [
        (a.owner, Role::Owner, true, true, true),
        (a.editor, Role::Editor, false, true, true),
        (
            a.dataset_operator,
            Role::DatasetOperator,
            false,
            false,
            true,
        ),
        (a.normal, Role::Normal, false, false, false),
    ];
    for (account, role, privileged, editing, dataset_editing) in cases {
        with_tenant(&mut conn, a.tenant, account, |scope| -> Result<(), Error> {
            assert_eq!(scope.role(), role);
            assert_eq!(
                scope.require::<Privileged>().is_ok(),
                privileged,
                "{role:?} privileged"
            );
            assert_eq!(
                scope.require::<Editing>().is_ok(),
                editing,
                "{role:?} editing"
            );
            assert_eq!(
                scope.require::<DatasetEditing>().is_ok(),
                dataset_editing,
                "{role:?} dataset editing"
            );
            if !editing {
                match scope.require::<Editing>() {
                    Err(Error::Forbidden {
                        need: "Editing",
                        role: found,
                    }) => assert_eq!(found, role),
                    other => panic!("expected Forbidden, got {:?}", other.map(|_| ())),
                }
            }
            Ok(())
        })
        .unwrap();
    }
}

#[test]
fn writes_fill_the_tenant_and_the_audit_columns_from_the_scope() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    with_tenant(
        &mut conn,
        a.tenant,
        a.editor,
        |scope| -> Result<(), Error> {
            let scope = scope.require::<Editing>()?;
            let app = scope.insert::<App>(new_app("Second"))?;
            assert_eq!(app.tenant_id, a.tenant);
            assert_eq!(app.created_by, Some(a.editor));
            let conversation = scope.insert::<Conversation>(new_conversation(app.id(), "Hello"))?;
            assert_eq!(conversation.app_id, app.id);
            let updated = scope
                .update(
                    app.id(),
                    AppChanges {
                        description: Some("now described".into()),
                        ..Default::default()
                    },
                )?
                .expect("the app exists");
            assert_eq!(updated.updated_by, Some(a.editor));
            assert!(updated.updated_at >= app.updated_at);
            // An empty change writes nothing, not even updated_at.
            let same = scope
                .update(app.id(), AppChanges::default())?
                .expect("the app exists");
            assert_eq!(same.updated_at, updated.updated_at);
            Ok(())
        },
    )
    .unwrap();
}

#[test]
fn soft_deleted_rows_disappear_from_every_scoped_read() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    with_tenant(
        &mut conn,
        a.tenant,
        a.normal,
        |scope| -> Result<(), Error> {
            let conversation = scope
                .lookup::<Conversation>(a.conversation)?
                .expect("exists");
            let id = conversation.id();
            // Conversations are `write = member`: a normal member may delete theirs.
            assert!(scope.soft_delete(id)?);
            assert!(!scope.soft_delete(id)?, "already deleted");
            assert!(scope.find(id)?.is_none());
            assert!(scope
                .lookup_many::<Conversation>(&[a.conversation])?
                .is_empty());
            assert_eq!(scope.count::<Conversation>()?, 0);
            assert!(scope.list::<Conversation>(Page::first(10))?.is_empty());
            Ok(())
        },
    )
    .unwrap();
    // The row is still there, marked.
    let mut system = bypass_tenant_isolation(&mut conn, "check");
    let row = system
        .find::<Conversation>(a.conversation)
        .unwrap()
        .unwrap();
    assert!(row.is_deleted);
}

#[test]
fn keyset_and_offset_paging_walk_every_row_once() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let app = scope.lookup::<App>(a.app)?.unwrap();
        for n in 0..25 {
            scope.insert::<Conversation>(new_conversation(app.id(), &format!("c{n}")))?;
        }
        let mut seen = Vec::new();
        let mut page = Page::first(10);
        loop {
            let rows = scope.children::<Conversation, _>(app.id(), page)?;
            let Some(last) = rows.last() else { break };
            page = Page::after(dify_schema::OrderKey::cursor(&**last), 10);
            seen.extend(ids(&rows));
        }
        assert_eq!(seen.len(), 26);
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 26, "no row twice");
        let third = scope.list::<Conversation>(Page::offset(20, 10))?;
        assert_eq!(third.len(), 6);
        Ok(())
    })
    .unwrap();
}

/// A negative page is a typed error before anything is sent, so it does
/// not abort the scope's transaction.
#[test]
fn a_negative_page_is_refused_before_it_reaches_the_database() {
    let (_db, mut conn) = database_with_schema();
    let (a, _b) = two_workspaces(&mut conn);
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let listed = scope.list::<App>(Page::offset(-1, 10));
        assert!(matches!(listed, Err(Error::InvalidQuery(_))), "{listed:?}");
        let queried = scope.query::<App>().limit(-1).load();
        assert!(
            matches!(queried, Err(Error::InvalidQuery(_))),
            "{queried:?}"
        );
        // The transaction is intact.
        assert!(scope.lookup::<App>(a.app)?.is_some());
        Ok(())
    })
    .unwrap();
}
