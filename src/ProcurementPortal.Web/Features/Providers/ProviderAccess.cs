using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Users;

namespace ProcurementPortal.Web.Features.Providers;

public sealed record ProviderView(
    Guid Id, string Name, string? CompaniesHouseNumber, string? CharityNumber, string? CqcLocationId,
    string? AddressLine1, string? AddressLine2, string? Town, string? Postcode,
    string? ContactName, string? ContactEmail, string? ContactPhone,
    IReadOnlyList<Role> YourRoles);

/// <summary>
/// A provider organisation as its own members see it. Anyone who is not a member gets nothing (the caller answers
/// 404, as for another tenant's record): providers see their own organisation only.
/// </summary>
public sealed class ProviderAccess(PortalDbContext db, IActor actor)
{
    public async Task<ProviderView?> FindAsync(Guid id, CancellationToken ct)
    {
        var roles = await RolesAsync(id, ct);
        if (roles.Count == 0)
        {
            return null;
        }
        var o = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        return new ProviderView(o.Id, o.Name, o.CompaniesHouseNumber, o.CharityNumber, o.CqcLocationId,
            o.AddressLine1, o.AddressLine2, o.Town, o.Postcode, o.ContactName, o.ContactEmail, o.ContactPhone, roles);
    }

    public Task<List<MemberView>> MembersAsync(Guid id, CancellationToken ct) => TenantMembers.OfOrganisationAsync(db, id, null, ct);

    /// <summary>The caller's roles in the provider organisation; none when it is not a provider or not theirs.</summary>
    public async Task<List<Role>> RolesAsync(Guid id, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return [];
        }
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == id && m.UserId == userId && m.Organisation!.Kind == OrganisationKind.Provider)
            .Select(m => m.Role)
            .ToListAsync(ct);
        return roles.Order().ToList();
    }
}
