using System.Globalization;
using ProcurementPortal.Core.Domain.MarketIntent;

namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>Tender deadlines as providers read them: UK wall-clock time with the zone and its UTC offset.</summary>
public static class TenderTimes
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"midday on Saturday 9 January 2027 (GMT, UTC+00:00)"; "5pm on Friday 2 July 2027 (BST, UTC+01:00)".</summary>
    public static string Deadline(DateTime utc)
    {
        var uk = UkEventTime.ToUkOffset(utc);
        var zone = uk.Offset == TimeSpan.Zero ? "GMT" : "BST";
        var sign = uk.Offset < TimeSpan.Zero ? "-" : "+";
        return $"{UkEventTime.Clock(uk.DateTime)} on {uk.DateTime.ToString("dddd d MMMM yyyy", English)} ({zone}, UTC{sign}{uk.Offset:hh\\:mm})";
    }
}
