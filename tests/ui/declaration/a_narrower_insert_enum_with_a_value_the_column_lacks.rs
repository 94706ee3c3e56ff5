use dify_schema::prelude::*;

dify_schema::schema! { pub static SCHEMA = [Member]; }

#[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
pub enum Role {
    Owner,
    Normal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, StringEnum)]
pub enum InvitedRole {
    Normal,
    Guest,
}

#[entity(table = "members", owner = tenant)]
pub struct Member {
    #[column(uuid, primary_key)]
    pub id: Uuid,
    #[column(uuid)]
    pub tenant_id: Uuid,
    #[column(varchar(16), insert_as = InvitedRole)]
    pub role: Role,
}

fn main() {}
