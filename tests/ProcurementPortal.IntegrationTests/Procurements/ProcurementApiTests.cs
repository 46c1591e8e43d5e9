using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class ProcurementApiTests(PortalFixture fixture)
{
    private async Task<(Organisation Tenant, HttpClient Officer)> LancashireOfficerAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        return (tenant, await fixture.BearerClientAsync(officer.Email!));
    }

    [Fact]
    public async Task Lancashire_framework_built_through_the_api_has_an_exact_affordability_model()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);

        var model = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}/affordability");

        var lots = model.GetProperty("lots").EnumerateArray().ToList();
        Assert.Equal(["East", "North", "Central"], lots.Select(l => l.GetProperty("name").GetString()));
        // East: 41,600 h × £14.50 + 31,200 × £15.75 + 20,800 × £16.90 + 10,400 × £17.96
        Assert.Equal(1_632_904.00m, lots[0].GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(1_224_678.00m, lots[1].GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(2_449_356.00m, lots[2].GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(5_306_938.00m, model.GetProperty("annualCostAtCeiling").GetDecimal());
        Assert.Equal(1_493_062.00m, model.GetProperty("savingAgainstCurrentSpend").GetDecimal());
        Assert.Equal(603_200.00m, lots[0].GetProperty("bands")[0].GetProperty("annualCost").GetDecimal());
    }

    [Fact]
    public async Task Removing_a_lot_takes_it_off_the_questions_that_applied_to_it_and_the_model_stays_editable()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var url = $"/api/v1/t/{tenant.Slug}/procurements/{id}";
        var lots = (await officer.GetFromJsonAsync<JsonElement>($"{url}/lots")).EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
        var put = await officer.PutAsJsonAsync($"{url}/evaluation-model", new
        {
            priceWeight = 40m,
            sections = new[] { new { title = "Quality", questions = new[] { new { text = "East and North only", type = "Scored", weight = 60m, lotIds = new[] { lots[0], lots[1] } } } } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"{url}/lots/{lots[0]}")).StatusCode);

        var after = await officer.GetFromJsonAsync<JsonElement>($"{url}/evaluation-model");
        var question = after.GetProperty("sections")[0].GetProperty("questions")[0];
        Assert.Equal([lots[1]], question.GetProperty("lotIds").EnumerateArray().Select(l => l.GetGuid()));
        var again = await officer.PutAsJsonAsync($"{url}/evaluation-model", JsonSerializer.Deserialize<JsonElement>(after.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Procurements_get_sequential_references_per_tenant()
    {
        var (tenant, officer) = await LancashireOfficerAsync();

        var first = await officer.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements", new { title = "First" });
        var second = await officer.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements", new { title = "Second" });

        var year = DateTime.UtcNow.Year;
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"LCC-{year}-0001", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());
        Assert.Equal($"LCC-{year}-0002", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_complete_tender_publishes_and_is_then_frozen()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);

        var published = await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null);
        var lateLot = await officer.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/lots", new { name = "West" });

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var procurement = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}");
        Assert.Equal("TenderOpen", procurement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, lateLot.StatusCode);
        Assert.Contains("by addendum", await lateLot.Content.ReadAsStringAsync());
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(3, await db.Lots.CountAsync(l => l.ProcurementId == id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "procurement.published" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Publishing_an_incomplete_tender_lists_every_reason_and_changes_nothing()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!, priceWeight: 39m, deadline: DateTimeOffset.UtcNow.AddMinutes(-5));
        var lots = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}/lots");
        var north = lots[1];
        var band = north.GetProperty("bands")[2];
        var cleared = await officer.PutAsJsonAsync(
            $"/api/v1/t/{tenant.Slug}/procurements/{id}/lots/{north.GetProperty("id").GetGuid()}/bands/{band.GetProperty("id").GetGuid()}",
            new { code = "B3", name = "High support", unit = "Hour", ceilingRate = (decimal?)null, expectedAnnualVolume = 15_600m });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await using var before = fixture.SuperuserDb(tenant.Id);
        var auditBefore = await before.AuditEvents.CountAsync();

        var response = await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject()
            .SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
        Assert.Contains(messages, m => m.Contains("add up to 99%"));
        Assert.Contains("Band B3 of lot 2 (North) has no ceiling rate", messages);
        Assert.Contains("The submission deadline must be in the future", messages);
        var procurement = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}");
        Assert.Equal("Draft", procurement.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, procurement.GetProperty("publishedAt").ValueKind);
        await using var after = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(auditBefore, await after.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task Another_tenants_officer_gets_404_for_every_procurement_route()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var other = await fixture.CreateTenantAsync("Leeds City Council");
        var intruder = await fixture.BearerClientAsync((await fixture.CreateUserAsync(other, Role.ProcurementOfficer)).Email!);

        // Their own tenant's routes with our id, and our tenant's routes (they are not a member).
        foreach (var slug in new[] { other.Slug, tenant.Slug })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{slug}/procurements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{slug}/procurements/{id}/affordability")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.PatchAsJsonAsync($"/api/v1/t/{slug}/procurements/{id}", new { title = "Mine now" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostAsync($"/api/v1/t/{slug}/procurements/{id}/publish", null)).StatusCode);
        }
        var unchanged = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/procurements/{id}");
        Assert.Equal("Mental Health Care and Support Framework", unchanged.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_evaluator_can_read_but_not_change_a_procurement()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var evaluator = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.Evaluator)).Email!);

        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements", new { title = "x" })).StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_come_back_as_problem_details_per_field()
    {
        var (tenant, officer) = await LancashireOfficerAsync();

        var response = await officer.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements",
            new { title = "", cpvCode = "853", pooledPartners = new[] { new { name = "NHS Lambeth CCG", sharePercent = 57.6m }, new { name = "Lambeth Council", sharePercent = 42.3m } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Enter a title", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("Enter a CPV code like 85312000-9", errors.GetProperty("CpvCode")[0].GetString());
        Assert.Contains("99.9%", errors.GetProperty("PooledPartners")[0].GetString());
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.False(await db.Procurements.AnyAsync());
    }

    [Fact]
    public async Task Close_of_submissions_job_closes_at_the_deadline_and_a_second_run_changes_nothing()
    {
        var (tenant, officer) = await LancashireOfficerAsync();
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);

        await RunCloseJobAsync(tenant.Id, id); // before the deadline: stays open
        Assert.Equal(ProcurementState.TenderOpen, await StateAsync(tenant.Id, id));

        await using (var connection = new NpgsqlConnection(fixture.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"update procurements set submission_deadline = now() - interval '1 second' where id = '{id}'", connection).ExecuteNonQueryAsync();
        }
        await RunCloseJobAsync(tenant.Id, id);
        await RunCloseJobAsync(tenant.Id, id);

        Assert.Equal(ProcurementState.SubmissionsClosed, await StateAsync(tenant.Id, id));
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "procurement.submissions_closed" && e.EntityId == id.ToString()));
    }

    private async Task RunCloseJobAsync(Guid tenantId, Guid procurementId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloseSubmissionsJob>().RunAsync(tenantId, procurementId, CancellationToken.None);
    }

    private async Task<ProcurementState> StateAsync(Guid tenantId, Guid id)
    {
        await using var db = fixture.SuperuserDb(tenantId);
        return (await db.Procurements.SingleAsync(p => p.Id == id)).State;
    }
}
