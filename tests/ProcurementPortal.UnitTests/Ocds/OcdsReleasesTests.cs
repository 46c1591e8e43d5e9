using System.Text.Json.Nodes;
using NJsonSchema;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Ocds;

namespace ProcurementPortal.UnitTests.Ocds;

/// <summary>
/// A Lancashire-style framework through its stages, each release validated against the OCDS 1.1.5 schema (copied
/// unchanged in Ocds/ocds-1.1.5) and every code checked against its codelist.
/// </summary>
public sealed class OcdsReleasesTests
{
    private static readonly string Standard = Path.Combine(AppContext.BaseDirectory, "Ocds", "ocds-1.1.5");
    private static readonly Lazy<Task<JsonSchema>> ReleaseSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Standard, "dereferenced-release-schema.json")));

    [Fact]
    public async Task Every_stage_of_a_framework_gives_a_release_that_validates_against_the_schema_and_its_codelists()
    {
        var source = Lancashire(awarded: true);

        var releases = OcdsReleases.For(source);

        Assert.Equal(["planning", "tender", "tenderAmendment", "award", "contract"], releases.Select(r => r["tag"]![0]!.GetValue<string>()));
        Assert.Equal(releases.Count, releases.Select(r => r["id"]!.GetValue<string>()).Distinct().Count());
        foreach (var release in releases)
        {
            var errors = (await ReleaseSchema.Value).Validate(release.ToJsonString());
            Assert.True(errors.Count == 0, $"{release["id"]}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
            AssertCodes(release);
        }
        var package = OcdsReleases.Package("https://portal.example/api/v1/t/lancashire/ocds/releases", DateTime.UtcNow, "Lancashire County Council", releases);
        var packageSchema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Standard, "release-package-schema.json"))
            .Replace("https://standard.open-contracting.org/schema/1__1__5/release-schema.json", "dereferenced-release-schema.json", StringComparison.Ordinal),
            Path.Combine(Standard, "release-package-schema.json"));
        Assert.Empty(packageSchema.Validate(package.ToJsonString()));
    }

    [Fact]
    public void Lots_bands_and_suppliers_carry_the_frameworks_figures_and_identifiers()
    {
        var releases = OcdsReleases.For(Lancashire(awarded: true));

        var tender = releases[1]["tender"]!;
        Assert.Equal(3, tender["lots"]!.AsArray().Count);
        var item = tender["items"]!.AsArray().First()!;
        Assert.Equal("85312000", item["classification"]!["id"]!.GetValue<string>());
        Assert.Equal(19.01m, item["unit"]!["value"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("GBP", item["unit"]!["value"]!["currency"]!.GetValue<string>());
        var award = releases[3];
        var supplier = award["parties"]!.AsArray().Single(p => p!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "supplier"))!;
        Assert.Equal("GB-COH-04567890", supplier["id"]!.GetValue<string>());
        Assert.Equal("GB-COH", supplier["identifier"]!["scheme"]!.GetValue<string>());
        Assert.Contains(award["parties"]!.AsArray(), p => p!["roles"]![0]!.GetValue<string>() == "funder");
        var contract = releases[4]["contracts"]![0]!;
        Assert.Equal(20.15m, contract["items"]![0]!["unit"]!["value"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public void Before_the_award_no_release_names_a_bidder_or_carries_bid_content()
    {
        var releases = OcdsReleases.For(Lancashire(awarded: false));

        Assert.Equal(["planning", "tender", "tenderAmendment"], releases.Select(r => r["tag"]![0]!.GetValue<string>()));
        var json = string.Concat(releases.Select(r => r.ToJsonString()));
        Assert.DoesNotContain("Ribble Valley Care", json);
        Assert.DoesNotContain("20.15", json);
        Assert.DoesNotContain("awards", json);
    }

    [Fact]
    public async Task The_schema_check_itself_catches_a_broken_release()
    {
        var release = OcdsReleases.For(Lancashire(awarded: true))[1];
        release["date"] = "the first of December";
        release["tender"]!["value"]!["amount"] = "a lot";

        var errors = (await ReleaseSchema.Value).Validate(release.ToJsonString());

        Assert.Contains(errors, e => e.Path?.Contains("date", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("amount", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_cancelled_tender_ends_with_a_tender_cancellation_release_listing_the_documents_public_by_then()
    {
        var source = Lancashire(awarded: false) with
        {
            Documents =
            [
                new(Guid.NewGuid(), 1, "Service specification", "specification.pdf", "application/pdf", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)),
                new(Guid.NewGuid(), 1, "Pricing schedule", "prices.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new DateTime(2026, 12, 20, 9, 0, 0, DateTimeKind.Utc)),
            ],
        };
        source.Procurement.State = ProcurementState.Cancelled;
        source.Procurement.CancelledAt = new DateTime(2027, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        source.Procurement.CancellationReason = "The budget was withdrawn.";

        var releases = OcdsReleases.For(source);

        Assert.Equal(["planning", "tender", "tenderAmendment", "tenderCancellation"], releases.Select(r => r["tag"]![0]!.GetValue<string>()));
        foreach (var release in releases)
        {
            var errors = (await ReleaseSchema.Value).Validate(release.ToJsonString());
            Assert.True(errors.Count == 0, $"{release["id"]}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
        }
        var tender = releases[1]["tender"]!;
        Assert.Equal(["Service specification"], tender["documents"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()));
        var cancelled = releases[3]["tender"]!;
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.All(cancelled["lots"]!.AsArray(), l => Assert.Equal("cancelled", l!["status"]!.GetValue<string>()));
        Assert.Equal(["biddingDocuments", "biddingDocuments", "cancellationDetails"],
            cancelled["documents"]!.AsArray().Select(d => d!["documentType"]!.GetValue<string>()).Order());
        var milestones = cancelled["milestones"]!.AsArray();
        Assert.Equal(["met", "scheduled"], milestones.Select(m => m!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void A_draft_procurement_without_a_statement_has_no_release()
    {
        var source = Lancashire(awarded: false) with { StatementPublishedAt = null };
        source.Procurement.PublishedAt = null;

        Assert.Empty(OcdsReleases.For(source));
    }

    private static void AssertCodes(JsonObject release)
    {
        AssertCode("releaseTag", release["tag"]![0]);
        AssertCode("initiationType", release["initiationType"]);
        AssertCode("tenderStatus", release["tender"]!["status"]);
        AssertCode("method", release["tender"]!["procurementMethod"]);
        AssertCode("procurementCategory", release["tender"]!["mainProcurementCategory"]);
        AssertCode("awardCriteria", release["tender"]!["awardCriteria"]);
        AssertCode("submissionMethod", release["tender"]!["submissionMethod"]![0]);
        foreach (var party in release["parties"]!.AsArray())
        {
            foreach (var role in party!["roles"]!.AsArray())
            {
                AssertCode("partyRole", role);
            }
        }
        foreach (var award in release["awards"]?.AsArray() ?? [])
        {
            AssertCode("awardStatus", award!["status"]);
            AssertCode("currency", award["suppliers"] is null ? null : (JsonNode)"GBP");
        }
        foreach (var contract in release["contracts"]?.AsArray() ?? [])
        {
            AssertCode("contractStatus", contract!["status"]);
            AssertCode("currency", contract["value"]!["currency"]);
        }
        foreach (var item in release["tender"]!["items"]!.AsArray())
        {
            AssertCode("itemClassificationScheme", item!["classification"]!["scheme"]);
        }
    }

    private static void AssertCode(string codelist, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }
        var codes = File.ReadLines(Path.Combine(Standard, "codelists", $"{codelist}.csv")).Skip(1).Select(l => l.Split(',')[0].Trim('"')).ToHashSet();
        Assert.True(codes.Contains(value.GetValue<string>()), $"{value} is not in the {codelist} codelist");
    }

    /// <summary>Lancashire's homecare framework: three lots, two bands each, a CCG partner; awarded to one provider per lot.</summary>
    private static OcdsSource Lancashire(bool awarded)
    {
        var buyer = new Organisation { Kind = OrganisationKind.CommissioningBody, Name = "Lancashire County Council", Town = "Preston", Postcode = "PR1 8XJ" };
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = "Ribble Valley Care", CompaniesHouseNumber = "04567890" };
        var procurement = new Procurement
        {
            Title = "Homecare framework", Reference = "LCC-2026-0001", Description = "Care and support at home, banded by assessed need.", CpvCode = "85312000-9",
            EstimatedValue = 5_306_938m, AnnualBudget = 5_306_938m, PriceWeight = 40m, State = awarded ? ProcurementState.Awarded : ProcurementState.TenderOpen,
            PublishedAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), SubmissionDeadline = new DateTime(2027, 1, 29, 12, 0, 0, DateTimeKind.Utc),
            ClarificationDeadline = new DateTime(2027, 1, 15, 12, 0, 0, DateTimeKind.Utc),
            PooledPartners = [new() { Name = "Lancashire County Council", SharePercent = 80m }, new() { Name = "NHS Lancashire CCG", SharePercent = 20m }],
        };
        foreach (var (number, name) in new[] { (1, "East"), (2, "North"), (3, "Central") })
        {
            var lot = new Lot { Number = number, Name = name, ProcurementId = procurement.Id, AnnualBudget = 1_000_000m };
            lot.Bands.Add(new FeeBand { Code = "A", Name = "Standard", CeilingRate = 19.01m, ExpectedAnnualVolume = 52_000m, LotId = lot.Id });
            lot.Bands.Add(new FeeBand { Code = "B", Name = "Complex", CeilingRate = 21.50m, ExpectedAnnualVolume = 20_000m, LotId = lot.Id });
            procurement.Lots.Add(lot);
        }
        var addenda = new List<Addendum> { new() { Number = 1, Title = "Deadline moved", Text = "Tenders are now due on 29 January.", PublishedAt = new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc) } };
        if (!awarded)
        {
            return new OcdsSource("ocds-test01", buyer, procurement, addenda, null, [], [], [], new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc));
        }
        var award = new ProcurementPortal.Core.Domain.Award.Award
        {
            ProcurementId = procurement.Id, RecommendedByName = "officer", Decision = ApprovalDecision.Approved,
            DecidedAt = new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc), AwardedAt = new DateTime(2027, 3, 13, 0, 0, 0, DateTimeKind.Utc),
        };
        var bids = procurement.Lots.Select(l => new AwardedBid { LotId = l.Id, ProcurementId = procurement.Id, ProviderId = provider.Id, ProviderName = provider.Name, Rank = 1, Appointed = true }).ToList();
        var contracts = procurement.Lots.Select(l => new Contract
        {
            ProcurementId = procurement.Id, LotId = l.Id, ProviderId = provider.Id, Reference = $"LCC-2026-0001-L{l.Number}-C01", Title = $"Homecare framework: Lot {l.Number} {l.Name}",
            ProviderName = provider.Name, LotName = l.Name, StartsOn = new DateOnly(2027, 4, 1), EndsOn = new DateOnly(2030, 3, 31), Value = 3_000_000m, AnnualValue = 1_000_000m,
            Rates = [new AgreedRate("A", "Standard", "Hour", 20.15m)],
        }).ToList();
        return new OcdsSource("ocds-test01", buyer, procurement, addenda, award, bids, [provider], contracts, new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc));
    }
}
