use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [App]; }

#[entity(table = "apps", owner = tenant)]
#[index(name = "app_tenant_id_idx", columns(tenant_id))]
#[index(name = "app_tenant_id_idx", columns(tenant_id, name))]
pub struct App {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
}

fn main() {}
