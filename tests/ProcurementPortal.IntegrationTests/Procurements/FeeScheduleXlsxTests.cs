using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class FeeScheduleXlsxTests(PortalFixture fixture)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<(Organisation Tenant, PortalUser User, HttpClient Officer, Guid Id)> LancashireAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var user = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var officer = await fixture.BearerClientAsync(user.Email!);
        return (tenant, user, officer, await LancashireViaApi.BuildAsync(officer, tenant.Slug!));
    }

    /// <summary>The cell texts of the first sheet, row by row (as a spreadsheet program shows them).</summary>
    private static List<List<string>> Cells(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var sheet = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    /// <summary>A workbook as a person would save it from a spreadsheet program: shared strings, numbers as numbers.</summary>
    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            foreach (var (values, index) in rows.Select((r, i) => (r, i)))
            {
                var row = new Row { RowIndex = (uint)index + 1 };
                foreach (var value in values)
                {
                    if (value is string text)
                    {
                        strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                        row.AppendChild(new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.SharedStringTable.Count() - 1) });
                    }
                    else
                    {
                        row.AppendChild(new Cell { CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) });
                    }
                }
                data.AppendChild(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Fee schedule" }));
        }
        return stream.ToArray();
    }

    private static ByteArrayContent Content(byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        return content;
    }

    private static readonly object[] Header = ["lot_number", "lot_name", "band_code", "band_name", "need_description", "unit", "ceiling_rate", "expected_annual_volume"];

    [Fact]
    public async Task The_fee_schedule_exports_as_xlsx_with_the_csv_columns_and_imports_back_with_changed_ceilings()
    {
        var (tenant, _, officer, id) = await LancashireAsync();
        var url = $"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.xlsx";

        var export = await officer.GetAsync(url);
        Assert.Equal(Xlsx, export.Content.Headers.ContentType?.MediaType);
        var cells = Cells(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(Header.Cast<string>(), cells[0]);
        Assert.Equal(13, cells.Count);
        Assert.Equal(["1", "East", "B1", "Low support", "Low support needs", "Hour"], cells[1].Take(6));
        Assert.Equal([14.50m, 41600m], cells[1].Skip(6).Select(c => decimal.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));

        // Every ceiling of lot 1 (East) down by 50p, as a spreadsheet program saves it: 104,000 hours × £0.50 = £52,000 a year less.
        var rows = cells.Select((r, i) => i == 0
            ? Header
            : new object[] { int.Parse(r[0]), r[1], r[2], r[3], r[4], r[5], decimal.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture) - (i <= 4 ? 0.5m : 0m), decimal.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var import = await officer.PutAsync(url, Content(Workbook(rows)));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var model = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}/affordability");
        Assert.Equal(1_632_904.00m - 52_000m, model.GetProperty("lots")[0].GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(5_306_938.00m - 52_000m, model.GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Contains(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "fee_schedule.imported");
    }

    [Fact]
    public async Task A_workbook_with_bad_rows_is_refused_row_by_row_and_nothing_changes()
    {
        var (tenant, _, officer, id) = await LancashireAsync();
        var url = $"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.xlsx";
        var before = await officer.GetStringAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.csv");

        var response = await officer.PutAsync(url, Content(Workbook(
            Header,
            [1, "East", "B1", "Low support", "Low support", "Hour", 13.90, 41600],
            [1, "East", "B2", "Medium support", "", "Fortnight", 15, 31200],
            [9, "West", "B1", "Low support", "", "Hour", 14, 100],
            [2, "North", "B1", "Low support", "", "Hour", "fourteen", 100])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("File")
            .EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Row 3: Unit must be Hour, Night, Week, Session or Placement", messages);
        Assert.Contains("Row 4: there is no lot 9 in this procurement", messages);
        Assert.Contains("Row 5: Ceiling rate must be a number like 14.50", messages);
        Assert.Equal(3, messages.Count);
        Assert.Equal(before, await officer.GetStringAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.csv"));
        var notAWorkbook = await officer.PutAsync(url, Content("lot_number,lot_name"u8.ToArray()));
        Assert.Contains("not an Excel workbook", Assert.Single((await notAWorkbook.FieldErrorsAsync())["File"]));
    }

    [Fact]
    public async Task Officer_downloads_the_workbook_and_uploads_it_on_the_procurement_page()
    {
        var (tenant, user, _, id) = await LancashireAsync();
        var browser = await fixture.CookieClientAsync(user.Email!);
        var page = $"/{tenant.Slug}/procurements/{id}";
        var show = await browser.GetStringAsync(page);
        Assert.Contains($"href=\"{page}/fee-schedule.xlsx\"", show);
        Assert.Contains($"href=\"{page}/fee-schedule/import\"", show);
        var workbook = await browser.GetAsync($"{page}/fee-schedule.xlsx");
        Assert.Equal(Xlsx, workbook.Content.Headers.ContentType?.MediaType);
        var bytes = await workbook.Content.ReadAsByteArrayAsync();
        var token = await browser.AntiforgeryTokenAsync($"{page}/fee-schedule/import");

        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "File", "fee-schedule.xlsx" },
        };
        var response = await browser.PostAsync($"{page}/fee-schedule/import", upload);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var wrong = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("hello"u8.ToArray()), "File", "fee-schedule.txt" },
        };
        await (await browser.PostAsync($"{page}/fee-schedule/import", wrong)).AssertErrorSummaryAsync("File");
    }
}
