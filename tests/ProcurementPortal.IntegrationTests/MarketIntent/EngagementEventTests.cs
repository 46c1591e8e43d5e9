using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.MarketIntent;

[Collection(PortalCollection.Name)]
public sealed class EngagementEventTests(PortalFixture fixture)
{
    [Fact]
    public async Task Event_entered_in_summer_uk_time_is_stored_an_hour_earlier_in_utc_and_shown_back_in_uk_time()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: false);
        var browser = await fixture.CookieClientAsync(officer.Email!);
        var year = DateTime.UtcNow.Year + 1;

        var response = await browser.PostFormAsync($"/{tenant.Slug}/market-intent/{statement}/events/new", new()
        {
            ["Title"] = "Provider event, Northampton",
            ["Day"] = "15",
            ["Month"] = "7",
            ["Year"] = year.ToString(),
            ["StartTime"] = "10am",
            ["EndTime"] = "12:30",
            ["Venue"] = "One Angel Square, Northampton",
            ["Capacity"] = "40",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.SuperuserDb(tenant.Id);
        var stored = await db.EngagementEvents.SingleAsync(e => e.StatementId == statement);
        Assert.Equal(new DateTime(year, 7, 15, 9, 0, 0, DateTimeKind.Utc), stored.StartsAt);
        Assert.Equal(new DateTime(year, 7, 15, 11, 30, 0, DateTimeKind.Utc), stored.EndsAt);
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/market-intent-statements/{statement}");
        var shown = view.GetProperty("events")[0];
        Assert.Equal(new DateTimeOffset(year, 7, 15, 10, 0, 0, TimeSpan.FromHours(1)), shown.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(1), shown.GetProperty("startsAt").GetDateTimeOffset().Offset);
        Assert.EndsWith("15 July " + year + ", 10am to 12:30pm", shown.GetProperty("when").GetString());
        Assert.Equal("engagement-event.scheduled", (await fixture.AuditChainAsync(tenant.Id)).Last().Action);
    }

    [Fact]
    public async Task Event_with_a_missing_date_and_no_place_is_refused_on_the_page_and_in_the_api()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: false);
        var browser = await fixture.CookieClientAsync(officer.Email!);

        var page = await browser.PostFormAsync($"/{tenant.Slug}/market-intent/{statement}/events/new", new()
        {
            ["Title"] = "Provider event",
            ["Day"] = "",
            ["Month"] = "",
            ["Year"] = "",
            ["StartTime"] = "25:00",
            ["EndTime"] = "12:00",
            ["Capacity"] = "0",
        });
        await page.AssertErrorSummaryAsync("Day", "StartTime", "Capacity");

        var errors = await (await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{statement}/events", new
        {
            title = "Provider event",
            startsAt = DateTimeOffset.UtcNow.AddDays(-1),
            endsAt = DateTimeOffset.UtcNow.AddDays(-2),
            capacity = 0,
        })).FieldErrorsAsync();
        Assert.Equal(["Capacity", "EndsAt", "StartsAt", "Venue"], errors.Keys.Order());
    }

    [Fact]
    public async Task Registration_beyond_capacity_waits_and_a_cancellation_gives_the_place_to_the_first_waiting_and_emails_both()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var eventId = await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(20), capacity: 2);
        var (_, first) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var (_, second) = await fixture.CreateProviderAsync("Rockingham Forest Support CIC");
        var (_, third) = await fixture.CreateProviderAsync("Welland Supported Living Ltd", Core.Domain.Role.BidWriter);
        var firstApi = await fixture.BearerClientAsync(first.Email!);

        Assert.Equal("Confirmed", (await firstApi.RegisterAsync(tenant.Slug!, statement, eventId)).GetProperty("status").GetString());
        Assert.Equal("Confirmed", (await (await fixture.BearerClientAsync(second.Email!)).RegisterAsync(tenant.Slug!, statement, eventId)).GetProperty("status").GetString());
        // The third registers through the page, as a person would.
        var thirdPages = await fixture.CookieClientAsync(third.Email!);
        var registerPage = $"/{tenant.Slug}/notices/{statement}/events/{eventId}/register";
        Assert.Contains("Join the waiting list", await thirdPages.GetStringAsync(registerPage));
        Assert.Equal(HttpStatusCode.Redirect, (await thirdPages.PostFormAsync(registerPage, new())).StatusCode);
        Assert.Contains("is on the waiting list", await thirdPages.GetStringAsync($"/{tenant.Slug}/notices/{statement}"));

        var cancelled = await firstApi.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/notices/{statement}/events/{eventId}/registrations/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            var registrations = await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.RegisteredAt).ToListAsync();
            Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], registrations.Select(r => r.Status));
            Assert.NotNull(registrations[2].PromotedAt);
        }
        await fixture.DeliverMailAsync();
        var promoted = await fixture.Mail.WaitForAsync(third.Email!, count: 2);
        Assert.Equal(["A place at Provider event, Northampton is now yours", "You are on the waiting list for Provider event, Northampton"],
            promoted.Select(m => m.Subject).Order());
        Assert.Contains(await fixture.Mail.WaitForAsync(first.Email!, count: 2), m => m.Subject == "Your registration for Provider event, Northampton is cancelled");
        Assert.Equal(["engagement-event.registered", "engagement-event.registered", "engagement-event.registered", "engagement-event.cancelled"],
            (await fixture.AuditChainAsync(tenant.Id)).Select(e => e.Action).Where(a => a.StartsWith("engagement-event.r") || a.StartsWith("engagement-event.c")));
    }

    [Fact]
    public async Task A_provider_registers_its_organisation_once_and_cannot_cancel_another_providers_place()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var eventId = await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(20));
        var (provider, user) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var (_, stranger) = await fixture.CreateProviderAsync("Rockingham Forest Support CIC");
        var providerApi = await fixture.BearerClientAsync(user.Email!);
        await providerApi.RegisterAsync(tenant.Slug!, statement, eventId);

        var again = await providerApi.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/notices/{statement}/events/{eventId}/registrations", new { });
        var byStranger = await (await fixture.BearerClientAsync(stranger.Email!)).PostAsJsonAsync(
            $"/api/v1/t/{tenant.Slug}/notices/{statement}/events/{eventId}/registrations/cancel", new { providerId = provider.Id });

        Assert.Contains("already registered", Assert.Single((await again.FieldErrorsAsync())["ProviderId"]));
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(RegistrationStatus.Confirmed, (await db.EventRegistrations.SingleAsync(r => r.EventId == eventId)).Status);
    }

    [Fact]
    public async Task Officer_exports_the_attendee_list_as_csv_with_a_header_row()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var eventId = await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(20), capacity: 1);
        var (_, first) = await fixture.CreateProviderAsync("Nene Valley Care, Ltd");
        var (_, second) = await fixture.CreateProviderAsync("=Rockingham \"Forest\" CIC");
        await (await fixture.BearerClientAsync(first.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);
        await (await fixture.BearerClientAsync(second.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);
        var browser = await fixture.CookieClientAsync(officer.Email!);

        var response = await browser.GetAsync($"/{tenant.Slug}/market-intent/{statement}/events/{eventId}/attendees.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Provider,Attendee,Email,Status,Registered (UK time)", lines[0]);
        Assert.StartsWith($"\"Nene Valley Care, Ltd\",{first.Email},{first.Email},Place confirmed,", lines[1]);
        Assert.StartsWith($"\"'=Rockingham \"\"Forest\"\" CIC\",{second.Email},{second.Email},Waiting list,", lines[2]);
        Assert.Equal(3, lines.Length);
        var page = await browser.GetStringAsync($"/{tenant.Slug}/market-intent/{statement}/events/{eventId}");
        Assert.Contains(first.Email!, page);
        var apiCsv = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/t/{tenant.Slug}/market-intent-statements/{statement}/events/{eventId}/attendees");
        apiCsv.Headers.Accept.ParseAdd("text/csv");
        Assert.Equal("text/csv", (await api.SendAsync(apiCsv)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reminder_job_emails_each_attendee_once_the_day_before()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var eventId = await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddHours(20), capacity: 1);
        var (_, attendee) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var (_, waiting) = await fixture.CreateProviderAsync("Rockingham Forest Support CIC");
        await (await fixture.BearerClientAsync(attendee.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);
        await (await fixture.BearerClientAsync(waiting.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);

        await RunReminderAsync(tenant.Id, eventId);
        await RunReminderAsync(tenant.Id, eventId);
        await fixture.DeliverMailAsync();

        var received = await fixture.Mail.WaitForAsync(attendee.Email!, count: 3, timeout: TimeSpan.FromSeconds(3));
        Assert.Single(received, m => m.Subject == "Reminder: Provider event, Northampton is tomorrow");
        Assert.DoesNotContain(await fixture.Mail.WaitForAsync(waiting.Email!, count: 2), m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true);
        Assert.Single(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "engagement-event.reminder-sent");
        Assert.True(await ReminderJobScheduledAsync(eventId));
    }

    [Fact]
    public async Task Reminder_job_does_nothing_when_the_event_has_moved_later()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var eventId = await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddHours(20));
        var (_, attendee) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        await (await fixture.BearerClientAsync(attendee.Email!)).RegisterAsync(tenant.Slug!, statement, eventId);
        var moved = await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{statement}/events/{eventId}",
            MarketIntentTestSupport.Event(DateTimeOffset.UtcNow.AddDays(10), 2));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // The job scheduled for the old time fires now: the event is ten days away, so nothing is due.
        await RunReminderAsync(tenant.Id, eventId);
        await fixture.DeliverMailAsync();

        Assert.DoesNotContain(await fixture.Mail.WaitForAsync(attendee.Email!, count: 2, timeout: TimeSpan.FromSeconds(2)), m => m.Subject?.StartsWith("Reminder", StringComparison.Ordinal) == true);
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Null((await db.EngagementEvents.SingleAsync(e => e.Id == eventId)).ReminderSentForStartsAt);
        Assert.DoesNotContain(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "engagement-event.reminder-sent");
    }

    [Fact]
    public async Task Dashboard_tells_the_officer_how_many_events_are_in_the_next_fortnight()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: false);
        await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(3));
        await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(13));
        await api.AddEventAsync(tenant.Slug!, statement, DateTimeOffset.UtcNow.AddDays(15));

        var dashboard = await (await fixture.CookieClientAsync(officer.Email!)).GetStringAsync($"/{tenant.Slug}");

        Assert.Contains("2 engagement events in the next 14 days.", dashboard);
        Assert.Contains($"href=\"/{tenant.Slug}/market-intent\"", dashboard);
    }

    /// <summary>Runs the reminder job in its own scope, as the Hangfire server would.</summary>
    private Task RunReminderAsync(Guid tenantId, Guid eventId) =>
        fixture.RunJobAsync<EngagementEventReminder>(j => j.RunAsync(tenantId, eventId, CancellationToken.None));

    /// <summary>Whether a reminder job with this event id as its argument is waiting in Hangfire's storage.</summary>
    private Task<bool> ReminderJobScheduledAsync(Guid eventId) => fixture.JobScheduledAsync(nameof(EngagementEventReminder), eventId);
}
