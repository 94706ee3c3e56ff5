//! Composable queries: whatever the caller adds, the tenant predicate stays.

use dify_models::app::App;
use dify_models::conversation::Conversation;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, new_conversation, two_workspaces};

#[test]
fn filters_order_and_paging_keep_the_tenant_predicate() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    with_tenant(&mut conn, b.tenant, b.owner, |scope| -> Result<(), Error> {
        // Both workspaces have an app named "Support bot".
        let apps = scope
            .query::<App>()
            .filter(|c| c.name.eq("Support bot"))
            .load()?;
        assert_eq!(
            apps.iter().map(|app| app.id).collect::<Vec<_>>(),
            vec![b.app]
        );

        // An OR inside a filter stays inside the filter's parentheses.
        let query = scope.query::<App>().filter(|c| {
            c.name
                .eq("nothing")
                .or(c.id.eq(a.app))
                .or(c.name.eq("Support bot"))
        });
        let sql = query.sql();
        let apps = query.load()?;
        assert_eq!(
            apps.iter().map(|app| app.id).collect::<Vec<_>>(),
            vec![b.app],
            "{sql}"
        );
        assert!(sql.contains(r#"("apps"."tenant_id" = $1)"#), "{sql}");

        // A via-owned entity, ordered and paged; soft-deleted rows stay out.
        let app = scope.lookup::<App>(b.app)?.unwrap();
        let scope = scope.require::<Editing>()?;
        for name in ["b1", "b2", "b3"] {
            scope.insert::<Conversation>(new_conversation(app.id(), name))?;
        }
        let first = scope.lookup::<Conversation>(b.conversation)?.unwrap();
        scope.soft_delete(first.id())?;
        let page = scope
            .query::<Conversation>()
            .filter(|c| c.name.like("b%"))
            .order_by(|c| c.name.desc())
            .limit(2)
            .load()?;
        assert_eq!(
            page.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            vec!["b3", "b2"]
        );
        let all = scope.query::<Conversation>().load()?;
        assert_eq!(all.len(), 3, "the soft-deleted conversation is not listed");
        assert!(all.iter().all(|c| c.app_id == b.app));
        let none = scope
            .query::<Conversation>()
            .filter(|c| c.app_id.eq(a.app))
            .first()?;
        assert!(
            none.is_none(),
            "naming the other tenant's app finds nothing"
        );
        Ok(())
    })
    .unwrap();
}

/// Messages with their conversation and app, for a page: one query, each
/// side with its own tenant predicate, and the other workspace's rows
/// nowhere, even when a filter names them.
#[test]
fn joins_keep_every_sides_tenant_predicate() {
    use dify_models::conversation::Message;

    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    with_tenant(&mut conn, b.tenant, b.owner, |scope| -> Result<(), Error> {
        let query = scope
            .query::<Message>()
            .join(|m| m.conversation_id)
            .join(|m| m.app_id)
            .filter_joined::<App, _>(|app| app.name.eq("Support bot"))
            .order_by(|m| m.created_at.desc())
            .limit(20);
        let sql = query.sql();
        let page = query.load()?;
        assert_eq!(page.len(), 1, "{sql}");
        let (message, conversation, app) = &page[0];
        assert_eq!(
            (message.id, conversation.id, app.id),
            (b.message, b.conversation, b.app)
        );
        // The join's ON carries the parent's predicate, the WHERE the base's.
        assert!(
            sql.contains(r#"INNER JOIN "conversations" ON "conversations"."id" = "messages"."conversation_id" AND ("conversations"."app_id" = ANY(SELECT "apps"."id" FROM "apps" WHERE "apps"."tenant_id" = $"#),
            "{sql}"
        );
        assert!(
            sql.contains(r#"INNER JOIN "apps" ON "apps"."id" = "messages"."app_id" AND ("apps"."tenant_id" = $"#),
            "{sql}"
        );
        // Naming the other workspace's conversation finds nothing.
        let none = scope
            .query::<Message>()
            .join(|m| m.conversation_id)
            .filter_joined::<Conversation, _>(|c| c.id.eq(a.conversation))
            .count()?;
        assert_eq!(none, 0);
        Ok(())
    })
    .unwrap();
}

/// A table joined twice is a typed error, not SQL that PostgreSQL refuses.
#[test]
fn joining_a_table_twice_is_a_typed_error() {
    use dify_models::conversation::Message;

    let (_db, mut conn) = database_with_schema();
    let (a, _b) = two_workspaces(&mut conn);
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let twice = scope
            .query::<Message>()
            .join(|m| m.app_id)
            .join(|m| m.app_id)
            .load();
        assert!(matches!(twice, Err(Error::InvalidQuery(_))), "{twice:?}");
        Ok(())
    })
    .unwrap();
}

/// The apps a tag is bound to: a subquery of the same scope, which carries
/// the tag bindings' own tenant predicate; another workspace's binding to
/// this workspace's app id (planted by the system path) does not count.
#[test]
fn subqueries_carry_their_own_tenant_predicate() {
    use dify_models::dataset::Dataset;
    use dify_models::tag::{NewTag, NewTagBinding, Tag, TagBinding, TagType};
    use dify_schema::scope::DatasetEditing;
    use dify_schema::system::bypass_tenant_isolation;
    use dify_schema::AnyId;

    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    let tag_a = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<_, Error> {
        let app = scope.lookup::<App>(a.app)?.unwrap();
        let scope = scope.require::<DatasetEditing>()?;
        let tag = scope.insert::<Tag>(NewTag {
            id: None,
            r#type: TagType::App,
            name: "support".into(),
        })?;
        scope.insert::<TagBinding>(NewTagBinding {
            id: None,
            tag_id: Some(tag.id()),
            target_id: Some(AnyId::from(app.id())),
        })?;
        Ok(tag.id)
    })
    .unwrap();
    // In B, a binding of B's own tag to A's app, as only the system path
    // could write it.
    {
        let mut system = bypass_tenant_isolation(&mut conn, "test: a cross-workspace binding");
        let tag: Tag = system
            .insert(
                Some(b.tenant),
                Some(b.owner),
                NewTag {
                    id: None,
                    r#type: TagType::App,
                    name: "support".into(),
                },
            )
            .unwrap();
        let _: TagBinding = system
            .insert(
                Some(b.tenant),
                Some(b.owner),
                NewTagBinding {
                    id: None,
                    tag_id: Some(system.trust(tag.id)),
                    target_id: Some(system.trust::<App>(a.app).into()),
                },
            )
            .unwrap();
    }
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let bound = scope
            .subquery::<TagBinding>()
            .filter(|binding| binding.tag_id.eq(tag_a))
            .select(|binding| binding.target_id);
        let apps = scope
            .query::<App>()
            .filter(|app| app.id.is_in(bound))
            .load()?;
        assert_eq!(
            apps.iter().map(|app| app.id).collect::<Vec<_>>(),
            vec![a.app]
        );
        // Datasets bound to no tag of this workspace: all of them.
        let bound = scope
            .subquery::<TagBinding>()
            .select(|binding| binding.target_id);
        let untagged = scope
            .query::<Dataset>()
            .filter(|dataset| dataset.id.not_in(bound))
            .count()?;
        assert_eq!(untagged, 1);
        Ok(())
    })
    .unwrap();
    with_tenant(&mut conn, b.tenant, b.owner, |scope| -> Result<(), Error> {
        // B's subquery sees B's binding, whose target is A's app; the outer
        // query on B's apps still finds none of A's.
        let bound = scope
            .subquery::<TagBinding>()
            .select(|binding| binding.target_id);
        let apps = scope
            .query::<App>()
            .filter(|app| app.id.is_in(bound))
            .count()?;
        assert_eq!(apps, 0);
        Ok(())
    })
    .unwrap();
}

/// `lock` reads a row `FOR UPDATE`, with the tenant predicate: another
/// workspace's id locks nothing.
#[test]
fn locking_a_row_keeps_the_tenant_predicate() {
    let (_db, mut conn) = database_with_schema();
    let (a, b) = two_workspaces(&mut conn);
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let app = scope.lookup::<App>(a.app)?.unwrap();
        let scope = scope.require::<Editing>()?;
        assert_eq!(scope.lock(app.id())?.map(|row| row.id), Some(a.app));
        let query = scope.query::<App>().filter(|c| c.id.eq(b.app)).for_update();
        assert!(
            query.sql().ends_with(r#" FOR UPDATE OF "apps""#),
            "{}",
            query.sql()
        );
        assert!(query.first()?.is_none());
        Ok(())
    })
    .unwrap();
}

/// Under row-level security a locking read sees what a plain read sees:
/// PostgreSQL applies the update policy to `FOR UPDATE`, so a lock takes
/// the write capability (the types ask for it), and locks only the queried
/// table, not the joined parents whose update policies a plain member does
/// not pass. (Found by the random-operation run: a plain member's lock of
/// an app returned `None` for an app that was there.)
#[test]
fn a_lock_sees_what_a_read_sees_under_row_level_security() {
    use dify_models::conversation::Message;
    let (db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let role = dify_tests::TestRole::create(&db);
    let mut service = role.connect();
    with_tenant(
        &mut service,
        a.tenant,
        a.editor,
        |scope| -> Result<(), Error> {
            let app = scope.lookup::<App>(a.app)?.unwrap();
            let scope = scope.require::<Editing>()?;
            assert_eq!(scope.lock(app.id())?.map(|row| row.id), Some(a.app));
            Ok(())
        },
    )
    .unwrap();
    with_tenant(
        &mut service,
        a.tenant,
        a.normal,
        |scope| -> Result<(), Error> {
            let read = scope
                .query::<Message>()
                .join(|m| m.conversation_id)
                .join(|m| m.app_id)
                .load()?
                .len();
            let locked = scope
                .query::<Message>()
                .join(|m| m.conversation_id)
                .join(|m| m.app_id)
                .for_update()
                .load()?
                .len();
            assert!(read > 0);
            assert_eq!(locked, read, "a plain member locks the messages it reads");
            Ok(())
        },
    )
    .unwrap();
}
