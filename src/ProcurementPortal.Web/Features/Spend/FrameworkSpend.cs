using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Spend;

/// <summary>One need band of a lot: the tender's expected volume against what live call-offs commit.</summary>
public sealed record BandSpend(
    string Code, string Name, string Unit, decimal ExpectedAnnualVolume, decimal ExpectedHoursPerWeek, decimal CommittedHoursPerWeek,
    decimal CommittedWeeklyValue, decimal CommittedAnnualSpend, int Placements)
{
    public bool OverExpectedVolume => CommittedHoursPerWeek > ExpectedHoursPerWeek;
}

/// <summary>
/// A member's part in a lot: its share of the live placements, and how it answered the package requests posted on the
/// lot while it was a member (only requests whose window has closed: a response is sealed until then, ADR 026).
/// </summary>
public sealed record ProviderSpend(
    Guid ProviderId, string ProviderName, MemberStatus Status, int Placements, decimal ShareOfPlacements, decimal CommittedAnnualSpend,
    int Requests, int Offers, int Declines, decimal? OfferRate, decimal? DeclineRate, decimal CommittedHoursPerWeek);

/// <summary>
/// A lot's live call-offs against its plan: the budget (the lot's annual budget, or where the tender set none, the
/// affordability model's cost at ceiling rates), and per band the tender's expected hours a week.
/// </summary>
public sealed record LotSpend(
    Guid LotId, int Number, string Name, Guid FrameworkAgreementId, decimal? AnnualBudget, string BudgetSource,
    decimal ExpectedHoursPerWeek, decimal CommittedHoursPerWeek, decimal CommittedAnnualSpend, int Placements,
    IReadOnlyList<BandSpend> Bands, IReadOnlyList<ProviderSpend> Providers)
{
    public string Title => $"Lot {Number} {Name}";

    public bool OverBudget => AnnualBudget is { } budget && CommittedAnnualSpend > budget;

    /// <summary>
    /// What placing a call-off of <paramref name="annual"/> a year and <paramref name="hoursPerWeek"/> hours a week on
    /// <paramref name="bandCode"/> would take over the plan: the lot's budget, the band's expected hours. Empty when within both.
    /// </summary>
    public IReadOnlyList<string> WarningsFor(string bandCode, decimal annual, decimal hoursPerWeek)
    {
        var warnings = new List<string>();
        var spend = CommittedAnnualSpend + annual;
        if (AnnualBudget is { } budget && spend > budget)
        {
            warnings.Add($"With this placement, committed spend on {Title} is {Money.Format(spend)} a year: over {BudgetSource} of {Money.Format(budget)} by {Money.Format(spend - budget)}.");
        }
        if (Bands.FirstOrDefault(b => b.Code == bandCode) is { } band && band.CommittedHoursPerWeek + hoursPerWeek > band.ExpectedHoursPerWeek)
        {
            warnings.Add($"With this placement, {band.Code} {band.Name} on {Title} has {band.CommittedHoursPerWeek + hoursPerWeek:#,##0.##} hours a week committed: " +
                $"over the {band.ExpectedHoursPerWeek:#,##0.##} a week the tender expects.");
        }
        return warnings;
    }
}

public sealed record SpendView(
    Guid ProcurementId, string Reference, string Title, DateOnly AsOf, decimal? AnnualBudget, decimal CommittedAnnualSpend,
    decimal CommittedHoursPerWeek, IReadOnlyList<LotSpend> Lots, string Convention)
{
    public const string Rules =
        "Committed figures count live call-off contracts (brokerage placements and direct awards) that have not ended, including those starting later. " +
        "Annual spend is each call-off's weekly value × 52. Expected hours a week are the tender's expected annual volume for the band ÷ 52. " +
        "A lot's budget is its annual budget in the tender; where the tender set none, the affordability model's cost at ceiling rates (ceiling rate × expected volume, summed over the bands).";
}

/// <summary>
/// Spend and capacity against the plan (issue 13 item 6), read from the framework's live call-offs: committed hours a
/// week and annual spend per lot and band against the tender's expected volumes and budget, each provider's share
/// of placements and its offer and decline rates; also the warning before a placement would go over the plan.
/// </summary>
public sealed class FrameworkSpend(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> ExportHeader =
    [
        "lot_number", "lot_name", "band_code", "band_name", "expected_hours_per_week", "committed_hours_per_week", "committed_weekly_value",
        "committed_annual_spend", "placements", "over_expected_volume", "lot_annual_budget", "lot_budget_source", "lot_committed_annual_spend", "lot_over_budget",
    ];

    /// <summary>Null when the procurement is not this tenant's or has no framework agreement (404).</summary>
    /// <param name="excluding">A call-off to leave out (to say what confirming it did to the plan).</param>
    public async Task<SpendView?> FindAsync(Guid procurementId, CancellationToken ct, Guid? excluding = null)
    {
        var procurement = await db.Procurements.AsNoTracking().Include(p => p.Lots).ThenInclude(l => l.Bands).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        var agreements = procurement is null ? [] : await db.FrameworkAgreements.AsNoTracking().Where(f => f.ProcurementId == procurementId).ToListAsync(ct);
        if (procurement is null || agreements.Count == 0)
        {
            return null;
        }
        var now = await db.DatabaseNowAsync(ct);
        var today = DateOnly.FromDateTime(UkTime.ToUk(now));
        var live = db.Contracts.AsNoTracking().Where(c => c.ProcurementId == procurementId && c.FrameworkAgreementId != null && c.LotId == null && c.EndsOn >= today);
        if (excluding is { } left)
        {
            live = live.Where(c => c.Id != left);
        }
        var callOffs = await live
            .Select(c => new CallOff(c.FrameworkAgreementId!.Value, c.ProviderId, c.CallOffBandCode, c.HoursPerWeek ?? 0m, c.WeeklyValue ?? 0m, c.AnnualValue))
            .ToListAsync(ct);
        var members = await db.FrameworkMembers.AsNoTracking().Where(m => m.ProcurementId == procurementId).ToListAsync(ct);
        var requests = await db.PackageRequests.AsNoTracking().Where(r => r.ProcurementId == procurementId && r.ClosesAt <= now)
            .Select(r => new { r.Id, r.FrameworkAgreementId, r.PostedAt }).ToListAsync(ct);
        var responses = (await db.PackageResponses.AsNoTracking()
            .Join(db.PackageRequests.Where(r => r.ProcurementId == procurementId && r.ClosesAt <= now), x => x.PackageRequestId, r => r.Id, (x, r) => new { x.MemberId, x.Kind })
            .ToListAsync(ct)).ToLookup(x => x.MemberId);
        var affordability = Affordability.Of(procurement).Lots.ToDictionary(l => l.LotId);

        var lots = agreements.Join(procurement.Lots, a => a.LotId, l => l.Id, (a, l) => (Agreement: a, Lot: l)).OrderBy(x => x.Lot.Number).Select(x =>
        {
            var mine = callOffs.Where(c => c.AgreementId == x.Agreement.Id).ToList();
            var bands = x.Lot.Bands.OrderBy(b => b.Code).Select(b =>
            {
                var placed = mine.Where(c => c.BandCode == b.Code).ToList();
                return new BandSpend(b.Code, b.Name, b.Unit.ToString(), b.ExpectedAnnualVolume, PerWeek(b.ExpectedAnnualVolume), placed.Sum(c => c.Hours),
                    placed.Sum(c => c.Weekly), placed.Sum(c => c.Annual), placed.Count);
            }).ToList();
            var plan = affordability[x.Lot.Id];
            var (budget, source) = plan.AnnualBudget is { } set ? ((decimal?)set, "its budget")
                : plan.AnnualCostAtCeiling > 0 ? ((decimal?)plan.AnnualCostAtCeiling, "the affordability model (ceiling rates × expected volumes)")
                : (null, "no budget");
            var lotRequests = requests.Where(r => r.FrameworkAgreementId == x.Agreement.Id).ToList();
            var providers = members.Where(m => m.FrameworkAgreementId == x.Agreement.Id)
                .OrderBy(m => m.Rank ?? int.MaxValue).ThenBy(m => m.ProviderName, StringComparer.Ordinal)
                .Select(m =>
                {
                    var placements = mine.Where(c => c.ProviderId == m.ProviderId).ToList();
                    var asked = lotRequests.Count(r => r.PostedAt >= m.JoinedAt);
                    var offers = responses[m.Id].Count(r => r.Kind == PackageResponseKind.Offer);
                    var declines = responses[m.Id].Count(r => r.Kind == PackageResponseKind.Decline);
                    return new ProviderSpend(m.ProviderId, m.ProviderName, m.Status, placements.Count, Percent(placements.Count, mine.Count),
                        placements.Sum(c => c.Annual), asked, offers, declines, asked == 0 ? null : Percent(offers, asked), asked == 0 ? null : Percent(declines, asked), placements.Sum(c => c.Hours));
                }).ToList();
            return new LotSpend(x.Lot.Id, x.Lot.Number, x.Lot.Name, x.Agreement.Id, budget, source, bands.Sum(b => b.ExpectedHoursPerWeek),
                mine.Sum(c => c.Hours), mine.Sum(c => c.Annual), mine.Count, bands, providers);
        }).ToList();
        return new SpendView(procurement.Id, procurement.Reference, procurement.Title, today, procurement.AnnualBudget, lots.Sum(l => l.CommittedAnnualSpend),
            lots.Sum(l => l.CommittedHoursPerWeek), lots, SpendView.Rules);
    }

    /// <summary>The lot of this framework agreement as the plan stands (leaving out <paramref name="excluding"/>); null if not found.</summary>
    public async Task<LotSpend?> LotAsync(Guid procurementId, Guid frameworkAgreementId, CancellationToken ct, Guid? excluding = null) =>
        (await FindAsync(procurementId, ct, excluding))?.Lots.FirstOrDefault(l => l.FrameworkAgreementId == frameworkAgreementId);

    /// <summary>What a confirmed call-off took over the plan: the warnings its confirm page showed, as its confirm response gives them.</summary>
    public async Task<IReadOnlyList<string>> WarningsAfterAsync(Contract callOff, CancellationToken ct) =>
        callOff is { ProcurementId: { } procurementId, FrameworkAgreementId: { } agreementId, CallOffBandCode: { } band }
        && await LotAsync(procurementId, agreementId, ct, excluding: callOff.Id) is { } lot
            ? lot.WarningsFor(band, callOff.AnnualValue, callOff.HoursPerWeek ?? 0m)
            : [];

    /// <summary>
    /// A package request ready to confirm, with what confirming each offer would take over the lot's plan: each warning
    /// once, naming the offers it applies to. Unchanged while the window is open, when placed, or with no offers.
    /// </summary>
    public async Task<PackageRequestView> WithPlanWarningsAsync(PackageRequestView view, CancellationToken ct)
    {
        if (!view.WindowClosed || view.Request.Status == PackageRequestStatus.Placed || view.Ranking is not { Count: > 0 } ranking)
        {
            return view;
        }
        var agreementId = await db.PackageRequests.AsNoTracking().Where(r => r.Id == view.Request.Id).Select(r => r.FrameworkAgreementId).SingleAsync(ct);
        if (await LotAsync(view.Request.ProcurementId, agreementId, ct) is not { } lot)
        {
            return view;
        }
        var warnings = ranking
            .SelectMany(o => lot.WarningsFor(view.Request.BandCode, o.AnnualValue, view.Request.HoursPerWeek).Select(w => (Warning: w, o.ProviderName)))
            .GroupBy(x => x.Warning)
            .Select(g => g.Count() == ranking.Count ? g.Key : $"{g.Key} (if you confirm the offer from {string.Join(" or ", g.Select(x => x.ProviderName))})")
            .ToList();
        return view with { PlanWarnings = warnings };
    }

    /// <summary>The export: one row per lot and band, with the lot's budget and committed spend repeated on each (docs/exports.md).</summary>
    public static ExportTable Table(SpendView view) => new($"{view.Reference}-framework-spend", ExportHeader, view.Lots.SelectMany(l => l.Bands.Select(b => (IReadOnlyList<object?>)
    [
        l.Number, l.Name, b.Code, b.Name, b.ExpectedHoursPerWeek, b.CommittedHoursPerWeek, b.CommittedWeeklyValue, b.CommittedAnnualSpend, b.Placements,
        b.OverExpectedVolume, l.AnnualBudget, l.BudgetSource, l.CommittedAnnualSpend, l.OverBudget,
    ])).ToList());

    private static decimal PerWeek(decimal annualVolume) => Math.Round(annualVolume / CallOffValue.WeeksInYear, 2, MidpointRounding.AwayFromZero);

    private static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private sealed record CallOff(Guid AgreementId, Guid? ProviderId, string? BandCode, decimal Hours, decimal Weekly, decimal Annual);
}
