namespace Bot.Slack.Blocks;

/// <summary>
/// Block Kit's documented limits. Text is cut to fit rather than sent and refused: Slack answers
/// <c>invalid_blocks</c> for one character too many, and a half-shown message beats none.
/// </summary>
public static class BlockLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;

    /// <summary>Slack truncates top-level text beyond this and warns; we cut it ourselves first.</summary>
    public const int TopLevelText = 40_000;

    /// <summary>
    /// The most text we put in one message's blocks together. Slack documents no aggregate limit
    /// behind <c>msg_blocks_too_long</c> (SLACK.md §6), so we take the one length it documents for
    /// a whole message, the top-level text's; a reply Slack still refuses is sent in a short form.
    /// </summary>
    public const int MessageTotalText = TopLevelText;

    /// <summary>
    /// Cuts <paramref name="text"/> to <paramref name="limit"/> characters, ending with an ellipsis when cut.
    /// </summary>
    public static string Fit(string text, int limit)
    {
        if (text.Length <= limit)
            return text;

        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>
    /// Cuts at a line boundary so the kept part plus <paramref name="pointer"/> (which says where the
    /// rest is) fits <paramref name="limit"/>; returns the text unchanged when it already fits.
    /// </summary>
    public static string FitWithPointer(string text, int limit, Func<int, string> pointer)
    {
        if (text.Length <= limit)
            return text;

        var lines = text.Split('\n');
        var kept = 0;
        var length = 0;
        var reserve = pointer(lines.Length).Length + 2;
        while (kept < lines.Length && length + lines[kept].Length + 1 + reserve <= limit)
        {
            length += lines[kept].Length + 1;
            kept++;
        }

        // One very long line: keep a piece of it rather than nothing.
        var head = kept > 0
            ? string.Join('\n', lines, 0, kept)
            : Fit(lines[0], Math.Max(1, limit - reserve));
        var remaining = lines.Length - kept;
        return Fit($"{head}\n{pointer(Math.Max(remaining, 1))}", limit);
    }
}
