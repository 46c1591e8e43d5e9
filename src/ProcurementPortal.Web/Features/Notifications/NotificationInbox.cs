using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notifications;

public sealed record NotificationView(Guid Id, string Subject, string From, DateTimeOffset CreatedAt, bool Read, string? Body)
{
    public string CreatedText => UkTime.Format(CreatedAt.UtcDateTime);
}

public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The signed-in person's notifications (the in-portal copies of their emails). Every read runs in a transaction that
/// sets <c>app.user_id</c> for itself only, which the notifications' row-level security policy reads: a unit of work
/// that does not act for the person sees none of their rows, whatever the query says.
/// </summary>
public sealed class NotificationInbox(PortalDbContext db, IActor actor)
{
    public const int PageSize = 20;

    public async Task<NotificationList> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        return await AsTheUserAsync(async me =>
        {
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
            var total = await mine.CountAsync(ct);
            var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
            var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(n => new { n.Id, n.Subject, n.TenantId, n.CreatedAt, n.ReadAt })
                .ToListAsync(ct);
            var names = await SendersAsync(rows.Select(r => r.TenantId), ct);
            return new NotificationList(rows.Select(r => new NotificationView(r.Id, r.Subject, From(names, r.TenantId), Utc(r.CreatedAt), r.ReadAt is not null, null)).ToList(),
                unread, page, pageSize, total);
        }, ct);
    }

    /// <summary>One notification with its text, marked read (null when it is not the caller's: 404).</summary>
    public async Task<NotificationView?> OpenAsync(Guid id, CancellationToken ct) => await AsTheUserAsync(async me =>
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == me, ct);
        if (notification is null)
        {
            return null;
        }
        notification.ReadAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        var names = await SendersAsync([notification.TenantId], ct);
        return new NotificationView(notification.Id, notification.Subject, From(names, notification.TenantId), Utc(notification.CreatedAt), true, notification.Body);
    }, ct);

    /// <summary>Marks every unread notification of the caller read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(CancellationToken ct) => AsTheUserAsync(me =>
        db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTime.UtcNow), ct), ct);

    public Task<int> UnreadAsync(CancellationToken ct) => AsTheUserAsync(me =>
        db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct), ct);

    private async Task<T> AsTheUserAsync<T>(Func<Guid, Task<T>> work, CancellationToken ct)
    {
        var me = actor.UserId ?? throw new InvalidOperationException("Notifications are read by a signed-in person.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select set_config('app.user_id', {me.ToString()}, true)", ct);
        var result = await work(me);
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<Dictionary<Guid, string>> SendersAsync(IEnumerable<Guid?> tenantIds, CancellationToken ct)
    {
        var ids = tenantIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static string From(Dictionary<Guid, string> names, Guid? tenantId) =>
        tenantId is { } id && names.TryGetValue(id, out var name) ? name : "ProcurementPortal";

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
