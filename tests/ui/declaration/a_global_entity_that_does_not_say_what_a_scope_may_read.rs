use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Account]; }

// Accounts hold password hashes: which of them may a workspace's scope
// read? The declaration has to say.
#[entity(table = "accounts", owner = global)]
pub struct Account {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(varchar(255))]
    pub password: Option<String>,
}

fn main() {}
