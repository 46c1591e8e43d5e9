using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>The whole evaluation model, replaced in one go: price weight and formula, sections and their questions.</summary>
public sealed record EvaluationModelCommand
{
    public decimal? PriceWeight { get; init; }
    /// <summary>lowest-price-ratio (default) or difference-from-lowest.</summary>
    public string? PriceFormula { get; init; }
    public List<SectionDto>? Sections { get; init; }
    /// <summary>How equal totals are ordered: HigherQuality (default) or LowerPrice.</summary>
    public string? TieBreakRule { get; init; }
    /// <summary>Evaluators see "Bidder A" … instead of names until moderation (default false).</summary>
    public bool? HideBidderNames { get; init; }
    /// <summary>A price more than this percentage below the lot's mean is abnormally low (default 20).</summary>
    public decimal? AbnormallyLowThresholdPercent { get; init; }

    /// <summary>The procurement's model as it stands.</summary>
    public static EvaluationModelCommand From(Procurement p) => new()
    {
        PriceWeight = p.PriceWeight, PriceFormula = p.PriceFormula, Sections = p.Sections.OrderBy(s => s.Number).Select(SectionDto.From).ToList(),
        TieBreakRule = p.TieBreakRule.ToString(), HideBidderNames = p.HideBidderNames, AbnormallyLowThresholdPercent = p.AbnormallyLowThresholdPercent,
    };

    public Errors Validate(IReadOnlyCollection<Guid> lotIds)
    {
        var errors = new Errors()
            .Require(PriceWeight is >= 0 and <= 100, nameof(PriceWeight), "Price weight must be between 0% and 100%")
            .Require(PriceFormula is null || PriceFormulas.All.Contains(PriceFormula), nameof(PriceFormula),
                $"Price formula must be one of: {string.Join(", ", PriceFormulas.All)}")
            .Require(TieBreakRule is null || Enum.TryParse<Core.Domain.Evaluation.TieBreakRule>(TieBreakRule, out var rule) && Enum.IsDefined(rule)
                && !TieBreakRule.Any(char.IsDigit), nameof(TieBreakRule), "Tie-break rule must be HigherQuality or LowerPrice")
            .Require(AbnormallyLowThresholdPercent is null or (> 0 and < 100), nameof(AbnormallyLowThresholdPercent),
                "Abnormally low threshold must be more than 0% and less than 100%");
        var sections = Sections ?? [];
        for (var s = 0; s < sections.Count; s++)
        {
            errors.Require(!string.IsNullOrWhiteSpace(sections[s].Title), $"Sections[{s}].Title", $"Enter a title for section {s + 1}");
            var questions = sections[s].Questions ?? [];
            for (var q = 0; q < questions.Count; q++)
            {
                var question = questions[q];
                var field = $"Sections[{s}].Questions[{q}]";
                var name = $"Question {q + 1} of section {s + 1}";
                var scored = string.Equals(question.Type, nameof(QuestionType.Scored), StringComparison.OrdinalIgnoreCase);
                errors.Require(!string.IsNullOrWhiteSpace(question.Text), $"{field}.Text", $"{name} needs its text")
                    .Require(Enum.TryParse<QuestionType>(question.Type, true, out _), $"{field}.Type", $"{name}: type must be PassFail, Scored or InformationOnly")
                    .Require(scored ? question.Weight > 0 : question.Weight == 0, $"{field}.Weight",
                        scored ? $"{name} is scored: give it a weight above 0%" : $"{name} is not scored: its weight must be 0%")
                    .Require(question.MinimumScore is null or >= 0 and <= 5, $"{field}.MinimumScore", $"{name}: minimum score must be from 0 to 5")
                    .Require(question.WordLimit is null or > 0, $"{field}.WordLimit", $"{name}: word limit must be at least 1")
                    .Require(question.Attachments is null || Enum.TryParse<AttachmentRule>(question.Attachments, true, out _), $"{field}.Attachments",
                        $"{name}: attachments must be None, Allowed or Required")
                    .Require(question.ScoreDescriptors is null or { Count: 0 } or { Count: 6 }, $"{field}.ScoreDescriptors",
                        $"{name}: give a descriptor for each score from 0 to 5 (six in all)")
                    .Require((question.LotIds ?? []).All(lotIds.Contains), $"{field}.LotIds", $"{name} names a lot that is not in this procurement");
            }
        }
        return errors;
    }
}

public sealed class PutEvaluationModelHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<Procurement>> HandleAsync(Guid procurementId, EvaluationModelCommand command, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null)
        {
            return Outcome<Procurement>.NotFound();
        }
        var errors = command.Validate(procurement.Lots.Select(l => l.Id).ToList());
        if (procurement.IsFrozen)
        {
            errors.Add("State", "The tender has been published: its evaluation model is frozen");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var sections = Replace(db, procurement, command);
        var quality = sections.SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.Scored).Sum(q => q.Weight);
        audit.Record("evaluation_model.replaced", nameof(Procurement), procurement.Id,
            $"{procurement.Reference}: {sections.Count} sections, quality {quality:0.##}%, price {procurement.PriceWeight:0.##}% ({procurement.PriceFormula}); "
            + $"ties to {procurement.TieBreakRule}, bidder names {(procurement.HideBidderNames ? "hidden" : "shown")}, abnormally low at more than {procurement.AbnormallyLowThresholdPercent:0.##}% below the mean");
        await db.SaveChangesAsync(ct);
        return Outcome<Procurement>.Ok(procurement);
    }

    /// <summary>
    /// Replaces the procurement's price weight and formula, sections and questions with a valid model's (the caller
    /// validates, audits and saves). Returns the new sections.
    /// </summary>
    internal static List<EvaluationSection> Replace(PortalDbContext db, Procurement procurement, EvaluationModelCommand command)
    {
        procurement.PriceWeight = command.PriceWeight!.Value;
        procurement.PriceFormula = command.PriceFormula ?? PriceFormulas.LowestPriceRatio;
        procurement.TieBreakRule = command.TieBreakRule is null ? Core.Domain.Evaluation.TieBreakRule.HigherQuality : Enum.Parse<Core.Domain.Evaluation.TieBreakRule>(command.TieBreakRule);
        procurement.HideBidderNames = command.HideBidderNames ?? false;
        procurement.AbnormallyLowThresholdPercent = command.AbnormallyLowThresholdPercent ?? 20m;
        db.EvaluationSections.RemoveRange(procurement.Sections);
        // Added through the DbSet: entities with client-generated keys found only by navigation would be taken as existing rows.
        var sections = (command.Sections ?? []).Select((s, si) => new EvaluationSection
        {
            Number = si + 1,
            Title = s.Title.Trim(),
            ProcurementId = procurement.Id,
            Questions = (s.Questions ?? []).Select((q, qi) => new EvaluationQuestion
            {
                Number = qi + 1,
                Text = q.Text.Trim(),
                Type = Enum.Parse<QuestionType>(q.Type, true),
                Weight = q.Weight,
                MinimumScore = q.MinimumScore,
                WordLimit = q.WordLimit,
                Attachments = q.Attachments is null ? AttachmentRule.None : Enum.Parse<AttachmentRule>(q.Attachments, true),
                ScoreDescriptors = q.ScoreDescriptors?.ToList() ?? [],
                LotIds = q.LotIds?.ToList() ?? [],
            }).ToList(),
        }).ToList();
        db.EvaluationSections.AddRange(sections);
        return sections;
    }
}
