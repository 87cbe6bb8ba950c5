namespace Bot.Kubernetes.Tests;

/// <summary>The repo's copy of the shared fixtures, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Logs => Path.Combine(AppContext.BaseDirectory, "fixtures", "logs");

    public static string Lab => Path.Combine(Logs, "lab-registry-2.8.2");

    public static string[] Lines(string relativePath) => File.ReadAllLines(Path.Combine(Logs, relativePath));
}
