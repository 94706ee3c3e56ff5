//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/moving_a_conversation_to_another_app.rs`):
//! A via-owned row belongs to its tenant through its parent, so it never
//! changes parent: `ConversationChanges` has no `app_id`.

use dify_models::app::App;
use dify_models::conversation::{Conversation, ConversationChanges};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn move_conversation(
    tenant: Uuid,
    account: Uuid,
    raw_conversation: Uuid,
    raw_app: Uuid,
) -> Result<(), Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let Some(conversation) = scope.lookup::<Conversation>(raw_conversation)? else {
            return Ok(());
        };
        let Some(app) = scope.lookup::<App>(raw_app)? else {
            return Ok(());
        };
        scope.update(
            conversation.id(),
            ConversationChanges {
                app_id: Some(app.id()),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

fn main() {}
