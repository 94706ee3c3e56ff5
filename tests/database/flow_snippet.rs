//! The stars and snippets flow: a normal member stars an app (once) and unstars it, as Dify's
//! `AppService.star_app` does; an editor saves a group of nodes as a snippet and publishes a new
//! version; members read both; they are the workspace's own.

use dify_models::app::App;
use dify_models::snippet::*;
use dify_schema::scope::Editing;
use dify_schema::{with_tenant, Error, Page};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn stars_on_apps_and_a_published_snippet() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (app_id, snippet_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(samples::app())?;
        let snippet = scope.insert::<CustomizedSnippet>(NewCustomizedSnippet {
            id: None,
            name: "Classify and route".into(),
            description: Some("A classifier with two branches".into()),
            r#type: Some(SnippetType::Group),
            workflow_id: None,
            is_published: None,
            version: None,
            use_count: None,
            icon_info: Some(json!({"icon": "🧭", "icon_type": "emoji"})),
            input_fields: Some(r#"[{"variable":"query","type":"text-input"}]"#.into()),
        })?;
        assert_eq!(snippet.created_by, Some(acme.editor), "audit");
        assert_eq!(
            (snippet.version, snippet.use_count),
            (1, 0),
            "server defaults"
        );
        assert!(!snippet.is_published);
        let published = scope
            .update(
                snippet.id(),
                CustomizedSnippetChanges {
                    is_published: Some(true),
                    version: Some(snippet.version + 1),
                    ..Default::default()
                },
            )?
            .unwrap();
        assert_eq!(published.version, 2);
        assert_eq!(published.updated_by, Some(acme.editor));
        Ok::<_, Error>((app.id, snippet.id))
    })
    .unwrap();

    // A normal member stars the app (a member-level write) and reads the snippets.
    let star_id = with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        let star = scope.insert::<AppStar>(NewAppStar {
            id: None,
            app_id: app.id(),
            account_id: acme.normal,
        })?;
        let starred = scope
            .query::<AppStar>()
            .filter(|s| s.account_id.eq(acme.normal))
            .count()?;
        assert_eq!(starred, 1);
        let snippets = scope.list::<CustomizedSnippet>(Page::first(10))?;
        assert_eq!(snippets.len(), 1);
        assert_eq!(snippets[0].r#type, SnippetType::Group);
        assert!(scope.require::<Editing>().is_err(), "snippets are editors'");
        Ok::<_, Error>(star.id)
    })
    .unwrap();

    // Starring twice is refused; unstarring deletes the star.
    let twice = with_tenant(&mut conn, acme.tenant, acme.normal, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        scope
            .insert::<AppStar>(NewAppStar {
                id: None,
                app_id: app.id(),
                account_id: acme.normal,
            })
            .map(|star| star.id)
    });
    assert!(
        matches!(&twice, Err(Error::Database(e)) if e.to_string().contains("app_star_tenant_account_app_unique")),
        "{twice:?}"
    );
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let star = scope.lookup::<AppStar>(star_id)?.unwrap();
            assert!(scope.delete(star.id())?);
            assert_eq!(scope.count::<AppStar>()?, 0);
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<CustomizedSnippet>(snippet_id)?.is_none());
            assert_eq!(scope.count::<CustomizedSnippet>()?, 0);
            assert_eq!(scope.count::<AppStar>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
