use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App]; }

#[entity(table = "apps", owner = tenant)]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(timestamp, default = uuid_generate_v4())]
    pub created_at: NaiveDateTime,
}

fn main() {}
