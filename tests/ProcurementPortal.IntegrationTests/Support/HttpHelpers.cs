using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ProcurementPortal.IntegrationTests.Support;

public static partial class HttpHelpers
{
    /// <summary>Signs in through the Identity API and returns a client that sends the bearer token.</summary>
    public static async Task<HttpClient> BearerClientAsync(this PortalFixture fixture, string email, string? password = null)
    {
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
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? url}");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}
