//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/linking_a_conversation_to_an_app_of_another_scope.rs`):
//! An insert form takes its parent as an `Id` of the inserting scope, so a
//! conversation cannot be filed under another tenant's app (error E0521).
//!
//! `new_conversation` fills in the rest of the form, as a handler would.

use dify_models::app::App;
use dify_models::conversation::{Conversation, NewConversation};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Id};

fn start_conversation(
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_app: Uuid,
    new_conversation: impl for<'t> Fn(Id<'t, App>) -> NewConversation<'t>,
) -> Result<(), Error> {
    let mut conn_a = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let mut conn_b = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn_a, tenant_a, account, |scope_a| {
        let Some(app) = scope_a.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        let app_id = app.id();
        with_tenant(&mut conn_b, tenant_b, account, |scope_b| {
            scope_b.insert::<Conversation>(new_conversation(app_id))?;
            Ok(())
        })
    })
}

fn main() {}
