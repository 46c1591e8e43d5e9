using System.Net;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Account;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed class LockoutTests(PortalFixture fixture)
{
    [Fact]
    public async Task Three_wrong_passwords_on_the_sign_in_page_lock_the_account_and_then_the_right_one_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var refused = await (await client.SignInAsync(user.Email!, AccountTestSupport.WrongPassword)).PageAsync();
            Assert.Contains(SignInHandler.WrongDetails, refused);
            Assert.DoesNotContain("Your account is locked", refused);
        }
        var third = await (await client.SignInAsync(user.Email!, AccountTestSupport.WrongPassword)).PageAsync();
        Assert.Contains("Your account is locked", third);

        var lockedUntil = (await fixture.ReloadAsync(user)).LockoutEnd;
        Assert.NotNull(lockedUntil);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Contains($"You can try again after <strong>{AccountText.UkTime(lockedUntil.Value)}</strong> (UK time)", third);

        var rightPassword = await client.SignInAsync(user.Email!, PortalFixture.Password);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("Your account is locked", await rightPassword.PageAsync());
        Assert.DoesNotContain(rightPassword.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("portal.auth=")));

        Assert.Equal(["account.locked_out"], await fixture.AccountEventsAsync(user.Id));
    }

    [Fact]
    public async Task Three_wrong_passwords_through_the_api_lock_the_account_and_then_the_right_one_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await client.ApiLoginAsync(user.Email!, AccountTestSupport.WrongPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var rightPassword = await client.ApiLoginAsync(user.Email!, PortalFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, rightPassword.StatusCode);
        Assert.Contains("LockedOut", await rightPassword.Content.ReadAsStringAsync());
        Assert.NotNull((await fixture.ReloadAsync(user)).LockoutEnd);
    }

    [Fact]
    public async Task Two_wrong_passwords_then_the_right_one_signs_in_and_resets_the_count()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();
        await client.SignInAsync(user.Email!, AccountTestSupport.WrongPassword);
        await client.SignInAsync(user.Email!, AccountTestSupport.WrongPassword);

        Assert.Equal("/", (await client.SignInAsync(user.Email!, PortalFixture.Password)).Location());

        var stored = await fixture.ReloadAsync(user);
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(["account.signed_in"], await fixture.AccountEventsAsync(user.Id));
    }
}
