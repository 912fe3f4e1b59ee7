using Xunit;

namespace OneArmDesigner.Testing;

/// <summary>
/// The PostgreSQL and Redis the scale-out tests talk to, both on 127.0.0.1. CI starts them with <c>.ci/services</c>
/// and hands them over in <c>ONEARM_TEST_POSTGRES</c> and <c>ONEARM_TEST_REDIS</c>; a developer without those
/// variables but with Debian's postgresql and redis-server gets a private pair started the same way for this test
/// run (and stopped when it ends). Without either, the tests that need them are skipped, except under CI, where a
/// missing service is a failure: CI must never pass by skipping them.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<(string? Postgres, string? Redis, string? Missing)> Services = new(Locate);

    /// <summary>A connection string to a PostgreSQL superuser on the server's 'postgres' database, or null.</summary>
    public static string? Postgres => Services.Value.Postgres;

    /// <summary>host:port of a Redis server, or null.</summary>
    public static string? Redis => Services.Value.Redis;

    /// <summary>Why the services are not there, or null when they are.</summary>
    public static string? Missing => Services.Value.Missing;

    /// <summary>True when the environment says this is a CI run, where nothing may be skipped.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test when the services are missing, or fails it under CI.</summary>
    public static void Require()
    {
        if (Missing is null)
        {
            return;
        }

        if (InCi)
        {
            throw new InvalidOperationException("CI must run the PostgreSQL and Redis tests: " + Missing);
        }

        throw new SkipException(Missing);
    }

    private static (string?, string?, string?) Locate()
    {
        var postgres = Environment.GetEnvironmentVariable("ONEARM_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("ONEARM_TEST_REDIS");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(redis))
        {
            return (postgres, redis, null);
        }

        if (!Directory.Exists("/usr/lib/postgresql") || !File.Exists("/usr/bin/redis-server"))
        {
            return (null, null, "PostgreSQL and Redis are not installed here (apt-get install postgresql redis-server, or set ONEARM_TEST_POSTGRES and ONEARM_TEST_REDIS)");
        }

        return StartPrivate();
    }

    /// <summary>Starts a private pair with the same script CI uses, and stops it when the test process ends.</summary>
    private static (string?, string?, string?) StartPrivate()
    {
        var (services, problem) = PrivateServices.Start();
        if (services is null)
        {
            return (null, null, problem);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => services.Dispose();
        return (services.Postgres, services.Redis, null);
    }
}
