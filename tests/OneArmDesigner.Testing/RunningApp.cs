using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OneArmDesigner.Testing;

/// <summary>
/// The real application listening on a free 127.0.0.1 port (Kestrel, real sockets), with its own SQLite file in a
/// temporary folder that is deleted on disposal. Browsers, SignalR clients and HTTP clients all talk to <see cref="BaseUrl"/>.
/// </summary>
public sealed class RunningApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onearm-test-").FullName;
    private readonly Dictionary<string, string?> _settings;

    public RunningApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DatabasePath = Path.Combine(_folder, "onearm.db");
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabasePath}",
        };
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no listening address.");
        BaseUrl = addresses.Addresses.Single().TrimEnd('/');
    }

    /// <summary>For example <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The SQLite file this instance uses.</summary>
    public string DatabasePath { get; }

    /// <summary>A client whose base address is the running server.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS is left in the temp folder; the OS cleans it.
            }
        }
    }
}
