using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.Web.Features.Schemes;

public sealed record DecideApplicationCommand
{
    /// <summary>Admitted or Refused.</summary>
    public MarketApplicationStatus? Decision { get; init; }
    /// <summary>Why: required either way, audited and sent to the provider.</summary>
    public string? Reasons { get; init; }

    public Errors Validate() => new Errors()
        .Require(Decision is MarketApplicationStatus.Admitted or MarketApplicationStatus.Refused, nameof(Decision), "Choose whether to admit or refuse the provider")
        .RequireText(Reasons, nameof(Reasons), "the reasons for your decision", 2000);
}

/// <summary>
/// An officer admits or refuses a dynamic market application, with reasons (required, audited, sent to the provider).
/// Admitted, the provider becomes an active member of each lot it applied for, at the rates it stated, through a
/// contract under the lot's framework agreement to the agreement's end.
/// </summary>
public sealed class DecideApplicationHandler(PortalDbContext db, AuditLog audit, IActor actor, EmailOutbox outbox, ITenantContext tenant, IConfiguration configuration)
{
    public async Task<Outcome<ApplicationView>> HandleAsync(Guid procurementId, Guid applicationId, DecideApplicationCommand command, CancellationToken ct)
    {
        var scheme = await db.FrameworkSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.ProcurementId == procurementId && s.Kind == SchemeKind.DynamicMarket, ct);
        var application = scheme is null ? null
            : await db.MarketApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.SchemeId == scheme.Id, ct);
        if (scheme is null || application is null)
        {
            return Outcome<ApplicationView>.NotFound();
        }
        var earlier = await db.MarketDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == application.Id, ct);
        var errors = command.Validate()
            .Require(earlier is null, nameof(command.Decision), $"This application was already {earlier?.Status.ToString().ToLowerInvariant()}");
        var now = await db.DatabaseNowAsync(ct);
        var p = await db.Procurements.AsNoTracking().Where(x => x.Id == procurementId).Select(x => new { x.Reference, x.Title }).SingleAsync(ct);
        if (errors.IsEmpty && command.Decision == MarketApplicationStatus.Admitted)
        {
            await AdmitAsync(application, p.Reference, Standstill.LondonDay(now), now, errors, ct);
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var decision = db.MarketDecisions.Add(new MarketDecision
        {
            SchemeId = scheme.Id, ApplicationId = application.Id, ProviderId = application.ProviderId, Status = command.Decision!.Value,
            Reasons = command.Reasons!.Trim(), DecidedAt = now, DecidedByName = actor.Name,
        }).Entity;
        var admitted = decision.Status == MarketApplicationStatus.Admitted;
        var lots = string.Join(", ", application.Lots.Select(l => l.LotName));
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, [application.ProviderId], ct);
        foreach (var email in contacts.GetValueOrDefault(application.ProviderId) ?? [])
        {
            outbox.Enqueue(email, admitted ? "market-application-admitted" : "market-application-refused", new
            {
                TenantName = tenant.TenantName, p.Reference, p.Title, application.ProviderName, Lots = lots, Reasons = decision.Reasons,
                Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/dynamic-markets/{scheme.Id}/applications/{application.Id}",
            });
        }
        audit.Record(admitted ? "market.admitted" : "market.refused", nameof(MarketApplication), application.Id,
            $"{application.ProviderName} {(admitted ? "admitted to" : "refused")} {lots} of {p.Reference}: {decision.Reasons}");
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationView>.Ok(ApplicationView.From(application, decision));
    }

    /// <summary>A contract and an active membership per lot applied for; an error when the lot's framework has ended or already has the provider.</summary>
    private async Task AdmitAsync(MarketApplication application, string reference, DateOnly today, DateTime now, Errors errors, CancellationToken ct)
    {
        foreach (var applied in application.Lots)
        {
            var agreement = await db.FrameworkAgreements.AsNoTracking().SingleAsync(f => f.LotId == applied.LotId, ct);
            var lot = await db.Lots.AsNoTracking().Include(l => l.Bands).SingleAsync(l => l.Id == applied.LotId, ct);
            errors.Require(today <= agreement.EndsOn, nameof(DecideApplicationCommand.Decision), $"The framework agreement of {applied.LotName} ended on {OpenFrameworkSchedule.Day(agreement.EndsOn)}")
                .Require(!await db.FrameworkMembers.AnyAsync(m => m.FrameworkAgreementId == agreement.Id && m.ProviderId == application.ProviderId, ct),
                    nameof(DecideApplicationCommand.Decision), $"{application.ProviderName} is already a member of {applied.LotName}");
            if (!errors.IsEmpty)
            {
                continue;
            }
            var annual = applied.Rates.Sum(r => r.Rate * (lot.Bands.FirstOrDefault(b => b.Code == r.BandCode)?.ExpectedAnnualVolume ?? 0));
            var months = (agreement.EndsOn.Year - today.Year) * 12 + agreement.EndsOn.Month - today.Month + 1;
            var sequence = await db.Contracts.CountAsync(c => c.FrameworkAgreementId == agreement.Id, ct) + 1;
            var contract = db.Contracts.Add(new Contract
            {
                ProcurementId = agreement.ProcurementId, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = application.ProviderId,
                Reference = $"{reference}-L{lot.Number}-M{sequence:00}", Title = agreement.Title, ProviderName = application.ProviderName, LotName = applied.LotName,
                StartsOn = today, EndsOn = agreement.EndsOn, Value = ContractTerms.ProRata(annual, months), AnnualValue = annual, Rates = applied.Rates,
                OwnerUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer admits providers."), CreatedAt = now,
            }).Entity;
            db.FrameworkMembers.Add(new FrameworkMember
            {
                ProcurementId = agreement.ProcurementId, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = application.ProviderId,
                ProviderName = application.ProviderName, ContractId = contract.Id, JoinedAt = now,
            });
        }
    }
}
