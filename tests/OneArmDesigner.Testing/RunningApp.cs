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
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    /// <param name="databaseFolder">
    /// A folder whose database to reuse (to simulate a restart); it is left in place. By default a new temporary
    /// folder is made and deleted on disposal.
    /// </param>
    /// <param name="settings">Configuration overrides, for example limits, or another database (<see cref="PostgresDatabase.Settings"/>).</param>
    /// <param name="services">Services registered after the app's own, so they replace them: for example a controllable analysis engine.</param>
    /// <param name="environment">The hosting environment; Development unless a test is about how the app behaves for users.</param>
    public RunningApp(string? databaseFolder = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        string environment = "Development")
    {
        _services = services;
        _environment = environment;
        _ownsFolder = databaseFolder is null;
        _folder = databaseFolder ?? Directory.CreateTempSubdirectory("onearm-test-").FullName;
        DatabasePath = Path.Combine(_folder, "onearm.db");
        _settings = new Dictionary<string, string?>
        {
            // Tests make many requests from one address; those about rate limits turn them back on.
            ["RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Settings that name a database (PostgreSQL, see PostgresDatabase) keep it; otherwise a SQLite file of our own.
        _settings.TryAdd("ConnectionStrings:Default", $"Data Source={DatabasePath}");

        // A failing JS-invokable call then reports its exception to the browser console, where tests see it.
        _settings["DetailedErrors"] = "true";
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

    /// <summary>The folder holding <see cref="DatabasePath"/>.</summary>
    public string DatabaseFolder => _folder;

    /// <summary>A client whose base address is the running server.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(BaseUrl + "/") };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
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
