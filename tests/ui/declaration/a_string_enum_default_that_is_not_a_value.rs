use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App]; }

#[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
pub enum AppStatus {
    Normal,
    Archived,
}

#[entity(table = "apps", owner = tenant)]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(16), default = "active")]
    pub status: AppStatus,
}

fn main() {}
