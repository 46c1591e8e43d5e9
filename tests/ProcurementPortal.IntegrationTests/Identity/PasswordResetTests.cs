using System.Net;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Account;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed class PasswordResetTests(PortalFixture fixture)
{
    private const string NewPassword = "a brand new pass phrase";

    [Fact]
    public async Task Forgotten_password_is_reset_by_the_emailed_link_once()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        var asked = await (await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! })).PageAsync();
        Assert.Contains("Check your email", asked);

        var link = await fixture.EmailedLinkAsync(user.Email!, "/account/reset-password");
        var query = AccountTestSupport.QueryOf(link);
        Assert.Contains("Choose a new password", await (await client.GetAsync(link.PathAndQuery)).PageAsync());
        var fields = new Dictionary<string, string>
        {
            ["UserId"] = query["userId"],
            ["Code"] = query["code"],
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        };
        Assert.Equal("/account/reset-password/done", (await client.PostFormAsync("/account/reset-password", new(fields), link.PathAndQuery)).Location());

        await fixture.CookieClientAsync(user.Email!, NewPassword);
        Assert.Contains(SignInHandler.WrongDetails, await (await fixture.CreateClient().SignInAsync(user.Email!, PortalFixture.Password)).PageAsync());

        var reused = await client.PostFormAsync("/account/reset-password", new(fields) { ["Password"] = "yet another pass phrase", ["ConfirmPassword"] = "yet another pass phrase" }, link.PathAndQuery);
        Assert.Contains(ResetPasswordHandler.LinkNotValid, await reused.PageAsync());
        Assert.Equal(["account.password_reset", "account.signed_in"], await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_address_with_no_account_and_sends_nothing()
    {
        var user = await fixture.CreateUserAsync();
        var nobody = $"nobody-{Guid.NewGuid():N}@test.local";
        var client = fixture.CreateClient();

        var known = await (await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! })).PageAsync();
        var unknown = await (await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = nobody })).PageAsync();

        Assert.Equal(Without(known, user.Email!), Without(unknown, nobody));
        await fixture.DeliverMailAsync();
        Assert.Single(await fixture.Mail.WaitForAsync(user.Email!));
        Assert.Empty(fixture.Mail.To(nobody));
    }

    [Fact]
    public async Task A_reset_with_a_password_that_is_too_short_is_refused_and_the_link_still_works()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();
        await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = user.Email! });
        var link = await fixture.EmailedLinkAsync(user.Email!, "/account/reset-password");
        var query = AccountTestSupport.QueryOf(link);
        Dictionary<string, string> Fields(string password) => new()
        {
            ["UserId"] = query["userId"], ["Code"] = query["code"], ["Password"] = password, ["ConfirmPassword"] = password,
        };

        var tooShort = await (await client.PostFormAsync("/account/reset-password", Fields("elevenchars"), link.PathAndQuery)).PageAsync();
        Assert.Contains("Password must be at least 12 characters", tooShort);

        var ok = await client.PostFormAsync("/account/reset-password", Fields(NewPassword), link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    /// <summary>The page with the address taken out and the per-request tokens blanked, to compare two answers.</summary>
    private static string Without(string page, string email) =>
        System.Text.RegularExpressions.Regex.Replace(page.Replace(email, "EMAIL"), "(nonce|value)=\"[^\"]*\"", "$1=\"\"");
}
