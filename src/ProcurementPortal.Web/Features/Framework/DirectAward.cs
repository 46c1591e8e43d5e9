using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Framework;

/// <summary>
/// A call-off awarded directly on a lot by the framework's objective mechanism. Proposing uses the first five fields;
/// confirming repeats them with the proposal's id and, to award another member than the one proposed, that member and why.
/// </summary>
public sealed record DirectAwardCommand
{
    public Guid? LotId { get; init; }
    public string? BandCode { get; init; }
    public decimal? HoursPerWeek { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DirectAwardRule? Rule { get; init; }
    /// <summary>The proposal being confirmed: confirming it again makes nothing twice.</summary>
    public Guid? ProposalId { get; init; }
    /// <summary>The member awarded; empty for the one proposed.</summary>
    public Guid? MemberId { get; init; }
    /// <summary>Why not the member proposed (required when another is chosen).</summary>
    public string? Reason { get; init; }

    public Errors Validate() => new Errors()
        .Require(LotId is not null, nameof(LotId), "Choose the lot")
        .Require(!string.IsNullOrWhiteSpace(BandCode), nameof(BandCode), "Choose the need band")
        .Require(HoursPerWeek is > 0 and <= 168, nameof(HoursPerWeek), "Enter the hours per week, more than 0 and no more than 168")
        .Require(StartsOn is not null, nameof(StartsOn), "Enter the start date")
        .Require(Rule is not null && Enum.IsDefined(Rule.Value), nameof(Rule), "Choose the rule for the direct award");
}

/// <summary>An active member of the lot with a rate for the band, what the call-off would cost with it, and what that would take over the lot's plan.</summary>
public sealed record DirectAwardOption(Guid MemberId, Guid ProviderId, string ProviderName, int? Rank, decimal HourlyRate, decimal WeeklyValue, decimal AnnualValue, decimal ContractValue,
    IReadOnlyList<string> PlanWarnings, decimal? SpareHoursPerWeek = null);

public sealed record DirectAwardProposal(
    Guid ProposalId, Guid LotId, string LotName, Guid FrameworkAgreementId, string BandCode, string BandName, decimal HoursPerWeek, DateOnly StartsOn, DateOnly EndsOn,
    DirectAwardRule Rule, string RuleText, DirectAwardOption Proposed, IReadOnlyList<DirectAwardOption> Members, string ValueConvention);

public sealed record DirectAwardResult(Contract Contract, bool Created);

/// <summary>The proposal both use cases start from: the lot's active members with their band rates, and the one the rule picks.</summary>
public sealed class DirectAwards(PortalDbContext db, Spend.FrameworkSpend spend)
{
    public async Task<Outcome<DirectAwardProposal>> ProposeAsync(Guid procurementId, Guid proposalId, DirectAwardCommand command, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == procurementId, ct))
        {
            return Outcome<DirectAwardProposal>.NotFound();
        }
        var errors = command.Validate();
        if (!await db.FrameworkAgreements.AnyAsync(f => f.ProcurementId == procurementId, ct))
        {
            return Outcome<DirectAwardProposal>.NotFound();
        }
        if (await LotNeed.ReadAsync(db, procurementId, command.LotId, command.BandCode, command.StartsOn, errors, ct) is not { } need)
        {
            return errors;
        }
        var (agreement, lot, band, _) = need;
        var members = await db.FrameworkMembers.AsNoTracking().Where(m => m.FrameworkAgreementId == agreement.Id)
            .Join(db.Contracts, m => m.ContractId, c => c.Id, (m, c) => new { Member = m, c.Rates }).ToListAsync(ct);
        // The lot's plan as it stands without this proposal's own call-off: its warnings, and each member's live call-off
        // hours, which its recorded capacity less gives its spare capacity.
        var plan = await spend.LotAsync(procurementId, agreement.Id, ct, excluding: proposalId);
        var committed = plan?.Providers.ToDictionary(p => p.ProviderId, p => p.CommittedHoursPerWeek) ?? [];
        var candidates = members.Select(m => new DirectAwardCandidate(m.Member.Id, m.Member.ProviderName, m.Member.Rank, m.Member.Status,
            m.Rates.FirstOrDefault(r => r.BandCode == band.Code)?.Rate,
            m.Member.CapacityHoursPerWeek - committed.GetValueOrDefault(m.Member.ProviderId))).ToList();
        var rule = command.Rule!.Value;
        if (DirectAwardMechanism.Propose(rule, candidates, command.HoursPerWeek!.Value) is not { } proposed)
        {
            return new Errors().Add(nameof(command.LotId), "No active member of this lot has a rate for that band and room for these hours");
        }
        var options = candidates.Where(c => c.Status == MemberStatus.Active && c.BandRate is not null)
            .OrderBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.ProviderName, StringComparer.Ordinal)
            .Select(c =>
            {
                var value = CallOffValue.Of(c.BandRate!.Value, command.HoursPerWeek!.Value, command.StartsOn!.Value, agreement.EndsOn);
                var providerId = members.Single(m => m.Member.Id == c.MemberId).Member.ProviderId;
                return new DirectAwardOption(c.MemberId, providerId, c.ProviderName, c.Rank, c.BandRate.Value, value.Weekly, value.Annual, value.OverTerm,
                    plan?.WarningsFor(band.Code, value.Annual, command.HoursPerWeek!.Value) ?? [], c.SpareHoursPerWeek);
            }).ToList();
        return Outcome<DirectAwardProposal>.Ok(new DirectAwardProposal(proposalId, lot.Id, $"Lot {lot.Number} {lot.Name}", agreement.Id, band.Code, band.Name,
            command.HoursPerWeek!.Value, command.StartsOn!.Value, agreement.EndsOn, rule, DirectAwardMechanism.Describe(rule),
            options.Single(o => o.MemberId == proposed.MemberId), options, CallOffValue.Convention));
    }
}

/// <summary>The portal proposes the provider by the rule the officer chose; nothing is saved until it is confirmed.</summary>
public sealed class ProposeDirectAwardHandler(DirectAwards awards)
{
    public Task<Outcome<DirectAwardProposal>> HandleAsync(Guid procurementId, DirectAwardCommand command, CancellationToken ct) =>
        awards.ProposeAsync(procurementId, command.ProposalId ?? Guid.CreateVersion7(), command, ct);
}

/// <summary>
/// The officer confirms the proposed member, or awards another active member of the lot and records why not the one
/// proposed: one call-off contract under the lot's framework agreement (its id is the proposal's, so confirming the
/// same proposal again returns that contract and makes, audits and sends nothing twice), audited, the provider emailed.
/// </summary>
public sealed class ConfirmDirectAwardHandler(PortalDbContext db, DirectAwards awards, AuditLog audit, EmailOutbox outbox, IActor actor,
    ITenantContext tenant, IConfiguration configuration)
{
    public async Task<Outcome<DirectAwardResult>> HandleAsync(Guid procurementId, DirectAwardCommand command, CancellationToken ct)
    {
        if (command.ProposalId is not { } proposalId)
        {
            return new Errors().Add(nameof(command.ProposalId), "Ask for a proposal first");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(hashtextextended({proposalId.ToString()}, 0))", ct);
        if (await db.Contracts.SingleOrDefaultAsync(c => c.Id == proposalId && c.ProcurementId == procurementId, ct) is { } made)
        {
            return Outcome<DirectAwardResult>.Ok(new DirectAwardResult(made, Created: false));
        }
        var outcome = await awards.ProposeAsync(procurementId, proposalId, command, ct);
        if (!outcome.Succeeded)
        {
            return outcome.IsNotFound ? Outcome<DirectAwardResult>.NotFound() : outcome.Errors!;
        }
        var proposal = outcome.Value!;
        var chosen = command.MemberId is { } memberId ? proposal.Members.FirstOrDefault(m => m.MemberId == memberId) : proposal.Proposed;
        var another = chosen is not null && chosen.MemberId != proposal.Proposed.MemberId;
        var errors = new Errors()
            .Require(chosen is not null, nameof(command.MemberId), "Choose an active member of this lot")
            .Require(!another || !string.IsNullOrWhiteSpace(command.Reason), nameof(command.Reason), $"Say why you are not awarding it to {proposal.Proposed.ProviderName}, the provider the rule proposes");
        if (another && !string.IsNullOrWhiteSpace(command.Reason))
        {
            errors.RequireText(command.Reason, nameof(command.Reason), "why not the provider proposed", 2000);
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        var procurement = await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId).Select(p => new { p.Reference }).SingleAsync(ct);
        var prefix = $"{procurement.Reference}-DA";
        var count = await db.Contracts.CountAsync(c => c.FrameworkAgreementId == proposal.FrameworkAgreementId && c.LotId == null && c.Reference.StartsWith(prefix), ct);
        var contract = db.Contracts.Add(new Contract
        {
            Id = proposalId,
            ProcurementId = procurementId,
            FrameworkAgreementId = proposal.FrameworkAgreementId,
            // The lot is the framework agreement's; the lot and provider pair stays unique to the framework contract itself.
            LotId = null,
            ProviderId = chosen!.ProviderId,
            Reference = $"{prefix}{count + 1:0000}",
            Title = $"Direct award: {proposal.BandCode} {proposal.BandName}, {proposal.HoursPerWeek:0.##} hours a week",
            ProviderName = chosen.ProviderName,
            LotName = proposal.LotName,
            StartsOn = proposal.StartsOn,
            EndsOn = proposal.EndsOn,
            Value = chosen.ContractValue,
            AnnualValue = chosen.AnnualValue,
            Rates = [new AgreedRate(proposal.BandCode, proposal.BandName, "Hour", chosen.HourlyRate)],
            CallOffBandCode = proposal.BandCode,
            HoursPerWeek = proposal.HoursPerWeek,
            WeeklyValue = chosen.WeeklyValue,
            OwnerUserId = actor.UserId ?? throw new InvalidOperationException("Only a signed-in officer confirms a direct award."),
            CreatedAt = now,
        }).Entity;
        var why = another ? $"; not {proposal.Proposed.ProviderName} (proposed) because: {command.Reason!.Trim()}" : "; the provider the rule proposed";
        audit.Record("framework.direct_award", nameof(Contract), contract.Id,
            $"{contract.Reference}: {proposal.LotName}, {proposal.BandCode}, {proposal.HoursPerWeek:0.##} hours a week from {proposal.StartsOn:yyyy-MM-dd}, " +
            $"rule \"{proposal.Rule}\": awarded to {chosen.ProviderName} at {Money.Format(chosen.HourlyRate)} an hour, {Money.Format(chosen.WeeklyValue)} a week, " +
            $"{Money.Format(chosen.AnnualValue)} a year, {Money.Format(chosen.ContractValue)} to {proposal.EndsOn:yyyy-MM-dd}{why}");
        var contacts = await Core.Jobs.ProviderContacts.EmailsAsync(db, [chosen.ProviderId], ct);
        foreach (var email in contacts.GetValueOrDefault(chosen.ProviderId) ?? [])
        {
            outbox.Enqueue(email, "direct-award", new
            {
                TenantName = tenant.TenantName,
                contract.Reference,
                proposal.LotName,
                Band = $"{proposal.BandCode} {proposal.BandName}",
                Hours = proposal.HoursPerWeek.ToString("0.##"),
                StartsOn = proposal.StartsOn.ToString("d MMMM yyyy"),
                Rate = Money.Format(chosen.HourlyRate),
                Weekly = Money.Format(chosen.WeeklyValue),
                Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/",
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<DirectAwardResult>.Ok(new DirectAwardResult(contract, Created: true));
    }
}
