use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Agent]; }

// MySQL cannot read PostgreSQL's casts: the expression is given in its dialect.
#[entity(table = "agents", owner = tenant)]
pub struct Agent {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(255))]
    pub name: String,
    #[column(varchar(255), generated = "CASE WHEN name::text <> ''::text THEN name END")]
    pub shown_name: Option<String>,
}

fn main() {}
