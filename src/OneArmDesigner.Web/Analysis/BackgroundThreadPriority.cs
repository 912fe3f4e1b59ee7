using System.Runtime.InteropServices;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// Lets the operating system favour requests over analyses when both want the cores: the analysis thread asks to be
/// "nicer" (Linux nice 10), so a request thread gets about nine tenths of a contended core. .NET's Thread.Priority
/// does nothing on Linux, and raising niceness needs no privilege. Elsewhere, or if refused, nothing changes.
/// </summary>
internal static class BackgroundThreadPriority
{
    private const int PriorityProcess = 0;
    private const int Niceness = 10;

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // On Linux, PRIO_PROCESS with a thread id sets that one thread's niceness.
            _ = SetPriority(PriorityProcess, GetThreadId(), Niceness);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the analysis simply runs at normal priority.
        }
    }

    // DllImport rather than LibraryImport: these take and return plain ints, and the project allows no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
