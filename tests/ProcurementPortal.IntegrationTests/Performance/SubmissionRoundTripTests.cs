using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>
/// The SQL one bid submission sends, read from Npgsql's own tracing: every round trip is paid by the web node and by
/// PostgreSQL for each of the 200 providers of a deadline rush (issue 10).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SubmissionRoundTripTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_submission_sends_no_savepoint_batches_its_locked_reads_and_never_reads_the_tenants_logo()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode(); // warm: keys, compiled queries

        var sql = await SqlTrace.RecordAsync(fixture.DatabaseName, async () => (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode());

        Assert.Contains(sql, text => text.Contains("INSERT INTO bid_versions", StringComparison.OrdinalIgnoreCase));
        // The save runs inside the submission's own transaction, which rolls back whole on any failure.
        Assert.DoesNotContain(sql, text => text.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        // The reads under the locks go as one batch (traced as its statements joined): the window, the bid's lock, the
        // versions, the attachments and the people; none of them sent on its own, and no second read of the bid.
        var batch = Assert.Single(sql, text => text.StartsWith("select state, submission_deadline, now() from procurements", StringComparison.Ordinal));
        Assert.Contains("from bids where id = $1 and tenant_id = $2 and provider_id = $3 for update", batch, StringComparison.Ordinal);
        Assert.Contains("from bid_attachments", batch, StringComparison.Ordinal);
        var separateReads = sql.Where(text => text != batch).Where(text => text.Contains("FROM bid_attachments", StringComparison.OrdinalIgnoreCase)
            || text.Contains("FROM bid_versions", StringComparison.OrdinalIgnoreCase) || text.Contains("AspNetUsers", StringComparison.Ordinal)
            || text.Contains("from bids b where b.id", StringComparison.Ordinal)).ToList();
        Assert.True(separateReads.Count == 0, string.Join("\n\n", separateReads));
        // The tenant is resolved from its id, slug, kind and name only.
        Assert.DoesNotContain(sql, text => text.Contains("logo", StringComparison.OrdinalIgnoreCase));
        // Measured: 7 (16 before the savepoint, the second attachments read and the second membership read were taken
        // out; 11 before the reads under the locks went as one batch, ADR 036).
        Assert.True(sql.Count <= 7, $"{sql.Count} commands:\n{string.Join("\n", sql)}");
    }

    [Fact]
    public async Task A_submission_compares_its_tracked_rows_once_for_both_save_locks_and_once_for_the_save()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode();

        var detections = await DetectChangesTrace.CountAsync(fixture.DatabaseName, async () => (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode());

        // One save: the tenant's and the provider's save locks share one look at what changed (each lock looked on its
        // own before, three in all with EF Core's own as the save begins).
        Assert.Equal(2, detections);
    }
}
