using System.Net;
using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed partial class ManageAccountTests(PortalFixture fixture)
{
    [Fact]
    public async Task User_turns_on_two_factor_with_a_first_code_gets_ten_recovery_codes_and_can_turn_it_off()
    {
        var user = await fixture.CreateUserAsync();
        var client = await fixture.CookieClientAsync(user.Email!);

        var setUp = await (await client.GetAsync("/account/manage/two-factor/authenticator")).PageAsync();
        var shownKey = Key().Match(setUp).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shownKey);
        var png = Convert.FromBase64String(QrCode().Match(setUp).Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var key = shownKey.Replace(" ", "").ToUpperInvariant();

        var wrong = await (await client.PostFormAsync("/account/manage/two-factor/authenticator", new() { ["Code"] = "000000" })).PageAsync();
        Assert.Contains("<a href=\"#Code\">The code is not correct", wrong);
        Assert.False((await fixture.ReloadAsync(user)).TwoFactorEnabled);

        var codes = await (await client.PostFormAsync("/account/manage/two-factor/authenticator",
            new() { ["Code"] = AccountTestSupport.CurrentCode(key) })).PageAsync();
        var recoveryCodes = RecoveryCode().Matches(codes).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.True((await fixture.ReloadAsync(user)).TwoFactorEnabled);
        Assert.Contains("You have 10 recovery codes left", await (await client.GetAsync("/account/manage/two-factor")).PageAsync());

        var regenerated = await (await client.PostFormAsync("/account/manage/two-factor/recovery-codes", new(), "/account/manage/two-factor")).PageAsync();
        var newCodes = RecoveryCode().Matches(regenerated).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(recoveryCodes));

        Assert.Equal("/account/manage/two-factor",
            (await client.PostFormAsync("/account/manage/two-factor/disable", new(), "/account/manage/two-factor/disable")).Location());
        Assert.Contains("Two-factor authentication is off", await (await client.GetAsync("/account/manage/two-factor")).PageAsync());
        Assert.False((await fixture.ReloadAsync(user)).TwoFactorEnabled);
        Assert.Equal("/", (await fixture.CreateClient().SignInAsync(user.Email!, PortalFixture.Password)).Location());

        Assert.Equal(
            ["account.signed_in", "account.two_factor_enabled", "account.recovery_codes_generated", "account.two_factor_disabled", "account.signed_in"],
            await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task User_changes_their_password_and_stays_signed_in()
    {
        const string newPassword = "my changed pass phrase";
        var user = await fixture.CreateUserAsync();
        var client = await fixture.CookieClientAsync(user.Email!);

        var wrong = await (await client.PostFormAsync("/account/manage/change-password", new()
        {
            ["CurrentPassword"] = AccountTestSupport.WrongPassword, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        })).PageAsync();
        Assert.Contains("<a href=\"#CurrentPassword\">Your current password is not correct</a>", wrong);

        var mismatch = await (await client.PostFormAsync("/account/manage/change-password", new()
        {
            ["CurrentPassword"] = PortalFixture.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword + "x",
        })).PageAsync();
        Assert.Contains("<a href=\"#ConfirmPassword\">The passwords do not match</a>", mismatch);

        var changed = await client.PostFormAsync("/account/manage/change-password", new()
        {
            ["CurrentPassword"] = PortalFixture.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/account/manage", changed.Location());
        Assert.Contains("Your password has been changed", await (await client.GetAsync("/account/manage")).PageAsync());

        await fixture.CookieClientAsync(user.Email!, newPassword);
        Assert.Contains("account.password_changed", await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task Account_pages_ask_to_sign_in_first()
    {
        var client = fixture.CreateClient();

        var response = await client.GetAsync("/account/manage/two-factor/authenticator");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("<code id=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex("src=\"data:image/png;base64,([^\"]+)\"")]
    private static partial Regex QrCode();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
