using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Identity;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Identity;

/// <summary>What the account tests share: mail delivery and links, two-factor set-up, codes and audit events.</summary>
public static partial class AccountTestSupport
{
    public const string WrongPassword = "not-the-right-password";

    /// <summary>Runs the outbox delivery job once, as Hangfire would, so queued emails reach the SMTP sink.</summary>
    public static async Task DeliverMailAsync(this PortalFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(CancellationToken.None);
    }

    /// <summary>Delivers the outbox, waits for the one email to the address, and returns the portal link in it that starts with <paramref name="path"/>.</summary>
    public static async Task<Uri> EmailedLinkAsync(this PortalFixture fixture, string email, string path)
    {
        await fixture.DeliverMailAsync();
        var messages = await fixture.Mail.WaitForAsync(email);
        return LinkIn(Assert.Single(messages), path);
    }

    /// <summary>The portal link in an email (its text and its HTML part) that starts with <paramref name="path"/>.</summary>
    public static Uri LinkIn(MimeKit.MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var link = Regex.Match(text, $@"http://localhost{Regex.Escape(path)}\?\S+");
        Assert.True(link.Success, $"No {path} link in: {text}");
        Assert.Contains($"href=\"{link.Value}\"", WebUtility.HtmlDecode(message.HtmlBody ?? ""));
        return new Uri(link.Value);
    }

    public static Dictionary<string, string> QueryOf(Uri link) =>
        QueryHelpers.ParseQuery(link.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }
        return client.PostFormAsync("/account/sign-in", fields);
    }

    public static Task<HttpResponseMessage> ApiLoginAsync(this HttpClient client, string email, string password, string? twoFactorCode = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/api/v1/identity/login", new { email, password, twoFactorCode, twoFactorRecoveryCode = recoveryCode });

    /// <summary>Turns two-factor authentication on for a user through UserManager; returns the authenticator key and 10 recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(this PortalFixture fixture, PortalUser user)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(stored)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(stored, true)).Succeeded);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10))!.ToList();
        return ((await users.GetAuthenticatorKeyAsync(stored))!, codes);
    }

    /// <summary>The code an authenticator app shows now for the key.</summary>
    public static string CurrentCode(string key) =>
        ReplayProtectedAuthenticatorTokenProvider.Compute(Base32.Decode(key), ReplayProtectedAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow))
            .ToString("D6");

    public static async Task<PortalUser> ReloadAsync(this PortalFixture fixture, PortalUser user)
    {
        await using var db = fixture.SuperuserDb();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
    }

    /// <summary>The user's events in the platform audit chain (no tenant), oldest first.</summary>
    public static async Task<List<string>> AccountEventsAsync(this PortalFixture fixture, Guid userId)
    {
        await using var db = fixture.SuperuserDb();
        var id = userId.ToString();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == id && e.EntityType == nameof(PortalUser) && e.TenantId == null && e.ActorUserId == userId)
            .OrderBy(e => e.Seq)
            .Select(e => e.Action)
            .ToListAsync();
    }

    public static string Location(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<string> PageAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
