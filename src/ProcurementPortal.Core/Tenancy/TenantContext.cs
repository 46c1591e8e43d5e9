using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Tenancy;

/// <summary>The tenant of the current unit of work: resolved once per request from the route, or set by a job.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
    string? Slug { get; }
    string? TenantName { get; }
}

/// <summary>
/// Scoped holder of the tenant. Set exactly once per scope: by the tenancy middleware from the route, or by a job
/// from the tenant id it was given. Setting a different tenant later in the same scope is refused.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }
    public string? Slug { get; private set; }
    public string? TenantName { get; private set; }

    public void Set(Organisation tenant)
    {
        if (!tenant.IsTenant)
        {
            throw new InvalidOperationException("Only a commissioning body can be a tenant.");
        }
        if (TenantId is { } current && current != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of this unit of work is already set to another tenant.");
        }
        TenantId = tenant.Id;
        Slug = tenant.Slug;
        TenantName = tenant.Name;
    }
}

/// <summary>Who is acting: the signed-in user, or a named system job.</summary>
public interface IActor
{
    Guid? UserId { get; }
    string Name { get; }
}

public sealed class SystemActor(string name) : IActor
{
    public Guid? UserId => null;
    public string Name { get; } = name;
}
