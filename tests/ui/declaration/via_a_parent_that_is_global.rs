use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Account, AccountNote]; }

#[entity(table = "accounts", owner = global, visible = all)]
pub struct Account {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(varchar(255))]
    pub email: String,
}

#[entity(table = "account_notes", owner = via(account_id))]
pub struct AccountNote {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid, references = Account)]
    pub account_id: Uuid,
    #[column(text)]
    pub body: String,
}

fn main() {}
