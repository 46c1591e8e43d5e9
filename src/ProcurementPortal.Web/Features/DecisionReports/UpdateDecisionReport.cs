using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record OptionInput
{
    public string? Option { get; init; }
    public string? Benefits { get; init; }
    public string? Risks { get; init; }
    public decimal? Cost { get; init; }
    public bool Preferred { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Option) && string.IsNullOrWhiteSpace(Benefits) && string.IsNullOrWhiteSpace(Risks) && Cost is null;
}

public sealed record EqualityInput
{
    /// <summary>One of the nine protected characteristics of the Equality Act 2010, as the report lists them.</summary>
    public string? Characteristic { get; init; }
    /// <summary>Positive, Negative, Neutral or Unsure.</summary>
    public EqualityImpact? Impact { get; init; }
    public string? Evidence { get; init; }
}

/// <summary>The whole content of a draft decision report (what is left out is emptied).</summary>
public sealed record UpdateDecisionReportCommand
{
    public string? Title { get; init; }
    public string? SummaryOfMainIssues { get; init; }
    public string? Recommendations { get; init; }
    public string? Background { get; init; }
    public IReadOnlyList<OptionInput>? Options { get; init; }
    /// <summary>The cut to today's budget, in percent: the new budget and the saving are computed from it.</summary>
    public decimal? BudgetReductionPercent { get; init; }
    public string? ValueAndSavings { get; init; }
    public string? ConsultationAndEngagement { get; init; }
    public IReadOnlyList<EqualityInput>? Equality { get; init; }
    public string? LegalImplications { get; init; }
    public string? FinancialImplications { get; init; }
    public string? DecisionMaker { get; init; }
    public DateOnly? DecisionDate { get; init; }

    /// <summary>A waiver report's contracts (ignored for a procurement's report).</summary>
    public IReadOnlyList<Guid>? ContractIds { get; init; }
    /// <summary>A waiver report's extension, in months (ignored for a procurement's report).</summary>
    public int? ExtensionMonths { get; init; }
    /// <summary>The code of the exemption in the tenant's contract procedure rules that the waiver relies on.</summary>
    public string? ExemptionCode { get; init; }
    public string? WaiverReasons { get; init; }
    public string? WaiverRisks { get; init; }
    public string? ReprocurementPlan { get; init; }

    public const int MaxText = 20000;

    public Errors Validate()
    {
        var errors = new Errors()
            .RequireText(Title, nameof(Title), "a title for the report", 300)
            .LimitText(DecisionMaker, nameof(DecisionMaker), "the decision-maker", 300)
            .Require(BudgetReductionPercent is null or (>= 0 and <= 100), nameof(BudgetReductionPercent), "The budget reduction must be between 0% and 100%")
            .Require(DecisionDate is not { } d || UkCalendar.CoversDecisionOn(d), nameof(DecisionDate),
                $"The date of the decision must be between March {UkCalendar.FirstYear} and November {UkCalendar.LastYear}, the years the bank holiday calendar covers");
        foreach (var (text, field) in new[]
                 {
                     (SummaryOfMainIssues, nameof(SummaryOfMainIssues)), (Recommendations, nameof(Recommendations)), (Background, nameof(Background)),
                     (ValueAndSavings, nameof(ValueAndSavings)), (ConsultationAndEngagement, nameof(ConsultationAndEngagement)),
                     (LegalImplications, nameof(LegalImplications)), (FinancialImplications, nameof(FinancialImplications)),
                     (WaiverReasons, nameof(WaiverReasons)), (WaiverRisks, nameof(WaiverRisks)), (ReprocurementPlan, nameof(ReprocurementPlan)),
                 })
        {
            errors.LimitText(text, field, "the text", MaxText);
        }
        var options = Options ?? [];
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            if (o.IsBlank)
            {
                continue;
            }
            errors.RequireText(o.Option, $"Options[{i}].Option", $"what option {i + 1} is", 500)
                .LimitText(o.Benefits, $"Options[{i}].Benefits", "the benefits", 4000)
                .LimitText(o.Risks, $"Options[{i}].Risks", "the risks", 4000)
                .Require(o.Cost is null or >= 0, $"Options[{i}].Cost", "The cost must be £0 or more");
        }
        errors.Require(options.Count(o => o.Preferred) <= 1, nameof(Options), "Choose one preferred option only");
        var equality = Equality ?? [];
        for (var i = 0; i < equality.Count; i++)
        {
            errors.Require(equality[i].Characteristic is { } c && ProtectedCharacteristics.All.Contains(c), $"Equality[{i}].Characteristic",
                    $"A characteristic must be one of: {string.Join(", ", ProtectedCharacteristics.All)}")
                .LimitText(equality[i].Evidence, $"Equality[{i}].Evidence", "the evidence", 4000);
        }
        errors.Require(equality.Select(e => e.Characteristic).Distinct().Count() == equality.Count, nameof(Equality), "Assess each protected characteristic once");
        return errors;
    }

    /// <summary>The waiver's own rules: at least one contract, a sensible extension, and an exemption from the tenant's list.</summary>
    public Errors ValidateWaiver(Errors errors, IReadOnlyList<WaiverExemption> exemptions) => errors
        .Require(ContractIds is { Count: > 0 }, nameof(ContractIds), "Select the contracts the waiver extends")
        .Require(ExtensionMonths is >= WaiverRules.MinMonths and <= WaiverRules.MaxMonths, nameof(ExtensionMonths),
            $"The extension must be between {WaiverRules.MinMonths} and {WaiverRules.MaxMonths} months")
        .Require(string.IsNullOrWhiteSpace(ExemptionCode) || exemptions.Any(e => e.Code == ExemptionCode), nameof(ExemptionCode),
            "Choose an exemption from your organisation's contract procedure rules");
}

/// <summary>
/// An officer changes a draft decision report. Only a draft changes: a report in review waits for its decision, and
/// an approved one is the record of a decision — the refusal is audited, and a new version is the way to change it.
/// </summary>
public sealed class UpdateDecisionReportHandler(PortalDbContext db, AuditLog audit, DecisionReportQueries queries)
{
    public async Task<Outcome<DecisionReport>> HandleAsync(Guid id, UpdateDecisionReportCommand command, CancellationToken ct)
    {
        if (await db.DecisionReports.SingleOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return Outcome<DecisionReport>.NotFound();
        }
        if (await DecisionReportRules.RefuseChangeAsync(db, audit, report, ct) is { } refused)
        {
            return refused;
        }
        var errors = command.Validate();
        var exemptions = (await queries.TemplateAsync(ct)).ExemptionChoices();
        if (report.SubjectType == DecisionSubjectType.Waiver)
        {
            command.ValidateWaiver(errors, exemptions);
            await WaiverRules.CheckContractsAsync(db, command.ContractIds, errors, nameof(command.ContractIds), ct);
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        if (report.SubjectType == DecisionSubjectType.Waiver)
        {
            var exemption = exemptions.FirstOrDefault(e => e.Code == command.ExemptionCode);
            report.Waiver = new WaiverDetails
            {
                Contracts = command.ContractIds!.Distinct().Select(c => new WaivedContract { ContractId = c }).ToList(),
                ExtensionMonths = command.ExtensionMonths!.Value,
                ExemptionCode = exemption?.Code,
                ExemptionText = exemption?.Description ?? "",
                Reasons = Clean(command.WaiverReasons),
                Risks = Clean(command.WaiverRisks),
                ReprocurementPlan = Clean(command.ReprocurementPlan),
            };
        }
        report.Title = command.Title!.Trim();
        report.SummaryOfMainIssues = Clean(command.SummaryOfMainIssues);
        report.Recommendations = Clean(command.Recommendations);
        report.Background = Clean(command.Background);
        report.Options = (command.Options ?? []).Where(o => !o.IsBlank).Select(o => new ReportOption
        {
            Option = o.Option!.Trim(), Benefits = Clean(o.Benefits), Risks = Clean(o.Risks), Cost = o.Cost, Preferred = o.Preferred,
        }).ToList();
        report.BudgetReductionPercent = command.BudgetReductionPercent;
        report.ValueAndSavings = Clean(command.ValueAndSavings);
        report.ConsultationAndEngagement = Clean(command.ConsultationAndEngagement);
        report.Equality = ProtectedCharacteristics.All.Select(c =>
        {
            var given = (command.Equality ?? []).FirstOrDefault(e => e.Characteristic == c);
            return new EqualityAssessment { Characteristic = c, Impact = given?.Impact, Evidence = Clean(given?.Evidence) };
        }).ToList();
        report.LegalImplications = Clean(command.LegalImplications);
        report.FinancialImplications = Clean(command.FinancialImplications);
        report.DecisionMaker = Clean(command.DecisionMaker);
        report.DecisionDate = command.DecisionDate;
        report.UpdatedAt = await db.DatabaseNowAsync(ct);
        audit.Record("decision-report.changed", nameof(DecisionReport), report.Id, $"{report.Title} (version {report.Version})");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReport>.Ok(report);
    }

    private static string Clean(string? text) => text?.Trim() ?? "";
}

/// <summary>The rules of a report's state that several use cases share.</summary>
public static class DecisionReportRules
{
    public const string ApprovedMessage = "This report is approved and cannot be changed. Make a new version to change it";

    /// <summary>
    /// Null when the report may change; else the error. Changing an approved report is refused and the attempt audited
    /// (the audit event is saved on its own: nothing else of the attempt is).
    /// </summary>
    public static async Task<Errors?> RefuseChangeAsync(PortalDbContext db, AuditLog audit, DecisionReport report, CancellationToken ct)
    {
        switch (report.Status)
        {
            case DecisionReportStatus.Draft:
                return null;
            case DecisionReportStatus.Approved:
                audit.Record("decision-report.change-refused", nameof(DecisionReport), report.Id, $"{report.Title} (version {report.Version}) is approved");
                await db.SaveChangesAsync(ct);
                return new Errors().Add("Status", ApprovedMessage);
            case DecisionReportStatus.InReview:
                return new Errors().Add("Status", "This report is in review and cannot be changed until an approver decides on it");
            default:
                return new Errors().Add("Status", "This report was rejected. Make a new version to change it");
        }
    }
}
