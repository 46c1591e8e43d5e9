using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcurementPortal.Web.Infrastructure.Demo;

/// <summary>
/// The portal's own JSON API as the demo users call it: each person signs in once with the demo password and sends
/// their requests with their bearer token. Any answer other than 2xx stops the stage with the problem it returned.
/// </summary>
public sealed class DemoApi(HttpClient http)
{
    private readonly Dictionary<string, string> tokens = [];

    public DemoCaller As(string email) => new(this, email);

    internal async Task<JsonElement> SendAsync(string email, HttpMethod method, string url, object? body, string? idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, ct));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync(response, ct);
    }

    private async Task<string> TokenAsync(string email, CancellationToken ct)
    {
        if (!tokens.TryGetValue(email, out var token))
        {
            using var response = await http.PostAsJsonAsync("/api/v1/identity/login", new { email, password = DemoData.Password }, ct);
            token = (await ReadAsync(response, ct)).GetProperty("accessToken").GetString()!;
            tokens[email] = token;
        }
        return token;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {text}");
        }
        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>One demo user's requests.</summary>
public sealed class DemoCaller(DemoApi api, string email)
{
    public string Email => email;

    public Task<JsonElement> GetAsync(string url, CancellationToken ct) => api.SendAsync(email, HttpMethod.Get, url, null, null, ct);

    public Task<JsonElement> PostAsync(string url, object? body, CancellationToken ct, string? idempotencyKey = null) =>
        api.SendAsync(email, HttpMethod.Post, url, body, idempotencyKey, ct);

    public Task<JsonElement> PutAsync(string url, object body, CancellationToken ct) => api.SendAsync(email, HttpMethod.Put, url, body, null, ct);

    public Task<JsonElement> PatchAsync(string url, object body, CancellationToken ct) => api.SendAsync(email, HttpMethod.Patch, url, body, null, ct);
}
