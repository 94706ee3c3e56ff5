//! Dify's roles, and the capabilities a scope carries in its type.
//!
//! The role is read once when the scope is entered. A scope starts as
//! [`Member`] (read); `Scope::require` upgrades it to a stronger capability
//! after checking the role at run time. Each write names the capability its
//! entity needs (`#[entity(write = ...)]`), so a write the role may not do
//! does not compile.

use crate::StringEnum;

/// A member's role in a workspace (`tenant_account_joins.role`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, StringEnum)]
pub enum Role {
    Owner,
    Admin,
    Editor,
    Normal,
    DatasetOperator,
}

impl Role {
    /// Dify's `is_privileged_role`: owner or admin.
    pub fn is_privileged(self) -> bool {
        matches!(self, Role::Owner | Role::Admin)
    }

    /// Dify's `is_editing_role`: owner, admin or editor.
    pub fn is_editing(self) -> bool {
        self.is_privileged() || self == Role::Editor
    }

    /// Dify's `is_dataset_edit_role`: the editing roles or dataset operator.
    pub fn is_dataset_editing(self) -> bool {
        self.is_editing() || self == Role::DatasetOperator
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A capability a scope can carry. Sealed: the four below are all there is.
pub trait Capability: sealed::Sealed + 'static {
    /// The name in messages (`Editing`).
    const NAME: &'static str;
    /// Whether `role` has this capability.
    fn granted_to(role: Role) -> bool;
}

/// Every member: read everything of the tenant, write member-level rows.
pub struct Member;
/// Owner, admin, editor or dataset operator: edit knowledge bases.
pub struct DatasetEditing;
/// Owner, admin or editor: edit apps, workflows, tools (and knowledge bases).
pub struct Editing;
/// Owner or admin: manage the workspace and its members.
pub struct Privileged;

/// Never a write's need; see the `Allows` impls.
#[doc(hidden)]
pub struct Unreachable;

macro_rules! capability {
    ($ty:ident, $name:literal, |$role:ident| $granted:expr) => {
        impl sealed::Sealed for $ty {}
        impl Capability for $ty {
            const NAME: &'static str = $name;
            fn granted_to($role: Role) -> bool {
                $granted
            }
        }
    };
}

capability!(Member, "Member", |_role| true);
capability!(DatasetEditing, "DatasetEditing", |role| role
    .is_dataset_editing());
capability!(Editing, "Editing", |role| role.is_editing());
capability!(Privileged, "Privileged", |role| role.is_privileged());
capability!(Unreachable, "Unreachable", |_role| false);

/// `Self` may do what needs `Need`. This is the bound on every write.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` scope may not do this: it needs the `{Need}` capability",
    label = "needs `{Need}`",
    note = "check the role at run time first: `let scope = scope.require::<{Need}>()?;` (a typed `Forbidden` error when the member's role lacks it)"
)]
pub trait Allows<Need: Capability>: Capability {}

impl<C: Capability> Allows<Member> for C {}
// A second blanket impl, for a capability nothing needs: with only one
// blanket impl, rustc would settle an unknown entity's `Need` to `Member`
// while inferring and report a type mismatch instead of the message above.
impl<C: Capability> Allows<Unreachable> for C {}
impl Allows<DatasetEditing> for DatasetEditing {}
impl Allows<DatasetEditing> for Editing {}
impl Allows<DatasetEditing> for Privileged {}
impl Allows<Editing> for Editing {}
impl Allows<Editing> for Privileged {}
impl Allows<Privileged> for Privileged {}
