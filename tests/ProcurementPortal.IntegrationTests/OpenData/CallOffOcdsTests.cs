using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Framework;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.OpenData;

/// <summary>Issue 13 item 7: call-offs in open data as their own contracting processes, linked to the framework, with no case data.</summary>
[Collection(PortalCollection.Name)]
public sealed class CallOffOcdsTests(PortalFixture fixture)
{
    [Fact]
    public async Task Call_off_releases_validate_link_to_the_frameworks_ocid_and_hold_no_case_data()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var requestId = await f.PostAsync(caseReference: "ASC-77123", postcodeDistrict: "BB11");
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(f.Members[1], requestId, 14.20m)).StatusCode);
        await fixture.CloseWindowAsync(requestId);
        var view = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(requestId)));
        var placed = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Package(requestId)}/confirm",
            new { responseId = view.GetProperty("ranking")[0].GetProperty("responseId").GetGuid() }), HttpStatusCode.Created);
        var direct = await OkJsonAsync(await f.DirectAwardAsync("B1", 6m, startInDays: 3), HttpStatusCode.Created);

        var anonymous = fixture.CreateClient();
        var package = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/t/{f.Tender.Slug}/ocds/releases");
        await OcdsValidation.AssertValidReleasePackageAsync(package);
        var frameworkOcid = $"ocds-portal-{f.Tender.Id}";
        var callOffs = package.GetProperty("releases").EnumerateArray().Where(r => r.GetProperty("ocid").GetString() != frameworkOcid).ToList();
        Assert.Equal(
            new[] { placed, direct }.Select(c => $"ocds-portal-{c.GetProperty("id").GetGuid()}").Order(),
            callOffs.Select(r => r.GetProperty("ocid").GetString()).Order());
        foreach (var release in callOffs)
        {
            var link = Assert.Single(release.GetProperty("relatedProcesses").EnumerateArray());
            Assert.Equal(["framework"], link.GetProperty("relationship").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal("ocid", link.GetProperty("scheme").GetString());
            Assert.Equal(frameworkOcid, link.GetProperty("identifier").GetString());
            Assert.Equal(["award", "contract"], release.GetProperty("tag").EnumerateArray().Select(x => x.GetString()));
            var text = release.GetRawText();
            Assert.DoesNotContain("ASC-77123", text);
            Assert.DoesNotContain("BB11", text);
            Assert.DoesNotContain("medication", text);
            Assert.DoesNotContain(requestId.ToString(), text);
        }
        var placedRelease = callOffs.Single(r => r.GetProperty("ocid").GetString() == $"ocds-portal-{placed.GetProperty("id").GetGuid()}");
        Assert.Equal("selective", placedRelease.GetProperty("tender").GetProperty("procurementMethod").GetString());
        Assert.Equal(f.Members[1].Provider.Organisation.Name, placedRelease.GetProperty("awards")[0].GetProperty("suppliers")[0].GetProperty("name").GetString());
        Assert.Equal(placed.GetProperty("value").GetDecimal(), placedRelease.GetProperty("contracts")[0].GetProperty("value").GetProperty("amount").GetDecimal());

        var ocid = $"ocds-portal-{direct.GetProperty("id").GetGuid()}";
        var record = await OcdsValidation.ValidRecordAsync(anonymous, $"/api/v1/t/{f.Tender.Slug}/ocds/records/{ocid}");
        var only = Assert.Single(record.GetProperty("records")[0].GetProperty("releases").EnumerateArray());
        Assert.Equal(ocid, only.GetProperty("ocid").GetString());
        Assert.Equal("direct", only.GetProperty("tender").GetProperty("procurementMethod").GetString());
        var framework = await OcdsValidation.ValidRecordAsync(anonymous, $"/api/v1/t/{f.Tender.Slug}/ocds/records/{frameworkOcid}");
        Assert.All(framework.GetProperty("records")[0].GetProperty("releases").EnumerateArray(), r => Assert.Equal(frameworkOcid, r.GetProperty("ocid").GetString()));

        var blackburn = await fixture.CreateTenantAsync("Blackburn with Darwen");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/t/{blackburn.Slug}/ocds/records/{ocid}")).StatusCode);
    }
}
