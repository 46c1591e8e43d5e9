using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>
/// How many times EF Core compared the tracked rows with their snapshots (<see cref="CoreEventId.DetectChangesStarting"/>,
/// read from EF Core's diagnostic events) in the contexts of one test database while an action runs. Only that
/// database's, as <see cref="SqlTrace"/>: other portals run in the same process on their own databases.
/// </summary>
internal static class DetectChangesTrace
{
    public static async Task<int> CountAsync(string database, Func<Task> action)
    {
        var count = 0;
        var events = new EventObserver(context =>
        {
            if (context.Database.GetDbConnection().Database == database)
            {
                Interlocked.Increment(ref count);
            }
        });
        var subscriptions = new List<IDisposable>();
        using (DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(listener =>
               {
                   if (listener.Name == DbLoggerCategory.Name)
                   {
                       lock (subscriptions)
                       {
                           subscriptions.Add(listener.Subscribe(events, name => name == CoreEventId.DetectChangesStarting.Name));
                       }
                   }
               })))
        {
            try
            {
                await action();
            }
            finally
            {
                lock (subscriptions)
                {
                    subscriptions.ForEach(s => s.Dispose());
                }
            }
        }
        return count;
    }

    private sealed class ListenerObserver(Action<DiagnosticListener> onListener) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => onListener(value);
        public void OnCompleted() { }
        public void OnError(Exception error) => throw error;
    }

    private sealed class EventObserver(Action<DbContext> onDetect) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.DetectChangesStarting.Name && value.Value is DbContextEventData { Context: { } context })
            {
                onDetect(context);
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) => throw error;
    }
}
