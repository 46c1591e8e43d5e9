using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Account;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed class RegistrationTests(PortalFixture fixture)
{
    private const string NewPassword = "a long new pass phrase";

    private static Dictionary<string, string> Form(string email, string password) => new()
    {
        ["DisplayName"] = "Sam Provider",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Registered_user_confirms_by_the_emailed_link_and_can_then_sign_in()
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        var client = fixture.CreateClient();

        var registered = await (await client.PostFormAsync("/account/register", Form(email, NewPassword))).PageAsync();
        Assert.Contains("Check your email", registered);
        Assert.Contains($"We have sent an email to {email}", registered);

        Assert.Contains("Confirm your email address first", await (await client.SignInAsync(email, NewPassword)).PageAsync());

        var link = await fixture.EmailedLinkAsync(email, "/account/confirm-email");
        var confirmed = await (await client.GetAsync(link.PathAndQuery)).PageAsync();
        Assert.Contains("Email address confirmed", confirmed);

        await fixture.CookieClientAsync(email, NewPassword);
        await using var db = fixture.SuperuserDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Sam Provider", user.DisplayName);
        Assert.Equal(["account.registered", "account.email_confirmed", "account.signed_in"], await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task An_eleven_character_password_is_refused_with_a_clear_error_and_no_account_is_made()
    {
        var email = $"short-{Guid.NewGuid():N}@test.local";
        var client = fixture.CreateClient();

        var page = await (await client.PostFormAsync("/account/register", Form(email, "elevenchars"))).PageAsync();

        Assert.Contains("govuk-error-summary", page);
        Assert.Contains("<a href=\"#Password\">Password must be at least 12 characters</a>", page);
        Assert.Contains("id=\"Password-error\"", page);
        Assert.DoesNotContain("value=\"elevenchars\"", page);
        await using var db = fixture.SuperuserDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));

        var api = await client.PostAsJsonAsync("/api/v1/identity/register", new { email, password = "elevenchars" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("PasswordTooShort", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_tells_the_owner()
    {
        var existing = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        var page = await (await client.PostFormAsync("/account/register", Form(existing.Email!, NewPassword))).PageAsync();

        Assert.Contains($"We have sent an email to {existing.Email}", page);
        await fixture.DeliverMailAsync();
        var message = Assert.Single(await fixture.Mail.WaitForAsync(existing.Email!));
        Assert.Equal("You already have a ProcurementPortal account", message.Subject);
        await fixture.CookieClientAsync(existing.Email!); // the old password still works
    }

    [Fact]
    public async Task A_new_confirmation_link_can_be_asked_for_and_works()
    {
        var email = $"resend-{Guid.NewGuid():N}@test.local";
        var client = fixture.CreateClient();
        await client.PostFormAsync("/account/register", Form(email, NewPassword));
        await fixture.DeliverMailAsync();
        Assert.Single(await fixture.Mail.WaitForAsync(email));

        var resent = await (await client.PostFormAsync("/account/resend-confirmation", new() { ["Email"] = email })).PageAsync();
        Assert.Contains("Check your email", resent);
        await fixture.DeliverMailAsync();
        var messages = await fixture.Mail.WaitForAsync(email, 2);
        Assert.Equal(2, messages.Count);

        var link = AccountTestSupport.LinkIn(messages.OrderBy(m => m.Date).Last(), "/account/confirm-email");
        Assert.Contains("Email address confirmed", await (await client.GetAsync(link.PathAndQuery)).PageAsync());
    }

    [Fact]
    public async Task A_mangled_confirmation_link_confirms_nothing()
    {
        var email = $"mangled-{Guid.NewGuid():N}@test.local";
        var client = fixture.CreateClient();
        await client.PostFormAsync("/account/register", Form(email, NewPassword));
        await using var db = fixture.SuperuserDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);

        var page = await (await client.GetAsync($"/account/confirm-email?userId={user.Id}&code=bm90LWEtdG9rZW4")).PageAsync();

        Assert.Contains("This link does not work", page);
        Assert.False((await fixture.ReloadAsync(user)).EmailConfirmed);
    }
}
