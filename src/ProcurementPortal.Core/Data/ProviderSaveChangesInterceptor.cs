using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Second provider lock: stamps the current provider on every new provider-owned row and refuses any write to a row
/// of another provider. Writing a provider-owned row needs a provider: officers and jobs never write bids.
/// </summary>
public sealed class ProviderSaveChangesInterceptor(IProviderContext provider)
    : OwnershipSaveChangesInterceptor<IProviderOwned>(nameof(IProviderOwned.ProviderId), "provider")
{
    protected override Guid? CurrentOwner => provider.ProviderId;

    protected override Exception Refuse(string message) => new ProviderViolationException(message);
}

public sealed class ProviderViolationException(string message) : Exception(message);
