using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

/// <summary>Issue 13 item 6: spend and capacity against the plan, from the framework's live call-offs.</summary>
[Collection(PortalCollection.Name)]
public sealed class SpendTests(PortalFixture fixture)
{
    private static string Spend(AwardedFramework f) => $"{f.Api}/procurements/{f.Tender.Id}/framework/spend";

    private static string SpendPage(AwardedFramework f) => $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework/spend";

    /// <summary>Proposes a direct award on lot 1 (the highest-ranked member, at its framework rate for the band).</summary>
    private static async Task<JsonElement> ProposeAsync(AwardedFramework f, string band, decimal hours) =>
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/framework/direct-award/proposal", f.Need(band, hours)));

    /// <summary>Awards a call-off directly on lot 1 to the member proposed; the confirm response.</summary>
    private static async Task<JsonElement> DirectAwardAsync(AwardedFramework f, string band, decimal hours) =>
        await OkJsonAsync(await f.DirectAwardAsync(band, hours), HttpStatusCode.Created);

    /// <summary>Posts a B2 package (14 hours a week), <paramref name="member"/> offers, the window closes; the request's id.</summary>
    private async Task<Guid> OfferedAsync(AwardedFramework f, Member member, decimal rate)
    {
        var id = await f.PostAsync();
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(member, id, rate)).StatusCode);
        await fixture.CloseWindowAsync(id);
        return id;
    }

    private static async Task<JsonElement> ConfirmAsync(AwardedFramework f, Guid requestId)
    {
        var view = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(requestId)));
        var best = view.GetProperty("ranking")[0].GetProperty("responseId").GetGuid();
        return await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Package(requestId)}/confirm", new { responseId = best }), HttpStatusCode.Created);
    }

    private static JsonElement Lot(JsonElement spend) => Assert.Single(spend.GetProperty("lots").EnumerateArray());

    private static JsonElement Band(JsonElement lot, string code) => lot.GetProperty("bands").EnumerateArray().Single(b => b.GetProperty("code").GetString() == code);

    private static decimal Number(string cell) => decimal.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Annual(JsonElement callOff) => callOff.GetProperty("annualValue").GetDecimal();

    [Fact]
    public async Task Committed_spend_and_hours_per_lot_and_band_are_the_sums_of_live_call_offs()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var b2 = await DirectAwardAsync(f, "B2", 14m);   // £15.75 × 14 = £220.50 a week
        var b1 = await DirectAwardAsync(f, "B1", 10m);   // £14.50 × 10 = £145.00 a week
        var placed = await ConfirmAsync(f, await OfferedAsync(f, f.Members[1], 14.00m)); // £14.00 × 14 = £196.00 a week
        var ended = await DirectAwardAsync(f, "B2", 20m);
        await fixture.SqlAsync("update contracts set ends_on = current_date - 1 where id = @id", ("id", ended.GetProperty("id").GetGuid()));

        var lot = Lot(await OkJsonAsync(await f.Tender.Officer.GetAsync(Spend(f))));
        var band2 = Band(lot, "B2");
        Assert.Equal(28m, band2.GetProperty("committedHoursPerWeek").GetDecimal());
        Assert.Equal(220.50m + 196.00m, band2.GetProperty("committedWeeklyValue").GetDecimal());
        Assert.Equal(Annual(b2) + Annual(placed), band2.GetProperty("committedAnnualSpend").GetDecimal());
        Assert.Equal((220.50m + 196.00m) * 52, band2.GetProperty("committedAnnualSpend").GetDecimal());
        Assert.Equal(2, band2.GetProperty("placements").GetInt32());
        Assert.Equal(600m, band2.GetProperty("expectedHoursPerWeek").GetDecimal()); // East: 2,000 hours a week, 30% in B2
        var band1 = Band(lot, "B1");
        Assert.Equal(10m, band1.GetProperty("committedHoursPerWeek").GetDecimal());
        Assert.Equal(Annual(b1), band1.GetProperty("committedAnnualSpend").GetDecimal());
        Assert.Equal(0m, Band(lot, "B3").GetProperty("committedAnnualSpend").GetDecimal());
        Assert.Equal(Annual(b2) + Annual(b1) + Annual(placed), lot.GetProperty("committedAnnualSpend").GetDecimal());
        Assert.Equal(38m, lot.GetProperty("committedHoursPerWeek").GetDecimal());
        Assert.Equal(3, lot.GetProperty("placements").GetInt32());
        var live = await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null and ends_on >= current_date");
        Assert.Equal(3, live);

        var providers = lot.GetProperty("providers").EnumerateArray().ToDictionary(p => p.GetProperty("providerName").GetString()!);
        var first = providers[f.Members[0].Provider.Organisation.Name];
        var second = providers[f.Members[1].Provider.Organisation.Name];
        Assert.Equal(2, first.GetProperty("placements").GetInt32());
        Assert.Equal(66.7m, first.GetProperty("shareOfPlacements").GetDecimal());
        Assert.Equal(33.3m, second.GetProperty("shareOfPlacements").GetDecimal());
        Assert.Equal(1, second.GetProperty("requests").GetInt32());
        Assert.Equal(100m, second.GetProperty("offerRate").GetDecimal());
        Assert.Equal(0m, first.GetProperty("offerRate").GetDecimal());
    }

    [Fact]
    public async Task Confirming_a_placement_raises_committed_spend_by_exactly_its_annual_value()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        await DirectAwardAsync(f, "B3", 7.5m);
        var requestId = await OfferedAsync(f, f.Members[0], 15.10m);
        var before = Lot(await OkJsonAsync(await f.Tender.Officer.GetAsync(Spend(f)))).GetProperty("committedAnnualSpend").GetDecimal();

        var placed = await ConfirmAsync(f, requestId);

        var after = Lot(await OkJsonAsync(await f.Tender.Officer.GetAsync(Spend(f)))).GetProperty("committedAnnualSpend").GetDecimal();
        Assert.Equal(Math.Round(15.10m * 14m, 2) * 52, Annual(placed));
        Assert.Equal(before + Annual(placed), after);
        var page = await (await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f))).GetStringAsync(SpendPage(f));
        Assert.Contains($"data-lot-spend=\"1\">{Money.Format(after)} a year", System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task A_direct_award_warns_when_and_only_when_it_would_take_the_lot_over_its_budget_and_is_not_refused()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        // B2 at £15.75 × 14 hours = £220.50 a week, £11,466.00 a year: exactly the budget is within it.
        await fixture.SqlAsync("update lots set annual_budget = 11466.00 where id = @id", ("id", f.LotId));
        var within = await ProposeAsync(f, "B2", 14m);
        Assert.Empty(within.GetProperty("proposed").GetProperty("planWarnings").EnumerateArray());
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var form = new Dictionary<string, string>
        {
            ["LotId"] = f.LotId.ToString(), ["BandCode"] = "B2", ["HoursPerWeek"] = "14", ["Rule"] = "HighestRanked",
            ["StartsOnDay"] = DateTime.UtcNow.AddDays(7).Day.ToString(), ["StartsOnMonth"] = DateTime.UtcNow.AddDays(7).Month.ToString(),
            ["StartsOnYear"] = DateTime.UtcNow.AddDays(7).Year.ToString(),
        };
        var directAward = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework/direct-award";
        var page = await (await officer.PostFormAsync(directAward, form)).Content.ReadAsStringAsync();
        Assert.Contains("The proposal", page);
        Assert.DoesNotContain("govuk-warning-text", page);

        await fixture.SqlAsync("update lots set annual_budget = 11465.99 where id = @id", ("id", f.LotId));
        var over = await ProposeAsync(f, "B2", 14m);
        var warning = Assert.Single(over.GetProperty("proposed").GetProperty("planWarnings").EnumerateArray()).GetString()!;
        Assert.Contains("£11,466.00 a year", warning);
        Assert.Contains("over its budget of £11,465.99 by £0.01", warning);
        page = System.Net.WebUtility.HtmlDecode(await (await officer.PostFormAsync(directAward, form)).Content.ReadAsStringAsync());
        Assert.Contains("govuk-warning-text", page);
        Assert.Contains(warning, page);

        var confirmed = await DirectAwardAsync(f, "B2", 14m);
        Assert.Equal(warning, Assert.Single(confirmed.GetProperty("planWarnings").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_placement_warns_when_and_only_when_it_would_take_the_band_over_its_expected_hours()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        // 728 hours a year = 14 hours a week for B2: a 14-hour package fills it exactly.
        await fixture.SqlAsync("update fee_bands set expected_annual_volume = 728 where lot_id = @id and code = 'B2'", ("id", f.LotId));
        var id = await OfferedAsync(f, f.Members[0], 15.00m);
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        Assert.Empty((await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)))).GetProperty("planWarnings").EnumerateArray());
        var page = await officer.GetStringAsync($"/{f.Tender.Slug}/package-requests/{id}");
        Assert.Contains("Confirm the placement", page);
        Assert.DoesNotContain("govuk-warning-text", page);

        await fixture.SqlAsync("update fee_bands set expected_annual_volume = 727.48 where lot_id = @id and code = 'B2'", ("id", f.LotId));
        var warning = Assert.Single((await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)))).GetProperty("planWarnings").EnumerateArray()).GetString()!;
        Assert.Contains("14 hours a week committed: over the 13.99 a week the tender expects", warning);
        page = System.Net.WebUtility.HtmlDecode(await officer.GetStringAsync($"/{f.Tender.Slug}/package-requests/{id}"));
        Assert.Contains(warning, page);

        var placed = await ConfirmAsync(f, id);
        Assert.Equal(warning, Assert.Single(placed.GetProperty("planWarnings").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Another_tenants_spend_page_api_and_export_answer_404()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var blackburn = await fixture.CreateTenantAsync("Blackburn with Darwen");
        var user = await fixture.CreateUserAsync(blackburn, Core.Domain.Role.ProcurementOfficer);
        var api = await fixture.ApiClientAsync(user.Email!);
        var page = await fixture.PageClientAsync(user.Email!);
        var there = $"procurements/{f.Tender.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{blackburn.Slug}/{there}/framework/spend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{blackburn.Slug}/{there}/exports/framework-spend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Spend(f))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{blackburn.Slug}/{there}/framework/spend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{blackburn.Slug}/{there}/framework/spend.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Tender.Officer.GetAsync(Spend(f))).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_gives_the_figures_the_page_shows()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        await DirectAwardAsync(f, "B2", 14m);
        await ConfirmAsync(f, await OfferedAsync(f, f.Members[1], 14.00m));
        await DirectAwardAsync(f, "B4", 3.5m);
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var page = System.Net.WebUtility.HtmlDecode(await officer.GetStringAsync(SpendPage(f)));

        var csv = await officer.GetAsync($"{SpendPage(f)}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = FeeScheduleCsv.Parse((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var header = rows[0];
        Assert.Equal<IEnumerable<string>>(Web.Features.Spend.FrameworkSpend.ExportHeader, header);
        Assert.Equal(4, rows.Count(r => r.Count == header.Count) - 1); // one row per band of lot 1
        foreach (var row in rows.Skip(1).Where(r => r.Count == header.Count))
        {
            string Cell(string column) => row[header.IndexOf(column)];
            var band = Regex.Match(page, $"data-band=\"1-{Cell("band_code")}\">(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(band.Success, Cell("band_code"));
            var cells = Regex.Matches(band.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()).ToList();
            Assert.Equal(Number(Cell("expected_hours_per_week")).ToString("#,##0.##"), cells[0]);
            Assert.StartsWith(Number(Cell("committed_hours_per_week")).ToString("#,##0.##"), cells[1]);
            Assert.Equal(Money.Format(Number(Cell("committed_weekly_value"))), cells[2]);
            Assert.Equal(Money.Format(Number(Cell("committed_annual_spend"))), cells[3]);
            Assert.Equal(Cell("placements"), cells[4]);
            Assert.Contains($"data-lot-spend=\"1\">{Money.Format(Number(Cell("lot_committed_annual_spend")))} a year", page);
        }
        var api = await OkJsonAsync(await f.Tender.Officer.GetAsync(Spend(f)));
        var b2 = rows.Single(r => r.Count == header.Count && r[header.IndexOf("band_code")] == "B2");
        Assert.Equal(Band(Lot(api), "B2").GetProperty("committedAnnualSpend").GetDecimal(), Number(b2[header.IndexOf("committed_annual_spend")]));
        Assert.Equal(((220.50m + 196.00m) * 52).ToString("0.00"), b2[header.IndexOf("committed_annual_spend")]);

        var xlsx = await f.Tender.Officer.GetAsync($"{f.Api}/procurements/{f.Tender.Id}/exports/framework-spend?format=xlsx");
        Assert.Equal(ExportTable.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Tender.Officer.GetAsync($"{f.Api}/procurements/{f.Tender.Id}/exports/framework-spend?format=pdf")).StatusCode);
    }
}
