using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Marks a controller or action whose route carries <c>{tenant}</c>. The tenancy middleware resolves the tenant,
/// requires a membership of the signed-in user (else 404: no existence oracle) and, when roles are named,
/// one of those roles (else 403).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TenantScopedAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

/// <summary>
/// An action only a person may take (it records who scored, recommended or owns something): an API client token is
/// refused it (403) even when it holds the role.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PersonOnlyAttribute : Attribute;

/// <summary>A tenant page anyone may read without signing in (public notices).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicTenantPageAttribute : Attribute;

/// <summary>The signed-in user's roles in the current tenant, set by the tenancy middleware.</summary>
public sealed record TenantMembership(Guid TenantId, string Slug, string Name, IReadOnlyList<Role> Roles)
{
    public bool Has(Role role) => Roles.Contains(role);
}
