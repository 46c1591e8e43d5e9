using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Brokerage;

public sealed record OfferOnPackageCommand
{
    /// <summary>The provider organisation the person acts for, when they act for several.</summary>
    public Guid? ProviderId { get; init; }
    public DateOnly? CanStartOn { get; init; }
    /// <summary>No higher than the member's agreed rate for the request's band.</summary>
    public decimal? HourlyRate { get; init; }
}

/// <summary>
/// A member offers on a package request: the day it can start and its hourly rate, which may not exceed its agreed
/// rate for the band (the framework's terms). Judged to the second by the database clock at the start of the
/// transaction, as bids are; a late offer is refused with its receipt time and nothing is saved. One response per member.
/// </summary>
public sealed class OfferOnPackageHandler(PackageResponder responder)
{
    public Task<Outcome<ResponseOutcome>> HandleAsync(Guid requestId, OfferOnPackageCommand command, CancellationToken ct) =>
        responder.RespondAsync(requestId, command.ProviderId, "Your offer", nameof(command.HourlyRate),
            (package, errors) => errors
                .Require(command.CanStartOn is not null, nameof(command.CanStartOn), "Enter the date you can start")
                .Require(command.CanStartOn is null || command.CanStartOn <= package.Request.EndsOn, nameof(command.CanStartOn),
                    $"The start date must be on or before {package.Request.EndsOn:d MMMM yyyy}, the framework's end")
                .Require(command.HourlyRate is > 0, nameof(command.HourlyRate), "Enter your hourly rate, more than £0")
                .Require(command.HourlyRate is null || decimal.Round(command.HourlyRate.Value, 2) == command.HourlyRate, nameof(command.HourlyRate), "Enter the rate in pounds and pence")
                .Require(package.BandRate is { } cap && (command.HourlyRate is null || command.HourlyRate <= cap), nameof(command.HourlyRate), package.BandRate is { } rate
                    ? $"Your rate must be no higher than your framework rate for {package.Request.BandCode} {package.Request.BandName}, {Money.Format(rate)} an hour"
                    : $"Your organisation has no framework rate for {package.Request.BandCode}, so it cannot offer"),
            response =>
            {
                response.Kind = PackageResponseKind.Offer;
                response.CanStartOn = command.CanStartOn;
                response.HourlyRate = command.HourlyRate;
            }, ct);
}
