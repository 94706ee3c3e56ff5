use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App, Site]; }

#[entity(table = "apps", owner = tenant)]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
}

#[entity(table = "sites", owner = via(app_id))]
pub struct Site {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub app_id: Uuid,
    #[column(varchar(255))]
    pub title: String,
}

fn main() {}
