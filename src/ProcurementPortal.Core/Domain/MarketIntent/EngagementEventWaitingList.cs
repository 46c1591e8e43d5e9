namespace ProcurementPortal.Core.Domain.MarketIntent;

/// <summary>The rules of places and the waiting list, in one place.</summary>
public static class EngagementEventWaitingList
{
    /// <summary>A new registration takes a place while there is one, else waits.</summary>
    public static RegistrationStatus StatusForNew(EngagementEvent engagement) =>
        engagement.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed) < engagement.Capacity
            ? RegistrationStatus.Confirmed
            : RegistrationStatus.Waiting;

    /// <summary>
    /// Cancels a registration; when it held a place, the longest-waiting registrations take the free places (a larger
    /// capacity may free more than one). Returns those promoted.
    /// </summary>
    public static List<EventRegistration> Cancel(EngagementEvent engagement, EventRegistration registration, DateTime now)
    {
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        return FillPlaces(engagement, now);
    }

    /// <summary>Promotes waiting registrations, first come first served, into any free places.</summary>
    public static List<EventRegistration> FillPlaces(EngagementEvent engagement, DateTime now)
    {
        var free = engagement.Capacity - engagement.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed);
        var promoted = engagement.Registrations
            .Where(r => r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Take(Math.Max(free, 0))
            .ToList();
        foreach (var waiting in promoted)
        {
            waiting.Status = RegistrationStatus.Confirmed;
            waiting.PromotedAt = now;
        }
        return promoted;
    }
}
