namespace OneArmDesigner.Web.Designs;

/// <summary>How a store operation ended; the API maps each to one HTTP status.</summary>
public enum StoreStatus
{
    Ok,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

/// <summary>The outcome of a store operation: a value when it succeeded, otherwise a status and a message for people.</summary>
public sealed record StoreResult<T>(StoreStatus Status, T? Value, string? Message, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Status == StoreStatus.Ok;

    /// <summary>On a conflict: the design's version now, the one to read before saving again.</summary>
    public int? CurrentVersion { get; init; }

    public static StoreResult<T> Ok(T value) => new(StoreStatus.Ok, value, null, []);

    public static StoreResult<T> Fail(StoreStatus status, string message, IReadOnlyList<string>? problems = null) =>
        new(status, default, message, problems ?? []);

    public StoreResult<TOther> As<TOther>() => new(Status, default, Message, Problems) { CurrentVersion = CurrentVersion };
}
