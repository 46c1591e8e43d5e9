using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.MarketIntent;

namespace ProcurementPortal.Web.Features.Notices;

public sealed record StatementNotice(Guid Id, string Title, string Summary, string? ValueRange, DateTime PublishedAt, DateTime UpdatedAt);

public sealed record TenderNotice(Guid Id, string Reference, string Title, string Summary, DateTime? SubmissionDeadline, DateTime UpdatedAt);

public sealed record NoticesPage(string TenantName, string Slug, IReadOnlyList<StatementNotice> Statements, IReadOnlyList<TenderNotice> Tenders);

/// <summary>What anyone may read about a tenant without signing in: its published statements and its open tenders.</summary>
public sealed class PublicNotices(PortalDbContext db, ITenantContext tenant)
{
    private const int SummaryLength = 300;

    public async Task<NoticesPage> ListAsync(CancellationToken ct)
    {
        var statements = await db.MarketIntentStatements.AsNoTracking()
            .Where(s => s.Status == StatementStatus.Published)
            .OrderByDescending(s => s.PublishedAt)
            .Select(s => new { s.Id, s.Title, s.BodyHtml, s.IndicativeValueMin, s.IndicativeValueMax, s.PublishedAt, s.UpdatedAt })
            .ToListAsync(ct);
        var tenders = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.TenderOpen)
            .OrderBy(p => p.SubmissionDeadline)
            .Select(p => new { p.Id, p.Reference, p.Title, p.Description, p.SubmissionDeadline, p.PublishedAt, p.CreatedAt })
            .ToListAsync(ct);
        return new NoticesPage(tenant.TenantName!, tenant.Slug!,
            statements.Select(s => new StatementNotice(s.Id, s.Title, StatementBody.PlainText(s.BodyHtml, SummaryLength),
                StatementView.RangeOf(s.IndicativeValueMin, s.IndicativeValueMax),
                s.PublishedAt!.Value, s.UpdatedAt)).ToList(),
            tenders.Select(p => new TenderNotice(p.Id, p.Reference, p.Title, StatementBody.PlainText(p.Description, SummaryLength),
                p.SubmissionDeadline, p.PublishedAt ?? p.CreatedAt)).ToList());
    }

    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The notices as an Atom 1.0 feed (RFC 4287): statements link to their notice page, tenders to the notices page.</summary>
    public static XDocument ToAtom(NoticesPage page, Uri baseUrl)
    {
        var notices = new Uri(baseUrl, $"/{page.Slug}/notices").ToString();
        var entries = page.Statements
            .Select(s => Entry(s.Id, s.Title, s.UpdatedAt, s.PublishedAt, $"{notices}/{s.Id}",
                s.ValueRange is null ? s.Summary : $"Indicative value {s.ValueRange}. {s.Summary}"))
            .Concat(page.Tenders.Select(t => Entry(t.Id, $"Tender {t.Reference}: {t.Title}", t.UpdatedAt, t.UpdatedAt, $"{notices}#tender-{t.Id}", t.Summary)))
            .OrderByDescending(e => e.Updated)
            .ToList();
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : DateTime.UnixEpoch;
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Atom + "feed",
                new XElement(Atom + "id", notices),
                new XElement(Atom + "title", $"{page.TenantName}: procurement notices"),
                new XElement(Atom + "updated", Rfc3339(updated)),
                new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", $"{notices}/feed.atom")),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", notices)),
                new XElement(Atom + "author", new XElement(Atom + "name", page.TenantName)),
                entries.Select(e => e.Element)));
    }

    private static (DateTime Updated, XElement Element) Entry(Guid id, string title, DateTime updated, DateTime published, string link, string summary) =>
        (updated, new XElement(Atom + "entry",
            new XElement(Atom + "id", $"urn:uuid:{id}"),
            new XElement(Atom + "title", title),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "published", Rfc3339(published)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", link)),
            new XElement(Atom + "summary", new XAttribute("type", "text"), summary)));

    private static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
