use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Document]; }

// MySQL has no GIN index: the declaration says what MySQL gets.
#[entity(table = "documents", owner = tenant)]
#[index(name = "document_metadata_idx", columns(doc_metadata), using = gin)]
pub struct Document {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(jsonb)]
    pub doc_metadata: Option<Json>,
}

fn main() {}
