using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Notifications;

[Collection(PortalCollection.Name)]
public sealed class NotificationTests(PortalFixture fixture)
{
    /// <summary>Queues an email from the tenant, as a use case would, and commits it.</summary>
    private async Task<Guid> QueueAsync(Organisation tenant, string to, string template, object model)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(tenant.Id, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, template, model);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static object Reminder => new
    {
        ProviderName = "Ribble Care", Reference = "LCC-2026-0042", Title = "Mental Health Care and Support Framework",
        Deadline = "12:00pm on 9 January 2027 (GMT)", Hours = 48, Link = "https://portal.example/opportunities",
    };

    private static object Clarification => new
    {
        Reference = "LCC-2026-0042", Title = "Mental Health Care and Support Framework", Number = 3,
        Question = "Is travel time paid?", Answer = "Yes, within the band rate.", Link = "https://portal.example/x",
    };

    [Fact]
    public async Task An_email_to_a_person_with_an_account_becomes_one_notification_they_alone_can_read()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var reader = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var other = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var outboxId = await QueueAsync(tenant, reader.Email!, "clarification-published", Clarification);

        await fixture.DeliverMailAsync();
        await fixture.DeliverMailAsync();

        await using (var db = fixture.SuperuserDb())
        {
            var row = Assert.Single(await db.Notifications.Where(n => n.OutboxMessageId == outboxId).ToListAsync());
            Assert.Equal(reader.Id, row.UserId);
            Assert.Equal(tenant.Id, row.TenantId);
        }
        var client = await fixture.BearerClientAsync(reader.Email!);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Lancashire County Council", item.GetProperty("from").GetString());
        var id = item.GetProperty("id").GetGuid();

        var stranger = await fixture.BearerClientAsync(other.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/me/notifications/{id}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("items").EnumerateArray());

        var opened = await client.GetFromJsonAsync<JsonElement>($"/api/v1/me/notifications/{id}");
        Assert.Contains("Is travel time paid?", opened.GetProperty("body").GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("unread").GetInt32());
        var page = await (await fixture.CookieClientAsync(reader.Email!)).GetStringAsync("/account/notifications");
        Assert.Contains(opened.GetProperty("subject").GetString()!, WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Row_level_security_hides_notifications_from_a_unit_of_work_that_does_not_act_for_their_owner()
    {
        var tenant = await fixture.CreateTenantAsync();
        var owner = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var outboxId = await QueueAsync(tenant, owner.Email!, "clarification-published", Clarification);
        await fixture.DeliverMailAsync();

        // The tenant's own unit of work, with no user named: the query filter is not involved, the policy alone hides the row.
        await using (var db = fixture.AppDb(tenant.Id))
        {
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.OutboxMessageId == outboxId));
            Assert.Equal(0, await db.Notifications.Where(n => n.OutboxMessageId == outboxId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTime.UtcNow)));
        }
        await using (var db = fixture.AppDb(tenant.Id))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"select set_config('app.user_id', {owner.Id.ToString()}, true)");
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.OutboxMessageId == outboxId));
        }
        await using var superuser = fixture.SuperuserDb();
        Assert.Equal(1, await superuser.Notifications.CountAsync(n => n.OutboxMessageId == outboxId));
    }

    [Fact]
    public async Task Account_emails_are_never_kept_as_notifications()
    {
        var tenant = await fixture.CreateTenantAsync();
        var person = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var outboxId = await QueueAsync(tenant, person.Email!, "reset-code", new { Name = "Pat", Code = "123456" });

        await fixture.DeliverMailAsync();

        await using var db = fixture.SuperuserDb();
        Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == outboxId)).SentAt);
        Assert.False(await db.Notifications.AnyAsync(n => n.OutboxMessageId == outboxId));
    }

    [Fact]
    public async Task Someone_who_turned_reminders_off_gets_no_reminder_email_but_sees_it_in_the_portal_and_still_gets_other_emails()
    {
        var tenant = await fixture.CreateTenantAsync();
        var person = await fixture.CreateUserAsync(tenant, Role.BidWriter);
        var client = await fixture.BearerClientAsync(person.Email!);
        var saved = await client.PutAsJsonAsync("/api/v1/me/email-preferences", new { reminderEmails = false });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/v1/me/email-preferences")).GetProperty("reminderEmails").GetBoolean());

        var reminder = await QueueAsync(tenant, person.Email!, "submission-reminder", Reminder);
        var notice = await QueueAsync(tenant, person.Email!, "clarification-published", Clarification);
        await fixture.DeliverMailAsync();

        await using (var db = fixture.SuperuserDb())
        {
            var skipped = await db.OutboxMessages.SingleAsync(m => m.Id == reminder);
            Assert.NotNull(skipped.SkippedAt);
            Assert.Null(skipped.SentAt);
            Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == notice)).SentAt);
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.UserId == person.Id));
        }
        var mail = await fixture.Mail.WaitForAsync(person.Email!);
        await Task.Delay(500); // give a reminder the chance to land, were it sent
        Assert.Single(fixture.Mail.To(person.Email!));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("total").GetInt32());

        await client.PutAsJsonAsync("/api/v1/me/email-preferences", new { reminderEmails = true });
        var again = await QueueAsync(tenant, person.Email!, "submission-reminder", Reminder);
        await fixture.DeliverMailAsync();
        await using var after = fixture.SuperuserDb();
        Assert.NotNull((await after.OutboxMessages.SingleAsync(m => m.Id == again)).SentAt);
        Assert.Contains(await fixture.AuditChainAsync(null), e => e.Action == "account.email_preferences_changed" && e.EntityId == person.Id.ToString());
    }

    [Fact]
    public async Task The_email_preferences_page_asks_for_a_choice_and_saves_it()
    {
        var tenant = await fixture.CreateTenantAsync();
        var person = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var client = await fixture.CookieClientAsync(person.Email!);

        var empty = await client.PostFormAsync("/account/manage/email-preferences", [], "/account/manage/email-preferences");
        await empty.AssertErrorSummaryAsync("ReminderEmails");

        var saved = await client.PostFormAsync("/account/manage/email-preferences", new() { ["ReminderEmails"] = "False" }, "/account/manage/email-preferences");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("No reminder emails", await client.GetStringAsync("/account/manage"));
        await using var db = fixture.SuperuserDb();
        Assert.False((await db.Users.SingleAsync(u => u.Id == person.Id)).ReminderEmails);
    }
}
