use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App]; }

#[entity(table = "apps", owner = tenant)]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid, no_reference = "a run id from another system")]
    pub external_run_id: i32,
}

fn main() {}
