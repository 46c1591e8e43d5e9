using System.Globalization;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Pdf;

namespace ProcurementPortal.Core.Reports;

/// <summary>The tenant's letterhead on a report: name, one-line address and logo.</summary>
public sealed record Letterhead(string Name, string? Address, byte[]? Logo);

/// <summary>
/// A decision report as a document: the letterhead, the title and its particulars, then the sections in the tenant's
/// order, each with its standing text and its content. The PDF is drawn from it, and the HTML preview shows the same
/// blocks, so the page and the paper say the same.
/// </summary>
public static class DecisionReportDocument
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static PdfDocumentModel Build(DecisionReport report, DecisionReportFacts facts, DecisionReportTemplate template, Letterhead letterhead)
    {
        var blocks = new List<PdfBlock>();
        if (letterhead.Logo is { Length: > 0 } logo)
        {
            blocks.Add(new PdfImage(logo, 120, PdfAlign.Right));
        }
        blocks.Add(new PdfParagraph([new PdfTextRun(letterhead.Name, Bold: true)]));
        if (!string.IsNullOrWhiteSpace(letterhead.Address))
        {
            blocks.Add(new PdfParagraph(letterhead.Address));
        }
        blocks.Add(new PdfSpacer(8));
        blocks.Add(new PdfHeading(report.Title, 1));
        blocks.Add(new PdfKeyValueList(
        [
            new("Subject", $"{facts.SubjectReference} {facts.SubjectTitle}"),
            new("Version", $"{report.Version} ({Describe(report.Status)})"),
            new("Report author", report.AuthorName),
            new("Decision-maker", Or(report.DecisionMaker, "Not yet named")),
            new("Date of decision", report.DecisionDate is { } d ? Day(d) : "Not yet set"),
            new("Key decision", facts.KeyDecision.IsKeyDecision ? "Yes" : "No"),
        ]));
        foreach (var section in template.SectionsFor(report.SubjectType))
        {
            if (ReportSections.Find(section.Key) is not { } known)
            {
                continue;
            }
            blocks.Add(new PdfHeading(known.Heading, 2));
            if (!string.IsNullOrWhiteSpace(section.Boilerplate))
            {
                blocks.AddRange(Paragraphs(section.Boilerplate));
            }
            blocks.AddRange(Content(section.Key, report, facts));
        }
        return new PdfDocumentModel
        {
            Title = report.Title,
            Author = letterhead.Name,
            Subject = $"Decision report, version {report.Version}",
            RunningFooter = $"{facts.SubjectReference} decision report v{report.Version}",
            Blocks = blocks,
        };
    }

    public static string Describe(DecisionReportStatus status) => status switch
    {
        DecisionReportStatus.Draft => "draft",
        DecisionReportStatus.InReview => "in review",
        DecisionReportStatus.Approved => "approved",
        DecisionReportStatus.Rejected => "rejected",
        _ => status.ToString(),
    };

    public static string Money(decimal amount) =>
        (amount < 0 ? "\u2212£" : "£") + Math.Abs(amount).ToString(amount % 1 == 0 ? "#,##0" : "#,##0.00", English);

    public static string Percent(decimal percent) => $"{percent.ToString("0.##", English)}%";

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    private static IEnumerable<PdfBlock> Content(string key, DecisionReport report, DecisionReportFacts facts) => key switch
    {
        ReportSections.Summary => Text(report.SummaryOfMainIssues),
        ReportSections.Recommendations => Text(report.Recommendations),
        ReportSections.Background => Text(report.Background),
        ReportSections.WaivedContracts => WaivedContracts(facts),
        ReportSections.WaiverReasons => WaiverReasons(report, facts),
        ReportSections.WaiverRisks => Text(report.Waiver?.Risks ?? ""),
        ReportSections.Reprocurement => Text(report.Waiver?.ReprocurementPlan ?? ""),
        ReportSections.Options => OptionsAppraisal(report),
        ReportSections.ValueAndSavings => ValueAndSavings(report, facts),
        ReportSections.PooledBudget => PooledBudget(facts),
        ReportSections.Consultation => Consultation(report, facts),
        ReportSections.Equality => EqualityAssessment(report),
        ReportSections.Legal => Text(report.LegalImplications),
        ReportSections.Financial => Text(report.FinancialImplications),
        ReportSections.Timetable => Timetable(facts),
        ReportSections.KeyDecision => KeyDecision(facts),
        ReportSections.DecisionMaker => DecisionMaker(report),
        _ => [],
    };

    private static IEnumerable<PdfBlock> WaivedContracts(DecisionReportFacts facts)
    {
        if (facts.Waiver is not { Contracts.Count: > 0 } w)
        {
            return [new PdfParagraph("No contract has been chosen yet.")];
        }
        var rows = w.Contracts.Select(c => (IReadOnlyList<string>)
        [
            c.Reference, c.Provider, $"{ShortDay(c.StartsOn)} to {ShortDay(c.EndsOn)}", Money(c.AnnualValue), ShortDay(c.NewEndsOn), Money(c.ExtensionValue),
        ]).ToList();
        rows.Add(["Total", $"{w.Contracts.Count} contract{(w.Contracts.Count == 1 ? "" : "s")}", "", Money(w.TotalAnnualValue), w.LatestNewEndsOn is { } end ? ShortDay(end) : "", Money(w.TotalExtensionValue)]);
        var blocks = new List<PdfBlock>
        {
            new PdfTable(
                [new("Contract", 0.19f), new("Provider", 0.2f), new("Current term", 0.18f), new("Annual value", 0.15f, PdfAlign.Right),
                 new("New end", 0.12f, PdfAlign.Right), new("Extension value", 0.16f, PdfAlign.Right)],
                rows),
            new PdfParagraph($"Extending {(w.Contracts.Count == 1 ? "the contract" : $"the {w.Contracts.Count} contracts")} by {w.ExtensionMonths} months adds {Money(w.TotalExtensionValue)} to their value of {Money(w.TotalValue)} so far."),
        };
        var history = w.Contracts.SelectMany(c => c.History.Select(h => (IReadOnlyList<string>)
            [c.Reference, ShortDay(h.PreviousEndsOn), ShortDay(h.NewEndsOn), Money(h.AddedValue), h.Authority])).ToList();
        blocks.Add(new PdfHeading("Extension history", 3));
        blocks.Add(history.Count == 0
            ? new PdfParagraph("None of these contracts has been extended before.")
            : new PdfTable([new("Contract", 0.19f), new("Ended", 0.13f, PdfAlign.Right), new("Extended to", 0.14f, PdfAlign.Right), new("Added value", 0.15f, PdfAlign.Right), new("Authority", 0.39f)], history));
        return blocks;
    }

    private static IEnumerable<PdfBlock> WaiverReasons(DecisionReport report, DecisionReportFacts facts)
    {
        var blocks = new List<PdfBlock>
        {
            facts.Waiver?.ExemptionCode is { } code
                ? new PdfParagraph([new PdfTextRun($"{code}: ", Bold: true), new PdfTextRun(facts.Waiver.ExemptionText)])
                : new PdfParagraph("No exemption has been chosen yet."),
        };
        blocks.AddRange(Text(report.Waiver?.Reasons ?? ""));
        return blocks;
    }

    private static string ShortDay(DateOnly day) => day.ToString("d MMM yyyy", English);

    private static IEnumerable<PdfBlock> OptionsAppraisal(DecisionReport report)
    {
        if (report.Options.Count == 0)
        {
            return [new PdfParagraph("No options have been appraised yet.")];
        }
        return
        [
            new PdfTable(
                [new("Option", 0.24f), new("Benefits", 0.26f), new("Risks", 0.26f), new("Cost", 0.13f, PdfAlign.Right), new("Preferred", 0.11f)],
                report.Options.Select(o => (IReadOnlyList<string>)[o.Option, o.Benefits, o.Risks, o.Cost is { } c ? Money(c) : "", o.Preferred ? "Preferred" : ""]).ToList()),
        ];
    }

    private static IEnumerable<PdfBlock> ValueAndSavings(DecisionReport report, DecisionReportFacts facts)
    {
        var blocks = new List<PdfBlock>();
        if (facts.Savings is { } s)
        {
            var items = new List<PdfKeyValue>
            {
                new("Current annual budget", Money(s.CurrentBudget)),
                new("Reduction", Percent(s.ReductionPercent)),
                new("New annual budget", Money(s.NewBudget)),
                new("Annual saving", Money(s.Saving)),
            };
            if (s.SavingOverTerm is { } overTerm && s.TermMonths is { } months)
            {
                items.Add(new($"Saving over the {months}-month term", Money(overTerm)));
            }
            blocks.Add(new PdfKeyValueList(items));
            blocks.Add(new PdfParagraph($"The budget of {Money(s.CurrentBudget)} reduced by {Percent(s.ReductionPercent)} is {Money(s.NewBudget)}, a saving of {Money(s.Saving)} a year."));
        }
        else
        {
            blocks.Add(new PdfParagraph("No budget reduction is proposed, or the procurement has no budget yet."));
        }
        blocks.AddRange(Text(report.ValueAndSavings));
        return blocks;
    }

    private static IEnumerable<PdfBlock> PooledBudget(DecisionReportFacts facts)
    {
        if (facts.PooledSplit.Count == 0)
        {
            return [new PdfParagraph("The budget is not pooled: one commissioner funds the whole of it.")];
        }
        var rows = facts.PooledSplit.Select(p => (IReadOnlyList<string>)[p.Partner, Percent(p.SharePercent), p.Amount is { } a ? Money(a) : "Not known"]).ToList();
        rows.Add(["Total", Percent(facts.PooledSplit.Sum(p => p.SharePercent)), facts.PooledAmount is { } total ? Money(total) : "Not known"]);
        return [new PdfTable([new("Partner", 0.5f), new("Share", 0.2f, PdfAlign.Right), new("Annual contribution", 0.3f, PdfAlign.Right)], rows)];
    }

    private static IEnumerable<PdfBlock> Consultation(DecisionReport report, DecisionReportFacts facts)
    {
        var blocks = new List<PdfBlock>();
        if (facts.Events.Count > 0)
        {
            blocks.Add(new PdfHeading("Provider engagement events", 3));
            blocks.Add(new PdfTable(
                [new("Event", 0.3f), new("When", 0.3f), new("Where", 0.2f), new("Places", 0.1f, PdfAlign.Right), new("Providers registered", 0.1f, PdfAlign.Right)],
                facts.Events.Select(e => (IReadOnlyList<string>)[e.Title, UkEventTime.Range(e.StartsAt, e.EndsAt), e.Place ?? "",
                    e.Capacity.ToString(English), e.Waiting > 0 ? $"{e.Registered} (+{e.Waiting} waiting)" : e.Registered.ToString(English)]).ToList()));
        }
        blocks.Add(new PdfHeading("Expressions of interest", 3));
        blocks.Add(facts.ExpressionsOfInterest.Count == 0
            ? new PdfParagraph("No provider expressed interest through the market intent statement.")
            : new PdfParagraph($"{facts.ExpressionsOfInterest.Count} provider{(facts.ExpressionsOfInterest.Count == 1 ? "" : "s")} expressed interest, offering {facts.ExpressionsOfInterest.Sum(i => i.CapacityHoursPerWeek).ToString("#,##0", English)} hours of support a week between them."));
        if (facts.ExpressionsOfInterest.Count > 0)
        {
            blocks.Add(new PdfTable(
                [new("Provider", 0.35f), new("Areas of interest", 0.45f), new("Hours a week", 0.2f, PdfAlign.Right)],
                facts.ExpressionsOfInterest.Select(i => (IReadOnlyList<string>)[i.Provider, i.AreasOfInterest, i.CapacityHoursPerWeek.ToString("#,##0", English)]).ToList()));
        }
        blocks.AddRange(Text(report.ConsultationAndEngagement));
        return blocks;
    }

    private static IEnumerable<PdfBlock> EqualityAssessment(DecisionReport report) =>
    [
        new PdfTable(
            [new("Protected characteristic", 0.3f), new("Impact", 0.15f), new("Evidence", 0.55f)],
            ProtectedCharacteristics.All.Select(c =>
            {
                var row = report.Equality.FirstOrDefault(e => e.Characteristic == c);
                return (IReadOnlyList<string>)[c, row?.Impact?.ToString() ?? "Not assessed", row?.Evidence ?? ""];
            }).ToList()),
    ];

    private static IEnumerable<PdfBlock> Timetable(DecisionReportFacts facts) => facts.Timetable.Count == 0
        ? [new PdfParagraph("The procurement has no dates yet.")]
        : [new PdfTable([new("Date", 0.35f), new("Step", 0.65f)],
            facts.Timetable.Select(t => (IReadOnlyList<string>)[t.MonthOnly ? t.Date.ToString("MMMM yyyy", English) : Day(t.Date), t.Label]).ToList())];

    private static IEnumerable<PdfBlock> KeyDecision(DecisionReportFacts facts)
    {
        var k = facts.KeyDecision;
        var items = new List<PdfKeyValue>
        {
            new("Key decision", k.IsKeyDecision ? "Yes" : "No"),
            new("Value", k.Value is { } v ? Money(v) : "Not known"),
            new("Key decision threshold", $"over {Money(k.Threshold)}"),
        };
        if (k.IsKeyDecision)
        {
            items.Add(new("On the forward plan by", k.ForwardPlanNoticeBy is { } n ? Day(n) : "Set the date of the decision"));
        }
        items.Add(new("Call-in period ends", k.CallInEnds is { } c ? Day(c) : "Set the date of the decision"));
        return [new PdfKeyValueList(items)];
    }

    private static IEnumerable<PdfBlock> DecisionMaker(DecisionReport report)
    {
        var blocks = new List<PdfBlock> { new PdfParagraph(Or(report.DecisionMaker, "Not yet named")) };
        if (report.Status == DecisionReportStatus.Approved && report.DecidedByName is { } approver)
        {
            blocks.Add(new PdfSignature(approver, "Approved", report.DecidedAt is { } at ? Day(DateOnly.FromDateTime(UkEventTime.ToUkOffset(at).DateTime)) : null));
        }
        return blocks;
    }

    private static IEnumerable<PdfBlock> Text(string text) =>
        string.IsNullOrWhiteSpace(text) ? [new PdfParagraph("Not yet written.")] : Paragraphs(text);

    /// <summary>Blank lines separate paragraphs; single line breaks stay within one.</summary>
    private static IEnumerable<PdfBlock> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new PdfParagraph(p));

    private static string Or(string value, string missing) => string.IsNullOrWhiteSpace(value) ? missing : value;
}
