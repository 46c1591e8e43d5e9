using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NJsonSchema;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.OpenData;

/// <summary>
/// Checks OCDS output against the official 1.1.5 schemas and codelists copied in Ocds/ocds-1.1.5 (the packages'
/// references to the standard's web site are pointed at the copies, so no check needs the network).
/// </summary>
public static class OcdsValidation
{
    private static readonly string Standard = Path.Combine(AppContext.BaseDirectory, "Ocds", "ocds-1.1.5");
    private const string Online = "https://standard.open-contracting.org/schema/1__1__5/";

    private static readonly Lazy<Task<JsonSchema>> Release = new(() => JsonSchema.FromFileAsync(Path.Combine(Standard, "dereferenced-release-schema.json")));
    private static readonly Lazy<Task<JsonSchema>> ReleasePackage = new(() => LocalAsync("release-package-schema.json"));
    private static readonly Lazy<Task<JsonSchema>> RecordPackage = new(() => LocalAsync("record-package-schema.json"));

    private static Task<JsonSchema> LocalAsync(string file) => JsonSchema.FromJsonAsync(
        File.ReadAllText(Path.Combine(Standard, file))
            .Replace(Online + "release-schema.json", "dereferenced-release-schema.json", StringComparison.Ordinal)
            .Replace(Online + "versioned-release-validation-schema.json", "versioned-release-validation-schema.json", StringComparison.Ordinal),
        Path.Combine(Standard, file));

    /// <summary>GETs a record package, asserts 200, the package schema, each release's schema and codes; returns it.</summary>
    public static async Task<JsonElement> ValidRecordAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var package = await response.Content.ReadFromJsonAsync<JsonElement>();
        await AssertValidRecordPackageAsync(package);
        return package;
    }

    public static async Task AssertValidRecordPackageAsync(JsonElement package)
    {
        AssertNoErrors("record package", (await RecordPackage.Value).Validate(package.GetRawText()));
        foreach (var record in package.GetProperty("records").EnumerateArray())
        {
            foreach (var release in record.GetProperty("releases").EnumerateArray())
            {
                await AssertValidReleaseAsync(release);
            }
            if (record.TryGetProperty("compiledRelease", out var compiled))
            {
                await AssertValidReleaseAsync(compiled);
            }
        }
    }

    public static async Task AssertValidReleasePackageAsync(JsonElement package)
    {
        AssertNoErrors("release package", (await ReleasePackage.Value).Validate(package.GetRawText()));
        foreach (var release in package.GetProperty("releases").EnumerateArray())
        {
            await AssertValidReleaseAsync(release);
        }
    }

    public static async Task AssertValidReleaseAsync(JsonElement release)
    {
        AssertNoErrors(release.GetProperty("id").GetString()!, (await Release.Value).Validate(release.GetRawText()));
        AssertCodes(release);
    }

    private static void AssertNoErrors(string what, ICollection<NJsonSchema.Validation.ValidationError> errors) =>
        Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");

    /// <summary>Every closed-codelist value the releases carry, checked against the codelist's Code column.</summary>
    private static void AssertCodes(JsonElement release)
    {
        foreach (var tag in release.GetProperty("tag").EnumerateArray())
        {
            AssertCode("releaseTag", tag);
        }
        AssertCode("initiationType", release.GetProperty("initiationType"));
        foreach (var role in release.GetProperty("parties").EnumerateArray().SelectMany(p => p.GetProperty("roles").EnumerateArray()))
        {
            AssertCode("partyRole", role);
        }
        var tender = release.GetProperty("tender");
        AssertCode("tenderStatus", tender.GetProperty("status"));
        AssertCode("method", tender.GetProperty("procurementMethod"));
        AssertCode("procurementCategory", tender.GetProperty("mainProcurementCategory"));
        AssertCode("awardCriteria", tender.GetProperty("awardCriteria"));
        foreach (var method in tender.GetProperty("submissionMethod").EnumerateArray())
        {
            AssertCode("submissionMethod", method);
        }
        foreach (var lot in Array(tender, "lots"))
        {
            AssertCode("tenderStatus", lot.GetProperty("status"));
        }
        foreach (var item in Array(tender, "items").Where(i => i.TryGetProperty("classification", out _)))
        {
            AssertCode("itemClassificationScheme", item.GetProperty("classification").GetProperty("scheme"));
        }
        foreach (var milestone in Array(tender, "milestones"))
        {
            AssertCode("milestoneType", milestone.GetProperty("type"));
            AssertCode("milestoneStatus", milestone.GetProperty("status"));
        }
        foreach (var document in Array(tender, "documents"))
        {
            AssertCode("documentType", document.GetProperty("documentType"));
        }
        foreach (var award in Array(release, "awards"))
        {
            AssertCode("awardStatus", award.GetProperty("status"));
        }
        foreach (var contract in Array(release, "contracts"))
        {
            AssertCode("contractStatus", contract.GetProperty("status"));
            AssertCode("currency", contract.GetProperty("value").GetProperty("currency"));
        }
        foreach (var money in Values(release))
        {
            AssertCode("currency", money);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) ? array.EnumerateArray() : [];

    /// <summary>Every "currency" anywhere in the release.</summary>
    private static IEnumerable<JsonElement> Values(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().SelectMany(p => p.Name == "currency" ? [p.Value] : Values(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Values),
        _ => [],
    };

    private static readonly Dictionary<string, HashSet<string>> Codelists = [];

    private static void AssertCode(string codelist, JsonElement value)
    {
        HashSet<string> codes;
        lock (Codelists)
        {
            if (!Codelists.TryGetValue(codelist, out codes!))
            {
                var rows = FeeScheduleCsv.Parse(File.ReadAllText(Path.Combine(Standard, "codelists", $"{codelist}.csv")));
                var column = rows[0].IndexOf("Code");
                Codelists[codelist] = codes = rows.Skip(1).Select(r => r[column]).ToHashSet(StringComparer.Ordinal);
            }
        }
        Assert.True(codes.Contains(value.GetString()!), $"{value} is not in the {codelist} codelist");
    }
}
