using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>A version of the bid sealed so far: its number, and whether it was sealed for this request's key (a retry).</summary>
internal sealed record SealedVersion(int Number, bool SameKey);

/// <summary>The person submitting, or one of the provider's admins: who is told of the receipt.</summary>
internal sealed record SubmissionPerson(Guid Id, string Email, string? DisplayName);

/// <summary>
/// Everything a submission reads inside its transaction, sent to PostgreSQL as one batch: one round trip instead of five
/// (ADR 036). The statements run in order, each seeing what the one before it locked:
/// <list type="number">
/// <item>the procurement row in share mode and the database clock at the start of the transaction
/// (<see cref="SubmissionWindow"/>): the first statement, so that <c>now()</c> is when the submission began;</item>
/// <item>the bid row locked for update, returning its row version (<c>xmin</c>): a colleague's save of the draft, or a
/// second submission of the same bid, waits for this transaction;</item>
/// <item>the versions sealed so far (their numbers, and whether one was sealed for this idempotency key);</item>
/// <item>the draft's attachments (name, SHA-256, question) as the sealed content records them;</item>
/// <item>the person submitting and the provider's admins, who receive the receipt.</item>
/// </list>
/// Hand-written SQL is not composed with EF Core's query filters, so every statement names the tenant and (for the
/// provider's rows) the provider itself; row-level security applies to it as to every other statement.
/// </summary>
internal sealed record SubmissionReads(
    SubmissionWindow Window, uint BidRowVersion, IReadOnlyList<SealedVersion> Sealed, IReadOnlyList<AttachmentHash> Attachments,
    IReadOnlyList<SubmissionPerson> People)
{
    /// <summary>The ids the batch is sent for.</summary>
    public sealed record For(Guid TenantId, Guid ProviderId, Guid ProcurementId, Guid BidId, Guid UserId, string IdempotencyKey);

    /// <summary>
    /// Sends the batch on the unit of work's connection, in its transaction when it has one. Null when the procurement or
    /// the bid is not there (or not visible): a submission treats that as a fault, the warm-up as expected.
    /// </summary>
    public static async Task<SubmissionReads?> ReadAsync(PortalDbContext db, For ids, CancellationToken ct)
    {
        // Opened through EF Core (so the tenancy interceptor sets the tenant and provider on it), or already open.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            Add(batch, "select state, submission_deadline, now() from procurements where id = $1 and tenant_id = $2 for share",
                ids.ProcurementId, ids.TenantId);
            Add(batch, "select xmin from bids where id = $1 and tenant_id = $2 and provider_id = $3 for update",
                ids.BidId, ids.TenantId, ids.ProviderId);
            Add(batch, "select number, idempotency_key is not distinct from $4 from bid_versions where bid_id = $1 and tenant_id = $2 and provider_id = $3",
                ids.BidId, ids.TenantId, ids.ProviderId, ids.IdempotencyKey);
            Add(batch, "select file_name, sha256, question_id from bid_attachments where bid_id = $1 and tenant_id = $2 and provider_id = $3 and removed_at is null",
                ids.BidId, ids.TenantId, ids.ProviderId);
            Add(batch, "select u.id, u.email, u.display_name from \"AspNetUsers\" u where u.id = $1 or exists (select 1 from memberships m " +
                "where m.user_id = u.id and m.organisation_id = $2 and m.role = 'ProviderAdmin')",
                ids.UserId, ids.ProviderId);

            await using var reader = await batch.ExecuteReaderAsync(ct);
            var window = await reader.ReadAsync(ct)
                ? new SubmissionWindow(Enum.Parse<ProcurementState>(reader.GetString(0)), ValueOrNull<DateTime>(reader, 1), reader.GetFieldValue<DateTime>(2))
                : null;
            await reader.NextResultAsync(ct);
            uint? rowVersion = await reader.ReadAsync(ct) ? reader.GetFieldValue<uint>(0) : null;
            await reader.NextResultAsync(ct);
            var versions = await ListAsync(reader, r => new SealedVersion(r.GetInt32(0), r.GetBoolean(1)), ct);
            await reader.NextResultAsync(ct);
            var attachments = await ListAsync(reader, r => new AttachmentHash(r.GetString(0), r.GetString(1), ValueOrNull<Guid>(r, 2)), ct);
            await reader.NextResultAsync(ct);
            var people = await ListAsync(reader, r => new SubmissionPerson(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ct);
            return window is null || rowVersion is null ? null : new SubmissionReads(window, rowVersion.Value, versions, attachments, people);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        batch.BatchCommands.Add(command);
    }

    private static async Task<List<T>> ListAsync<T>(DbDataReader reader, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader));
        }
        return rows;
    }

    private static T? ValueOrNull<T>(DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
