namespace Bot.Registry.Auth;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge: its scheme and parameters. Parsed by hand because
/// quoted values carry commas (<c>scope="repository:app:pull,push"</c>) and escapes.
/// </summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameter("realm");

    public string? Service => Parameter("service");

    public string? Scope => Parameter("scope");

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses the scheme and parameters of one header value; null when it is not a challenge.</summary>
    public static AuthChallenge? TryParse(string? headerValue)
    {
        if (string.IsNullOrWhiteSpace(headerValue))
            return null;

        var text = headerValue.AsSpan().Trim();
        var space = text.IndexOf(' ');
        var scheme = (space < 0 ? text : text[..space]).ToString();
        if (scheme.Length == 0 || scheme.Contains('=', StringComparison.Ordinal))
            return null;

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = space < 0 ? ReadOnlySpan<char>.Empty : text[(space + 1)..];
        return TryParseParameters(rest, parameters) ? new AuthChallenge(scheme, parameters) : null;
    }

    private static bool TryParseParameters(ReadOnlySpan<char> text, Dictionary<string, string> parameters)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ',' || text[i] == '\t'))
                i++;
            if (i >= text.Length)
                return true;

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ' ' && text[i] != ',')
                i++;
            var name = text[nameStart..i].ToString();
            while (i < text.Length && text[i] == ' ')
                i++;
            if (name.Length == 0 || i >= text.Length || text[i] != '=')
                return false;
            i++;
            while (i < text.Length && text[i] == ' ')
                i++;

            string value;
            if (i < text.Length && text[i] == '"')
            {
                if (!TryReadQuoted(text, ref i, out value))
                    return false;
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',' && text[i] != ' ')
                    i++;
                value = text[valueStart..i].ToString();
            }

            parameters.TryAdd(name, value);
        }
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> text, ref int i, out string value)
    {
        var builder = new System.Text.StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && i < text.Length)
                c = text[i++];
            builder.Append(c);
        }

        value = "";
        return false;
    }
}
