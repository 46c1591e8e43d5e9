using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ProcurementPortal.IntegrationTests.Webhooks;

/// <summary>What one POST to the receiver carried, and what the receiver answered.</summary>
public sealed record ReceivedWebhook(string EventId, string Timestamp, string Signature, string Body, int Answer);

/// <summary>
/// A real HTTP receiver on a free local port: it answers 500 to the first attempt of each event id and 200 after
/// (or always <see cref="AlwaysFail"/>), and keeps every request it saw.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly Task _loop;

    public WebhookReceiver(bool alwaysFail = false)
    {
        AlwaysFail = alwaysFail;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/portal-events/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public bool AlwaysFail { get; }
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var id = context.Request.Headers["X-Portal-Event-Id"] ?? "";
            var first = _seen.AddOrUpdate(id, 1, (_, n) => n + 1) == 1;
            var answer = AlwaysFail || first ? 500 : 200;
            Received.Enqueue(new ReceivedWebhook(id, context.Request.Headers["X-Portal-Timestamp"] ?? "",
                context.Request.Headers["X-Portal-Signature"] ?? "", body, answer));
            context.Response.StatusCode = answer;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
