using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Demo;

namespace ProcurementPortal.IntegrationTests.Procurements;

/// <summary>
/// Builds the Lancashire mental health care and support framework through the public API, as an integrator would:
/// lots East, North and Central (6,500 hours a week between them) and four need bands each.
/// </summary>
public static class LancashireViaApi
{
    public static async Task<Guid> BuildAsync(HttpClient officer, string tenant, decimal priceWeight = 40m, DateTimeOffset? deadline = null)
    {
        var created = await officer.PostAsJsonAsync($"/api/v1/t/{tenant}/procurements", new
        {
            title = "Mental Health Care and Support Framework",
            description = "Care and support for adults with mental health needs, in their own homes and supported accommodation.",
            cpvCode = "85312000-9",
            procedureType = "OpenFramework",
            annualBudget = 6_000_000m,
            currentAnnualSpend = 6_800_000m,
            contractTermMonths = 36,
            extensionOptions = "Two optional extensions of 12 months",
            clarificationDeadline = (deadline ?? DateTimeOffset.UtcNow.AddDays(28)).AddDays(-14),
            submissionDeadline = deadline ?? DateTimeOffset.UtcNow.AddDays(28),
        });
        await Ensure(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (name, hours) in LancashireFramework.Lots)
        {
            var lot = await officer.PostAsJsonAsync($"/api/v1/t/{tenant}/procurements/{id}/lots",
                new { name, area = $"{name} Lancashire", maxProviders = 8, description = $"Care and support in {name} Lancashire" });
            await Ensure(lot);
            var lotId = (await lot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            foreach (var (code, bandName, ceiling, share) in LancashireFramework.Bands)
            {
                await Ensure(await officer.PostAsJsonAsync($"/api/v1/t/{tenant}/procurements/{id}/lots/{lotId}/bands", new
                {
                    code, name = bandName, needDescription = $"{bandName} needs", unit = "Hour", ceilingRate = ceiling,
                    expectedAnnualVolume = hours * 52m * share,
                }));
            }
        }
        string[] descriptors = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];
        await Ensure(await officer.PutAsJsonAsync($"/api/v1/t/{tenant}/procurements/{id}/evaluation-model", new
        {
            priceWeight,
            priceFormula = "lowest-price-ratio",
            sections = new object[]
            {
                new { title = "Gateway", questions = new object[] { new { text = "Are you registered with the CQC?", type = "PassFail", weight = 0m } } },
                new
                {
                    title = "Quality",
                    questions = new object[]
                    {
                        new { text = "How will you promote recovery and rehabilitation?", type = "Scored", weight = 30m, minimumScore = 2, wordLimit = 1000, scoreDescriptors = descriptors },
                        new { text = "How will you recruit and keep staff in each lot?", type = "Scored", weight = 20m, minimumScore = 2, wordLimit = 750, scoreDescriptors = descriptors },
                        new { text = "How will you work with the integrated mental health teams?", type = "Scored", weight = 10m, wordLimit = 500, scoreDescriptors = descriptors },
                    },
                },
            },
        }));
        return id;
    }

    private static async Task Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
