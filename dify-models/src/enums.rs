//! Enums that several domains store (Dify's `models/enums.py`).

use dify_schema::prelude::*;

/// Who created a row that an account or an end user may create (`created_by_role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum CreatorUserRole {
    Account,
    EndUser,
}

/// Who started a run (Dify's trigger-era `UserFrom`; not a column of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum UserFrom {
    Account,
    #[value = "end-user"]
    EndUser,
}
