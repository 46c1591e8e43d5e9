namespace ProcurementPortal.Core.Tenancy;

/// <summary>
/// The provider organisation the current unit of work acts for, when a provider's person acts on a tenant's tender.
/// Null for officers and jobs: they see provider-owned rows of their tenant (bids stay sealed by their encryption).
/// </summary>
public interface IProviderContext
{
    Guid? ProviderId { get; }
}

/// <summary>
/// Scoped holder of the provider. Set once per scope, after the person's provider membership has been checked
/// (ProviderSide.ChooseAsync); setting a different provider later in the same scope is refused.
/// </summary>
public sealed class ProviderContext : IProviderContext
{
    public Guid? ProviderId { get; private set; }

    public void Set(Guid providerId)
    {
        if (providerId == Guid.Empty)
        {
            throw new ArgumentException("A provider id is required.", nameof(providerId));
        }
        if (ProviderId is { } current && current != providerId)
        {
            throw new InvalidOperationException("The provider of this unit of work is already set to another provider.");
        }
        ProviderId = providerId;
    }
}
