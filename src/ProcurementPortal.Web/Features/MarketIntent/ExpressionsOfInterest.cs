using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

public sealed record InterestView(
    Guid Id, string ProviderName, string ContactEmail, string AreasOfInterest, int CapacityHoursPerWeek, string? Comment, DateTimeOffset SubmittedAt);

public sealed record InterestList(Guid StatementId, string StatementTitle, IReadOnlyList<InterestView> Expressions);

/// <summary>An officer's list of the providers who expressed interest in a statement, with their answers.</summary>
public sealed class ExpressionsOfInterest(PortalDbContext db)
{
    public async Task<InterestList?> FindAsync(Guid statementId, CancellationToken ct)
    {
        var title = await db.MarketIntentStatements.Where(s => s.Id == statementId).Select(s => s.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return null;
        }
        var rows = await db.ExpressionsOfInterest.AsNoTracking()
            .Where(x => x.StatementId == statementId)
            .OrderBy(x => x.SubmittedAt)
            .ToListAsync(ct);
        return new InterestList(statementId, title, rows.Select(x => new InterestView(
            x.Id, x.ProviderName, x.ContactEmail, x.AreasOfInterest, x.CapacityHoursPerWeek, x.Comment,
            UkEventTime.ToUkOffset(x.SubmittedAt))).ToList());
    }

    public static byte[] ToCsv(InterestList list) => CsvFile.Write(
        ["Provider", "Contact email", "Lots or areas of interest", "Capacity (hours a week)", "Comment", "Submitted (UK time)"],
        list.Expressions.Select(x => new[]
        {
            x.ProviderName, x.ContactEmail, x.AreasOfInterest, x.CapacityHoursPerWeek.ToString(CultureInfo.InvariantCulture), x.Comment,
            x.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }));
}
