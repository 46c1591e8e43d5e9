using System.Globalization;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>
/// The evaluation report (issue 6.8) as CSV (the ranking per lot, the same numbers as the page) and as PDF through the
/// document model (ADR 012): ranking, price table, scoring matrix, moderation rationales and the conflict-of-interest
/// register, and per lot the charts of total scores and of price against quality (vector drawings, as in the page).
/// </summary>
public sealed class EvaluationReport(PdfRenderer renderer)
{
    public static readonly string[] CsvHeader =
        ["lot_number", "lot_name", "bidder", "quality_score", "price_score", "total_score", "evaluated_price", "rank", "recommended", "abnormally_low", "excluded_because"];

    public static byte[] Csv(ResultsResponse results) => CsvFile.Write(CsvHeader, results.Lots.SelectMany(lot => lot.Ranking.Select(r => (IReadOnlyList<string?>)
    [
        lot.Number.ToString(CultureInfo.InvariantCulture), lot.Name, r.Bidder, Number(r.QualityScore), Number(r.PriceScore), Number(r.TotalScore),
        Number(r.EvaluatedPrice), r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", r.Recommended ? "yes" : "no", r.AbnormallyLow ? "yes" : "no",
        r.ExclusionReason ?? "",
    ])));

    public byte[] Pdf(ResultsView view, IReadOnlyList<ModerationRow> matrix, string tenantName)
    {
        var p = view.State.Procurement;
        var results = ResultsResponse.From(view);
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph(tenantName),
            new PdfHeading($"Evaluation report: {p.Reference} {p.Title}"),
            new PdfKeyValueList(
            [
                new("Status", view.Published ? "Ranking published as the award recommendation" : "Draft: the ranking is not yet published"),
                new("Price weight", $"{p.PriceWeight:0.##}%, formula {p.PriceFormula}"),
                new("Tie-break rule", p.TieBreakRule == TieBreakRule.HigherQuality ? "Higher quality score first" : "Lower evaluated price first"),
                new("Abnormally low", $"More than {p.AbnormallyLowThresholdPercent:0.##}% below the lot's mean price"),
            ]),
        };
        foreach (var lot in results.Lots)
        {
            blocks.Add(new PdfHeading($"Lot {lot.Number}: {lot.Name}", 2));
            blocks.Add(new PdfTable(
                [new("Rank", 0.08f), new("Bidder", 0.3f), new("Quality", 0.12f, PdfAlign.Right), new("Price", 0.12f, PdfAlign.Right),
                 new("Total", 0.12f, PdfAlign.Right), new("Evaluated price", 0.18f, PdfAlign.Right), new("Recommended", 0.1f)],
                lot.Ranking.Select(r => (IReadOnlyList<string>)
                [
                    r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "Excluded", r.Bidder + (r.AbnormallyLow ? " (abnormally low)" : ""),
                    Number(r.QualityScore), Number(r.PriceScore), Number(r.TotalScore), Money.Format(r.EvaluatedPrice), r.Recommended ? "Yes" : r.ExclusionReason ?? "No",
                ]).ToList()));
            blocks.Add(new PdfKeyValueList(
            [
                new("Expected annual cost of the recommended", Money.Format(lot.ExpectedAnnualCost, "None recommended")),
                new("Lot budget", Money.Format(lot.AnnualBudget, "No lot budget")),
                new("Headroom", Money.Format(lot.Headroom, "Not known")),
            ]));
            if (lot.Ranking.Count > 0)
            {
                var (scores, priceAndQuality) = lot.Charts();
                blocks.AddRange([new PdfHeading(scores.Title, 3), new PdfDrawing(scores), new PdfHeading(priceAndQuality.Title, 3), new PdfDrawing(priceAndQuality)]);
            }
            foreach (var request in lot.Ranking.Where(r => r.ClarificationRequest is not null))
            {
                blocks.Add(new PdfParagraph([new PdfTextRun($"Clarification requested of {request.Bidder}: ", true), new PdfTextRun(request.ClarificationRequest!)]));
            }
        }
        blocks.Add(new PdfHeading("Affordability", 2));
        blocks.Add(new PdfKeyValueList(
            new List<PdfKeyValue>
            {
                new("Expected annual cost, all lots", Money.Format(results.ExpectedAnnualCost)),
                new("Today's annual spend", Money.Format(results.CurrentAnnualSpend, "Not known")),
                new("Saving against today's spend", Money.Format(results.SavingAgainstCurrentSpend, "Not known")),
            }.Concat(results.Partners.Select(x => new PdfKeyValue($"{x.Name} ({x.SharePercent:0.##}%)", Money.Format(x.AnnualCost)))).ToList()));
        blocks.Add(new PdfHeading("Scoring matrix and moderation", 2));
        blocks.Add(new PdfTable(
            [new("Bidder", 0.22f), new("Question", 0.1f), new("Individual scores", 0.22f), new("Moderated", 0.1f, PdfAlign.Right), new("Rationale", 0.36f)],
            matrix.Select(m => (IReadOnlyList<string>)
            [
                m.Bidder, m.Number, string.Join("; ", m.Scores.Select(s => $"{s.Evaluator}: {s.Score}")) + (m.WideSpread ? " (wide spread)" : ""),
                m.ModeratedScore?.ToString(CultureInfo.InvariantCulture) ?? "Not moderated", m.Rationale ?? "",
            ]).ToList()));
        blocks.Add(new PdfHeading("Conflict of interest register", 2));
        var names = view.State.Panel.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        blocks.Add(new PdfTable(
            [new("Panel member", 0.3f), new("Bidder", 0.3f), new("Declaration", 0.4f)],
            view.State.Declarations.OrderBy(d => names.GetValueOrDefault(d.UserId), StringComparer.Ordinal)
                .Select(d => (IReadOnlyList<string>)
                [
                    names.GetValueOrDefault(d.UserId) ?? "Former panel member", view.State.Bid(d.BidId)?.ProviderName ?? "",
                    d.HasConflict ? $"Conflict: {d.Details}" : "No conflict",
                ]).ToList()));
        return renderer.Render(new PdfDocumentModel
        {
            Title = $"Evaluation report {p.Reference}",
            Author = tenantName,
            RunningFooter = $"{p.Reference} evaluation report",
            Blocks = blocks,
        });
    }

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
