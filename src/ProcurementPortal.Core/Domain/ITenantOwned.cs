namespace ProcurementPortal.Core.Domain;

/// <summary>
/// A row that belongs to one tenant. Declaring this is all an entity needs: the model builder adds the named
/// query filter, the save interceptor stamps and guards <see cref="TenantId"/>, and the migration enables RLS.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
