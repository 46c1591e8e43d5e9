using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Infrastructure.Demo;

namespace ProcurementPortal.IntegrationTests.Demo;

/// <summary>A portal of its own with the demo data seeded, on which the stager has run once (as infra/run --demo does).</summary>
public sealed class DemoStagesFixture : IAsyncLifetime
{
    public PortalFixture Portal { get; } = new() { Settings = { ["Portal:SeedDemoData"] = "true" } };

    public IReadOnlyList<DemoStageResult> FirstRun { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        FirstRun = await RunStagerAsync();
    }

    public async Task<IReadOnlyList<DemoStageResult>> RunStagerAsync()
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoStager>().RunAsync(Portal.CreateClient(), CancellationToken.None);
    }

    public Task DisposeAsync() => Portal.DisposeAsync();
}

/// <summary>What each stage leaves behind, read by the superuser past the tenant and provider filters, procurement by procurement.</summary>
public sealed class DemoStagesTests(DemoStagesFixture demo) : IClassFixture<DemoStagesFixture>
{
    private readonly PortalFixture portal = demo.Portal;

    [Fact]
    public void Every_stage_is_staged_on_the_first_run()
    {
        Assert.Equal(DemoStager.Stages, demo.FirstRun.Count);
        Assert.All(demo.FirstRun, r => Assert.True(r.Outcome == DemoStageOutcome.Done, $"stage {r.Number} ({r.Name}): {r.Outcome}"));
    }

    [Fact]
    public async Task Northamptonshire_has_a_published_statement_with_an_event_open_for_registration_a_registration_and_an_interest()
    {
        await using var db = portal.SuperuserDb();
        var statement = await db.MarketIntentStatements.IgnoreQueryFilters().SingleAsync(s => s.Title == NorthamptonshirePartnerships.Title);
        Assert.Equal(StatementStatus.Published, statement.Status);
        Assert.Equal(83_600_000m, statement.IndicativeValueMin);
        Assert.Equal(97_400_000m, statement.IndicativeValueMax);
        var engagement = await db.EngagementEvents.IgnoreQueryFilters().SingleAsync(e => e.StatementId == statement.Id);
        Assert.True(engagement.StartsAt > DateTime.UtcNow);
        Assert.Equal(1, await db.EventRegistrations.IgnoreQueryFilters().CountAsync(r => r.EventId == engagement.Id && r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(1, await db.ExpressionsOfInterest.IgnoreQueryFilters().CountAsync(x => x.StatementId == statement.Id));
    }

    [Fact]
    public async Task Lancashires_framework_is_open_for_tenders_with_an_answered_clarification_and_a_draft_bid()
    {
        await using var db = portal.SuperuserDb();
        var framework = await db.Procurements.IgnoreQueryFilters().Include(p => p.Lots).ThenInclude(l => l.Bands).SingleAsync(p => p.Title == LancashireFramework.Title);
        Assert.Equal(ProcurementState.TenderOpen, framework.State);
        Assert.True(framework.SubmissionDeadline > DateTime.UtcNow.AddDays(28));
        Assert.Equal(["Central", "East", "North"], framework.Lots.Select(l => l.Name).Order());
        Assert.All(framework.Lots, l => Assert.Equal([14.50m, 15.75m, 16.90m, 17.96m], l.Bands.Select(b => b.CeilingRate!.Value).Order()));
        Assert.Equal(6_800_000m, framework.CurrentAnnualSpend);
        var clarification = await db.Clarifications.IgnoreQueryFilters().SingleAsync(c => c.ProcurementId == framework.Id);
        Assert.True(clarification.IsPublished);
        Assert.NotNull(clarification.Answer);
        Assert.Equal([BidStatus.Draft], await db.Bids.IgnoreQueryFilters().Where(b => b.ProcurementId == framework.Id).Select(b => b.Status).ToListAsync());
    }

    [Fact]
    public async Task Lambeths_pooled_ipsa_tender_is_in_evaluation_with_three_opened_bids_one_evaluator_done_and_one_part_way()
    {
        await using var db = portal.SuperuserDb();
        var ipsa = await db.Procurements.IgnoreQueryFilters().Include(p => p.Lots).ThenInclude(l => l.Bands).SingleAsync(p => p.Title == LambethIpsa.Title);
        Assert.Equal(ProcurementState.Evaluation, ipsa.State);
        Assert.Equal(9_375_000m, ipsa.AnnualBudget);
        Assert.Equal(12_285_000m, ipsa.CurrentAnnualSpend);
        Assert.Equal([42.4m, 57.6m], ipsa.PooledPartners.Select(p => p.SharePercent).Order());
        Assert.Equal(LambethIpsa.Bands.Select(b => b.CeilingRate).Order(), Assert.Single(ipsa.Lots).Bands.Select(b => b.CeilingRate!.Value).Order());
        Assert.Equal(3, await db.Bids.IgnoreQueryFilters().CountAsync(b => b.ProcurementId == ipsa.Id && b.Status == BidStatus.Submitted));
        var opening = await db.BidOpenings.IgnoreQueryFilters().SingleAsync(o => o.ProcurementId == ipsa.Id);
        Assert.True(opening.IsComplete);
        Assert.NotEqual(opening.FirstOfficerUserId, opening.SecondOfficerUserId);
        Assert.Equal(3, opening.BidsOpened);
        var evaluators = await db.PanelMembers.IgnoreQueryFilters().Where(m => m.ProcurementId == ipsa.Id && m.Role == Core.Domain.Evaluation.PanelRole.Evaluator).ToListAsync();
        var scores = await db.IndividualScores.IgnoreQueryFilters().Where(s => s.ProcurementId == ipsa.Id).GroupBy(s => s.UserId).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(2, evaluators.Count);
        var done = Assert.Single(evaluators, m => m.ScoresSubmittedAt is not null);
        var partWay = Assert.Single(evaluators, m => m.ScoresSubmittedAt is null);
        Assert.Equal(9, scores[done.UserId]); // three bids, three scored questions
        Assert.Equal(4, scores[partWay.UserId]);
    }

    [Fact]
    public async Task Leeds_cbmhs_is_awarded_within_its_budget_with_letters_sent_and_the_winners_contract_in_the_register()
    {
        await using var db = portal.SuperuserDb();
        var cbmhs = await db.Procurements.IgnoreQueryFilters().SingleAsync(p => p.Title == LeedsCbmhs.Title);
        Assert.Equal(ProcurementState.Awarded, cbmhs.State);
        Assert.Equal(1_201_227m, cbmhs.AnnualBudget);
        Assert.Equal(1_334_697m, cbmhs.CurrentAnnualSpend);
        Assert.Equal(3, await db.Bids.IgnoreQueryFilters().CountAsync(b => b.ProcurementId == cbmhs.Id));
        Assert.Equal(3, await db.AwardLetters.IgnoreQueryFilters().CountAsync(l => l.ProcurementId == cbmhs.Id));
        var contract = await db.Contracts.IgnoreQueryFilters().SingleAsync(c => c.ProcurementId == cbmhs.Id);
        Assert.Equal("Aire Valley Recovery Trust", contract.ProviderName);
        Assert.True(contract.AnnualValue <= 1_201_227m, $"{contract.AnnualValue}");
        Assert.Equal(contract.StartsOn.AddMonths(60).AddDays(-1), contract.EndsOn); // the paper's five years
        var letters = await db.OutboxMessages.IgnoreQueryFilters().Where(m => m.TenantId == cbmhs.TenantId && m.AttachmentName != null).Select(m => m.ToAddress).ToListAsync();
        Assert.Contains(letters, to => to.EndsWith("@aire-valley.demo", StringComparison.Ordinal));
        Assert.Contains(letters, to => to.EndsWith("@brixton-wellbeing.demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leeds_has_its_approved_ddp_report_and_a_waiver_report_for_the_four_contracts()
    {
        await using var db = portal.SuperuserDb();
        var reports = await db.DecisionReports.IgnoreQueryFilters().ToListAsync();
        Assert.Contains(reports, r => r.SubjectType == DecisionSubjectType.Procurement && r.Status == DecisionReportStatus.Approved);
        var waiver = Assert.Single(reports, r => r.SubjectType == DecisionSubjectType.Waiver);
        Assert.Equal(LeedsCbmhs.WaiverTitle, waiver.Title);
        Assert.Equal(4, await db.Contracts.IgnoreQueryFilters().CountAsync(c => c.Reference.StartsWith(LeedsCbmhs.WaiverContractPrefix)));
    }

    [Fact]
    public async Task Lancashire_has_its_first_round_awarded_with_members_on_three_lots_two_placements_and_an_open_package_request()
    {
        await using var db = portal.SuperuserDb();
        var round = await db.Procurements.IgnoreQueryFilters().SingleAsync(p => p.Title == LancashireFramework.FirstRoundTitle);
        Assert.Equal(ProcurementState.Awarded, round.State);
        var members = await db.FrameworkMembers.IgnoreQueryFilters().Where(m => m.ProcurementId == round.Id)
            .Join(db.Lots.IgnoreQueryFilters(), m => m.LotId, l => l.Id, (m, l) => new { l.Name, m.ProviderName, m.Status }).ToListAsync();
        Assert.Equal(["Central", "East", "North"], members.Select(m => m.Name).Distinct().Order());
        Assert.All(members.GroupBy(m => m.Name), lot => Assert.Equal(3, lot.Count()));
        Assert.All(members, m => Assert.Equal(MemberStatus.Active, m.Status));

        var requests = await db.PackageRequests.IgnoreQueryFilters().Where(r => r.ProcurementId == round.Id).ToListAsync();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("Lot 3 Central", r.LotName));
        var placed = requests.Where(r => r.Status == PackageRequestStatus.Placed).ToList();
        Assert.Equal(2, placed.Count);
        var callOffs = await db.Contracts.IgnoreQueryFilters().Where(c => placed.Select(r => r.CallOffContractId).Contains(c.Id)).ToListAsync();
        Assert.Equal(2, callOffs.Count);
        Assert.All(callOffs, c => Assert.Null(c.LotId));
        var open = Assert.Single(requests, r => r.Status == PackageRequestStatus.Open);
        Assert.True(open.ClosesAt > DateTime.UtcNow);
        Assert.Equal(1, await db.PackageResponses.IgnoreQueryFilters().CountAsync(x => x.PackageRequestId == open.Id));
    }

    [Fact]
    public async Task Running_the_stager_again_changes_nothing()
    {
        var before = await SnapshotAsync();
        var second = await demo.RunStagerAsync();
        Assert.All(second, r => Assert.Equal(DemoStageOutcome.AlreadyThere, r.Outcome));
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = portal.SuperuserDb();
        var counts = new[]
        {
            await db.Procurements.IgnoreQueryFilters().CountAsync(),
            await db.MarketIntentStatements.IgnoreQueryFilters().CountAsync(),
            await db.Bids.IgnoreQueryFilters().CountAsync(),
            await db.BidVersions.IgnoreQueryFilters().CountAsync(),
            await db.IndividualScores.IgnoreQueryFilters().CountAsync(),
            await db.Contracts.IgnoreQueryFilters().CountAsync(),
            await db.PackageRequests.IgnoreQueryFilters().CountAsync(),
            await db.PackageResponses.IgnoreQueryFilters().CountAsync(),
            await db.DecisionReports.IgnoreQueryFilters().CountAsync(),
            await db.AuditEvents.IgnoreQueryFilters().CountAsync(),
            await db.OutboxMessages.IgnoreQueryFilters().CountAsync(),
        };
        var states = await db.Procurements.IgnoreQueryFilters().OrderBy(p => p.Id).Select(p => $"{p.Reference} {p.State} {p.RowVersion}").ToListAsync();
        return string.Join(" ", counts) + "\n" + string.Join("\n", states);
    }
}
