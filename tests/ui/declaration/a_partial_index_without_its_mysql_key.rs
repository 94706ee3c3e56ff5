use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Conversation]; }

// MySQL has no partial index: built whole, or not at all, as declared.
#[entity(table = "conversations", owner = tenant)]
#[index(name = "conversation_live_idx", columns(tenant_id), where = "is_deleted IS false")]
pub struct Conversation {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(boolean)]
    pub is_deleted: bool,
}

fn main() {}
