using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;

namespace ProcurementPortal.Web.Features.Framework;

/// <summary>A provider acting as a member of a lot's framework agreement, with its agreed band rates (its contract's).</summary>
public sealed record MemberOfLot(ProviderChoice Provider, FrameworkMember Member, IReadOnlyList<AgreedRate> Rates);

/// <summary>
/// Opens a provider's unit of work as a framework member (package requests, mini-competitions): the organisation the
/// person acts for (their membership decides) is set as the scope's provider, so the provider locks hide every other
/// provider's rows; then its membership of the lot's agreement.
/// </summary>
public sealed class MemberAccess(PortalDbContext db, ProviderSide providers, ProviderContext providerContext)
{
    public async Task<ProviderChoice?> EnterAsync(Guid? providerId, CancellationToken ct)
    {
        var (provider, _) = await providers.ChooseAsync(providerId, ct);
        if (provider is not null)
        {
            providerContext.Set(provider.Id);
        }
        return provider;
    }

    /// <summary>Null unless the provider is an active member of the agreement, or has <paramref name="answered"/> (to read the outcome).</summary>
    public async Task<MemberOfLot?> MemberAsync(ProviderChoice provider, Guid agreementId, bool answered, CancellationToken ct)
    {
        var member = await db.FrameworkMembers.AsNoTracking()
            .SingleOrDefaultAsync(m => m.FrameworkAgreementId == agreementId && m.ProviderId == provider.Id, ct);
        if (member is null || (member.Status != MemberStatus.Active && !answered))
        {
            return null;
        }
        var rates = await db.Contracts.AsNoTracking().Where(c => c.Id == member.ContractId).Select(c => c.Rates).SingleAsync(ct);
        return new MemberOfLot(provider, member, rates);
    }
}

/// <summary>Emails to members: one per contact of each provider, the model made for that provider (its own link).</summary>
public static class MemberEmails
{
    public static async Task EnqueueAsync(PortalDbContext db, EmailOutbox outbox, IReadOnlyCollection<Guid> providerIds, string template,
        Func<Guid, object> model, CancellationToken ct)
    {
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, providerIds.ToList(), ct);
        foreach (var providerId in providerIds)
        {
            foreach (var email in contacts.GetValueOrDefault(providerId) ?? [])
            {
                outbox.Enqueue(email, template, model(providerId));
            }
        }
    }
}
