//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/linking_a_message_to_a_conversation_of_another_scope.rs`):
//! A message names its app and its conversation by `Id`s of the inserting
//! scope: ids read under scope A cannot file a message under scope B
//! (error E0521).
//!
//! `new_message` fills in the rest of the form, as a handler would.

use dify_models::app::App;
use dify_models::conversation::{Conversation, Message, NewMessage};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error, Id};

fn post_message(
    tenant_a: Uuid,
    tenant_b: Uuid,
    account: Uuid,
    raw_conversation: Uuid,
    new_message: impl for<'t> Fn(Id<'t, App>, Id<'t, Conversation>) -> NewMessage<'t>,
) -> Result<(), Error> {
    let mut conn_a = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    let mut conn_b = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn_a, tenant_a, account, |scope_a| {
        let Some(conversation) = scope_a.lookup::<Conversation>(raw_conversation)? else {
            return Ok(());
        };
        let app_id = conversation.parent::<App>();
        let conversation_id = conversation.id();
        with_tenant(&mut conn_b, tenant_b, account, |scope_b| {
            scope_b.insert::<Message>(new_message(app_id, conversation_id))?;
            Ok(())
        })
    })
}

fn main() {}
