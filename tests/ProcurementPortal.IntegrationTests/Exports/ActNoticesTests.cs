using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Exports;

/// <summary>Issue 9.5: the tender, contract award and contract details notices filled from the Lancashire framework.</summary>
[Collection(PortalCollection.Name)]
public sealed class ActNoticesTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_tender_notice_carries_the_lancashire_figures_and_names_what_is_left_to_complete()
    {
        var tender = await fixture.PublishedTenderAsync();
        var api = $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/notices";

        var notice = await tender.Officer.GetFromJsonAsync<JsonElement>($"{api}/tender");

        Assert.Equal("UK4", notice.GetProperty("code").GetString());
        var fields = Fields(notice);
        Assert.Equal("Mental Health Care and Support Framework", fields["Title"]);
        Assert.Equal("85312000-9", fields["Common procurement vocabulary (CPV) code"]);
        Assert.Equal("£6,000,000.00", fields["Estimated annual value (budget)"]);
        Assert.Equal("Yes, 3", fields["Divided into lots"]);
        Assert.StartsWith("East:", fields["Lot 1"]);
        Assert.StartsWith("Central:", fields["Lot 3"]);
        Assert.Equal("Lot 1: 8; Lot 2: 8; Lot 3: 8", fields["Framework: maximum number of suppliers"]);
        Assert.Equal("40%", fields["Price"]);
        Assert.Equal("60%", fields["Quality"]);
        Assert.Equal("36 months", fields["Contract term"]);
        Assert.Equal("Yes", fields["Light touch contract (care and support services, Schedule 1 of the Regulations)"]);
        Assert.Equal("Pass or fail: Are you registered with the CQC?", fields["Conditions of participation"]);
        Assert.True(notice.GetProperty("toComplete").GetInt32() > 0);

        var officer = await fixture.CookieClientAsync((await fixture.CreateUserAsync(tender.Tenant, Role.ProcurementOfficer)).Email!);
        var page = await officer.GetStringAsync($"/{tender.Slug}/procurements/{tender.Id}/notices");
        Assert.Contains("UK4 Tender notice", page);
        Assert.Contains("UK6 Contract award notice", page);
        Assert.Contains("UK7 Contract details notice", page);
        Assert.Contains("To complete", page);
        Assert.Contains("Mental Health Care and Support Framework", page);

        Assert.Equal(HttpStatusCode.NotFound, (await tender.Officer.GetAsync($"{api}/pipeline")).StatusCode);
        var other = await fixture.PublishedTenderAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Officer.GetAsync($"/api/v1/t/{other.Slug}/procurements/{tender.Id}/notices/tender")).StatusCode);
    }

    [Fact]
    public async Task The_award_and_contract_details_notices_name_the_suppliers_the_standstill_and_the_contracts()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        var api = $"{closed.Api}/notices";
        var before = Fields(await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{api}/contract-award"));
        Assert.Null(before["Suppliers to be awarded"]);

        await fixture.NoticePublishedAsync(closed);
        var awardNotice = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{api}/contract-award");
        var award = Fields(awardNotice);
        Assert.Equal("2", award["Tenders received"]);
        var lot1 = awardNotice.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.StartsWith("Lot 1", StringComparison.Ordinal));
        var lot1Fields = lot1.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("Ribble Care (Companies House 09900001)", lot1Fields["Suppliers to be awarded"]);
        Assert.Equal("2", lot1Fields["Tenders assessed"]);
        Assert.NotNull(award["Standstill period ends (8 working days, s.51)"]);
        Assert.NotNull(award["Assessment summaries sent"]);

        await fixture.StandstillEndedAsync(closed);
        var details = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{api}/contract-details");
        Assert.Equal("UK7", details.GetProperty("code").GetString());
        var sections = details.GetProperty("sections").EnumerateArray().Where(s => s.GetProperty("heading").GetString()!.StartsWith("Contract ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sections.Count);
        var first = sections[0].GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("Ribble Care (Companies House 09900001)", first["Supplier"]);
        Assert.StartsWith("£", first["Value"]);
        Assert.Contains("B1 Low support", first["Band rates"]);
    }

    /// <summary>The notice's fields by name (values of later sections win: lots repeat some names, the tests read unique ones).</summary>
    private static Dictionary<string, string?> Fields(JsonElement notice)
    {
        var fields = new Dictionary<string, string?>();
        foreach (var field in notice.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("fields").EnumerateArray()))
        {
            fields[field.GetProperty("name").GetString()!] = field.GetProperty("value").ValueKind == JsonValueKind.Null ? null : field.GetProperty("value").GetString();
            Assert.Equal(field.GetProperty("value").ValueKind == JsonValueKind.Null, field.GetProperty("toComplete").GetBoolean());
        }
        return fields;
    }
}
