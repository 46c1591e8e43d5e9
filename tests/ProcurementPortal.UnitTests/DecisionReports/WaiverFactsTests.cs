using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Core.Reports;

namespace ProcurementPortal.UnitTests.DecisionReports;

public sealed class WaiverFactsTests
{
    [Theory]
    [InlineData("2027-03-31", 12, "2028-03-31")]
    [InlineData("2026-09-30", 6, "2027-03-31")]
    [InlineData("2027-02-28", 12, "2028-02-29")]
    [InlineData("2027-06-15", 1, "2027-07-15")]
    public void An_extension_by_whole_months_keeps_a_term_that_ends_on_a_periods_last_day_on_the_last_day(string ends, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ContractTerms.Extend(DateOnly.Parse(ends), months));
    }

    [Fact]
    public void Leeds_waiver_extends_four_contracts_a_year_at_their_annual_values()
    {
        // MH 3rd Sector Commissioned Services, Leeds DLT, 23 November 2016, recommendation 1 (dated ten years on).
        var now = DateTime.UtcNow;
        var contracts = LeedsCbmhs.ContractsToExtend(Guid.NewGuid(), now);
        var history = contracts.Select(c => LeedsCbmhs.LastWaiver(c, now)).ToList();
        var report = Waiver(contracts, 12);

        var facts = DecisionReportFacts.ForWaiver(report, contracts, history, new DateOnly(2027, 1, 11), 500_000m);

        var w = facts.Waiver!;
        Assert.Equal(4, w.Contracts.Count);
        Assert.Equal(1_477_137m, w.TotalAnnualValue); // 351,953 + 596,596 + 385,248 + 143,340
        Assert.Equal(1_477_137m, w.TotalExtensionValue);
        Assert.All(w.Contracts, c => Assert.Equal(new DateOnly(2028, 3, 31), c.NewEndsOn));
        Assert.All(w.Contracts, c => Assert.Equal(new DateOnly(2026, 3, 31), Assert.Single(c.History).PreviousEndsOn));
        Assert.Equal("Extension of 4 contracts by 12 months", facts.SubjectTitle);
        // Over the threshold: a key decision, on the forward plan 28 clear days before the decision.
        Assert.True(facts.KeyDecision.IsKeyDecision);
        Assert.Equal(1_477_137m, facts.KeyDecision.Value);
        Assert.NotNull(facts.KeyDecision.ForwardPlanNoticeBy);
        Assert.Contains(facts.Timetable, t => t.Date == new DateOnly(2028, 3, 31) && t.Label == "ASC-MH-0104 Women's Counselling and Therapy Service: the contract ends if extended");
    }

    [Fact]
    public void A_six_month_extension_costs_half_a_year_and_contracts_left_out_of_the_register_are_left_out()
    {
        var now = DateTime.UtcNow;
        var contracts = LeedsCbmhs.ContractsToExtend(Guid.NewGuid(), now);
        var report = Waiver(contracts.Take(2).ToList(), 6);
        report.Waiver!.Contracts.Add(new WaivedContract { ContractId = Guid.NewGuid() });

        var w = DecisionReportFacts.ForWaiver(report, contracts, [], null, 500_000m).Waiver!;

        Assert.Equal(2, w.Contracts.Count);
        Assert.Equal(175_976.50m, w.Contracts[0].ExtensionValue);
        Assert.Equal(298_298m, w.Contracts[1].ExtensionValue);
        Assert.Equal(474_274.50m, w.TotalExtensionValue);
        Assert.Equal(new DateOnly(2027, 9, 30), w.LatestNewEndsOn);
    }

    [Fact]
    public void A_reduction_on_a_waiver_is_a_saving_on_the_annual_values_over_the_extension()
    {
        var contracts = LeedsCbmhs.ContractsToExtend(Guid.NewGuid(), DateTime.UtcNow);
        var report = Waiver(contracts, 12);
        report.BudgetReductionPercent = 10m;

        var savings = DecisionReportFacts.ForWaiver(report, contracts, [], null, 500_000m).Savings!;

        Assert.Equal(1_477_137m, savings.CurrentBudget);
        Assert.Equal(147_714m, savings.Saving);
        Assert.Equal(1_329_423m, savings.NewBudget);
    }

    [Fact]
    public void A_waiver_report_prints_its_sections_after_the_background_even_from_a_template_saved_without_them()
    {
        var contracts = LeedsCbmhs.ContractsToExtend(Guid.NewGuid(), DateTime.UtcNow);
        var report = Waiver(contracts, 12);
        report.Waiver!.ExemptionCode = "EX1";
        report.Waiver.ExemptionText = "Extension of an existing contract while its replacement is procured";
        var facts = DecisionReportFacts.ForWaiver(report, contracts, [], null, 500_000m);
        var oldTemplate = new DecisionReportTemplate
        {
            Sections = [new() { Key = ReportSections.Summary }, new() { Key = ReportSections.Background }, new() { Key = ReportSections.Legal }],
        };

        var headings = Headings(DecisionReportDocument.Build(report, facts, oldTemplate, new Letterhead("Leeds City Council", null, null)));

        Assert.Equal(["Summary of main issues", "Background", "Contracts to be extended", "Reasons for the waiver", "Risks", "Plan to re-procure", "Legal implications"],
            headings.Where(h => h.Level == 2).Select(h => h.Text));
        Assert.Contains(headings, h => h.Text == "Extension history");
    }

    [Fact]
    public void A_procurements_report_never_prints_the_waiver_sections()
    {
        var report = new DecisionReport { Title = "Approval to procure" };
        var facts = DecisionReportFacts.ForProcurement(LeedsCbmhs.Procurement(), [], [], null, null, 500_000m);

        var headings = Headings(DecisionReportDocument.Build(report, facts, DecisionReportTemplate.Default(), new Letterhead("Leeds City Council", null, null)));

        Assert.DoesNotContain(headings, h => h.Text is "Contracts to be extended" or "Reasons for the waiver" or "Plan to re-procure");
        Assert.Contains(headings, h => h.Text == "Options appraisal");
    }

    private static List<PdfHeading> Headings(PdfDocumentModel document) => document.Blocks.OfType<PdfHeading>().ToList();

    private static DecisionReport Waiver(IReadOnlyList<Contract> contracts, int months) => new()
    {
        Title = "Waiver",
        SubjectType = DecisionSubjectType.Waiver,
        Waiver = new WaiverDetails { ExtensionMonths = months, Contracts = contracts.Select(c => new WaivedContract { ContractId = c.Id }).ToList() },
    };
}
