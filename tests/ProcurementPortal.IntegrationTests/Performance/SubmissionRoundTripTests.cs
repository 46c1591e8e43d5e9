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
    public async Task A_submission_sends_no_savepoint_reads_attachments_once_and_never_the_tenants_logo()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode(); // warm: keys, compiled queries

        var sql = await SqlTrace.RecordAsync(fixture.DatabaseName, async () => (await tender.SubmitAsync(provider.Client)).EnsureSuccessStatusCode());

        Assert.Contains(sql, text => text.Contains("INSERT INTO bid_versions", StringComparison.OrdinalIgnoreCase));
        // The save runs inside the submission's own transaction, which rolls back whole on any failure.
        Assert.DoesNotContain(sql, text => text.Contains("SAVEPOINT", StringComparison.OrdinalIgnoreCase));
        // Read once, under the bid's lock, for the sealed content; not a second time for the workspace.
        Assert.Single(sql, text => text.Contains("FROM bid_attachments", StringComparison.OrdinalIgnoreCase));
        // The tenant is resolved from its id, slug, kind and name only.
        Assert.DoesNotContain(sql, text => text.Contains("logo", StringComparison.OrdinalIgnoreCase));
        // Measured: 11 (16 before the savepoint, the second attachments read and the second membership read were taken out).
        Assert.True(sql.Count <= 11, $"{sql.Count} commands:\n{string.Join("\n", sql)}");
    }
}
