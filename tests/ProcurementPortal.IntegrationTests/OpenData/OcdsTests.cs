using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NJsonSchema;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;

namespace ProcurementPortal.IntegrationTests.OpenData;

/// <summary>Issue 9's open data: OCDS packages that validate at every stage, with nothing sealed and nothing of another tenant.</summary>
[Collection(PortalCollection.Name)]
public sealed class OcdsTests(PortalFixture fixture)
{
    private static readonly string Standard = Path.Combine(AppContext.BaseDirectory, "Ocds", "ocds-1.1.5");
    private static readonly Lazy<Task<JsonSchema>> ReleaseSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Standard, "dereferenced-release-schema.json")));

    [Fact]
    public async Task A_framework_published_bid_for_awarded_and_contracted_gives_valid_releases_at_every_stage()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        var anonymous = fixture.CreateClient();
        var ocid = $"ocds-portal-{closed.Tender.Id}";
        var record = $"/api/v1/t/{closed.Tender.Slug}/ocds/records/{ocid}";

        var beforeAward = await ValidRecordAsync(anonymous, record);
        Assert.Equal(["tender"], Tags(beforeAward));
        var sealedText = beforeAward.GetRawText();
        Assert.DoesNotContain("Ribble Care", sealedText);
        Assert.DoesNotContain("Pendle Support", sealedText);
        Assert.DoesNotContain("awards", sealedText);

        await fixture.LettersSentAsync(closed);
        await AwardTestSupport.OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));
        await fixture.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", closed.Tender.Id));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));

        var afterAward = await ValidRecordAsync(anonymous, record);
        Assert.Equal(["tender", "award", "contract"], Tags(afterAward));
        var contract = afterAward.GetProperty("records")[0].GetProperty("releases")[2];
        Assert.Contains(contract.GetProperty("awards").EnumerateArray().SelectMany(a => a.GetProperty("suppliers").EnumerateArray()),
            s => s.GetProperty("name").GetString() == "Ribble Care");
        Assert.Equal(2, contract.GetProperty("contracts").GetArrayLength());
        var evaluators = await fixture.CountAsync($"select count(*) from panel_members where procurement_id = '{closed.Tender.Id}'");
        Assert.True(evaluators > 0);
        Assert.DoesNotContain("@", afterAward.GetRawText()); // no evaluator (nor anyone's) email address

        var package = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/ocds/releases");
        var releases = package.GetProperty("releases").EnumerateArray().ToList();
        Assert.Equal(3, releases.Count);
        foreach (var release in releases)
        {
            Assert.Empty((await ReleaseSchema.Value).Validate(release.GetRawText()));
        }
    }

    [Fact]
    public async Task An_unpublished_procurement_and_another_tenants_ocid_answer_not_found()
    {
        var draft = await fixture.PublishedTenderAsync();
        var other = await fixture.PublishedTenderAsync();
        var anonymous = fixture.CreateClient();
        await fixture.SqlAsync($"update procurements set published_at = null where id = '{draft.Id}'");

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/t/{draft.Slug}/ocds/records/ocds-portal-{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/t/{draft.Slug}/ocds/records/ocds-portal-{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/t/{other.Slug}/ocds/records/ocds-portal-{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/t/{other.Slug}/ocds/records/not-an-ocid")).StatusCode);
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/t/{draft.Slug}/ocds/releases");
        Assert.DoesNotContain(draft.Id.ToString(), page.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/v1/t/{draft.Slug}/ocds/releases?pageSize=1000")).StatusCode);
    }

    private static async Task<JsonElement> ValidRecordAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var package = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var release in package.GetProperty("records")[0].GetProperty("releases").EnumerateArray())
        {
            var errors = (await ReleaseSchema.Value).Validate(release.GetRawText());
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}")));
        }
        return package;
    }

    private static List<string> Tags(JsonElement recordPackage) =>
        recordPackage.GetProperty("records")[0].GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString()!).ToList();
}
