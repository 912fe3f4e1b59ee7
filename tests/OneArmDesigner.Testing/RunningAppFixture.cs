namespace OneArmDesigner.Testing;

/// <summary>An xUnit class fixture: one running app (default settings) shared by the tests of a class.</summary>
public sealed class RunningAppFixture : IDisposable
{
    public RunningApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
