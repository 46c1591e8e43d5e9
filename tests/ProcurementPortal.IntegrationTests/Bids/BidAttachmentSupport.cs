using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.IntegrationTests.TenderDocuments;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>Attaching files to bids through the API, and tenders whose questions take attachments.</summary>
public static class BidAttachmentSupport
{
    /// <summary>A small real PDF whose text is distinctive, so that a plain copy on disk would be found.</summary>
    public static readonly byte[] Certificate = Encoding.ASCII.GetBytes("%PDF-1.7\n% Insurance certificate (otter-quarry-5520)\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public const string CertificateMarker = "otter-quarry-5520";

    /// <summary>Makes question 2.1 ("How will you promote recovery ...") of the published tender require an attachment.</summary>
    public static async Task<Guid> RequireAttachmentOnFirstScoredQuestionAsync(this PortalFixture fixture, Tender tender)
    {
        await fixture.SqlAsync($"""
            update evaluation_questions set attachments = 'Required'
            where id = (select q.id from evaluation_questions q join evaluation_sections s on s.id = q.section_id
                        where s.procurement_id = '{tender.Id}' and s.number = 2 and q.number = 1)
            """);
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        return (await db.EvaluationQuestions.SingleAsync(q => q.Attachments == Core.Domain.Procurements.AttachmentRule.Required
            && db.EvaluationSections.Any(s => s.Id == q.SectionId && s.ProcurementId == tender.Id))).Id;
    }

    public static Task<HttpResponseMessage> AttachAsync(this Tender tender, HttpClient client, string fileName, byte[] bytes, Guid? questionId = null, Guid? providerId = null)
    {
        var form = TenderTestSupport.Multipart(fileName, bytes);
        if (questionId is { } q)
        {
            form.Add(new StringContent(q.ToString()), "QuestionId");
        }
        return client.PostAsync($"{tender.BidUrl}/attachments{(providerId is { } p ? $"?providerId={p}" : "")}", form);
    }

    public static async Task<JsonElement> AttachOkAsync(this Tender tender, HttpClient client, string fileName, byte[] bytes, Guid? questionId = null)
    {
        var response = await tender.AttachAsync(client, fileName, bytes, questionId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
