using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class ClarificationTests(PortalFixture fixture)
{
    private sealed record Setup(Organisation Tenant, Guid ProcurementId, HttpClient Officer);

    private async Task<Setup> PublishedLancashireAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        return new Setup(tenant, id, officer);
    }

    private async Task<(Organisation Provider, PortalUser User, HttpClient Client)> ProviderAsync(string name)
    {
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = name, CompaniesHouseNumber = "09900001" };
        await using (var db = fixture.SuperuserDb())
        {
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
        }
        var user = await fixture.CreateUserAsync(provider, Role.BidWriter);
        return (provider, user, await fixture.BearerClientAsync(user.Email!));
    }

    private async Task DeliverAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_published_answer_reaches_every_interested_provider_once_and_never_names_the_asker()
    {
        var setup = await PublishedLancashireAsync();
        var slug = setup.Tenant.Slug;
        var asker = await ProviderAsync("Ribble Valley Supported Living Ltd");
        var other = await ProviderAsync("Aire Valley Recovery Trust");
        var uninterested = await ProviderAsync("Brixton Wellbeing Partnership CIC");
        Assert.Equal(HttpStatusCode.NoContent, (await other.Client.PostAsJsonAsync($"/api/v1/t/{slug}/opportunities/{setup.ProcurementId}/interest", new { })).StatusCode);

        var asked = await asker.Client.PostAsJsonAsync($"/api/v1/t/{slug}/opportunities/{setup.ProcurementId}/clarifications",
            new { question = "Ribble Valley asks: is TUPE expected to apply to our <b>staff</b> in the East lot?" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        // Before publishing, only the asker sees the question.
        Assert.Empty((await other.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/opportunities/{setup.ProcurementId}/clarifications"))!);
        var officerView = await setup.Officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/procurements/{setup.ProcurementId}/clarifications");
        var question = Assert.Single(officerView!);
        Assert.Equal("Ribble Valley Supported Living Ltd", question.GetProperty("askedBy").GetString());

        var answered = await setup.Officer.PostAsJsonAsync(
            $"/api/v1/t/{slug}/procurements/{setup.ProcurementId}/clarifications/{question.GetProperty("id").GetGuid()}/answer",
            new { publishedQuestion = "Is TUPE expected to apply to staff in the East lot?", answer = "Yes: see the staff list in the tender documents." });
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        var again = await setup.Officer.PostAsJsonAsync(
            $"/api/v1/t/{slug}/procurements/{setup.ProcurementId}/clarifications/{question.GetProperty("id").GetGuid()}/answer",
            new { answer = "Answering twice" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        await DeliverAsync();
        await DeliverAsync();

        foreach (var interested in new[] { asker.User.Email!, other.User.Email! })
        {
            await fixture.Mail.WaitForAsync(interested);
        }
        await Task.Delay(300);
        foreach (var interested in new[] { asker.User.Email!, other.User.Email! })
        {
            var message = Assert.Single(fixture.Mail.To(interested));
            Assert.Contains("Is TUPE expected to apply to staff in the East lot?", message.TextBody);
            Assert.DoesNotContain("Ribble Valley", message.TextBody);
            Assert.DoesNotContain("Ribble Valley", message.HtmlBody);
        }
        Assert.Empty(fixture.Mail.To(uninterested.User.Email!));
        var published = Assert.Single((await other.Client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/opportunities/{setup.ProcurementId}/clarifications"))!);
        Assert.Equal("Is TUPE expected to apply to staff in the East lot?", published.GetProperty("question").GetString());
        Assert.False(published.GetProperty("askedByYou").GetBoolean());
        Assert.DoesNotContain("Ribble", published.GetRawText());
    }

    [Fact]
    public async Task An_officer_answers_on_the_clarifications_page_and_every_interested_provider_is_emailed()
    {
        var setup = await PublishedLancashireAsync();
        var (_, user, client) = await ProviderAsync("Pennine Care Partnership Ltd");
        await client.PostAsJsonAsync($"/api/v1/t/{setup.Tenant.Slug}/opportunities/{setup.ProcurementId}/clarifications",
            new { question = "Pennine asks: can one provider bid for all three lots?" });
        var officerEmail = (await fixture.CreateUserAsync(setup.Tenant, Role.ProcurementOfficer)).Email!;
        var browser = await fixture.CookieClientAsync(officerEmail);
        var list = $"/{setup.Tenant.Slug}/procurements/{setup.ProcurementId}/clarifications";

        var listing = await browser.GetStringAsync(list);
        Assert.Contains("Pennine Care Partnership Ltd", listing);
        Assert.Contains("Waiting for an answer", listing);
        var answerPage = System.Text.RegularExpressions.Regex.Match(listing, $"href=\"({list}/[0-9a-f-]+/answer)\"").Groups[1].Value;

        var empty = await browser.PostFormAsync(answerPage, new() { ["PublishedQuestion"] = "Can one provider bid for all three lots?", ["Answer"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter the answer", await empty.Content.ReadAsStringAsync());

        var answered = await browser.PostFormAsync(answerPage, new() { ["PublishedQuestion"] = "Can one provider bid for all three lots?", ["Answer"] = "Yes." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Answered", await browser.GetStringAsync(list));
        await DeliverAsync();
        var message = Assert.Single(await fixture.Mail.WaitForAsync(user.Email!));
        Assert.Contains("Can one provider bid for all three lots?", message.TextBody);
        Assert.DoesNotContain("Pennine", message.TextBody);

        var other = await fixture.CreateTenantAsync();
        var intruder = await fixture.CookieClientAsync((await fixture.CreateUserAsync(other, Role.ProcurementOfficer)).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/{other.Slug}/procurements/{setup.ProcurementId}/clarifications")).StatusCode);
    }

    [Fact]
    public async Task Provider_text_in_an_email_is_html_encoded()
    {
        var setup = await PublishedLancashireAsync();
        var (_, user, client) = await ProviderAsync("Encoding Test Care Ltd");
        await client.PostAsJsonAsync($"/api/v1/t/{setup.Tenant.Slug}/opportunities/{setup.ProcurementId}/clarifications",
            new { question = "Is <script>alert(1)</script> & co allowed?" });
        var id = (await setup.Officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{setup.Tenant.Slug}/procurements/{setup.ProcurementId}/clarifications"))![0].GetProperty("id").GetGuid();

        await setup.Officer.PostAsJsonAsync($"/api/v1/t/{setup.Tenant.Slug}/procurements/{setup.ProcurementId}/clarifications/{id}/answer", new { answer = "No <b>markup</b>." });
        await DeliverAsync();

        var message = Assert.Single(await fixture.Mail.WaitForAsync(user.Email!));
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
        Assert.Contains("<script>alert(1)</script>", message.TextBody);
    }

    [Fact]
    public async Task Questions_after_the_clarification_deadline_are_refused_with_the_deadline()
    {
        var setup = await PublishedLancashireAsync();
        var (_, _, client) = await ProviderAsync("Late Question Care Ltd");
        await using (var connection = new NpgsqlConnection(fixture.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"update procurements set clarification_deadline = now() - interval '1 minute' where id = '{setup.ProcurementId}'", connection).ExecuteNonQueryAsync();
        }

        var response = await client.PostAsJsonAsync($"/api/v1/t/{setup.Tenant.Slug}/opportunities/{setup.ProcurementId}/clarifications", new { question = "Too late?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The deadline for questions passed at", await response.Content.ReadAsStringAsync());
        await using var db = fixture.SuperuserDb(setup.Tenant.Id);
        Assert.False(await db.Clarifications.AnyAsync(c => c.ProcurementId == setup.ProcurementId));
    }

    [Fact]
    public async Task An_unpublished_procurement_is_not_found_by_providers_and_a_non_provider_cannot_ask()
    {
        var tenant = await fixture.CreateTenantAsync("Leeds City Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var draft = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var (_, _, provider) = await ProviderAsync("Draft Peeker Ltd");
        var outsider = await fixture.BearerClientAsync((await fixture.CreateUserAsync()).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/t/{tenant.Slug}/opportunities/{draft}/clarifications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/opportunities/{draft}/clarifications", new { question = "?" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/t/{tenant.Slug}/procurements/{draft}")).StatusCode);
        var published = await PublishedLancashireAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/t/{published.Tenant.Slug}/opportunities/{published.ProcurementId}/clarifications", new { question = "?" })).StatusCode);
    }
}
