using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Schemes;

public sealed record CreateSchemeCommand
{
    /// <summary>OpenFramework (reopened on the schedule given) or DynamicMarket (providers apply at any time).</summary>
    public SchemeKind? Kind { get; init; }
    /// <summary>The scheme's last day; an open framework's is at most 8 years after the first award, less a day.</summary>
    public DateOnly? EndsOn { get; init; }
    /// <summary>The planned reopenings of an open framework (the days its next frameworks are to be awarded).</summary>
    public List<DateOnly>? Reopenings { get; init; }
    /// <summary>A dynamic market's conditions of membership, published to providers.</summary>
    public string? ConditionsOfMembership { get; init; }

    public Errors Validate(DateOnly firstAward)
    {
        var errors = new Errors()
            .Require(Kind is not null && Enum.IsDefined(Kind.Value), nameof(Kind), "Choose an open framework or a dynamic market")
            .Require(EndsOn is not null, nameof(EndsOn), "Enter the day the scheme ends");
        var reopenings = Reopenings ?? [];
        if (Kind == SchemeKind.OpenFramework && EndsOn is { } ends)
        {
            foreach (var (field, message) in OpenFrameworkSchedule.Problems(firstAward, reopenings, ends))
            {
                errors.Add(field, message);
            }
        }
        if (Kind == SchemeKind.DynamicMarket)
        {
            errors.RequireText(ConditionsOfMembership, nameof(ConditionsOfMembership), "the conditions of membership", 4000)
                .Require(reopenings.Count == 0, nameof(Reopenings), "A dynamic market is not reopened: providers apply at any time, so leave the reopenings empty")
                .Require(EndsOn is null || EndsOn > firstAward, nameof(EndsOn), $"The scheme must end after the first award ({OpenFrameworkSchedule.Day(firstAward)})");
        }
        return errors;
    }
}

/// <summary>
/// An officer turns an awarded framework procurement into a scheme: an open framework (Procurement Act 2023 s.49) with
/// its schedule of reopenings, refused when it breaks the 3-, 5- or 8-year rules, or a dynamic market with its
/// conditions of membership. The first award is the day its framework agreements started. Audited.
/// </summary>
public sealed class CreateSchemeHandler(PortalDbContext db, SchemeQueries schemes, AuditLog audit, IActor actor)
{
    public async Task<Outcome<FrameworkScheme>> HandleAsync(Guid procurementId, CreateSchemeCommand command, CancellationToken ct)
    {
        if (await schemes.CandidateAsync(procurementId, ct) is not { } candidate)
        {
            return Outcome<FrameworkScheme>.NotFound();
        }
        var errors = command.Validate(candidate.FirstAwardOn)
            .Require(!await db.FrameworkSchemes.AnyAsync(s => s.ProcurementId == procurementId, ct), nameof(command.Kind), $"{candidate.Reference} is already a scheme")
            .Require(!await db.SchemeRounds.AnyAsync(r => r.ProcurementId == procurementId, ct), nameof(command.Kind), $"{candidate.Reference} is a round of a scheme already");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var open = command.Kind == SchemeKind.OpenFramework;
        var scheme = db.FrameworkSchemes.Add(new FrameworkScheme
        {
            ProcurementId = procurementId,
            Kind = command.Kind!.Value,
            FirstAwardOn = candidate.FirstAwardOn,
            EndsOn = command.EndsOn!.Value,
            Reopenings = open ? command.Reopenings!.Order().ToList() : [],
            ConditionsOfMembership = open ? null : command.ConditionsOfMembership!.Trim(),
            CreatedAt = await db.DatabaseNowAsync(ct),
            CreatedByName = actor.Name,
        }).Entity;
        audit.Record("scheme.created", nameof(FrameworkScheme), scheme.Id, open
            ? $"{candidate.Reference} is an open framework from {scheme.FirstAwardOn:yyyy-MM-dd} to {scheme.EndsOn:yyyy-MM-dd}; reopenings planned {string.Join(", ", scheme.Reopenings.Select(d => d.ToString("yyyy-MM-dd")))}"
            : $"{candidate.Reference} is a dynamic market from {scheme.FirstAwardOn:yyyy-MM-dd} to {scheme.EndsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return Outcome<FrameworkScheme>.Ok(scheme);
    }
}
