using System.Globalization;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>The edit page's form: money, percent and the date as people type them; four option rows; the nine characteristics.</summary>
public sealed class DecisionReportForm
{
    public const int OptionRows = 4;

    public string? Title { get; set; }
    public string? SummaryOfMainIssues { get; set; }
    public string? Recommendations { get; set; }
    public string? Background { get; set; }
    public List<OptionRow> Options { get; set; } = [];
    /// <summary>The row number (0-based) of the preferred option.</summary>
    public string? PreferredOption { get; set; }
    public string? BudgetReductionPercent { get; set; }
    public string? ValueAndSavings { get; set; }
    public string? ConsultationAndEngagement { get; set; }
    public List<EqualityRow> Equality { get; set; } = [];
    public string? LegalImplications { get; set; }
    public string? FinancialImplications { get; set; }
    public string? DecisionMaker { get; set; }
    public string? DecisionDateDay { get; set; }
    public string? DecisionDateMonth { get; set; }
    public string? DecisionDateYear { get; set; }

    // A waiver report's own fields.
    public List<string> ContractIds { get; set; } = [];
    public string? ExtensionMonths { get; set; }
    public string? ExemptionCode { get; set; }
    public string? WaiverReasons { get; set; }
    public string? WaiverRisks { get; set; }
    public string? ReprocurementPlan { get; set; }

    public static DecisionReportForm From(DecisionReport r)
    {
        var form = new DecisionReportForm
        {
            Title = r.Title,
            SummaryOfMainIssues = r.SummaryOfMainIssues,
            Recommendations = r.Recommendations,
            Background = r.Background,
            Options = r.Options.Select(o => new OptionRow { Option = o.Option, Benefits = o.Benefits, Risks = o.Risks, Cost = Money.ForInput(o.Cost) }).ToList(),
            PreferredOption = r.Options.FindIndex(o => o.Preferred) is var i and >= 0 ? i.ToString(CultureInfo.InvariantCulture) : null,
            BudgetReductionPercent = r.BudgetReductionPercent?.ToString("0.##", CultureInfo.InvariantCulture),
            ValueAndSavings = r.ValueAndSavings,
            ConsultationAndEngagement = r.ConsultationAndEngagement,
            Equality = r.Equality.Select(e => new EqualityRow { Characteristic = e.Characteristic, Impact = e.Impact?.ToString(), Evidence = e.Evidence }).ToList(),
            LegalImplications = r.LegalImplications,
            FinancialImplications = r.FinancialImplications,
            DecisionMaker = r.DecisionMaker,
            DecisionDateDay = r.DecisionDate?.Day.ToString(CultureInfo.InvariantCulture),
            DecisionDateMonth = r.DecisionDate?.Month.ToString(CultureInfo.InvariantCulture),
            DecisionDateYear = r.DecisionDate?.Year.ToString(CultureInfo.InvariantCulture),
            ContractIds = r.Waiver?.Contracts.Select(c => c.ContractId.ToString()).ToList() ?? [],
            ExtensionMonths = r.Waiver?.ExtensionMonths.ToString(CultureInfo.InvariantCulture),
            ExemptionCode = r.Waiver?.ExemptionCode,
            WaiverReasons = r.Waiver?.Reasons,
            WaiverRisks = r.Waiver?.Risks,
            ReprocurementPlan = r.Waiver?.ReprocurementPlan,
        };
        return form.Padded();
    }

    /// <summary>Four option rows and a row per protected characteristic, whatever was posted.</summary>
    public DecisionReportForm Padded()
    {
        while (Options.Count < OptionRows) Options.Add(new OptionRow());
        Equality = ProtectedCharacteristics.All
            .Select(c => Equality.FirstOrDefault(e => e.Characteristic == c) ?? new EqualityRow { Characteristic = c })
            .ToList();
        return this;
    }

    public UpdateDecisionReportCommand ToCommand(Errors errors)
    {
        var options = Options.Select((o, i) => new OptionInput
        {
            Option = o.Option, Benefits = o.Benefits, Risks = o.Risks, Preferred = PreferredOption == i.ToString(CultureInfo.InvariantCulture),
            Cost = Money.TryParse(o.Cost, out var cost) ? cost : Invalid(errors, $"Options[{i}].Cost", "Enter the cost as an amount of money, like 1,201,227"),
        }).ToList();
        decimal? percent = null;
        if (!string.IsNullOrWhiteSpace(BudgetReductionPercent))
        {
            percent = decimal.TryParse(BudgetReductionPercent.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p)
                ? p : Invalid(errors, nameof(BudgetReductionPercent), "Enter the budget reduction as a number, like 10");
        }
        return new UpdateDecisionReportCommand
        {
            Title = Title,
            SummaryOfMainIssues = SummaryOfMainIssues,
            Recommendations = Recommendations,
            Background = Background,
            Options = options,
            BudgetReductionPercent = percent,
            ValueAndSavings = ValueAndSavings,
            ConsultationAndEngagement = ConsultationAndEngagement,
            Equality = Equality.Select(e => new EqualityInput
            {
                Characteristic = e.Characteristic,
                Impact = Enum.TryParse<EqualityImpact>(e.Impact, out var impact) ? impact : null,
                Evidence = e.Evidence,
            }).ToList(),
            LegalImplications = LegalImplications,
            FinancialImplications = FinancialImplications,
            DecisionMaker = DecisionMaker,
            DecisionDate = ReadDecisionDate(errors),
            ContractIds = WaiverForm.Ids(ContractIds),
            ExtensionMonths = WaiverForm.Months(ExtensionMonths, errors),
            ExemptionCode = string.IsNullOrWhiteSpace(ExemptionCode) ? null : ExemptionCode,
            WaiverReasons = WaiverReasons,
            WaiverRisks = WaiverRisks,
            ReprocurementPlan = ReprocurementPlan,
        };
    }

    private DateOnly? ReadDecisionDate(Errors errors) =>
        DateParts.Read(DecisionDateDay, DecisionDateMonth, DecisionDateYear, errors, "DecisionDateDay", "the date of the decision");

    private static T? Invalid<T>(Errors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    private static decimal? Invalid(Errors errors, string field, string message) => Invalid<decimal>(errors, field, message);
}

/// <summary>The new waiver page's form: a title, contracts ticked from the register, and the months to extend them by.</summary>
public sealed class NewWaiverForm
{
    public string? Title { get; set; }
    public List<string> ContractIds { get; set; } = [];
    public string? ExtensionMonths { get; set; }

    public DraftWaiverReportCommand ToCommand(Errors errors) => new()
    {
        Title = Title,
        ContractIds = WaiverForm.Ids(ContractIds),
        ExtensionMonths = WaiverForm.Months(ExtensionMonths, errors),
    };
}

/// <summary>Reading a waiver's fields as the pages post them.</summary>
public static class WaiverForm
{
    /// <summary>The ticked contracts; a value that is not an id cannot match a contract and is dropped.</summary>
    public static List<Guid> Ids(IEnumerable<string> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();

    public static int? Months(string? value, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            return months;
        }
        errors.Add(nameof(NewWaiverForm.ExtensionMonths), "Enter the extension as a whole number of months, like 12");
        return null;
    }

    /// <summary>A register contract as a choice: reference and provider, with its term and annual value as the hint.</summary>
    public static Choice ContractChoice(Core.Domain.Award.Contract c) => new(c.Id.ToString(), $"{c.Reference} {c.ProviderName}",
        $"{c.Title}. Ends {c.EndsOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}; {Money.Format(c.AnnualValue)} a year");
}

public sealed class OptionRow
{
    public string? Option { get; set; }
    public string? Benefits { get; set; }
    public string? Risks { get; set; }
    public string? Cost { get; set; }
}

public sealed class EqualityRow
{
    public string? Characteristic { get; set; }
    public string? Impact { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>The template page's form: per known section, whether it is included, its place, and its standing text.</summary>
public sealed class ReportTemplateForm
{
    public const int BlankExemptionRows = 2;

    public string? KeyDecisionThreshold { get; set; }
    public List<TemplateRow> Sections { get; set; } = [];
    public List<ExemptionRow> Exemptions { get; set; } = [];

    public static ReportTemplateForm From(DecisionReportTemplate template)
    {
        var rows = template.Sections.Select((s, i) => new TemplateRow { Key = s.Key, Included = true, Position = (i + 1).ToString(CultureInfo.InvariantCulture), Boilerplate = s.Boilerplate }).ToList();
        rows.AddRange(ReportSections.Defaults.Where(d => rows.All(r => r.Key != d.Key)).Select(d => new TemplateRow { Key = d.Key, Included = false, Boilerplate = d.DefaultBoilerplate }));
        var exemptions = template.ExemptionChoices().Select(e => new ExemptionRow { Code = e.Code, Description = e.Description }).ToList();
        exemptions.AddRange(Enumerable.Range(0, BlankExemptionRows).Select(_ => new ExemptionRow()));
        return new ReportTemplateForm { KeyDecisionThreshold = Money.ForInput(template.KeyDecisionThreshold), Sections = rows, Exemptions = exemptions };
    }

    public SaveReportTemplateCommand ToCommand(Errors errors)
    {
        var threshold = Money.TryParse(KeyDecisionThreshold, out var amount) ? amount : null;
        errors.Require(Money.TryParse(KeyDecisionThreshold, out _), nameof(KeyDecisionThreshold), "Enter the key decision threshold as an amount of money, like 500,000");
        for (var i = 0; i < Sections.Count; i++)
        {
            errors.Require(!Sections[i].Included || int.TryParse(Sections[i].Position, out _), $"Sections[{i}].Position", "Enter the section's place as a whole number, like 3");
        }
        return new SaveReportTemplateCommand
        {
            KeyDecisionThreshold = threshold,
            Sections = Sections.Where(s => s.Included)
                .OrderBy(s => int.TryParse(s.Position, out var p) ? p : int.MaxValue)
                .Select(s => new TemplateSectionInput { Key = s.Key, Boilerplate = s.Boilerplate })
                .ToList(),
            Exemptions = Exemptions.Where(e => !string.IsNullOrWhiteSpace(e.Code) || !string.IsNullOrWhiteSpace(e.Description))
                .Select(e => new ExemptionInput { Code = e.Code, Description = e.Description })
                .ToList(),
        };
    }
}

public sealed class ExemptionRow
{
    public string? Code { get; set; }
    public string? Description { get; set; }
}

public sealed class TemplateRow
{
    public string? Key { get; set; }
    public bool Included { get; set; }
    public string? Position { get; set; }
    public string? Boilerplate { get; set; }
}
