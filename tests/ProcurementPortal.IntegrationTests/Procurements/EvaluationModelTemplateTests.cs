using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class EvaluationModelTemplateTests(PortalFixture fixture)
{
    private static async Task<Guid> DraftAsync(HttpClient officer, string slug, params string[] lots)
    {
        var created = await officer.PostAsJsonAsync($"/api/v1/t/{slug}/procurements", new { title = "Community support framework 2027", cpvCode = "85312000-9" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var name in lots)
        {
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/t/{slug}/procurements/{id}/lots", new { name })).StatusCode);
        }
        return id;
    }

    private static async Task<JsonElement> ModelAsync(HttpClient officer, string slug, Guid id) =>
        await officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{slug}/procurements/{id}/evaluation-model");

    [Fact]
    public async Task Copied_model_keeps_everything_and_maps_lots_by_name_or_else_applies_to_all_lots()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var slug = tenant.Slug!;
        var source = await LancashireViaApi.BuildAsync(officer, slug);
        var sourceLots = (await officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/procurements/{source}/lots"))!
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("id").GetGuid());
        var model = await ModelAsync(officer, slug, source);
        var sections = JsonSerializer.Deserialize<List<JsonElement>>(model.GetProperty("sections").GetRawText())!;
        // Question 1 of Quality: East only (the draft has an East); question 2: North and Central (the draft has no Central); an attachment rule.
        var quality = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(sections[1].GetRawText())!;
        var questions = JsonSerializer.Deserialize<List<Dictionary<string, object?>>>(quality["questions"].GetRawText())!;
        questions[0]["lotIds"] = new[] { sourceLots["East"] };
        questions[0]["attachments"] = "Required";
        questions[1]["lotIds"] = new[] { sourceLots["North"], sourceLots["Central"] };
        var put = await officer.PutAsJsonAsync($"/api/v1/t/{slug}/procurements/{source}/evaluation-model", new
        {
            priceWeight = 40m,
            priceFormula = "difference-from-lowest",
            sections = new object[] { sections[0], new { title = "Quality", questions } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var draft = await DraftAsync(officer, slug, "north", "East");

        var copied = await officer.PostAsync($"/api/v1/t/{slug}/procurements/{draft}/evaluation-model/copy-from/{source}", null);

        Assert.Equal(HttpStatusCode.OK, copied.StatusCode);
        var result = await copied.Content.ReadFromJsonAsync<JsonElement>();
        var note = Assert.Single(result.GetProperty("lotNotes").EnumerateArray()).GetString();
        Assert.Equal("Section 2, question 2 applied to North and Central in " + result.GetProperty("copiedFrom").GetString() +
            "; this procurement has no lot named Central, so it applies to all lots", note);
        var draftLots = (await officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/procurements/{draft}/lots"))!
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("id").GetGuid());
        var before = await ModelAsync(officer, slug, source);
        var after = await ModelAsync(officer, slug, draft);
        Assert.Equal(40m, after.GetProperty("priceWeight").GetDecimal());
        Assert.Equal("difference-from-lowest", after.GetProperty("priceFormula").GetString());
        var q1 = after.GetProperty("sections")[1].GetProperty("questions")[0];
        Assert.Equal([draftLots["East"]], q1.GetProperty("lotIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal("Required", q1.GetProperty("attachments").GetString());
        Assert.Empty(after.GetProperty("sections")[1].GetProperty("questions")[1].GetProperty("lotIds").EnumerateArray());
        // Everything but the lots is the source's: text, types, weights, descriptors, minimum scores, word limits.
        Assert.Equal(Without(before, "lotIds"), Without(after, "lotIds"));
        Assert.Contains(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "evaluation_model.copied" && e.EntityId == draft.ToString());
    }

    /// <summary>The model's JSON with one property removed from every question.</summary>
    private static string Without(JsonElement model, string property) =>
        System.Text.RegularExpressions.Regex.Replace(model.GetRawText(), $"\"{property}\":\\[[^\\]]*\\],?", "");

    [Fact]
    public async Task Copying_into_a_published_tender_is_refused_and_another_tenants_source_is_not_found()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var source = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var published = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{published}/publish", null)).StatusCode);
        var other = await fixture.CreateTenantAsync("Leeds City Council");
        var otherOfficer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(other, Role.ProcurementOfficer)).Email!);
        var otherDraft = await DraftAsync(otherOfficer, other.Slug!, "East");

        var frozen = await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{published}/evaluation-model/copy-from/{source}", null);
        var foreign = await otherOfficer.PostAsync($"/api/v1/t/{other.Slug}/procurements/{otherDraft}/evaluation-model/copy-from/{source}", null);

        Assert.Contains("frozen", Assert.Single((await frozen.FieldErrorsAsync())["State"]));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty((await ModelAsync(otherOfficer, other.Slug!, otherDraft)).GetProperty("sections").EnumerateArray());
    }

    [Fact]
    public async Task Officer_chooses_the_source_from_a_list_sees_the_lot_notes_and_copies_on_the_page()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var user = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var officer = await fixture.BearerClientAsync(user.Email!);
        var source = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var draft = await DraftAsync(officer, tenant.Slug!, "East");
        var browser = await fixture.CookieClientAsync(user.Email!);
        var model = $"/{tenant.Slug}/procurements/{draft}/evaluation-model";

        var list = await browser.GetStringAsync($"{model}/copy");
        Assert.Contains($"href=\"{model}/copy/{source}\"", list);
        Assert.DoesNotContain($"href=\"{model}/copy/{draft}\"", list);
        Assert.Contains("Every question keeps its lots", await browser.GetStringAsync($"{model}/copy/{source}"));

        var done = await browser.PostFormAsync($"{model}/copy/{source}", new());

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("How will you promote recovery and rehabilitation?", await browser.GetStringAsync(model));
    }
}
