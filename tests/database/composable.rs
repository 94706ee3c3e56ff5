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
