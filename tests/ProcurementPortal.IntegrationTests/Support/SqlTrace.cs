using System.Diagnostics;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>
/// The SQL the portal sends to one test database while an action runs, read from Npgsql's own tracing (every command,
/// EF Core's or hand-written). Only that database's: the demo tests run their own portals on their own databases beside
/// the portal collection, in the same process, and Npgsql's tracing is process-wide.
/// </summary>
internal static class SqlTrace
{
    public static async Task<List<string>> RecordAsync(string database, Func<Task> action)
    {
        var texts = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database)
                {
                    lock (texts)
                    {
                        texts.Add(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        lock (texts)
        {
            return [.. texts];
        }
    }
}
