using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Notices;

/// <summary>The short questionnaire of an expression of interest, as the API sends it.</summary>
public sealed record ExpressInterestCommand(Guid? ProviderId, string? AreasOfInterest, int? CapacityHoursPerWeek, string? Comment)
{
    public Errors Validate(Errors errors) => errors
        .RequireText(AreasOfInterest, nameof(AreasOfInterest), "the lots or areas you are interested in", 1000)
        .Require(CapacityHoursPerWeek is not null, nameof(CapacityHoursPerWeek), "Enter how many hours of support a week you could take on")
        .Require(CapacityHoursPerWeek is null or (>= 0 and <= 100_000), nameof(CapacityHoursPerWeek), "The hours a week must be from 0 to 100,000")
        .LimitText(Comment, nameof(Comment), "the comment", 4000);
}

/// <summary>The questionnaire's page fields, as typed.</summary>
public sealed class ExpressInterestForm
{
    public string? ProviderId { get; set; }
    public string? AreasOfInterest { get; set; }
    public string? CapacityHoursPerWeek { get; set; }
    public string? Comment { get; set; }

    public (ExpressInterestCommand Command, Errors Errors) ToCommand()
    {
        var errors = new Errors();
        var hours = FormValues.Whole(CapacityHoursPerWeek?.Replace(",", "", StringComparison.Ordinal), nameof(CapacityHoursPerWeek), "hours a week", errors);
        var command = new ExpressInterestCommand(Guid.TryParse(ProviderId, out var id) ? id : null, AreasOfInterest, hours, Comment);
        // The answers' own checks too, except where the field could not be read at all: every error at once.
        var unreadable = errors.ToDictionary().Keys.ToHashSet();
        foreach (var (field, messages) in command.Validate(new Errors()).ToDictionary().Where(e => !unreadable.Contains(e.Key)))
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return (command, errors);
    }
}

/// <summary>
/// A provider tells the commissioner it is interested in a published statement, answering the questionnaire. One
/// expression per organisation per statement: sending it again replaces the answers.
/// </summary>
public sealed class ExpressInterest(PortalDbContext db, ProviderSide provider, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<InterestView>> HandleAsync(Guid statementId, ExpressInterestCommand command, CancellationToken ct)
    {
        if (!await db.MarketIntentStatements.AnyAsync(s => s.Id == statementId && s.Status == StatementStatus.Published, ct))
        {
            return Outcome<InterestView>.NotFound();
        }
        var (organisation, errors) = await provider.ChooseAsync(command.ProviderId, ct);
        if (!command.Validate(errors).IsEmpty)
        {
            return errors;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (userId, email, _) = await provider.PersonAsync(ct);
        var expression = await db.ExpressionsOfInterest.SingleOrDefaultAsync(x => x.StatementId == statementId && x.ProviderId == organisation!.Id, ct);
        var isNew = expression is null;
        expression ??= db.ExpressionsOfInterest.Add(new ExpressionOfInterest
        {
            StatementId = statementId, ProviderId = organisation!.Id, ProviderName = organisation.Name, ContactEmail = email, AreasOfInterest = "",
        }).Entity;
        expression.SubmittedByUserId = userId;
        expression.ContactEmail = email;
        expression.AreasOfInterest = command.AreasOfInterest!.Trim();
        expression.CapacityHoursPerWeek = command.CapacityHoursPerWeek!.Value;
        expression.Comment = FieldRules.Clean(command.Comment);
        expression.SubmittedAt = now;
        audit.Record(isNew ? "market-intent.interest-expressed" : "market-intent.interest-updated", nameof(ExpressionOfInterest), expression.Id,
            $"{expression.ProviderName}: {expression.AreasOfInterest}; {expression.CapacityHoursPerWeek} hours a week");
        await db.SaveChangesAsync(ct);
        return Outcome<InterestView>.Ok(new InterestView(expression.Id, expression.ProviderName, expression.ContactEmail, expression.AreasOfInterest,
            expression.CapacityHoursPerWeek, expression.Comment, UkEventTime.ToUkOffset(now)));
    }
}
