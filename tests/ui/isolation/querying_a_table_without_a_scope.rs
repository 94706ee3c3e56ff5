//! The Diesel table of a tenant-owned entity lives in a private module of
//! the models crate: outside it, a query cannot even name the table, so
//! every read of `apps` goes through a scope (or `bypass_tenant_isolation`).

use diesel::{Connection, PgConnection, RunQueryDsl};
use dify_models::app::App;

fn all_apps_of_every_tenant() -> Vec<App> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    dify_models::app::__dify_table_App::table
        .load::<App>(&mut conn)
        .unwrap()
}

fn main() {}
