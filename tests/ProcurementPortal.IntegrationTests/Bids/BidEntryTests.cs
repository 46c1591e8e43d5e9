using System.Net;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>Getting to the bid: the link on the tender page, and the choice of organisation for people of several providers.</summary>
[Collection(PortalCollection.Name)]
public sealed class BidEntryTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_tender_page_offers_to_start_a_bid_and_then_to_continue_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var page = await fixture.CookieClientAsync(provider.User.Email!);
        var tenderPage = $"/{tender.Slug}/opportunities/{tender.Id}";
        var bidPage = $"{tenderPage}/bid";

        var before = await page.GetStringAsync(tenderPage);
        Assert.Contains($"href=\"{bidPage}\"", before);
        Assert.Contains("Start a bid", before);

        await tender.StartAsync(provider.Client);

        var after = await page.GetStringAsync(tenderPage);
        Assert.Contains("Continue your bid", after);
        Assert.DoesNotContain("Start a bid", after);
        var stranger = await fixture.CookieClientAsync((await fixture.CreateUserAsync()).Email!);
        Assert.DoesNotContain($"href=\"{bidPage}\"", await stranger.GetStringAsync(tenderPage));
    }

    [Fact]
    public async Task Someone_of_two_providers_is_asked_which_organisation_the_bid_is_for_and_then_bids_for_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var first = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var second = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        await using (var db = fixture.SuperuserDb())
        {
            db.Memberships.Add(new Membership { UserId = first.User.Id, OrganisationId = second.Organisation.Id, Role = Role.BidWriter });
            await db.SaveChangesAsync();
        }
        var page = await fixture.CookieClientAsync(first.User.Email!);
        var bidPage = $"/{tender.Slug}/opportunities/{tender.Id}/bid";

        var choice = await page.GetAsync(bidPage);

        Assert.Equal(HttpStatusCode.OK, choice.StatusCode);
        var html = await choice.Content.ReadAsStringAsync();
        Assert.Contains("Which organisation are you bidding for?", html);
        Assert.Contains($"value=\"{first.Organisation.Id}\"", html);
        Assert.Contains($"value=\"{second.Organisation.Id}\"", html);
        Assert.Contains($"<form method=\"get\" action=\"{bidPage}\"", html);
        Assert.Contains("Start or continue a bid", await page.GetStringAsync($"/{tender.Slug}/opportunities/{tender.Id}"));

        var chosen = await page.GetStringAsync($"{bidPage}?ProviderId={second.Organisation.Id}");
        Assert.Contains("Start your bid", chosen);
        Assert.Contains("Aire Valley Recovery Trust", chosen);
        Assert.Contains($"action=\"{bidPage}?providerId={second.Organisation.Id}\"", chosen);
    }
}
