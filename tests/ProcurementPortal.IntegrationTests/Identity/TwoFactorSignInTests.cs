using System.Net;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed class TwoFactorSignInTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_authenticator_code_signs_in_through_the_api_once_and_is_refused_the_second_time()
    {
        var user = await fixture.CreateUserAsync();
        var (key, _) = await fixture.EnableTwoFactorAsync(user);
        var client = fixture.CreateClient();

        var passwordOnly = await client.ApiLoginAsync(user.Email!, PortalFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Contains("RequiresTwoFactor", await passwordOnly.Content.ReadAsStringAsync());

        var code = AccountTestSupport.CurrentCode(key);
        var first = await client.ApiLoginAsync(user.Email!, PortalFixture.Password, twoFactorCode: code);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("accessToken", await first.Content.ReadAsStringAsync());

        var replay = await fixture.CreateClient().ApiLoginAsync(user.Email!, PortalFixture.Password, twoFactorCode: code);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_through_the_two_factor_page_once_and_is_refused_the_second_time()
    {
        var user = await fixture.CreateUserAsync();
        var (key, _) = await fixture.EnableTwoFactorAsync(user);

        var browser = fixture.CreateClient();
        Assert.Equal("/account/sign-in/two-factor?returnUrl=%2Faccount%2Fmanage",
            (await browser.SignInAsync(user.Email!, PortalFixture.Password, "/account/manage")).Location());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/manage")).StatusCode); // not signed in yet
        var code = AccountTestSupport.CurrentCode(key);
        var accepted = await browser.PostFormAsync("/account/sign-in/two-factor",
            new() { ["Code"] = code, ["ReturnUrl"] = "/account/manage" }, "/account/sign-in/two-factor?returnUrl=%2Faccount%2Fmanage");
        Assert.Equal("/account/manage", accepted.Location());
        Assert.Contains("Two-factor authentication", await (await browser.GetAsync("/account/manage")).PageAsync());

        var attacker = fixture.CreateClient();
        Assert.Equal("/account/sign-in/two-factor", (await attacker.SignInAsync(user.Email!, PortalFixture.Password)).Location());
        var replay = await attacker.PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = code });
        Assert.Contains("The code is not correct or has already been used", await replay.PageAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/account/manage")).StatusCode);

        Assert.Equal(["account.signed_in"], await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_refused_the_second_time()
    {
        var user = await fixture.CreateUserAsync();
        var (_, recoveryCodes) = await fixture.EnableTwoFactorAsync(user);

        var browser = fixture.CreateClient();
        Assert.Equal("/account/sign-in/two-factor", (await browser.SignInAsync(user.Email!, PortalFixture.Password)).Location());
        var accepted = await browser.PostFormAsync("/account/sign-in/recovery-code", new() { ["Code"] = recoveryCodes[0] });
        Assert.Equal("/", accepted.Location());

        var again = fixture.CreateClient();
        await again.SignInAsync(user.Email!, PortalFixture.Password);
        var replay = await again.PostFormAsync("/account/sign-in/recovery-code", new() { ["Code"] = recoveryCodes[0] });
        Assert.Contains("The recovery code is not correct or has already been used", await replay.PageAsync());

        var api = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ApiLoginAsync(user.Email!, PortalFixture.Password, recoveryCode: recoveryCodes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ApiLoginAsync(user.Email!, PortalFixture.Password, recoveryCode: recoveryCodes[1])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ApiLoginAsync(user.Email!, PortalFixture.Password, recoveryCode: recoveryCodes[1])).StatusCode);
    }

    [Fact]
    public async Task The_two_factor_page_without_a_password_first_goes_back_to_sign_in()
    {
        var client = fixture.CreateClient();
        Assert.Equal("/account/sign-in", (await client.GetAsync("/account/sign-in/two-factor")).Location());
    }
}
