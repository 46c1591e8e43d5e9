using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Exports;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Exports;

/// <summary>Issue 9.4: the officer's CSV and xlsx exports, each read back; bids never before the opening.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ExportsTests(PortalFixture fixture)
{
    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")]
    private static partial Regex UkTime();

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex PlainMoney();

    [Fact]
    public async Task Bids_are_refused_as_sealed_before_the_opening_and_exported_with_their_rates_after_it()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        var officerPages = await fixture.CookieClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);

        var sealedApi = await closed.Tender.Officer.GetAsync($"{closed.Api}/exports/bids");
        Assert.Equal(HttpStatusCode.NotFound, sealedApi.StatusCode);
        Assert.Contains("sealed", (await sealedApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var sealedPage = await officerPages.GetAsync($"{closed.Pages}/bids.csv");
        Assert.Equal(HttpStatusCode.NotFound, sealedPage.StatusCode);
        Assert.Contains("The bids are sealed", await sealedPage.Content.ReadAsStringAsync());

        await closed.OpenAsync();

        var csv = await officerPages.GetAsync($"{closed.Pages}/bids.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = Rows(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(ExportQueries.BidsHeader, rows[0]);
        Assert.Equal(4, rows.Count - 1); // two bids, each for lots 1 and 2
        var ribble = rows.Skip(1).Where(r => r[1] == "Ribble Care").ToList();
        Assert.Equal(["1", "2"], ribble.Select(r => r[5]));
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Matches(UkTime(), r[4]);
            Assert.Matches(PlainMoney(), r[7]);
            Assert.StartsWith("B1 ", r[8]);
        });
        Assert.True(decimal.Parse(ribble[0][7], System.Globalization.CultureInfo.InvariantCulture)
            > decimal.Parse(rows.Skip(1).First(r => r[1] == "Pendle Support" && r[5] == "1")[7], System.Globalization.CultureInfo.InvariantCulture));

        var xlsx = await closed.Tender.Officer.GetAsync($"{closed.Api}/exports/bids?format=xlsx");
        Assert.Equal(Web.Infrastructure.ExportTable.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = FeeScheduleXlsx.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))!;
        Assert.Equal(ExportQueries.BidsHeader, sheet[0].Fields);
        Assert.Equal(rows.Skip(1).Select(r => r[7]).Order(), sheet.Skip(1).Select(r => decimal.Parse(r.Fields[7], System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Order());

        var evaluator = await fixture.PanelistAsync(closed);
        Assert.True((await evaluator.Client.GetAsync($"{closed.Api}/exports/bids")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.BadRequest, (await closed.Tender.Officer.GetAsync($"{closed.Api}/exports/bids?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task The_procurements_export_has_uk_dates_plain_money_and_no_cell_a_spreadsheet_would_run()
    {
        var tender = await fixture.PublishedTenderAsync();
        var risky = await tender.Officer.PostAsJsonAsync($"/api/v1/t/{tender.Slug}/procurements", new { title = "=HYPERLINK(\"http://evil.example\",\"Homecare\")", procedureType = "OpenFramework" });
        Assert.Equal(HttpStatusCode.Created, risky.StatusCode);

        var rows = Rows(await tender.Officer.GetByteArrayAsync($"/api/v1/t/{tender.Slug}/exports/procurements"));

        Assert.Equal(ExportQueries.ProcurementsHeader, rows[0]);
        Assert.Equal(2, rows.Count - 1);
        Assert.StartsWith("'=HYPERLINK", rows[1][1]);
        var lancashire = rows[2];
        Assert.Equal("Mental Health Care and Support Framework", lancashire[1]);
        Assert.Equal("6000000.00", lancashire[6]);
        Assert.Equal("3", lancashire[7]);
        Assert.Matches(UkTime(), lancashire[8]);
        Assert.Matches(UkTime(), lancashire[10]);

        var sheet = FeeScheduleXlsx.Read(new MemoryStream(await tender.Officer.GetByteArrayAsync($"/api/v1/t/{tender.Slug}/exports/procurements?format=xlsx")))!;
        Assert.Equal(3, sheet.Count);
        Assert.Equal("6000000", sheet[2].Fields[6]);
    }

    [Fact]
    public async Task Scores_and_the_contract_register_export_as_csv_and_xlsx()
    {
        var (closed, _, _) = await fixture.RankedAsync();

        var rows = Rows(await closed.Tender.Officer.GetByteArrayAsync($"{closed.Api}/exports/scores"));
        Assert.Equal(ExportQueries.ScoresHeader, rows[0]);
        Assert.Contains(rows.Skip(1), r => r[0] == "Ribble Care" && r[5] == "4" && r[3].EndsWith(": 4", StringComparison.Ordinal));
        Assert.Contains(rows.Skip(1), r => r[0] == "Pendle Support" && r[5] == "2");
        var sheet = FeeScheduleXlsx.Read(new MemoryStream(await closed.Tender.Officer.GetByteArrayAsync($"{closed.Api}/exports/scores?format=xlsx")))!;
        Assert.Equal(rows.Count, sheet.Count);

        await fixture.NoticePublishedAsync(closed);
        await fixture.StandstillEndedAsync(closed);

        var contracts = Rows(await closed.Tender.Officer.GetByteArrayAsync($"/api/v1/t/{closed.Tender.Slug}/exports/contracts"));
        Assert.Equal(Web.Features.Award.ContractRegister.Header, contracts[0]);
        Assert.Equal(2, contracts.Count - 1);
        Assert.All(contracts.Skip(1), c => Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", c[4]));
        var contractSheet = FeeScheduleXlsx.Read(new MemoryStream(await closed.Tender.Officer.GetByteArrayAsync($"/api/v1/t/{closed.Tender.Slug}/exports/contracts?format=xlsx")))!;
        Assert.Equal(3, contractSheet.Count);
    }

    private static List<List<string>> Rows(byte[] csv)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        return FeeScheduleCsv.Parse(Encoding.UTF8.GetString(csv[3..]));
    }
}
