//! The generated query functions are public (the runtime calls them), but
//! each takes a `Token`, which only `dify_schema` can make: its field is
//! private, so code outside the runtime cannot run an unscoped `find_row`.

use diesel::{Connection, PgConnection};
use dify_models::app::App;
use dify_schema::__private::{Persist, Token};
use dify_schema::types::Uuid;

fn any_tenants_app(raw: Uuid) -> Option<App> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    <App as Persist>::find_row(Token(()), &mut conn, raw).unwrap()
}

fn main() {}
