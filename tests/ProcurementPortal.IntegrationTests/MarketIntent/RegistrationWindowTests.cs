using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.MarketIntent;

[Collection(PortalCollection.Name)]
public sealed class RegistrationWindowTests(PortalFixture fixture)
{
    private static object EventWithWindow(DateTimeOffset startsAt, DateTimeOffset? opens, DateTimeOffset? closes, int capacity = 5) => new
    {
        title = "Provider event, Northampton",
        startsAt,
        endsAt = startsAt.AddHours(2),
        venue = "One Angel Square, Angel Street, Northampton NN1 1ED",
        capacity,
        registrationOpensAt = opens,
        registrationClosesAt = closes,
    };

    private static async Task<Guid> AddEventAsync(HttpClient api, string slug, Guid statement, object engagement)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/t/{slug}/market-intent-statements/{statement}/events", engagement);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task MoveWindowAsync(Guid eventId, string opens, string closes) => fixture.SqlAsync(
        $"update engagement_events set registration_opens_at = {opens}, registration_closes_at = {closes} where id = @id", ("id", eventId));

    [Fact]
    public async Task Providers_can_register_only_inside_the_registration_window_on_the_page_and_in_the_api()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var slug = tenant.Slug!;
        var statement = await api.CreateStatementAsync(slug, publish: true);
        var now = DateTimeOffset.UtcNow;
        var eventId = await AddEventAsync(api, slug, statement, EventWithWindow(now.AddDays(10), now.AddDays(2), now.AddDays(5)));
        var (_, user) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var provider = await fixture.BearerClientAsync(user.Email!);
        var pages = await fixture.CookieClientAsync(user.Email!);
        var registrations = $"/api/v1/t/{slug}/notices/{statement}/events/{eventId}/registrations";
        var registerPage = $"/{slug}/notices/{statement}/events/{eventId}/register";

        var early = await provider.PostAsJsonAsync(registrations, new { });
        Assert.Contains("Registration for this event opens at", Assert.Single((await early.FieldErrorsAsync())["EventId"]));
        var earlyPage = await pages.GetStringAsync(registerPage);
        Assert.Contains("Registration for this event opens at", earlyPage);
        Assert.DoesNotContain($"action=\"{registerPage}\"", earlyPage);
        Assert.Contains("Registration for this event opens at", await pages.GetStringAsync($"/{slug}/notices/{statement}"));

        await MoveWindowAsync(eventId, "now() - interval '2 days'", "now() - interval '1 minute'");
        var late = await provider.PostAsJsonAsync(registrations, new { });
        Assert.Contains("Registration for this event closed at", Assert.Single((await late.FieldErrorsAsync())["EventId"]));
        var latePost = await pages.PostWithPageTokenAsync(registerPage, new(), $"/{slug}/notices/{statement}");
        Assert.Contains("Registration for this event closed at", await latePost.Content.ReadAsStringAsync());

        await MoveWindowAsync(eventId, "now() - interval '2 days'", "now() + interval '1 day'");
        Assert.Equal("Confirmed", (await provider.RegisterAsync(slug, statement, eventId)).GetProperty("status").GetString());
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(1, await db.EventRegistrations.CountAsync(r => r.EventId == eventId));
    }

    [Fact]
    public async Task Officer_sets_the_registration_window_in_uk_time_and_a_close_after_the_event_starts_is_refused()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: false);
        var browser = await fixture.CookieClientAsync(officer.Email!);
        var year = (DateTime.UtcNow.Year + 1).ToString();
        var form = new Dictionary<string, string>
        {
            ["Title"] = "Provider event, Northampton", ["Day"] = "15", ["Month"] = "7", ["Year"] = year,
            ["StartTime"] = "10am", ["EndTime"] = "12:30", ["Venue"] = "One Angel Square, Northampton", ["Capacity"] = "40",
            ["RegistrationOpensAt.Day"] = "1", ["RegistrationOpensAt.Month"] = "7", ["RegistrationOpensAt.Year"] = year, ["RegistrationOpensAt.Time"] = "9am",
            ["RegistrationClosesAt.Day"] = "16", ["RegistrationClosesAt.Month"] = "7", ["RegistrationClosesAt.Year"] = year, ["RegistrationClosesAt.Time"] = "5pm",
        };
        var page = $"/{tenant.Slug}/market-intent/{statement}/events/new";

        var refused = await browser.PostFormAsync(page, new(form));
        await refused.AssertErrorSummaryAsync("RegistrationClosesAt");
        Assert.Contains("Registration must close no later than the start of the event", await refused.Content.ReadAsStringAsync());

        form["RegistrationClosesAt.Day"] = "14";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync(page, new(form))).StatusCode);
        await using var db = fixture.SuperuserDb(tenant.Id);
        var stored = await db.EngagementEvents.SingleAsync(e => e.StatementId == statement);
        var y = int.Parse(year);
        Assert.Equal(new DateTime(y, 7, 1, 8, 0, 0, DateTimeKind.Utc), stored.RegistrationOpensAt);
        Assert.Equal(new DateTime(y, 7, 14, 16, 0, 0, DateTimeKind.Utc), stored.RegistrationClosesAt);
        Assert.True(await fixture.JobScheduledAsync(nameof(EngagementRegistrationJobs), stored.Id));
        Assert.Contains($"Opens at 1 July {year} at 9:00am, closes at 14 July {year} at 5:00pm", await browser.GetStringAsync($"/{tenant.Slug}/market-intent/{statement}/events/{stored.Id}"));
    }

    [Fact]
    public async Task Opening_job_records_the_opening_once_and_only_when_its_time_has_come()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var now = DateTimeOffset.UtcNow;
        var eventId = await AddEventAsync(api, tenant.Slug!, statement, EventWithWindow(now.AddDays(10), now.AddDays(2), null));
        Task Open() => fixture.RunJobAsync<EngagementRegistrationJobs>(j => j.OpenAsync(tenant.Id, eventId, CancellationToken.None));

        await Open(); // fired early: nothing is recorded
        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            Assert.Null((await db.EngagementEvents.SingleAsync(e => e.Id == eventId)).RegistrationOpenedFor);
        }
        Assert.DoesNotContain(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "engagement-event.registration-opened");

        await MoveWindowAsync(eventId, "now() - interval '1 second'", "null");
        await Open();
        await Open();

        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            var engagement = await db.EngagementEvents.SingleAsync(e => e.Id == eventId);
            Assert.Equal(engagement.RegistrationOpensAt, engagement.RegistrationOpenedFor);
        }
        Assert.Single(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "engagement-event.registration-opened");
    }

    [Fact]
    public async Task Closing_job_emails_the_officer_who_wrote_the_statement_the_attendee_count_once()
    {
        var (tenant, owner, api) = await fixture.OfficerAsync();
        var colleague = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var now = DateTimeOffset.UtcNow;
        var eventId = await AddEventAsync(api, tenant.Slug!, statement, EventWithWindow(now.AddDays(10), null, now.AddDays(3), capacity: 2));
        foreach (var name in new[] { "Nene Valley Care Ltd", "Rockingham Forest Support CIC", "Welland Supported Living Ltd" })
        {
            var (_, user) = await fixture.CreateProviderAsync(name);
            await (await fixture.BearerClientAsync(user.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);
        }
        await MoveWindowAsync(eventId, "null", "now() - interval '1 second'");

        await fixture.RunJobAsync<EngagementRegistrationJobs>(j => j.CloseAsync(tenant.Id, eventId, CancellationToken.None));
        await fixture.RunJobAsync<EngagementRegistrationJobs>(j => j.CloseAsync(tenant.Id, eventId, CancellationToken.None));
        await fixture.DeliverMailAsync();

        var message = Assert.Single(await fixture.Mail.WaitForAsync(owner.Email!));
        Assert.Equal("Registration for Provider event, Northampton has closed: 2 attending", message.Subject);
        Assert.Contains("1 are on the waiting list", message.TextBody);
        await Task.Delay(300);
        Assert.Single(fixture.Mail.To(owner.Email!));
        Assert.Empty(fixture.Mail.To(colleague.Email!));
        var closed = Assert.Single(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "engagement-event.registration-closed");
        Assert.Contains("2 with a place, 1 waiting", closed.Summary);
    }
}
