namespace Bot.Lab.Cli;

/// <summary>
/// Finds a scenario file as given (relative to the current directory), or else relative to the
/// repository root, found by walking up to the folder that holds <c>scenarios/</c>. So
/// <c>scenarios/seed.yaml</c> works from the repo root, from a subfolder and from the build output.
/// </summary>
public static class ScenarioPaths
{
    public static string Resolve(string path)
    {
        if (File.Exists(path) || Path.IsPathRooted(path))
            return Path.GetFullPath(path);

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(Path.Combine(dir.FullName, "scenarios")) && File.Exists(candidate))
                    return candidate;
            }
        }

        // Not found anywhere: let the parser report the path as the user typed it.
        return path;
    }
}
