using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>Running jobs directly, as the Hangfire server would, and looking at what they left behind.</summary>
public static class JobTestHelpers
{
    /// <summary>Runs a job in its own scope (a fresh unit of work, as each Hangfire job gets).</summary>
    public static async Task RunJobAsync<TJob>(this PortalFixture fixture, Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    /// <summary>Whether a job of the named type with this id among its arguments is waiting in Hangfire's storage.</summary>
    public static async Task<bool> JobScheduledAsync(this PortalFixture fixture, string jobType, Guid argument)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from hangfire.job where invocationdata::text like @type and arguments::text like @id", connection);
        command.Parameters.AddWithValue("type", $"%{jobType}%");
        command.Parameters.AddWithValue("id", $"%{argument}%");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Runs SQL as the superuser (past RLS): to move a deadline or a time into the past.</summary>
    public static async Task SqlAsync(this PortalFixture fixture, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
