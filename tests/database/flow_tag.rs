//! The tagging domain's flow: tags for apps and for knowledge, bound to an
//! app and to a dataset, renamed, unbound; tags are the workspace's own.

use dify_models::app::App;
use dify_models::dataset::Dataset;
use dify_models::tag::*;
use dify_schema::scope::{DatasetEditing, Editing};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Page};

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn tags_bound_to_an_app_and_a_dataset() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (app_id, dataset_id) = with_tenant(&mut conn, acme.tenant, acme.editor, |scope| {
        let scope = scope.require::<Editing>()?;
        let app = scope.insert::<App>(samples::app())?;
        let dataset = scope.insert::<Dataset>(samples::dataset())?;
        Ok::<_, Error>((app.id, dataset.id))
    })
    .unwrap();

    // A dataset operator may tag knowledge (Dify lets dataset editors tag).
    let bindings = with_tenant(&mut conn, acme.tenant, acme.dataset_operator, |scope| {
        let app = scope.lookup::<App>(app_id)?.unwrap();
        let dataset = scope.lookup::<Dataset>(dataset_id)?.unwrap();
        let scope = scope.require::<DatasetEditing>()?;
        let support = scope.insert::<Tag>(NewTag {
            r#type: TagType::App,
            name: "support".into(),
            ..samples::tag()
        })?;
        let policies = scope.insert::<Tag>(NewTag {
            r#type: TagType::Knowledge,
            name: "policies".into(),
            ..samples::tag()
        })?;
        assert_eq!(support.tenant_id, Some(acme.tenant));
        assert_eq!(support.created_by, acme.dataset_operator, "audit");
        let on_app = scope.insert::<TagBinding>(NewTagBinding {
            tag_id: Some(support.id()),
            target_id: Some(app.id().into()),
            ..samples::tag_binding()
        })?;
        let on_dataset = scope.insert::<TagBinding>(NewTagBinding {
            tag_id: Some(policies.id()),
            target_id: Some(dataset.id().into()),
            ..samples::tag_binding()
        })?;
        let renamed = scope
            .update(
                policies.id(),
                TagChanges {
                    name: Some("company policies".into()),
                    ..Default::default()
                },
            )?
            .unwrap();
        assert_eq!(renamed.name, "company policies");
        Ok::<_, Error>([(support.id, on_app.id), (policies.id, on_dataset.id)])
    })
    .unwrap();

    with_tenant(
        &mut conn,
        acme.tenant,
        acme.normal,
        |scope| -> Result<(), Error> {
            let tags = scope.list::<Tag>(Page::first(10))?;
            let tagged: Vec<(TagType, Option<Uuid>)> = scope
                .list::<TagBinding>(Page::first(10))?
                .iter()
                .map(|binding| {
                    let tag = tags.iter().find(|t| Some(t.id) == binding.tag_id).unwrap();
                    (tag.r#type, binding.target_id)
                })
                .collect();
            assert!(tagged.contains(&(TagType::App, Some(app_id))));
            assert!(tagged.contains(&(TagType::Knowledge, Some(dataset_id))));
            // Tagging is not a normal member's to change.
            assert!(scope.require::<DatasetEditing>().is_err());
            Ok(())
        },
    )
    .unwrap();

    // The editor unbinds the app's tag.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            let binding = scope.lookup::<TagBinding>(bindings[0].1)?.unwrap();
            let scope = scope.require::<DatasetEditing>()?;
            assert!(scope.delete(binding.id())?);
            assert_eq!(scope.count::<TagBinding>()?, 1);
            Ok(())
        },
    )
    .unwrap();

    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<Tag>(bindings[1].0)?.is_none());
            assert_eq!(scope.count::<TagBinding>()?, 0);
            Ok(())
        },
    )
    .unwrap();
}
