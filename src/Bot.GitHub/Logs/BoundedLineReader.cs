using System.Text;

namespace Bot.GitHub.Logs;

/// <summary>
/// Reads lines without ever holding more than one capped line: a log with a 100 MB line (a
/// progress bar without newlines, a base64 dump) costs no more memory than a log of short ones.
/// The part of a line past the cap is dropped.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _filled;

    public BoundedLineReader(TextReader reader, int maxLineLength)
    {
        _reader = reader;
        _maxLineLength = maxLineLength;
    }

    public string? ReadLine()
    {
        _line.Clear();
        var sawAnything = false;
        while (true)
        {
            if (_position == _filled && !Fill())
                return sawAnything ? Finish() : null;

            sawAnything = true;
            var span = _buffer.AsSpan(_position, _filled - _position);
            var newline = span.IndexOf('\n');

            // The common case: the whole line sits in the buffer, so no builder is needed.
            if (newline >= 0 && _line.Length == 0)
            {
                _position += newline + 1;
                return Whole(span[..newline]);
            }
            var chunk = newline < 0 ? span : span[..newline];
            Append(chunk);
            _position += newline < 0 ? chunk.Length : newline + 1;
            if (newline >= 0)
                return Finish();
        }
    }

    private bool Fill()
    {
        _filled = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _filled > 0;
    }

    private string Whole(ReadOnlySpan<char> line)
    {
        if (line.Length > 0 && line[^1] == '\r')
            line = line[..^1];
        return new string(line.Length <= _maxLineLength ? line : line[.._maxLineLength]);
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        var room = _maxLineLength - _line.Length;
        if (room > 0)
            _line.Append(chunk[..Math.Min(room, chunk.Length)]);
    }

    private string Finish()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
            _line.Length--;
        return _line.ToString();
    }
}
