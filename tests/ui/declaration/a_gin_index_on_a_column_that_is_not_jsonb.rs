use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Document]; }

#[entity(table = "documents", owner = tenant)]
#[index(name = "document_metadata_idx", columns(doc_metadata), using = gin, mysql = "skip")]
pub struct Document {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(json)]
    pub doc_metadata: Option<Json>,
}

fn main() {}
