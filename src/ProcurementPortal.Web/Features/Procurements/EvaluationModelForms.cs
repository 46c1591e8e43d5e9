using System.Globalization;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// The price part of the evaluation model (its weight and the formula that scores it) and the evaluation settings the
/// tender declares with it: the tie-break rule, whether evaluators see bidder names, the abnormally low threshold.
/// </summary>
public sealed class PriceForm
{
    public string? PriceWeight { get; set; }
    public string? PriceFormula { get; set; }
    public string? TieBreakRule { get; set; }
    public string? HideBidderNames { get; set; }
    public string? AbnormallyLowThresholdPercent { get; set; }

    public static readonly IReadOnlyList<Choice> TieBreakRules =
    [
        new(nameof(Core.Domain.Evaluation.TieBreakRule.HigherQuality), "Higher quality score", "Of two equal totals, the higher quality score ranks first"),
        new(nameof(Core.Domain.Evaluation.TieBreakRule.LowerPrice), "Lower evaluated price", "Of two equal totals, the lower evaluated price ranks first"),
    ];

    public static readonly IReadOnlyList<Choice> YesNo = [new("true", "Yes"), new("false", "No")];

    public static readonly IReadOnlyList<Choice> Formulas =
    [
        new(PriceFormulas.LowestPriceRatio, "Lowest price ratio", "Score = price weight × lowest evaluated price ÷ this bid's evaluated price"),
        new(PriceFormulas.DifferenceFromLowest, "Difference from lowest", "Score = price weight × (1 − (price − lowest) ÷ lowest), not below zero"),
    ];

    public static PriceForm From(EvaluationModelCommand model) => new()
    {
        PriceWeight = model.PriceWeight?.ToString("0.##", CultureInfo.InvariantCulture),
        PriceFormula = model.PriceFormula,
        TieBreakRule = model.TieBreakRule,
        HideBidderNames = model.HideBidderNames == true ? "true" : "false",
        AbnormallyLowThresholdPercent = model.AbnormallyLowThresholdPercent?.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public EvaluationModelCommand ApplyTo(EvaluationModelCommand model, Errors errors) => model with
    {
        PriceWeight = FormValues.Number(errors, nameof(PriceWeight), PriceWeight, "the price weight as a percentage, like 40"),
        PriceFormula = PriceFormula,
        TieBreakRule = TieBreakRule,
        HideBidderNames = HideBidderNames == "true",
        AbnormallyLowThresholdPercent = FormValues.Number(errors, nameof(AbnormallyLowThresholdPercent), AbnormallyLowThresholdPercent,
            "the abnormally low threshold as a percentage, like 20"),
    };
}

public sealed class SectionForm
{
    public string? Title { get; set; }
}

/// <summary>One question of a section, as the question page asks for it.</summary>
public sealed class QuestionForm
{
    public const int Descriptors = 6;

    public string? Text { get; set; }
    public string? Type { get; set; } = nameof(QuestionType.Scored);
    public string? Weight { get; set; }
    public string? MinimumScore { get; set; }
    public string? WordLimit { get; set; }
    /// <summary>What each score from 0 to 5 means.</summary>
    public List<string?> ScoreDescriptors { get; set; } = [.. new string?[Descriptors]];
    public List<Guid> LotIds { get; set; } = [];
    public string? Attachments { get; set; } = nameof(AttachmentRule.None);

    public static readonly IReadOnlyList<Choice> AttachmentRules =
    [
        new(nameof(AttachmentRule.None), "No attachments"),
        new(nameof(AttachmentRule.Allowed), "Attachments allowed"),
        new(nameof(AttachmentRule.Required), "At least one attachment required"),
    ];

    public static readonly IReadOnlyList<Choice> Types =
    [
        new(nameof(QuestionType.Scored), "Scored from 0 to 5", "Weighted; each score has a descriptor"),
        new(nameof(QuestionType.PassFail), "Pass or fail", "A bid that fails is excluded; no weight"),
        new(nameof(QuestionType.InformationOnly), "Information only", "Not scored; no weight"),
    ];

    public static QuestionForm From(QuestionDto q) => new()
    {
        Text = q.Text,
        Type = q.Type,
        Weight = q.Weight.ToString("0.##", CultureInfo.InvariantCulture),
        MinimumScore = q.MinimumScore?.ToString(CultureInfo.InvariantCulture),
        WordLimit = q.WordLimit?.ToString(CultureInfo.InvariantCulture),
        ScoreDescriptors = [.. (q.ScoreDescriptors ?? []).Concat(Enumerable.Repeat("", Descriptors)).Take(Descriptors)],
        LotIds = [.. q.LotIds ?? []],
        Attachments = q.Attachments ?? nameof(AttachmentRule.None),
    };

    /// <summary>
    /// The question as the model holds it. Blank descriptors are left out, so that a partly described question
    /// meets the model's "six in all" rule rather than passing with empty ones.
    /// </summary>
    public QuestionDto ToDto(Errors errors)
    {
        while (ScoreDescriptors.Count < Descriptors)
        {
            ScoreDescriptors.Add("");
        }
        return new QuestionDto(
            Text?.Trim() ?? "",
            Type ?? "",
            FormValues.Number(errors, nameof(Weight), Weight, "the weight as a percentage, like 20") ?? 0m,
            FormValues.Whole(errors, nameof(MinimumScore), MinimumScore, "minimum score"),
            FormValues.Whole(errors, nameof(WordLimit), WordLimit, "word limit"),
            ScoreDescriptors.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()).ToList(),
            LotIds,
            Attachments);
    }
}

/// <summary>Changing one part of the whole evaluation model, which the use case then replaces in one go.</summary>
public static class EvaluationModelEdits
{
    public static EvaluationModelCommand WithSection(this EvaluationModelCommand model, int index, Func<SectionDto, SectionDto?> change)
    {
        var sections = (model.Sections ?? []).ToList();
        if (change(sections[index]) is { } changed)
        {
            sections[index] = changed;
        }
        else
        {
            sections.RemoveAt(index);
        }
        return model with { Sections = sections };
    }

    public static EvaluationModelCommand AddSection(this EvaluationModelCommand model, SectionDto section) =>
        model with { Sections = [.. model.Sections ?? [], section] };

    public static SectionDto WithQuestion(this SectionDto section, int index, QuestionDto? question)
    {
        var questions = section.Questions.ToList();
        if (index == questions.Count && question is not null)
        {
            questions.Add(question);
        }
        else if (question is not null)
        {
            questions[index] = question;
        }
        else
        {
            questions.RemoveAt(index);
        }
        return section with { Questions = questions };
    }

    public static bool HasSection(this EvaluationModelCommand model, int index) => index >= 0 && index < (model.Sections?.Count ?? 0);

    public static bool HasQuestion(this EvaluationModelCommand model, int section, int index) =>
        model.HasSection(section) && index >= 0 && index < model.Sections![section].Questions.Count;
}
