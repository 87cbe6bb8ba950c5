using System.Text;

namespace Bot.GitHub.Logs;

/// <summary>
/// Says what failed a CI job, from its log alone: one pass, line by line, memory bounded whatever
/// the log's size. The classes are <see cref="CiErrorClasses"/>; registry failures that fail the
/// build win over unrelated failures, which win over registry trouble the build survives.
/// </summary>
public sealed class CiLogClassifier
{
    /// <summary>Past this a line is cut; no line the classifier looks for is anywhere near as long.</summary>
    public const int MaxLineLength = 8192;

    private readonly int _maxLineLength;

    public CiLogClassifier()
        : this(MaxLineLength)
    {
    }

    internal CiLogClassifier(int maxLineLength) => _maxLineLength = maxLineLength;

    public CiLogClassification Classify(TextReader log)
    {
        var reader = new BoundedLineReader(log, _maxLineLength);
        var scan = new LogScan();
        while (reader.ReadLine() is { } line)
            scan.Read(line);

        return scan.Finish();
    }

    /// <summary>Classifies a UTF-8 log (a byte-order mark is honoured) without reading it into one string.</summary>
    public CiLogClassification Classify(Stream utf8Log)
    {
        using var reader = new StreamReader(
            utf8Log, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Classify(reader);
    }

    public CiLogClassification Classify(string log)
    {
        using var reader = new StringReader(log);
        return Classify(reader);
    }
}
