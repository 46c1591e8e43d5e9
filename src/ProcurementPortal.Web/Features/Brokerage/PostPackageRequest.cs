using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

/// <summary>A package of care to place with a lot's providers. No name or address: a postcode district and a case reference.</summary>
public sealed record PostPackageRequestCommand
{
    public Guid? LotId { get; init; }
    /// <summary>The outward code only, e.g. PR1 or BB11.</summary>
    public string? PostcodeDistrict { get; init; }
    public string? BandCode { get; init; }
    public decimal? HoursPerWeek { get; init; }
    public DateOnly? StartsOn { get; init; }
    public string? Requirements { get; init; }
    /// <summary>The council's case reference, not the person's name; shown to the chosen provider only.</summary>
    public string? CaseReference { get; init; }
    /// <summary>How long members have to offer or decline, in hours (1 to 168).</summary>
    public int? ResponseWindowHours { get; init; }

    public Errors Validate() => new Errors()
        .Require(LotId is not null, nameof(LotId), "Choose the lot")
        .Require(PostcodeDistrict is not null && Core.Domain.Framework.PostcodeDistrict.Normalise(PostcodeDistrict) is not null, nameof(PostcodeDistrict),
            "Enter the postcode district only, like PR1 or BB11 (not the full postcode or address)")
        .Require(!string.IsNullOrWhiteSpace(BandCode), nameof(BandCode), "Choose the need band")
        .Require(HoursPerWeek is > 0 and <= 168, nameof(HoursPerWeek), "Enter the hours per week, more than 0 and no more than 168")
        .Require(StartsOn is not null, nameof(StartsOn), "Enter the start date")
        .RequireText(Requirements, nameof(Requirements), "what the package needs", 2000)
        .RequireText(CaseReference, nameof(CaseReference), "the case reference", 40)
        .Require(ResponseWindowHours is >= 1 and <= 168, nameof(ResponseWindowHours), "Enter a response window from 1 to 168 hours");
}

/// <summary>
/// An officer posts a package request on a lot of an awarded framework. The window is timed from the database clock;
/// every active member of the lot is emailed (suspended members are not), and a job closes the window at its deadline.
/// </summary>
public sealed class PostPackageRequestHandler(PortalDbContext db, AuditLog audit, EmailOutbox outbox, IActor actor, ITenantContext tenant,
    IBackgroundJobClient jobs, IConfiguration configuration)
{
    public async Task<Outcome<PackageRequest>> HandleAsync(Guid procurementId, PostPackageRequestCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId).Select(p => new { p.Id, p.Reference }).SingleOrDefaultAsync(ct);
        if (procurement is null)
        {
            return Outcome<PackageRequest>.NotFound();
        }
        var errors = command.Validate();
        if (await Framework.LotNeed.ReadAsync(db, procurementId, command.LotId, command.BandCode, command.StartsOn, errors, ct) is not { } need)
        {
            return errors;
        }
        var (agreement, lot, band, now) = need;
        var members = await db.FrameworkMembers.AsNoTracking()
            .Where(m => m.FrameworkAgreementId == agreement.Id && m.Status == MemberStatus.Active)
            .Select(m => new { m.ProviderId, m.ProviderName }).ToListAsync(ct);
        var count = await db.PackageRequests.CountAsync(r => r.ProcurementId == procurementId, ct);
        var request = new PackageRequest
        {
            Reference = $"{procurement.Reference}-L{lot.Number}-P{count + 1:0000}",
            ProcurementId = procurementId,
            FrameworkAgreementId = agreement.Id,
            LotId = lot.Id,
            LotName = $"Lot {lot.Number} {lot.Name}",
            PostcodeDistrict = Core.Domain.Framework.PostcodeDistrict.Normalise(command.PostcodeDistrict)!,
            BandCode = band.Code,
            BandName = band.Name,
            HoursPerWeek = command.HoursPerWeek!.Value,
            StartsOn = command.StartsOn!.Value,
            EndsOn = agreement.EndsOn,
            Requirements = command.Requirements!.Trim(),
            CaseReference = command.CaseReference!.Trim(),
            ResponseWindowHours = command.ResponseWindowHours!.Value,
            PostedAt = now,
            ClosesAt = now.AddHours(command.ResponseWindowHours.Value),
            MembersInvited = members.Count,
            PostedByUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer posts package requests."),
            PostedByName = actor.Name,
        };
        db.PackageRequests.Add(request);
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, members.Select(m => m.ProviderId).ToList(), ct);
        var baseUrl = configuration["Portal:BaseUrl"]?.TrimEnd('/');
        foreach (var member in members)
        {
            foreach (var email in contacts.GetValueOrDefault(member.ProviderId) ?? [])
            {
                outbox.Enqueue(email, "package-request", new
                {
                    TenantName = tenant.TenantName,
                    request.Reference,
                    request.LotName,
                    Band = $"{request.BandCode} {request.BandName}",
                    Hours = request.HoursPerWeek.ToString("0.##"),
                    request.PostcodeDistrict,
                    StartsOn = request.StartsOn.ToString("d MMMM yyyy"),
                    ClosesAt = Bids.BidViews.FormatToSecond(request.ClosesAt),
                    Link = $"{baseUrl}/{tenant.Slug}/package-requests/{request.Id}/response?providerId={member.ProviderId}",
                });
            }
        }
        audit.Record("brokerage.request_posted", nameof(PackageRequest), request.Id,
            $"{request.Reference}: {request.LotName}, {request.BandCode}, {request.HoursPerWeek:0.##} hours a week from {request.StartsOn:yyyy-MM-dd} in {request.PostcodeDistrict}; {members.Count} members told; closes {request.ClosesAt:yyyy-MM-dd HH:mm:ss} UTC");
        await db.SaveChangesAsync(ct);
        PackageWindowJob.ScheduleFor(jobs, request.TenantId, request.Id, request.ClosesAt);
        return Outcome<PackageRequest>.Ok(request);
    }
}
