using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Second tenancy lock: stamps the current tenant on every new tenant-owned row and refuses any write
/// to a row of another tenant (or any tenant-owned write when no tenant is set).
/// </summary>
public sealed class TenantSaveChangesInterceptor(ITenantContext tenant)
    : OwnershipSaveChangesInterceptor<ITenantOwned>(nameof(ITenantOwned.TenantId), "tenant")
{
    protected override Guid? CurrentOwner => tenant.TenantId;

    protected override Exception Refuse(string message) => new TenantViolationException(message);
}

public sealed class TenantViolationException(string message) : Exception(message);
