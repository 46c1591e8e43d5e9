using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

using ProcurementPortal.IntegrationTests.Bids;

namespace ProcurementPortal.IntegrationTests.Support;

public static partial class HttpHelpers
{
    /// <summary>Signs in through the Identity API and returns a client that sends the bearer token.</summary>
    public static async Task<HttpClient> BearerClientAsync(this PortalFixture fixture, string email, string? password = null)
    {
        if (fixture.UseKestrel && password is null)
        {
            return await fixture.ApiClientAsync(email); // served over Kestrel for a browser: the test server's client cannot reach it
        }
        var client = fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/identity/login", new { email, password = password ?? PortalFixture.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Signs in through the sign-in page and returns a client carrying the auth cookie.</summary>
    public static async Task<HttpClient> CookieClientAsync(this PortalFixture fixture, string email, string? password = null)
    {
        var client = fixture.CreateClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password ?? PortalFixture.Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>GETs the form page first for its antiforgery token, then POSTs the fields (as a browser would).</summary>
    /// <remarks>
    /// The token is taken from inside the form that posts to <paramref name="url"/> (its action, or no action on the page
    /// at that address), as a browser would send it: a form that lacks its own token fails here, not only in a browser.
    /// </remarks>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var pageUrl = formPage ?? url;
        var page = await client.GetStringAsync(pageUrl);
        var target = PathOf(url);
        var form = PostForms().Matches(page).FirstOrDefault(f =>
        {
            var action = ActionAttribute().Match(f.Groups[1].Value);
            return action.Success
                ? PathOf(System.Net.WebUtility.HtmlDecode(action.Groups[1].Value)) == target
                : PathOf(pageUrl) == target;
        });
        Assert.True(form is not null, $"No form on {pageUrl} posts to {url}");
        var token = AntiforgeryToken().Match(form!.Groups[2].Value);
        Assert.True(token.Success, $"The form on {pageUrl} that posts to {url} has no antiforgery token");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A hand-made post that no form on the page makes (a forged or forbidden attempt), carrying a valid antiforgery
    /// token taken from any form of <paramref name="tokenPage"/>: it proves the refusal comes from the tenancy or role
    /// checks, not from a missing token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithPageTokenAsync(this HttpClient client, string url, Dictionary<string, string> fields, string tokenPage)
    {
        var token = AntiforgeryToken().Match(await client.GetStringAsync(tokenPage));
        Assert.True(token.Success, $"No antiforgery token on {tokenPage}");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string PathOf(string url) => url.Split('?', '#')[0].TrimEnd('/');

    [GeneratedRegex("<form\\b([^>]*method=\"post\"[^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForms();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}
