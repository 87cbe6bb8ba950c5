namespace Bot.Core.Tests.Support;

/// <summary>Files of the repository itself (docs, README), found above the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
                directory = directory.Parent;
            return directory?.FullName
                ?? throw new DirectoryNotFoundException("Bot.sln not found above the test binaries.");
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
