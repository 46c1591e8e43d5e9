using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

/// <summary>A provider's view of one package request: its member record and band rate, its own response, and the case once chosen.</summary>
public sealed record ProviderPackage(PackageRequest Request, FrameworkMember Member, ProviderChoice Provider, decimal? BandRate, PackageResponse? Response)
{
    public bool Chosen => Response is { } r && Request.ChosenResponseId == r.Id;
}

/// <summary>
/// Opens a provider's unit of work on a package request: the organisation the person acts for (their membership
/// decides), set as the scope's provider (the provider locks then hide every other provider's response), and its
/// membership of the request's lot. Not found unless the provider is an active member of the lot, or has already
/// answered this request (to read the outcome).
/// </summary>
public sealed class PackageAccess(PortalDbContext db, Framework.MemberAccess members)
{
    public async Task<ProviderPackage?> OpenAsync(Guid requestId, Guid? providerId, CancellationToken ct)
    {
        if (await members.EnterAsync(providerId, ct) is not { } provider
            || await db.PackageRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct) is not { } request)
        {
            return null;
        }
        var response = await db.PackageResponses.AsNoTracking().SingleOrDefaultAsync(r => r.PackageRequestId == requestId, ct);
        if (await members.MemberAsync(provider, request.FrameworkAgreementId, response is not null, ct) is not { } member)
        {
            return null;
        }
        return new ProviderPackage(request, member.Member, provider, BandRate(member.Rates, request.BandCode), response);
    }

    public static decimal? BandRate(IEnumerable<AgreedRate> rates, string bandCode) => rates.FirstOrDefault(r => r.BandCode == bandCode)?.Rate;
}

/// <summary>
/// The request's window read under its row lock (share mode: responses of different members run side by side; the
/// confirmation, which updates the row, waits for them) and the database clock at the start of the transaction.
/// </summary>
internal sealed record PackageWindow(PackageRequestStatus Status, DateTime ClosesAt, DateTime Now)
{
    private sealed record Row(string Status, DateTime ClosesAt, DateTime Now);

    /// <summary>Must be the transaction's first statement, so that <c>now()</c> is when the response reached the portal.</summary>
    public static async Task<PackageWindow> EnterAsync(PortalDbContext db, Guid requestId, bool forUpdate, CancellationToken ct)
    {
        var row = forUpdate
            ? await db.Database.SqlQuery<Row>($"select status, closes_at, now() as now from package_requests where id = {requestId} for update").SingleAsync(ct)
            : await db.Database.SqlQuery<Row>($"select status, closes_at, now() as now from package_requests where id = {requestId} for share").SingleAsync(ct);
        return new PackageWindow(Enum.Parse<PackageRequestStatus>(row.Status), row.ClosesAt, row.Now);
    }

    public bool IsClosed => Now >= ClosesAt;

    /// <summary>Refused when the database clock has reached the deadline: no grace.</summary>
    public LateBid? Late(string what) => IsClosed
        ? new LateBid(Utc(ClosesAt), Utc(Now),
            $"The window for responses closed at {BidViews.FormatToSecond(ClosesAt)}. {what} reached the portal at {BidViews.FormatToSecond(Now)}, " +
            "after it closed, so it was not accepted.")
        : null;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>A response's outcome: saved, or refused as late with both times.</summary>
public sealed record ResponseOutcome(PackageResponse? Response, LateBid? Late);

/// <summary>
/// What an offer and a decline share: only an active member of the lot may answer (else 404); the window is judged by
/// the database clock at the start of the transaction (late: refused with the receipt time, nothing saved); one
/// response per member; the audit event does not name who answered (sealed until the window closes).
/// </summary>
public sealed class PackageResponder(PortalDbContext db, PackageAccess access, AuditLog audit, IActor actor)
{
    /// <param name="what">How the refusal names the answer when it is late ("Your offer").</param>
    /// <param name="field">The command's field the "already responded" error is shown against.</param>
    /// <param name="validate">The answer's own checks, added to the errors.</param>
    /// <param name="fill">Writes the answer's kind and fields into the response.</param>
    public async Task<Outcome<ResponseOutcome>> RespondAsync(Guid requestId, Guid? providerId, string what, string field,
        Action<ProviderPackage, Errors> validate, Action<PackageResponse> fill, CancellationToken ct)
    {
        if (await access.OpenAsync(requestId, providerId, ct) is not { } package || package.Member.Status != MemberStatus.Active)
        {
            return Outcome<ResponseOutcome>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await PackageWindow.EnterAsync(db, requestId, forUpdate: false, ct);
        if (window.Late(what) is { } late)
        {
            return Outcome<ResponseOutcome>.Ok(new ResponseOutcome(null, late));
        }
        var errors = new Errors().Require(package.Response is null, field, "Your organisation has already responded to this request");
        validate(package, errors);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var response = new PackageResponse
        {
            PackageRequestId = requestId,
            MemberId = package.Member.Id,
            ProviderName = package.Member.ProviderName,
            ReceivedAt = window.Now,
            RespondedByName = actor.Name,
        };
        fill(response);
        db.PackageResponses.Add(response);
        audit.RecordWithoutActor("a provider", "brokerage.response_received", nameof(PackageRequest), requestId, $"{package.Request.Reference}: a response was received");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ResponseOutcome>.Ok(new ResponseOutcome(response, null));
    }
}
