//! On MySQL, as on PostgreSQL (the same case as `ui/isolation/filtering_on_a_parent_that_is_not_joined.rs`):
//! `filter_joined::<P>` filters on a parent the query joined; a parent it
//! did not join cannot be named (its rows would not be in the query, and
//! no tenant predicate would be there for it).

use dify_models::app::App;
use dify_models::conversation::{Conversation, Message};
use dify_schema::types::Uuid;
use dify_schema::{with_tenant, Error};

fn page(tenant: Uuid, account: Uuid) -> Result<usize, Error> {
    let mut conn = dify_schema::mysql::connect("mysql://root@localhost/dify").unwrap();
    with_tenant(&mut conn, tenant, account, |scope| {
        let rows = scope
            .query::<Message>()
            .join(|m| m.conversation_id)
            .filter_joined::<App, _>(|a| a.name.eq("Support bot"))
            .load()?;
        let _: Vec<(dify_schema::Row<'_, Message>, dify_schema::Row<'_, Conversation>)> = rows;
        Ok(0)
    })
}

fn main() {}
