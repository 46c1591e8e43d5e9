using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Email;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>
/// What a node prepares before it listens (ADR 032): every email template parsed, the receipt email rendered with the
/// model types of a real submission, EF Core's change tracking built for every entity type and the submission's
/// queries compiled, without a row written; and the submission's own code run once (ADR 037), without SQL.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WarmUpTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_started_node_has_parsed_every_email_template_before_its_first_request()
    {
        await using var app = fixture.App.WithWebHostBuilder(_ => { }); // a second node of the same portal

        var templates = app.Services.GetRequiredService<EmailTemplates>(); // starts the host: the start-up tasks have run

        var embedded = typeof(EmailTemplates).Assembly.GetManifestResourceNames().Count(r => r.EndsWith(".liquid", StringComparison.Ordinal));
        Assert.True(embedded > 60, $"{embedded} templates embedded");
        Assert.Equal(embedded, templates.Parsed.Count);
    }

    [Fact]
    public void The_receipt_email_prepared_at_start_renders_with_the_model_a_submission_sends()
    {
        var rendered = SubmitBid.PrepareReceiptEmail(new EmailTemplates());

        // Every value of the model reaches the email: a renamed field on either side would leave a blank here.
        Assert.Equal("REF: replacement bid received, receipt REF-R23456789", rendered.Subject);
        Assert.Contains("The bid of Provider for REF Title has been received; it replaces your earlier bid", rendered.TextBody);
        Assert.Contains("Submitted by: Bid writer", rendered.TextBody);
        Assert.Contains("https://portal.invalid/receipt.pdf", rendered.TextBody);
        Assert.Contains(new string('0', 64), rendered.HtmlBody);
    }

    [Fact]
    public async Task Change_tracking_is_prepared_for_the_rows_a_submission_adds_without_sending_sql_or_keeping_them()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        IReadOnlyList<string> prepared = [];

        var sql = await SqlTrace.RecordAsync(fixture.DatabaseName, () =>
        {
            prepared = WarmUp.PrepareChangeTracking(db);
            return Task.CompletedTask;
        });

        Assert.Empty(sql);
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Contains("BidVersion", prepared);
        Assert.Contains("OutboxMessage", prepared);
        Assert.Contains("AuditEvent", prepared);
        Assert.True(prepared.Count > 40, $"{prepared.Count} entity types prepared");
    }

    [Fact]
    public async Task The_warm_up_sends_each_query_of_a_submission_for_nothing_and_writes_nothing()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();

        var sql = await SqlTrace.RecordAsync(fixture.DatabaseName, () => WarmUp.PrepareAsync(scope.ServiceProvider, CancellationToken.None));

        // The submission's batch (traced as its statements joined), then the queries EF Core compiles.
        var batch = Assert.Single(sql, text => text.StartsWith("select state, submission_deadline, now() from procurements", StringComparison.Ordinal));
        Assert.Contains("for share;", batch, StringComparison.Ordinal);
        Assert.Contains("from bid_versions", batch, StringComparison.Ordinal);
        Assert.Contains("from \"AspNetUsers\"", batch, StringComparison.Ordinal);
        Assert.Contains(sql, text => text.Contains("from bids b where b.id", StringComparison.Ordinal) && text.Contains("for update", StringComparison.Ordinal));
        Assert.Contains(sql, text => text.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal));
        Assert.DoesNotContain(sql, text => text.Contains("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase) || text.Contains("DELETE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_warm_up_runs_the_submissions_code_for_nobody_and_on_a_made_up_bid_without_sql()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        SubmitBid.PreparedCode? prepared = null;

        var sql = await SqlTrace.RecordAsync(fixture.DatabaseName, async () => prepared = await SubmitBid.PrepareCodeAsync(scope.ServiceProvider, CancellationToken.None));

        Assert.Empty(sql);
        Assert.NotNull(prepared);
        Assert.True(prepared.HandlerFoundNothing); // nobody is signed in: the handler stops at the provider check
        Assert.Empty(prepared.Problems); // the made-up bid is complete, so every check ran and passed
        var sealedBid = SealedBid.Read(prepared.Canonical);
        Assert.Equal("Answer", Assert.Single(sealedBid.Content.Answers).Value);
        Assert.Equal(20m, Assert.Single(sealedBid.Content.Rates).Value);
        Assert.Single(sealedBid.Attachments);
        Assert.StartsWith("REF-R", prepared.Receipt.ReceiptNumber, StringComparison.Ordinal);
        Assert.Contains("after the deadline", prepared.Late, StringComparison.Ordinal);
    }
}
