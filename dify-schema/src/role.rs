//! Dify's roles, and the capabilities a scope carries in its type.
//!
//! The role is read once when the scope is entered. A scope starts as
//! [`Member`] (read); [`crate::Scope::require`] upgrades it to a stronger
//! capability after checking the role at run time. Each write names the
//! capability its entity needs (`#[entity(write = ...)]`), so a write the
//! role may not do does not compile.
//!
//! A leaf of the runtime: it knows the capability levels of the schema
//! vocabulary (`dify_schema_ir::Capability`, also
//! [`crate::schema::Capability`]: their role lists are the one definition of
//! who has what) and string enums, and nothing of scopes, schemas or errors, so [`crate::error::Error::Forbidden`]
//! can name a [`Role`] without a loop. The capabilities are also reachable
//! as `dify_schema::scope::{Member, Editing, ...}`, the paths generated code
//! names.

use crate::StringEnum; // the trait (`string_enum`) and its derive

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

/// A capability a scope can carry. Sealed: the five below are all there is.
pub trait Capability: sealed::Sealed + 'static {
    /// The name in messages (`Editing`).
    const NAME: &'static str;
    /// The same capability in the schema description, whose role list is
    /// the one definition of who has it.
    const LEVEL: dify_schema_ir::Capability;
    /// Whether `role` has this capability.
    fn granted_to(role: Role) -> bool {
        Self::LEVEL.roles().contains(&role.as_str())
    }
}

/// Every member: read everything of the tenant, write member-level rows.
pub struct Member;
/// Owner, admin, editor or dataset operator: edit knowledge bases.
pub struct DatasetEditing;
/// Owner, admin or editor: edit apps, workflows, tools (and knowledge bases).
pub struct Editing;
/// Owner or admin: manage the workspace and invite members.
pub struct Privileged;
/// The owner alone: change a member's role, remove a member, hand the
/// workspace over.
pub struct Owner;

/// Never a write's need; see the `Allows` impls.
#[doc(hidden)]
pub struct Unreachable;

macro_rules! capability {
    ($ty:ident, $level:ident) => {
        impl sealed::Sealed for $ty {}
        impl Capability for $ty {
            const NAME: &'static str = stringify!($ty);
            const LEVEL: dify_schema_ir::Capability = dify_schema_ir::Capability::$level;
        }
    };
}

capability!(Member, Member);
capability!(DatasetEditing, DatasetEditing);
capability!(Editing, Editing);
capability!(Privileged, Privileged);
capability!(Owner, Owner);

impl sealed::Sealed for Unreachable {}
impl Capability for Unreachable {
    const NAME: &'static str = "Unreachable";
    // Never granted: no role list names it.
    const LEVEL: dify_schema_ir::Capability = dify_schema_ir::Capability::Owner;
    fn granted_to(_: Role) -> bool {
        false
    }
}

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

/// `C => N`: a `C` scope may do what needs `N`. Listed once, for the impls
/// and for the test that checks them against the role lists.
macro_rules! allows {
    ($($c:ident => $n:ident),* $(,)?) => {
        $(impl Allows<$n> for $c {})*
        #[cfg(test)]
        const ALLOWED: &[(dify_schema_ir::Capability, dify_schema_ir::Capability)] =
            &[$((dify_schema_ir::Capability::$c, dify_schema_ir::Capability::$n)),*];
    };
}

allows!(
    DatasetEditing => DatasetEditing,
    Editing => DatasetEditing,
    Privileged => DatasetEditing,
    Owner => DatasetEditing,
    Editing => Editing,
    Privileged => Editing,
    Owner => Editing,
    Privileged => Privileged,
    Owner => Privileged,
    Owner => Owner,
);

#[cfg(test)]
mod tests {
    use super::*;
    use dify_schema_ir::Capability as Level;

    /// A `C` scope may do what needs `N` exactly when every role that has
    /// `C` also has `N`.
    #[test]
    fn the_allows_impls_follow_the_role_lists() {
        let levels = [
            Level::DatasetEditing,
            Level::Editing,
            Level::Privileged,
            Level::Owner,
        ];
        for c in levels {
            for n in levels {
                let subset = c.roles().iter().all(|role| n.roles().contains(role));
                assert_eq!(ALLOWED.contains(&(c, n)), subset, "{c:?} allows {n:?}");
            }
        }
    }

    /// The capability types grant exactly Dify's role predicates.
    #[test]
    fn capabilities_are_difys_role_predicates() {
        for role in Role::ALL {
            assert_eq!(Owner::granted_to(*role), *role == Role::Owner);
            assert_eq!(Privileged::granted_to(*role), role.is_privileged());
            assert_eq!(Editing::granted_to(*role), role.is_editing());
            assert_eq!(DatasetEditing::granted_to(*role), role.is_dataset_editing());
            assert!(Member::granted_to(*role));
            assert!(!Unreachable::granted_to(*role));
        }
    }
}
