using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Web.Features.Evaluation;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Exports;

/// <summary>
/// The officer's exports (issue 9.4) as tables, each written as CSV or xlsx by <see cref="ExportTable"/>; the columns
/// are documented in docs/exports.md. Bids are read only through <see cref="OpenedBids"/>: before the formal opening
/// the export is refused, so nothing sealed can leave the portal early.
/// </summary>
public sealed class ExportQueries(PortalDbContext db, OpenedBids opened, EvaluationQueries evaluation)
{
    public const string SealedMessage = "The bids are sealed: they can be exported once two procurement officers have opened them after the submission deadline.";

    public static readonly IReadOnlyList<string> ProcurementsHeader =
    [
        "reference", "title", "state", "procedure_type", "cpv_code", "estimated_value", "annual_budget", "lots", "published_at",
        "clarification_deadline", "submission_deadline", "cancelled_at", "cancellation_reason", "created_at",
    ];

    public static readonly IReadOnlyList<string> BidsHeader =
    [
        "receipt_number", "provider", "companies_house_number", "charity_number", "received_at", "lot_number", "lot_name",
        "evaluated_price", "band_rates",
    ];

    public static readonly IReadOnlyList<string> ScoresHeader =
        ["bidder", "question_number", "question", "evaluator_scores", "spread", "moderated_score", "rationale"];

    /// <summary>Every procurement of the tenant, newest first.</summary>
    public async Task<ExportTable> ProcurementsAsync(CancellationToken ct)
    {
        var procurements = await db.Procurements.AsNoTracking().Include(p => p.Lots).AsSplitQuery()
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return new ExportTable("procurements", ProcurementsHeader, procurements.Select(p => (IReadOnlyList<object?>)
        [
            p.Reference, p.Title, ProcurementDisplay.StateText(p.State), p.ProcedureType.ToString(), p.CpvCode, p.EstimatedValue, p.AnnualBudget,
            p.Lots.Count, p.PublishedAt, p.ClarificationDeadline, p.SubmissionDeadline, p.CancelledAt, p.CancellationReason, p.CreatedAt,
        ]).ToList());
    }

    /// <summary>
    /// The bids received, one row per bid and lot bid for, with its rates and evaluated price (Σ rate × expected
    /// volume); not found for another tenant's procurement, refused (errors) while the bids are sealed.
    /// </summary>
    public async Task<Outcome<ExportTable>> BidsAsync(Guid procurementId, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(procurementId, ct) is not { } p)
        {
            return Outcome<ExportTable>.NotFound();
        }
        if (!OpenedBids.IsOpen(p))
        {
            return new Errors().Add("State", SealedMessage);
        }
        var bids = await opened.LoadAsync(p, ct);
        var providerIds = bids.Select(b => b.ProviderId).ToList();
        var providers = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var bid in bids.OrderBy(b => b.ReceiptNumber, StringComparer.Ordinal))
        {
            var provider = providers.GetValueOrDefault(bid.ProviderId);
            foreach (var lot in p.Lots.Where(l => bid.LotIds.Contains(l.Id)).OrderBy(l => l.Number))
            {
                var bands = lot.Bands.OrderBy(b => b.Code).Where(b => bid.Rates.ContainsKey(b.Id)).ToList();
                rows.Add(
                [
                    bid.ReceiptNumber, bid.ProviderName, provider?.CompaniesHouseNumber, provider?.CharityNumber, bid.ReceivedAt, lot.Number, lot.Name,
                    bands.Sum(b => bid.Rates[b.Id] * b.ExpectedAnnualVolume),
                    string.Join("; ", bands.Select(b => $"{b.Code} {CsvFile.Text(bid.Rates[b.Id])}/{b.Unit.ToString().ToLowerInvariant()}")),
                ]);
            }
        }
        return Outcome<ExportTable>.Ok(new ExportTable($"{p.Reference}-bids", BidsHeader, rows));
    }

    /// <summary>The scoring matrix from moderation on: each evaluator's score, the spread, the moderated score and its rationale.</summary>
    public async Task<Outcome<ExportTable>> ScoresAsync(Guid procurementId, Guid userId, CancellationToken ct)
    {
        var reference = await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId).Select(p => p.Reference).SingleOrDefaultAsync(ct);
        var matrix = await evaluation.ModerationAsync(procurementId, userId, isOfficer: true, ct);
        if (reference is null || matrix.IsNotFound)
        {
            return Outcome<ExportTable>.NotFound();
        }
        return Outcome<ExportTable>.Ok(new ExportTable($"{reference}-scores", ScoresHeader, matrix.Value!
            .OrderBy(r => r.Bidder, StringComparer.Ordinal).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<object?>)
            [
                r.Bidder, r.Number, r.Text, string.Join("; ", r.Scores.Select(s => $"{s.Evaluator}: {s.Score}")), r.Spread, r.ModeratedScore, r.Rationale,
            ]).ToList()));
    }
}
