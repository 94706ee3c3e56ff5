//! A join between tenant-owned tables must keep both sides' tenant
//! predicates; the scoped API exposes no Diesel table or query to join, and
//! Diesel's own `inner_join` needs the tables, which are private to the
//! models crate. So no join can drop one side's tenant predicate.

use diesel::{Connection, PgConnection, QueryDsl, RunQueryDsl};
use dify_models::conversation::{Conversation, Message};

fn messages_with_conversations() -> Vec<(Message, Conversation)> {
    let mut conn = PgConnection::establish("postgres://localhost/dify").unwrap();
    dify_models::conversation::__dify_table_Message::table
        .inner_join(dify_models::conversation::__dify_table_Conversation::table)
        .load(&mut conn)
        .unwrap()
}

fn main() {}
