namespace Bot.Core.Targets;

/// <summary>What a person or a webhook asked the bot to triage: a CI run link or a plain image reference.</summary>
public sealed record TriageTarget
{
    private TriageTarget(string input, RunLink? runLink, ImageReference? imageRef)
    {
        Input = input;
        RunLink = runLink;
        ImageRef = imageRef;
    }

    /// <summary>The text as given, after trimming; kept for the record.</summary>
    public string Input { get; }

    public RunLink? RunLink { get; }

    public ImageReference? ImageRef { get; }

    public static TriageTarget ForRun(string input, RunLink link) => new(input, link, null);

    public static TriageTarget ForImage(string input, ImageReference reference) => new(input, null, reference);
}
