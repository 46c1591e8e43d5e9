using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>A band's line in the price schedule: the rate offered against the ceiling.</summary>
public sealed record PricedBand(FeeBand Band, decimal? Rate, bool AboveCeiling, decimal? EvaluatedPrice);

/// <summary>A chosen lot's price schedule and its evaluated price, Σ rate × expected annual volume.</summary>
public sealed record PricedLot(Lot Lot, IReadOnlyList<PricedBand> Bands, decimal EvaluatedPrice, bool Complete);

/// <summary>One thing missing or wrong before the bid can be submitted, keyed by the field that puts it right.</summary>
public sealed record BidProblem(string Field, string Message);

/// <summary>The rules of a bid against its tender (ARCHITECTURE.md "Rules worth writing down").</summary>
public static partial class BidRules
{
    public const string PassFailYes = "Yes";
    public const string PassFailNo = "No";

    /// <summary>The questions the provider must (or may) answer: those with no lots, or with a chosen lot.</summary>
    public static IEnumerable<(EvaluationSection Section, EvaluationQuestion Question)> ApplicableQuestions(Procurement procurement, IReadOnlyCollection<Guid> lotIds) =>
        procurement.Sections.OrderBy(s => s.Number)
            .SelectMany(s => s.Questions.OrderBy(q => q.Number).Select(q => (s, q)))
            .Where(x => x.q.LotIds.Count == 0 || x.q.LotIds.Any(lotIds.Contains));

    /// <summary>
    /// The attachments that count with the chosen lots: supporting documents, and files of questions that apply and
    /// allow them (a file left on a question whose lot is no longer chosen is not sealed, as its answer is not).
    /// </summary>
    public static IEnumerable<AttachmentHash> ApplicableAttachments(Procurement procurement, IReadOnlyCollection<Guid> lotIds, IEnumerable<AttachmentHash> attachments)
    {
        var open = ApplicableQuestions(procurement, lotIds).Where(x => x.Question.Attachments != AttachmentRule.None).Select(x => x.Question.Id).ToHashSet();
        return attachments.Where(a => a.QuestionId is not { } q || open.Contains(q));
    }

    /// <summary>The chosen lots in lot order (ids not of this procurement are ignored).</summary>
    public static List<Lot> ChosenLots(Procurement procurement, IReadOnlyCollection<Guid> lotIds) =>
        procurement.Lots.Where(l => lotIds.Contains(l.Id)).OrderBy(l => l.Number).ToList();

    /// <summary>Evaluated price per lot = Σ over bands (rate × expected volume), in pence rounded half away from zero.</summary>
    public static List<PricedLot> Price(Procurement procurement, BidContent content) =>
        ChosenLots(procurement, content.LotIds).Select(lot =>
        {
            var bands = lot.Bands.OrderBy(b => b.Code).Select(b =>
            {
                decimal? rate = content.Rates.TryGetValue(b.Id, out var r) ? r : null;
                return new PricedBand(b, rate, rate > b.CeilingRate, rate * b.ExpectedAnnualVolume);
            }).ToList();
            var total = Math.Round(bands.Sum(b => b.EvaluatedPrice ?? 0m), 2, MidpointRounding.AwayFromZero);
            return new PricedLot(lot, bands, total, bands.All(b => b.Rate is not null));
        }).ToList();

    public static int CountWords(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : Words().Count(text);

    public static string QuestionLabel(EvaluationSection section, EvaluationQuestion question) => $"{section.Number}.{question.Number}";

    /// <summary>A problem with one answer as written (word limit, pass/fail choice), or null.</summary>
    public static string? AnswerProblem(EvaluationSection section, EvaluationQuestion question, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }
        if (question.Type == QuestionType.PassFail)
        {
            return answer is PassFailYes or PassFailNo ? null : $"Answer question {QuestionLabel(section, question)} with yes or no";
        }
        var words = CountWords(answer);
        return question.WordLimit is { } limit && words > limit
            ? $"Your answer to question {QuestionLabel(section, question)} must be {limit:N0} words or fewer (it has {words:N0})"
            : null;
    }

    /// <summary>A problem with one rate as entered, or null. Under <see cref="CeilingBreachRule.Flag"/> a breach is allowed (and flagged).</summary>
    public static string? RateProblem(Procurement procurement, Lot lot, FeeBand band, decimal rate)
    {
        if (rate <= 0m)
        {
            return $"The rate for {lot.Name} {band.Code} must be more than £0";
        }
        if (decimal.Round(rate, 2) != rate)
        {
            return $"The rate for {lot.Name} {band.Code} must be in pounds and pence";
        }
        return procurement.CeilingBreachRule == CeilingBreachRule.Refuse && rate > band.CeilingRate
            ? $"The rate for {lot.Name} {band.Code} must be no more than the ceiling of £{band.CeilingRate?.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>Everything missing or wrong before submission, in the order of the check-your-answers page.</summary>
    /// <param name="attachedTo">The question of each attachment the bid has (null for a supporting document).</param>
    public static List<BidProblem> Problems(Procurement procurement, BidContent content, IReadOnlyCollection<Guid?> attachedTo)
    {
        var problems = new List<BidProblem>();
        var lots = ChosenLots(procurement, content.LotIds);
        if (lots.Count == 0)
        {
            problems.Add(new("LotIds", "Choose at least one lot to bid for"));
        }
        foreach (var (section, question) in ApplicableQuestions(procurement, content.LotIds))
        {
            var answer = content.Answers.GetValueOrDefault(question.Id);
            var field = $"Answers[{question.Id}]";
            if (string.IsNullOrWhiteSpace(answer) && question.Type != QuestionType.InformationOnly)
            {
                problems.Add(new(field, $"Answer question {QuestionLabel(section, question)}: {question.Text}"));
            }
            else if (AnswerProblem(section, question, answer) is { } problem)
            {
                problems.Add(new(field, problem));
            }
            if (question.Attachments == AttachmentRule.Required && !attachedTo.Contains(question.Id))
            {
                problems.Add(new($"Attachments[{question.Id}]", $"Attach at least one file to question {QuestionLabel(section, question)}"));
            }
        }
        foreach (var lot in Price(procurement, content))
        {
            foreach (var band in lot.Bands)
            {
                var field = $"Rates[{band.Band.Id}]";
                if (band.Rate is not { } rate)
                {
                    problems.Add(new(field, $"Enter a rate for {lot.Lot.Name} {band.Band.Code} ({band.Band.Name})"));
                }
                else if (RateProblem(procurement, lot.Lot, band.Band, rate) is { } problem)
                {
                    problems.Add(new(field, problem));
                }
            }
        }
        var d = content.Declarations;
        if (string.IsNullOrWhiteSpace(d.CqcRegistrationNumber))
        {
            problems.Add(new("Declarations.CqcRegistrationNumber", "Enter your CQC registration number"));
        }
        if (d.EmployersLiabilityCover is null)
        {
            problems.Add(new("Declarations.EmployersLiabilityCover", "Enter your employer's liability insurance cover"));
        }
        if (d.PublicLiabilityCover is null)
        {
            problems.Add(new("Declarations.PublicLiabilityCover", "Enter your public liability insurance cover"));
        }
        if (string.IsNullOrWhiteSpace(d.ConflictsOfInterest))
        {
            problems.Add(new("Declarations.ConflictsOfInterest", "Declare any conflicts of interest, or write \"None\""));
        }
        return problems;
    }

    /// <summary>CQC provider ids look like 1-101234567.</summary>
    public static bool IsCqcRegistrationNumber(string text) => CqcNumber().IsMatch(text);

    [GeneratedRegex(@"\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^1-\d{6,12}$")]
    private static partial Regex CqcNumber();
}
