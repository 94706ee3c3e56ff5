use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Token]; }

// Four varchar(255) columns are 4080 bytes of utf8mb4, over InnoDB's 3072.
#[entity(table = "tokens", owner = global, visible = none)]
#[index(name = "token_subject_idx", columns(email, issuer, client, device))]
pub struct Token {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(varchar(255))]
    pub email: String,
    #[column(varchar(255))]
    pub issuer: String,
    #[column(varchar(255))]
    pub client: String,
    #[column(varchar(255))]
    pub device: String,
}

fn main() {}
