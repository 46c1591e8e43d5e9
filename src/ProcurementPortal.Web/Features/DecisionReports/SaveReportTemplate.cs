using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.DecisionReports;

public sealed record TemplateSectionInput
{
    /// <summary>A section key: summary, recommendations, background, waived-contracts, waiver-reasons, waiver-risks, reprocurement, options, value-and-savings, pooled-budget, consultation, equality, legal, financial, timetable, key-decision, decision-maker.</summary>
    public string? Key { get; init; }
    /// <summary>Standing text printed under the section's heading in every report.</summary>
    public string? Boilerplate { get; init; }
}

/// <summary>One exemption of the tenant's contract procedure rules that a waiver may rely on.</summary>
public sealed record ExemptionInput
{
    /// <summary>Its number in the rules, e.g. "CPR 3.1.7".</summary>
    public string? Code { get; init; }
    /// <summary>What it allows.</summary>
    public string? Description { get; init; }
}

/// <summary>The tenant's report template: the sections in the order printed (a section left out is not printed).</summary>
public sealed record SaveReportTemplateCommand
{
    /// <summary>A decision worth more than this is a key decision.</summary>
    public decimal? KeyDecisionThreshold { get; init; }
    public IReadOnlyList<TemplateSectionInput>? Sections { get; init; }
    /// <summary>The exemptions a waiver may rely on; none means the starting list.</summary>
    public IReadOnlyList<ExemptionInput>? Exemptions { get; init; }

    public Errors Validate()
    {
        var errors = new Errors()
            .Require(KeyDecisionThreshold is not null, nameof(KeyDecisionThreshold), "Enter the key decision threshold")
            .Require(KeyDecisionThreshold is null or >= 0, nameof(KeyDecisionThreshold), "The key decision threshold must be £0 or more")
            .Require(Sections is { Count: > 0 }, nameof(Sections), "Include at least one section");
        var sections = Sections ?? [];
        for (var i = 0; i < sections.Count; i++)
        {
            errors.Require(sections[i].Key is { } key && ReportSections.Find(key) is not null, $"Sections[{i}].Key",
                    $"A section must be one of: {string.Join(", ", ReportSections.Defaults.Select(s => s.Key))}")
                .LimitText(sections[i].Boilerplate, $"Sections[{i}].Boilerplate", "the standing text", 4000);
        }
        errors.Require(sections.Select(s => s.Key).Distinct().Count() == sections.Count, nameof(Sections), "Include each section once");
        var exemptions = Exemptions ?? [];
        for (var i = 0; i < exemptions.Count; i++)
        {
            errors.RequireText(exemptions[i].Code, $"Exemptions[{i}].Code", "the exemption's number in your rules", 40)
                .RequireText(exemptions[i].Description, $"Exemptions[{i}].Description", "what the exemption allows", 500);
        }
        errors.Require(exemptions.Select(e => e.Code?.Trim()).Distinct().Count() == exemptions.Count, nameof(Exemptions), "Give each exemption its own number");
        return errors;
    }
}

/// <summary>A tenant admin sets the tenant's template for decision reports: section order, standing text, key decision threshold.</summary>
public sealed class SaveReportTemplateHandler(PortalDbContext db, AuditLog audit)
{
    public async Task<Outcome<DecisionReportTemplate>> HandleAsync(SaveReportTemplateCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var template = await db.DecisionReportTemplates.SingleOrDefaultAsync(ct);
        if (template is null)
        {
            template = new DecisionReportTemplate();
            db.DecisionReportTemplates.Add(template);
        }
        template.KeyDecisionThreshold = command.KeyDecisionThreshold!.Value;
        template.Sections = command.Sections!.Select(s => new TemplateSection { Key = s.Key!, Boilerplate = s.Boilerplate?.Trim() ?? "" }).ToList();
        template.Exemptions = (command.Exemptions ?? []).Select(e => new WaiverExemption { Code = e.Code!.Trim(), Description = e.Description!.Trim() }).ToList();
        template.UpdatedAt = await db.DatabaseNowAsync(ct);
        audit.Record("decision-report-template.saved", nameof(DecisionReportTemplate), template.Id,
            $"Sections: {string.Join(", ", template.Sections.Select(s => s.Key))}; key decisions over {Money.Format(template.KeyDecisionThreshold)}; exemptions: {(template.Exemptions.Count == 0 ? "the starting list" : string.Join(", ", template.Exemptions.Select(e => e.Code)))}");
        await db.SaveChangesAsync(ct);
        return Outcome<DecisionReportTemplate>.Ok(template);
    }
}
