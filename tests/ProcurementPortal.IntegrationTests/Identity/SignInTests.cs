using System.Net;
using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Account;

namespace ProcurementPortal.IntegrationTests.Identity;

[Collection(PortalCollection.Name)]
public sealed partial class SignInTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("http:evil.example")]
    public async Task Sign_in_with_a_return_address_on_another_site_goes_to_the_home_page(string returnUrl)
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        Assert.Equal("/", (await client.SignInAsync(user.Email!, PortalFixture.Password, returnUrl)).Location());
    }

    [Fact]
    public async Task Sign_in_follows_a_local_return_address()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        var challenge = await client.GetAsync("/account/manage");
        Assert.Equal("/account/sign-in?ReturnUrl=%2Faccount%2Fmanage", new Uri(new Uri("http://localhost"), challenge.Location()).PathAndQuery);
        var form = await (await client.GetAsync("/account/sign-in?ReturnUrl=%2Faccount%2Fmanage")).PageAsync();
        Assert.Contains("<input type=\"hidden\" name=\"ReturnUrl\" value=\"/account/manage\">", form);

        Assert.Equal("/account/manage", (await client.SignInAsync(user.Email!, PortalFixture.Password, "/account/manage")).Location());
        Assert.Contains("Your account", await (await client.GetAsync("/account/manage")).PageAsync());
    }

    [Fact]
    public async Task The_sign_in_form_does_not_carry_a_return_address_on_another_site()
    {
        var form = await (await fixture.CreateClient().GetAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example")).PageAsync();

        Assert.DoesNotContain("evil.example", form);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var user = await fixture.CreateUserAsync();
        var client = fixture.CreateClient();

        var wrongPassword = await (await client.SignInAsync(user.Email!, AccountTestSupport.WrongPassword)).PageAsync();
        var unknown = await (await client.SignInAsync($"nobody-{Guid.NewGuid():N}@test.local", AccountTestSupport.WrongPassword)).PageAsync();

        foreach (var page in new[] { wrongPassword, unknown })
        {
            Assert.Contains($"<a href=\"#Email\">{SignInHandler.WrongDetails}</a>", page);
            Assert.StartsWith("Error: Sign in", TitleOf(page));
            Assert.DoesNotContain(AccountTestSupport.WrongPassword, page);
        }
    }

    [Fact]
    public async Task An_empty_form_asks_for_the_email_address_and_the_password()
    {
        var page = await (await fixture.CreateClient().PostFormAsync("/account/sign-in", new() { ["Email"] = "", ["Password"] = "" })).PageAsync();

        Assert.Contains("<a href=\"#Email\">Enter your email address</a>", page);
        Assert.Contains("<a href=\"#Password\">Enter your password</a>", page);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var user = await fixture.CreateUserAsync();
        var client = await fixture.CookieClientAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);

        Assert.Equal("/", (await client.PostFormAsync("/account/sign-out", new(), "/account/manage")).Location());

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in", "Sign in")]
    [InlineData("/account/register", "Create an account")]
    [InlineData("/account/forgot-password", "Reset your password")]
    [InlineData("/account/resend-confirmation", "Get a new confirmation link")]
    [InlineData("/account/reset-password?userId=0190d1c4-0000-7000-8000-000000000000&code=abc", "Choose a new password")]
    [InlineData("/account/reset-password", "This link does not work")]
    [InlineData("/account/confirm-email", "This link does not work")]
    public async Task Account_pages_have_one_heading_a_title_and_a_label_for_every_field(string url, string heading)
    {
        var page = await (await fixture.CreateClient().GetAsync(url)).PageAsync();

        Assert.Equal($"{heading} – ProcurementPortal", TitleOf(page));
        var h1 = Assert.Single(H1().Matches(page));
        Assert.Contains(heading, h1.Value);
        foreach (Match input in VisibleInput().Matches(page))
        {
            Assert.Contains($"<label class=\"govuk-label\" for=\"{input.Groups[1].Value}\">", page);
        }
    }

    private static string TitleOf(string page) => Title().Match(page).Groups[1].Value;

    [GeneratedRegex("<title>(.*?)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("<h1[ >].*?</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<input class=\"govuk-input[^\"]*\" id=\"([^\"]+)\"")]
    private static partial Regex VisibleInput();
}
