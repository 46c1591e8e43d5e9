using System.Text.RegularExpressions;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

[Collection(PortalCollection.Name)]
public sealed partial class ErrorSummaryTests(PortalFixture fixture)
{
    [Fact]
    public async Task Error_summary_lists_errors_in_the_order_of_the_form_and_links_each_to_its_field()
    {
        var client = fixture.CreateClient();

        var response = await client.PostFormAsync("/account/register", new()
        {
            ["DisplayName"] = "", ["Email"] = "", ["Password"] = "", ["ConfirmPassword"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();

        var links = SummaryLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("DisplayName", links.First());
        Assert.Equal(["DisplayName", "Email", "Password"], links.Distinct().Take(3));
        Assert.Contains("<title>Error: ", html);
        foreach (var id in links.Distinct())
        {
            Assert.Contains($"id=\"{id}\"", html);
        }
    }

    [GeneratedRegex("<li><a href=\"#([A-Za-z_]+)\">")]
    private static partial Regex SummaryLink();
}
