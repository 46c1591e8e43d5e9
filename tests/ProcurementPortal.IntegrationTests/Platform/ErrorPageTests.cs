using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

/// <summary>An unexpected failure shows the GOV.UK error page (or a bare 500 problem for the API) and nothing of its cause.</summary>
[Collection(PortalCollection.Name)]
public sealed class ErrorPageTests(PortalFixture fixture)
{
    private const string Secret = "connection string Password=hunter2 at ProcurementPortal.Secret";

    [Theory]
    [InlineData("/test-only/boom", "text/html")]
    [InlineData("/api/v1/test-only/boom", "application/problem+json")]
    public async Task An_unhandled_exception_leaks_nothing(string path, string mediaType)
    {
        HttpResponseMessage response = null!;
        await fixture.WithExtraAppAsync(async factory =>
        {
            await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingEndpoint>()));
            response = await app.CreateClient().GetAsync(path);
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("   at ", body);
        if (mediaType == "text/html")
        {
            Assert.Contains("Sorry, there is a problem with the service", body);
        }
    }

    /// <summary>Adds, inside the app's own pipeline, a path that throws.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate _) => http.Request.Path.Value!.EndsWith("/test-only/boom", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }
}
