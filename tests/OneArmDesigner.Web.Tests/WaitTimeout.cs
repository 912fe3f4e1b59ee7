using System.Runtime.CompilerServices;
using Bunit;

namespace OneArmDesigner.Web.Tests;

internal static class WaitTimeout
{
    /// <summary>
    /// bUnit waits one second for a render by default; CI runs these tests on two shared cores beside browsers and
    /// servers, where MudBlazor's deferred renders have taken longer. A wait still ends as soon as its assertion holds.
    /// </summary>
    [ModuleInitializer]
    internal static void LongerOnBusyMachines() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
