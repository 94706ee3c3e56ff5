use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App, Workflow]; }

#[entity(table = "apps", owner = tenant)]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
}

// A plain uuid in a form would take any workspace's app.
#[entity(table = "workflows", owner = tenant)]
pub struct Workflow {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(uuid)]
    pub app_id: Uuid,
}

fn main() {}
