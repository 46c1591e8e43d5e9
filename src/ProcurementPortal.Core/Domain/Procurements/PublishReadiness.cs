namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>
/// What must be true before a tender opens, checked all at once so the officer sees every problem in one go.
/// Each problem names the field (for the error summary and ProblemDetails) and says what to do.
/// </summary>
public static class PublishReadiness
{
    public static IReadOnlyList<(string Field, string Message)> Problems(Procurement p, DateTime utcNow)
    {
        var problems = new List<(string, string)>();
        void Add(string field, string message) => problems.Add((field, message));

        if (string.IsNullOrWhiteSpace(p.Description))
        {
            Add("Description", "Enter a description of what is being bought");
        }
        if (p.Lots.Count == 0)
        {
            Add("Lots", "Add at least one lot");
        }
        foreach (var lot in p.Lots.OrderBy(l => l.Number))
        {
            if (lot.Bands.Count == 0)
            {
                Add($"Lots[{lot.Number}].Bands", $"Lot {lot.Number} ({lot.Name}) has no fee bands: add at least one");
            }
            foreach (var band in lot.Bands.Where(b => b.CeilingRate is null))
            {
                Add($"Lots[{lot.Number}].Bands[{band.Code}].CeilingRate", $"Band {band.Code} of lot {lot.Number} ({lot.Name}) has no ceiling rate");
            }
            foreach (var band in lot.Bands.Where(b => b.ExpectedAnnualVolume <= 0))
            {
                Add($"Lots[{lot.Number}].Bands[{band.Code}].ExpectedAnnualVolume", $"Band {band.Code} of lot {lot.Number} ({lot.Name}) needs an expected annual volume above zero");
            }
        }

        var questions = p.Sections.SelectMany(s => s.Questions).ToList();
        var qualityWeight = questions.Where(q => q.Type == QuestionType.Scored).Sum(q => q.Weight);
        if (qualityWeight + p.PriceWeight != 100m)
        {
            Add("PriceWeight", $"Quality question weights ({qualityWeight:0.##}%) and the price weight ({p.PriceWeight:0.##}%) must add up to 100%; they add up to {qualityWeight + p.PriceWeight:0.##}%");
        }
        foreach (var q in questions.Where(q => q.Type == QuestionType.Scored && q.ScoreDescriptors.Count != 6))
        {
            Add($"Questions[{q.Id}].ScoreDescriptors", $"Question \"{Shorten(q.Text)}\" needs a descriptor for each score from 0 to 5");
        }

        if (p.SubmissionDeadline is not { } submission)
        {
            Add("SubmissionDeadline", "Enter the submission deadline");
        }
        else
        {
            if (submission <= utcNow)
            {
                Add("SubmissionDeadline", "The submission deadline must be in the future");
            }
            if (p.ClarificationDeadline is { } clarification && clarification >= submission)
            {
                Add("ClarificationDeadline", "The clarification deadline must be before the submission deadline");
            }
        }
        if (p.ClarificationDeadline is { } c && c <= utcNow)
        {
            Add("ClarificationDeadline", "The clarification deadline must be in the future");
        }

        if (p.PooledPartners.Count > 0 && p.PooledPartners.Sum(x => x.SharePercent) != 100m)
        {
            Add("PooledPartners", $"Pooled budget shares must add up to 100%; they add up to {p.PooledPartners.Sum(x => x.SharePercent):0.##}%");
        }
        return problems;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
