use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App]; }

#[entity(table = "apps")]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
}

fn main() {}
