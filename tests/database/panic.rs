//! A panic inside a scope on a hand-held connection (no pool to throw the
//! connection away) rolls back and leaves no tenant setting behind.

use std::panic::{catch_unwind, AssertUnwindSafe};

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::sql_types::{Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use dify_models::app::App;
use dify_schema::scope::Editing;
use dify_schema::system::bypass_tenant_isolation;
use dify_schema::{with_tenant, Error};

use crate::fixtures::{database_with_schema, new_app, two_workspaces};

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
}

#[test]
fn a_panic_inside_a_scope_rolls_back_and_clears_the_tenant() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);

    let outcome = catch_unwind(AssertUnwindSafe(|| {
        with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
            scope
                .require::<Editing>()?
                .insert::<App>(new_app("written before the panic"))?;
            panic!("a bug in a handler");
        })
    }));
    assert!(outcome.is_err(), "the panic goes on unwinding");

    let depth = AnsiTransactionManager::transaction_manager_status_mut(&mut conn)
        .transaction_depth()
        .expect("the transaction manager is not broken");
    assert_eq!(depth, None, "no transaction is open");
    let setting: Setting =
        diesel::sql_query("SELECT current_setting('app.tenant_id', true) AS value")
            .get_result(&mut conn)
            .unwrap();
    assert_eq!(
        setting.value.as_deref().unwrap_or(""),
        "",
        "no tenant setting is left"
    );

    let mut system = bypass_tenant_isolation(&mut conn, "check");
    let apps = system.list::<App>().unwrap();
    assert!(
        apps.iter()
            .all(|app| app.name != "written before the panic"),
        "the insert was rolled back"
    );
}

#[test]
fn an_error_inside_a_scope_rolls_back_too() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let result = with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        scope
            .require::<Editing>()?
            .insert::<App>(new_app("written before the error"))?;
        Err(Error::NotMember {
            tenant: a.tenant,
            account: a.owner,
        })
    });
    assert!(result.is_err());
    let mut system = bypass_tenant_isolation(&mut conn, "check");
    assert!(system
        .list::<App>()
        .unwrap()
        .iter()
        .all(|app| app.name != "written before the error"));
}

/// A panic inside a savepoint unwinds through the scope: every level is
/// rolled back, and a hand-held connection is left outside any
/// transaction, ready for the next scope.
#[test]
fn a_panic_inside_a_savepoint_leaves_no_transaction_open() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
            let scope = scope.require::<Editing>()?;
            scope.insert::<App>(new_app("before the savepoint"))?;
            scope.savepoint(|s| -> Result<(), Error> {
                s.insert::<App>(new_app("inside the savepoint"))?;
                panic!("a bug inside a savepoint");
            })
        })
    }));
    assert!(outcome.is_err(), "the panic goes on unwinding");
    let depth = AnsiTransactionManager::transaction_manager_status_mut(&mut conn)
        .transaction_depth()
        .expect("the transaction manager is not broken");
    assert_eq!(depth, None, "no transaction or savepoint is open");
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        scope
            .require::<Editing>()?
            .insert::<App>(new_app("the next scope"))?;
        Ok(())
    })
    .expect("the connection serves the next scope");
    let mut system = bypass_tenant_isolation(&mut conn, "check");
    let names: Vec<String> = system
        .list::<App>()
        .unwrap()
        .into_iter()
        .map(|app| app.name)
        .collect();
    assert!(names.contains(&"the next scope".to_owned()));
    assert!(!names.contains(&"before the savepoint".to_owned()));
    assert!(!names.contains(&"inside the savepoint".to_owned()));
}

/// A panic inside a savepoint, caught by the closure, undoes the savepoint
/// and nothing else: what the closure writes afterwards is committed with
/// the scope, what the savepoint wrote before the panic is not (left open,
/// the savepoint was committed with the scope on PostgreSQL, and on MySQL
/// took the scope's COMMIT for its own release, see `redteam_mysql.rs`).
#[test]
fn a_panic_inside_a_savepoint_undoes_only_the_savepoint() {
    let (_db, mut conn) = database_with_schema();
    let (a, _) = two_workspaces(&mut conn);
    let before = count_apps(&mut conn);
    with_tenant(&mut conn, a.tenant, a.owner, |scope| -> Result<(), Error> {
        let scope = scope.require::<Editing>()?;
        let caught = catch_unwind(AssertUnwindSafe(|| {
            let _ = scope.savepoint(|scope| -> Result<(), Error> {
                scope.insert::<App>(new_app("written in the savepoint"))?;
                panic!("a bug inside the savepoint");
            });
        }));
        assert!(caught.is_err());
        scope.insert::<App>(new_app("written after the panic"))?;
        Ok(())
    })
    .unwrap();
    let depth = AnsiTransactionManager::transaction_manager_status_mut(&mut conn)
        .transaction_depth()
        .expect("the transaction manager is not broken");
    assert_eq!(depth, None, "no transaction or savepoint is left open");
    let names = app_names(&mut conn);
    assert!(
        names.contains(&"written after the panic".to_owned()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"written in the savepoint".to_owned()),
        "{names:?}"
    );
    assert_eq!(count_apps(&mut conn), before + 1);
}

fn count_apps(conn: &mut diesel::PgConnection) -> usize {
    bypass_tenant_isolation(conn, "test: count")
        .list::<App>()
        .unwrap()
        .len()
}

fn app_names(conn: &mut diesel::PgConnection) -> Vec<String> {
    bypass_tenant_isolation(conn, "test: names")
        .list::<App>()
        .unwrap()
        .into_iter()
        .map(|app| app.name)
        .collect()
}
