using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

public sealed record DeclinePackageCommand
{
    public Guid? ProviderId { get; init; }
    /// <summary>Why the member cannot take the package (kept: the market's capacity signal).</summary>
    public string? Reason { get; init; }
}

/// <summary>A member declines a package request with its reason, before the window closes (judged as offers are).</summary>
public sealed class DeclinePackageHandler(PortalDbContext db, PackageAccess access, AuditLog audit, IActor actor)
{
    public async Task<Outcome<ResponseOutcome>> HandleAsync(Guid requestId, DeclinePackageCommand command, CancellationToken ct)
    {
        if (await access.OpenAsync(requestId, command.ProviderId, ct) is not { } package || package.Member.Status != MemberStatus.Active)
        {
            return Outcome<ResponseOutcome>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = await PackageWindow.EnterAsync(db, requestId, forUpdate: false, ct);
        if (window.Late("Your answer") is { } late)
        {
            return Outcome<ResponseOutcome>.Ok(new ResponseOutcome(null, late));
        }
        var errors = new Errors()
            .Require(package.Response is null, nameof(command.Reason), "Your organisation has already responded to this request")
            .RequireText(command.Reason, nameof(command.Reason), "why you cannot take this package", 1000);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var response = db.PackageResponses.Add(new PackageResponse
        {
            PackageRequestId = requestId,
            MemberId = package.Member.Id,
            ProviderName = package.Member.ProviderName,
            Kind = PackageResponseKind.Decline,
            DeclineReason = command.Reason!.Trim(),
            ReceivedAt = window.Now,
            RespondedByName = actor.Name,
        }).Entity;
        audit.RecordWithoutActor("a provider", "brokerage.response_received", nameof(PackageRequest), requestId, $"{package.Request.Reference}: a response was received");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ResponseOutcome>.Ok(new ResponseOutcome(response, null));
    }
}
