using System.Globalization;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>
/// The assessment summary (Procurement Act 2023 s.50; PCR 2015 reg. 86) for one bidder and one lot: the outcome, the
/// bidder's own moderated scores per question beside the winner's, the winner's relative advantages, the standstill
/// end and whom to ask. A successful letter states the framework terms. Scores come from the published results.
/// </summary>
public sealed class AwardLetterDocument(PdfRenderer renderer)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(Procurement p, Lot lot, AwardedBid bid) =>
        $"{p.Reference}-lot-{lot.Number}-{(bid.Appointed ? "successful" : "unsuccessful")}-{bid.BidId.ToString("N")[..8]}.pdf";

    public byte[] Render(AwardState state, AwardedBid bid, Organisation tenant, DateOnly letterDate, StandstillEnd standstill)
    {
        var p = state.Procurement;
        var lot = p.Lots.Single(l => l.Id == bid.LotId);
        var winner = state.WinnerOf(lot.Id);
        var moderated = state.Results.Moderated.ToDictionary(s => (s.BidId, s.QuestionId), s => s.Score);
        int? ScoreOf(Guid bidId, Guid questionId) => moderated.TryGetValue((bidId, questionId), out var s) ? s : null;
        var questions = p.Sections.OrderBy(s => s.Number)
            .SelectMany(s => s.Questions.OrderBy(q => q.Number).Select(q => (Section: s, Question: q)))
            .Where(x => x.Question.Type == QuestionType.Scored && (x.Question.LotIds.Count == 0 || x.Question.LotIds.Contains(lot.Id)))
            .ToList();

        var blocks = new List<PdfBlock>();
        if (tenant.Logo is { Length: > 0 } logo)
        {
            blocks.Add(new PdfImage(logo, 140));
        }
        blocks.Add(new PdfParagraph([new PdfTextRun(tenant.Name, true)]));
        if (!string.IsNullOrWhiteSpace(tenant.AddressSingleLine))
        {
            blocks.Add(new PdfParagraph(tenant.AddressSingleLine));
        }
        blocks.Add(new PdfKeyValueList(
        [
            new("Reference", $"{p.Reference}/L{lot.Number}"),
            new("Date", letterDate.ToString("d MMMM yyyy", English)),
            new("To", bid.ProviderName),
        ]));
        blocks.Add(new PdfHeading($"Assessment summary: {p.Title}, Lot {lot.Number} {lot.Name}"));
        blocks.Add(new PdfParagraph(bid.Appointed
            ? $"Your bid for Lot {lot.Number} ({lot.Name}) was successful. We intend to appoint {bid.ProviderName} to the framework agreement for this lot."
            : $"Your bid for Lot {lot.Number} ({lot.Name}) was unsuccessful. We do not intend to appoint {bid.ProviderName} to the framework agreement for this lot."
              + (bid.Rank is null ? " Your bid was excluded from the ranking." : "")));
        blocks.Add(new PdfKeyValueList(
        [
            new("Outcome", bid.Appointed ? "Successful" : "Unsuccessful"),
            new("Your rank", bid.Rank?.ToString(English) ?? "Not ranked"),
            new("Your total score", Scoring.Display(bid.TotalScore).ToString("0.00", English)),
            new("Winning total score", winner is null ? "None" : Scoring.Display(winner.TotalScore).ToString("0.00", English)),
        ]));

        blocks.Add(new PdfHeading("Your scores and the winning bid's scores", 2));
        blocks.Add(new PdfParagraph("Each question was scored from 0 to 5 and weighted; the scores are those the evaluation panel agreed at moderation."));
        string Weighted(Guid bidId, IEnumerable<EvaluationQuestion> qs) =>
            Scoring.Display(qs.Sum(q => Scoring.WeightedQuestionScore(q.Weight, ScoreOf(bidId, q.Id) ?? 0))).ToString("0.00", English);
        var rows = questions.Select(x => (IReadOnlyList<string>)
        [
            $"{x.Section.Number}.{x.Question.Number} {x.Question.Text}",
            x.Question.Weight.ToString("0.##", English),
            Score(ScoreOf(bid.BidId, x.Question.Id)),
            winner is null ? "-" : Score(ScoreOf(winner.BidId, x.Question.Id)),
        ]).ToList();
        // Each section's weighted total, then the price: the parts the total score is made of.
        rows.AddRange(questions.GroupBy(x => x.Section).Select(g => (IReadOnlyList<string>)
        [
            $"Section {g.Key.Number} {g.Key.Title}: weighted score",
            g.Sum(x => x.Question.Weight).ToString("0.##", English),
            Weighted(bid.BidId, g.Select(x => x.Question)),
            winner is null ? "-" : Weighted(winner.BidId, g.Select(x => x.Question)),
        ]));
        rows.Add(
        [
            "Price: evaluated annual cost", p.PriceWeight.ToString("0.##", English), Pounds(bid.EvaluatedPrice),
            winner is null ? "-" : Pounds(winner.EvaluatedPrice),
        ]);
        blocks.Add(new PdfTable(
            [new("Question", 0.5f), new("Weight", 0.12f, PdfAlign.Right), new("Yours", 0.19f, PdfAlign.Right), new("Winner", 0.19f, PdfAlign.Right)],
            rows));

        if (winner is not null && winner.BidId != bid.BidId)
        {
            var advantages = questions
                .Select(x => (x.Section, x.Question, Winner: ScoreOf(winner.BidId, x.Question.Id) ?? 0, Yours: ScoreOf(bid.BidId, x.Question.Id) ?? 0))
                .Where(x => x.Winner > x.Yours)
                .Select(x => $"{x.Section.Number}.{x.Question.Number} {x.Question.Text}: the winning bid scored {x.Winner} against your {x.Yours}.")
                .ToList();
            if (winner.EvaluatedPrice < bid.EvaluatedPrice)
            {
                advantages.Add($"Price: the winning bid's evaluated annual cost was {Money.Format(winner.EvaluatedPrice)} against your {Money.Format(bid.EvaluatedPrice)}.");
            }
            blocks.Add(new PdfHeading("The relative advantages of the winning bid", 2));
            blocks.AddRange((advantages.Count == 0 ? ["The winning bid ranked higher on its total score."] : advantages).Select(a => new PdfParagraph(a)));
        }

        if (bid.Appointed)
        {
            blocks.Add(new PdfHeading("The framework terms", 2));
            blocks.Add(new PdfParagraph(
                $"The framework agreement for Lot {lot.Number} runs for {p.ContractTermMonths?.ToString(English) ?? "the"} months from the award"
                + (string.IsNullOrWhiteSpace(p.ExtensionOptions) ? "." : $", with extension options of {p.ExtensionOptions}.")
                + " Packages of care are called off at the band rates of your sealed bid, which cannot rise above the ceiling rates of the tender."
                + " The contract is made only after the standstill period ends without a challenge."));
        }

        blocks.Add(new PdfHeading("Standstill period", 2));
        var ends = standstill.LastDay.ToString("dddd d MMMM yyyy", English);
        blocks.Add(new PdfParagraph(state.Award?.Regime == StandstillRegime.PublicContractsRegulations2015
            ? $"The standstill period is 10 days from the day after this letter is sent and ends at midnight at the end of {ends} (UK time)."
            : $"The standstill period is 8 working days beginning with the day the contract award notice is published; it ends at midnight at the end of {ends} (UK time)."));
        blocks.Add(new PdfHeading("Questions", 2));
        blocks.Add(new PdfParagraph(
            $"Please send any questions about this letter to {tenant.ContactName ?? tenant.Name}"
            + (tenant.ContactEmail is { } email ? $" at {email}" : "")
            + (tenant.ContactPhone is { } phone ? $" or {phone}" : "") + $", quoting {p.Reference}."));

        return renderer.Render(new PdfDocumentModel
        {
            Title = $"Assessment summary {p.Reference} Lot {lot.Number}: {bid.ProviderName}",
            Author = tenant.Name,
            Subject = $"{p.Title}, Lot {lot.Number} {lot.Name}",
            RunningFooter = $"{tenant.Name} · {p.Reference}/L{lot.Number}",
            Blocks = blocks,
        });
    }

    private static string Score(int? score) => score?.ToString(English) ?? "-";

    private static string Pounds(decimal amount) => amount.ToString("£#,##0", English);
}
