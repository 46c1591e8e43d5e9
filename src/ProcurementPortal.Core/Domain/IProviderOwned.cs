namespace ProcurementPortal.Core.Domain;

/// <summary>
/// A row that belongs to one provider organisation as well as to a tenant (a bid and its sealed versions). Declaring
/// this adds the "Provider" named query filter, the save interceptor's stamp and guard on <see cref="ProviderId"/>,
/// and the migration adds a restrictive row-level security policy beside the tenant one.
/// </summary>
public interface IProviderOwned
{
    Guid ProviderId { get; set; }
}
