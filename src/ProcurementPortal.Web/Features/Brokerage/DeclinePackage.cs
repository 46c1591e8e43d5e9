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
public sealed class DeclinePackageHandler(PackageResponder responder)
{
    public Task<Outcome<ResponseOutcome>> HandleAsync(Guid requestId, DeclinePackageCommand command, CancellationToken ct) =>
        responder.RespondAsync(requestId, command.ProviderId, "Your answer", nameof(command.Reason),
            (_, errors) => errors.RequireText(command.Reason, nameof(command.Reason), "why you cannot take this package", 1000),
            response =>
            {
                response.Kind = PackageResponseKind.Decline;
                response.DeclineReason = command.Reason!.Trim();
            }, ct);
}
