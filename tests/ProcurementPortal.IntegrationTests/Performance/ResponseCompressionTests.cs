using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>Smaller responses (Brotli, gzip) and static assets that browsers keep: versioned links cached for a year.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ResponseCompressionTests(PortalFixture fixture)
{
    private async Task<HttpResponseMessage> GetAsync(string url, string? encoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.Add("Accept-Encoding", encoding);
        }
        return await fixture.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Pages_and_stylesheets_are_sent_compressed_to_browsers_that_accept_it()
    {
        var page = await GetAsync("/", "br");
        var stylesheet = await GetAsync("/portal.css", "gzip");
        var plain = await GetAsync("/portal.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("br", Assert.Single(page.Content.Headers.ContentEncoding));
        await using (var brotli = new BrotliStream(await page.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        {
            Assert.Contains("govuk-header", await new StreamReader(brotli).ReadToEndAsync());
        }

        Assert.Equal("gzip", Assert.Single(stylesheet.Content.Headers.ContentEncoding));
        await using var gzip = new GZipStream(await stylesheet.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var css = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Equal(await plain.Content.ReadAsStringAsync(), css);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Static_assets_linked_with_a_version_are_cached_for_a_year_and_others_for_an_hour()
    {
        var page = await (await GetAsync("/")).Content.ReadAsStringAsync();
        var links = VersionedAsset().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();

        Assert.Contains(links, l => l.StartsWith("/portal.css?v=", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/govuk/govuk-frontend.min.js?v=", StringComparison.Ordinal));
        foreach (var link in links)
        {
            var asset = await GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            var cache = asset.Headers.CacheControl!;
            Assert.True(cache.Public);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        }
        var unversioned = await GetAsync("/portal.css");
        Assert.Equal(TimeSpan.FromHours(1), unversioned.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain(unversioned.Headers.CacheControl.Extensions, e => e.Name == "immutable");
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>/[^\"]+\\?v=[^\"]+)\"")]
    private static partial Regex VersionedAsset();
}
