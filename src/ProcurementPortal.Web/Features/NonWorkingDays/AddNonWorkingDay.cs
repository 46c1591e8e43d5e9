using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.NonWorkingDays;

public sealed record AddNonWorkingDayCommand(DateOnly? Day, string? Name);

public sealed record NonWorkingDayView(Guid Id, DateOnly Day, string Name)
{
    public static NonWorkingDayView From(TenantNonWorkingDay d) => new(d.Id, d.Day, d.Name);
}

/// <summary>
/// A tenant admin adds a day to the shipped England and Wales bank holidays (e.g. a new royal occasion): the standstill
/// and every other working-day count of this tenant skip it from then on (ARCHITECTURE.md: "a table the app ships and
/// an admin can extend").
/// </summary>
public sealed class AddNonWorkingDayHandler(PortalDbContext db, AuditLog audit)
{
    public const int MaxName = 200;

    public async Task<Outcome<NonWorkingDayView>> HandleAsync(AddNonWorkingDayCommand command, CancellationToken ct)
    {
        var name = command.Name?.Trim() ?? "";
        var errors = new Errors()
            .Require(command.Day is not null, nameof(command.Day), "Enter the date of the non-working day")
            .Require(name.Length > 0, nameof(command.Name), "Enter what the day is, like Coronation bank holiday")
            .Require(name.Length <= MaxName, nameof(command.Name), $"The name must be {MaxName} characters or fewer");
        if (command.Day is { } day)
        {
            errors.Require(day.Year is >= UkCalendar.FirstYear and <= UkCalendar.LastYear, nameof(command.Day),
                $"Enter a date from {UkCalendar.FirstYear} to {UkCalendar.LastYear}, the years the calendar covers");
            if (errors.IsEmpty)
            {
                errors.Require(UkCalendar.IsWorkingDay(day), nameof(command.Day), $"{day:d MMMM yyyy} is already a weekend day or a bank holiday");
                errors.Require(!await db.TenantNonWorkingDays.AnyAsync(d => d.Day == day, ct), nameof(command.Day), $"{day:d MMMM yyyy} is already a non-working day");
            }
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var added = db.TenantNonWorkingDays.Add(new TenantNonWorkingDay { Day = command.Day!.Value, Name = name }).Entity;
        audit.Record("calendar.non_working_day_added", nameof(TenantNonWorkingDay), added.Id, $"{added.Day:yyyy-MM-dd} {added.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<NonWorkingDayView>.Ok(NonWorkingDayView.From(added));
    }
}
