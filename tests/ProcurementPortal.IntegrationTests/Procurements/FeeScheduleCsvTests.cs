using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class FeeScheduleCsvTests(PortalFixture fixture)
{
    private async Task<(Organisation Tenant, HttpClient Officer, Guid Id)> LancashireAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        return (tenant, officer, await LancashireViaApi.BuildAsync(officer, tenant.Slug!));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task The_fee_schedule_exports_as_csv_and_imports_back_with_changed_ceilings()
    {
        var (tenant, officer, id) = await LancashireAsync();
        var url = $"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.csv";

        var export = await officer.GetAsync(url);
        var csv = await export.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("lot_number,lot_name,band_code,band_name,need_description,unit,ceiling_rate,expected_annual_volume", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.Equal("1,East,B1,Low support,Low support needs,Hour,14.50,41600", lines[1]);

        // Every ceiling of lot 1 (East) down by 50p: 104,000 hours × £0.50 = £52,000 a year less.
        var changed = string.Join("\r\n", lines.Select((l, i) => i is >= 1 and <= 4 ? Lower(l) : l)) + "\r\n";
        var import = await officer.PutAsync(url, Csv(changed));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var model = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}/affordability");
        Assert.Equal(1_632_904.00m - 52_000m, model.GetProperty("lots")[0].GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(5_306_938.00m - 52_000m, model.GetProperty("annualCostAtCeiling").GetDecimal());
    }

    private static string Lower(string line)
    {
        var fields = line.Split(',');
        fields[6] = (decimal.Parse(fields[6], System.Globalization.CultureInfo.InvariantCulture) - 0.50m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(',', fields);
    }

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_line_by_line_and_nothing_changes()
    {
        var (tenant, officer, id) = await LancashireAsync();
        var url = $"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.csv";
        var before = await officer.GetStringAsync(url);

        var response = await officer.PutAsync(url, Csv(
            "lot_number,lot_name,band_code,band_name,need_description,unit,ceiling_rate,expected_annual_volume\r\n" +
            "1,East,B1,Low support,\"Low, \"\"everyday\"\" support\",Hour,13.90,41600\r\n" +
            "1,East,B2,Medium support,,Fortnight,15.00,31200\r\n" +
            "9,West,B1,Low support,,Hour,14.00,100\r\n" +
            "2,North,B1,Low support,,Hour,fourteen,100\r\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("File")
            .EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("Line 3: Unit must be Hour, Night, Week, Session or Placement", messages);
        Assert.Contains("Line 4: there is no lot 9 in this procurement", messages);
        Assert.Contains("Line 5: Ceiling rate must be a number like 14.50", messages);
        Assert.Equal(3, messages.Count);
        Assert.Equal(before, await officer.GetStringAsync(url));
    }

    [Fact]
    public async Task Another_tenant_cannot_export_or_import_the_schedule()
    {
        var (tenant, _, id) = await LancashireAsync();
        var other = await fixture.CreateTenantAsync();
        var intruder = await fixture.BearerClientAsync((await fixture.CreateUserAsync(other, Role.ProcurementOfficer)).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{other.Slug}/procurements/{id}/fee-schedule.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/fee-schedule.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PutAsync($"/api/v1/t/{other.Slug}/procurements/{id}/fee-schedule.csv",
            Csv("lot_number,lot_name,band_code,band_name,need_description,unit,ceiling_rate,expected_annual_volume\r\n"))).StatusCode);
    }
}
