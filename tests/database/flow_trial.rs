//! The trial domain's flow: an admin opens an app of the workspace for trials from Explore,
//! an account of another workspace tries it twice (counted by the system, since the record
//! belongs to no workspace), and Explore shows a banner.

use diesel::sql_types::Uuid as SqlUuid;
use diesel::RunQueryDsl;
use dify_models::app::{App, BannerStatus};
use dify_models::trial::*;
use dify_schema::scope::{Editing, Privileged};
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error};
use serde_json::json;

use crate::fixtures::{database_with_schema, team};
use crate::samples;

#[test]
pub(crate) fn a_trial_app_tried_from_another_workspace() {
    let (_db, mut conn) = database_with_schema();
    let acme = team(&mut conn, "acme");
    let globex = team(&mut conn, "globex");

    let (app_id, trial_id) = with_tenant(&mut conn, acme.tenant, acme.admin, |scope| {
        let app = scope.require::<Editing>()?.insert::<App>(samples::app())?;
        let scope = scope.require::<Privileged>()?;
        let trial = scope.insert::<TrialApp>(NewTrialApp {
            id: None,
            app_id: app.id(),
            trial_limit: 3,
        })?;
        assert_eq!(trial.tenant_id, acme.tenant);
        let limit = scope
            .update(
                trial.id(),
                TrialAppChanges {
                    trial_limit: Some(5),
                    ..Default::default()
                },
            )?
            .unwrap();
        assert_eq!(limit.trial_limit, 5);
        Ok::<_, Error>((app.id, trial.id))
    })
    .unwrap();

    // Listing an app for trials is not an editor's to do.
    with_tenant(
        &mut conn,
        acme.tenant,
        acme.editor,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<TrialApp>(trial_id)?.is_some());
            assert!(scope.require::<Privileged>().is_err());
            Ok(())
        },
    )
    .unwrap();

    // Globex does not see Acme's trial listing through a scope.
    with_tenant(
        &mut conn,
        globex.tenant,
        globex.owner,
        |scope| -> Result<(), Error> {
            assert!(scope.lookup::<TrialApp>(trial_id)?.is_none());
            assert!(scope.lookup::<App>(app_id)?.is_none());
            assert_eq!(scope.count::<TrialApp>()?, 0);
            Ok(())
        },
    )
    .unwrap();

    // Globex's normal member tries the app twice: the system records it, as Dify's
    // `RecommendedAppService.add_trial_app_record` does.
    let mut system = bypass_tenant_isolation(&mut conn, "trial app records");
    let app = system.trust::<App>(app_id);
    let record: AccountTrialAppRecord = system
        .insert(
            None,
            None,
            NewAccountTrialAppRecord {
                id: None,
                account_id: globex.normal,
                app_id: app,
                count: 1,
            },
        )
        .unwrap();
    diesel::sql_query(
        "UPDATE account_trial_app_records SET count = count + 1 WHERE account_id = $1 AND app_id = $2",
    )
    .bind::<SqlUuid, _>(globex.normal)
    .bind::<SqlUuid, _>(app_id)
    .execute(system.connection())
    .unwrap();
    let again = system
        .find::<AccountTrialAppRecord>(record.id)
        .unwrap()
        .unwrap();
    assert_eq!(again.count, 2);
    let twice = system.insert::<AccountTrialAppRecord>(
        None,
        None,
        NewAccountTrialAppRecord {
            id: None,
            account_id: globex.normal,
            app_id: app,
            count: 1,
        },
    );
    assert!(
        matches!(&twice, Err(Error::Database(e)) if e.to_string().contains("unique_account_trial_app_record")),
        "{twice:?}"
    );

    // Explore's banner, shared by every workspace.
    let banner: ExporleBanner = system
        .insert(
            None,
            None,
            NewExporleBanner {
                id: None,
                content: json!({"title": "Try the support bot"}),
                link: "https://example.com/explore/support-bot".into(),
                sort: 1,
                status: None,
                language: None,
            },
        )
        .unwrap();
    assert_eq!(banner.status, BannerStatus::Enabled, "typed server default");
    assert_eq!(banner.language, "en-US");
    assert_eq!(system.list::<ExporleBanner>().unwrap().len(), 1);
}
