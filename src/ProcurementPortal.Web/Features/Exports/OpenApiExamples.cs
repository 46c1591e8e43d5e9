using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProcurementPortal.Web.Features.Exports;

/// <summary>
/// Request and response examples in the OpenAPI document for the cancellation, open data, export and notice routes,
/// keyed by method and route template; the figures are the Lancashire framework's.
/// </summary>
public sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private const string Ocid = "ocds-portal-0193c0de-7a2b-7c4d-9e10-5f6a7b8c9d0e";

    private static readonly JsonObject Release = new()
    {
        ["ocid"] = Ocid,
        ["id"] = $"{Ocid}-tenderCancellation",
        ["date"] = "2027-01-20T09:00:00Z",
        ["tag"] = new JsonArray("tenderCancellation"),
        ["initiationType"] = "tender",
        ["language"] = "en",
        ["parties"] = new JsonArray(new JsonObject { ["id"] = "org-lancashire", ["name"] = "Lancashire County Council", ["roles"] = new JsonArray("buyer") }),
        ["buyer"] = new JsonObject { ["id"] = "org-lancashire", ["name"] = "Lancashire County Council" },
        ["tender"] = new JsonObject
        {
            ["id"] = "LCC-2026-0007", ["title"] = "Mental Health Care and Support Framework", ["status"] = "cancelled",
            ["value"] = new JsonObject { ["amount"] = 18_000_000m, ["currency"] = "GBP" },
            ["documents"] = new JsonArray(new JsonObject
            {
                ["id"] = "cancellation-0193c0de", ["documentType"] = "cancellationDetails", ["title"] = "Reason for cancelling the procurement",
                ["description"] = "The council has decided to bring the service in house from April.", ["datePublished"] = "2027-01-20T09:00:00Z",
            }),
        },
    };

    private static readonly JsonObject Package = new()
    {
        ["uri"] = "https://portal.example/api/v1/t/lancashire/ocds/bulk",
        ["version"] = "1.1",
        ["extensions"] = new JsonArray(Core.Ocds.OcdsReleases.LotsExtension),
        ["publishedDate"] = "2027-01-20T09:00:00Z",
        ["publisher"] = new JsonObject { ["name"] = "Lancashire County Council" },
        ["releases"] = new JsonArray(Release.DeepClone()),
    };

    private static readonly Dictionary<string, (JsonNode? Request, string Status, string ContentType, JsonNode Response)> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST api/v1/t/{tenant}/procurements/{id}/cancel"] = (new JsonObject { ["reason"] = "The council has decided to bring the service in house from April." },
            "200", "application/json", new JsonObject { ["from"] = "TenderOpen", ["to"] = "Cancelled", ["changed"] = true }),
        ["GET api/v1/t/{tenant}/ocds/bulk"] = (null, "200", "application/json", Package),
        ["GET api/v1/t/{tenant}/ocds/releases"] = (null, "200", "application/json", Package),
        ["GET api/v1/t/{tenant}/procurements/{id}/notices/{kind}"] = (null, "200", "application/json", new JsonObject
        {
            ["kind"] = "tender", ["code"] = "UK4", ["title"] = "Tender notice",
            ["legislation"] = "Procurement Act 2023 s.21; Procurement Regulations 2024 reg. 19 and 21",
            ["sections"] = new JsonArray(new JsonObject
            {
                ["heading"] = "Procurement",
                ["fields"] = new JsonArray(
                    new JsonObject { ["name"] = "Title", ["value"] = "Mental Health Care and Support Framework", ["toComplete"] = false },
                    new JsonObject { ["name"] = "Estimated annual value (budget)", ["value"] = "£6,000,000.00", ["toComplete"] = false },
                    new JsonObject { ["name"] = "Conditions of participation", ["value"] = null, ["toComplete"] = true }),
            }),
            ["toComplete"] = 1,
        }),
        ["GET api/v1/t/{tenant}/exports/procurements"] = (null, "200", "text/csv", JsonValue.Create(
            "reference,title,state,procedure_type,cpv_code,estimated_value,annual_budget,lots,published_at,clarification_deadline,submission_deadline,cancelled_at,cancellation_reason,created_at\r\n"
            + "LCC-2026-0007,Mental Health Care and Support Framework,open for tenders,OpenFramework,85312000-9,,6000000.00,3,01/12/2026 09:00,15/01/2027 12:00,29/01/2027 12:00,,,20/11/2026 14:02\r\n")),
        ["GET api/v1/t/{tenant}/procurements/{id}/exports/bids"] = (null, "200", "text/csv", JsonValue.Create(
            "receipt_number,provider,companies_house_number,charity_number,received_at,lot_number,lot_name,evaluated_price,band_rates\r\n"
            + "LCC-2026-0007-R0001,Ribble Care,09900001,,28/01/2027 16:41,1,East,1612392.00,B1 13.78/hour; B2 15.20/hour; B3 16.63/hour; B4 18.05/hour\r\n")),
        ["GET api/v1/t/{tenant}/procurements/{id}/exports/scores"] = (null, "200", "text/csv", JsonValue.Create(
            "bidder,question_number,question,evaluator_scores,spread,moderated_score,rationale\r\n"
            + "Ribble Care,2.1,How will you promote recovery and rehabilitation?,A. Evaluator: 4; B. Evaluator: 3,1,4,Named peer mentors and measured outcomes.\r\n")),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = $"{context.Description.HttpMethod} {context.Description.RelativePath?.Replace(":guid", "", StringComparison.Ordinal)}";
        if (!Examples.TryGetValue(key, out var example))
        {
            return Task.CompletedTask;
        }
        if (example.Request is { } request && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values)
            {
                media.Example = request.DeepClone();
            }
        }
        if (operation.Responses?.TryGetValue(example.Status, out var response) == true && response.Content?.TryGetValue(example.ContentType, out var content) == true)
        {
            content.Example = example.Response.DeepClone();
        }
        return Task.CompletedTask;
    }
}
