using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.FindWork;

/// <summary>A search for open tenders across every tenant. Every field may be left out.</summary>
public sealed record FindOpportunitiesQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Words in the title or description.</summary>
    public string? Q { get; init; }
    /// <summary>A CPV code or its leading digits (a category): 853 finds 85312000-9.</summary>
    public string? Cpv { get; init; }
    /// <summary>The tenant's slug, as in its addresses.</summary>
    public string? Tenant { get; init; }
    /// <summary>Tenders whose submission deadline is before this UK date (yyyy-mm-dd, or d/m/yyyy on the page).</summary>
    public string? ClosingBefore { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    public Errors Validate() => new Errors()
        .Require(string.IsNullOrWhiteSpace(ClosingBefore) || ReadDate(ClosingBefore) is not null, nameof(ClosingBefore),
            "Enter the closing date as a real date, like 31/1/2027")
        .Require(Page is null or >= 1, nameof(Page), "Page must be 1 or more")
        .Require(PageSize is null or (>= 1 and <= MaxPageSize), nameof(PageSize), $"Page size must be from 1 to {MaxPageSize}")
        .Require(Cpv is null || Cpv.Trim().All(c => char.IsDigit(c) || c == '-'), nameof(Cpv), "Enter a CPV code or its first digits, like 853");

    public static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>One open tender as anyone may see it: its public notice columns and where to read it.</summary>
public sealed record OpportunityRow(
    Guid Id, string Reference, string Title, string TenantName, string TenantSlug, string? CpvCode,
    DateTimeOffset ClosesAt, string Closes, int Lots, string Url);

public sealed record OpportunityPage(int Page, int PageSize, long Total, IReadOnlyList<OpportunityRow> Items, IReadOnlyList<TenantOption> Tenants)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record TenantOption(string Slug, string Name);

/// <summary>
/// Finding work (provider bids, item 1): tenders open now (published, submission deadline ahead) across every tenant.
/// Row-level security holds each connection to one tenant, so the list comes from the database function
/// <c>open_tenders</c> (docs/adr/014), which alone crosses tenants and returns only these public columns.
/// </summary>
public sealed class FindOpportunities(PortalDbContext db)
{
    public async Task<Outcome<OpportunityPage>> HandleAsync(FindOpportunitiesQuery query, CancellationToken ct)
    {
        var errors = query.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var page = query.Page ?? 1;
        var size = query.PageSize ?? FindOpportunitiesQuery.DefaultPageSize;
        DateTime? before = FindOpportunitiesQuery.ReadDate(query.ClosingBefore ?? "") is { } day ? UkTime.StartOfDayUtc(day) : null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "select id, tenant_slug, tenant_name, reference, title, cpv_code, submission_deadline, lots, total " +
                                  "from open_tenders(@q, @cpv, @tenant, @before, @offset, @limit)";
            Add(command, "q", NpgsqlDbType.Text, Clean(query.Q));
            Add(command, "cpv", NpgsqlDbType.Text, Clean(query.Cpv)?.TrimEnd('-'));
            Add(command, "tenant", NpgsqlDbType.Text, Clean(query.Tenant)?.ToLowerInvariant());
            Add(command, "before", NpgsqlDbType.TimestampTz, before);
            Add(command, "offset", NpgsqlDbType.Integer, (page - 1) * size);
            Add(command, "limit", NpgsqlDbType.Integer, size);
            var rows = new List<OpportunityRow>();
            long total = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var slug = reader.GetString(1);
                    var id = reader.GetGuid(0);
                    var closes = reader.GetFieldValue<DateTime>(6);
                    rows.Add(new OpportunityRow(id, reader.GetString(3), reader.GetString(4), reader.GetString(2), slug,
                        reader.IsDBNull(5) ? null : reader.GetString(5), Core.Domain.MarketIntent.UkEventTime.ToUkOffset(closes),
                        UkTime.FormatDeadline(closes), reader.GetInt32(7), $"/{slug}/opportunities/{id}"));
                    total = reader.GetInt64(8);
                }
            }
            var tenants = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.CommissioningBody && o.Slug != null)
                .OrderBy(o => o.Name)
                .Select(o => new TenantOption(o.Slug!, o.Name))
                .ToListAsync(ct);
            return Outcome<OpportunityPage>.Ok(new OpportunityPage(page, size, total, rows, tenants));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Add(DbCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
