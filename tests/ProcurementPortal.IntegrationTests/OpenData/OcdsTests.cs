using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.OpenData;

/// <summary>Issue 9's open data: OCDS packages that validate at every stage, with nothing sealed and nothing of another tenant.</summary>
[Collection(PortalCollection.Name)]
public sealed class OcdsTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_full_lifecycle_gives_release_and_record_packages_that_validate_with_codes_from_the_codelists()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await using (var db = fixture.SuperuserDb(closed.Tender.Tenant.Id))
        {
            var p = await db.Procurements.SingleAsync(x => x.Id == closed.Tender.Id);
            p.PooledPartners = [new() { Name = "Lancashire County Council", SharePercent = 70m }, new() { Name = "NHS Lancashire and South Cumbria ICB", SharePercent = 30m }];
            await db.SaveChangesAsync();
        }
        var anonymous = fixture.CreateClient();
        var ocid = $"ocds-portal-{closed.Tender.Id}";
        var record = $"/api/v1/t/{closed.Tender.Slug}/ocds/records/{ocid}";

        var beforeAward = await OcdsValidation.ValidRecordAsync(anonymous, record);
        Assert.Equal(["tender"], Tags(beforeAward));
        var sealedText = beforeAward.GetRawText();
        Assert.DoesNotContain("Ribble Care", sealedText);
        Assert.DoesNotContain("Pendle Support", sealedText);
        Assert.DoesNotContain("awards", sealedText);

        await fixture.NoticePublishedAsync(closed);
        await fixture.StandstillEndedAsync(closed);

        var afterAward = await OcdsValidation.ValidRecordAsync(anonymous, record);
        Assert.Equal(["tender", "award", "contract"], Tags(afterAward));
        var releasesOfRecord = afterAward.GetProperty("records")[0].GetProperty("releases");
        var contract = releasesOfRecord[2];
        Assert.Contains(contract.GetProperty("awards").EnumerateArray().SelectMany(a => a.GetProperty("suppliers").EnumerateArray()),
            s => s.GetProperty("name").GetString() == "Ribble Care");
        Assert.Equal(2, contract.GetProperty("contracts").GetArrayLength());
        Assert.Equal("compiled", afterAward.GetProperty("records")[0].GetProperty("compiledRelease").GetProperty("tag")[0].GetString());
        var tender = releasesOfRecord[0].GetProperty("tender");
        Assert.Equal(["clarification-deadline", "submission-deadline"],
            tender.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Take(2));
        Assert.Contains(releasesOfRecord[0].GetProperty("parties").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "NHS Lancashire and South Cumbria ICB" && p.GetProperty("roles")[0].GetString() == "funder");
        var evaluators = await fixture.CountAsync($"select count(*) from panel_members where procurement_id = '{closed.Tender.Id}'");
        Assert.True(evaluators > 0);
        Assert.DoesNotContain("@", afterAward.GetRawText()); // no evaluator (nor anyone's) email address

        var package = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/ocds/releases");
        await OcdsValidation.AssertValidReleasePackageAsync(package);
        Assert.Equal(3, package.GetProperty("releases").GetArrayLength());

        var bulk = await anonymous.GetAsync($"/api/v1/t/{closed.Tender.Slug}/ocds/bulk");
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal("attachment", bulk.Content.Headers.ContentDisposition?.DispositionType);
        var all = await bulk.Content.ReadFromJsonAsync<JsonElement>();
        await OcdsValidation.AssertValidReleasePackageAsync(all);
        Assert.Equal(package.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            all.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_release_before_the_opening_holds_no_bid_content()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        var rates = await fixture.CountAsync($"select count(*) from bids where procurement_id = '{closed.Tender.Id}' and status = 'Submitted'");
        Assert.Equal(2, rates);

        var record = await OcdsValidation.ValidRecordAsync(fixture.CreateClient(), $"/api/v1/t/{closed.Tender.Slug}/ocds/records/ocds-portal-{closed.Tender.Id}");

        var text = record.GetRawText();
        foreach (var name in new[] { "Ribble Care", "Pendle Support", "tenderers", "numberOfTenderers", "awards", BidTestSupport.DistinctiveAnswer })
        {
            Assert.DoesNotContain(name, text);
        }
        Assert.DoesNotContain(record.GetProperty("records")[0].GetProperty("releases")[0].GetProperty("parties").EnumerateArray(),
            p => p.GetProperty("roles").EnumerateArray().Any(r => r.GetString() is "tenderer" or "supplier"));
    }

    [Theory]
    [InlineData("releases")]
    [InlineData("releases?page=1&pageSize=100")]
    [InlineData("bulk")]
    public async Task A_package_of_a_tenant_that_published_nothing_answers_not_found_never_an_empty_package(string endpoint)
    {
        var draft = await fixture.PublishedTenderAsync();
        await fixture.SqlAsync($"update procurements set published_at = null where id = '{draft.Id}'");

        var response = await fixture.CreateClient().GetAsync($"/api/v1/t/{draft.Slug}/ocds/{endpoint}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Nothing published yet", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Every_page_that_answers_holds_a_valid_package_and_the_page_past_the_last_answers_not_found()
    {
        var first = await fixture.PublishedTenderAsync();
        var second = await LancashireViaApi.BuildAsync(first.Officer, first.Slug);
        Assert.Equal(HttpStatusCode.OK, (await first.Officer.PostAsync($"/api/v1/t/{first.Slug}/procurements/{second}/publish", null)).StatusCode);
        var anonymous = fixture.CreateClient();
        var releases = $"/api/v1/t/{first.Slug}/ocds/releases";

        var one = await anonymous.GetFromJsonAsync<JsonElement>($"{releases}?page=1&pageSize=1");
        var two = await anonymous.GetFromJsonAsync<JsonElement>($"{releases}?page=2&pageSize=1");
        var both = await anonymous.GetFromJsonAsync<JsonElement>($"{releases}?page=1&pageSize=2");
        var past = await anonymous.GetAsync($"{releases}?page=3&pageSize=1");

        foreach (var package in new[] { one, two, both })
        {
            await OcdsValidation.AssertValidReleasePackageAsync(package);
        }
        Assert.Equal($"ocds-portal-{first.Id}", one.GetProperty("releases")[0].GetProperty("ocid").GetString());
        Assert.Equal($"ocds-portal-{second}", two.GetProperty("releases")[0].GetProperty("ocid").GetString());
        Assert.EndsWith("page=2&pageSize=1", one.GetProperty("links").GetProperty("next").GetString());
        Assert.False(two.TryGetProperty("links", out _));
        Assert.False(both.TryGetProperty("links", out _));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
        Assert.Equal("application/problem+json", past.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No such page", (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
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
        var page = await anonymous.GetAsync($"/api/v1/t/{draft.Slug}/ocds/releases");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(draft.Id.ToString(), await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/v1/t/{draft.Slug}/ocds/releases?pageSize=1000")).StatusCode);
    }

    private static List<string> Tags(JsonElement recordPackage) =>
        recordPackage.GetProperty("records")[0].GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString()!).ToList();
}
