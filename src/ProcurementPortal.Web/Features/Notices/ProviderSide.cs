using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

public sealed record ProviderChoice(Guid Id, string Name);

public sealed record YourRegistration(Guid EventId, Guid ProviderId, string ProviderName, RegistrationStatus Status);

/// <summary>
/// The signed-in person as a provider: the provider organisations they may act for (provider admin or bid writer).
/// Providers are not members of the tenant; they act on a tenant's public notices for their own organisation only.
/// </summary>
public sealed class ProviderSide(PortalDbContext db, IActor actor, PersonMemberships known)
{
    /// <summary>Compiled once: every provider's request on the provider's own routes sends it.</summary>
    private static readonly Func<PortalDbContext, Guid, IAsyncEnumerable<PersonMemberships.Membership>> MembershipsOf =
        EF.CompileAsyncQuery((PortalDbContext db, Guid userId) => db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Organisation!.Kind == OrganisationKind.Provider)
            .Select(m => new PersonMemberships.Membership(m.OrganisationId, m.Organisation!.Name, m.Organisation.Kind, m.Role)));

    public async Task<List<ProviderChoice>> OrganisationsAsync(CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return [];
        }
        // Read with the tenant on a tenant's route (TenancyMiddleware); read here on the provider's own routes.
        var rows = known.ProvidersOf(userId) ?? await MembershipsOf(db, userId).ToListAsync(ct);
        return rows.Where(r => Roles.Provider.Contains(r.Role))
            .Select(r => new ProviderChoice(r.OrganisationId, r.Name))
            .Distinct()
            .OrderBy(p => p.Name)
            .ToList();
    }

    /// <summary>
    /// The organisation the person acts for: the one named, if theirs; else their only one. Null with an error when
    /// they must choose, or when the one named is not theirs.
    /// </summary>
    public async Task<(ProviderChoice? Provider, Errors Errors)> ChooseAsync(Guid? providerId, CancellationToken ct)
    {
        var mine = await OrganisationsAsync(ct);
        var chosen = providerId is { } id ? mine.FirstOrDefault(p => p.Id == id) : mine.Count == 1 ? mine[0] : null;
        var errors = new Errors();
        if (chosen is null)
        {
            errors.Add("ProviderId", mine.Count == 0
                ? "Only people of a registered provider organisation can do this"
                : "Choose the organisation you are acting for");
        }
        return (chosen, errors);
    }

    /// <summary>The live registrations of the person's organisations for the events of a statement.</summary>
    public async Task<List<YourRegistration>> RegistrationsAsync(Guid statementId, CancellationToken ct)
    {
        var mine = (await OrganisationsAsync(ct)).Select(p => p.Id).ToList();
        if (mine.Count == 0)
        {
            return [];
        }
        return await db.EventRegistrations.AsNoTracking()
            .Where(r => mine.Contains(r.ProviderId) && r.Status != RegistrationStatus.Cancelled
                && db.EngagementEvents.Any(e => e.Id == r.EventId && e.StatementId == statementId))
            .Select(r => new YourRegistration(r.EventId, r.ProviderId, r.ProviderName, r.Status))
            .ToListAsync(ct);
    }

    /// <summary>The email address and name of the person, for the registration and its emails.</summary>
    public async Task<(Guid Id, string Email, string Name)> PersonAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.UserId, ct);
        return (user.Id, user.Email!, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName);
    }

    /// <summary>
    /// Locks the event row for the rest of the transaction, so that two registrations (or a registration and a
    /// cancellation) for the last place are decided one after the other.
    /// </summary>
    public static Task LockEventAsync(PortalDbContext db, Guid eventId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"select 1 from engagement_events where id = {eventId} for update", ct);

    /// <summary>A published statement's event that has not started: the only kind providers can register for or leave.</summary>
    public static Task<EngagementEvent?> OpenEventAsync(PortalDbContext db, Guid statementId, Guid eventId, CancellationToken ct) =>
        db.EngagementEvents.Include(e => e.Registrations)
            .Where(e => e.Id == eventId && e.StatementId == statementId
                && db.MarketIntentStatements.Any(s => s.Id == statementId && s.Status == StatementStatus.Published))
            .SingleOrDefaultAsync(ct);
}
