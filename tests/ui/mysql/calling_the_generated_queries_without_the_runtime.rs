//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/calling_the_generated_queries_without_the_runtime.rs`):
//! The generated query functions are public (the runtime calls them), but
//! each takes a `Token`, which only `dify_schema` can make: its field is
//! private, so code outside the runtime cannot run an unscoped `find_row`.

use dify_models::app::App;
use dify_schema::__private::{MySql, Persist, Token};
use dify_schema::types::Uuid;

fn any_tenants_app(raw: Uuid) -> Option<App> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    <App as Persist<MySql>>::find_row(Token(()), &mut conn, raw).unwrap()
}

fn main() {}
