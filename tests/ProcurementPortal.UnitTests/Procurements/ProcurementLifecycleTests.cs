using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Procurements;

public sealed class ProcurementLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TransitionActor Officer = new([Role.ProcurementOfficer]);

    [Fact]
    public void A_complete_tender_publishes_and_freezes()
    {
        var procurement = LancashireFramework.Build(Now);

        var result = ProcurementLifecycle.Publish(procurement, Officer, Now);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(ProcurementState.TenderOpen, procurement.State);
        Assert.Equal(Now, procurement.PublishedAt);
        Assert.True(procurement.IsFrozen);
    }

    [Fact]
    public void Publishing_lists_every_problem_at_once_and_changes_nothing()
    {
        var procurement = LancashireFramework.Build(Now);
        procurement.PriceWeight = 39m; // quality 60 + price 39 = 99
        procurement.Lots[1].Bands[2].CeilingRate = null;
        procurement.SubmissionDeadline = Now.AddMinutes(-1);
        procurement.ClarificationDeadline = Now.AddDays(-2);

        var result = ProcurementLifecycle.Publish(procurement, Officer, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(ProcurementState.Draft, procurement.State);
        Assert.Null(procurement.PublishedAt);
        var messages = result.Problems.Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("add up to 99%"));
        Assert.Contains("Band B3 of lot 2 (North) has no ceiling rate", messages);
        Assert.Contains("The submission deadline must be in the future", messages);
        Assert.Contains("The clarification deadline must be in the future", messages);
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public void Only_a_procurement_officer_may_publish()
    {
        var procurement = LancashireFramework.Build(Now);

        var result = ProcurementLifecycle.Publish(procurement, new TransitionActor([Role.Evaluator, Role.Approver]), Now);

        Assert.False(result.Succeeded);
        Assert.Equal("Only a procurement officer can do this", Assert.Single(result.Problems).Message);
        Assert.Equal(ProcurementState.Draft, procurement.State);
    }

    [Fact]
    public void Submissions_close_only_at_the_deadline_and_closing_twice_changes_nothing()
    {
        var procurement = LancashireFramework.Build(Now);
        ProcurementLifecycle.Publish(procurement, Officer, Now);
        var deadline = procurement.SubmissionDeadline!.Value;

        var early = ProcurementLifecycle.CloseSubmissions(procurement, TransitionActor.System, deadline.AddSeconds(-1));
        var onTime = ProcurementLifecycle.CloseSubmissions(procurement, TransitionActor.System, deadline);
        var again = ProcurementLifecycle.CloseSubmissions(procurement, TransitionActor.System, deadline.AddSeconds(5));

        Assert.False(early.Succeeded);
        Assert.True(onTime.Changed);
        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(ProcurementState.SubmissionsClosed, procurement.State);
    }

    [Fact]
    public void A_scheduled_job_may_close_submissions_but_not_publish()
    {
        var procurement = LancashireFramework.Build(Now);

        Assert.False(ProcurementLifecycle.Publish(procurement, TransitionActor.System, Now).Succeeded);
    }

    [Theory]
    [InlineData(ProcurementState.Draft, true)]
    [InlineData(ProcurementState.Evaluation, true)]
    [InlineData(ProcurementState.Standstill, true)]
    [InlineData(ProcurementState.Awarded, false)]
    [InlineData(ProcurementState.Live, false)]
    [InlineData(ProcurementState.Cancelled, false)]
    public void Cancelling_is_possible_from_any_state_before_awarded(ProcurementState state, bool allowed)
    {
        var procurement = LancashireFramework.Build(Now);
        procurement.State = state;

        var result = ProcurementLifecycle.Cancel(procurement, Officer, Now, "The budget was withdrawn");

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed ? ProcurementState.Cancelled : state, procurement.State);
        Assert.Equal(allowed ? Now : null, procurement.CancelledAt);
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_keeps_it()
    {
        var procurement = LancashireFramework.Build(Now);

        var refused = ProcurementLifecycle.Cancel(procurement, Officer, Now, "  ");
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Problems, p => p.Field == "Reason");
        Assert.Null(procurement.CancelledAt);

        Assert.True(ProcurementLifecycle.Cancel(procurement, Officer, Now, " Needs reassessed after the Care Act review ").Succeeded);
        Assert.Equal("Needs reassessed after the Care Act review", procurement.CancellationReason);
    }

    [Fact]
    public void Pooled_budget_shares_must_sum_to_100()
    {
        var procurement = LancashireFramework.Build(Now);
        procurement.PooledPartners = [new() { Name = "NHS Lambeth CCG", SharePercent = 57.6m }, new() { Name = "Lambeth Council", SharePercent = 42.3m }];

        var problems = PublishReadiness.Problems(procurement, Now);

        Assert.Contains(problems, p => p.Field == "PooledPartners" && p.Message.Contains("99.9%"));
        procurement.PooledPartners[1].SharePercent = 42.4m;
        Assert.DoesNotContain(PublishReadiness.Problems(procurement, Now), p => p.Field == "PooledPartners");
    }
}
